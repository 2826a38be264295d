"""The cage's total accountability on the supervisor's desk, by keys: Ctrl+Shift+T opens it
with every open drawer, the bank and the markers beside the ledger's figures; a past gaming
day chosen and Enter shows that day's; Esc closes it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, Qt

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger.api_tables import store_policy
from cashier_desktop.ledger.transfers import transfer
from tests.support.logins import staff_session
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, log_in, wait_until
from tests.ui.test_supervisor import desk_terminal  # noqa: F401 - the fixture


def _rows(window) -> list[list[str]]:
    t = window.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def open_accountability(qtbot, window):
    """Ctrl+Shift+T on the supervisor's desk; the window once its lines are in."""
    desk = window.supervisor
    window.tabs.setCurrentWidget(desk)
    activate(qtbot, desk)
    desk.shift_table.setFocus()
    qtbot.keyClick(desk.shift_table, Qt.Key_T, Qt.ControlModifier | Qt.ShiftModifier)
    shown = desk.accountability_window
    wait_until(qtbot, lambda: shown.isVisible() and shown.lines, what="accountability lines")
    return shown


def test_the_supervisor_reads_the_cages_accountability_by_keys(qtbot, desk_terminal):
    terminal, services, engine = desk_terminal
    with engine.begin() as conn:  # the bank keeps the currency the database's policy names
        store_policy(conn, services.policy)
    open_test_shift(engine, "T-CAGE-9", "C100", "1000")
    transfer(engine, kind="fund", amount=Money(Decimal("5000"), "INR"), sender_session=staff_session(engine, "S300", "3333"),
             receiver_session=staff_session(engine, "F200", "2222"), reason="count room")
    window = log_in(qtbot, terminal, "S300", "3333")
    shown = open_accountability(qtbot, window)
    rows = _rows(shown)
    (drawer,) = [r for r in rows if r[1] == "T-CAGE-9"]
    assert drawer[0].startswith("Drawer, shift #")
    assert drawer[2:] == ["C100", "₹1,000.00", "₹1,000.00", "yes"]
    assert ["Main bank", "", "", "₹5,000.00", "₹5,000.00", "yes"] in rows
    assert ["Markers outstanding", "", "", "₹0.00", "₹0.00", "yes"] in rows
    assert shown.total.text() == "Total accountability: ₹6,000.00"
    # a gaming day before any of it: no drawer open, an empty bank
    earlier = date.today() - timedelta(days=3)
    shown.day.setDate(QDate(earlier.year, earlier.month, earlier.day))
    shown.day.setFocus()
    before = shown.lines
    qtbot.keyClick(shown.day, Qt.Key_Return)
    wait_until(qtbot, lambda: shown.lines is not before and shown.show_button.isEnabled(), what="earlier day")
    assert [r[0] for r in _rows(shown)] == ["Main bank", "Markers outstanding"]
    assert shown.total.text() == "Total accountability: ₹0.00"
    qtbot.keyClick(shown.table, Qt.Key_Escape)
    wait_until(qtbot, lambda: not shown.isVisible(), what="window closed")
