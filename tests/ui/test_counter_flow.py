"""The cashier at the counter, driven by keys: log in, find a player, deposit, withdraw."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from cashier_desktop.ledger.staff import add_staff

from tests.support.shifts import open_test_shift
from tests.ui.conftest import active_dialog, find_player, log_in, wait_until


def test_a_cashier_logs_in_deposits_and_sees_the_balance_and_the_receipt(qtbot, terminal, engine,
                                                                         terminal_id, player):
    open_test_shift(engine, terminal_id, "C100", "10000")
    window = log_in(qtbot, terminal, "C100", "1111")
    assert "Asha Rao" in window.windowTitle()
    assert terminal_id in window.status_bar.terminal.text()
    tab = window.cashier
    find_player(qtbot, window, player)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "12345")
    assert dialog.amount.edit.text() == "12,345"
    assert dialog.amount.preview.text() == "₹12,345.00"
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    text = receipt.plain_text()
    assert "₹12,345.00" in text and player in text and "C100" in text and terminal_id in text
    assert "Receipt no." in text and receipt.view.number in text
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹12,345.00", what="balance shown")
    qtbot.keyClick(receipt, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.recent.rowCount() == 1, what="recent transactions")
    assert tab.recent.item(0, 6).text() == receipt.view.number


def test_withdrawing_too_much_is_refused_inline_in_the_domain_words(qtbot, terminal, engine,
                                                                    terminal_id, player):
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    qtbot.keyClick(tab, Qt.Key_F6)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "500")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "cannot take" in dialog.problem.text(), what="refusal")
    assert dialog.isVisible()
    assert tab.panel.values["cash"].text() == "₹0.00"
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()


def test_a_wrong_pin_is_refused_with_a_sentence(qtbot, terminal, engine):
    staff_id = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, staff_id, "Temp Cashier", "cashier", "4321")
    login = terminal.login
    qtbot.keyClicks(login.staff_id, staff_id)
    qtbot.keyClick(login.staff_id, Qt.Key_Return)
    qtbot.keyClicks(login.pin, "9999")
    qtbot.keyClick(login.pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "not recognised" in login.problem.text(), what="refusal")
    assert terminal.windows == []
    assert login.pin.text() == ""
