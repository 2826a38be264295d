"""PIN login through the database (cage.staff_login, migration 0009): success, failures,
lockout after N wrong PINs, expiry, growth, and the audit trail the database writes."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import AccountLocked, AuthenticationFailed, SessionInvalid
from cashier_desktop.ledger import audit
from cashier_desktop.ledger.db import in_transaction
from cashier_desktop.ledger.staff_admin import set_active
from cashier_desktop.terminal import staff_admin
from cashier_desktop.terminal.auth import verify_approver
from cashier_desktop.terminal.session import login, logout
from tests.integration.staff_helpers import PIN, new_staff, new_terminal, session_for
from tests.support.shifts import make_services, open_test_shift


@pytest.fixture
def services(engine):
    return make_services(engine, new_terminal())


@pytest.fixture
def three_attempts(engine):
    """The database's lockout rule with 3 attempts (the owner sets it; no login can)."""
    with engine.begin() as conn:
        conn.execute(text("UPDATE cage.auth_rules SET attempts = 3"))
    yield
    with engine.begin() as conn:
        conn.execute(text("UPDATE cage.auth_rules SET attempts = 5"))


def _expire_lock(engine, staff_id):
    """The owner moves the lock into the past: what the clock would do in 5 minutes."""
    with engine.begin() as conn:
        conn.execute(text("UPDATE cage.staff_auth SET locked_until = clock_timestamp() - interval '1 second' "
                          "WHERE staff_id = :i"), {"i": staff_id})


def _auth_row(engine, staff_id):
    with engine.connect() as conn:
        return conn.execute(text("SELECT failed_attempts, locked_until, lockouts FROM cage.staff_auth "
                                 "WHERE staff_id = :i"), {"i": staff_id}).one()


def _actions(engine, staff_id):
    return [e.action for e in audit.entries(engine, staff_id=staff_id)]


def test_a_right_pin_logs_in_with_the_terminals_open_shift_and_is_audited(engine, services):
    staff = new_staff(engine, "cashier")
    shift_id = open_test_shift(engine, services.config.terminal_id, staff.id)
    session = login(services, staff.id, PIN)
    assert session.staff.id == staff.id and session.staff.role == "cashier"
    assert session.staff.session_token is not None
    assert session.terminal_id == services.config.terminal_id and session.shift.id == shift_id
    logout(services, session)
    logout(services, session)  # twice is once
    assert _actions(engine, staff.id)[-2:] == ["staff.login", "staff.logout"]
    with pytest.raises(SessionInvalid, match="has ended"):
        in_transaction(services.engine, lambda conn: conn.execute(text("SELECT * FROM cage.session_staff(:t)"),
                                                         {"t": session.staff.session_token}).all())


def test_a_wrong_pin_an_unknown_id_and_a_disabled_account_read_the_same(engine, services):
    staff = new_staff(engine, "cashier")
    with pytest.raises(AuthenticationFailed, match="^Staff id or PIN not recognised.$"):
        login(services, staff.id, "0000")
    with pytest.raises(AuthenticationFailed, match="^Staff id or PIN not recognised.$"):
        login(services, "NOSUCH1", PIN)
    with engine.begin() as conn:
        set_active(conn, staff.id, False)
    with pytest.raises(AuthenticationFailed, match="^Staff id or PIN not recognised.$"):
        login(services, staff.id, PIN)
    outcomes = [e.detail["outcome"] for e in audit.entries(engine, staff_id=staff.id, action="staff.login_refused")]
    assert outcomes == ["wrong_pin", "disabled"]
    unknown = [e.detail for e in audit.entries(engine, action="staff.login_refused") if e.staff_id is None]
    assert [(d["outcome"], d["tried_id"]) for d in unknown] == [("unknown", "NOSUCH1")]


def test_the_third_wrong_pin_locks_the_account_even_against_the_right_pin(engine, services, three_attempts):
    staff = new_staff(engine, "cashier")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(services, staff.id, "0000")
    with pytest.raises(AccountLocked, match="locked after too many wrong PINs"):
        login(services, staff.id, "0000")
    with pytest.raises(AccountLocked, match="locked after too many wrong PINs"):
        login(services, staff.id, PIN)
    refused = audit.entries(engine, staff_id=staff.id, action="staff.login_refused")
    assert [e.detail["outcome"] for e in refused] == ["wrong_pin", "wrong_pin", "locked", "locked"]


def test_the_lockout_expires_and_a_success_clears_the_counters(engine, services, three_attempts):
    staff = new_staff(engine, "cashier")
    for _ in range(3):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            login(services, staff.id, "0000")
    failed, locked, lockouts = _auth_row(engine, staff.id)
    assert (failed, lockouts) == (0, 1) and locked is not None
    _expire_lock(engine, staff.id)
    assert login(services, staff.id, PIN).staff.id == staff.id
    assert _auth_row(engine, staff.id) == (0, None, 0)


def test_after_expiry_a_fresh_run_of_failures_is_needed_to_lock_again(engine, services, three_attempts):
    staff = new_staff(engine, "cashier")
    for _ in range(3):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            login(services, staff.id, "0000")
    _expire_lock(engine, staff.id)
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(services, staff.id, "0000")
    assert login(services, staff.id, PIN).staff.id == staff.id


def test_a_success_resets_the_failure_count(engine, services, three_attempts):
    staff = new_staff(engine, "cashier")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(services, staff.id, "0000")
    login(services, staff.id, PIN)
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(services, staff.id, "0000")
    assert login(services, staff.id, PIN).staff.id == staff.id


def test_an_approvers_wrong_pins_count_toward_the_same_lockout(engine, services, three_attempts):
    fm = new_staff(engine, "floor_manager")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            verify_approver(services, fm.id, "0000")
    with pytest.raises(AccountLocked):
        verify_approver(services, fm.id, "0000")
    refused = audit.entries(engine, staff_id=fm.id, action="staff.login_refused")
    assert {e.detail["purpose"] for e in refused} == {"approval"}


def test_an_approvers_pin_opens_a_short_session_for_the_action(engine, services):
    fm = new_staff(engine, "floor_manager")
    approver = verify_approver(services, fm.id, PIN)
    assert approver.session_token is not None and approver.role == "floor_manager"
    with engine.connect() as conn:
        purpose, minutes = conn.execute(text(
            "SELECT purpose, extract(epoch FROM expires_at - created_at) / 60 FROM cage.staff_sessions "
            "WHERE token = :t"), {"t": approver.session_token}).one()
    assert purpose == "approval" and minutes <= 2


def test_a_supervisors_pin_reset_clears_a_lockout(engine, services, three_attempts):
    staff = new_staff(engine, "cashier")
    for _ in range(3):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            login(services, staff.id, "0000")
    office_id = new_terminal()
    office = make_services(engine, office_id, login="staff_admin")  # PINs are reset at a staff-admin login
    sup = session_for(new_staff(engine, "supervisor"), office_id)
    staff_admin.reset_pin(office, sup, staff.id, "246813")
    assert login(services, staff.id, "246813").staff.id == staff.id
    resets = audit.entries(engine, staff_id=sup.staff.id, action="staff.reset_pin")
    assert [e.detail["staff"] for e in resets] == [staff.id]


def test_concurrent_wrong_pins_are_each_counted(engine, services, three_attempts):
    from concurrent.futures import ThreadPoolExecutor
    staff = new_staff(engine, "cashier")

    def attempt(_):
        try:
            login(services, staff.id, "0000")
        except (AuthenticationFailed, AccountLocked) as exc:
            return type(exc).__name__
    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(attempt, range(3)))
    assert sorted(outcomes) == ["AccountLocked", "AuthenticationFailed", "AuthenticationFailed"]
    assert _auth_row(engine, staff.id)[2] == 1
