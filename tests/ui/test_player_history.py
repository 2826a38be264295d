"""The player's history by keyboard: paging, filters (kind, shift, date), credit-line history, ID on file."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt

from cashier_desktop.ledger.history import HistoryFilter, player_history
from tests.support.factories import cmd
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, active_dialog, find_player, log_in, post_as_owner, wait_until
from tests.ui.other_counter import request_credit_elsewhere


def _history(engine, player: str, terminal_id: str) -> int:
    """60 deposits and 5 withdrawals in one shift, 3 deposits outside any shift; returns the shift."""
    shift = open_test_shift(engine, terminal_id, "C100", "0")
    for _ in range(60):
        post_as_owner(engine, cmd("deposit", player, "100", terminal_id=terminal_id, shift_id=shift))
    for _ in range(5):
        post_as_owner(engine, cmd("withdrawal", player, "10", terminal_id=terminal_id, shift_id=shift))
    for _ in range(3):
        post_as_owner(engine, cmd("deposit", player, "1"))
    return shift


def test_paging_and_filters_in_the_ledger(engine, player, terminal_id):
    shift = _history(engine, player, terminal_id)
    first = player_history(engine, player, offset=0, limit=50)
    assert first.total == 68 and len(first.rows) == 50 and first.rows[0].amount.amount == 1
    second = player_history(engine, player, offset=50, limit=50)
    assert len(second.rows) == 18 and {r.id for r in first.rows}.isdisjoint({r.id for r in second.rows})
    wd = player_history(engine, player, HistoryFilter(kinds=("withdrawal",)))
    assert wd.total == 5 and all(r.kind.value == "withdrawal" for r in wd.rows)
    assert player_history(engine, player, HistoryFilter(shift_id=shift)).total == 65
    tomorrow = datetime.now().astimezone() + timedelta(days=1)
    assert player_history(engine, player, HistoryFilter(since=tomorrow)).total == 0
    assert player_history(engine, player, HistoryFilter(until=tomorrow)).total == 68


def test_the_history_window_pages_filters_and_shows_credit_and_id(qtbot, terminal, engine, player, terminal_id):
    shift = _history(engine, player, terminal_id)
    request_credit_elsewhere(engine, player, "50000", "regular, pays on time")
    post_as_owner(engine, cmd("deposit", player, "1500000", terminal_id=terminal_id, shift_id=shift,
                     id_type="passport", id_number="Z1234567"))
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_H, Qt.ControlModifier)
    dialog = active_dialog(qtbot, tab)
    pages = []
    dialog.page_loaded.connect(pages.append)
    wait_until(qtbot, lambda: dialog.page is not None, what="first page")
    assert dialog.range_label.text() == "Rows 1–50 of 69" and dialog.postings.rowCount() == 50
    assert not dialog.newer_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key_O, Qt.AltModifier)  # older
    wait_until(qtbot, lambda: dialog.offset == 50 and dialog.page.offset == 50, what="second page")
    assert dialog.range_label.text() == "Rows 51–69 of 69" and not dialog.older_button.isEnabled()
    # kind: withdrawals in this shift only
    dialog.kind.setFocus()
    dialog.kind.setCurrentIndex(dialog.kind.findData("withdrawal"))
    dialog.shift.setFocus()
    qtbot.keyClicks(dialog.shift, str(shift))
    qtbot.keyClick(dialog.shift, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.page.total == 5 and dialog.offset == 0, what="filtered")
    assert {dialog.postings.item(i, 1).text() for i in range(5)} == {"Withdrawal"}
    assert dialog.postings.item(0, 5).text() == str(shift)
    # a date range in the past: nothing
    dialog.use_to.setChecked(True)
    dialog.date_to.setDate(QDate.currentDate().addDays(-2))
    qtbot.keyClick(dialog.shift, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.page.total == 0, what="empty range")
    assert dialog.range_label.text() == "No transactions match."
    # a bad shift number is a sentence, not a query
    dialog.shift.clear()
    qtbot.keyClicks(dialog.shift, "x1")
    qtbot.keyClick(dialog.shift, Qt.Key_Return)
    assert dialog.message.text() == "The shift number must be digits only."
    # credit-line history and ID on file
    wait_until(qtbot, lambda: dialog.credit.rowCount() == 1, what="credit history")
    assert dialog.credit.item(0, 3).text() == "regular, pays on time"
    assert dialog.credit.item(0, 4).text() == "pending" and "₹50,000.00" == dialog.credit.item(0, 1).text()
    assert "passport ••••4567" in dialog.id_on_file.text() and "Z123" not in dialog.id_on_file.text()
    qtbot.keyClick(dialog, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.dialog is None, what="closed")
