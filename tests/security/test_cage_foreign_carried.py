"""Foreign cash across a handover and at close (issue 17, migration 0032), as the terminal
login on a database made by `db create-roles`.

The gap this closes: a handover opened the incoming shift with the rupee count alone, so the
incoming cashier could not sell the dollars lying in the drawer, and the dollars stayed on a
closed shift no count had checked. Now both cashiers count the foreign cash too (the counts
must agree), the incoming shift holds it note by note and can pay it out, a close counts it
with a variance for the supervisor, and the drawer figures stay what `integrity` checks."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import InvalidInput
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger.drawer_holding import drawer_foreign_holding
from cashier_desktop.ledger.foreign_counts import foreign_counts
from cashier_desktop.ledger.handover import hand_over
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.shifts import close_shift_row, signoff_shift_row
from cashier_desktop.ledger.staff import add_staff
from tests.security.conftest import session
from tests.support.logins import denied
from tests.security.test_posting_api_attacks import open_shift
from tests.support.drawer_fills import fill_drawer

USD_370 = {"100": 3, "20": 3, "10": 1}


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


@pytest.fixture
def drawer(secure, terminal):
    """C100's shift: a ₹50,000 fill, USD 370 bought in notes (₹30,710 paid out at 83): the
    drawer holds ₹19,290 and USD 370. A second cashier is logged in at the same terminal."""
    incoming_id = f"C{uuid.uuid4().hex[:6]}"
    add_staff(secure.admin, incoming_id, "Second Cashier", "cashier", "5555")
    supervisor, outgoing = session(terminal, "S300", "3333"), session(terminal, "C100", "1111")
    shift = open_shift(terminal, outgoing)
    fill_drawer(terminal, outgoing, "50000")
    fx.set_rate(terminal, supervisor, "USD", Decimal("83"), Decimal("84"))
    fx.exchange(terminal, session=outgoing, direction="buy", foreign=usd("370"), notes=USD_370)
    return {"out": outgoing, "in": session(terminal, incoming_id, "5555"), "in_id": incoming_id, "shift": shift,
            "supervisor": supervisor}


def _hand_over(terminal, d, out_foreign, in_foreign):
    return hand_over(terminal, shift_id=d["shift"], outgoing_session=d["out"], incoming_session=d["in"],
                     outgoing_counted=Decimal("19290"), outgoing_count=None, incoming_counted=Decimal("19290"),
                     incoming_count=None, outgoing_foreign=out_foreign, incoming_foreign=in_foreign)


def _figures(terminal, shift_id):
    with terminal.connect() as conn:
        return [(f.currency, f.moment, f.counted.amount, f.expected and f.expected.amount,
                 f.variance and f.variance.amount) for f in foreign_counts(conn, shift_id)]


def test_the_foreign_cash_goes_with_the_drawer_and_the_incoming_cashier_can_pay_it_out(secure, terminal, drawer):
    closed, opened = _hand_over(terminal, drawer, {"USD": USD_370}, {"USD": USD_370})
    assert _figures(terminal, closed.id) == [("USD", "close", Decimal("370.00"), Decimal("370.00"), Decimal("0.00"))]
    assert _figures(terminal, opened.id) == [("USD", "open", Decimal("370.00"), None, None)]
    # the supervisor sees the handed-over notes in the new drawer, note by note
    held = [(h.currency, h.denomination, h.pieces) for h in
            drawer_foreign_holding(terminal, drawer["supervisor"], opened.id)]
    assert held == [("USD", Decimal("100.00"), 3), ("USD", Decimal("20.00"), 3), ("USD", Decimal("10.00"), 1)]
    # the incoming cashier sells dollars the drawer was handed (refused before 0032: "only the USD it took in")
    sold = fx.exchange(terminal, session=drawer["in"], direction="sell", foreign=usd("300"), notes={"100": 3})
    assert sold.shift_id == opened.id
    with pytest.raises(Exception, match="only the USD it holds"):
        fx.exchange(terminal, session=drawer["in"], direction="sell", foreign=usd("100"))
    # every drawer figure agrees with its rows, and the incoming shift's close expects the USD 70 left
    assert [f for f in run_integrity(terminal, chains=False) if f.check == "drawer_matches_ledger"] == []
    with terminal.begin() as conn:
        again = close_shift_row(conn, opened.id, closed_by=None, counted=Decimal("0"), closing_count=None,
                                variance_threshold=Decimal("0"), session=drawer["in"],
                                foreign={"USD": {"20": 3, "10": 1}})
    assert _figures(terminal, opened.id)[1] == ("USD", "close", Decimal("70.00"), Decimal("70.00"), Decimal("0.00"))
    assert again.status == "closed"


def test_two_foreign_counts_that_differ_change_nothing(secure, terminal, drawer):
    with pytest.raises(InvalidInput, match=r"The two counts of the foreign cash differ \(USD 370.00 and USD 350.00\)"):
        _hand_over(terminal, drawer, {"USD": USD_370}, {"USD": {"100": 3, "20": 2, "10": 1}})
    with pytest.raises(InvalidInput, match=r"differ \(USD 370.00 and none\)"):
        _hand_over(terminal, drawer, {"USD": USD_370}, None)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT status FROM shifts WHERE id = :s"), {"s": drawer["shift"]}).scalar() == "open"
        assert conn.execute(text("SELECT count(*) FROM shift_foreign_counts")).scalar() == 0


def test_a_close_that_does_not_count_the_dollars_records_them_missing_for_the_supervisor(secure, terminal, drawer):
    with terminal.begin() as conn:
        closed = close_shift_row(conn, drawer["shift"], closed_by=None, counted=Decimal("19290"), closing_count=None,
                                 variance_threshold=Decimal("0"), session=drawer["out"])
    assert closed.needs_signoff
    assert _figures(terminal, closed.id) == [("USD", "close", Decimal("0.00"), Decimal("370.00"),
                                              Decimal("-370.00"))]
    with secure.admin.connect() as conn:
        detail = conn.execute(text("SELECT detail FROM audit_log WHERE action = 'shift_close' "
                                   "AND detail->>'shift_id' = :s"), {"s": str(closed.id)}).scalar_one()
    assert detail["foreign"] == {"USD": {"counted": "0.00", "expected": "370.00", "variance": "-370.00"}}


def test_the_database_refuses_a_silent_signoff_naming_the_dollars_and_logs_them_at_signoff(secure, terminal, drawer):
    """Short only in dollars: the ledger's own refusal (not the terminal's pre-check) names them —
    before 0033 it read "a variance of 0.00 INR" — and the sign-off's audit row carries them."""
    with terminal.begin() as conn:
        closed = close_shift_row(conn, drawer["shift"], closed_by=None, counted=Decimal("19290"), closing_count=None,
                                 variance_threshold=Decimal("0"), session=drawer["out"],
                                 foreign={"USD": {"100": 3, "20": 2, "10": 1}})
    with pytest.raises(InvalidInput, match=rf"^Shift {closed.id} has a variance of 0.00 INR, -20.00 USD: write what "
                                           r"was found before signing off\.$"):
        with terminal.begin() as conn:
            signoff_shift_row(conn, closed.id, by="S300", note="  ", session=drawer["supervisor"])
    with terminal.begin() as conn:
        signed = signoff_shift_row(conn, closed.id, by="S300", note="A $20 note found under the tray",
                                   session=drawer["supervisor"])
    assert signed.status == "signed_off"
    with secure.admin.connect() as conn:
        detail = conn.execute(text("SELECT detail FROM audit_log WHERE action = 'shift_signoff' "
                                   "AND detail->>'shift_id' = :s"), {"s": str(closed.id)}).scalar_one()
    assert detail["foreign"] == {"USD": {"counted": "350.00", "expected": "370.00", "variance": "-20.00"}}
    assert detail["variance"] == "0.00"


@pytest.mark.parametrize("foreign, sentence", [
    ({"USD": {"500": 1}}, "500 is not a note or coin of USD"),
    ({"INR": {"500": 1}}, "“INR” is not a foreign currency this cage exchanges"),
    ({"XYZ": {"1": 1}}, "not a note or coin of XYZ"),
    (["USD"], "Foreign cash is counted per currency"),
])
def test_a_foreign_count_that_is_not_that_currencys_notes_closes_nothing(secure, terminal, drawer, foreign, sentence):
    with pytest.raises(InvalidInput, match=sentence), terminal.begin() as conn:
        close_shift_row(conn, drawer["shift"], closed_by=None, counted=Decimal("19290"), closing_count=None,
                        variance_threshold=Decimal("0"), session=drawer["out"], foreign=foreign)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT status FROM shifts WHERE id = :s"), {"s": drawer["shift"]}).scalar() == "open"


def test_the_terminal_login_cannot_write_a_foreign_count_of_its_own(secure, terminal, drawer):
    """A count written by hand would carry dollars into a drawer that never had them."""
    denied(terminal, """INSERT INTO shift_foreign_counts (shift_id, currency, moment, counted, staff_id)
                        VALUES (:s, 'USD', 'open', 5000, 'C100')""", {"s": drawer["shift"]})
    denied(terminal, """SELECT cage.count_foreign(:s, 'open', '{"USD": {"100": 50}}', 'C100')""",
           {"s": drawer["shift"]})
