"""The offline policy and the link's state machine, with fakes (pure logic, no I/O)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import OfflineNotAllowed
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.terminal.online import Link, LinkStatus, OfflineAllowance, OfflinePolicy
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
        self.allowance: tuple | None = None  # (per posting, per shift) learned from the ledger
        self.offline_all_kinds = D("0")
        self.shift_cashier: tuple[int, str] | None = None  # (shift, its cashier) as last learned

    def known_allowance(self, ledger, terminal_id):
        return self.allowance

    def known_shift_cashier(self, ledger, terminal_id):
        return self.shift_cashier

    def remember_allowance(self, ledger, terminal_id, limit, total):
        self.allowance = (limit, total)

    def pending_count(self, *, shift_id=None, ledger=None) -> int:
        return self.pending

    def needing_attention(self) -> list:
        return []

    def offline_total(self, *, ledger, shift_id, kind) -> Decimal:
        return self.offline_deposits if kind is not None else self.offline_all_kinds

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


def test_a_login_allowed_nothing_offline_refuses_every_offline_posting_in_its_own_sentence():
    j = FakeJournal()
    link = Link(j, "db", POLICY, terminal_id="T")
    link.check_offline(cmd("deposit", "p", "500", shift_id=1))  # never learned: the configured caps
    link.learn_allowance((D("0"), D("0")))
    for c in (cmd("deposit", "p", "500", shift_id=1), cmd("withdrawal", "p", "1", shift_id=1),
              cmd("deposit", "p", "60000", shift_id=1)):  # above the configured cap too: the login is why
        with pytest.raises(OfflineNotAllowed, match="database login allows no offline postings"):
            link.check_offline(c)


def test_the_smaller_of_the_configured_caps_and_the_logins_allowance_decides_and_is_named():
    j = FakeJournal()
    link = Link(j, "db", POLICY, terminal_id="T")
    link.learn_allowance((D("5000"), D("8000")))
    link.check_offline(cmd("deposit", "p", "5000", shift_id=1))
    with pytest.raises(OfflineNotAllowed, match="login allows at most ₹5,000.00 per posting"):
        link.check_offline(cmd("deposit", "p", "5000.01", shift_id=1))
    j.offline_all_kinds = D("6000")  # deposits and withdrawals, as the ledger counts them
    with pytest.raises(OfflineNotAllowed, match="allows ₹8,000.00 offline per shift.*at most ₹2,000.00 more"):
        link.check_offline(cmd("deposit", "p", "2000.01", shift_id=1))
    link.check_offline(cmd("deposit", "p", "2000", shift_id=1))
    big = Link(FakeJournal(), "db", POLICY, terminal_id="T")
    big.learn_allowance((D("900000"), D("9000000")))  # larger than the configuration: the config speaks
    with pytest.raises(OfflineNotAllowed, match="above ₹50,000.00"):
        big.check_offline(cmd("deposit", "p", "50000.01", shift_id=1))


def test_the_database_owner_sets_no_allowance_and_an_unanswered_question_changes_nothing():
    j = FakeJournal()
    link = Link(j, "db", POLICY, terminal_id="T")
    link.learn_allowance((D("0"), D("0")))
    link.learn_allowance(None)  # the ledger could not say: what was learned stands
    assert link.allowance() == OfflineAllowance(D("0"), D("0"))
    link.learn_allowance((None, None))  # the schema owner: trusted, no allowance
    assert link.allowance() is None
    link.check_offline(cmd("deposit", "p", "50000", shift_id=1))


def test_an_offline_posting_by_someone_other_than_the_known_shifts_cashier_is_refused_in_the_ledgers_sentence():
    from cashier_desktop.domain.errors import NotAuthorized
    j = FakeJournal()
    link = Link(j, "db", POLICY, terminal_id="T")
    link.check_offline(cmd("deposit", "p", "10", staff="C200", shift_id=7))  # the cashier unknown: the ledger decides
    j.shift_cashier = (7, "C100")
    link.check_offline(cmd("deposit", "p", "10", staff="C100", shift_id=7))
    with pytest.raises(NotAuthorized, match="^Shift 7 at terminal T is C100's drawer and only they post into it"):
        link.check_offline(cmd("deposit", "p", "10", staff="C200", shift_id=7))
    link.check_offline(cmd("deposit", "p", "10", staff="C200", shift_id=8))  # another shift: not what is known
