"""Credit requests: filed by a cashier, decided by a floor manager within their authority."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import exc as saexc
from sqlalchemy import text

from cashier_desktop.domain.errors import InvalidInput, NotAuthorized, PlayerNotFound
from cashier_desktop.ledger import audit
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.terminal import credit
from tests.integration.staff_helpers import new_staff, new_terminal, session_for
from tests.support.factories import make_player
from tests.support.shifts import make_services


@pytest.fixture
def desk(engine):
    terminal = new_terminal()
    # As the schema owner (login=None); test_a_credit_request_is_decided_at_a_terminal_login
    # decides at a terminal login, as in production.
    services = make_services(engine, terminal, login=None)
    cashier = session_for(new_staff(engine, "cashier"), terminal)
    fm = session_for(new_staff(engine, "floor_manager", approval_limit=Decimal("200000")), terminal)
    return services, cashier, fm


def test_a_request_is_queued_approved_and_sets_the_players_line(engine, desk):
    services, cashier, fm = desk
    pid = make_player(engine)
    req = credit.request_credit(services, cashier, pid, "₹1,50,000", "regular, good history")
    assert (req.status, req.requested_limit, req.requested_by) == ("pending", Decimal("150000.00"), cashier.staff.id)
    assert req.id in [r.id for r in credit.list_credit_requests(services)]
    decided, receipt = credit.approve_credit(services, fm, req.id)
    assert decided.status == "approved" and decided.decided_by == fm.staff.id
    assert decided.approved_limit == Decimal("150000.00") and decided.posting_id == receipt.id
    b = get_balance(engine, pid, currency="INR")
    assert b.credit_limit.amount == Decimal("150000.00") and b.credit_approved
    assert receipt.approver_id == fm.staff.id
    assert req.id not in [r.id for r in credit.list_credit_requests(services)]


def test_the_manager_may_approve_a_lower_limit(engine, desk):
    services, cashier, fm = desk
    req = credit.request_credit(services, cashier, make_player(engine), "150000")
    decided, _ = credit.approve_credit(services, fm, req.id, "100000")
    assert decided.approved_limit == Decimal("100000.00") and decided.requested_limit == Decimal("150000.00")


def test_a_limit_above_the_managers_authority_is_refused(engine, desk):
    services, cashier, fm = desk
    pid = make_player(engine)
    req = credit.request_credit(services, cashier, pid, "200000.01")
    with pytest.raises(NotAuthorized, match="above your approval authority"):
        credit.approve_credit(services, fm, req.id)
    assert get_balance(engine, pid, currency="INR").credit_limit.amount == Decimal("0.00")
    assert credit.approve_credit(services, fm, req.id, "200000")[0].status == "approved"


def test_a_manager_without_a_personal_limit_has_the_configured_one(engine, desk):
    services, cashier, _ = desk
    fm = session_for(new_staff(engine, "floor_manager"), cashier.terminal_id)
    req = credit.request_credit(services, cashier, make_player(engine), "1000000.01")
    with pytest.raises(NotAuthorized, match="10,00,000.00"):
        credit.approve_credit(services, fm, req.id)


def test_whoever_filed_a_request_cannot_decide_it(engine, desk):
    services, _, fm = desk
    req = credit.request_credit(services, fm, make_player(engine), "1000")
    with pytest.raises(NotAuthorized, match="another floor manager"):
        credit.approve_credit(services, fm, req.id)
    with pytest.raises(NotAuthorized):
        credit.deny_credit(services, fm, req.id, "mine")
    with engine.begin() as conn, pytest.raises(saexc.IntegrityError):
        conn.execute(text("UPDATE credit_requests SET status = 'approved', decided_by = requested_by WHERE id = :i"),
                     {"i": req.id})


def test_a_denial_needs_a_reason_and_a_decided_request_stays_decided(engine, desk):
    services, cashier, fm = desk
    req = credit.request_credit(services, cashier, make_player(engine), "5000")
    with pytest.raises(InvalidInput, match="reason"):
        credit.deny_credit(services, fm, req.id, " ")
    denied = credit.deny_credit(services, fm, req.id, "outstanding markers elsewhere")
    assert (denied.status, denied.decision_reason) == ("denied", "outstanding markers elsewhere")
    with pytest.raises(InvalidInput, match="already denied"):
        credit.approve_credit(services, fm, req.id)


def test_approving_twice_sets_the_line_once(engine, desk):
    services, cashier, fm = desk
    pid = make_player(engine)
    req = credit.request_credit(services, cashier, pid, "5000")
    credit.approve_credit(services, fm, req.id)
    with pytest.raises(InvalidInput, match="already approved"):
        credit.approve_credit(services, session_for(new_staff(engine, "supervisor"), cashier.terminal_id), req.id)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"), {"p": pid}).scalar() == 1


def test_the_full_history_per_player_is_kept(engine, desk):
    services, cashier, fm = desk
    pid = make_player(engine)
    a = credit.request_credit(services, cashier, pid, "1000")
    credit.deny_credit(services, fm, a.id, "too soon")
    b = credit.request_credit(services, cashier, pid, "2000")
    credit.approve_credit(services, fm, b.id)
    c = credit.request_credit(services, cashier, pid, "3000")
    history = credit.credit_history(services, pid)
    assert [(r.id, r.status) for r in history] == [(a.id, "denied"), (b.id, "approved"), (c.id, "pending")]
    assert [r.id for r in credit.list_credit_requests(services, status="denied", player_id=pid)] == [a.id]


def test_requests_for_unknown_players_or_bad_limits_are_refused(engine, desk):
    services, cashier, _ = desk
    with pytest.raises(PlayerNotFound):
        credit.request_credit(services, cashier, "no-such-player-x", "1000")
    with pytest.raises(Exception, match="amount"):
        credit.request_credit(services, cashier, make_player(engine), "-5")


def test_each_step_is_audited(engine, desk):
    services, cashier, fm = desk
    req = credit.request_credit(services, cashier, make_player(engine), "1000")
    credit.approve_credit(services, fm, req.id)
    assert [e.detail["request_id"] for e in audit.entries(engine, staff_id=cashier.staff.id, action="credit_request")] == [req.id]
    approved = audit.entries(engine, staff_id=fm.staff.id, action="credit_approve")
    assert approved[0].detail["limit"] == "1000.00"


def test_a_credit_request_is_decided_at_a_terminal_login(engine):
    terminal = new_terminal()
    services = make_services(engine, terminal)  # the terminal's own login, as in production
    cashier = session_for(new_staff(engine, "cashier"), terminal)
    fm = session_for(new_staff(engine, "floor_manager", approval_limit=Decimal("200000")), terminal)
    pid = make_player(engine)
    req = credit.request_credit(services, cashier, pid, "₹50,000", "regular")
    decided, receipt = credit.approve_credit(services, fm, req.id)
    assert decided.status == "approved" and receipt.terminal_id == terminal
    assert receipt.approver_id == fm.staff.id and receipt.staff_id == fm.staff.id
    # the permanent line's change in the player's credit history names who asked and who approved
    from cashier_desktop.ledger.credit_lines import history
    (change,) = history(services.engine, pid)
    assert (change.line, change.old_limit, change.new_limit, change.requested_by, change.approved_by) == (
        "permanent", Decimal("0"), Decimal("50000.00"), cashier.staff.id, fm.staff.id)
    other = credit.request_credit(services, cashier, make_player(engine), "₹20,000", "first request")
    denied = credit.deny_credit(services, fm, other.id, "no history at this casino")
    assert denied.status == "denied" and denied.decided_by == fm.staff.id
