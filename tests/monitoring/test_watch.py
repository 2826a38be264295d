"""The watch under load (no false alert), the scheduled full check, and its schedule."""

from __future__ import annotations

import random
import threading
from datetime import datetime, time as dtime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain.errors import CashierError
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from cashier_desktop.monitoring.alerts import list_alerts
from cashier_desktop.monitoring.watch import Schedule, Watch
from tests.monitoring.conftest import wait_until
from tests.support.databases import login_as
from tests.support.factories import cmd, make_player


def _random_postings(engine, players: list[str], n: int, seed: int) -> int:
    rng = random.Random(seed)
    done = 0
    for _ in range(n):
        p = rng.choice(players)
        kind = rng.choice(["deposit", "deposit", "withdrawal", "marker_issue", "marker_redeem"])
        amount = Decimal(rng.randint(1, 500))
        try:
            post(engine, cmd(kind, p, amount))
            done += 1
        except CashierError:
            pass  # insufficient funds, no credit drawn: refusals are part of the mix
    return done


def _cursor(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT last_id FROM monitor_cursors WHERE name = 'watch'")).scalar() or 0


def _max_event(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT coalesce(max(id), 0) FROM balance_events")).scalar()


def test_no_false_alert_while_8_connections_post_1000_random_postings(fresh_ledger, watches):
    _, engine = fresh_ledger
    players = [make_player(engine) for _ in range(20)]
    for p in players:  # a credit line so markers can be issued
        post(engine, cmd("credit_line", p, "100000", staff="F200", approver_id="F200"))
    watch = watches.start(engine, poll_seconds=0.2)
    posted: list[int] = []
    threads = [threading.Thread(target=lambda i=i: posted.append(_random_postings(engine, players, 125, i)))
               for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    target = _max_event(engine)
    wait_until(lambda: _cursor(engine) >= target and not watch._gaps, timeout=30, what="the watch caught up")
    assert sum(posted) > 500
    with engine.connect() as conn:
        checks = conn.execute(text("SELECT coalesce(sum(checks), 0) FROM watch_hourly")).scalar()
    assert checks > 0
    assert list_alerts(engine, status=None) == []
    assert run_integrity(engine) == []


def test_the_watch_resumes_from_its_own_cursor_and_misses_nothing_committed_while_it_was_down(fresh_ledger):
    _, engine = fresh_ledger
    player = make_player(engine)
    with Watch(login_as(engine, "monitor"), schedule=None) as watch:
        watch.step()  # first start: cursor at the newest row
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = 7 WHERE id = :p"), {"p": player})
    # A new watch (a restart) picks up from the saved cursor.
    with Watch(login_as(engine, "monitor"), schedule=None) as restarted:
        assert restarted.step() == 1
    assert [a.player_id for a in list_alerts(engine)] == [player]


def test_the_scheduled_full_check_finds_a_discrepancy_planted_with_triggers_disabled(fresh_ledger, watches):
    _, engine = fresh_ledger
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    watch = watches.start(engine, schedule=Schedule(every=timedelta(seconds=1)))
    wait_until(lambda: watch.last_full_run is not None, timeout=10, what="the first scheduled run")
    assert watch.last_full_run.clean
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))  # no triggers: no outbox row
        conn.execute(text("UPDATE players SET balance = 5000 WHERE id = :p"), {"p": player})
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM balance_events WHERE player_id = :p"),
                            {"p": player}).scalar() == 1  # the deposit's only
    wait_until(lambda: list_alerts(engine), timeout=10, what="an alert from the full check")
    alert = list_alerts(engine)[0]
    assert alert.player_id == player and alert.source == "full_check"
    assert "cash_matches_ledger" in alert.checks
    with engine.connect() as conn:
        runs = conn.execute(text("SELECT clean, players_failing FROM integrity_runs WHERE trigger = 'schedule' "
                                 "ORDER BY id")).fetchall()
    assert runs[0] == (True, 0) and any(r == (False, 1) for r in runs[1:])


def test_a_nightly_schedule_is_due_once_per_night_in_the_cage_time_zone():
    s = Schedule(at=dtime(4, 0), tz="Asia/Kolkata")
    ist = timezone(timedelta(hours=5, minutes=30))
    before = datetime(2026, 11, 26, 3, 59, tzinfo=ist)
    after = datetime(2026, 11, 26, 4, 1, tzinfo=ist)
    ran_last_night = datetime(2026, 11, 25, 4, 0, 30, tzinfo=ist)
    assert not s.due(before, ran_last_night)
    assert s.due(after, ran_last_night)
    assert not s.due(after, datetime(2026, 11, 26, 4, 0, 30, tzinfo=ist))
    assert s.due(after, None)
    assert s.next_due(before, ran_last_night) == datetime(2026, 11, 26, 4, 0, tzinfo=ist)


def test_an_interval_schedule_is_due_after_its_interval():
    s = Schedule(every=timedelta(minutes=10))
    t = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert not s.due(t + timedelta(minutes=9), t)
    assert s.due(t + timedelta(minutes=10), t)
    assert s.next_due(t + timedelta(minutes=1), t) == t + timedelta(minutes=10)


def test_a_change_committed_after_a_later_one_is_still_checked(fresh_ledger):
    """Outbox ids are taken before commit: the lower id may become visible last."""
    _, engine = fresh_ledger
    slow, fast = make_player(engine), make_player(engine)
    with Watch(login_as(engine, "monitor"), schedule=None) as watch:
        watch.step()
        with engine.connect() as held:
            tx = held.begin()
            held.execute(text("UPDATE players SET balance = 11 WHERE id = :p"), {"p": slow})  # takes id N
            with engine.begin() as conn:
                conn.execute(text("UPDATE players SET balance = 22 WHERE id = :p"), {"p": fast})  # N + 1
            watch.step()
            assert [a.player_id for a in list_alerts(engine)] == [fast]
            assert watch._gaps, "the missing lower id is remembered"
            tx.commit()
        watch.step()
        assert sorted(a.player_id for a in list_alerts(engine)) == sorted([slow, fast])
        watch.step()
        assert not watch._gaps
