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
    """The terminal's feed, started on demand (`start()`, `stop()`, `watch(ids)`, `state`,
    `last_event_age()`), and from now on `services.live_feed` (the heartbeat reports the one opened last).

    Every event it hears is acknowledged in the terminal's next heartbeat.
    """
    from ..realtime.feeds import open_feed
    feed = open_feed(services.config, services.engine, on_balance, on_state)
    feed.on_heard = services.heartbeat.note_event
    services.live_feed = feed
    services.on_close(feed.stop)  # stopping twice is harmless: the GUI stops it first
    return feed


def send_heartbeat(services: Services, *, staff_id: str | None) -> int:
    """Tell the dashboard this terminal is alive (who, pending entries, entries the ledger
    refused on replay, the state of its live feed and the age of the feed's last event, acks).

    Runs on a worker: it writes to the ledger. Returns the acknowledgements sent.
    """
    feed = services.live_feed
    state = feed.state if feed is not None else None
    link = services.local.link
    return services.heartbeat.beat(
        staff_id=staff_id, pending_entries=services.local.pending_count(),
        # notify: the screen, too, learns of refusals resolved meanwhile (`journal resolve`)
        refused_entries=len(link.notify().refused) if link is not None else None,
        on_allowance=link.learn_allowance if link is not None else None,  # an operator's change, too
        feed_state=getattr(state, "value", state),
        last_event_age_s=feed.last_event_age() if feed is not None else None)


def warm_imports() -> None:
    """Import the feed's stack (pysher, psycopg) ahead of time, off the GUI thread."""
    from ..realtime import feeds  # noqa: F401
