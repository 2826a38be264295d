"""Balances change on screen by themselves: another terminal posts, the panel follows."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from cashier_desktop.ui.app import Terminal, open_feed_bridge
from tests.support.counter import post_at_terminal
from tests.support.factories import cmd
from tests.ui.conftest import find_player, log_in, wait_until


def test_a_deposit_made_by_another_terminal_appears_without_any_action(qtbot, qapp, services, engine,
                                                                       player):
    terminal = Terminal(services, feed=open_feed_bridge(services))
    try:
        terminal.login.show()
        window = log_in(qtbot, terminal, "C100", "1111")
        tab = window.cashier
        wait_until(qtbot, lambda: terminal.ctx.status.feed_state == "connected", what="feed connected")
        assert tab.panel.live_label.text() == ""
        assert "Live" in window.status_bar.feed.text()
        find_player(qtbot, window, player)
        assert tab.panel.values["cash"].text() == "₹0.00"

        with ThreadPoolExecutor(1) as other_terminal:  # not on this GUI thread
            other_terminal.submit(post_at_terminal, engine, cmd("deposit", player, "777")).result()

        wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹777.00", what="live balance")
        assert "cash" in tab.panel.highlighted()
        assert tab.panel.values["available"].text() == "₹0.00"  # no line: nothing to draw
        wait_until(qtbot, lambda: tab.panel.highlighted() == [], what="highlight fades")
        wait_until(qtbot, lambda: tab.recent.rowCount() == 1, what="recent transactions follow")
        assert "last event" in window.status_bar.feed.text() and "no event" not in window.status_bar.feed.text()

        terminal.ctx.feed.stop()
        wait_until(qtbot, lambda: tab.panel.live_label.text() == "NOT LIVE", what="not live shown")
        assert "NOT LIVE" in window.status_bar.feed.text()
    finally:
        terminal.close()
