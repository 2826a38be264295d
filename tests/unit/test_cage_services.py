"""The cage operations of issue 17 and the counter's other reads, against a fake ledger port:
temporary credit lines, authority limits, a drawer's holding, the credit queue, receipts,
history and the reversal's look-up — what the terminal refuses or decides before the ledger."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import InvalidInput, LedgerUnavailable, NotAuthorized
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger.receipt_check import ReceiptFacts
from cashier_desktop.terminal import authority, credit_lines, credit_queue, drawer, history, receipts, verbs
from cashier_desktop.terminal.auth import StaffMember
from cashier_desktop.terminal.verbs import Credentials
from tests.unit.fake_ledger import FakeLedger, FakeLocal, credit_request, member, services

LIMIT = Money(Decimal("20000"), "INR")
LATER = datetime(2026, 2, 1, tzinfo=timezone.utc)


# temporary credit lines -----------------------------------------------------------------

@pytest.mark.parametrize("reason, approver, sentence", [
    ("  ", Credentials("F200", "2222"), "reason"),
    ("regular", None, "second person"),
    ("regular", Credentials(" ", "2222"), "second person"),
    ("regular", Credentials("C100", "1111"), "someone other than who asked"),
])
def test_a_temporary_line_needs_a_reason_and_a_second_person(reason, approver, sentence):
    ledger = FakeLedger()
    with pytest.raises(InvalidInput, match=sentence):
        credit_lines.grant_temporary(services(ledger), member("C100"), "101", LIMIT, LATER, reason, approver)
    assert ledger.calls == []


def test_a_temporary_line_is_granted_with_the_approvers_own_session():
    ledger = FakeLedger()
    credit_lines.grant_temporary(services(ledger), member("C100"), " 101 ", LIMIT, LATER, " weekend ",
                                 Credentials(" F200 ", "2222"))
    assert ledger.calls == ["open_staff_session", "grant_temporary_credit"]
    assert ledger.sent["open_staff_session"]["purpose"] == "approval"
    sent = ledger.sent["grant_temporary_credit"]
    assert (sent["player_id"], sent["limit"], sent["reason"]) == ("101", Decimal("20000.00"), "weekend")
    assert sent["approver_session"] is not None


def test_an_offline_login_cannot_ask_for_a_line_and_a_line_lasts_one_to_ninety_days():
    offline = StaffMember("C100", "Asha Rao", "cashier")
    with pytest.raises(NotAuthorized, match="needs the ledger"):
        credit_lines.grant_temporary(services(), offline, "101", LIMIT, LATER, "r", Credentials("F200", "2222"))
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert credit_lines.expiry_in(90, now) == now + timedelta(days=90)
    for days in (0, 91):
        with pytest.raises(InvalidInput, match="1 to 90 days"):
            credit_lines.expiry_in(days, now)


def test_markers_due_are_for_the_floor_and_default_to_a_week_from_the_cages_day():
    ledger = FakeLedger()
    with pytest.raises(NotAuthorized):
        credit_lines.markers_due(services(ledger), member("C100"))
    s = services(ledger)
    credit_lines.markers_due(s, member("F200"))
    assert ledger.sent["markers_due"]["by"] == s.policy.today() + timedelta(days=7)
    credit_lines.markers_due(s, member("F200"), by=date(2026, 3, 1))
    assert ledger.sent["markers_due"]["by"] == date(2026, 3, 1)


# authority limits -----------------------------------------------------------------------

@pytest.mark.parametrize("who, kind, reason, sentence", [
    ("C100", "payout", "r", "not a transaction type"),
    (" ", "deposit", "r", "whose authority limit"),
    ("S300", "deposit", "r", "your own authority limit"),
    ("C100", "deposit", "  ", "reason"),
])
def test_an_authority_limit_is_refused_before_the_ledger(who, kind, reason, sentence):
    ledger = FakeLedger()
    with pytest.raises(InvalidInput, match=sentence):
        authority.set_limit(services(ledger), member("S300"), who, kind, LIMIT, reason)
    assert ledger.calls == []


def test_an_authority_limit_is_set_by_a_supervisor_for_a_type_as_typed():
    ledger = FakeLedger()
    with pytest.raises(NotAuthorized):
        authority.set_limit(services(ledger), member("F200"), "C100", "deposit", LIMIT, "r")
    authority.set_limit(services(ledger), member("S300"), " C100 ", "Marker-Issue", None, " new role ")
    assert ledger.sent["set_authority_limit"] == {"staff_id": "C100", "kind": "marker_issue", "limit": None,
                                                  "reason": "new role"}


# a drawer during its shift ----------------------------------------------------------------

def test_only_a_supervisor_sees_a_drawer_and_only_online():
    ledger = FakeLedger()
    for read in (drawer.holding, drawer.foreign_holding, drawer.exchanges):
        with pytest.raises(NotAuthorized):
            read(services(ledger), member("F200"), 1)
    with pytest.raises(NotAuthorized, match="needs the ledger"):
        drawer.foreign_holding(services(ledger), StaffMember("S300", "Sam Roy", "supervisor"), 1)
    assert ledger.calls == []
    drawer.foreign_holding(services(ledger), member("S300"), "1")
    assert ledger.sent["drawer_foreign_holding"] == {"shift_id": 1}


# the credit queue, history, receipts ----------------------------------------------------

def test_the_queue_pairs_each_pending_request_with_its_player_and_filer():
    ledger = FakeLedger(requests={1: credit_request(1, by="C101"), 2: credit_request(2, status="denied"),
                                  3: credit_request(3, player_id="102", by="X999")})
    items = credit_queue.credit_queue(services(ledger))
    assert [(i.request.id, i.context, i.requested_by_name) for i in items] == [
        (1, ("context", "101"), "Ben Das"), (3, ("context", "102"), "")]


def test_a_players_overview_is_their_credit_history_and_id_on_file():
    ledger = FakeLedger(requests={1: credit_request(1), 2: credit_request(2, player_id="102")})
    requests, on_file = history.player_overview(services(ledger), "101")
    assert [r.id for r in requests] == [1] and on_file is None


def test_a_reprint_falls_back_to_the_journals_notes_only_when_the_ledger_cannot_answer():
    pid = uuid.uuid4()
    notes = ((Decimal("500.00"), 2),)
    ledger = FakeLedger(facts={pid: ReceiptFacts(4, "Asha Rao", "", notes, ())})
    assert receipts.facts_and_notes(services(ledger), pid) == (ReceiptFacts(4, "Asha Rao", "", notes, ()), notes, ())
    journal = type("Journal", (), {"entry": lambda self, i: type("E", (), {"command": type(
        "C", (), {"notes_in": (), "notes_out": notes})()})()})()
    local = FakeLocal()
    local.journal = journal
    assert receipts.facts_and_notes(services(FakeLedger(unreachable=True), local), pid) == (None, (), notes)


def test_a_reversal_takes_amount_and_player_from_the_original_unless_given():
    original_id = uuid.uuid4()
    original = verbs.posting_command("T-UNIT", "C100", Kind.DEPOSIT, "101", Money(Decimal("250"), "INR"))
    ledger = FakeLedger(postings={original_id: original})
    undo = verbs.reversal(services(ledger), "S300", original_id, " wrong player ")
    assert (undo.amount, undo.player_id, undo.reverses_id, undo.reason) == (
        Money(Decimal("250"), "INR"), "101", original_id, "wrong player")
    with pytest.raises(InvalidInput, match="no posting"):
        verbs.reversal(services(ledger), "S300", uuid.uuid4(), "r")
    ledger.calls.clear()
    verbs.reversal(services(ledger), "S300", original_id, "r", amount=Money(Decimal("5"), "INR"), player_id="102")
    assert ledger.calls == []  # the GUI, which shows the original, passes both: no read


def test_with_the_ledger_unreachable_the_reads_say_so():
    for read in (lambda s: credit_lines.history(s, "101"), lambda s: authority.staff_rows(s),
                 lambda s: receipts.staff_names(s, ["C100"])):
        with pytest.raises(LedgerUnavailable):
            read(services(FakeLedger(unreachable=True)))


def test_large_cash_is_logged_for_cash_postings_only_and_a_failure_never_fails_the_posting():
    from cashier_desktop.domain.receipts import Receipt
    from cashier_desktop.terminal.authorize import after_posting, record_large_cash
    ledger = FakeLedger()
    s = services(ledger)
    inr = Money(Decimal("1"), "INR")

    def receipt(kind):
        return Receipt(id=uuid.uuid4(), seq=1, kind=kind, player_id="101", amount=inr, cash_before=inr,
                       cash_after=inr, credit_before=inr, credit_after=inr, limit_after=inr, approved_after=False,
                       staff_id="C100", approver_id=None, terminal_id="T-UNIT", shift_id=1, reverses_id=None,
                       reason=None, created_at=LATER, hash="h")
    assert record_large_cash(s, receipt(Kind.MARKER_ISSUE)) == 0 and ledger.calls == []  # no cash moved
    deposit = receipt(Kind.DEPOSIT)
    assert record_large_cash(s, deposit) == 1
    assert ledger.sent["log_mtl"] == {"player_id": "101", "posting_id": deposit.id,
                                      "threshold": s.policy.mtl_threshold}
    cmd = verbs.posting_command("T-UNIT", "C100", Kind.DEPOSIT, "101", inr)
    after_posting(services(FakeLedger(unreachable=True)), member("C100"), cmd, None, deposit)  # logged, not raised
