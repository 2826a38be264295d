"""The one TCP proxy the tests own, between a client and a real server on 127.0.0.1.

Clients connect to `proxy.port`; every byte is forwarded to the target. The faults it
injects, without ever stopping the server (other tests on the machine's PostgreSQL are not
disturbed; the server sees nothing but closed sockets):

- `cut()`: every live connection is reset at once (RST, as a dropped cable or a crashed
  NAT does); new connections are still accepted;
- `refuse()`: the server is gone — `cut()`, and every new connection is reset too until
  `accept()` (the client sees its connection refused or dropped, never a hang);
- `delay`: every chunk is held that many seconds before it is passed on, in each direction
  of each connection, so a round trip costs at least twice the delay (a slow network; the
  delay is the fault injected, not a wait for a condition).

Each direction of each connection has its own thread (so one connection's delay never
holds up another's). Callers must `close()` it (it is also a context manager).
"""

from __future__ import annotations

import socket
import struct
import threading
import time


def _reset(sock: socket.socket) -> None:
    """Close with SO_LINGER 0: the peer gets RST, not an orderly FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


class TcpProxy:
    """Forward 127.0.0.1:`port` to (`host`, `target_port`); break or slow the path on demand."""

    def __init__(self, host: str = "127.0.0.1", target_port: int = 5432, *, delay: float = 0.0) -> None:
        self.target = (host, target_port)
        self.delay = delay
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(128)
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._refusing = False
        self._closed = False
        self.accepted = 0  # connections forwarded
        self.refused = 0  # connections reset on arrival (refusing, or the target unreachable)
        self.cuts = 0
        self.chunks = 0  # chunks forwarded (both directions)
        threading.Thread(target=self._accept, name=f"tcp-proxy-{self.port}", daemon=True).start()

    # -- faults -------------------------------------------------------------------------
    def cut(self) -> None:
        """Reset every connection open now (new ones are still accepted)."""
        with self._lock:
            self.cuts += 1
            victims = list(self._open)
            self._open.clear()
        for s in victims:
            _reset(s)

    def refuse(self) -> None:
        """The server is gone: cut everything now and reset every new connection until `accept()`."""
        with self._lock:
            self._refusing = True
        self.cut()

    def accept(self) -> None:
        """The path is back: new connections are forwarded again."""
        with self._lock:
            self._refusing = False

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._open) // 2

    def url(self, database_url: str) -> str:
        """`database_url` with host and port replaced by this proxy's."""
        from sqlalchemy.engine import make_url
        u = make_url(database_url)
        return u.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    # -- plumbing -----------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refusing = self._refusing
            if refusing:
                self.refused += 1
                _reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                self.refused += 1
                _reset(client)
                continue
            for s in (client, upstream):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._open.update((client, upstream))
                self.accepted += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self.delay:
                    time.sleep(self.delay)  # the injected latency
                with self._lock:
                    self.chunks += 1
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.discard(src)
                self._open.discard(dst)
            _reset(src)
            _reset(dst)

    def close(self) -> None:
        self._closed = True
        self.refuse()
        try:
            self._listener.close()
        except OSError:
            pass

    def __enter__(self) -> "TcpProxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
