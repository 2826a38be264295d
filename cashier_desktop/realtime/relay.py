"""The outbox relay: `balance_events` rows → Pusher `balance.updated`, at least once, in order.

One cycle is one transaction: claim the oldest unpublished rows (`FOR UPDATE SKIP
LOCKED`, a batch), publish them, mark the published ones, commit. A crash anywhere
before the commit leaves the rows unpublished and they are published again later
(duplicates, which subscribers drop by version); nothing is marked that the server did
not accept.

Order per player with several relays at once: SKIP LOCKED alone would let relay B
publish a player's version 6 while relay A still holds version 5. So a claimed row is
published only if no *earlier* unpublished row of the same player lies outside this
relay's claim (held by another relay, or skipped); such rows stay locked until this
transaction ends and are left for a later cycle. Within one relay, the batch is split
into lanes by player, each lane publishing its players' events in id order on its own
HTTP connection, so lanes run in parallel without reordering any player.

NOTIFY only wakes the relay; a timed poll is the backstop, the table the durable record.
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

import psycopg

from .feed_base import Backoff
from .pgconn import Connector
from .publisher import MAX_BATCH, PublishFailed, Publisher
from .sleepers import fall_asleep, wake_up

log = logging.getLogger(__name__)

# After work, poll this often for this long before sleeping on LISTEN (see sleepers.py).
HOT_SECONDS = 0.2
HOT_POLL = 0.001

# The relay's whole database API (migration 0011): it holds no UPDATE or DELETE on the
# outbox. The claim takes the oldest unpublished rows (FOR UPDATE SKIP LOCKED, in the
# caller's transaction) and flags those held back behind another relay's claim; the mark
# accepts only ids the claim handed this transaction; the prune deletes only published rows
# past the retention that every watch has already read.
CLAIM = "SELECT id, player_id, payload, lag, held_back FROM cage.relay_claim(%(n)s::integer)"
MARK = "SELECT cage.relay_mark_published(%s::bigint[])"
PRUNE = "SELECT cage.relay_prune(%s::integer, %s::integer)"
PRUNE_CHUNK = 5000
EVENTS_PER_CALL = MAX_BATCH // 2  # each event goes to two channels


@dataclass
class CycleResult:
    claimed: int = 0
    published: int = 0
    held_back: int = 0


@dataclass
class RelayStats:
    published: int = 0
    cycles: int = 0
    publish_failures: int = 0
    db_failures: int = 0
    pruned: int = 0
    lags: list[float] = field(default_factory=list)


class _Metrics:
    """Prometheus metrics on 127.0.0.1:`port` (relay.metrics_port; 0 = off)."""

    def __init__(self, port: int) -> None:
        from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server

        self.registry = CollectorRegistry()
        self.published = Counter("relay_events_published", "events published", registry=self.registry)
        self.failures = Counter("relay_failures", "publish or database failures", ["kind"],
                                registry=self.registry)
        self.lag = Histogram("relay_publish_lag_seconds", "outbox insert to publish",
                             buckets=(.002, .005, .01, .025, .05, .1, .25, 1, 5, 30), registry=self.registry)
        start_http_server(port, addr="127.0.0.1", registry=self.registry)


class Relay:
    """Drains the outbox. One instance per process; `run()` blocks until `stop()`.

    Callers must not share a Relay between threads except for `stop()`.
    """

    def __init__(self, connect: Connector, listen_connect: Connector,
                 make_publisher: Callable[[], Publisher], *, batch_size: int = 500,
                 retention_hours: int = 168, lanes: int = 4, poll_interval: float = 1.0,
                 prune_every: float = 300.0, metrics_port: int = 0,
                 backoff: Backoff | None = None) -> None:
        self._connect = connect
        self._listen_connect = listen_connect
        self.batch_size = max(1, batch_size)
        self.retention_hours = retention_hours
        self.poll_interval = poll_interval
        self.prune_every = prune_every
        self.publishers = [make_publisher() for _ in range(max(1, lanes))]
        self._pool = ThreadPoolExecutor(len(self.publishers), thread_name_prefix="relay-lane") \
            if len(self.publishers) > 1 else None
        self.backoff = backoff or Backoff(first=0.1, cap=5.0)
        self.stats = RelayStats()
        self.metrics = _Metrics(metrics_port) if metrics_port else None
        self._conn: psycopg.Connection | None = None
        self._listen: psycopg.Connection | None = None
        self._stop = threading.Event()
        self._last_prune = 0.0
        self._last_work = 0.0

    # -- connections ------------------------------------------------------------------
    def _work_conn(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            conn = self._connect()
            conn.execute("SET idle_in_transaction_session_timeout = '60s'")
            conn.execute("SET statement_timeout = '30s'")
            # Marking rows published need not wait for the WAL flush: a mark lost in a server
            # crash only means those events are published again (at least once, by version).
            conn.execute("SET synchronous_commit = off")
            conn.commit()
            self._conn = conn
        return self._conn

    def _listen_conn(self) -> psycopg.Connection:
        if self._listen is None or self._listen.closed:
            conn = self._listen_connect()
            conn.execute("LISTEN balance_events")
            self._listen = conn
        return self._listen

    def _drop_connections(self) -> None:
        for conn in (self._conn, self._listen):
            if conn is not None:
                try:
                    conn.close()
                except psycopg.Error:
                    pass
        self._conn = self._listen = None

    # -- one cycle --------------------------------------------------------------------
    def drain_once(self) -> CycleResult:
        """Claim, publish, mark, commit. Raises PublishFailed (after committing what was
        published) or psycopg.Error (nothing marked)."""
        conn = self._work_conn()
        result = CycleResult()
        failure: PublishFailed | None = None
        try:
            rows = conn.execute(CLAIM, {"n": self.batch_size}).fetchall()
            result.claimed = len(rows)
            ready = [r for r in rows if not r[4]]
            result.held_back = len(rows) - len(ready)
            done, failure = self._publish(ready)
            with conn.pipeline():  # mark and commit in one round trip
                if done:
                    conn.execute(MARK, (done,))
                conn.commit()
        except BaseException:
            if not conn.closed:
                try:
                    conn.rollback()
                except psycopg.Error:
                    pass
            raise
        result.published = len(done)
        accepted = set(done)
        self._count(result, [r[3] for r in ready if r[0] in accepted])
        if failure is not None:
            raise failure
        return result

    def _count(self, result: CycleResult, lags: list[float]) -> None:
        self.stats.cycles += 1
        self.stats.published += result.published
        if len(self.stats.lags) < 100_000:
            self.stats.lags.extend(lags)
        if self.metrics:
            self.metrics.published.inc(result.published)
            for lag in lags:
                self.metrics.lag.observe(lag)

    def _publish(self, rows: list) -> tuple[list[int], PublishFailed | None]:
        """Publish rows (id order); returns the ids accepted and the first failure."""
        if not rows:
            return [], None
        lanes: list[list] = [[] for _ in self.publishers]
        if len(rows) <= EVENTS_PER_CALL or self._pool is None:
            lanes[0] = rows
        else:
            for r in rows:
                lanes[zlib.crc32(r[1].encode()) % len(lanes)].append(r)
        work = [(i, lane) for i, lane in enumerate(lanes) if lane]
        if len(work) == 1:
            outcomes = [self._publish_lane(*work[0])]
        else:
            outcomes = list(self._pool.map(lambda w: self._publish_lane(*w), work))
        done = sorted(i for ids, _ in outcomes for i in ids)
        failures = [f for _, f in outcomes if f is not None]
        return done, failures[0] if failures else None

    def _publish_lane(self, lane: int, rows: list) -> tuple[list[int], PublishFailed | None]:
        publisher = self.publishers[lane]
        done: list[int] = []
        for start in range(0, len(rows), EVENTS_PER_CALL):
            chunk = rows[start:start + EVENTS_PER_CALL]
            try:
                publisher.publish([r[2] for r in chunk])
            except PublishFailed as exc:
                return done, exc  # later events of these players must wait: stop the lane
            done.extend(r[0] for r in chunk)
        return done, None

    def prune(self) -> int:
        """Delete published rows older than the retention that the watch has read; returns how many."""
        conn = self._work_conn()
        total = 0
        while True:
            n = conn.execute(PRUNE, (self.retention_hours, PRUNE_CHUNK)).fetchone()[0]
            conn.commit()
            total += n
            if n < PRUNE_CHUNK:
                break
        self.stats.pruned += total
        self._last_prune = time.monotonic()
        return total

    # -- loops ------------------------------------------------------------------------
    def drain(self, *, settle: float = 5.0) -> int:
        """Publish until nothing is left to claim (for `relay --once` and tests).

        Rows held back behind another relay's claim are waited for up to `settle` seconds.
        """
        total = 0
        deadline = time.monotonic() + settle
        while True:
            r = self.drain_once()
            total += r.published
            if r.claimed == 0:
                return total
            if r.published == 0:
                if time.monotonic() > deadline:
                    return total
                time.sleep(0.02)  # held back behind another relay: let it commit

    def _wait_for_wakeup(self, timeout: float) -> None:
        """Block until a NOTIFY or the timeout, registered as asleep (only then do postings
        NOTIFY: see realtime/sleepers.py). A NOTIFY is only a wake-up: one that arrived
        during the last drain costs at most one empty claim."""
        listen = self._listen_conn()
        fall_asleep(listen, "relay")
        try:
            # A change committed just before we registered sent no NOTIFY: look once more.
            if self.drain_once().claimed:
                self._last_work = time.monotonic()
                return
            for _ in listen.notifies(timeout=timeout, stop_after=1):
                break
        finally:
            wake_up(listen)

    def run(self) -> None:
        """Publish forever: wake on NOTIFY (poll as backstop), back off on outages."""
        while not self._stop.is_set():
            try:
                self._listen_conn()  # listen before draining: no wake-up lost in between
                r = self.drain_once()
                self.backoff.reset()
                if time.monotonic() - self._last_prune > self.prune_every:
                    self.prune()
                if r.claimed >= self.batch_size and r.published:
                    continue
                if r.held_back:
                    self._stop.wait(0.02)
                    continue
                if r.claimed:
                    self._last_work = time.monotonic()
                if time.monotonic() - self._last_work < HOT_SECONDS:
                    # Busy: poll rather than sleep, so postings need not NOTIFY (which
                    # would serialise their commits).
                    self._stop.wait(HOT_POLL)
                    continue
                self._wait_for_wakeup(self.poll_interval)
            except PublishFailed as exc:
                self.stats.publish_failures += 1
                if self.metrics:
                    self.metrics.failures.labels("pusher").inc()
                delay = self.backoff.delay()
                log.warning("relay: %s; retrying in %.1fs", exc, delay)
                self._stop.wait(delay)
            except psycopg.Error as exc:
                self.stats.db_failures += 1
                if self.metrics:
                    self.metrics.failures.labels("database").inc()
                self._drop_connections()
                delay = self.backoff.delay()
                log.warning("relay: database: %s; retrying in %.1fs",
                            str(exc).splitlines()[0] if str(exc) else type(exc).__name__, delay)
                self._stop.wait(delay)
            except Exception:  # noqa: BLE001 - a daemon: log, start afresh, never die silently
                log.exception("relay: unexpected failure; starting afresh")
                self._drop_connections()
                self._stop.wait(self.backoff.delay())
        self._drop_connections()

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self._drop_connections()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        for p in self.publishers:
            p.close()


def open_relay(config, engine, **overrides) -> Relay:
    """A relay for the configured Pusher app and the engine's database (ConfigError if
    Pusher is not configured: the relay would have nowhere to publish)."""
    from ..domain.errors import ConfigError
    from .pgconn import connector
    from .publisher import PusherSettings

    settings = PusherSettings.from_config(config)
    if settings is None or not settings.secret:
        raise ConfigError("Pusher is not configured (pusher.app_id, pusher.key, and the secret in the "
                          "keyring or CASHIER_PUSHER_SECRET): the relay has nowhere to publish.")
    kw = {"batch_size": config.get("relay.batch_size", 500),
          "retention_hours": config.get("relay.retention_hours", 168),
          "metrics_port": config.get("relay.metrics_port", 0)}
    kw.update({k: v for k, v in overrides.items() if v is not None})
    return Relay(connector(engine, application_name="cashier-desktop relay"),
                 connector(engine, application_name="cashier-desktop relay listen", autocommit=True),
                 lambda: Publisher(settings), **kw)
