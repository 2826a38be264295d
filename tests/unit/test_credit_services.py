"""Credit requests against a fake ledger port: who may file and decide, the approval
authority, the limit as typed — checked by the terminal before anything reaches the ledger."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import InvalidInput, NotAuthorized
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal import credit
from tests.unit.fake_ledger import FakeLedger, credit_request, services, session_of


def _with(*requests) -> FakeLedger:
    return FakeLedger(requests={r.id: r for r in requests})


@pytest.mark.parametrize("typed, limit", [("₹10,000", Decimal("10000.00")), ("2500.5", Decimal("2500.50")),
                                          (Money(Decimal("300"), "INR"), Decimal("300.00"))])
def test_a_request_is_filed_with_the_limit_as_typed_the_note_trimmed_and_the_filer(typed, limit):
    ledger = FakeLedger()
    credit.request_credit(services(ledger), session_of("C100"), " 101 ", typed, note="  regular  ")
    assert ledger.sent["request_credit"] == {"player_id": "101", "limit": limit, "note": "regular", "by": "C100"}


def test_a_blank_note_is_no_note_and_a_bad_player_id_never_reaches_the_ledger():
    ledger = FakeLedger()
    credit.request_credit(services(ledger), session_of("C100"), "101", "100", note="   ")
    assert ledger.sent["request_credit"]["note"] is None
    ledger.calls.clear()
    with pytest.raises(InvalidInput):
        credit.request_credit(services(ledger), session_of("C100"), "", "100")
    assert ledger.calls == []


def test_a_cashier_cannot_decide_credit():
    ledger = _with(credit_request(1, by="C101"))
    with pytest.raises(NotAuthorized):
        credit.approve_credit(services(ledger), session_of("C100"), 1)
    with pytest.raises(NotAuthorized):
        credit.deny_credit(services(ledger), session_of("C100"), 1, "no")
    assert ledger.calls == []


def test_whoever_filed_a_request_cannot_decide_it():
    ledger = _with(credit_request(1, by="F200"))
    with pytest.raises(NotAuthorized, match="You filed this request"):
        credit.approve_credit(services(ledger), session_of("F200"), 1)
    with pytest.raises(NotAuthorized, match="You filed this request"):
        credit.deny_credit(services(ledger), session_of("F200"), 1, "no")
    assert "decide_credit" not in ledger.calls


def test_a_request_decided_already_or_unknown_is_refused_with_a_sentence():
    ledger = _with(credit_request(1, status="denied"))
    with pytest.raises(InvalidInput, match="already denied by F201"):
        credit.approve_credit(services(ledger), session_of("F200"), 1)
    with pytest.raises(InvalidInput, match="already denied"):
        credit.deny_credit(services(ledger), session_of("F200"), 1, "no")
    with pytest.raises(InvalidInput):
        credit.approve_credit(services(ledger), session_of("F200"), 2)
    assert "decide_credit" not in ledger.calls


def test_a_limit_above_the_approvers_authority_is_refused_before_the_ledger():
    ledger = _with(credit_request(1, limit=Decimal("30000.00")))
    with pytest.raises(NotAuthorized, match="above your approval authority of ₹25,000.00"):
        credit.approve_credit(services(ledger), session_of("F200"), 1)  # the cage's floor-manager limit
    with pytest.raises(NotAuthorized, match="₹5,000.00"):
        credit.approve_credit(services(ledger), session_of("F201"), 1, limit="6000")  # their own limit
    assert "decide_credit" not in ledger.calls
    credit.approve_credit(services(ledger), session_of("F201"), 1, limit="5000")
    assert ledger.sent["decide_credit"]["limit"] == Decimal("5000.00")


def test_an_approval_posts_the_requested_limit_under_an_id_derived_from_the_request():
    ledger = _with(credit_request(7, limit=Decimal("20000.00")))
    decided, receipt = credit.approve_credit(services(ledger), session_of("F200"), 7)
    sent = ledger.sent["decide_credit"]
    assert (sent["approve"], sent["limit"], sent["staff_id"], sent["currency"]) == (
        True, Decimal("20000.00"), "F200", "INR")
    assert sent["posting_id"] == uuid.uuid5(credit._REQUEST_NS, "credit-request:7")  # the same id every time
    assert decided.status == "approved" and receipt == ("receipt", sent["posting_id"])


def test_a_supervisor_without_a_limit_may_approve_any_line():
    ledger = _with(credit_request(1, limit=Decimal("9000000.00")))
    credit.approve_credit(services(ledger), session_of("S300"), 1)
    assert ledger.sent["decide_credit"]["limit"] == Decimal("9000000.00")


def test_a_denial_needs_a_reason_and_keeps_it():
    ledger = _with(credit_request(1))
    for reason in ("", "   "):
        with pytest.raises(InvalidInput, match="reason"):
            credit.deny_credit(services(ledger), session_of("F200"), 1, reason)
    assert ledger.calls == []
    decided = credit.deny_credit(services(ledger), session_of("F200"), 1, "  over the limit  ")
    assert ledger.sent["decide_credit"]["approve"] is False
    assert decided.status == "denied" and decided.decision_reason == "over the limit"


def test_the_queue_is_pending_by_default_and_an_unknown_status_is_refused():
    ledger = _with(credit_request(1), credit_request(2, status="approved"))
    assert [r.id for r in credit.list_credit_requests(services(ledger))] == [1]
    assert [r.id for r in credit.credit_history(services(ledger), "101")] == [1, 2]
    ledger.calls.clear()
    with pytest.raises(InvalidInput):
        credit.list_credit_requests(services(ledger), status="maybe")
    assert ledger.calls == []


def test_a_decision_reads_the_request_once_and_the_decision_answers_with_it():
    ledger = _with(credit_request(1), credit_request(2))
    credit.approve_credit(services(ledger), session_of("F200"), 1)
    assert ledger.calls == ["credit_request", "decide_credit"]
    ledger.calls.clear()
    credit.deny_credit(services(ledger), session_of("F200"), 2, "no")
    assert ledger.calls == ["credit_request", "decide_credit"]
