"""Logging in and out, and handing a drawer over, against a fake ledger port: what the
terminal decides itself (the journal told, the offline fallbacks, who may hand over to whom)."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import (AuthenticationFailed, InvalidInput, LedgerUnavailable, NotAuthorized,
                                           ShiftError, ShiftNotOpen)
from cashier_desktop.terminal import handover, session as sessions
from cashier_desktop.terminal.auth import verify_approver
from cashier_desktop.terminal.verbs import Credentials
from tests.unit.fake_ledger import FakeLedger, FakeLocal, services, session_of, shift_record


# session ----------------------------------------------------------------------------------

def test_a_login_carries_the_terminals_open_shift_and_the_journal_learns_the_pin():
    ledger, local = FakeLedger(), FakeLocal()
    ledger.shifts_by_id[4] = shift_record(4)
    s = services(ledger, local)
    s.database_decides = True  # asked of the ledger once at login otherwise
    session = sessions.login(s, "C100", "1111")
    assert session.staff.id == "C100" and session.staff.session_token is not None
    assert session.terminal_id == "T-UNIT" and session.shift.id == 4
    assert ledger.sent["open_staff_session"] == {"staff_id": "C100", "purpose": "login", "terminal_id": "T-UNIT"}
    assert local.logins == ["C100"]


def test_a_wrong_pin_is_refused_and_nothing_is_remembered():
    ledger, local = FakeLedger(), FakeLocal()
    with pytest.raises(AuthenticationFailed):
        sessions.login(services(ledger, local), "C100", "0000")
    assert local.logins == [] and "open_shift_of" not in ledger.calls


def test_a_malformed_staff_id_is_the_same_refusal_and_never_reaches_the_ledger():
    ledger = FakeLedger()
    with pytest.raises(AuthenticationFailed, match="not recognised"):
        sessions.login(services(ledger), "C 100; drop", "1111")
    assert ledger.calls == []


def test_with_the_ledger_unreachable_the_journals_verifier_decides():
    local = FakeLocal()
    session = sessions.login(services(FakeLedger(unreachable=True), local), "C100", "1111")
    assert session.staff.name == "offline" and session.shift is None
    assert [type(c) for c in local.offline_causes] == [LedgerUnavailable] and local.logins == []


def test_logout_ends_the_database_session_once_or_audits_an_offline_login():
    ledger = FakeLedger()
    s = services(ledger)
    session = session_of("C100")
    sessions.logout(s, session)
    sessions.logout(s, session)  # a second logout does nothing
    assert ledger.closed_tokens == [session.staff.session_token] and not session.active
    offline = session_of("C101")
    offline.staff = offline.staff.__class__("C101", "Ben Das", "cashier")  # no database session
    sessions.logout(s, offline)
    assert ledger.audited == [("logout", "C101", "T-UNIT")]


def test_logout_with_the_ledger_unreachable_carries_on_offline():
    local = FakeLocal()
    session = session_of("C100")
    sessions.logout(services(FakeLedger(unreachable=True), local), session)
    assert not session.active and len(local.offline_causes) == 1


def test_an_approvers_pin_opens_an_approval_session():
    ledger = FakeLedger()
    assert verify_approver(services(ledger), "S300", "3333").role == "supervisor"
    assert ledger.sent["open_staff_session"]["purpose"] == "approval"


# handover ---------------------------------------------------------------------------------

def _handover_ledger(staff_id: str = "C100") -> FakeLedger:
    ledger = FakeLedger()
    ledger.shifts_by_id[1] = shift_record(1, staff_id=staff_id)
    return ledger


def test_a_handover_closes_the_outgoing_shift_and_opens_the_incoming_cashiers():
    ledger, local = _handover_ledger(), FakeLocal()
    outgoing = session_of("C100", shift=ledger.shifts_by_id[1])
    done = handover.hand_over(services(ledger, local), outgoing, Credentials("C101", "1212"), "500=2", "500=2")
    sent = ledger.sent["hand_over"]
    assert sent["shift_id"] == 1 and sent["outgoing_session"] == outgoing.staff.session_token
    assert (sent["outgoing_counted"], sent["incoming_counted"]) == (Decimal("1000.00"), Decimal("1000.00"))
    assert done.closed.status == "closed" and done.opened.staff_id == "C101" and not done.replayed
    assert done.incoming.staff.id == "C101" and done.incoming.shift == done.opened
    assert not outgoing.active and outgoing.shift is None  # the database ended the outgoing session
    assert local.shifts == [(done.opened.id, "C101")] and local.logins == ["C101"]


def test_a_resend_with_the_same_id_names_the_shift_it_handed_over():
    ledger = _handover_ledger()
    hid = uuid.uuid4()
    first = handover.hand_over(services(ledger), session_of("C100"), Credentials("C101", "1212"), "500=2",
                               "500=2", handover_id=hid)
    again = handover.hand_over(services(ledger), session_of("C100"), Credentials("C101", "1212"), "500=2",
                               "500=2", handover_id=hid)
    assert again.replayed and again.opened.id == first.opened.id
    assert ledger.sent["hand_over"]["shift_id"] == 1  # not the incoming cashier's open shift


@pytest.mark.parametrize("staff, incoming, pending, refusal", [
    ("C101", "C101", 0, NotAuthorized),  # not the outgoing cashier's shift
    ("C100", "C100", 0, NotAuthorized),  # handing over to oneself
    ("C100", "C101", 2, ShiftError),  # postings still waiting for the ledger
])
def test_what_the_terminal_refuses_before_any_pin_is_checked(staff, incoming, pending, refusal):
    ledger = _handover_ledger()
    with pytest.raises(refusal):
        handover.hand_over(services(ledger, FakeLocal(pending=pending)), session_of(staff),
                           Credentials(incoming, "1212"), "500=2", "500=2")
    assert "open_staff_session" not in ledger.calls and "hand_over" not in ledger.calls


def test_no_open_shift_a_bad_count_or_a_wrong_pin_hands_nothing_over():
    ledger = FakeLedger()
    with pytest.raises(ShiftNotOpen):
        handover.hand_over(services(ledger), session_of("C100"), Credentials("C101", "1212"), "500=2", "500=2")
    ledger = _handover_ledger()
    with pytest.raises(InvalidInput):
        handover.hand_over(services(ledger), session_of("C100"), Credentials("C101", "1212"), "500=2", "7=1")
    with pytest.raises(AuthenticationFailed):
        handover.hand_over(services(ledger), session_of("C100"), Credentials("C101", "0000"), "500=2", "500=2")
    assert "hand_over" not in ledger.calls
