"""PIN login: success, failures, lockout after N wrong PINs, expiry, and the audit trail of each."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import AccountLocked, AuthenticationFailed
from cashier_desktop.ledger import audit
from cashier_desktop.ledger.staff_admin import set_active
from cashier_desktop.terminal import staff_admin
from cashier_desktop.terminal.auth import verify_approver
from cashier_desktop.terminal.session import login, logout
from tests.integration.staff_helpers import PIN, new_staff, new_terminal, session_for
from tests.support.shifts import make_services, open_test_shift


@pytest.fixture
def services(engine):
    return make_services(engine, new_terminal(), **{"policy.lockout_attempts": "3", "policy.lockout_minutes": "5"})


def _db_now(engine):
    with engine.connect() as conn:
        return conn.execute(text("SELECT clock_timestamp()")).scalar_one()


def _actions(engine, staff_id):
    return [e.action for e in audit.entries(engine, staff_id=staff_id)]


def test_a_right_pin_logs_in_with_the_terminals_open_shift_and_is_audited(engine, services):
    staff = new_staff(engine, "cashier")
    shift_id = open_test_shift(engine, services.config.terminal_id, staff.id)
    session = login(services, staff.id, PIN)
    assert session.staff.id == staff.id and session.staff.role == "cashier"
    assert session.terminal_id == services.config.terminal_id and session.shift.id == shift_id
    logout(services, session)
    logout(services, session)  # twice is once
    assert _actions(engine, staff.id) == ["login", "logout"]


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
    reasons = [e.detail["reason"] for e in audit.entries(engine, staff_id=staff.id, action="login_failed")]
    assert reasons == ["wrong_pin", "disabled"]
    assert [e.detail["reason"] for e in audit.entries(engine, staff_id="NOSUCH1")] == ["unknown"]


def test_the_third_wrong_pin_locks_the_account_even_against_the_right_pin(engine, services):
    staff = new_staff(engine, "cashier")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(services, staff.id, "0000")
    with pytest.raises(AccountLocked, match="locked for 5 minutes"):
        login(services, staff.id, "0000")
    with pytest.raises(AccountLocked, match="try again in 5 minutes"):
        login(services, staff.id, PIN)
    assert _actions(engine, staff.id) == ["login_failed", "login_failed", "login_failed", "lockout",
                                          "login_refused_locked"]


def test_the_lockout_expires_after_its_minutes(engine, services):
    staff = new_staff(engine, "cashier")
    for _ in range(3):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            login(services, staff.id, "0000")
    now = _db_now(engine)
    with pytest.raises(AccountLocked, match="try again in 1 minute"):
        login(services, staff.id, PIN, now=now + timedelta(minutes=4, seconds=30))
    session = login(services, staff.id, PIN, now=now + timedelta(minutes=5, seconds=1))
    assert session.staff.id == staff.id
    with engine.connect() as conn:
        failed, locked = conn.execute(text("SELECT failed_attempts, locked_until FROM staff WHERE id = :i"),
                                      {"i": staff.id}).one()
    assert (failed, locked) == (0, None)


def test_after_expiry_a_fresh_run_of_failures_is_needed_to_lock_again(engine, services):
    staff = new_staff(engine, "cashier")
    for _ in range(3):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            login(services, staff.id, "0000")
    later = _db_now(engine) + timedelta(minutes=6)
    with pytest.raises(AuthenticationFailed):
        login(services, staff.id, "0000", now=later)
    with pytest.raises(AuthenticationFailed):
        login(services, staff.id, "0000", now=later)
    assert login(services, staff.id, PIN, now=later).staff.id == staff.id


def test_a_success_resets_the_failure_count(engine, services):
    staff = new_staff(engine, "cashier")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(services, staff.id, "0000")
    login(services, staff.id, PIN)
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(services, staff.id, "0000")
    assert login(services, staff.id, PIN).staff.id == staff.id


def test_an_approvers_wrong_pins_count_toward_the_same_lockout(engine, services):
    fm = new_staff(engine, "floor_manager")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            verify_approver(services, fm.id, "0000")
    with pytest.raises(AccountLocked):
        verify_approver(services, fm.id, "0000")
    failed = audit.entries(engine, staff_id=fm.id, action="login_failed")
    assert {e.detail["purpose"] for e in failed} == {"approval"}


def test_a_supervisors_pin_reset_clears_a_lockout(engine, services):
    staff = new_staff(engine, "cashier")
    for _ in range(3):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            login(services, staff.id, "0000")
    sup = session_for(new_staff(engine, "supervisor"), services.config.terminal_id)
    staff_admin.reset_pin(services, sup, staff.id, "2468")
    assert login(services, staff.id, "2468").staff.id == staff.id
    assert [e.detail["staff"] for e in audit.entries(engine, staff_id=sup.staff.id, action="staff_reset_pin")] == [staff.id]


def test_concurrent_wrong_pins_are_each_counted(engine, services):
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
    assert _actions(engine, staff.id).count("lockout") == 1
