"""The counter's receipt takes the casino's name and address from the configuration, and
automatic printing on a machine without a printer says so instead of failing silently."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cashier_desktop.ui.app import Terminal
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, active_dialog, find_player, log_in, make_services, wait_until


@pytest.fixture
def configured(qapp, ledger, terminal_id):
    url, engine = ledger
    services = make_services(url, engine, terminal_id, CASHIER_RECEIPT_CASINO_NAME="Casino Royale Goa",
                             CASHIER_RECEIPT_CASINO_ADDRESS="MV Caravela\\nPanaji, Goa",
                             CASHIER_RECEIPT_AUTO_PRINT="true", CASHIER_RECEIPT_PAPER="a4")
    term = Terminal(services)
    term.login.show()
    yield term, engine
    term.close()


def test_the_receipt_carries_the_casino_and_auto_print_without_a_printer_says_so(qtbot, configured, player,
                                                                                  terminal_id):
    from PySide6.QtPrintSupport import QPrinterInfo
    terminal, engine = configured
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "700")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    text = receipt.plain_text()
    assert text.splitlines()[:3] == ["Casino Royale Goa", "MV Caravela", "Panaji, Goa"]
    assert receipt.paper == "a4"
    if QPrinterInfo.defaultPrinter().isNull():  # the test machine has no printer
        wait_until(qtbot, lambda: "No printer is set up" in tab.message.text(), what="no-printer sentence")
