"""Realtime fixtures: a real soketi, a database of its own per test, relays in threads.

Each test gets its own database because a relay drains *every* outbox row of its
database; sharing one would make tests publish each other's events.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

import pytest

from cashier_desktop.realtime.feed_base import Backoff
from cashier_desktop.realtime.pgconn import connector
from cashier_desktop.realtime.publisher import Publisher, PusherSettings
from cashier_desktop.realtime.pusher_feed import PusherChannels
from cashier_desktop.realtime.relay import Relay
from tests.support.databases import is_admin, login_as
from tests.support.soketi import Soketi


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0, what: str = "condition",
               interval: float = 0.01) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not reached within {timeout}s")
        time.sleep(interval)


def settings_of(server: Soketi, **kw) -> PusherSettings:
    return PusherSettings(app_id=server.app_id, key=server.key, secret=kw.pop("secret", server.secret),
                          host=server.host, port=server.port, tls=False, **kw)


@pytest.fixture(scope="session")
def soketi():
    server = Soketi().start()
    yield server
    server.stop()


@pytest.fixture
def own_soketi():
    """A soketi of this test's own, to kill and restart."""
    server = Soketi().start()
    yield server
    server.stop()


@pytest.fixture
def rt_ledger(fresh_ledger):
    """A database of this test's own (`fresh_ledger`: demo staff, dropped after the test with
    its logins and connections; kept for the session, the realtime tests' databases ran the
    server out of connection slots)."""
    return fresh_ledger


@pytest.fixture
def rt_engine(rt_ledger):
    return rt_ledger[1]


def fast_backoff() -> Backoff:
    return Backoff(first=0.05, cap=0.5)


class RelayRunner:
    """Relays in threads for one test; all stopped at teardown."""

    def __init__(self) -> None:
        self.running: list[tuple[Relay, threading.Thread]] = []

    def make(self, engine, server: Soketi, **kw) -> Relay:
        """A relay connecting as its database's relay login, as in production; `engine` may
        be the test's superuser engine (then that login is made) or a login's already."""
        if is_admin(engine):
            engine = login_as(engine, "relay")
        settings = kw.pop("settings", None) or settings_of(server)
        kw.setdefault("poll_interval", 0.5)
        kw.setdefault("backoff", fast_backoff())
        return Relay(connector(engine, application_name="test relay"),
                     connector(engine, application_name="test relay listen", autocommit=True),
                     lambda: Publisher(settings), **kw)

    def start(self, engine, server: Soketi, **kw) -> Relay:
        relay = self.make(engine, server, **kw)
        t = threading.Thread(target=relay.run, daemon=True, name="test-relay")
        t.start()
        self.running.append((relay, t))
        return relay

    def stop_all(self) -> None:
        for relay, t in self.running:
            relay.stop()
        for relay, t in self.running:
            t.join(10)
            relay.close()
        self.running.clear()


@pytest.fixture
def relays():
    runner = RelayRunner()
    yield runner
    runner.stop_all()


@dataclass
class Heard:
    """What a raw subscriber heard: (channel, payload) in arrival order."""

    events: list[tuple[str, dict]] = field(default_factory=list)
    refused: list[tuple[str, Any]] = field(default_factory=list)
    subscribed: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, channel: str, data: dict) -> None:
        with self.lock:
            self.events.append((channel, data))

    def on(self, channel: str) -> list[dict]:
        with self.lock:
            return [d for c, d in self.events if c == channel]

    def versions_by_player(self, channel: str) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for d in self.on(channel):
            out[d["playerId"]].append(d["version"])
        return out


class Subscribers:
    def __init__(self) -> None:
        self.open: list[PusherChannels] = []

    def subscribe(self, server: Soketi, channels: list[str], *, secret: str | None = None,
                  wait: bool = True) -> tuple[Heard, PusherChannels]:
        heard = Heard()
        ch = PusherChannels(settings_of(server, secret=secret or server.secret), channels,
                            on_event=heard.add, on_subscribed=heard.subscribed.set,
                            on_refused=lambda c, d: heard.refused.append((c, d)),
                            backoff=fast_backoff())
        ch.start()
        self.open.append(ch)
        if wait:
            assert heard.subscribed.wait(15), "subscriber did not get subscribed"
        return heard, ch


@pytest.fixture
def subscribers():
    subs = Subscribers()
    yield subs
    for ch in subs.open:
        ch.stop()


class Recorder:
    """on_balance/on_state callbacks that remember everything, thread-safely."""

    def __init__(self) -> None:
        self.balances: list = []
        self.states: list = []
        self.lock = threading.Lock()

    def on_balance(self, b) -> None:
        with self.lock:
            self.balances.append(b)

    def on_state(self, s) -> None:
        with self.lock:
            self.states.append(s)

    def latest(self) -> dict:
        with self.lock:
            out = {}
            for b in self.balances:
                out[b.player_id] = b
            return out

    def versions(self, player_id: str) -> list[int]:
        with self.lock:
            return [b.version for b in self.balances if b.player_id == player_id]


@pytest.fixture
def recorder():
    return Recorder()
