"""Monitoring fixtures: a watch in a thread, soketi, subscribers to `integrity.alert`, services."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pytest

from cashier_desktop.config import load_config
from cashier_desktop.monitoring.metrics import MonitorMetrics
from cashier_desktop.monitoring.watch import Watch
from cashier_desktop.realtime.pusher_feed import PusherChannels
from cashier_desktop.terminal.services import open_services
from tests.realtime.conftest import (Heard, fast_backoff, relays, settings_of, soketi,  # noqa: F401
                                     subscribers, wait_until)
from tests.support.databases import login_as

__all__ = ["wait_until", "relays", "soketi", "subscribers"]


class WatchRunner:
    """Watches in threads for one test; stopped at teardown.

    A watch runs as the monitor login of its database, as in production (`db create-roles`
    is run on that database the first time); the engine passed in (a superuser's) is not
    the watch's."""

    def __init__(self) -> None:
        self.running: list[tuple[Watch, threading.Event, threading.Thread]] = []

    def start(self, engine, **kw) -> Watch:
        kw.setdefault("schedule", None)
        kw.setdefault("poll_seconds", 0.5)
        watch = Watch(login_as(engine, "monitor"), **kw)
        stop = threading.Event()
        t = threading.Thread(target=watch.run, args=(stop,), daemon=True, name="test-watch")
        t.start()
        self.running.append((watch, stop, t))
        assert watch.ready.wait(10), "the watch did not start"
        return watch

    def stop_all(self) -> None:
        for _w, stop, _t in self.running:
            stop.set()
        for w, _stop, t in self.running:
            t.join(10)
            if w.metrics is not None:
                w.metrics.close()
        self.running.clear()


@pytest.fixture
def watches():
    runner = WatchRunner()
    yield runner
    runner.stop_all()


def listen_alerts(server, event: str = "integrity.alert", channel: str = "private-cage") -> tuple[Heard, PusherChannels]:
    """A raw subscriber to `event` on `channel` (what a supervisor's screen hears)."""
    heard = Heard()
    ch = PusherChannels(settings_of(server), [channel], event=event, on_event=heard.add,
                        on_subscribed=heard.subscribed.set, backoff=fast_backoff())
    ch.start()
    assert heard.subscribed.wait(15), "alert subscriber did not get subscribed"
    return heard, ch


@pytest.fixture
def alert_listeners():
    opened: list[PusherChannels] = []

    def make(server, **kw) -> Heard:
        heard, ch = listen_alerts(server, **kw)
        opened.append(ch)
        return heard
    yield make
    for ch in opened:
        ch.stop()


@pytest.fixture
def make_services():
    """Terminal services on a test database (no journal), optionally pointed at soketi."""
    opened = []

    def make(url: str, *, server=None, terminal: str = "T-MON", **values):
        overrides = {"ledger.url": url, "terminal.id": terminal,
                     "terminal.data_dir": tempfile.mkdtemp(prefix="cashier-mon-"), **values}
        if server is not None:
            overrides.update(server.config_values())
        cfg = load_config(path=Path("/dev/null"), env={}, overrides=overrides)
        services = open_services(cfg, journal=False)
        opened.append(services)
        return services
    yield make
    for s in opened:
        s.close()


def new_metrics(engine) -> MonitorMetrics:
    return MonitorMetrics(engine)


@pytest.fixture(autouse=True)
def _release_connections(request):
    """Close a test database's pooled connections when its test ends: the server is shared."""
    engine = request.getfixturevalue("fresh_ledger")[1] if "fresh_ledger" in request.fixturenames else None
    yield
    if engine is not None:
        engine.dispose()
