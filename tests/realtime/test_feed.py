"""The terminal's feeds (pysher over soketi; LISTEN/NOTIFY) on real servers."""

from __future__ import annotations

import threading
import time

import pytest

from sqlalchemy import text

from cashier_desktop.config import load_config
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balances
from cashier_desktop.realtime.feed_base import FeedState
from cashier_desktop.realtime.feeds import ledger_fetch, open_feed
from cashier_desktop.realtime.pg_feed import PgFeed
from cashier_desktop.realtime.publisher import CAGE_CHANNEL, Publisher
from cashier_desktop.realtime.pusher_feed import PusherFeed
from tests.realtime.conftest import fast_backoff, settings_of, wait_until
from tests.support.databases import login_as
from tests.support.factories import cmd, make_player


def pusher_feed(server, engine, recorder, **kw) -> PusherFeed:
    return PusherFeed(settings_of(server), ledger_fetch(engine, "INR"), recorder.on_balance, recorder.on_state,
                      backoff=fast_backoff(), currency="INR", **kw)


def ledger_equals_feed(engine, recorder, players) -> bool:
    latest = recorder.latest()
    return all(latest.get(b.player_id) == b for b in get_balances(engine, list(players), currency="INR"))


def hand_update(engine, player: str, amount: int) -> None:
    """What the report's DBA did: a balance written by hand, outside the terminal."""
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = balance + :a, total_deposits = total_deposits + :a "
                          "WHERE id = :p"), {"a": amount, "p": player})


def test_open_feed_picks_pusher_when_configured_and_listen_notify_otherwise(rt_engine, soketi, recorder):
    env = {k: v for k, v in soketi.pusher_env().items()}
    assert isinstance(open_feed(load_config(env=env), rt_engine, recorder.on_balance), PusherFeed)
    assert isinstance(open_feed(load_config(env={}), rt_engine, recorder.on_balance), PgFeed)


def test_the_pusher_feed_hears_postings_and_a_plain_update_made_outside_the_terminal(
        rt_engine, soketi, relays, recorder):
    player = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "100"))
    feed = pusher_feed(soketi, rt_engine, recorder)
    relays.start(rt_engine, soketi)
    feed.start()
    try:
        feed.watch({player})
        wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "feed connected")
        wait_until(lambda: recorder.versions(player) == [1], 10, "the watched player fetched")
        # The relay may publish version 1 while the feed subscribes: only a later age counts.
        post(rt_engine, cmd("deposit", player, "50"))
        hand_update(rt_engine, player, 10000)
        wait_until(lambda: recorder.versions(player) == [1, 2, 3], 10, "both changes heard in order")
        assert str(recorder.latest()[player].cash.amount) == "10150.00"
        assert ledger_equals_feed(rt_engine, recorder, [player])
        assert feed.last_event_age() is not None and feed.last_event_age() < 5
    finally:
        feed.stop()
    assert feed.state is FeedState.STOPPED


def test_a_missed_event_is_noticed_and_the_view_is_repaired_from_the_ledger(rt_engine, soketi, recorder):
    player = make_player(rt_engine)
    for amount in ("10", "20", "30"):
        post(rt_engine, cmd("deposit", player, amount))
    with rt_engine.connect() as conn:
        payloads = [r[0] for r in conn.execute(text(
            "SELECT payload FROM balance_events WHERE player_id = :p ORDER BY version"), {"p": player})]
    feed = pusher_feed(soketi, rt_engine, recorder)
    feed.start()
    publisher = Publisher(settings_of(soketi))
    try:
        wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "feed connected")
        publisher.publish([payloads[0]])
        wait_until(lambda: recorder.versions(player) == [1], 10, "version 1 heard")
        post(rt_engine, cmd("deposit", player, "40"))  # version 4 in the ledger, never published
        publisher.publish([payloads[2]])  # version 3: version 2 was "lost"
        wait_until(lambda: recorder.versions(player)[-1:] == [4], 10, "refetched up to the ledger")
        assert feed.view.stats.gaps == 1
        assert recorder.versions(player) == [1, 4], "the gapped event itself is not trusted"
        publisher.publish([payloads[1], payloads[2]])  # late and duplicate: ignored
        wait_until(lambda: feed.view.stats.ignored == 2, 10, "stale events ignored")
        assert recorder.versions(player) == [1, 4]
        assert ledger_equals_feed(rt_engine, recorder, [player])
    finally:
        publisher.close()
        feed.stop()


def test_a_private_channel_with_a_wrong_signature_is_refused(soketi, subscribers, recorder, rt_engine):
    bad, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL], secret="forged-secret", wait=False)
    good, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL])
    wait_until(lambda: bad.refused, 10, "the forged subscription refused")
    assert bad.refused[0][0] == CAGE_CHANNEL
    publisher = Publisher(settings_of(soketi))
    try:
        publisher.trigger(CAGE_CHANNEL, "balance.updated", {"probe": 1})
    finally:
        publisher.close()
    wait_until(lambda: good.on(CAGE_CHANNEL), 10, "the honest subscriber hears the probe")
    assert not bad.on(CAGE_CHANNEL) and not bad.subscribed.is_set()
    feed = PusherFeed(settings_of(soketi, secret="forged-secret"), ledger_fetch(rt_engine, "INR"), recorder.on_balance,
                      recorder.on_state, backoff=fast_backoff(), currency="INR")
    feed.start()
    try:
        wait_until(lambda: feed.state is FeedState.DOWN, 10, "a refused feed shows down")
    finally:
        feed.stop()


def test_soketi_killed_and_restarted_while_postings_continue_the_feed_ends_equal_to_the_ledger(
        rt_engine, own_soketi, relays, recorder):
    players = [make_player(rt_engine) for _ in range(3)]
    feed = pusher_feed(own_soketi, rt_engine, recorder)
    relays.start(rt_engine, own_soketi)
    feed.start()
    stop = threading.Event()
    posted = [0]

    def keep_posting() -> None:
        i = 0
        while not stop.is_set():
            post(rt_engine, cmd("deposit", players[i % len(players)], "1"))
            posted[0] += 1
            i += 1
            time.sleep(0.01)

    poster = threading.Thread(target=keep_posting)
    try:
        feed.watch(set(players))
        wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "feed connected")
        poster.start()
        wait_until(lambda: posted[0] >= 20, 10, "postings flowing")
        first_socket = feed.channels.socket_id
        own_soketi.kill()
        wait_until(lambda: feed.state in (FeedState.RECONNECTING, FeedState.DOWN), 10, "feed notices")
        wait_until(lambda: posted[0] >= 60, 10, "postings continue during the outage")
        own_soketi.start()
        wait_until(lambda: feed.state is FeedState.CONNECTED and feed.connects >= 2, 20, "feed reconnected")
        assert feed.channels.socket_id != first_socket, "subscribed again with auth for the new socket"
        wait_until(lambda: posted[0] >= 100, 10, "postings after the restart")
    finally:
        stop.set()
        if poster.is_alive():
            poster.join()
    try:
        wait_until(lambda: ledger_equals_feed(rt_engine, recorder, players), 15, "feed equal to the ledger")
        assert FeedState.RECONNECTING in recorder.states or FeedState.DOWN in recorder.states
        for pid in players:
            versions = recorder.versions(pid)
            assert versions == sorted(set(versions)), "never backwards, never twice"
    finally:
        feed.stop()


def test_the_listen_notify_feed_hears_postings_and_plain_updates_and_survives_a_dropped_connection(
        rt_engine, recorder):
    player = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "5"))
    feed = PgFeed(rt_engine, ledger_fetch(rt_engine, "INR"), recorder.on_balance, recorder.on_state,
                  backoff=fast_backoff(), poll=0.2, currency="INR")
    feed.start()
    try:
        feed.watch({player})
        wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "listening")
        wait_until(lambda: recorder.versions(player) == [1], 10, "watched player fetched")
        post(rt_engine, cmd("deposit", player, "5"))
        wait_until(lambda: recorder.versions(player) == [1, 2], 10, "posting heard")
        hand_update(rt_engine, player, 100)
        wait_until(lambda: recorder.versions(player) == [1, 2, 3], 10, "plain UPDATE heard")
        with rt_engine.connect() as conn:
            killed = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name = 'cashier-desktop feed'")).scalar()
        assert killed == 1
        wait_until(lambda: FeedState.RECONNECTING in recorder.states, 10, "the drop noticed")
        hand_update(rt_engine, player, 1)  # perhaps while the feed is away
        wait_until(lambda: feed.state is FeedState.CONNECTED and feed.connects >= 2, 10, "listening again")
        wait_until(lambda: ledger_equals_feed(rt_engine, recorder, [player]), 10, "refetched after the drop")
    finally:
        feed.stop()


@pytest.mark.parametrize("commit", ["while the feed waits for it", "after the feed stopped waiting"])
def test_a_change_whose_trigger_ran_before_the_feed_listened_but_committed_after_is_not_missed(
        rt_engine, recorder, commit):
    """The outbox trigger NOTIFYs only while a consumer is registered asleep. A posting
    that checked before the feed registered, and commits after the feed's first fetch, sent
    no NOTIFY and was not in that fetch: the feed must still show it (it used to keep the
    old balance until the next reconnect — `feed watch` flaked on exactly this in CI)."""
    player = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "5"))
    terminal = login_as(rt_engine, "terminal")  # the feed runs as a counter's login
    writer = rt_engine.connect()
    tx = writer.begin()
    writer.execute(text("UPDATE players SET balance = balance + 1, total_deposits = total_deposits + 1 "
                        "WHERE id = :p"), {"p": player})  # trigger ran: no one asleep, no NOTIFY
    settle = 30.0 if commit == "while the feed waits for it" else 0.1
    feed = PgFeed(terminal, ledger_fetch(terminal, "INR"), recorder.on_balance, recorder.on_state,
                  backoff=fast_backoff(), poll=0.1, settle=settle, currency="INR")
    feed.start()
    try:
        feed.watch({player})
        with rt_engine.connect() as probe:
            wait_until(lambda: probe.execute(text(
                "SELECT count(*) FROM outbox_sleepers WHERE name = 'feed'")).scalar() == 1, 10, "feed registered")
        wait_until(lambda: recorder.versions(player) == [1], 10, "watched player fetched")
        if commit == "after the feed stopped waiting":
            wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "listening")
        else:
            assert feed.state is not FeedState.CONNECTED, "connected before the writer ended"
        tx.commit()
        wait_until(lambda: recorder.versions(player) == [1, 2], 10, "the late commit shown")
        wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "listening")
    finally:
        if tx.is_active:
            tx.rollback()
        writer.close()
        feed.stop()


def test_a_feed_that_cannot_reach_its_server_goes_from_connecting_to_down_and_still_fetches(
        rt_engine, recorder):
    from cashier_desktop.realtime.publisher import PusherSettings
    from tests.support.ports import refused_port

    player = make_player(rt_engine)
    with refused_port() as port:  # held for the whole test: nothing can start answering on it
        nowhere = PusherSettings(app_id="1", key="k", secret="s", host="127.0.0.1", port=port, tls=False)
        feed = PusherFeed(nowhere, ledger_fetch(rt_engine, "INR"), recorder.on_balance, recorder.on_state,
                          backoff=fast_backoff(), down_after=0.5, currency="INR")
        feed.start()
        try:
            feed.watch({player})
            wait_until(lambda: recorder.versions(player) == [0], 10, "the watched player shown from the ledger")
            wait_until(lambda: feed.state is FeedState.DOWN, 10, "down after down_after seconds")
            assert FeedState.CONNECTED not in recorder.states
            assert feed.channels.sessions >= 2, "it keeps retrying"
        finally:
            feed.stop()
    assert recorder.states[-1] is FeedState.STOPPED


def test_a_feed_left_stale_by_a_failed_refetch_catches_up_while_idle(rt_engine, recorder):
    """The ledger could not be read at the (re)connect and no later event comes for the
    player: the idle worker fetches it again (it used to wait for the player's next event)."""
    player = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "5"))
    real_fetch = ledger_fetch(rt_engine, "INR")
    down = threading.Event()
    down.set()

    def fetch(ids):
        if down.is_set():
            raise ConnectionError("ledger unreachable")
        return real_fetch(ids)
    feed = PgFeed(rt_engine, fetch, recorder.on_balance, recorder.on_state, backoff=fast_backoff(), poll=0.2, currency="INR")
    feed.start()
    try:
        feed.watch({player})
        wait_until(lambda: feed.state is FeedState.CONNECTED, 10, "listening")
        wait_until(lambda: player in feed.view.stale, 10, "the first fetch failed")
        assert recorder.versions(player) == []
        down.clear()
        wait_until(lambda: recorder.versions(player) == [1], 10, "fetched again while idle")
        assert feed.view.stale == set()
    finally:
        feed.stop()
