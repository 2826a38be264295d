"""Shifts at the counter against a fake ledger port: the rules the terminal applies itself
(blind count, sign-off notes, counts in the cage's currency and denominations, the float as
typed), each shown by what reached the ledger and what did not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cashier_desktop.domain.counts import DrawerCount
from cashier_desktop.domain.errors import (InvalidInput, LedgerUnavailable, NotAuthorized, ShiftError,
                                           ShiftNotOpen)
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal import shifts
from tests.unit.fake_ledger import FakeLedger, FakeLocal, services, session_of, shift_record


def _open(ledger: FakeLedger, **kw):
    shift = shift_record(**kw)
    ledger.shifts_by_id[shift.id] = shift
    return shift


# opening: the float as typed ------------------------------------------------------------

@pytest.mark.parametrize("typed, stored", [("₹5,000", Decimal("5000.00")), ("0", Decimal("0.00")),
                                           (Money(Decimal("250"), "INR"), Decimal("250.00")),
                                           (Decimal("12.5"), Decimal("12.50"))])
def test_the_opening_float_is_read_as_typed_and_sent_once(typed, stored):
    ledger, local = FakeLedger(), FakeLocal()
    s, session = services(ledger, local), session_of("C100")
    shift = shifts.open_shift(s, session, float_amount=typed)
    assert ledger.sent["open_shift"]["opening_float"] == stored
    assert ledger.sent["open_shift"]["terminal_id"] == session.terminal_id
    assert ledger.sent["open_shift"]["session"] == session.staff.session_token
    assert session.shift == shift and local.shifts == [(shift.id, "C100")]  # the journal learns it now


def test_a_float_given_as_a_count_is_its_total_and_a_count_that_disagrees_is_refused():
    ledger = FakeLedger()
    s = services(ledger)
    shifts.open_shift(s, session_of("C100"), counts="500=10,100=3")
    assert ledger.sent["open_shift"]["opening_float"] == Decimal("5300.00")
    assert ledger.sent["open_shift"]["opening_count"] == {"500": 10, "100": 3}
    ledger.calls.clear()
    with pytest.raises(InvalidInput, match="adds up to"):
        shifts.open_shift(s, session_of("C100"), float_amount="5000", counts="500=10,100=3")
    assert "open_shift" not in ledger.calls


@pytest.mark.parametrize("kw", [{}, {"float_amount": Decimal("-1")}])
def test_no_float_or_a_negative_one_never_reaches_the_ledger(kw):
    ledger = FakeLedger()
    with pytest.raises(InvalidInput):
        shifts.open_shift(services(ledger), session_of("C100"), **kw)
    assert "open_shift" not in ledger.calls


# counts: the cage's currency, its denominations -----------------------------------------

def test_a_count_in_another_currency_is_refused_before_the_ledger():
    ledger = FakeLedger()
    _open(ledger)
    count = DrawerCount("USD", ((Decimal("100.00"), 2),))
    with pytest.raises(InvalidInput, match="USD; this cage works in INR"):
        shifts.close_shift(services(ledger), session_of("C100"), count)
    assert "close_shift" not in ledger.calls


@pytest.mark.parametrize("counts", ["500=2,7=1", {"500": 2, "7": 1},
                                    DrawerCount("INR", ((Decimal("500.00"), 2), (Decimal("7.00"), 1)))])
def test_a_piece_that_is_not_a_denomination_of_the_currency_is_refused(counts):
    ledger = FakeLedger()
    _open(ledger)
    with pytest.raises(InvalidInput, match="not a denomination"):
        shifts.close_shift(services(ledger), session_of("C100"), counts)
    assert ledger.calls[0] == "cash_denominations" and "close_shift" not in ledger.calls


def test_the_denominations_are_the_ledgers_and_the_configured_ones_when_it_stores_none():
    ledger = FakeLedger(denominations=[Decimal("7")])  # what the ledger stores wins
    assert shifts._count(services(ledger), "7=3").total == Money(Decimal("21"), "INR")
    ledger = FakeLedger(denominations=[])  # none stored: the configuration's list
    with pytest.raises(InvalidInput, match="not a denomination"):
        shifts._count(services(ledger, **{"currency.denominations": ["500", "100"]}), "200=1")
    unreachable = FakeLedger(unreachable=True)  # nor when the ledger cannot be reached
    assert shifts._count(services(unreachable, **{"currency.denominations": ["200"]}), "200=1").pieces == (
        (Decimal("200.00"), 1),)


# closing: the blind count ---------------------------------------------------------------

def test_an_open_shift_shows_no_expected_figure_and_its_figures_are_not_even_read():
    ledger = FakeLedger(drawer_moves={1: Decimal("400")})
    _open(ledger)
    s = services(ledger)
    current = shifts.current_shift(s, "T-UNIT")
    assert current.expected is None and current.variance is None
    report = shifts.shift_report(s, 1)
    assert report.blind and report.totals is None and report.postings == ()
    assert "closed_shift_figures" not in ledger.calls
    assert "expected" not in shifts.render_text(report) and "blind count" in shifts.render_text(report)


def test_a_closed_shift_reports_its_figures():
    ledger = FakeLedger(drawer_moves={1: Decimal("400")})
    _open(ledger)
    s = services(ledger)
    closed = shifts.close_shift(s, session_of("C100"), "500=2,100=4")
    report = shifts.shift_report(s, closed.id)
    assert not report.blind and report.totals.cash_in == Decimal("400")
    assert "expected        ₹1,400.00" in shifts.render_text(report)


def test_closing_sends_the_count_and_the_cages_variance_threshold_and_forgets_the_shift():
    ledger, local = FakeLedger(), FakeLocal()
    _open(ledger)
    session = session_of("C100", shift=ledger.shifts_by_id[1])
    closed = shifts.close_shift(services(ledger, local), session, "500=2")
    sent = ledger.sent["close_shift"]
    assert (sent["counted"], sent["closing_count"], sent["variance_threshold"]) == (
        Decimal("1000.00"), {"500": 2}, Decimal("50"))
    assert closed.status == "closed" and session.shift is None and local.shifts == [(None, None)]


def test_no_open_shift_anothers_shift_or_pending_postings_refuse_the_close():
    ledger = FakeLedger()
    with pytest.raises(ShiftNotOpen):
        shifts.close_shift(services(ledger), session_of("C100"), "500=1")
    _open(ledger, staff_id="C101")
    with pytest.raises(NotAuthorized, match="belongs to C101"):
        shifts.close_shift(services(ledger), session_of("C100"), "500=1")
    with pytest.raises(ShiftError, match="1 posting is still waiting"):
        shifts.close_shift(services(ledger, FakeLocal(pending=1)), session_of("C101"), "500=1")
    assert "close_shift" not in ledger.calls
    shifts.close_shift(services(ledger), session_of("S300"), "500=2")  # a supervisor may
    assert ledger.sent["close_shift"]["closed_by"] == "S300"


# sign-off ---------------------------------------------------------------------------------

def test_a_variance_over_the_threshold_needs_a_note_before_sign_off():
    ledger = FakeLedger()
    ledger.shifts_by_id[1] = shift_record(status="closed", counted="900", expected="1000", needs_signoff=True)
    s = services(ledger)
    for note in (None, "   "):
        with pytest.raises(InvalidInput, match="variance of"):
            shifts.signoff_shift(s, session_of("S300"), 1, note)
    assert "sign_off_shift" not in ledger.calls
    done = shifts.signoff_shift(s, session_of("S300"), 1, "  a 100 note in the bag  ")
    assert ledger.sent["sign_off_shift"]["note"] == "a 100 note in the bag" and done.status == "signed_off"


def test_a_small_variance_signs_off_without_a_note_but_never_ones_own_shift():
    ledger = FakeLedger()
    ledger.shifts_by_id[1] = shift_record(staff_id="S301", status="closed", counted="990", expected="1000")
    s = services(ledger)
    with pytest.raises(NotAuthorized, match="your own shift"):
        shifts.signoff_shift(s, session_of("S301"), 1, "fine")
    with pytest.raises(NotAuthorized):  # a cashier may not sign off at all
        shifts.signoff_shift(s, session_of("C100"), 1, "fine")
    with pytest.raises(ShiftNotOpen):
        shifts.signoff_shift(s, session_of("S300"), 99, "fine")
    assert "sign_off_shift" not in ledger.calls
    shifts.signoff_shift(s, session_of("S300"), 1, "")
    assert ledger.sent["sign_off_shift"]["note"] is None


# reports and lists -----------------------------------------------------------------------

def test_a_cashier_sees_only_their_own_shift_report():
    ledger = FakeLedger()
    ledger.shifts_by_id[1] = shift_record(staff_id="C101", status="closed", counted="1000", expected="1000")
    s = services(ledger)
    with pytest.raises(NotAuthorized):
        shifts.shift_report(s, 1, session=session_of("C100"))
    assert shifts.shift_report(s, 1, session=session_of("C101")).shift.id == 1
    assert shifts.shift_report(s, 1, session=session_of("S300")).shift.id == 1


def test_a_shift_status_not_known_is_refused_and_an_unreachable_ledger_is_not_hidden():
    ledger = FakeLedger()
    with pytest.raises(InvalidInput):
        shifts.list_shifts(services(ledger), status="lost")
    assert ledger.calls == []
    with pytest.raises(LedgerUnavailable):
        shifts.list_shifts(services(FakeLedger(unreachable=True)), status="open")
