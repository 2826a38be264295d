"""The terminal's feed over Pusher Channels (or soketi), through pysher.

pysher is in maintenance mode and its reconnect logic cannot be trusted: with
`auto_sub=True` it resubscribes private channels with the *old* socket's auth (refused),
and on some close codes it reconnects in a tight loop or gives up for good. So each
pysher client here lives for exactly one socket: `PusherChannels` runs a supervisor
thread that creates a client, subscribes every channel with auth signed for *that*
socket id when `pusher:connection_established` arrives, waits until the socket dies, and
starts a new client after a backoff. After every subscription the feed refetches the
watched players, because Pusher keeps no history.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from typing import Any, Callable

import pysher

from .feed_base import Backoff, FeedCore, FeedState, OnState
from .publisher import CAGE_CHANNEL, EVENT, PusherSettings
from .view import Fetch

log = logging.getLogger(__name__)

OnEvent = Callable[[str, Any], None]  # (channel, decoded data)


def channel_auth(key: str, secret: str, socket_id: str, channel: str) -> str:
    """Private-channel auth as Pusher defines it: key:HMAC-SHA256(secret, socket_id:channel)."""
    sig = hmac.new(secret.encode(), f"{socket_id}:{channel}".encode(), hashlib.sha256).hexdigest()
    return f"{key}:{sig}"


class PusherChannels:
    """Subscribed private channels that survive reconnects. Callbacks run on pysher's thread.

    `on_event(channel, data)` for each `event` message; `on_subscribed()` once all channels
    are subscribed on a new socket; `on_refused(channel, data)` when the server refuses a
    subscription (wrong signature); `on_state(state)` on connection changes. Callers must
    not block in them.
    """

    def __init__(self, settings: PusherSettings, channels: list[str], *, on_event: OnEvent,
                 event: str = EVENT, on_subscribed: Callable[[], None] | None = None,
                 on_refused: Callable[[str, Any], None] | None = None,
                 on_state: Callable[[FeedState], None] | None = None,
                 backoff: Backoff | None = None, healthy_after: float = 5.0,
                 down_after: float = 15.0, authorize: "Callable[[str, str], str] | None" = None) -> None:
        self.settings = settings
        # How a subscription is signed: by the relay host's endpoint for a terminal
        # (realtime/feed_auth.py), locally only where the secret is (the relay host, tests).
        self.authorize = authorize or (lambda socket_id, name: channel_auth(
            settings.key, settings.secret, socket_id, name))
        self.channels = list(channels)
        self.event = event
        self.on_event = on_event
        self.on_subscribed = on_subscribed or (lambda: None)
        self.on_refused = on_refused or (lambda _c, _d: None)
        self.on_state = on_state or (lambda _s: None)
        self.backoff = backoff or Backoff()
        self.healthy_after = healthy_after
        self.down_after = down_after
        self.socket_id: str | None = None
        self.sessions = 0
        self.refused = False
        self._client: pysher.Pusher | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._supervise, name="pusher-feed", daemon=True)

    def start(self) -> "PusherChannels":
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        client = self._client
        if client is not None and client.connection.socket is not None:
            client.connection.socket.close()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    # -- supervisor ----------------------------------------------------------------------
    def _new_client(self) -> pysher.Pusher:
        s = self.settings
        kw: dict[str, Any] = {"secure": s.tls, "port": s.port or (443 if s.tls else 80),
                              "auto_sub": False, "log_level": logging.WARNING, "daemon": True}
        if s.host:
            kw["custom_host"] = s.host
        elif s.cluster:
            kw["cluster"] = s.cluster
        client = pysher.Pusher(s.key, secret=s.secret, **kw)
        conn = client.connection
        # One socket per client: pysher's own reconnect loop never runs (see module doc).
        conn.disconnect_called = True
        conn.bind("pusher:connection_established", self._on_established, client)
        conn.bind("pusher:error", self._on_pusher_error)
        return client

    def _supervise(self) -> None:
        lost_at = time.monotonic()
        ever_connected = False
        while not self._stop.is_set():
            client = self._new_client()
            self._client = client
            self.sessions += 1
            started = time.monotonic()
            client.connect()
            while client.connection.is_alive() and not self._stop.is_set():
                client.connection.join(0.2)
            if self._stop.is_set():
                break
            lived = time.monotonic() - started
            if self.socket_id is not None:  # this session did connect
                ever_connected = True
                lost_at = time.monotonic()
                self.socket_id = None
                if lived >= self.healthy_after:
                    self.backoff.reset()
            down = self.refused or time.monotonic() - lost_at >= self.down_after
            self.on_state(FeedState.DOWN if down else
                          FeedState.RECONNECTING if ever_connected else FeedState.CONNECTING)
            delay = self.backoff.delay()
            log.info("pusher feed: socket closed after %.1fs; reconnecting in %.1fs", lived, delay)
            self._stop.wait(delay)
        client = self._client
        if client is not None and client.connection.socket is not None:
            client.connection.socket.close()
            client.connection.join(2)

    # -- pysher's thread -----------------------------------------------------------------
    def _on_established(self, data: Any, client: pysher.Pusher) -> None:
        socket_id = json.loads(data)["socket_id"] if isinstance(data, str) else data["socket_id"]
        self.socket_id = socket_id
        self.refused = False
        pending = set(self.channels)
        lock = threading.Lock()

        def subscribed(_data: Any, name: str) -> None:
            with lock:
                pending.discard(name)
                done = not pending
            if done:
                self.on_subscribed()

        def refused(data: Any, name: str) -> None:
            self.refused = True
            log.error("pusher feed: subscription to %s refused: %s", name, data)
            self.on_refused(name, data)

        for name in self.channels:
            try:
                auth = self.authorize(socket_id, name)
            except Exception as exc:  # noqa: BLE001 - refused or unreachable: the feed is down, retried
                refused(str(exc), name)
                if client.connection.socket is not None:
                    client.connection.socket.close()
                return
            ch = client.subscribe(name, auth=auth)
            ch.bind("pusher_internal:subscription_succeeded", subscribed, name)
            ch.bind("pusher:subscription_error", refused, name)
            ch.bind(self.event, self._on_channel_event, name)

    def _on_channel_event(self, data: Any, channel: str) -> None:
        try:
            decoded = json.loads(data) if isinstance(data, str) else data
        except ValueError:
            log.warning("pusher feed: undecodable event on %s: %.200r", channel, data)
            return
        self.on_event(channel, decoded)

    def _on_pusher_error(self, data: Any) -> None:
        code = data.get("code") if isinstance(data, dict) else None
        log.warning("pusher feed: server error %s", data)
        if isinstance(code, int) and 4000 <= code < 4100:
            self.refused = True  # wrong app key or similar: retrying unchanged will not help


class PusherFeed(FeedCore):
    """Balance feed over Pusher: subscribes `private-cage` (a cage terminal sees every player)."""

    source = "pusher"

    def __init__(self, settings: PusherSettings, fetch: Fetch, on_balance, on_state: OnState | None = None,
                 *, currency: str, channels: list[str] | None = None, backoff: Backoff | None = None,
                 down_after: float = 15.0, authorize: "Callable[[str, str], str] | None" = None) -> None:
        super().__init__(fetch, on_balance, on_state, currency=currency, down_after=down_after)
        self.channels = PusherChannels(
            settings, channels or [CAGE_CHANNEL], on_event=lambda _ch, data: self._heard(data),
            on_subscribed=self._connected, on_state=self._set_state, backoff=backoff, authorize=authorize,
            down_after=down_after, on_refused=lambda _ch, _data: self._set_state(FeedState.DOWN))

    def _open(self) -> None:
        self.channels.start()

    def _close(self) -> None:
        self.channels.stop()
