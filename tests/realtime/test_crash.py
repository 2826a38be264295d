"""Crashes and restarts: the relay SIGKILLed mid-batch, PostgreSQL restarted under it."""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balances
from cashier_desktop.ledger.seed import seed_staff
from cashier_desktop.realtime.feed_base import FeedState
from cashier_desktop.realtime.feeds import ledger_fetch
from cashier_desktop.realtime.publisher import CAGE_CHANNEL
from cashier_desktop.realtime.pusher_feed import PusherFeed
from tests.realtime.conftest import fast_backoff, settings_of, wait_until
from tests.support.factories import cmd, make_player
from tests.support.faults import Child, OwnedPostgres
from tests.support.logins import least_privilege

ROOT = Path(__file__).resolve().parents[2]


def counts(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return tuple(conn.execute(text(
            "SELECT count(*) FILTER (WHERE published_at IS NOT NULL), count(*) FROM balance_events")).one())


def relay_sessions(engine) -> int:
    with engine.connect() as conn:  # a new transaction: pg_stat_activity is a per-transaction snapshot
        return conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                 "AND application_name LIKE 'cashier-desktop relay%'")).scalar()


def same_balances(engine, recorder, players) -> bool:
    latest = recorder.latest()
    return all(latest.get(b.player_id) == b for b in get_balances(engine, list(players), currency="INR"))


def test_a_relay_killed_mid_batch_loses_nothing_and_the_duplicates_are_ignored_by_version(
        rt_ledger, soketi, subscribers, recorder, tmp_path):
    url, engine = rt_ledger
    players = [make_player(engine) for _ in range(10)]
    rounds = 30
    with engine.begin() as conn:  # a backlog, written by hand as a DBA would (whoever writes, it is relayed)
        for _ in range(rounds):
            conn.execute(text("UPDATE players SET balance = balance + 1, total_deposits = total_deposits + 1 "
                              "WHERE id = ANY(:ids)"), {"ids": players})
    total = len(players) * rounds
    raw, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL])
    feed = PusherFeed(settings_of(soketi), ledger_fetch(engine, "INR"), recorder.on_balance, recorder.on_state,
                      backoff=fast_backoff(), currency="INR")
    feed.start()
    env = {**os.environ, **soketi.pusher_env(), "CASHIER_DATABASE_URL": url,
           "CASHIER_CONFIG": str(tmp_path / "none.toml")}
    (tmp_path / "none.toml").write_text("")
    argv = [sys.executable, "-m", "cashier_desktop", "relay", "--batch-size", "100", "--lanes", "1"]
    relay = Child("relay", argv, env=env, log=tmp_path / "relay.log", cwd=str(ROOT))
    holder = engine.connect()
    try:
        feed.watch(set(players))
        wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "feed connected")
        # Hold marking back: the relay can claim and publish, but its UPDATE waits on this lock,
        # so the SIGKILL below lands after a publish and before the commit that marks it.
        holder.execute(text("LOCK TABLE balance_events IN SHARE MODE"))
        relay.start()
        wait_until(lambda: len(raw.on(CAGE_CHANNEL)) >= 100, 30, "the first batch published")
        relay.kill()
        # The dead relay's server sessions go too (as when its machine dies), before they can
        # run the mark and commit it had already sent; then the lock is let go.
        holder.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND application_name LIKE 'cashier-desktop relay%'"))
        wait_until(lambda: relay_sessions(engine) == 0, 10, "relay sessions gone")
        holder.rollback()
        assert counts(engine) == (0, total), "killed before marking: nothing marked"
        relay.start()
        wait_until(lambda: counts(engine) == (total, total), 30, "every row marked after the restart")
        wait_until(lambda: len(raw.on(CAGE_CHANNEL)) >= total + 100, 10, "the first batch heard twice")
        heard = raw.versions_by_player(CAGE_CHANNEL)
        for pid in players:
            assert sorted(set(heard[pid])) == list(range(1, rounds + 1)), f"{pid} lost an event"
        wait_until(lambda: same_balances(engine, recorder, players), 10, "feed equal to the ledger")
        assert feed.view.stats.ignored >= 100, "the duplicates were dropped by version"
        for pid in players:
            versions = recorder.versions(pid)
            assert versions == sorted(set(versions)), "the feed never reported a version twice"
    finally:
        holder.close()
        relay.terminate(timeout=10)
        feed.stop()


@pytest.fixture
def owned_pg():
    server = OwnedPostgres()
    server.start()
    yield server
    server.destroy()


def test_postgresql_restarted_under_the_relay_nothing_is_lost(owned_pg, soketi, relays, subscribers, recorder):
    url = owned_pg.create_database(f"rt_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url)
    stack = contextlib.ExitStack()
    try:
        migrate.upgrade(engine)
        seed_staff(engine)
        player = make_player(engine)
        raw, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL])
        logins = stack.enter_context(least_privilege(url, engine))   # this server's own relay login
        relay = relays.start(logins.login("relay"), soketi)
        post(engine, cmd("deposit", player, "1"))
        wait_until(lambda: [d["version"] for d in raw.on(CAGE_CHANNEL)] == [1], 10, "published before")
        owned_pg.stop("fast")
        wait_until(lambda: relay.stats.db_failures >= 1, 10, "the relay notices the database is gone")
        owned_pg.start()
        engine.dispose()
        for _ in range(3):
            post(engine, cmd("deposit", player, "1"))
        wait_until(lambda: [d["version"] for d in raw.on(CAGE_CHANNEL)] == [1, 2, 3, 4], 20,
                   "published after the restart")
        owned_pg.stop("immediate")  # a crash this time
        owned_pg.start()
        engine.dispose()
        post(engine, cmd("deposit", player, "1"))
        wait_until(lambda: [d["version"] for d in raw.on(CAGE_CHANNEL)][-1:] == [5], 20, "published after a crash")
        assert sorted(set(d["version"] for d in raw.on(CAGE_CHANNEL))) == [1, 2, 3, 4, 5]
    finally:
        relays.stop_all()
        stack.close()
        engine.dispose()
