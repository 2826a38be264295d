"""Shifts: open with a counted float, postings belong to the shift, blind count, variance, sign-off."""

from __future__ import annotations

import csv
import io
import threading
import time
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import (InvalidInput, NotAuthorized, ShiftError, ShiftNotOpen)
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.receipts import PendingReceipt
from cashier_desktop.ledger import audit
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.terminal import shifts
from cashier_desktop.terminal.counter import submit
from cashier_desktop.terminal.session import login
from tests.integration.staff_helpers import funded_player, new_staff, new_terminal, player_with_credit, session_for
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import open_terminal
from tests.support.shifts import make_services, open_test_shift


@pytest.fixture
def desk(engine):
    terminal = new_terminal()
    services = make_services(engine, terminal)   # INR: variance threshold ₹4,000
    cashier = new_staff(engine, "cashier")
    return services, session_for(cashier, terminal)


def _post(services, session, kind, pid, amount):
    return submit(services, session.staff, cmd(kind, pid, amount, staff=session.staff.id,
                                               terminal_id=session.terminal_id))


def test_a_posting_without_an_open_shift_is_refused_and_moves_nothing(engine, desk):
    services, session = desk
    pid = make_player(engine)
    with pytest.raises(ShiftNotOpen, match="has no open shift"):
        _post(services, session, Kind.DEPOSIT, pid, "100")
    assert get_balance(engine, pid, currency="INR").cash.amount == Decimal("0.00")


def test_open_with_a_count_post_and_close_with_a_blind_count(engine, desk):
    services, session = desk
    shift = shifts.open_shift(services, session, counts="500=10,100=5")
    assert shift.opening_float.amount == Decimal("5500.00") and shift.opening_count == {"500": 10, "100": 5}
    assert session.shift.id == shift.id
    assert shifts.current_shift(services, session.terminal_id).id == shift.id
    pid = make_player(engine)
    r1 = _post(services, session, Kind.DEPOSIT, pid, "2000")
    r2 = _post(services, session, Kind.WITHDRAWAL, pid, "700")
    credit_pid = player_with_credit(engine, "5000", drawn="1000")
    r3 = _post(services, session, Kind.MARKER_REDEEM, credit_pid, "300")
    assert {r1.shift_id, r2.shift_id, r3.shift_id} == {shift.id}
    # Blind: while open, nothing exposes the expected figure.
    report = shifts.shift_report(services, shift.id)
    assert report.blind and report.totals is None and report.postings == ()
    assert "blind count" in shifts.render_text(report) and "expected" not in shifts.render_text(report)
    current = shifts.current_shift(services, session.terminal_id)
    assert current is not None and current.expected is None
    # expected = 5500 + 2000 + 300 - 700 = 7100; counted 7100 exactly.
    closed = shifts.close_shift(services, session, "2000=3,500=2,100=1")
    assert (closed.counted.amount, closed.expected.amount, closed.variance.amount, closed.needs_signoff) == (
        Decimal("7100.00"), Decimal("7100.00"), Decimal("0.00"), False)
    assert closed.status == "closed" and session.shift is None
    assert shifts.current_shift(services, session.terminal_id) is None


def test_a_posting_after_the_close_is_refused(engine, desk):
    services, session = desk
    shifts.open_shift(services, session, float_amount="0")
    shifts.close_shift(services, session, "500=0")
    with pytest.raises(ShiftNotOpen):
        _post(services, session, Kind.DEPOSIT, make_player(engine), "1")


def test_the_database_refuses_a_posting_into_a_closed_shift_even_around_the_terminal(engine, desk):
    services, session = desk
    shift = shifts.open_shift(services, session, float_amount="0")
    shifts.close_shift(services, session, "500=0")
    with pytest.raises(ShiftNotOpen, match="is closed"):
        post(engine, cmd(Kind.DEPOSIT, make_player(engine), "1", terminal_id=session.terminal_id, shift_id=shift.id))
    other = new_terminal()
    live = open_test_shift(engine, other)
    with pytest.raises(ShiftNotOpen, match="belongs to terminal"):
        post(engine, cmd(Kind.DEPOSIT, make_player(engine), "1", terminal_id="ELSEWHERE", shift_id=live))


def test_postings_racing_a_close_either_count_or_are_refused(engine, desk):
    services, session = desk
    shift = shifts.open_shift(services, session, float_amount="0")
    pid = make_player(engine)
    accepted, refused = [], []
    stop = threading.Event()

    def cashier_keeps_posting():
        while not stop.is_set():
            try:
                accepted.append(post(engine, cmd(Kind.DEPOSIT, pid, "1", terminal_id=session.terminal_id,
                                                 shift_id=shift.id)))
            except ShiftNotOpen:
                refused.append(1)
                return
    t = threading.Thread(target=cashier_keeps_posting)
    t.start()
    deadline = time.monotonic() + 30
    while len(accepted) < 5 and t.is_alive():
        assert time.monotonic() < deadline, "the posting thread made no progress"
        time.sleep(0.001)
    closed = shifts.close_shift(services, session, "1=0")
    stop.set()
    t.join(10)
    # Whatever slipped in before the close is in the expected figure; nothing lands after it.
    assert closed.expected.amount == Decimal(len(accepted))
    assert closed.variance == -closed.expected


@pytest.mark.parametrize("short_by, needs", [("3999.00", False), ("4000.00", True), ("4001.00", True)])
def test_a_variance_at_or_over_the_threshold_needs_a_supervisor_sign_off(engine, desk, short_by, needs):
    services, session = desk
    shifts.open_shift(services, session, float_amount="10000")
    counted = Decimal("10000") - Decimal(short_by)
    closed = shifts.close_shift(services, session, {"1": int(counted)})
    assert closed.variance.amount == -Decimal(short_by) and closed.needs_signoff is needs
    report_text = shifts.render_text(shifts.shift_report(services, closed.id))
    assert ("supervisor sign-off required" in report_text) is needs


def test_an_overage_counts_as_a_variance_too(engine, desk):
    services, session = desk
    shifts.open_shift(services, session, float_amount="0")
    closed = shifts.close_shift(services, session, "2000=2")
    assert closed.variance.amount == Decimal("4000.00") and closed.needs_signoff


def test_sign_off_needs_a_note_for_a_large_variance_and_another_supervisor(engine, desk):
    services, session = desk
    shifts.open_shift(services, session, float_amount="10000")
    closed = shifts.close_shift(services, session, "2000=3")
    sup = session_for(new_staff(engine, "supervisor"), session.terminal_id)
    with pytest.raises(InvalidInput, match="write what was found"):
        shifts.signoff_shift(services, sup, closed.id, "  ")
    signed = shifts.signoff_shift(services, sup, closed.id, "recounted: ₹4,000 bundle in the wrong tray")
    assert signed.status == "signed_off" and signed.signed_off_by == sup.staff.id
    with pytest.raises(ShiftError, match="already signed off"):
        shifts.signoff_shift(services, sup, closed.id, "again")
    text = shifts.render_text(shifts.shift_report(services, closed.id))
    assert "wrong tray" in text and sup.staff.id in text


def test_a_supervisor_cannot_sign_off_their_own_shift(engine):
    terminal = new_terminal()
    services = make_services(engine, terminal)
    sup = session_for(new_staff(engine, "supervisor"), terminal)
    shift = shifts.open_shift(services, sup, float_amount="0")
    shifts.close_shift(services, sup, "500=1")
    with pytest.raises(NotAuthorized, match="your own shift"):
        shifts.signoff_shift(services, sup, shift.id, "fine")


def test_an_open_shift_cannot_be_signed_off(engine, desk):
    services, session = desk
    shift = shifts.open_shift(services, session, float_amount="0")
    sup = session_for(new_staff(engine, "supervisor"), session.terminal_id)
    with pytest.raises(ShiftError, match="still open"):
        shifts.signoff_shift(services, sup, shift.id, "x")


def test_one_open_shift_per_terminal(engine, desk):
    services, session = desk
    shifts.open_shift(services, session, float_amount="0")
    with pytest.raises(ShiftError, match="already has an open shift"):
        shifts.open_shift(services, session, float_amount="0")


def test_the_float_must_agree_with_its_count(engine, desk):
    services, session = desk
    with pytest.raises(InvalidInput, match="adds up to"):
        shifts.open_shift(services, session, float_amount="1000", counts="500=1")
    with pytest.raises(InvalidInput, match="Give the opening float"):
        shifts.open_shift(services, session)
    with pytest.raises(InvalidInput, match="not a denomination"):
        shifts.open_shift(services, session, counts="300=1")


def test_a_cashier_cannot_close_someone_elses_shift_but_a_supervisor_can(engine, desk):
    services, session = desk
    shifts.open_shift(services, session, float_amount="0")
    other = session_for(new_staff(engine, "cashier"), session.terminal_id)
    with pytest.raises(NotAuthorized, match="belongs to"):
        shifts.close_shift(services, other, "500=0")
    sup = session_for(new_staff(engine, "supervisor"), session.terminal_id)
    assert shifts.close_shift(services, sup, "500=0").closed_by == sup.staff.id


def test_the_close_waits_for_the_journal(ledger, engine, tmp_path):
    """A real terminal journal (no stand-in for its count): two deposits taken offline keep
    the shift open until replay has posted them, and then the count includes them."""
    url, _ = ledger
    t = open_terminal(url, engine, tmp_path)
    try:
        session = login(t.services, "C100", "1111")
        pid = make_player(engine)
        t.proxy.refuse()
        for amount in ("20", "5"):
            assert isinstance(t.post("deposit", pid, amount, staff=session.staff), PendingReceipt)
        t.proxy.accept()
        with pytest.raises(ShiftError, match="2 postings are still waiting"):
            shifts.close_shift(t.services, session, "20=1,5=1")
        assert get_balance(engine, pid, currency="INR").cash.amount == Decimal("0.00"), "nothing posted by the refused close"
        report = t.services.local.replay()
        assert report.complete and report.posted == 2
        closed = shifts.close_shift(t.services, session, "20=1,5=1")
        assert closed.status == "closed" and closed.variance.amount == Decimal("0.00")
    finally:
        t.close()


def test_the_report_as_text_and_csv(engine, desk):
    services, session = desk
    shift = shifts.open_shift(services, session, counts="500=2")
    pid = funded_player(engine, "5000")
    d = _post(services, session, Kind.DEPOSIT, pid, "1500")
    w = _post(services, session, Kind.WITHDRAWAL, pid, "200")
    shifts.close_shift(services, session, "500=4,100=3")
    report = shifts.shift_report(services, shift.id)
    text = shifts.render_text(report, services.currency)
    for line in ("opening float   ₹1,000.00", "cash in         ₹1,500.00", "cash out        ₹200.00",
                 "expected        ₹2,300.00", "counted         ₹2,300.00", "variance        ₹0.00", "postings        2"):
        assert line in text
    rows = list(csv.DictReader(io.StringIO(shifts.render_csv(report))))
    assert [(r["posting_id"], r["kind"], r["drawer_effect"]) for r in rows] == [
        (str(d.id), "deposit", "1500.00"), (str(w.id), "withdrawal", "-200.00")]
    assert {r["expected"] for r in rows} == {"2300.00"}
    from cashier_desktop.terminal.lookups import shift_postings as on_the_shift_screen
    assert [p.id for p in report.postings] == [str(r.id) for r in on_the_shift_screen(services, shift.id)]


def test_shift_events_are_audited_and_listed(engine, desk):
    services, session = desk
    shift = shifts.open_shift(services, session, float_amount="100")
    shifts.close_shift(services, session, "100=1")
    actions = [(e.action, e.detail.get("shift_id")) for e in audit.entries(engine, staff_id=session.staff.id)
               if not e.action.startswith("staff.")]
    assert actions == [("shift_open", shift.id), ("shift_close", shift.id)]
    listed = shifts.list_shifts(services, terminal_id=session.terminal_id)
    assert [s.id for s in listed] == [shift.id]
    assert shifts.list_shifts(services, terminal_id=session.terminal_id, status="open") == []


def test_the_float_may_be_typed_as_at_the_counter(engine, desk):
    services, session = desk
    assert shifts.open_shift(services, session, float_amount="₹5,000").opening_float.amount == Decimal("5000.00")


def test_a_count_is_checked_against_the_currencys_notes_and_coins_as_the_ledger_stores_them(engine, desk):
    services, session = desk
    services.config.values["currency.denominations"] = ["2000", "1000", "500"]  # a stale list: ₹1000 is gone
    with pytest.raises(InvalidInput, match=r"1000 is not a denomination of this currency \(2000, 500, 200"):
        shifts.open_shift(services, session, counts="1000=2")
    with pytest.raises(InvalidInput, match="300 is not a denomination"):
        shifts.open_shift(services, session, counts={"300": 1})
    shift = shifts.open_shift(services, session, counts="200=1,1=3")  # in the ledger's set, not the config's
    assert shift.opening_float.amount == Decimal("203.00")
