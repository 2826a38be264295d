"""The whole permission matrix, enforced by the service; forged approvers refused by the database.

Every role × every action is attempted through the terminal's own functions (what the GUI and
the CLI call), on a real PostgreSQL. Allowed cells must succeed; refused cells must raise
NotAuthorized and move nothing. Then rows are inserted straight into the ledger with forged
approvers, bypassing the terminal, and the database itself refuses them.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import exc as saexc
from sqlalchemy import text

from cashier_desktop.domain.errors import SessionInvalid, NotAuthorized
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.roles import PERMISSIONS, Action, Role
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.ledger.staff_admin import set_active
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal import bank, credit, shifts, staff_admin
from cashier_desktop.terminal.verbs import Credentials
from cashier_desktop.terminal.counter import submit
from tests.integration.staff_helpers import (PIN, funded_player, new_staff, new_terminal, player_with_credit,
                                             session_for)
from tests.support.factories import cmd, make_player
from tests.support.shifts import make_services, open_test_shift


POLICY = {"policy.dual_control_threshold": "1000"}


@pytest.fixture
def engine(policy_ledger):
    """This module's database storing POLICY: each Ctx's terminal login posts under it."""
    return policy_ledger(POLICY)


class Ctx:
    def __init__(self, engine, role: str, *, login: str = "terminal"):
        self.engine = engine
        self.terminal = new_terminal()
        self.services = make_services(engine, self.terminal, login=login, **POLICY)
        self.actor = new_staff(engine, role, terminal=self.terminal)
        self.session = session_for(self.actor, self.terminal)

    def with_shift(self):
        # a float that covers the attempts' payouts: a drawer pays out only what it holds (0023)
        open_test_shift(self.engine, self.terminal, self.actor.id, float_amount="5000")
        return self

    def other(self, role: str):
        return new_staff(self.engine, role, terminal=self.terminal)


def _deposit(c: Ctx):
    c.with_shift()
    pid = make_player(c.engine)
    return submit(c.services, c.actor, cmd(Kind.DEPOSIT, pid, "100", staff=c.actor.id, terminal_id=c.terminal))


def _withdraw(c: Ctx):
    c.with_shift()
    pid = funded_player(c.engine)
    return submit(c.services, c.actor, cmd(Kind.WITHDRAWAL, pid, "100", staff=c.actor.id, terminal_id=c.terminal))


def _issue_marker(c: Ctx):
    c.with_shift()
    pid = player_with_credit(c.engine)
    return submit(c.services, c.actor, cmd(Kind.MARKER_ISSUE, pid, "100", staff=c.actor.id, terminal_id=c.terminal))


def _redeem_marker(c: Ctx):
    c.with_shift()
    pid = player_with_credit(c.engine, drawn="500")
    return submit(c.services, c.actor, cmd(Kind.MARKER_REDEEM, pid, "100", staff=c.actor.id, terminal_id=c.terminal))


def _open_shift(c: Ctx):
    return shifts.open_shift(c.services, c.session, float_amount="1000")


def _close_shift(c: Ctx):
    c.with_shift()
    return shifts.close_shift(c.services, c.session, "500=0")


def _request_credit(c: Ctx):
    return credit.request_credit(c.services, c.session, make_player(c.engine), "20000", "regular")


def _filed_request(c: Ctx):
    filer = session_for(c.other("cashier"), c.terminal)
    return credit.request_credit(c.services, filer, make_player(c.engine), "20000")


def _approve_credit(c: Ctx):
    return credit.approve_credit(c.services, c.session, _filed_request(c).id)


def _deny_credit(c: Ctx):
    return credit.deny_credit(c.services, c.session, _filed_request(c).id, "no history")


def _authorise(c: Ctx):
    issuer = c.other("cashier")
    open_test_shift(c.engine, c.terminal, issuer.id, float_amount="5000")
    pid = funded_player(c.engine)
    return submit(c.services, issuer, cmd(Kind.WITHDRAWAL, pid, "1000", staff=issuer.id, terminal_id=c.terminal,
                                          approver_id=c.actor.id), approver=c.actor)


def _reverse(c: Ctx):
    c.with_shift()
    pid = make_player(c.engine)
    original = post(c.engine, cmd(Kind.DEPOSIT, pid, "100", terminal_id="SEED"))
    return submit(c.services, c.actor, cmd(Kind.REVERSAL, pid, "100", staff=c.actor.id, terminal_id=c.terminal,
                                           reverses_id=original.id, approver_id=c.actor.id, reason="keyed twice"),
                  approver=c.actor)


def _adjust(c: Ctx):
    pid = make_player(c.engine)
    return submit(c.services, c.actor, cmd(Kind.ADJUST_IN, pid, "100", staff=c.actor.id, terminal_id=c.terminal,
                                           approver_id=c.actor.id, reason="goodwill"), approver=c.actor)


def _sign_off(c: Ctx):
    owner = session_for(c.other("cashier"), c.terminal)
    open_test_shift(c.engine, c.terminal, owner.staff.id)
    closed = shifts.close_shift(c.services, owner, "500=0")
    return shifts.signoff_shift(c.services, c.session, closed.id, "checked")


def _manage_staff(c: Ctx):
    return staff_admin.add_staff(c.services, c.session, f"N{uuid.uuid4().hex[:8]}", "New Hire", "cashier", "987654")


def _run_reports(c: Ctx):
    owner = session_for(c.other("cashier"), c.terminal)
    shift_id = open_test_shift(c.engine, c.terminal, owner.staff.id)
    shifts.close_shift(c.services, owner, "500=0")
    return shifts.shift_report(c.services, shift_id, session=c.session)


def _bank_transfer(c: Ctx):
    """The actor signs for the main bank as a window's cashier sends cash back (a credit)."""
    window = session_for(c.other("cashier"), c.terminal)
    open_test_shift(c.engine, c.terminal, window.staff.id, float_amount="500")
    return bank.credit(c.services, window, Money(Decimal("100"), "INR"), Credentials(c.actor.id, PIN))


ATTEMPTS = {
    Action.DEPOSIT: _deposit, Action.WITHDRAW: _withdraw, Action.ISSUE_MARKER: _issue_marker,
    Action.REDEEM_MARKER: _redeem_marker, Action.OPEN_SHIFT: _open_shift, Action.CLOSE_SHIFT: _close_shift,
    Action.REQUEST_CREDIT: _request_credit, Action.APPROVE_CREDIT: _approve_credit,
    Action.DENY_CREDIT: _deny_credit, Action.AUTHORISE: _authorise, Action.REVERSE: _reverse,
    Action.ADJUST: _adjust, Action.SIGN_OFF_SHIFT: _sign_off, Action.MANAGE_STAFF: _manage_staff,
    Action.RUN_REPORTS: _run_reports, Action.BANK_TRANSFER: _bank_transfer,
}


def test_every_action_has_an_attempt():
    assert set(ATTEMPTS) == set(Action)


def _cells():
    for role in Role:
        for action in Action:
            yield pytest.param(role, action, id=f"{role.value}-{action.value}")


@pytest.mark.parametrize("role, action", list(_cells()))
def test_the_service_enforces_the_matrix(engine, role, action):
    # Staff are managed at a staff-admin login (a supervisor's desk), everything else at a terminal's.
    c = Ctx(engine, role.value, login="staff_admin" if action is Action.MANAGE_STAFF else "terminal")
    if action in PERMISSIONS[role]:
        assert ATTEMPTS[action](c) is not None or action in (Action.MANAGE_STAFF,)
    else:
        with pytest.raises(NotAuthorized, match="cannot"):
            ATTEMPTS[action](c)


def test_a_refused_posting_moves_nothing(engine):
    c = Ctx(engine, "cashier").with_shift()
    pid = make_player(c.engine)
    original = post(engine, cmd(Kind.DEPOSIT, pid, "100", terminal_id="SEED"))
    with pytest.raises(NotAuthorized, match="As a cashier you cannot reverse"):
        submit(c.services, c.actor, cmd(Kind.REVERSAL, pid, "100", staff=c.actor.id, terminal_id=c.terminal,
                                        reverses_id=original.id, approver_id="S300", reason="x"))
    assert get_balance(engine, pid, currency="INR").cash.amount == Decimal("100.00")


def test_a_posting_under_someone_elses_id_is_refused(engine):
    c = Ctx(engine, "cashier").with_shift()
    with pytest.raises(NotAuthorized, match="your own staff id"):
        submit(c.services, c.actor, cmd(Kind.DEPOSIT, make_player(engine), "1", staff="C100", terminal_id=c.terminal))
    # The terminal's own check, seen without the database's: the schema owner's services.
    owner = make_services(engine, c.terminal, login=None, **POLICY)
    with pytest.raises(NotAuthorized, match="your own staff id"):
        submit(owner, c.actor, cmd(Kind.DEPOSIT, make_player(engine), "1", staff="C100", terminal_id=c.terminal))


def test_a_disabled_staff_member_with_a_live_session_is_refused(engine):
    c = Ctx(engine, "cashier").with_shift()
    with engine.begin() as conn:
        set_active(conn, c.actor.id, False)
    with pytest.raises((NotAuthorized, SessionInvalid), match="no longer an active"):
        submit(c.services, c.actor, cmd(Kind.DEPOSIT, make_player(engine), "1", staff=c.actor.id,
                                        terminal_id=c.terminal))


def test_the_terminal_itself_refuses_a_staff_member_disabled_since_login(engine):
    """At the schema owner's services (login=None) the terminal reads the staff records
    before posting: its own sentence, not the database's session refusal."""
    c = Ctx(engine, "cashier").with_shift()
    owner = make_services(engine, c.terminal, login=None, **POLICY)
    pid = make_player(engine)
    with engine.begin() as conn:
        set_active(conn, c.actor.id, False)
    with pytest.raises(NotAuthorized, match=rf"^Staff member {c.actor.id} is no longer an active staff member\.$"):
        submit(owner, c.actor, cmd(Kind.DEPOSIT, pid, "1", staff=c.actor.id, terminal_id=c.terminal))
    assert get_balance(engine, pid, currency="INR").cash.amount == Decimal("0.00")


# --- the database's own line: rows inserted around the terminal ---------------------------

def _forge(engine, kind: str, staff: str, approver: str | None, *, amount: str = "100"):
    """Insert a ledger row directly, as a script or a DBA could, bypassing the terminal."""
    pid = make_player(engine)
    with engine.begin() as conn:
        conn.execute(text("""
            INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency, cash_delta,
                credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after, credit_after,
                limit_after, approved_after, staff_id, approver_id, hash)
            VALUES (:id, 'forged', :k, :p, :a, 'INR', 0, 0, 0, 0, 0, 0, 0, 0, false, :s, :ap, 'forged')"""),
            {"id": uuid.uuid4(), "k": kind, "p": pid, "a": Decimal(amount), "s": staff, "ap": approver})


def _refused(engine, kind, staff, approver, match, **kw):
    with pytest.raises(saexc.DBAPIError) as err:
        _forge(engine, kind, staff, approver, **kw)
    assert getattr(err.value.orig, "sqlstate", None) == "CA001"
    assert match in str(err.value.orig)


@pytest.mark.parametrize("kind", ["reversal", "adjust_in", "adjust_out", "credit_line"])
def test_the_database_refuses_a_correction_or_credit_line_without_an_approver(engine, kind):
    _refused(engine, kind, "C100", None, "needs an approver")


def test_the_database_refuses_an_approver_who_does_not_exist(engine):
    _refused(engine, "withdrawal", "C100", "NOBODY", "no staff member")


def test_the_database_refuses_a_disabled_approver(engine):
    fm = new_staff(engine, "floor_manager")
    with engine.begin() as conn:
        set_active(conn, fm.id, False)
    _refused(engine, "withdrawal", "C100", fm.id, "disabled")


def test_the_database_refuses_a_cashier_as_approver(engine):
    other = new_staff(engine, "cashier")
    _refused(engine, "withdrawal", "C100", other.id, "cannot approve")


@pytest.mark.parametrize("kind", ["reversal", "adjust_in", "adjust_out"])
def test_the_database_refuses_a_floor_manager_approving_a_correction(engine, kind):
    _refused(engine, kind, "C100", "F200", "Only a supervisor")


@pytest.mark.parametrize("kind", ["deposit", "withdrawal", "marker_issue", "marker_redeem"])
def test_the_database_refuses_the_issuer_approving_their_own_posting(engine, kind):
    _refused(engine, kind, "F200", "F200", "someone other than the issuer")


def test_the_database_refuses_a_credit_line_above_the_approvers_authority(engine):
    _refused(engine, "credit_line", "F200", "F200", "approval authority", amount="1000000.01")


def test_the_database_accepts_a_proper_approver(engine):
    _forge(engine, "withdrawal", "C100", "F200")
    _forge(engine, "reversal", "C100", "S300")
    _forge(engine, "credit_line", "F200", "F200", amount="1000000.00")


def test_a_forged_approver_through_the_ledgers_post_reads_as_not_authorized(engine):
    pid = funded_player(engine)
    with pytest.raises(NotAuthorized, match="is a cashier and cannot approve"):
        post(engine, cmd(Kind.WITHDRAWAL, pid, "10", approver_id="C100", staff="F200"))
    assert get_balance(engine, pid, currency="INR").cash.amount == Decimal("100000.00")


def test_the_matrix_holds_offline_too(ledger, tmp_path):
    """With the ledger cut, the journal takes deposits, but a role refusal is still a refusal."""
    from cashier_desktop.domain.receipts import PendingReceipt
    from tests.support.journal_terminal import open_terminal
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path)
    try:
        cashier = t.login("C100")
        pid = make_player(engine)
        original = post(engine, cmd(Kind.DEPOSIT, pid, "100", terminal_id="SEED"))
        t.proxy.refuse()
        with pytest.raises(NotAuthorized, match="As a cashier you cannot reverse"):
            t.post("reversal", pid, "100", staff=cashier, reverses_id=original.id, approver_id="S300", reason="x")
        with pytest.raises(NotAuthorized, match="cannot approve your own"):
            t.post("withdrawal", pid, "10", staff=cashier, approver_id="C100")
        assert isinstance(t.post("deposit", pid, "50", staff=cashier), PendingReceipt)
        assert t.link.pending_count() == 1
    finally:
        t.close()


def test_offline_the_terminal_alone_refuses_another_currency(ledger, tmp_path):
    """With the ledger cut, nothing but the terminal's own check stands between a USD deposit
    and the journal (the database would refuse it only on replay, after the cash was taken)."""
    from cashier_desktop.domain.commands import PostingCommand
    from cashier_desktop.domain.errors import CurrencyMismatch
    from cashier_desktop.domain.money import Money
    from tests.support.journal_terminal import open_terminal
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path)
    try:
        cashier = t.login("C100")
        pid = make_player(engine)
        t.proxy.refuse()
        usd = PostingCommand(kind=Kind.DEPOSIT, player_id=pid, amount=Money(Decimal("50"), "USD"),
                             staff_id=cashier.id, terminal_id=t.terminal_id)
        with pytest.raises(CurrencyMismatch, match="works in INR, not USD"):
            t.post_command(usd, cashier)
        assert t.link.pending_count() == 0
    finally:
        t.close()
