"""A temporary credit line that lapses while shown, beyond the counter's panel: the floor
manager's credit queue's player header and the player's credit history (Ctrl+H, "Line
changes & markers") show the permanent line again by themselves, just after the expiry.
Each view's periodic refresh (the queue has one) is stopped first, so only the lapse timer
can bring the change."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import activate, active_dialog, find_player, log_in, wait_until
from tests.ui.other_counter import request_credit_elsewhere
from tests.ui.test_line_lapse_on_panel import LAPSES_IN_S, _lines


def test_the_credit_queues_player_header_drops_a_lapsed_temporary_line(qtbot, terminal, engine, player):
    request_credit_elsewhere(engine, player, "80000", "wants more for the weekend")
    _lines(engine, player)  # permanent ₹10,000; temporary ₹50,000 lapsing in a few seconds
    window = log_in(qtbot, terminal, "F200", "2222")
    queue = window.credit_queue
    wait_until(qtbot, lambda: any(r.player_id == player for r in queue.requests), what="request listed")
    queue.select_request(next(r.id for r in queue.requests if r.player_id == player))
    wait_until(qtbot, lambda: "temporary line ₹50,000.00 in force" in queue.player_head.text(),
               what="the temporary line in the header")
    queue._timer.stop()  # no periodic refresh: only the lapse may change the header now
    wait_until(qtbot, lambda: queue.lapse_timer.isActive(), what="the lapse armed")
    wait_until(qtbot, lambda: "temporary line" not in queue.player_head.text(), timeout=LAPSES_IN_S + 10,
               what="the header without the lapsed line")
    assert "line ₹10,000.00" in queue.player_head.text()
    assert not queue.lapse_timer.isActive()


def test_the_players_credit_history_shows_the_permanent_line_after_the_lapse(qtbot, terminal, engine, player):
    _lines(engine, player)
    window = log_in(qtbot, terminal, "C100", "1111")
    find_player(qtbot, window, player)
    tab = window.cashier
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_H, Qt.ControlModifier)
    dialog = active_dialog(qtbot, tab)
    view = dialog.credit_lines
    dialog.tabs.setCurrentWidget(view)
    wait_until(qtbot, lambda: view.summary.text() == "Line in force now: ₹50,000.00", what="the temporary line")
    assert view.lapse_timer.isActive()
    wait_until(qtbot, lambda: view.summary.text() == "Line in force now: ₹10,000.00", timeout=LAPSES_IN_S + 10,
               what="the permanent line after the lapse")
    assert not view.lapse_timer.isActive()
