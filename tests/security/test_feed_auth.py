"""Issue 14, attack 10: no terminal holds the Pusher secret. A terminal's private-channel auth
comes from the relay host's endpoint, which checks a token only that terminal's database
login can obtain and signs only the channels a terminal reads; without the secret no one
can publish a fake `balance.updated`. On a real soketi and a database made by create-roles."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from sqlalchemy import text

from cashier_desktop.ledger.posting import post
from cashier_desktop.realtime.feed_auth import FeedAuthServer, TokenSource, db_verifier, endpoint_authorizer
from cashier_desktop.realtime.feed_base import FeedState
from cashier_desktop.realtime.feeds import ledger_fetch
from cashier_desktop.realtime.publisher import CAGE_CHANNEL, PublishFailed, Publisher
from cashier_desktop.realtime.pusher_feed import PusherFeed, channel_auth
from tests.realtime.conftest import Recorder, fast_backoff, relays, settings_of, soketi, wait_until
from tests.support.factories import cmd, make_player
from tests.support.role_logins import CASHIER, cage_db, refused

__all__ = ["cage_db", "relays", "soketi"]  # fixtures, imported for pytest


def ask(url: str, token: str | None, channel: str, socket_id: str = "1234.5678") -> tuple[int, dict]:
    body = urllib.parse.urlencode({"socket_id": socket_id, "channel_name": channel}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers), timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture
def endpoint(cage_db, soketi):
    """The relay host's endpoint, checking tokens as the relay login."""
    _, _, logins = cage_db
    _, relay = logins.as_group("relay")
    server = FeedAuthServer(soketi.key, soketi.secret, db_verifier(relay)).start()
    yield server
    server.stop()


def test_the_endpoint_signs_only_for_a_terminal_login_and_only_a_terminals_channels(cage_db, soketi, endpoint):
    _, _, logins = cage_db
    _, terminal = logins.as_group("terminal")
    _, relay = logins.as_group("relay")
    _, monitor = logins.as_group("monitor")
    token = TokenSource(terminal)()
    status, body = ask(endpoint.url, token, "private-player-179")
    assert status == 200 and body["auth"] == channel_auth(soketi.key, soketi.secret, "1234.5678",
                                                          "private-player-179")
    assert ask(endpoint.url, token, CAGE_CHANNEL)[0] == 200
    for channel in ("private-portal-admin", "presence-cage", "private-cage-x", "private-player-1/../x"):
        assert ask(endpoint.url, token, channel)[0] == 403, channel
    assert ask(endpoint.url, None, CAGE_CHANNEL)[0] == 403
    assert ask(endpoint.url, str(uuid.uuid4()), CAGE_CHANNEL)[0] == 403
    assert ask(endpoint.url, token, CAGE_CHANNEL, socket_id="not-a-socket")[0] == 403
    # Only a terminal login can mint a token; only the relay host's login can look one up;
    # nobody reads the tokens table.
    refused(relay, "SELECT cage.feed_token()")
    refused(monitor, "SELECT cage.feed_token()")
    refused(terminal, "SELECT cage.feed_token_login(CAST(:t AS uuid))", {"t": token})
    refused(terminal, "SELECT * FROM feed_tokens")


def test_a_terminal_without_the_secret_hears_the_relays_events_and_a_forged_token_hears_nothing(
        cage_db, soketi, endpoint, relays):
    _, admin, logins = cage_db
    _, terminal = logins.as_group("terminal")
    _, relay_login = logins.as_group("relay")
    no_secret = settings_of(soketi, secret="", auth_endpoint=endpoint.url)
    honest, forged = Recorder(), Recorder()
    feed = PusherFeed(no_secret, ledger_fetch(terminal, "INR"), honest.on_balance, honest.on_state,
                      backoff=fast_backoff(), authorize=endpoint_authorizer(endpoint.url, TokenSource(terminal)), currency="INR")
    fake = PusherFeed(no_secret, ledger_fetch(terminal, "INR"), forged.on_balance, forged.on_state, backoff=fast_backoff(),
                      authorize=endpoint_authorizer(endpoint.url, lambda: str(uuid.uuid4())), currency="INR")
    feed.start()
    fake.start()
    try:
        wait_until(lambda: feed.state is FeedState.CONNECTED, 15, "the terminal's feed connected")
        wait_until(lambda: fake.state is FeedState.DOWN, 15, "a feed with a forged token is refused")
        player = make_player(admin)
        post(admin, cmd("deposit", player, "250", staff=CASHIER))
        relay = relays.make(relay_login, soketi)
        try:
            assert relay.drain() >= 1
        finally:
            relay.close()
        wait_until(lambda: player in honest.latest(), 10, "the event reached the terminal")
        assert str(honest.latest()[player].cash.amount) == "250.00"
        assert player not in forged.latest()
    finally:
        feed.stop()
        fake.stop()


def test_without_the_secret_no_one_publishes_a_fake_balance(soketi):
    publisher = Publisher(settings_of(soketi, secret="what-a-terminal-would-guess"))
    try:
        with pytest.raises(PublishFailed):
            publisher.trigger("private-player-179", "balance.updated",
                              {"playerId": "179", "version": 1_000_000, "cashBalance": "9999999.00"})
    finally:
        publisher.close()


def test_a_terminal_login_cannot_read_another_logins_token(cage_db):
    _, admin, logins = cage_db
    _, terminal = logins.as_group("terminal")
    _, other = logins.as_group("terminal")
    token = TokenSource(other)()
    with admin.connect() as conn:
        owner = conn.execute(text("SELECT db_login FROM feed_tokens WHERE token = CAST(:t AS uuid)"),
                             {"t": token}).scalar()
    assert owner == logins.logins[-1]
    refused(terminal, "SELECT token FROM feed_tokens")


def test_a_subscriber_cannot_write_a_players_channel_with_a_client_event(cage_db, soketi, endpoint):
    """The portal's channel is written by the relay only: a terminal that may read
    private-player-<id> sends a client event there; no other subscriber hears it."""
    from cashier_desktop.realtime.pusher_feed import PusherChannels
    from tests.realtime.conftest import Heard

    _, _, logins = cage_db
    _, terminal = logins.as_group("terminal")
    channel = f"private-player-{uuid.uuid4().hex[:8]}"
    no_secret = settings_of(soketi, secret="", auth_endpoint=endpoint.url)
    authorize = endpoint_authorizer(endpoint.url, TokenSource(terminal))
    writer, forged, real = Heard(), Heard(), Heard()
    subs = [PusherChannels(no_secret, [channel], on_event=writer.add, on_subscribed=writer.subscribed.set,
                           authorize=authorize, backoff=fast_backoff()),
            PusherChannels(no_secret, [channel], event="client-balance.updated", on_event=forged.add,
                           on_subscribed=forged.subscribed.set, authorize=authorize, backoff=fast_backoff()),
            PusherChannels(no_secret, [channel], on_event=real.add, on_subscribed=real.subscribed.set,
                           authorize=authorize, backoff=fast_backoff())]
    for s in subs:
        s.start()
    publisher = Publisher(settings_of(soketi))
    try:
        for h in (writer, forged, real):
            assert h.subscribed.wait(15)
        subs[0]._client.channels[channel].trigger(
            "client-balance.updated", {"playerId": "x", "version": 1_000_000, "cashBalance": "9999999.00"})
        publisher.trigger(channel, "balance.updated", {"probe": 1})  # the relay's, after the forgery
        wait_until(lambda: real.on(channel), 10, "the relay's event heard")
        wait_until(lambda: writer.on(channel), 10, "the writer hears the relay's event too")
        assert forged.on(channel) == [], "a client event reached another subscriber"
    finally:
        publisher.close()
        for s in subs:
            s.stop()
