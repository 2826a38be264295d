"""What every balance feed shares: its state, one worker thread, the version-ordered view.

A transport (pysher, LISTEN/NOTIFY) runs in threads of its own and only *queues* what it
hears; the feed's worker thread applies it to the `BalanceView`, does the refetches and
calls the user's callbacks. So callbacks always come from one thread, in order, and a
slow refetch never stalls the socket. Callers must not block in the callbacks: the GUI
wraps them in Qt signals.
"""

from __future__ import annotations

import abc
import enum
import logging
import queue
import threading
import time
from typing import Any, Callable

from ..domain.receipts import Balance
from .view import BalanceView, Fetch, balance_from_payload

# While idle, the worker fetches again players whose refetch failed this often.
STALE_RETRY_SECONDS = 2.0

log = logging.getLogger(__name__)


class FeedState(str, enum.Enum):
    """What the status bar shows. `DOWN`: no connection for `down_after` seconds or the
    server refuses us (wrong key/secret); the feed keeps retrying with backoff anyway."""

    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    DOWN = "down"
    STOPPED = "stopped"


OnState = Callable[[FeedState], None]
_STOP = object()


class Backoff:
    """Exponential backoff with a cap; `reset()` after a connection that proved healthy."""

    def __init__(self, first: float = 0.2, cap: float = 5.0) -> None:
        self.first, self.cap, self.next = first, cap, first

    def delay(self) -> float:
        d = self.next
        self.next = min(self.cap, self.next * 2)
        return d

    def reset(self) -> None:
        self.next = self.first


class FeedCore(abc.ABC):
    """State, worker thread and view; transports subclass it and implement `_open/_close`."""

    source = "feed"

    def __init__(self, fetch: Fetch, on_balance: Callable[[Balance], None],
                 on_state: OnState | None = None, *, currency: str, down_after: float = 15.0) -> None:
        self.currency = currency  # the cage's: events carry bare amounts, all in it
        self._on_balance = on_balance
        self._on_state = on_state or (lambda _s: None)
        # Called with (player_id, version) for every event heard, refetches excluded: the
        # terminal acknowledges these in its heartbeat (commit → terminal latency).
        self.on_heard: Callable[[str, int], None] | None = None
        self.view = BalanceView(fetch, self._deliver)
        self.state = FeedState.CONNECTING
        self.down_after = down_after
        self.connects = 0  # successful (re)connects, for tests and the status bar tooltip
        self._last_event: float | None = None
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._worker = threading.Thread(target=self._work, name=f"{self.source}-feed", daemon=True)

    # -- the public interface (any thread) --------------------------------------------
    def start(self) -> None:
        self._worker.start()
        self._open()

    def stop(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._close()
        self._queue.put((_STOP, None))
        if self._worker.is_alive() and self._worker is not threading.current_thread():
            self._worker.join(timeout=10)
        self._set_state_now(FeedState.STOPPED)

    def watch(self, player_ids: set[str]) -> None:
        """The players on screen: fetched now (on the feed's thread) and after each reconnect."""
        self._queue.put((self._do_watch, set(player_ids)))

    def last_event_age(self) -> float | None:
        """Seconds since the last balance event was heard (None: none yet)."""
        return None if self._last_event is None else time.monotonic() - self._last_event

    # -- for transports (their own threads) ------------------------------------------
    def _heard(self, payload: Any) -> None:
        self._last_event = time.monotonic()
        self._queue.put((self._do_event, payload))

    def _connected(self) -> None:
        """Subscribed (again): refetch the watched players, then report CONNECTED."""
        self.connects += 1
        self._queue.put((self._do_connected, None))

    def _set_state(self, state: FeedState) -> None:
        self._queue.put((self._set_state_now, state))

    @abc.abstractmethod
    def _open(self) -> None:
        """Start the transport's threads (connect with backoff, forever until `_close`)."""

    @abc.abstractmethod
    def _close(self) -> None:
        """Stop the transport's threads; called once, from `stop()`."""

    # -- the worker thread -----------------------------------------------------------
    def _work(self) -> None:
        while True:
            try:
                fn, arg = self._queue.get(timeout=STALE_RETRY_SECONDS)
            except queue.Empty:
                fn, arg = self._retry_stale, None
            if fn is _STOP:
                return
            try:
                fn(arg)
            except Exception:  # noqa: BLE001 - a bad callback must not kill the feed
                log.exception("%s feed: handling %s failed", self.source, getattr(fn, "__name__", fn))

    def _set_state_now(self, state: FeedState) -> None:
        if state is self.state:
            return
        self.state = state
        self._on_state(state)

    def _deliver(self, balance: Balance) -> None:
        self._on_balance(balance)

    def _do_event(self, payload: Any) -> None:
        try:
            balance = balance_from_payload(payload, self.currency)
        except ValueError:
            pid = payload.get("playerId") if isinstance(payload, dict) else None
            log.warning("%s feed: unreadable event %.200r; refetching", self.source, payload)
            if pid:
                self.view.refetch([str(pid)])
            return
        if self.on_heard is not None:
            try:
                self.on_heard(balance.player_id, balance.version)
            except Exception:  # noqa: BLE001 - an acknowledgement must never stop the feed
                log.exception("%s feed: on_heard failed", self.source)
        self.view.apply(balance)

    def _retry_stale(self, _arg: Any) -> None:
        if self.state is FeedState.CONNECTED:
            self.view.retry_stale()

    def _do_watch(self, player_ids: set[str]) -> None:
        added = self.view.watch(player_ids)
        self.view.refetch(added)

    def _do_connected(self, _arg: Any) -> None:
        self.view.reconnected()
        self._set_state_now(FeedState.CONNECTED)
