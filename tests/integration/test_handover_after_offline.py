"""Offline postings and a handover, with a real journal at the terminal's own login (where
migration 0021's rule applies: only the shift's cashier posts into it). Entries taken offline
in the outgoing cashier's shift keep the drawer from changing hands until they are posted;
replayed, they land in the shift they were taken in, as its cashier's; then the handover
closes that shift with them in its expected cash and the incoming cashier posts in the new one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import NotAuthorized, ShiftError
from cashier_desktop.domain.receipts import PendingReceipt, Receipt
from cashier_desktop.terminal.handover import hand_over
from cashier_desktop.terminal.session import login
from cashier_desktop.terminal.verbs import Credentials
from tests.integration.staff_helpers import new_staff, new_terminal
from tests.support.databases import login_url
from tests.support.factories import make_player
from tests.support.journal_terminal import open_terminal


def test_offline_entries_post_into_the_outgoing_shift_before_the_drawer_changes_hands(ledger, engine, tmp_path):
    url, _ = ledger
    terminal_id = new_terminal()
    at_login = login_url(url, "terminal", terminal_id=terminal_id, offline_limit=Decimal("10000"),
                         offline_total=Decimal("50000"))
    t = open_terminal(at_login, engine, tmp_path, terminal_id=terminal_id,
                      offline_deposit_cap="10000", offline_shift_cap="50000")
    incoming = new_staff(engine, "cashier", pin="5555")
    try:
        outgoing = login(t.services, "C100", "1111")
        pid = make_player(engine)
        t.proxy.refuse()
        taken = [t.post("deposit", pid, amount, staff=outgoing.staff) for amount in ("300", "200")]
        assert all(isinstance(p, PendingReceipt) for p in taken)
        t.proxy.accept()
        with pytest.raises(ShiftError, match="2 postings are still waiting"):
            hand_over(t.services, outgoing, Credentials(incoming.id, "5555"), "500=2", "500=2")

        report = t.services.local.replay()
        assert report.complete and report.posted == 2, report
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT shift_id, staff_id, offline_attested FROM ledger_transactions "
                                     "WHERE player_id = :p ORDER BY seq"), {"p": pid}).all()
        assert [tuple(r) for r in rows] == [(t.shift_id, "C100", True)] * 2

        done = hand_over(t.services, outgoing, Credentials(incoming.id, "5555"), "500=1", "500=1")
        assert done.closed.id == t.shift_id
        assert (done.closed.expected.amount, done.closed.variance.amount) == (Decimal("500.00"), Decimal("0.00"))
        after = t.post("deposit", pid, "100", staff=done.incoming.staff)
        assert isinstance(after, Receipt) and (after.shift_id, after.staff_id) == (done.opened.id, incoming.id)
        # the outgoing cashier, logged in again, no longer posts at this terminal: the drawer is not theirs
        again = login(t.services, "C100", "1111")
        with pytest.raises(NotAuthorized, match="drawer"):
            t.post("deposit", pid, "100", staff=again.staff)
    finally:
        t.close()


def test_a_second_cashiers_offline_entry_is_refused_at_the_counter_not_only_on_replay(ledger, engine, tmp_path):
    """The journal keeps the known shift's cashier (learned at start-up, at open and at a
    handover): with the ledger unreachable, a deposit by anyone else is refused at once with
    the ledger's own sentence, and nothing is journaled to be refused on replay."""
    url, _ = ledger
    terminal_id = new_terminal()
    at_login = login_url(url, "terminal", terminal_id=terminal_id, offline_limit=Decimal("10000"),
                         offline_total=Decimal("50000"))
    t = open_terminal(at_login, engine, tmp_path, terminal_id=terminal_id,
                      offline_deposit_cap="10000", offline_shift_cap="50000")
    other = new_staff(engine, "cashier", pin="5555")
    try:
        owner = login(t.services, "C100", "1111")
        second = login(t.services, other.id, "5555")  # online: the offline verifier is cached
        pid = make_player(engine)
        t.proxy.refuse()
        with pytest.raises(NotAuthorized) as refused:
            t.post("deposit", pid, "300", staff=second.staff)
        assert str(refused.value) == (f"Shift {t.shift_id} at terminal {terminal_id} is C100's drawer and only they "
                                      "post into it: hand the drawer over first (a handover); nothing was posted.")
        assert not [e for e in t.journal.entries() if e.command.player_id == pid and e.state == "pending"]
        taken = t.post("deposit", pid, "200", staff=owner.staff)  # the drawer's own cashier: taken offline
        assert isinstance(taken, PendingReceipt)
        t.proxy.accept()
        report = t.services.local.replay()
        assert report.complete and report.posted == 1 and not report.rejected, report

        # after a handover the journal knows the new cashier: the outgoing one is refused offline
        done = hand_over(t.services, owner, Credentials(other.id, "5555"), "100=2", "100=2")
        again = login(t.services, "C100", "1111")
        t.proxy.refuse()
        with pytest.raises(NotAuthorized, match=f"is {other.id}'s drawer"):
            t.post("deposit", pid, "100", staff=again.staff)
        assert isinstance(t.post("deposit", pid, "100", staff=done.incoming.staff), PendingReceipt)
        t.proxy.accept()
    finally:
        t.close()
