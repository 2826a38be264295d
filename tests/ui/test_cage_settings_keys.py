"""The supervisor's Cage settings reached and worked by keys alone (issue 17: keyboard flows
for each screen): Alt+T opens the tab, Alt+A / Alt+X / Alt+D its pages, the arrow keys pick
an authority cell, a currency and a drawer, the form fields by their Alt letters. The limit
form's letters once were M and T, the Monitor tab's and the Cage settings tab's own: Alt+M
left the form for the monitor."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.logins import add_staff_member
from tests.ui.conftest import activate, log_in, wait_until
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the fixture

ALT = Qt.AltModifier


def _focused():
    return QApplication.focusWidget()


def test_cage_settings_pages_forms_and_drawers_by_keys_alone(qtbot, counter):
    term, _engine, owner = counter
    cashier = f"C{uuid.uuid4().hex[:6]}"
    add_staff_member(owner, cashier, "cashier", "5555")
    sup = log_in(qtbot, term, "S300", "3333")
    settings = sup.cage_settings
    activate(qtbot, sup)
    qtbot.keyClick(sup, Qt.Key_T, ALT)  # Cage se&ttings
    wait_until(qtbot, lambda: sup.tabs.currentWidget() is settings, what="cage settings tab")
    wait_until(qtbot, lambda: settings.rate_currency.findData("EUR") >= 0 and settings.staff_rows, what="loaded")

    # the rates' page: Alt+X, the currency by Alt+U and arrows, buy and sell by their letters
    qtbot.keyClick(sup, Qt.Key_X, ALT)
    assert settings.pages.currentIndex() == 1
    qtbot.keyClick(sup, Qt.Key_U, ALT)
    assert _focused() is settings.rate_currency
    while settings.rate_currency.currentData() != "EUR":
        before = settings.rate_currency.currentIndex()
        qtbot.keyClick(settings.rate_currency, Qt.Key_Down)
        assert settings.rate_currency.currentIndex() != before, "EUR not reachable by the arrow keys"
    qtbot.keyClick(sup, Qt.Key_B, ALT)
    assert _focused() is settings.buy
    settings.buy.selectAll()
    qtbot.keyClicks(settings.buy, "89.5")
    qtbot.keyClick(sup, Qt.Key_E, ALT)
    assert _focused() is settings.sell, f"Alt+E went to {_focused()!r}, not the sell rate"
    settings.sell.selectAll()
    qtbot.keyClicks(settings.sell, "91.25")
    reloads: list[int] = []
    settings.loaded.connect(lambda: reloads.append(1))
    qtbot.keyClick(settings.sell, Qt.Key_Return)
    wait_until(qtbot, lambda: "The EUR rate is in force" in settings.message.text(), what="rate saved")
    # the save reloads the page: the limits' form is worked once that reload has landed
    wait_until(qtbot, lambda: reloads, timeout=30, what="the page reloaded after the rate")

    # the limits' page: Alt+A, the grid by arrows to the new cashier's exchange cell
    qtbot.keyClick(sup, Qt.Key_A, ALT)
    assert settings.pages.currentIndex() == 0
    grid = settings.grid
    grid.setFocus()
    row = next(i for i, r in enumerate(settings.staff_rows) if r[0] == cashier)
    col = 1 + settings.types.index("exchange")
    qtbot.keyClick(grid, Qt.Key_Home, Qt.ControlModifier)
    for _ in range(row):
        qtbot.keyClick(grid, Qt.Key_Down)
    for _ in range(col - grid.currentColumn()):
        qtbot.keyClick(grid, Qt.Key_Right)
    assert (grid.currentRow(), grid.currentColumn()) == (row, col)
    assert settings.member.currentData() == cashier and settings.kind.currentData() == "exchange"
    # Alt+M is the Monitor tab's and Alt+T Cage settings' own: the form's letters are others
    qtbot.keyClick(sup, Qt.Key_F, ALT)
    assert _focused() is settings.member, f"Alt+F went to {_focused()!r}, not the staff member"
    qtbot.keyClick(sup, Qt.Key_Y, ALT)
    assert _focused() is settings.kind, f"Alt+Y went to {_focused()!r}, not the transaction type"
    assert sup.tabs.currentWidget() is settings
    qtbot.keyClick(sup, Qt.Key_I, ALT)
    assert _focused() is settings.limit.edit, f"Alt+I went to {_focused()!r}, not the limit"
    qtbot.keyClicks(settings.limit.edit, "5000")
    qtbot.keyClick(sup, Qt.Key_O, ALT)
    assert _focused() is settings.reason
    qtbot.keyClicks(settings.reason, "new starter")
    qtbot.keyClick(settings.reason, Qt.Key_Return)
    # the cashier's row looked up again: the grid reloads after the save, and staff another
    # test adds to the same ledger meanwhile may sort before them
    try:
        wait_until(qtbot, lambda: grid.item(next(i for i, r in enumerate(settings.staff_rows) if r[0] == cashier),
                                            col).text() == "₹5,000.00", timeout=30, what="limit in the grid")
    except AssertionError as exc:  # say what the window and the form said
        raise AssertionError(f"{exc}; the window said {settings.message.text()!r}, the limit field "
                             f"{settings.limit.edit.text()!r} ({settings.limit.error()!r}), the member "
                             f"{settings.member.currentData()!r}, save enabled "
                             f"{settings.save_limit_button.isEnabled()}") from None

    # the drawers' page: Alt+D, the first drawer by the arrow keys shows its holding
    qtbot.keyClick(sup, Qt.Key_D, ALT)
    assert settings.pages.currentIndex() == 2
    wait_until(qtbot, lambda: any(s.terminal_id == term.ctx.terminal_id for s in settings.open_shifts),
               what="open drawer listed")
    drawers = settings.drawers
    drawers.setFocus()
    target = next(i for i, s in enumerate(settings.open_shifts) if s.terminal_id == term.ctx.terminal_id)
    qtbot.keyClick(drawers, Qt.Key_Home, Qt.ControlModifier)
    for _ in range(target):
        qtbot.keyClick(drawers, Qt.Key_Down)
    shift = settings.open_shifts[target].id
    wait_until(qtbot, lambda: settings.holding_total.text() == f"Shift #{shift} should hold ₹1,00,000.00.",
               what="the drawer's holding")
