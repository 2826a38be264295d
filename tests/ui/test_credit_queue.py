"""The floor manager's credit queue by keyboard: what the decision needs, the count on the tab,
F10 right after Alt+Q, and a limit box that starts from each request's own line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.ledger.credit_context import oldest_outstanding
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.ui.app import Terminal
from tests.support.counter import post_at_terminal
from tests.support.factories import cmd, make_player
from tests.ui.conftest import activate, log_in, make_services, wait_until
from tests.ui.other_counter import request_credit_elsewhere


@pytest.fixture
def floor(qapp, fresh_ledger, terminal_id):
    url, engine = fresh_ledger
    services = make_services(url, engine, terminal_id)
    term = Terminal(services)
    term.login.show()
    yield term, engine
    term.close()


def _request(engine, player: str, limit: str, note: str) -> None:
    """C100 files a request at another counter; then (set-up as the superuser `engine`, what no
    terminal can do) it is dated 20 minutes back, so the queue's waiting time shows."""
    request = request_credit_elsewhere(engine, player, limit, note)
    with engine.begin() as conn:
        conn.execute(text("UPDATE credit_requests SET requested_at = requested_at - interval '20 minutes' "
                          "WHERE id = :i"), {"i": request.id})


def test_oldest_outstanding_marker_is_first_in_first_out():
    t = [datetime(2026, 12, d, tzinfo=timezone.utc) for d in (1, 2, 3, 4)]
    assert oldest_outstanding([]) is None
    assert oldest_outstanding([(Decimal(100), t[0]), (Decimal(50), t[1]), (Decimal(-100), t[2])]) == t[1]
    assert oldest_outstanding([(Decimal(100), t[0]), (Decimal(-40), t[1])]) == t[0]
    assert oldest_outstanding([(Decimal(100), t[0]), (Decimal(-100), t[1])]) is None


def test_the_queue_shows_the_players_standing_and_decides_by_keyboard(qtbot, floor):
    terminal, engine = floor
    rich = make_player(engine, name="Vikram Shah")
    # the player's standing, posted at another counter (a supervisor approves the line)
    post_at_terminal(engine, cmd("deposit", rich, "250000"))
    post_at_terminal(engine, cmd("credit_line", rich, "100000", staff="F200", approver_id="S300"))
    post_at_terminal(engine, cmd("marker_issue", rich, "20000"))
    newcomer = make_player(engine, name="Leela Das")
    _request(engine, rich, "200000", "wants a higher line for the weekend")
    _request(engine, newcomer, "30000", "first visit, referred by a regular")

    window = log_in(qtbot, terminal, "F200", "2222")
    queue = window.credit_queue
    tabs = window.tabs
    wait_until(qtbot, lambda: len(queue.items) == 2, what="queue loaded")
    assert tabs.tabText(tabs.indexOf(queue)) == "Credit &queue (2)"  # visible from the cashier tab
    row = [queue.table.item(0, j).text() for j in range(queue.table.columnCount())]
    assert row[1] == f"{rich} Vikram Shah"
    assert row[2] == "₹2,50,000.00"  # cash on account
    assert row[3] == "₹1,00,000.00"  # current line
    assert row[4] == "₹20,000.00"  # markers outstanding
    assert row[5].endswith("min")  # issued minutes ago
    assert row[6] == "₹2,00,000.00" and row[7] == "Asha Rao (C100)"
    assert row[8] == "wants a higher line for the weekend" and row[9] == "20 min"
    assert "Vikram Shah" in queue.player_head.text() and "available ₹80,000.00" in queue.player_head.text()
    assert queue.recent.rowCount() == 3 and queue.recent.item(0, 1).text() == "Marker issue"

    # from the cashier tab: Alt+Q, then F10 at once approves the selected (first) request
    tabs.setCurrentWidget(window.cashier)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_Q, Qt.AltModifier)
    assert tabs.currentWidget() is queue
    assert queue.limit.money().amount == Decimal("200000")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key_F10)
    wait_until(qtbot, lambda: "approved" in queue.info.text(), what="approved by the first F10")
    assert get_balance(engine, rich, currency="INR").credit_limit.amount == Decimal("200000.00")
    # the next request's box holds its own asked line, not the last decided one
    wait_until(qtbot, lambda: len(queue.items) == 1, what="queue refreshed")
    assert queue.items[0].request.player_id == newcomer
    assert queue.limit.money().amount == Decimal("30000")
    assert tabs.tabText(tabs.indexOf(queue)) == "Credit &queue (1)"
    assert queue.table.item(0, 4).text() == "₹0.00" and queue.table.item(0, 5).text() == "—"
    # deny it with a reason: the tab title loses its count
    queue.reason.setFocus()
    qtbot.keyClicks(queue.reason, "no history at this casino yet")
    qtbot.keyClick(queue.reason, Qt.Key_F11)
    wait_until(qtbot, lambda: "denied" in queue.info.text(), what="denied")
    wait_until(qtbot, lambda: tabs.tabText(tabs.indexOf(queue)) == "Credit &queue", what="count cleared")
    assert queue.limit.edit.text() == ""
