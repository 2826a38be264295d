"""The audit log: append-only in the database, and a row for every event that matters."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import exc as saexc
from sqlalchemy import text

from cashier_desktop.domain.errors import InvalidInput, NotAuthorized
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.ledger import audit
from cashier_desktop.ledger.posting import post
from cashier_desktop.terminal import staff_admin
from cashier_desktop.terminal.counter import submit
from cashier_desktop.terminal.session import login
from tests.integration.staff_helpers import funded_player, new_staff, new_terminal, session_for
from tests.support.factories import cmd, make_player
from tests.support.shifts import make_services, open_test_shift


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET action = 'nothing' WHERE id = :i",
    "DELETE FROM audit_log WHERE id = :i",
    "TRUNCATE audit_log",
])
def test_the_database_refuses_to_change_or_remove_an_audit_row(engine, statement):
    entry = audit.record(engine, "test_event", staff_id="C100", detail={"n": 1})
    with pytest.raises(saexc.DBAPIError, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text(statement), {"i": entry})
    assert [e.detail for e in audit.entries(engine, since_id=entry - 1, action="test_event")][0] == {"n": 1}


@pytest.mark.parametrize("statement", ["UPDATE mtl_entries SET amount = 0", "DELETE FROM mtl_entries",
                                       "TRUNCATE mtl_entries"])
def test_the_mtl_log_is_append_only_too(policy_ledger, statement):
    policy = {"policy.mtl_threshold": "10"}
    engine = policy_ledger(policy)
    # As the schema owner: record_large_cash runs only where the database does not decide (a
    # bound terminal's posting writes its MTL entry itself; a terminal login may not INSERT one).
    services = make_services(engine, new_terminal(), login=None, **policy)
    from cashier_desktop.terminal.authorize import record_large_cash
    r = post(engine, cmd(Kind.DEPOSIT, make_player(engine), "50", terminal_id="X"))
    with engine.connect() as conn:   # the posting API logged it: the database stores the threshold
        assert conn.execute(text("SELECT count(*) FROM mtl_entries WHERE posting_id = :i"), {"i": r.id}).scalar() == 1
    assert record_large_cash(services, r) == 0  # idempotent
    with pytest.raises(saexc.DBAPIError, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text(statement))


def test_every_row_names_the_database_user_and_the_time(engine):
    entry = audit.record(engine, "test_event", terminal_id="T-A")
    row = [e for e in audit.entries(engine, since_id=entry - 1) if e.id == entry][0]
    assert row.db_user == "postgres" and row.at is not None and row.terminal_id == "T-A"


def test_staff_management_is_audited_and_refused_to_non_supervisors(engine):
    terminal = new_terminal()
    services = make_services(engine, terminal, login="staff_admin")  # staff are managed there
    sup = session_for(new_staff(engine, "supervisor"), terminal)
    fm = session_for(new_staff(engine, "floor_manager"), terminal)
    new_id = "A" + sup.staff.id[1:]
    with pytest.raises(NotAuthorized, match="cannot manage staff"):
        staff_admin.add_staff(services, fm, new_id, "Someone", "cashier", "123456")
    staff_admin.add_staff(services, sup, new_id, "Anil Joshi", "floor_manager", "123456", approval_limit="250000")
    with pytest.raises(InvalidInput, match="already a staff member"):
        staff_admin.add_staff(services, sup, new_id, "Again", "cashier", "123456")
    assert login(services, new_id, "123456").staff.approval_limit == Decimal("250000.00")
    staff_admin.reset_pin(services, sup, new_id, "567890")
    staff_admin.disable_staff(services, sup, new_id)
    with pytest.raises(InvalidInput, match="cannot disable yourself"):
        staff_admin.disable_staff(services, sup, sup.staff.id)
    with pytest.raises(InvalidInput, match="6 to 12 digits"):
        staff_admin.reset_pin(services, sup, new_id, "1234")
    actions = [(e.action, e.detail.get("staff")) for e in audit.entries(engine, staff_id=sup.staff.id)
               if e.action != "staff.login"]
    assert actions == [("staff.add", new_id), ("staff.reset_pin", new_id), ("staff.disable", new_id)]


def test_corrections_approvals_and_identification_are_audited_after_posting(policy_ledger):
    policy = {"policy.ctr_threshold": "100"}
    engine = policy_ledger(policy)
    terminal = new_terminal()
    services = make_services(engine, terminal, **policy)
    sup = new_staff(engine, "supervisor", terminal=terminal)
    open_test_shift(engine, terminal, sup.id, float_amount="50")  # the reversal pays the ₹50 back out (0023)
    pid = make_player(engine)
    original = post(engine, cmd(Kind.DEPOSIT, pid, "50", terminal_id="SEED"))
    rev = submit(services, sup, cmd(Kind.REVERSAL, pid, "50", staff=sup.id, terminal_id=terminal,
                                    reverses_id=original.id, approver_id=sup.id, reason="wrong player"), approver=sup)
    dep = submit(services, sup, cmd(Kind.DEPOSIT, funded_player(engine, "1"), "150", staff=sup.id, terminal_id=terminal,
                                    id_type="aadhaar", id_number="1234-5678-9012"))
    entries = [e for e in audit.entries(engine, staff_id=sup.id) if not e.action.startswith(("staff.", "shift_"))]
    assert [(e.action, e.detail["posting_id"]) for e in entries] == [
        ("correction", str(rev.id)), ("identification_recorded", str(dep.id))]
    assert entries[0].detail["reason"] == "wrong player"
    assert "id_number" not in entries[1].detail  # the document number stays in the ledger row only
