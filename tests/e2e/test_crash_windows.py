"""SIGKILL a real terminal process at each window of the posting protocol, then restart it.

The windows are reached deterministically: with `CASHIER_CRASH_AT=<point>` the process
writes `CASHIER_CRASH_READY` when it gets there and blocks; the test then kills it with
SIGKILL. After the restart every operation is in the ledger exactly once (or explicitly
rejected), the journal verifies, and the shift reconciles clean.
"""

from __future__ import annotations

import json
import os
import signal
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger.integrity import run_integrity
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import cli, cli_popen
from tests.support.shifts import open_test_shift

pytestmark = pytest.mark.slow


def wait_for(path: Path, proc, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            return
        if proc.poll() is not None:
            raise AssertionError(f"the terminal exited ({proc.returncode}) before the window: "
                                 f"{proc.stderr.read()}")
        time.sleep(0.02)
    raise AssertionError("the terminal never reached the crash window")


def kill_at(point: str, args: list[str], kw: dict, tmp_path: Path, **env) -> None:
    ready = tmp_path / f"ready-{uuid.uuid4().hex[:6]}"
    proc = cli_popen(args, **kw, extra_env={"CASHIER_CRASH_AT": point, "CASHIER_CRASH_READY": str(ready), **env})
    try:
        wait_for(ready, proc)
        assert ready.read_text() == point
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def count_in_ledger(engine, ids) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id::text, count(*) FROM ledger_transactions WHERE id = ANY(:ids) "
                                 "GROUP BY id"), {"ids": [uuid.UUID(str(i)) for i in ids]}).fetchall()
    found = dict(rows)
    return {str(i): found.get(str(i), 0) for i in ids}


@pytest.fixture
def term(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    terminal = f"T-CRASH-{uuid.uuid4().hex[:6]}"
    shift = open_test_shift(engine, terminal)
    kw = dict(url=url, journal=tmp_path / "journal.sqlite", terminal_id=terminal)
    return engine, shift, kw


def restart_and_check(engine, shift, kw, ids) -> None:
    replay = cli(["journal", "replay", "--json"], **kw)
    assert replay.returncode == 0, replay.stdout + replay.stderr
    assert count_in_ledger(engine, ids) == {str(i): 1 for i in ids}
    with Journal(kw["journal"]) as j:
        assert j.verify() == []
        assert {j.entry(uuid.UUID(str(i))).state for i in ids} == {"posted"}
    rec = cli(["reconcile", "--shift", str(shift), "--json"], **kw)
    assert rec.returncode == 0, rec.stdout + rec.stderr
    assert json.loads(rec.stdout)["counts"] == {"matched": len(ids)}
    assert run_integrity(engine) == []


def test_killed_after_the_journal_write_and_before_the_send(term, tmp_path):
    engine, shift, kw = term
    player = make_player(engine)
    posting_id = uuid.uuid4()
    kill_at("after_journal_write", ["post", "deposit", "--player", player, "--amount", "100", "--staff", "C100",
                                    "--id", str(posting_id), "--json"], kw, tmp_path)
    assert count_in_ledger(engine, [posting_id]) == {str(posting_id): 0}
    with Journal(kw["journal"]) as j:
        assert j.entry(posting_id).state == "pending"
    restart_and_check(engine, shift, kw, [posting_id])


def test_killed_after_the_ledger_commit_and_before_the_journal_update(term, tmp_path):
    engine, shift, kw = term
    player = make_player(engine)
    posting_id = uuid.uuid4()
    kill_at("after_ledger_commit", ["post", "deposit", "--player", player, "--amount", "100", "--staff", "C100",
                                    "--id", str(posting_id), "--json"], kw, tmp_path)
    assert count_in_ledger(engine, [posting_id]) == {str(posting_id): 1}
    with Journal(kw["journal"]) as j:
        assert j.entry(posting_id).state == "pending", "in doubt: committed but not recorded"
    restart_and_check(engine, shift, kw, [posting_id])
    again = cli(["post", "deposit", "--player", player, "--amount", "100", "--staff", "C100",
                 "--id", str(posting_id), "--json"], **kw)
    assert again.returncode == 0 and json.loads(again.stdout)["replayed"] is True
    assert count_in_ledger(engine, [posting_id]) == {str(posting_id): 1}


def test_killed_in_the_middle_of_a_replay(term, tmp_path):
    engine, shift, kw = term
    player = make_player(engine)
    cmds = [cmd("deposit", player, str(10 + i), terminal_id=kw["terminal_id"], shift_id=shift) for i in range(5)]
    with Journal(kw["journal"], terminal_id=kw["terminal_id"]) as j:
        for c in cmds:  # taken offline earlier
            j.append_pending(c, ledger=engine.url.database, offline=True)
    # batches of two: the first batch is committed and recorded, the second committed, then the kill
    kill_at("replay_after_ledger", ["journal", "replay"], kw, tmp_path, CASHIER_REPLAY_BATCH="2",
            CASHIER_CRASH_SKIP="1")
    assert sorted(count_in_ledger(engine, [c.id for c in cmds]).values()) == [0, 1, 1, 1, 1]
    with Journal(kw["journal"]) as j:
        assert [j.entry(c.id).state for c in cmds] == ["posted", "posted", "pending", "pending", "pending"]
    restart_and_check(engine, shift, kw, [c.id for c in cmds])
    with engine.connect() as conn:
        order = [str(r[0]) for r in conn.execute(text(
            "SELECT id FROM ledger_transactions WHERE player_id = :p ORDER BY seq"), {"p": player})]
    assert order == [str(c.id) for c in cmds], "replayed in the order taken"
