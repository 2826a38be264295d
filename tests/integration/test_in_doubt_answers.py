"""One true answer per posting when a send is in doubt: never "refused" for what may have
posted, never a second send of what another live process is sending, never "refused" for a
busy ledger on replay. Real PostgreSQL through a proxy the test owns; real journal files."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import PostingInDoubt
from cashier_desktop.domain.receipts import PendingReceipt, Receipt
from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import open_terminal


@pytest.fixture
def terminal(ledger, tmp_path):
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path)
    yield t
    t.close()


def _ledger_name(t) -> str:
    return t.services.local.port.name


def _command(t, player: str, amount: str):
    return cmd("deposit", player, amount, terminal_id=t.terminal_id, shift_id=t.shift_id)


def test_an_entry_whose_send_broke_is_answered_in_doubt_never_refused(terminal, engine):
    player = make_player(engine)
    c = _command(terminal, player, "40")
    terminal.journal.append_pending(c, ledger=_ledger_name(terminal))
    terminal.journal.mark_rejected(c.id, "in_doubt", "The connection broke while sending.", in_doubt=True)
    with pytest.raises(PostingInDoubt, match="in doubt"):
        terminal.post_command(c)
    e = terminal.journal.entry(c.id)
    assert e.state == "rejected" and e.in_doubt, "still in doubt until the ledger says"


def test_an_unexpected_failure_after_the_ledger_committed_is_in_doubt_and_replay_finds_it(
        terminal, engine, monkeypatch):
    """A bug after the commit (here: the port raises once the real posting is in): the cashier
    hears "in doubt", and the entry is settled as posted, never left "refused"."""
    player = make_player(engine)
    port = terminal.services.local.port
    real_post = port.post

    def commits_then_fails(command):
        real_post(command)
        raise RuntimeError("a bug after the commit")

    monkeypatch.setattr(port, "post", commits_then_fails)
    c = _command(terminal, player, "60")
    with pytest.raises(PostingInDoubt, match="may have gone through"):
        terminal.post_command(c)
    monkeypatch.setattr(port, "post", real_post)
    e = terminal.journal.entry(c.id)
    assert e.state == "rejected" and e.in_doubt
    terminal.services.local.replay()
    assert terminal.journal.entry(c.id).state == "posted"
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("60.00")


def test_a_posting_another_live_process_is_sending_gets_that_processs_answer(terminal, engine):
    """Two programs of one terminal share its journal: while the other one holds the entry
    (mid-send), this one waits for its outcome and gives the same receipt — not "pending",
    not a second send."""
    player = make_player(engine)
    c = _command(terminal, player, "75")
    other = Journal(terminal.journal.path, terminal_id=terminal.terminal_id)
    try:
        other.append_pending(c, ledger=_ledger_name(terminal))  # claimed by the other program
        assert terminal.journal.claim_owner(c.id) == other.owner

        def the_other_program_finishes_its_send() -> None:
            receipt = post(engine, c)
            other.mark_posted(c.id, receipt)

        sender = threading.Timer(0.5, the_other_program_finishes_its_send)
        sender.start()
        try:
            answer = terminal.post_command(c)
        finally:
            sender.join()
    finally:
        other.close()
    assert isinstance(answer, Receipt) and not isinstance(answer, PendingReceipt), answer
    assert answer.id == c.id and answer.cash_after.amount == Decimal("75.00")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE id = :i"), {"i": c.id}).scalar() == 1


def test_a_busy_ledger_on_replay_leaves_the_entry_pending_not_refused(terminal, engine):
    """A row lock held elsewhere times the replay's posting out (LedgerBusy: rolled back):
    the entry stays pending for the next replay; it is not a refusal for a supervisor."""
    player = make_player(engine)
    staff = terminal.login()
    terminal.proxy.refuse()
    pending = terminal.post("deposit", player, "25", staff=staff)
    assert isinstance(pending, PendingReceipt)
    terminal.proxy.accept()
    with engine.connect() as blocker:
        tx = blocker.begin()
        blocker.execute(text("SELECT 1 FROM players WHERE id = :p FOR UPDATE"), {"p": player})
        report = terminal.services.local.replay()
        tx.rollback()
    assert report.busy and not report.rejected, report
    assert terminal.journal.entry(pending.id).state == "pending"
    report = terminal.services.local.replay()
    assert report.complete and report.posted == 1
    assert terminal.journal.entry(pending.id).state == "posted"


def _backends(engine, pid: int) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p"), {"p": pid}).scalar()


def _in_doubt_with_pid(terminal, engine, amount: str, pid: int):
    c = _command(terminal, make_player(engine), amount)
    terminal.journal.append_pending(c, ledger=_ledger_name(terminal))
    terminal.journal.mark_rejected(c.id, "in_doubt", "The connection broke while sending.", in_doubt=True,
                                   backend_pid=pid)
    return c


def test_a_refusal_in_doubt_whose_server_process_has_ended_is_settled_at_once_by_replay(terminal, engine):
    """The journal keeps the broken send's server process: once it is gone, the ledger's "no
    such posting" is final — replay settles the entry now, not after the 45 s statement timeout
    (a cashier told "in doubt" waits for that answer)."""
    port = terminal.services.local.port
    with port.engine.connect() as sender:
        pid = sender.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        sender.invalidate()  # the connection breaks; its server process ends
    c = _in_doubt_with_pid(terminal, engine, "45", pid)
    deadline = time.monotonic() + 10
    while _backends(engine, pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert terminal.journal.broken_send(c.id)[0] == pid
    report = terminal.services.local.replay()
    e = terminal.journal.entry(c.id)
    assert e.state == "rejected" and not e.in_doubt and report.confirmed_refused == 1
    assert get_balance(engine, c.player_id, currency="INR").cash.amount == Decimal("0.00")


def test_a_refusal_in_doubt_whose_server_process_still_runs_is_settled_after_that_process_is_ended(
        terminal, engine):
    port = terminal.services.local.port
    sender = port.engine.connect()
    try:
        pid = sender.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        c = _in_doubt_with_pid(terminal, engine, "46", pid)
        assert _backends(engine, pid) == 1
        terminal.services.local.replay()
        assert _backends(engine, pid) == 0, "the process that could still commit it was ended first"
        e = terminal.journal.entry(c.id)
        assert e.state == "rejected" and not e.in_doubt
    finally:
        sender.invalidate()
        sender.close()


def test_a_newer_server_process_with_the_same_pid_is_someone_elses_and_is_left_alone(terminal, engine):
    port = terminal.services.local.port
    with port.engine.connect() as other:
        pid = other.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        long_ago = datetime(2000, 1, 1, tzinfo=timezone.utc)  # the send broke before it started
        assert port.backend_gone(pid, started_before=long_ago) is True
        assert _backends(engine, pid) == 1, "not terminated: it is not the process that ran the send"
        assert other.exec_driver_sql("SELECT 1").scalar() == 1


def test_an_in_doubt_entry_whose_server_process_is_unknown_waits_for_the_statement_timeout(terminal, engine):
    c = _command(terminal, make_player(engine), "47")
    terminal.journal.append_pending(c, ledger=_ledger_name(terminal))
    terminal.journal.mark_rejected(c.id, "in_doubt", "The posting failed unexpectedly.", in_doubt=True)
    assert terminal.journal.broken_send(c.id) is None
    report = terminal.services.local.replay()
    assert terminal.journal.entry(c.id).in_doubt and report.still_in_doubt == 1


def test_a_transaction_begun_at_the_moment_the_send_broke_is_neither_ended_nor_taken_for_gone(terminal, engine):
    """The break's time is known on the terminal's clock only to within the round trip that
    reads the server's: a transaction that began inside that window could be the send's own
    or a newer one, so replay neither ends it nor settles on it ("not sure": the entry waits
    for the statement timeout)."""
    port = terminal.services.local.port
    with port.engine.connect() as other:
        pid, began = other.exec_driver_sql("SELECT pg_backend_pid(), now()").one()  # now(): the transaction's start
        assert port.backend_gone(pid, started_before=began) is False
        assert _backends(engine, pid) == 1, "not terminated: it may be another client's"
        assert other.exec_driver_sql("SELECT 1").scalar() == 1
