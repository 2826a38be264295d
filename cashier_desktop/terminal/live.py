"""The terminal's live balance feed: Pusher when configured, else LISTEN/NOTIFY.

The GUI reaches the feed through here (ui/ imports terminal/ only); callbacks arrive on
the feed's own thread, and the GUI turns them into Qt signals.
"""

from __future__ import annotations

from typing import Callable

from ..domain.receipts import Balance
from .services import Services


def open_live_feed(services: Services, on_balance: Callable[[Balance], None],
                   on_state: Callable | None = None):
    """A started-on-demand feed (`start()`, `stop()`, `watch(ids)`, `state`, `last_event_age()`)."""
    from ..realtime.feeds import open_feed
    return open_feed(services.config, services.engine, on_balance, on_state)


def warm_imports() -> None:
    """Import the feed's stack (pysher, psycopg) ahead of time, off the GUI thread."""
    from ..realtime import feeds  # noqa: F401
