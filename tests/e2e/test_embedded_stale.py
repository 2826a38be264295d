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
