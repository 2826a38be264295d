"""A posting's authorization where the database does not decide (a login not bound to a
terminal), against fakes of both ports: the staff as they are now, the open shift, large
cash needing identification, and the offline fallback — each before anything is posted."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import IdentificationRequired, LedgerUnavailable, NotAuthorized, ShiftNotOpen
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal.authorize import authorize, posting_requirements, prior_totals
from cashier_desktop.terminal.verbs import posting_command
from tests.unit.fake_ledger import TERMINAL, FakeLedger, FakeLocal, member, services, shift_record


def _inr(amount: str) -> Money:
    return Money(Decimal(amount), "INR")


def _ledger(**kw) -> FakeLedger:
    ledger = FakeLedger(**kw)
    ledger.shifts_by_id[3] = shift_record(3)
    return ledger


def _deposit(amount: str = "1000", **kw):
    return posting_command("", "C100", Kind.DEPOSIT, "101", _inr(amount), **kw)


def test_the_command_is_completed_with_this_terminal_and_its_open_shift_in_one_read():
    ledger = _ledger()
    checked = authorize(services(ledger), member("C100"), _deposit())
    assert (checked.terminal_id, checked.shift_id) == (TERMINAL, 3)
    assert ledger.calls == ["counter_context"]  # staff, shift and prior cash together
    assert ledger.sent["counter_context"]["prior"].direction == "in"


def test_staff_deactivated_or_demoted_since_login_are_refused():
    ledger = _ledger(inactive={"C100"})
    with pytest.raises(NotAuthorized, match="no longer an active staff member"):
        authorize(services(ledger), member("C100"), _deposit())
    ledger = _ledger(roles={"S300": "cashier"})  # a supervisor demoted since they logged in
    undo = posting_command("", "S300", Kind.ADJUST_IN, "101", _inr("5"), approver_id="S300", reason="fix")
    with pytest.raises(NotAuthorized):
        authorize(services(ledger), member("S300"), undo)


def test_no_open_shift_refuses_a_posting_but_not_a_credit_line():
    ledger = FakeLedger()
    with pytest.raises(ShiftNotOpen, match="no open shift"):
        authorize(services(ledger), member("C100"), _deposit())
    line = posting_command("", "F200", Kind.CREDIT_LINE, "101", _inr("5000"), approver_id="F200")
    assert authorize(services(ledger), member("F200"), line).shift_id is None


def test_cash_over_the_reporting_threshold_today_needs_identification():
    ledger = _ledger(prior={("101", "in"): Decimal("900000")})  # + 200,000 is over ₹10,00,000
    with pytest.raises(IdentificationRequired, match="Nothing was posted"):
        authorize(services(ledger), member("C100"), _deposit("200000"))
    authorize(services(ledger), member("C100"), _deposit("50000"))  # under it: no ID
    typed = _deposit("200000", id_type="Passport", id_number="Z1")
    authorize(services(ledger), member("C100"), typed)  # typed: the posting records it
    assert ledger.sent["counter_context"]["prior"] is None  # and no prior cash is read for it


def test_a_valid_document_on_file_lets_cash_over_the_threshold_through_with_the_cashiers_own_session():
    """The ID captured once is reused (issue 17): the pre-check asks the ledger for the player's
    documents with the session of the cashier who is posting; an expired one does not count."""
    from datetime import date, datetime, timezone
    from cashier_desktop.ledger.id_documents import IdDocument

    def document(valid: bool) -> IdDocument:
        return IdDocument(1, "Passport", "Z1234567", date(2030, 1, 1), valid, False, "C100",
                          datetime(2026, 1, 1, tzinfo=timezone.utc))
    ledger = _ledger(prior={("101", "in"): Decimal("900000")})
    ledger.documents["101"] = [document(False)]
    cashier = member("C100")
    with pytest.raises(IdentificationRequired):
        authorize(services(ledger), cashier, _deposit("200000"))
    ledger.documents["101"] = [document(False), document(True)]
    authorize(services(ledger), cashier, _deposit("200000"))
    assert ledger.sent["id_documents"] == {"player_id": "101", "session": cashier.session_token}


def test_offline_or_when_the_ledger_goes_away_the_journal_decides():
    @dataclass
    class Offline(FakeLocal):
        asked: list = None

        def authorize_offline(self, staff, cmd, cause=None):
            self.asked = [cmd.id, type(cause).__name__]
            return cmd
    local = Offline(online=False)
    cmd = _deposit()
    authorize(services(_ledger(), local), member("C100"), cmd)
    assert local.asked == [cmd.id, "NoneType"]
    local = Offline()
    authorize(services(FakeLedger(unreachable=True), local), member("C100"), cmd)
    assert local.asked == [cmd.id, "LedgerUnavailable"]
    with pytest.raises(LedgerUnavailable):  # without a journal nothing is taken
        from cashier_desktop.terminal.local import DirectSide
        s = services(FakeLedger(unreachable=True))
        s.local = DirectSide(engine=None)  # type: ignore[arg-type]
        authorize(s, member("C100"), cmd)


def test_the_dialogs_requirements_add_the_prior_cash_only_where_the_database_does_not_decide():
    ledger = _ledger(prior={("101", "in"): Decimal("900000")})
    s = services(ledger)
    assert posting_requirements(s, member("C100"), Kind.DEPOSIT, "101", _inr("200000")).needs_identification
    s.database_decides = True  # a bound login: the posting's own call decides, no read here
    ledger.calls.clear()
    assert not posting_requirements(s, member("C100"), Kind.DEPOSIT, "101", _inr("200000")).needs_identification
    assert ledger.calls == []
    assert prior_totals(s, "101", Kind.MARKER_ISSUE).day == Decimal("0") and ledger.calls == []  # no cash moves
