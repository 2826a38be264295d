"""The balance feed without Pusher: PostgreSQL LISTEN/NOTIFY (demo and single-site installs).

The outbox trigger NOTIFYs `balance_events` with the player id after every balance change.
A NOTIFY is only a wake-up: the feed then fetches those players from the ledger, so what
it reports is always the committed state. Notifications that arrive together are
coalesced into one fetch. After every (re)connect of the LISTEN connection the watched
players are fetched again (notifications sent while disconnected are lost) — once the
postings that were running as we registered have ended, since those sent no NOTIFY (see
sleepers.py); a writer that runs longer than `settle` gets a second fetch when it ends.
"""

from __future__ import annotations

import logging
import threading
import time

import psycopg
from sqlalchemy.engine import Engine

from .feed_base import Backoff, FeedCore, FeedState, OnState
from .pgconn import Connector, connector
from .sleepers import fall_asleep, settled, writers_in_flight
from .view import Fetch

log = logging.getLogger(__name__)

CHANNEL = "balance_events"
# How long a (re)connected feed keeps waiting for a writer that was running as it registered;
# longer than any posting's statement timeout (ledger/db.py).
WRITER_WAIT_S = 60.0


class PgFeed(FeedCore):
    """Balance feed over LISTEN/NOTIFY; same interface and guarantees as `PusherFeed`."""

    source = "pg"

    def __init__(self, connect: Connector | Engine, fetch: Fetch, on_balance,
                 on_state: OnState | None = None, *, currency: str, backoff: Backoff | None = None,
                 down_after: float = 15.0, poll: float = 0.5, settle: float = 2.0) -> None:
        super().__init__(fetch, on_balance, on_state, currency=currency, down_after=down_after)
        if isinstance(connect, Engine):
            connect = connector(connect, application_name="cashier-desktop feed", autocommit=True)
        self._connect = connect
        self.backoff = backoff or Backoff()
        self.poll = poll
        self.settle = settle
        self._pending: set[str] = set()
        self._pending_lock = threading.Lock()
        self._conn: psycopg.Connection | None = None
        self._thread = threading.Thread(target=self._listen, name="pg-feed", daemon=True)

    def _open(self) -> None:
        self._thread.start()

    def _close(self) -> None:
        self._thread.join(timeout=self.poll * 4 + 5)

    def _listen(self) -> None:
        lost_at = time.monotonic()
        ever = False
        while not self._stopping.is_set():
            up = False
            try:
                with self._connect() as conn:
                    self._conn = conn
                    conn.execute(f"LISTEN {CHANNEL}")
                    # A feed only listens, so it is always "asleep": postings NOTIFY it.
                    fall_asleep(conn, "feed")
                    in_flight = self._await_writers(conn, writers_in_flight(conn))
                    ever = up = True
                    self._connected()
                    connected_at = time.monotonic()
                    next_check = connected_at + self.settle
                    while not self._stopping.is_set():
                        for n in conn.notifies(timeout=self.poll):
                            self._notified(n.payload)
                            if self._stopping.is_set():
                                break
                        # The snapshot is the whole server's: a long transaction of another
                        # database keeps it unsettled, so look every `settle` seconds and at
                        # most for WRITER_WAIT_S (a posting ends within its statement
                        # timeout), then fetch again. A NOTIFY the driver dropped while this
                        # check ran is of a commit that the fetch sees anyway.
                        now = time.monotonic()
                        if in_flight is not None and now >= next_check:
                            next_check = now + self.settle
                            if now - connected_at > WRITER_WAIT_S or settled(conn, in_flight):
                                in_flight = None  # the long writer ended: look again
                                self._queue.put((self._do_refetch_watched, None))
                        if time.monotonic() - connected_at > 5:
                            self.backoff.reset()
            except psycopg.Error as exc:
                if self._stopping.is_set():
                    break
                if up:
                    lost_at = time.monotonic()
                down = time.monotonic() - lost_at >= self.down_after
                self._set_state(FeedState.DOWN if down else
                                FeedState.RECONNECTING if ever else FeedState.CONNECTING)
                delay = self.backoff.delay()
                log.info("pg feed: %s; reconnecting in %.1fs", str(exc).splitlines()[0] if str(exc) else exc, delay)
                self._stopping.wait(delay)
            finally:
                self._conn = None

    def _await_writers(self, conn: psycopg.Connection, snapshot: str) -> str | None:
        """Wait up to `settle` seconds for the postings running at `snapshot` to end; the
        snapshot if some still run (the listen loop then fetches again when they end)."""
        deadline = time.monotonic() + self.settle
        while not settled(conn, snapshot):
            if time.monotonic() >= deadline or self._stopping.wait(0.01):
                return snapshot
        return None

    def _do_refetch_watched(self, _arg: object) -> None:
        self.view.reconnected()

    def _notified(self, player_id: str) -> None:
        self._last_event = time.monotonic()
        with self._pending_lock:
            first = not self._pending
            self._pending.add(player_id)
        if first:
            self._queue.put((self._do_fetch_notified, None))

    def _do_fetch_notified(self, _arg: object) -> None:
        with self._pending_lock:
            ids, self._pending = self._pending, set()
        before = {pid: self.view.known.get(pid) for pid in ids}
        self.view.refetch(ids)
        if self.on_heard is not None:
            # A NOTIFY carries only the player: the fetched version is what this terminal heard.
            for pid in ids:
                version = self.view.known.get(pid)
                if version is not None and version != before[pid]:
                    try:
                        self.on_heard(pid, version)
                    except Exception:  # noqa: BLE001 - an acknowledgement must never stop the feed
                        log.exception("pg feed: on_heard failed")
