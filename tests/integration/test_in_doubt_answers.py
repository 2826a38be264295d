"""One true answer per posting when a send is in doubt: never "refused" for what may have
posted, never a second send of what another live process is sending, never "refused" for a
busy ledger on replay. Real PostgreSQL through a proxy the test owns; real journal files."""

from __future__ import annotations

import threading
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
