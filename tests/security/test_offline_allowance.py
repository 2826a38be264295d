"""The terminal takes offline only what its database login's allowance lets the ledger replay
(`add-login --offline-limit/--offline-total`, checked by `cage.replay_offline`), learns that
allowance whenever it reaches the ledger, and keeps it through a restart while offline. A
posting the ledger still refuses on replay (the allowance lowered after it was taken) is never
hidden: the link counts it and the supervisor's dashboard names the terminal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import OfflineNotAllowed
from cashier_desktop.domain.receipts import PendingReceipt
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.monitoring.dashboard import collect
from cashier_desktop.terminal.live import send_heartbeat
from cashier_desktop.terminal.online import OfflineAllowance
from tests.support.factories import make_player
from tests.support.journal_terminal import open_terminal, proxy_for
from tests.support.shifts import open_test_shift

D = Decimal


def _terminal(secure, tmp_path, terminal_id, proxy=None, url=None, **allowance):
    """The terminal at its own login (made here, or the one at `url` again: a restart)."""
    url = url or secure.login("terminal", terminal_id=terminal_id, **allowance).url.render_as_string(
        hide_password=False)
    t = open_terminal(url, secure.admin, tmp_path, terminal_id=terminal_id, shift=False, proxy=proxy)
    t.login_url = url
    return t


def _go_offline(t) -> None:
    """The ledger goes away and the terminal has noticed (its background replay's probe), so a
    posting is judged offline at once rather than sent and broken mid-way (in doubt)."""
    t.proxy.refuse()
    assert t.services.local.replay().unavailable and not t.link.online


def test_a_login_made_without_an_offline_limit_takes_nothing_offline_even_after_a_restart_offline(
        secure, tmp_path):
    tid = "T-ALW-0"
    open_test_shift(secure.admin, tid)
    player = make_player(secure.admin)
    t = _terminal(secure, tmp_path, tid)  # configured caps: ₹50,000 / ₹5,00,000; the login's: 0
    try:
        assert t.link.allowance() == OfflineAllowance(D("0"), D("0"))  # learned at start-up
        staff = t.login()
        _go_offline(t)
        with pytest.raises(OfflineNotAllowed, match="database login allows no offline postings"):
            t.post("deposit", player, "500", staff=staff)
        assert t.journal.pending(ledger=t.services.local.port.name) == []
    finally:
        t.close()
    cut = proxy_for(t.login_url)
    cut.refuse()  # restart with the ledger unreachable: only the journal can say what is allowed
    t2 = _terminal(secure, tmp_path, tid, proxy=cut, url=t.login_url)
    try:
        assert not t2.link.online
        assert t2.link.allowance() == OfflineAllowance(D("0"), D("0"))
        staff = t2.login()  # offline login, by the verifier kept at the online one
        with pytest.raises(OfflineNotAllowed, match="database login allows no offline postings"):
            t2.post("deposit", player, "500", staff=staff)
        assert t2.journal.pending(ledger=t2.services.local.port.name) == []
        cut.accept()
        assert t2.services.local.replay().complete
    finally:
        t2.close()
    assert get_balance(secure.admin, player, currency="INR").cash.amount == D("0.00")


def test_within_the_logins_allowance_an_offline_deposit_is_taken_replayed_and_accepted(secure, tmp_path):
    tid = "T-ALW-1"
    open_test_shift(secure.admin, tid)
    player = make_player(secure.admin)
    t = _terminal(secure, tmp_path, tid, offline_limit=D("1000"), offline_total=D("1500"))
    try:
        assert t.link.allowance() == OfflineAllowance(D("1000.00"), D("1500.00"))
        staff = t.login()
        _go_offline(t)
        with pytest.raises(OfflineNotAllowed, match="allows at most ₹1,000.00 per posting"):
            t.post("deposit", player, "1000.01", staff=staff)
        assert isinstance(t.post("deposit", player, "1000", staff=staff), PendingReceipt)
        with pytest.raises(OfflineNotAllowed, match="₹1,500.00 offline per shift.*at most ₹500.00 more"):
            t.post("deposit", player, "600", staff=staff)
        assert isinstance(t.post("deposit", player, "500", staff=staff), PendingReceipt)
        t.proxy.accept()
        report = t.services.local.replay()
        assert report.posted == 2 and report.rejected == [] and report.complete
        assert t.link.status().refused == ()
    finally:
        t.close()
    assert get_balance(secure.admin, player, currency="INR").cash.amount == D("1500.00")


def test_an_allowance_the_operator_changes_while_the_terminal_is_online_is_learned_at_the_next_heartbeat(
        secure, tmp_path):
    tid = "T-ALW-4"
    open_test_shift(secure.admin, tid)
    player = make_player(secure.admin)
    t = _terminal(secure, tmp_path, tid, offline_limit=D("1000"), offline_total=D("5000"))
    try:
        staff = t.login()
        assert t.link.allowance() == OfflineAllowance(D("1000.00"), D("5000.00"))
        with secure.admin.begin() as conn:
            conn.execute(text("UPDATE cage.terminal_logins SET offline_limit = 0 WHERE terminal_id = :t"),
                         {"t": tid})
        send_heartbeat(t.services, staff_id=staff.id)  # no extra round trip: it comes with the beat
        assert t.link.allowance() == OfflineAllowance(D("0.00"), D("5000.00"))
        _go_offline(t)
        with pytest.raises(OfflineNotAllowed, match="database login allows no offline postings"):
            t.post("deposit", player, "10", staff=staff)
    finally:
        t.close()


def test_a_posting_whose_send_broke_counts_against_the_shifts_allowance_as_the_ledger_counts_it(
        secure, tmp_path):
    tid = "T-ALW-3"
    open_test_shift(secure.admin, tid)
    player = make_player(secure.admin)
    t = _terminal(secure, tmp_path, tid, offline_limit=D("1000"), offline_total=D("1500"))
    try:
        staff = t.login()
        t.proxy.refuse()  # mid-send: the database would have chosen the shift; the terminal names it
        assert isinstance(t.post("deposit", player, "1000", staff=staff), PendingReceipt)
        with pytest.raises(OfflineNotAllowed, match="at most ₹500.00 more"):
            t.post("deposit", player, "600", staff=staff)
        assert isinstance(t.post("deposit", player, "500", staff=staff), PendingReceipt)
        assert t.journal.verify() == []
        t.proxy.accept()
        report = t.services.local.replay()
        assert report.posted == 2 and report.rejected == [] and report.complete
    finally:
        t.close()
    assert get_balance(secure.admin, player, currency="INR").cash.amount == D("1500.00")


def test_a_posting_the_ledger_refuses_on_replay_is_counted_and_the_supervisors_dashboard_names_it(
        secure, tmp_path):
    tid = "T-ALW-2"
    open_test_shift(secure.admin, tid)
    player = make_player(secure.admin)
    t = _terminal(secure, tmp_path, tid, offline_limit=D("1000"), offline_total=D("5000"))
    try:
        staff = t.login()
        t.proxy.refuse()
        taken = t.post("deposit", player, "700", staff=staff)
        assert isinstance(taken, PendingReceipt)
        with secure.admin.begin() as conn:  # the operator lowers the allowance meanwhile
            conn.execute(text("UPDATE cage.terminal_logins SET offline_limit = 0, offline_total = 0 "
                              "WHERE terminal_id = :t"), {"t": tid})
        t.proxy.accept()
        report = t.services.local.replay()
        assert [r["id"] for r in report.rejected] == [str(taken.id)] and report.complete
        status = t.link.status()
        assert status.pending == 0
        assert [(r.id, r.amount, r.player_id) for r in status.refused] == [(taken.id, D("700.00"), player)]
        assert "offline" in status.refused[0].reason
        assert t.link.allowance() == OfflineAllowance(D("0.00"), D("0.00"))  # learned at that replay
        send_heartbeat(t.services, staff_id=staff.id)
        seen = {x.terminal_id: x for x in collect(secure.login("monitor"), heartbeat_seconds=15).terminals}
        assert seen[tid].refused_entries == 1 and seen[tid].pending_entries == 0
        t.journal.resolve(taken.id, "S300", "cash returned to the player")  # a supervisor's resolution
        assert t.link.status().refused == ()
        send_heartbeat(t.services, staff_id=staff.id)
        seen = {x.terminal_id: x for x in collect(secure.login("monitor"), heartbeat_seconds=15).terminals}
        assert seen[tid].refused_entries == 0
    finally:
        t.close()
    assert get_balance(secure.admin, player, currency="INR").cash.amount == D("0.00")


def test_a_terminal_login_reads_its_own_allowance_only_and_reports_refusals_for_its_own_terminal_only(secure):
    mine = secure.login("terminal", terminal_id="T-ALW-A", offline_limit=D("10"), offline_total=D("20"))
    other = secure.login("terminal", terminal_id="T-ALW-B", offline_limit=D("30"), offline_total=D("40"))
    with mine.connect() as conn:
        assert conn.execute(text("SELECT terminal_id, offline_limit, offline_total FROM cage.offline_allowance()")
                            ).all() == [("T-ALW-A", D("10.00"), D("20.00"))]
    with other.begin() as conn:
        conn.execute(text("SELECT cage.terminal_heartbeat('T-ALW-B', NULL, 0, NULL, NULL, 'x', '{}', '{}', '{}')"))
    with mine.begin() as conn:  # another terminal's row: unchanged
        conn.execute(text("SELECT cage.terminal_refused_entries('T-ALW-B', 99)"))
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT refused_entries FROM terminal_heartbeats WHERE terminal_id = 'T-ALW-B'")
                            ).scalar_one() == 0
    with mine.begin() as conn, pytest.raises(Exception, match="permission denied"):
        conn.execute(text("UPDATE terminal_heartbeats SET refused_entries = 0"))
