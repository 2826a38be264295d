"""Dual control: withdrawals and marker issues at or above the threshold need a second person.

Default INR profile: threshold ₹5,00,000. Exactly at it, one paisa under and one paisa over;
the approver must be a floor manager or supervisor, active, and never the issuer.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import SessionInvalid, ApprovalRequired, NotAuthorized
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import audit
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.ledger.staff_admin import set_active
from cashier_desktop.terminal.auth import verify_approver
from cashier_desktop.terminal.authorize import posting_requirements
from cashier_desktop.terminal.counter import submit
from tests.integration.staff_helpers import PIN, funded_player, new_staff, new_terminal, player_with_credit
from tests.support.factories import cmd, make_player
from tests.support.shifts import make_services, open_test_shift


@pytest.fixture
def desk(engine):
    terminal = new_terminal()
    services = make_services(engine, terminal)
    cashier = new_staff(engine, "cashier", terminal=terminal)
    # a drawer that can pay out the threshold's withdrawals (0023)
    open_test_shift(engine, terminal, cashier.id, float_amount="600000")
    return services, cashier, terminal


def _withdraw(services, cashier, terminal, pid, amount, approver=None, approver_id=None):
    return submit(services, cashier, cmd(Kind.WITHDRAWAL, pid, amount, staff=cashier.id, terminal_id=terminal,
                                         approver_id=approver_id or (approver.id if approver else None)),
                  approver=approver)


def test_the_default_threshold_is_five_lakh(desk):
    services, *_ = desk
    assert services.config["policy.dual_control_threshold"] == Decimal("500000")


def test_one_paisa_under_the_threshold_needs_no_second_person(engine, desk):
    services, cashier, terminal = desk
    pid = funded_player(engine, "600000")
    r = _withdraw(services, cashier, terminal, pid, "499999.99")
    assert r.approver_id is None


@pytest.mark.parametrize("amount", ["500000.00", "500000.01"])
def test_at_and_over_the_threshold_a_withdrawal_without_approver_is_refused(engine, desk, amount):
    services, cashier, terminal = desk
    pid = funded_player(engine, "600000")
    with pytest.raises(ApprovalRequired, match="needs a second person"):
        _withdraw(services, cashier, terminal, pid, amount)
    assert get_balance(engine, pid, currency="INR").cash.amount == Decimal("600000.00")


@pytest.mark.parametrize("amount", ["500000.00", "500000.01"])
def test_at_and_over_the_threshold_a_floor_manager_approves_with_their_pin(engine, desk, amount):
    services, cashier, terminal = desk
    fm = new_staff(engine, "floor_manager")
    approver = verify_approver(services, fm.id, PIN)
    pid = funded_player(engine, "600000")
    r = _withdraw(services, cashier, terminal, pid, amount, approver=approver)
    assert r.approver_id == fm.id and r.staff_id == cashier.id
    approvals = audit.entries(engine, staff_id=fm.id, action="dual_control_approved")
    assert [e.detail["posting_id"] for e in approvals] == [str(r.id)]
    assert approvals[0].detail["issuer"] == cashier.id


def test_a_marker_issue_at_the_threshold_needs_a_second_person_too(engine, desk):
    services, cashier, terminal = desk
    pid = player_with_credit(engine, "1000000")
    with pytest.raises(ApprovalRequired):
        submit(services, cashier, cmd(Kind.MARKER_ISSUE, pid, "500000", staff=cashier.id, terminal_id=terminal))
    sup = verify_approver(services, "S300", "3333")
    r = submit(services, cashier, cmd(Kind.MARKER_ISSUE, pid, "500000", staff=cashier.id, terminal_id=terminal,
                                      approver_id="S300"), approver=sup)
    assert r.approver_id == "S300" and r.credit_after.amount == Decimal("500000.00")


def test_the_issuer_can_never_approve_their_own(engine):
    terminal = new_terminal()
    services = make_services(engine, terminal)
    fm = new_staff(engine, "floor_manager", terminal=terminal)
    open_test_shift(engine, terminal, fm.id)
    pid = funded_player(engine, "600000")
    with pytest.raises(NotAuthorized, match="cannot approve your own"):
        _withdraw(services, fm, terminal, pid, "500000", approver=fm)


def test_a_cashier_cannot_be_the_second_person(engine, desk):
    services, cashier, terminal = desk
    other = verify_approver(services, new_staff(engine, "cashier").id, PIN)
    with pytest.raises(NotAuthorized, match="is a cashier and cannot approve"):
        _withdraw(services, cashier, terminal, funded_player(engine, "600000"), "500000", approver=other)


def test_an_approver_disabled_after_entering_their_pin_is_refused(engine, desk):
    services, cashier, terminal = desk
    fm = new_staff(engine, "floor_manager")
    approver = verify_approver(services, fm.id, PIN)
    with engine.begin() as conn:
        set_active(conn, fm.id, False)
    with pytest.raises((NotAuthorized, SessionInvalid), match="no longer an active"):
        _withdraw(services, cashier, terminal, funded_player(engine, "600000"), "500000", approver=approver)


def test_naming_an_approver_without_their_pin_is_refused(engine, desk):
    services, cashier, terminal = desk
    with pytest.raises(ApprovalRequired, match="F200 must enter their PIN"):
        _withdraw(services, cashier, terminal, funded_player(engine, "1000"), "10", approver_id="F200")


def test_the_named_approver_must_be_the_one_who_entered_the_pin(engine, desk):
    services, cashier, terminal = desk
    approver = verify_approver(services, "S300", "3333")
    with pytest.raises(NotAuthorized, match="is not the one who entered"):
        _withdraw(services, cashier, terminal, funded_player(engine, "600000"), "500000",
                  approver=approver, approver_id="F200")


def test_the_gui_learns_the_need_before_submitting(engine, desk):
    services, cashier, terminal = desk
    pid = funded_player(engine, "600000")
    assert not posting_requirements(services, cashier, Kind.WITHDRAWAL, pid, Money(Decimal("499999.99"), "INR")).needs_approver
    req = posting_requirements(services, cashier, Kind.WITHDRAWAL, pid, Money(Decimal("500000"), "INR"))
    assert req.needs_approver and req.needs_confirmation and req.warnings


def test_a_configured_threshold_applies(policy_ledger):
    policy = {"policy.dual_control_threshold": "1000"}
    engine = policy_ledger(policy)
    terminal = new_terminal()
    services = make_services(engine, terminal, **policy)
    cashier = new_staff(engine, "cashier", terminal=terminal)
    open_test_shift(engine, terminal, cashier.id, float_amount="5000")
    pid = funded_player(engine, "5000")
    _withdraw(services, cashier, terminal, pid, "999.99")
    with pytest.raises(ApprovalRequired):
        _withdraw(services, cashier, terminal, pid, "1000")


def _credit_line(services, issuer, terminal, pid, amount, approver=None):
    return submit(services, issuer, cmd(Kind.CREDIT_LINE, pid, amount, staff=issuer.id, terminal_id=terminal,
                                        approver_id=approver.id if approver else issuer.id), approver=approver or issuer)


@pytest.mark.parametrize("role, own_limit, policy_limit, amount", [
    ("floor_manager", None, "1000", "1000.01"),     # no limit of their own: the cage's policy applies
    ("supervisor", Decimal("5000"), None, "5000.01"),  # a supervisor given a limit is held to it
], ids=["floor-manager-policy-limit", "supervisor-own-limit"])
def test_the_terminal_holds_an_approver_to_authority_the_database_does_not_know(
        engine, role, own_limit, policy_limit, amount):
    """The database checks a floor manager's own `approval_limit` only; the cage's default for
    floor managers and a supervisor's own limit are the terminal's to enforce."""
    terminal = new_terminal()
    extra = {"policy.floor_manager_approval_limit": policy_limit} if policy_limit else {}
    # A policy limit the database does not store (it enforces the one it stores, at a terminal
    # login): the schema owner's services (login=None), so only the terminal's own check refuses.
    services = make_services(engine, terminal, login=None, **extra) if extra else make_services(engine, terminal)
    approver = new_staff(engine, role, approval_limit=own_limit, terminal=terminal)
    pid = make_player(engine)
    with pytest.raises(NotAuthorized, match="above the approval authority"):
        _credit_line(services, approver, terminal, pid, amount)
    assert get_balance(engine, pid, currency="INR").credit_limit.amount == Decimal("0.00")
    just = str(Decimal(amount) - Decimal("0.01"))
    assert _credit_line(services, approver, terminal, pid, just).limit_after.amount == Decimal(just)


def test_a_posting_in_another_currency_than_the_cages_is_refused(engine, desk):
    from cashier_desktop.domain.commands import PostingCommand
    from cashier_desktop.domain.errors import CurrencyMismatch
    services, cashier, terminal = desk
    pid = make_player(engine)
    usd = PostingCommand(kind=Kind.DEPOSIT, player_id=pid, amount=Money(Decimal("100"), "USD"), staff_id=cashier.id,
                         terminal_id=terminal)
    with pytest.raises(CurrencyMismatch, match="works in INR"):
        submit(services, cashier, usd)
    assert get_balance(engine, pid, currency="INR").cash.amount == Decimal("0.00")
