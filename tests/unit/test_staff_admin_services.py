"""Managing staff and the large-cash reports, against a fake ledger port: a supervisor's only,
never oneself, a PIN of the new length, the limit as typed; the MTL completed from the ledger
only where the database does not write it with each posting."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import InvalidInput, NotAuthorized
from cashier_desktop.terminal import reports, staff_admin
from cashier_desktop.terminal.auth import StaffMember
from cashier_desktop.terminal.session import Session
from tests.unit.fake_ledger import FakeLedger, services, session_of


@pytest.mark.parametrize("who, staff_id, name, pin, refusal", [
    ("F200", "C900", "New Cashier", "246810", NotAuthorized),  # a supervisor's
    ("S300", "C 900", "New Cashier", "246810", InvalidInput),  # not a staff id
    ("S300", "C900", "New Cashier", "1234", InvalidInput),  # too short for a new PIN
    ("S300", "C900", "  ", "246810", InvalidInput),  # no name
])
def test_adding_staff_is_refused_before_the_ledger(who, staff_id, name, pin, refusal):
    ledger = FakeLedger()
    with pytest.raises(refusal):
        staff_admin.add_staff(services(ledger), session_of(who), staff_id, name, "cashier", pin)
    assert ledger.calls == []


def test_a_new_staff_members_limit_is_read_as_typed_and_the_name_trimmed():
    ledger = FakeLedger()
    staff_admin.add_staff(services(ledger), session_of("S300"), "F900", "  Neha Pal ", "floor_manager", "246810",
                          approval_limit="2,50,000")
    assert ledger.sent["add_staff"] == {"staff_id": "F900", "name": "Neha Pal", "role": "floor_manager",
                                        "approval_limit": Decimal("250000.00")}


def test_no_one_disables_themselves_an_unknown_id_is_a_sentence_and_offline_nothing_changes():
    ledger = FakeLedger()
    with pytest.raises(InvalidInput, match="disable yourself"):
        staff_admin.disable_staff(services(ledger), session_of("S300"), "S300")
    assert ledger.calls == []
    with pytest.raises(InvalidInput):
        staff_admin.disable_staff(services(ledger), session_of("S300"), "C999")
    with pytest.raises(InvalidInput):
        staff_admin.reset_pin(services(ledger), session_of("S300"), "C999", "246810")
    offline = Session(staff=StaffMember("S300", "Sam Roy", "supervisor"), terminal_id="T-UNIT")
    with pytest.raises(NotAuthorized, match="only while the ledger is online"):
        staff_admin.disable_staff(services(ledger), offline, "C100")
    staff_admin.disable_staff(services(ledger), session_of("S300"), "C100")
    assert ledger.sent["set_staff_active"] == {"staff_id": "C100", "active": False}


def test_the_staff_list_is_shaped_for_the_screen():
    [first, *_] = staff_admin.staff_list(services(FakeLedger()))
    assert first == {"id": "C100", "name": "Asha Rao", "role": "cashier", "active": True, "approval_limit": None,
                     "locked_until": None, "pin_reset_required": False}


def test_the_mtl_is_completed_from_the_ledger_only_where_the_database_does_not_write_it():
    ledger = FakeLedger()
    s = services(ledger)
    reports.mtl_report(s, date(2026, 1, 2))
    assert ledger.sent["mtl_rows"] == {"day": date(2026, 1, 2), "threshold": s.policy.mtl_threshold,
                                       "fill_in": True}
    s.database_decides = True  # a bound login: the posting API wrote each entry
    reports.mtl_report(s, date(2026, 1, 2))
    assert ledger.sent["mtl_rows"]["fill_in"] is False
    reports.ctr_report(s, date(2026, 1, 2))
    assert ledger.sent["ctr_rows"]["threshold"] == s.policy.ctr_threshold
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        reports.parse_day("02/01/2026")
