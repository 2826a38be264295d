"""The soak's fault injectors do what they claim, on servers and processes the test owns."""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from tests.support.tcp_proxy import TcpProxy
from tests.support.faults import Child, OwnedPostgres, wait_until


@pytest.fixture
def echo_server():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    stop = threading.Event()

    def serve() -> None:
        srv.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            threading.Thread(target=_echo, args=(conn,), daemon=True).start()
    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield srv.getsockname()[1]
    stop.set()
    t.join(timeout=2)
    srv.close()


def _echo(conn: socket.socket) -> None:
    with conn:
        try:
            while data := conn.recv(4096):
                conn.sendall(data)
        except OSError:
            pass  # the proxy reset it: that is the point


def _roundtrip(port: int, payload: bytes = b"ping") -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
        s.sendall(payload)
        return s.recv(4096)


def test_the_proxy_forwards_cuts_live_connections_and_refuses_new_ones_until_told(echo_server):
    with TcpProxy("127.0.0.1", echo_server) as proxy:
        assert _roundtrip(proxy.port) == b"ping"
        live = socket.create_connection(("127.0.0.1", proxy.port), timeout=2)
        live.sendall(b"a")
        assert live.recv(10) == b"a"
        proxy.cut()
        with pytest.raises(OSError):
            live.sendall(b"b")
            if not live.recv(10):  # an orderly close would be a bug: a cut is a reset
                raise ConnectionResetError
        live.close()
        assert _roundtrip(proxy.port) == b"ping"  # new connections still work after a cut
        proxy.refuse()
        with pytest.raises(OSError):
            with socket.create_connection(("127.0.0.1", proxy.port), timeout=2) as s:
                s.sendall(b"x")
                if not s.recv(10):
                    raise ConnectionResetError
        proxy.accept()
        assert _roundtrip(proxy.port) == b"ping"
        assert proxy.cuts == 2 and proxy.refused >= 1



@pytest.fixture
def silent_server():
    """A server that reads and never answers (a client waits in recv, as psycopg waits for a
    query's answer); `drop()` closes every connection it accepted (the server restarting)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    conns: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            conns.append(conn)
    t = threading.Thread(target=serve, daemon=True)
    t.start()

    def drop() -> None:
        while conns:
            c = conns.pop()
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # the proxy reset it already
            c.close()
    yield SimpleNamespace(port=srv.getsockname()[1], drop=drop)
    drop()
    srv.shutdown(socket.SHUT_RDWR)
    srv.close()
    t.join(timeout=2)


def _waiting_client(port: int) -> socket.socket:
    """A client that sent its query and waits for the answer (at most 10 s here, not forever)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(b"query")
    s.settimeout(10)
    return s


def _hears_the_break(s: socket.socket) -> bool:
    """True when the waiting client learns its connection is gone (EOF or reset) before its timeout."""
    started = time.monotonic()
    try:
        data = s.recv(10)
    except TimeoutError:
        return False
    except OSError:
        data = b""
    return data == b"" and time.monotonic() - started < 5


@pytest.mark.parametrize("by", ["cut", "server restart"])
def test_a_client_waiting_for_an_answer_hears_that_its_connection_is_gone(silent_server, by):
    """The soak's hang: a terminal waiting in psycopg for an answer while the proxy dropped its
    connection. A socket closed under another thread's blocked recv() stays open and silent;
    the proxy must shut it down so the client hears the break at once, whichever side broke."""
    with TcpProxy("127.0.0.1", silent_server.port) as proxy:
        client = _waiting_client(proxy.port)
        wait_until(lambda: proxy.open_connections == 1, timeout=5)
        with client:
            if by == "cut":
                proxy.cut()
            else:
                silent_server.drop()
            assert _hears_the_break(client), f"the client kept waiting after the {by}"
        wait_until(lambda: proxy.open_connections == 0, timeout=5)


def test_a_closed_proxy_leaves_no_thread_behind(silent_server):
    before = {t.ident for t in threading.enumerate()}
    proxy = TcpProxy("127.0.0.1", silent_server.port)
    clients = [_waiting_client(proxy.port) for _ in range(3)]
    wait_until(lambda: proxy.open_connections == 3, timeout=5)
    proxy.close()
    try:
        assert all(_hears_the_break(c) for c in clients)
        left = [t for t in threading.enumerate() if t.ident not in before and t.name.startswith("tcp-proxy")]
        assert left == [], f"threads still running after close(): {left}"
        with pytest.raises(OSError):
            _roundtrip(proxy.port)  # nothing listens any more
    finally:
        for c in clients:
            c.close()


def test_the_owned_postgres_is_a_private_server_that_stops_crashes_and_keeps_its_data():
    pg = OwnedPostgres()
    try:
        pg.start()
        assert pg.port != 5432 and pg.dir.is_relative_to(tempfile.gettempdir())
        url = pg.create_database("t")
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x int)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))
        engine.dispose()
        pg.stop("immediate")
        with pytest.raises(OperationalError):
            with create_engine(url).connect() as conn:
                conn.execute(text("SELECT 1"))
        pg.start()
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT x FROM t")).scalar() == 1  # crash recovery kept it
        engine.dispose()
    finally:
        pg.destroy()
    assert not pg.dir.exists()


def test_a_killed_child_takes_its_whole_process_group_with_it(tmp_path):
    marker = tmp_path / "grandchild.pid"
    code = ("import subprocess, sys, time; "
            "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
            f"open({str(marker)!r}, 'w').write(str(p.pid)); time.sleep(60)")
    child = Child("t", [sys.executable, "-c", code], env={}, log=tmp_path / "log").start()
    wait_until(lambda: marker.exists() and marker.read_text(), 20, what="grandchild started")
    grandchild = int(marker.read_text())
    child.kill()
    assert not child.alive()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{grandchild}/stat") as f:
                if f.read().split()[2] == "Z":
                    break
        except FileNotFoundError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the grandchild outlived the kill")
    child.start()
    assert child.alive() and child.starts == 2
    child.stop()


def test_the_owned_postgres_moves_to_a_fresh_port_when_its_port_was_taken_before_the_first_start():
    """The soak's server port is found free and released before PostgreSQL binds it: taken
    in between, the first start goes to a fresh port (a restart keeps its port or fails)."""
    pg = OwnedPostgres()
    taken = pg.port
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", taken))
        holder.listen()
        pg.start()
        assert pg.port != taken
        with create_engine(pg.url()).connect() as conn:
            assert conn.execute(text("SELECT current_setting('port')")).scalar() == str(pg.port)
        pg.stop()
        held_again = socket.socket()
        held_again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past our own TIME_WAITs
        try:
            held_again.bind(("127.0.0.1", pg.port))
            held_again.listen()
            with pytest.raises(RuntimeError, match="pg_ctl start failed"):
                pg.start()
        finally:
            held_again.close()
    finally:
        holder.close()
        pg.destroy()
