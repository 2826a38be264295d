"""Foreign cash in the handover and close dialogs, by keys, at a bound terminal login (issue 17,
migration 0032): the drawer bought USD 370; the outgoing cashier counts the dollars with the
rupees, the incoming cashier counts them again on cleared lines (blind), and the dollars go
with the drawer; a close that counts fewer dollars than the drawer holds goes to the
supervisor with the foreign variance."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger.staff import add_staff
from tests.support.logins import staff_session
from tests.ui.conftest import log_in, wait_until
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the bound terminal's fixture
from tests.ui.test_handover_dialog import _type_count

# ₹1,00,000 float less USD 370 bought at 83 (₹30,710): ₹69,290 in the drawer
RUPEES = {"500": "138", "200": "1", "50": "1", "20": "2"}


def _bought_dollars(engine, owner) -> None:
    fx.set_rate(engine, staff_session(engine, "S300", "3333"), "USD", Decimal("83"), Decimal("84"))
    fx.exchange(engine, session=staff_session(engine, "C100", "1111"), direction="buy",
                foreign=Money(Decimal("370"), "USD"), notes={"100": 3, "20": 3, "10": 1})


def _foreign_rows(owner, terminal_id: str) -> list[tuple]:
    with owner.connect() as conn:
        return [tuple(r) for r in conn.execute(text("""
            SELECT s.staff_id, f.moment, btrim(f.currency), f.counted, f.variance FROM shift_foreign_counts f
            JOIN shifts s ON s.id = f.shift_id WHERE s.terminal_id = :t ORDER BY f.shift_id, f.moment DESC"""),
            {"t": terminal_id})]


def _dollar_line(qtbot, dialog):
    wait_until(qtbot, lambda: "USD" in dialog.foreign.edits and dialog.foreign.isVisible(), what="foreign lines")
    return dialog.foreign.edits["USD"]


def test_the_dollars_are_counted_twice_blind_and_go_with_the_drawer(qtbot, counter):  # noqa: F811
    term, engine, owner = counter
    _bought_dollars(engine, owner)
    incoming = f"C{uuid.uuid4().hex[:6]}"
    add_staff(owner, incoming, "Next Cashier", "cashier", "5555")
    window = log_in(qtbot, term, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    window.hand_over()
    dialog = window.dialog
    _type_count(qtbot, dialog, RUPEES)
    qtbot.keyClicks(_dollar_line(qtbot, dialog), "100x3, 20x3, 10x1")
    assert dialog.foreign.totals["USD"].text() == "$370.00"
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert dialog.incoming_step and dialog.foreign.edits["USD"].text() == ""  # blind: the first count is gone
    _type_count(qtbot, dialog, RUPEES)
    qtbot.keyClicks(dialog.foreign.edits["USD"], "100x3, 20x3, 10x1")
    qtbot.keyClicks(dialog.incoming_id, incoming)
    qtbot.keyClicks(dialog.incoming_pin, "5555")
    qtbot.keyClick(dialog.incoming_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: term.login.isVisible(), what="back at the login")
    assert _foreign_rows(owner, term.ctx.terminal_id) == [
        ("C100", "close", "USD", Decimal("370.00"), Decimal("0.00")),
        (incoming, "open", "USD", Decimal("370.00"), None)]


def test_a_close_that_counts_fewer_dollars_goes_to_the_supervisor(qtbot, counter):  # noqa: F811
    term, engine, owner = counter
    _bought_dollars(engine, owner)
    window = log_in(qtbot, term, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    window.close_shift()
    dialog = window.dialog
    _type_count(qtbot, dialog, RUPEES)
    line = _dollar_line(qtbot, dialog)
    qtbot.keyClicks(line, "100x3")
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert "₹69,290.00 and $300.00" in dialog.problem.text()  # what will be closed, asked once more
    qtbot.keyClicks(line, ", 50x")  # not notes: said in the dialog, nothing closed
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert "50x" in dialog.problem.text() and dialog.isVisible()
    line.clear()
    qtbot.keyClicks(line, "100x3")
    qtbot.keyClick(dialog, Qt.Key_Return)
    qtbot.keyClick(dialog, Qt.Key_Return)
    wait_until(qtbot, lambda: window.ctx.shift is None, what="shift closed")
    assert _foreign_rows(owner, term.ctx.terminal_id) == [("C100", "close", "USD", Decimal("300.00"),
                                                           Decimal("-70.00"))]
    with owner.connect() as conn:
        assert conn.execute(text("SELECT needs_signoff FROM shifts WHERE terminal_id = :t"),
                            {"t": term.ctx.terminal_id}).scalar() is True
    # the supervisor's figures of the shift (Supervisor tab, its PDF) show the dollars' count
    from cashier_desktop.terminal.shifts import shift_report
    from cashier_desktop.ui.shift_export import figures
    with owner.connect() as conn:
        shift_id = conn.execute(text("SELECT id FROM shifts WHERE terminal_id = :t"),
                                {"t": term.ctx.terminal_id}).scalar()
    report = shift_report(term.ctx.services, shift_id)
    assert ("USD counted", "$300.00, expected $370.00, variance -$70.00") in [
        (k, v.replace("−", "-")) for k, v in figures(report)]
    assert [f.currency for f in report.foreign_off] == ["USD"]


def test_enter_before_the_foreign_lines_load_closes_nothing(qtbot, counter):  # noqa: F811
    """The ledger's list of currencies held back (its table locked): Enter says the lines are
    still loading and closes nothing. Sent then, the dollars would have been counted as none and
    recorded missing. Once the lines show, they are counted and the close goes through."""
    term, engine, owner = counter
    _bought_dollars(engine, owner)
    window = log_in(qtbot, term, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    with owner.connect() as held:
        held.execute(text("LOCK TABLE cage.fx_currencies IN ACCESS EXCLUSIVE MODE"))
        window.close_shift()
        dialog = window.dialog
        _type_count(qtbot, dialog, RUPEES, lines_loaded=False)
        qtbot.keyClick(dialog, Qt.Key_Return)
        qtbot.keyClick(dialog, Qt.Key_Return)  # a second Enter would have closed it before
        assert dialog.foreign.state == "loading"
        assert "still loading" in dialog.problem.text() and dialog.isVisible()
        held.rollback()
    qtbot.keyClicks(_dollar_line(qtbot, dialog), "100x3, 20x3, 10x1")
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert "₹69,290.00 and $370.00" in dialog.problem.text()
    qtbot.keyClick(dialog, Qt.Key_Return)
    wait_until(qtbot, lambda: window.ctx.shift is None, what="shift closed")
    assert _foreign_rows(owner, term.ctx.terminal_id) == [("C100", "close", "USD", Decimal("370.00"),
                                                           Decimal("0.00"))]


def test_a_list_of_currencies_that_did_not_load_is_said_and_loaded_again(qtbot, counter, monkeypatch):  # noqa: F811
    """The first read of the currencies fails (the ledger busy): Enter says so, hands nothing
    over, and loads the list again; the dollars' line then shows and the handover counts them."""
    from cashier_desktop.domain.errors import LedgerBusy
    term, engine, owner = counter
    _bought_dollars(engine, owner)
    ledger = term.ctx.services.ledger
    real, calls = ledger.rates_in_force, []

    def first_fails():
        calls.append(1)
        if len(calls) == 1:
            raise LedgerBusy("The ledger is busy; try again in a moment.")
        return real()
    monkeypatch.setattr(ledger, "rates_in_force", first_fails)
    window = log_in(qtbot, term, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    window.hand_over()
    dialog = window.dialog
    wait_until(qtbot, lambda: dialog.foreign.state == "failed", what="the list's failure")
    _type_count(qtbot, dialog, RUPEES, lines_loaded=False)
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert not dialog.incoming_step and dialog.problem.is_refusal()
    assert "did not load (The ledger is busy; try again in a moment)" in dialog.problem.text()
    qtbot.keyClicks(_dollar_line(qtbot, dialog), "100x3, 20x3, 10x1")
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert dialog.incoming_step and dialog.outgoing_foreign == {"USD": {"100": 3, "20": 3, "10": 1}}
