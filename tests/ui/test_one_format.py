"""One date format and one money format everywhere (domain/formatting.py): walk every window a
supervisor can reach — counter, history, receipt, credit queue, shift review, monitor, a
refusal, the shift report's PDF text — in English and in Hindi, and fail on any date or amount
written another way (tests/ui/format_checks.py finds them)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from tests.support.factories import cmd, make_player
from tests.support.shifts import open_test_shift
from tests.ui.conftest import (activate, active_dialog, find_player, log_in, own_terminal, post_as_owner,
                               wait_until)
from tests.ui.format_checks import format_problems, window_format_problems
from tests.ui.other_counter import request_credit_elsewhere
from tests.ui.test_layout_fit import _closed_shift_with_variance, _raise_alert


def test_the_finder_catches_every_other_date_and_money_format_and_spares_the_cage_format():
    for bad in ("04 Dec 2026, 10:00:00", "4 12 2026", "04/12/2026", "Dec 4, 2026", "4 दिस॰ 2026",
                "2026-12-04T10:00:00", "10,000.00 INR", "expected 10000.00", "₹12,345,678.00", "INR 500",
                "$12,50,000.50", "₹83.123456"):
        assert format_problems(bad), bad
    for good in ("2026-12-04 10:00:00", "₹1,23,45,678.00", "−₹6,20,000.00", "-₹100.00", "Shift #12",
                 "14:05", "T-UI-1a2b3c4d", "version 3.0", "₹999.00", "$12,500.50", "€1,000.00",
                 "Rate: 1 USD = ₹83.123456"):
        assert format_problems(good) == [], good


@pytest.fixture(params=["en", "hi"])
def walked_terminal(request, qapp, fresh_ledger, terminal_id):
    """A terminal in either language on a database of its own (its data only on screen)."""
    with own_terminal(qapp, fresh_ledger, terminal_id, request.param) as walked:
        yield walked


def test_every_window_writes_dates_and_money_in_the_one_format(qtbot, walked_terminal, terminal_id):
    from cashier_desktop.ui.shift_export import report_html
    terminal, engine, services = walked_terminal
    player = make_player(engine, name="Meera Nair")
    open_test_shift(engine, terminal_id, "S300", "0")
    for amount in ("5000", "12345.5"):
        post_as_owner(engine, cmd("deposit", player, amount, terminal_id=terminal_id, staff="S300"))
    variance_shift = _closed_shift_with_variance(engine, player)
    request_credit_elsewhere(engine, player, "250000", "weekend")
    _raise_alert(engine, player)

    problems = window_format_problems(terminal.login, "login")
    window = log_in(qtbot, terminal, "S300", "3333")
    tab = window.cashier
    find_player(qtbot, window, player)
    wait_until(qtbot, lambda: tab.recent.rowCount() >= 3, what="recent postings")
    wait_until(qtbot, lambda: tab.panel.alert_label.isVisible(), what="alert marked")
    problems += window_format_problems(window, "counter")
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_H, Qt.ControlModifier)
    history = active_dialog(qtbot, tab)
    wait_until(qtbot, lambda: history.page is not None and history.postings.rowCount() >= 3, what="history")
    problems += window_format_problems(history, "history")
    history.reject()
    wait_until(qtbot, lambda: tab.dialog is None, what="history closed")
    tab.recent.selectRow(0)
    tab.reprint()
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    problems += window_format_problems(receipt, "receipt")
    problems += [f"receipt text: {bad}" for bad in format_problems(receipt.plain_text())]
    receipt.reject()
    # a refusal with amounts in it: more than the player has
    poor = make_player(engine, name="Kabir Bose")
    post_as_owner(engine, cmd("deposit", poor, "100", terminal_id=terminal_id, staff="S300"))
    find_player(qtbot, window, poor)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F6)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "1500")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "₹" in dialog.problem.text(), what="refusal with amounts")
    problems += window_format_problems(dialog, "withdrawal refused")
    dialog.reject()
    wait_until(qtbot, lambda: tab.dialog is None, what="dialog closed")

    queue = window.credit_queue
    window.tabs.setCurrentWidget(queue)
    wait_until(qtbot, lambda: queue.requests and queue.select_request(queue.requests[0].id), what="request listed")
    wait_until(qtbot, lambda: queue.recent.rowCount() >= 3, what="player's history in the queue")
    problems += window_format_problems(window, "credit queue")

    desk = window.supervisor
    window.tabs.setCurrentWidget(desk)
    wait_until(qtbot, lambda: desk.select_shift(variance_shift), what="shift listed")
    wait_until(qtbot, lambda: desk.report is not None and desk.report.shift.id == variance_shift, what="report")
    problems += window_format_problems(window, "shift review")
    pdf_text = re.sub(r"<[^>]+>", " ", report_html(desk.report, terminal.ctx.profile, desk.reconciliation))
    problems += [f"shift report PDF: {bad}" for bad in format_problems(pdf_text.replace("&nbsp;", " "))]

    window.tabs.setCurrentWidget(window.monitor)
    wait_until(qtbot, lambda: window.monitor.alerts.rowCount() >= 1, what="alerts listed")
    problems += window_format_problems(window, "monitor")
    problems += _cage_operations(qtbot, window, engine, player)
    problems = list(dict.fromkeys(problems))
    assert problems == [], "dates or amounts in another format:\n" + "\n".join(problems)


def _cage_operations(qtbot, window, engine, player: str) -> list[str]:
    """Issue 17's windows: cage settings, markers, the exchange dialog and its receipt, the
    player's line changes and markers."""
    import uuid
    from datetime import datetime, timezone
    from decimal import Decimal
    from sqlalchemy import text
    from cashier_desktop.domain.money import Money
    from cashier_desktop.ledger.exchange import Exchange
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO cage.fx_rates (currency, buy_rate, sell_rate, valid_from, set_by) "
                          "VALUES ('USD', 83.123456, 84.981234, now() - interval '1 minute', 'S300')"))
    post_as_owner(engine, cmd("credit_line", player, "50000", staff="F200", approver_id="F200"))
    post_as_owner(engine, cmd("marker_issue", player, "12000"))
    problems: list[str] = []
    settings = window.cage_settings
    settings.refresh()
    window.tabs.setCurrentWidget(settings)
    wait_until(qtbot, lambda: settings.grid.rowCount() > 0 and settings.rates.rowCount() > 0, what="settings")
    problems += window_format_problems(window, "cage settings")
    settings.pages.setCurrentIndex(1)
    problems += window_format_problems(window, "cage settings, rates")
    settings.pages.setCurrentIndex(2)
    wait_until(qtbot, lambda: settings.drawers.rowCount() >= 1, what="open drawers")
    settings.drawers.setCurrentCell(0, 0)
    wait_until(qtbot, lambda: settings.holding_total.text() != "", what="drawer holding")
    problems += window_format_problems(window, "cage settings, drawers")
    markers = window.markers
    markers.refresh()
    window.tabs.setCurrentWidget(markers)
    wait_until(qtbot, lambda: markers.aging.rowCount() >= 1, what="aging")
    problems += window_format_problems(window, "markers")
    tab = window.cashier
    window.tabs.setCurrentWidget(tab)
    find_player(qtbot, window, player)
    tab.show_history()
    history = active_dialog(qtbot, tab)
    history.tabs.setCurrentWidget(history.credit_lines)
    wait_until(qtbot, lambda: history.credit_lines.markers.rowCount() == 1, what="line changes")
    problems += window_format_problems(history, "line changes")
    history.reject()
    wait_until(qtbot, lambda: tab.dialog is None, what="history closed")
    tab.exchange()
    dialog = active_dialog(qtbot, tab)
    wait_until(qtbot, lambda: dialog.currency.findData("USD") >= 0, what="rates in the exchange dialog")
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    qtbot.keyClicks(dialog.amount.edit, "12500.50")
    problems += window_format_problems(dialog, "exchange")
    dialog.reject()
    wait_until(qtbot, lambda: tab.dialog is None, what="exchange closed")
    tab._on_exchanged(Exchange(uuid.uuid4(), "buy", Money(Decimal("12500.50"), "USD"),
                               Money(Decimal("1039084.76"), "INR"), Decimal("83.123456"), 1, 1, player, False,
                               datetime.now(timezone.utc), "S300", None, window.ctx.terminal_id))
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    problems += window_format_problems(receipt, "exchange receipt")
    problems += [f"exchange receipt text: {bad}" for bad in format_problems(receipt.plain_text())]
    receipt.reject()
    return problems
