"""The dashboard's figures from a real ledger: heartbeats, acknowledgements, refusals, backlog."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import InsufficientFunds
from cashier_desktop.ledger.posting import post
from cashier_desktop.monitoring.checks import run_full_check
from cashier_desktop.monitoring.dashboard import collect
from cashier_desktop.monitoring.refusals import record_refusal
from cashier_desktop.monitoring.watch import Watch
from cashier_desktop.terminal.heartbeat import Heartbeat
from tests.support.databases import login_as
from tests.support.factories import cmd, make_player


def test_the_dashboard_reports_updates_latency_refusals_backlog_terminals_and_scores(fresh_ledger):
    _, engine = fresh_ledger
    players = [make_player(engine) for _ in range(4)]
    watch = Watch(login_as(engine, "monitor"), schedule=None)
    watch.step()
    for p in players:
        post(engine, cmd("deposit", p, "100"))
    refused = cmd("withdrawal", players[0], "999")
    with pytest.raises(InsufficientFunds) as info:
        post(engine, refused)
    record_refusal(engine, refused, info.value)
    record_refusal(engine, refused, RuntimeError("driver exploded\nsecond line"))
    watch.step()
    watch.close()
    run_full_check(engine, trigger="manual")
    # Two events published 40 ms after their commit (as the relay would mark them).
    with engine.begin() as conn:
        conn.execute(text("""UPDATE balance_events SET published_at = created_at + interval '40 milliseconds'
            WHERE id IN (SELECT id FROM balance_events ORDER BY id LIMIT 2)"""))
        events = conn.execute(text("SELECT player_id, version, created_at FROM balance_events ORDER BY id")).fetchall()
    cage = Heartbeat(engine, "CAGE-1")
    for pid, version, created in events:
        cage.note_event(pid, version, created + timedelta(milliseconds=70))
    assert cage.beat(staff_id="C100", pending_entries=2, feed_state="connected") == len(events)
    gone = Heartbeat(engine, "CAGE-OLD")
    gone.beat(pending_entries=5, feed_state="down")
    with engine.begin() as conn:
        conn.execute(text("UPDATE terminal_heartbeats SET seen_at = now() - interval '10 minutes' "
                          "WHERE terminal_id = 'CAGE-OLD'"))

    d = collect(engine, heartbeat_seconds=15)
    assert d.updates_last_hour == 4 and d.updates_per_minute == pytest.approx(0.8)
    assert d.publish_p50_ms == pytest.approx(40, abs=1) and d.publish_p99_ms == pytest.approx(40, abs=1)
    assert d.terminal_p50_ms == pytest.approx(70, abs=1)
    assert d.refused_by_reason == {"insufficient_funds": 1} and d.failed_by_reason == {"RuntimeError": 1}
    assert d.backlog == 2 and d.backlog_age_s >= 0
    assert d.consistency_score == 1.0 and d.accuracy_rate == 1.0
    status = {t.terminal_id: (t.online, t.pending_entries, t.feed_state) for t in d.terminals}
    assert status == {"CAGE-1": (True, 2, "connected"), "CAGE-OLD": (False, 5, "down")}
    assert d.open_alerts == []
    assert len(d.series["updates"]) == 12 and d.series["updates"][-1][1] == 4
    assert d.series["refused"][-1][1] == 2
    text_lines = "\n".join(d.lines())
    assert "CAGE-OLD" in text_lines and "OFFLINE" in text_lines and "insufficient_funds 1" in text_lines
    j = d.to_json()
    assert j["terminals_online"] == 1 and j["backlog"] == 2


def test_a_heartbeat_that_fails_keeps_its_acknowledgements_for_the_next_one(fresh_ledger, databases):
    from cashier_desktop.domain.errors import LedgerUnavailable
    from cashier_desktop.ledger.db import make_engine
    _, engine = fresh_ledger
    dead = make_engine("postgresql://postgres@127.0.0.1:1/nothing", connect_timeout=1)
    hb = Heartbeat(dead, "CAGE-9")
    hb.note_event("p-1", 3, datetime.now(timezone.utc))
    with pytest.raises(LedgerUnavailable):
        hb.beat()
    hb.engine = engine
    assert hb.beat() == 1
