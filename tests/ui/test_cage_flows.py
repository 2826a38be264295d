"""The whole cage, driven by keys: shift open, credit request and approval, marker, blind close,
supervisor review, large-amount confirmation with dual control."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from cashier_desktop.domain.counts import DrawerCount
from cashier_desktop.domain.kinds import Kind
from tests.ui.conftest import activate, active_dialog, find_player, log_in, wait_until
from tests.ui.other_counter import request_credit_elsewhere


def _type_count(qtbot, grid, pieces: dict[str, int]) -> None:
    for denom, qty in pieces.items():
        spin = next(q for d, q in zip(grid.denominations, grid.quantities) if d == Decimal(denom))
        spin.setFocus()
        qtbot.keyClicks(spin, str(qty))


def _open_shift(qtbot, window, pieces: dict[str, int]) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier)
    dialog = active_dialog(qtbot, window)
    _type_count(qtbot, dialog.grid, pieces)
    total = sum(Decimal(d) * q for d, q in pieces.items())
    assert dialog.grid.total() == total
    qtbot.keyClick(dialog.grid.quantities[-1], Qt.Key_Return)
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift opened")
    # The open is confirmed where the cashier looks, and no stale refusal stays.
    assert f"Shift #{window.ctx.shift.id} is open" in window.cashier.message.text()
    assert not window.cashier.message.is_refusal()


def _post(qtbot, tab, key, amount: str) -> None:
    activate(qtbot, tab)
    qtbot.keyClick(tab, key)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, amount)
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    return dialog


def test_shift_credit_marker_blind_close_and_supervisor_review(qtbot, terminal, player):
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    assert "none open" in window.status_bar.shift.text()
    _open_shift(qtbot, window, {"500": 20, "100": 10})  # ₹11,000 float
    assert "#" in window.status_bar.shift.text()

    find_player(qtbot, window, player)
    assert not tab.buttons[Kind.MARKER_ISSUE].isEnabled()  # F7: no credit line yet
    assert not tab.buttons[Kind.MARKER_REDEEM].isEnabled()  # F8: no marker to redeem
    _post(qtbot, tab, Qt.Key_F5, "5000")
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    qtbot.keyClick(receipt, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹5,000.00", what="deposit shown")

    # credit request by the cashier
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F9)
    request = active_dialog(qtbot, tab)
    qtbot.keyClicks(request.limit.edit, "20000")
    qtbot.keyClick(request.limit.edit, Qt.Key_Tab)
    qtbot.keyClicks(request.note, "regular, good history")
    qtbot.keyClick(request.note, Qt.Key_Return)
    wait_until(qtbot, lambda: "sent to the floor manager" in tab.message.text(), what="request filed")

    # a floor manager approves it in a second window
    terminal.login.show()
    fm = log_in(qtbot, terminal, "F200", "2222")
    queue = fm.credit_queue
    assert queue is not None and fm.supervisor is None
    fm.tabs.setCurrentWidget(queue)
    wait_until(qtbot, lambda: any(r.player_id == player for r in queue.requests), what="request in queue")
    req = next(r for r in queue.requests if r.player_id == player)
    assert queue.select_request(req.id)
    queue.limit.edit.selectAll()
    qtbot.keyClicks(queue.limit.edit, "15000")
    qtbot.keyClick(queue.limit.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "approved" in queue.info.text(), what="approval")
    assert "₹15,000.00" in queue.info.text()
    wait_until(qtbot, lambda: all(r.id != req.id for r in queue.requests), what="queue refreshed")

    # back at the counter: the line is there; issue a marker
    tab.refresh_player()
    wait_until(qtbot, lambda: tab.panel.values["limit"].text() == "₹15,000.00", what="limit shown")
    assert tab.panel.values["available"].text() == "₹15,000.00"
    wait_until(qtbot, lambda: tab.buttons[Kind.MARKER_ISSUE].isEnabled(), what="F7 enabled with a line")
    _post(qtbot, tab, Qt.Key_F7, "4000")
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    assert "Marker issue" in receipt.plain_text()
    qtbot.keyClick(receipt, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.panel.values["markers"].text() == "₹4,000.00", what="marker shown")
    # The debt is never added to the cash: cash on account stays what the player can be paid.
    assert tab.panel.values["cash"].text() == "₹5,000.00"
    assert tab.panel.values["available"].text() == "₹11,000.00"
    assert "total" not in tab.panel.values

    # close with a blind count: the expected figure is never on screen
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)
    close = active_dialog(qtbot, window)
    from PySide6.QtWidgets import QLabel
    visible = " ".join(lbl.text() for lbl in close.findChildren(QLabel))
    assert "16,000" not in visible  # expected = 11,000 float + 5,000 deposit
    _type_count(qtbot, close.grid, {"500": 32})  # ₹16,000 counted
    qtbot.keyClick(close.grid.quantities[0], Qt.Key_Return)
    # Enter once: what is about to be closed, with the count typed; nothing closed yet.
    assert "Press Enter again" in close.problem.text() and "₹16,000.00 counted" in close.problem.text()
    assert window.ctx.shift is not None
    qtbot.keyClick(close.grid.quantities[0], Qt.Key_Return)
    wait_until(qtbot, lambda: window.ctx.shift is None, what="shift closed")
    assert "closed; counted ₹16,000.00" in tab.message.text()

    # a supervisor reviews it
    terminal.login.show()
    sup = log_in(qtbot, terminal, "S300", "3333")
    desk = sup.supervisor
    sup.tabs.setCurrentWidget(desk)
    desk.terminal_filter.setText(terminal.ctx.terminal_id)
    qtbot.keyClick(desk.terminal_filter, Qt.Key_Return)
    wait_until(qtbot, lambda: len(desk.shifts) == 1, what="shift listed")
    desk.shift_table.setFocus()
    desk.shift_table.selectRow(0)
    wait_until(qtbot, lambda: desk.report is not None, what="report loaded")
    text = desk.figures.text()
    assert "₹16,000.00" in text and "₹0.00" in text  # counted and variance
    kinds = [desk.postings.item(i, 1).text() for i in range(desk.postings.rowCount())]
    assert kinds == ["Deposit", "Credit line", "Marker issue"]
    assert not desk.report.blind


def test_a_large_withdrawal_asks_for_confirmation_and_a_second_pin(qtbot, terminal, engine, terminal_id,
                                                                   player):
    from tests.support.shifts import open_test_shift
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    dialog = _post(qtbot, tab, Qt.Key_F5, "600000")
    wait_until(qtbot, lambda: dialog.confirm_box.isVisible(), what="confirmation asked")
    assert "large amount" in dialog.confirm_box.text()
    qtbot.keyClick(dialog.ok_button, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    qtbot.keyClick(receipt, Qt.Key_Escape)

    dialog = _post(qtbot, tab, Qt.Key_F6, "500000")
    wait_until(qtbot, lambda: dialog.confirm_box.isVisible(), what="confirmation asked")
    qtbot.keyClick(dialog.ok_button, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.approver_box.isVisible(), what="approver asked")
    qtbot.keyClicks(dialog.approver_id, "F200")
    qtbot.keyClick(dialog.approver_id, Qt.Key_Tab)
    qtbot.keyClicks(dialog.approver_pin, "2222")
    qtbot.keyClick(dialog.approver_pin, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    wait_until(qtbot, lambda: receipt.isVisible() and "F200" in receipt.plain_text(), what="receipt")
    assert "Approved by" in receipt.plain_text()
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹1,00,000.00", what="balance")


def test_cash_over_the_reporting_threshold_asks_for_the_players_identification(qtbot, terminal, engine,
                                                                               terminal_id, player):
    from tests.support.shifts import open_test_shift
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    dialog = _post(qtbot, tab, Qt.Key_F5, "1000001")  # over ₹10,00,000 this month: a CTR is due
    wait_until(qtbot, lambda: dialog.confirm_box.isVisible(), what="warning")
    assert "reporting threshold" in dialog.confirm_box.text()
    qtbot.keyClick(dialog.ok_button, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.id_box.isVisible(), what="identification asked")
    qtbot.keyClick(dialog.id_number, Qt.Key_Return)
    assert "type of the player's identification" in dialog.problem.text()  # no silent default type
    assert dialog.id_type.currentData() is None
    qtbot.keyClick(dialog.id_type, Qt.Key_Down)  # the first real type
    assert dialog.id_type.currentData() == "Passport"
    qtbot.keyClick(dialog.id_number, Qt.Key_Return)
    assert "identification document" in dialog.problem.text()  # nothing posted without it
    assert dialog.problem.is_refusal()
    qtbot.keyClicks(dialog.id_number, "K1234567")
    qtbot.keyClick(dialog.id_number, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    assert "₹10,00,001.00" in receipt.plain_text()


def test_a_floor_manager_denies_a_request_with_a_reason(qtbot, terminal, engine, player):
    from cashier_desktop.terminal import credit
    req = request_credit_elsewhere(engine, player, "30000", "asks for more")
    fm = log_in(qtbot, terminal, "F200", "2222")
    queue = fm.credit_queue
    fm.tabs.setCurrentWidget(queue)
    wait_until(qtbot, lambda: queue.select_request(req.id), what="request listed")
    qtbot.keyClick(queue.reason, Qt.Key_Return)
    assert "reason" in queue.info.text()
    qtbot.keyClicks(queue.reason, "no history at this casino yet")
    qtbot.keyClick(queue.reason, Qt.Key_Return)
    wait_until(qtbot, lambda: "denied" in queue.info.text(), what="denied")
    history = credit.credit_history(terminal.ctx.services, player)
    assert history[-1].status == "denied" and history[-1].decision_reason == "no history at this casino yet"


def test_a_denial_without_a_reason_is_shown_as_a_refusal(qtbot, terminal, engine, player):
    req = request_credit_elsewhere(engine, player, "30000", "weekend")
    fm = log_in(qtbot, terminal, "F200", "2222")
    queue = fm.credit_queue
    fm.tabs.setCurrentWidget(queue)
    wait_until(qtbot, lambda: queue.select_request(req.id), what="request listed")
    queue.reason.clear()
    queue.deny()
    assert "reason" in queue.info.text() and queue.info.is_refusal()
