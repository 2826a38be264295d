"""The offline policy and the link's state machine, with fakes (pure logic, no I/O)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import OfflineNotAllowed
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.terminal.online import Link, LinkStatus, OfflinePolicy
from tests.support.factories import cmd

D = Decimal
POLICY = OfflinePolicy(deposit_cap=D("50000"), shift_cap=D("500000"), withdrawals=True,
                       withdrawal_cap=D("20000"))


def check(c, policy=POLICY, taken=D("0"), known=D("100000"), pending=D("0")):
    policy.check(c, taken_in_shift=taken, last_known_cash=known, pending_withdrawals=pending)


def test_a_deposit_exactly_at_the_per_transaction_cap_is_taken_and_one_paisa_more_is_not():
    check(cmd("deposit", "p", "50000.00"))
    with pytest.raises(OfflineNotAllowed, match="above ₹50,000.00"):
        check(cmd("deposit", "p", "50000.01"))


def test_the_shift_cap_is_reached_exactly_and_not_exceeded():
    check(cmd("deposit", "p", "100"), taken=D("499900"))
    with pytest.raises(OfflineNotAllowed, match="at most ₹99.99 more"):
        check(cmd("deposit", "p", "100"), taken=D("499900.01"))


def test_withdrawals_are_refused_offline_unless_enabled():
    off = OfflinePolicy(D("50000"), D("500000"), False, D("20000"))
    with pytest.raises(OfflineNotAllowed, match="withdrawals cannot be paid"):
        check(cmd("withdrawal", "p", "1"), policy=off)


def test_a_withdrawal_is_limited_by_its_cap_and_by_the_last_known_balance_minus_pending_ones():
    check(cmd("withdrawal", "p", "20000"))
    with pytest.raises(OfflineNotAllowed, match="above ₹20,000.00"):
        check(cmd("withdrawal", "p", "20000.01"))
    check(cmd("withdrawal", "p", "300"), known=D("1000"), pending=D("700"))
    with pytest.raises(OfflineNotAllowed, match="at most ₹300.00"):
        check(cmd("withdrawal", "p", "300.01"), known=D("1000"), pending=D("700"))
    with pytest.raises(OfflineNotAllowed, match="has not been seen"):
        check(cmd("withdrawal", "p", "1"), known=None)


@pytest.mark.parametrize("kind", [Kind.MARKER_ISSUE, Kind.CREDIT_LINE, Kind.MARKER_REDEEM])
def test_credit_is_never_taken_offline(kind):
    extra = {"approver_id": "F200"} if kind is Kind.CREDIT_LINE else {}
    with pytest.raises(OfflineNotAllowed, match="credit"):
        check(cmd(kind, "p", "1", **extra))


def test_corrections_are_not_taken_offline():
    with pytest.raises(OfflineNotAllowed, match="adjustment"):
        check(cmd("adjust_in", "p", "1", approver_id="S300", reason="x"))


class FakeJournal:
    """Just the figures the link reads."""

    def __init__(self) -> None:
        self.pending = 0
        self.offline_deposits = D("0")
        self.balances: dict[str, Decimal] = {}
        self.pending_out = D("0")

    def pending_count(self, *, shift_id=None, ledger=None) -> int:
        return self.pending

    def needing_attention(self) -> list:
        return []

    def offline_total(self, *, ledger, shift_id, kind) -> Decimal:
        return self.offline_deposits

    def known_balance(self, ledger, player_id):
        return self.balances.get(player_id)

    def pending_total(self, *, ledger, player_id, kind) -> Decimal:
        return self.pending_out


def test_the_link_goes_offline_at_once_and_tells_listeners_once_per_change():
    now = [0.0]
    link = Link(FakeJournal(), "db", POLICY, terminal_id="T", retry_interval=5, clock=lambda: now[0])
    seen: list[LinkStatus] = []
    remove = link.add_listener(seen.append)
    assert link.online
    link.went_offline("connection refused")
    link.went_offline("connection refused")
    assert not link.online and [s.state for s in seen] == ["offline"] and seen[0].reason == "connection refused"
    assert not link.due_for_retry()
    now[0] = 5.0
    assert link.due_for_retry()
    link.went_online()
    assert [s.state for s in seen] == ["offline", "online"] and not link.due_for_retry()
    remove()
    link.went_offline("x")
    assert len(seen) == 2


def test_a_failing_listener_does_not_stop_the_state_change():
    link = Link(FakeJournal(), "db", POLICY, terminal_id="T")
    link.add_listener(lambda s: 1 / 0)
    link.went_offline("gone")
    assert link.state == "offline"


def test_the_link_checks_policy_with_the_journals_figures_and_not_against_itself():
    j = FakeJournal()
    link = Link(j, "db", POLICY, terminal_id="T")
    j.balances["p"] = D("500")
    j.pending_out = D("500")
    with pytest.raises(OfflineNotAllowed):
        link.check_offline(cmd("withdrawal", "p", "100"))
    j.pending_out = D("100")  # this very withdrawal, already journaled before its send failed
    link.check_offline(cmd("withdrawal", "p", "100"), journaled=True)
    j.offline_deposits = D("500000")
    with pytest.raises(OfflineNotAllowed, match="this shift has taken"):
        link.check_offline(cmd("deposit", "p", "1"))
