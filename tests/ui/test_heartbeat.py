"""The GUI terminal tells the dashboard it is alive and acknowledges the events it hears."""

from __future__ import annotations

import time

from sqlalchemy import text

from cashier_desktop.ui.app import Terminal
from tests.support.counter import post_at_terminal
from tests.support.factories import cmd, make_player
from tests.ui.conftest import make_services


def test_the_terminal_beats_and_acknowledges_a_heard_event_by_version(qtbot, fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    services = make_services(url, engine, "HB-1", CASHIER_MONITOR_HEARTBEAT_SECONDS=1,
                             CASHIER_TERMINAL_DATA_DIR=tmp_path)
    terminal = Terminal(services, live_feed=True)
    try:
        player = make_player(engine)
        feed = terminal.ctx.feed
        feed.watch_only(terminal.login, [player])

        def beat_recorded():
            with engine.connect() as conn:
                return conn.execute(text("SELECT feed_state FROM terminal_heartbeats "
                                         "WHERE terminal_id = 'HB-1'")).scalar()
        qtbot.waitUntil(lambda: beat_recorded() == "connected", timeout=10_000)
        # The heartbeat reads the feed from the services, where opening it put it.
        assert services.live_feed is feed.feed and services.live_feed.state.value == "connected"

        post_at_terminal(engine, cmd("deposit", player, "250"))  # at another counter

        def acked():
            with engine.connect() as conn:
                return conn.execute(text("SELECT version FROM feed_acks WHERE terminal_id = 'HB-1' "
                                         "AND player_id = :p"), {"p": player}).scalars().all()
        qtbot.waitUntil(lambda: acked() == [1], timeout=10_000)
    finally:
        terminal.close()
