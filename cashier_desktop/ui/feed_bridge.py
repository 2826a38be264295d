"""The live balance feed, seen from the GUI thread: Qt signals only.

The feed (realtime/) calls back from its own worker thread. `FeedBridge` turns each call
into a signal of a QObject that lives on the GUI thread, so widgets are only ever touched
there (queued connections). It also keeps the union of the players each window shows,
because the feed watches one set for the whole terminal.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, Signal

from ..domain.receipts import Balance

log = logging.getLogger(__name__)


class FeedBridge(QObject):
    """Owns a feed; `balance(Balance)` and `state(str)` arrive on the GUI thread.

    Create on the GUI thread; call `start()` once and `stop()` before the app exits.
    """

    balance = Signal(object)
    state = Signal(str)

    def __init__(self, open_feed: Callable[[Callable, Callable], Any]) -> None:
        """`open_feed(on_balance, on_state)` builds the (not started) feed."""
        super().__init__()
        self._watched: dict[int, set[str]] = {}
        self._open_feed = open_feed
        self.feed: Any = None  # made at start(): the services may still be opening before
        self._started = False

    # feed thread → signal (never touch widgets here)
    def _from_feed_balance(self, balance: Balance) -> None:
        if shiboken6.isValid(self):
            self.balance.emit(balance)

    def _from_feed_state(self, state: Any) -> None:
        if shiboken6.isValid(self):
            self.state.emit(getattr(state, "value", str(state)))

    def start(self) -> None:
        if not self._started:
            self._started = True
            if self.feed is None:
                self.feed = self._open_feed(self._from_feed_balance, self._from_feed_state)
            self.feed.start()
            self._push()

    def stop(self) -> None:
        if self._started:
            self._started = False
            try:
                self.feed.stop()
            except Exception:  # noqa: BLE001 - stopping must not stop the exit
                log.exception("stopping the feed failed")

    def watch_only(self, owner: QObject, player_ids: list[str]) -> None:
        """The players `owner` shows now (replacing what it showed before)."""
        key = id(owner)
        if key not in self._watched:
            owner.destroyed.connect(lambda _=None, k=key: self._forget(k))
        self._watched[key] = set(player_ids)
        self._push()

    def _forget(self, key: int) -> None:
        self._watched.pop(key, None)
        self._push()

    def _push(self) -> None:
        union: set[str] = set().union(*self._watched.values()) if self._watched else set()
        if self._started:
            self.feed.watch(union)

    def last_event_age(self) -> float | None:
        return self.feed.last_event_age() if self.feed is not None else None


def connect_status(bridge: FeedBridge, status: Any) -> None:
    """Mirror the feed's state and its events into the terminal status model."""
    bridge.state.connect(status.set_feed_state)
    bridge.balance.connect(lambda _b: status.feed_event())
