"""Terminal heartbeats and feed acknowledgements, for the supervisor's dashboard.

A terminal calls `Heartbeat.beat(...)` every `monitor.heartbeat_seconds` (the GUI from its
worker, the CLI from a loop): it says the terminal is alive, who is logged in, how many
journal entries are pending and the feed's state. `note_event(player, version)` is called
by the feed handler for every `balance.updated` it receives; the next beat sends these
acknowledgements, and the dashboard joins them with the outbox to get commit → terminal
latency. `note_event` is cheap and thread-safe; only `beat` does I/O (never on the GUI
thread).
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy.engine import Engine

from .. import __version__
from ..ledger.db import warn_if_gui_thread
from ..ledger.heartbeats import record_heartbeat

log = logging.getLogger(__name__)

MAX_BUFFERED = 5000


class Heartbeat:
    """One terminal's heartbeat sender. Acks beyond `MAX_BUFFERED` between beats are dropped."""

    def __init__(self, engine: Engine, terminal_id: str) -> None:
        self.engine = engine
        self.terminal_id = terminal_id
        self._acks: list[tuple[str, int, datetime]] = []
        self._lock = threading.Lock()

    def note_event(self, player_id: str, version: int, received_at: datetime | None = None) -> None:
        """Remember that this terminal received `player_id`'s event at `version`."""
        with self._lock:
            if len(self._acks) < MAX_BUFFERED:
                self._acks.append((str(player_id), int(version), received_at or datetime.now(timezone.utc)))

    def beat(self, *, staff_id: str | None = None, pending_entries: int = 0, feed_state: str | None = None,
             last_event_age_s: float | None = None, refused_entries: int | None = None,
             on_allowance: "Callable[[tuple], None] | None" = None) -> int:
        """Report liveness and send buffered acknowledgements; returns how many acks were sent.

        On failure the acks are kept for the next beat and the error is raised (mapped:
        `LedgerUnavailable` when the ledger is down).
        """
        warn_if_gui_thread("heartbeat")
        with self._lock:
            acks, self._acks = self._acks, []
        try:
            allowance = record_heartbeat(
                self.engine, self.terminal_id, staff_id=staff_id, pending_entries=pending_entries,
                feed_state=feed_state, last_event_age_s=last_event_age_s, version=__version__,
                acks=acks, refused_entries=refused_entries)
        except BaseException:  # keep the acks for the next beat; the error is already mapped
            with self._lock:
                self._acks = (acks + self._acks)[:MAX_BUFFERED]
            raise
        if allowance is not None and on_allowance is not None:
            on_allowance(allowance)  # the login's offline allowance, as of this beat
        return len(acks)

