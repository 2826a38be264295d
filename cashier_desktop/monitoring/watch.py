"""The integrity watch: every balance change checked against the ledger within seconds.

`cashier-desktop watch` is its own process (not part of the relay): it follows the outbox
by id with its own cursor (`monitor_cursors`, independent of the relay's `published_at`),
wakes on `LISTEN balance_events` and polls as a backstop, checks each changed player
(`checks.check_players`), raises alerts, and runs the full check on a schedule.

Following an outbox by id has one trap: ids are taken from a sequence before commit, so a
row with a lower id can become visible after a higher one. The watch remembers such gaps
with the snapshot's `xmax` and looks for them again until every transaction that could
still hold them has ended (snapshot `xmin` past that `xmax`): no committed change is
skipped, and rolled-back ids are forgotten.

A row deleted before the watch read it (attack 8 of issue 14) is not a rollback: the
outbox's delete trigger (migration 0011) records every row deleted ahead of the watch's
cursor in `outbox_deletions`, and the watch raises an `outbox_row_deleted` alert for it
(and checks that player). The watch never waits on a lock (attack 7): its connections
carry a `lock_timeout`, alerts take no row lock, and a step that makes no progress for
`stall_seconds` is cancelled and the watch starts afresh.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone

import psycopg
from sqlalchemy import exc as saexc
from sqlalchemy import text
from sqlalchemy.engine import Engine

from .alerts import Announcer, announce_pending, raise_alert
from .anchor import Anchorer
from .checks import IntegrityRun, PlayerFinding, run_full_check
from .metrics import MonitorMetrics
from .schedule import Schedule
from ..realtime.sleepers import fall_asleep, wake_up

log = logging.getLogger(__name__)

# After work, poll this often for this long before sleeping on LISTEN (realtime/sleepers.py).
HOT_SECONDS = 0.2
HOT_POLL = 0.02

CHANNEL = "balance_events"
# Never wait on someone else's lock, never run a statement for ever (attack 7).
WATCH_OPTIONS = "-c lock_timeout=500ms -c statement_timeout=30s"
FULL_CHECK_LOCK = 7217005

# One statement, one snapshot: the next outbox rows after the cursor (and any gaps still
# sought), the snapshot's xmin/xmax for the gap rule, and `player_checks` of their players.
_STEP = """
WITH snap AS MATERIALIZED (
    SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax
    FROM (SELECT pg_current_snapshot() AS s) x
), ev AS MATERIALIZED (
    (SELECT id, player_id, created_at FROM balance_events WHERE id > %(c)s ORDER BY id LIMIT %(n)s)
    UNION
    (SELECT id, player_id, created_at FROM balance_events WHERE id = ANY(CAST(%(g)s AS bigint[])))
), del AS MATERIALIZED (
    SELECT DISTINCT ON (d.event_id) d.event_id, d.player_id, d.version, d.deleted_by, d.deleted_at, d.published_at
    FROM outbox_deletions d
    WHERE d.event_id > %(c)s OR d.event_id = ANY(CAST(%(g)s AS bigint[]))
    ORDER BY d.event_id, d.id
), chk AS (
    SELECT d.player_id, d.check_name, d.expected, d.actual
    FROM players p CROSS JOIN LATERAL player_checks(p) d
    WHERE p.id IN (SELECT player_id FROM ev UNION SELECT player_id FROM del
                   UNION SELECT unnest(CAST(%(r)s AS text[])))
)
SELECT snap.xmin, snap.xmax,
    coalesce((SELECT json_agg(json_build_array(id, player_id,
        extract(epoch FROM clock_timestamp() - created_at))) FROM ev), '[]'::json),
    coalesce((SELECT json_agg(json_build_array(player_id, check_name, expected, actual)) FROM chk), '[]'::json),
    coalesce((SELECT json_agg(json_build_array(event_id, player_id, version, deleted_by, deleted_at,
        published_at)) FROM del), '[]'::json)
FROM snap
"""


@dataclass(frozen=True, slots=True)
class Change:
    """One outbox row as the watch sees it: id, player, seconds since it was written."""

    id: int
    player_id: str
    age: float


class Watch:
    """One watch. `run(stop)` loops until `stop` is set; `step()` checks one batch.

    Guarantees: every committed outbox row after the cursor is checked at least once; the
    cursor is saved only after its rows were checked and their alerts written. It never
    changes a balance. Not for use by two threads at once (the full check runs in its own
    thread, started by `run`).
    """

    def __init__(self, engine: Engine, *, name: str = "watch", publish: Announcer | None = None,
                 schedule: Schedule | None = Schedule(), metrics: MonitorMetrics | None = None,
                 poll_seconds: float = 1.0, batch_size: int = 2000, batch_window: float = 0.05,
                 save_every: float = 1.0, stall_seconds: float = 10.0,
                 anchor: "Anchorer | None" = None) -> None:
        self.engine = engine
        self.name = name
        self.publish = publish
        self.schedule = schedule
        self.metrics = metrics
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        # Under load, gather the changes of `batch_window` seconds into one check, and save
        # the cursor at most every `save_every` seconds: the watch must not cost the postings
        # a round trip each (a crash re-checks at most that much, which is harmless).
        self.batch_window = batch_window
        self.save_every = save_every
        self._unsaved = [0, 0, 0]  # events, checks, discrepant since the last save
        self._dirty = False
        self._last_save = 0.0
        self._last_observed = 0.0
        self._last_work = 0.0
        self.ready = threading.Event()
        # A step running longer than this is cancelled and the watch starts afresh.
        self.stall_seconds = stall_seconds
        self._step_since: float | None = None
        self.restarts = 0
        # Chain anchoring (monitoring/anchor.py): chain heads signed and exported hourly.
        self.anchor = anchor
        self.last_full_run: IntegrityRun | None = None
        self._cursor: int | None = None
        self._gaps: dict[int, int] = {}  # missing id -> snapshot xmax when first missed
        self._retry: set[str] = set()  # players whose alert could not be written last time
        self._pub_cursor: int | None = None
        self._listener: psycopg.Connection | None = None
        self._conn: psycopg.Connection | None = None

    # --- cursor ---------------------------------------------------------------------
    def _load_cursor(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("""INSERT INTO monitor_cursors (name, last_id)
                VALUES (:n, (SELECT coalesce(max(id), 0) FROM balance_events))
                ON CONFLICT (name) DO NOTHING"""), {"n": self.name})
            last_id, gaps = conn.execute(text("SELECT last_id, gaps FROM monitor_cursors WHERE name = :n"),
                                         {"n": self.name}).one()
        self._cursor = last_id
        self._gaps = {int(g): int(x) for g, x in (gaps or [])}

    def flush(self) -> None:
        """Save the cursor, its gaps and the hourly counts now."""
        if self._cursor is None:
            return
        with self.engine.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '500ms'"))
            self._save(conn, tuple(self._unsaved))
        self._unsaved = [0, 0, 0]
        self._dirty = False
        self._last_save = time.monotonic()

    def _save(self, conn, hourly: tuple) -> None:
        conn.execute(text("""UPDATE monitor_cursors SET last_id = :c, gaps = CAST(:g AS jsonb),
            updated_at = now() WHERE name = :n"""),
                     {"n": self.name, "c": self._cursor, "g": json.dumps(sorted(self._gaps.items()))})
        events, checks, bad = hourly
        if events or checks:
            conn.execute(text("""INSERT INTO watch_hourly (hour, events, checks, discrepant)
                VALUES (date_trunc('hour', now()), :e, :c, :d)
                ON CONFLICT (hour) DO UPDATE SET events = watch_hourly.events + EXCLUDED.events,
                    checks = watch_hourly.checks + EXCLUDED.checks,
                    discrepant = watch_hourly.discrepant + EXCLUDED.discrepant"""),
                         {"e": events, "c": checks, "d": bad})

    # --- one batch ------------------------------------------------------------------
    def _db(self) -> psycopg.Connection:
        """The watch's own autocommit connection: one round trip per step."""
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self._url(), autocommit=True, connect_timeout=5,
                                         application_name=f"cashier-desktop {self.name}",
                                         options=WATCH_OPTIONS)
        return self._conn

    def _fetch(self) -> tuple[list[Change], dict[str, list[PlayerFinding]], int, int]:
        """Next outbox rows (and sought gaps), and the check of their players: one snapshot.

        Rows deleted before the watch read them come back as changes too, each with an
        `outbox_row_deleted` finding for its player.
        """
        try:
            xmin, xmax, events, checks, deleted = self._db().execute(_STEP, {
                "c": self._cursor, "n": self.batch_size, "g": list(self._gaps),
                "r": sorted(self._retry)}).fetchone()
        except psycopg.Error:
            self._close_db()
            raise
        rows = sorted((Change(int(i), p, float(age)) for i, p, age in events), key=lambda r: r.id)
        findings: dict[str, list[PlayerFinding]] = {}
        for pid, check, expected, actual in checks:
            findings.setdefault(pid, []).append(PlayerFinding(pid, check, expected, actual))
        # With a full batch, a deletion beyond it waits for the batch that reaches it (the cursor
        # must not jump past rows not read yet).
        ceiling = max((r.id for r in rows), default=0) if len(events) >= self.batch_size else None
        for eid, pid, version, who, at, published in deleted:
            if ceiling is not None and int(eid) > ceiling:
                continue
            rows.append(Change(int(eid), pid, 0.0))
            findings.setdefault(pid, []).append(PlayerFinding(
                pid, "outbox_row_deleted", f"outbox event {eid} (version {version}) read by the watch",
                f"deleted by {who} at {at}" + ("" if published else " before it was published")))
        rows.sort(key=lambda r: r.id)
        return rows, findings, int(xmin), int(xmax)

    def step(self, *, flush: bool = True) -> int:
        """Check the players of the next batch of outbox rows; returns how many new rows.

        With `flush` (the default) the cursor is saved before returning; the loop passes
        False and saves every `save_every` seconds instead.
        """
        self._step_since = time.monotonic()  # the watchdog's reference (see `_watchdog`)
        try:
            return self._step(flush)
        finally:
            self._step_since = None

    def _step(self, flush: bool) -> int:
        if self._cursor is None:
            self._load_cursor()
        rows, findings, xmin, xmax = self._fetch()
        gaps_before = dict(self._gaps)
        new = [r for r in rows if r.id > self._cursor]
        for r in rows:
            self._gaps.pop(r.id, None)
        if new:
            seen = {r.id for r in new}
            for missing in range(self._cursor + 1, new[-1].id):
                if missing not in seen:
                    self._gaps[missing] = xmax
        # A gap no running transaction can still fill was a rollback: forget it.
        self._gaps = {g: x for g, x in self._gaps.items() if x > xmin}
        latest: dict[str, int] = {}
        for r in rows:
            latest[r.player_id] = max(r.id, latest.get(r.player_id, 0))
        bad = 0
        self._retry.clear()
        for pid, fs in findings.items():
            try:
                alert, created = raise_alert(self.engine, pid, fs, source="watch", event_id=latest.get(pid))
            except saexc.OperationalError as exc:
                # A lock someone holds (lock_timeout): check this player again next step, go on
                # with the others — one held row must not stall the watch (attack 7).
                log.warning("could not write the alert of player %s now (%s); retrying",
                            pid, str(exc.orig).splitlines()[0] if exc.orig else exc)
                self._retry.add(pid)
                continue
            bad += 1
            if created:
                log.warning("integrity alert %s raised: %s", alert.id, alert.summary())
                if self.metrics:
                    self.metrics.alerts_raised.inc()
        if bad:
            announce_pending(self.engine, self.publish)
        if self.metrics and rows:
            self.metrics.events_checked.inc(len(rows))
            self.metrics.players_checked.inc(len(latest))
            for r in rows:
                self.metrics.check_latency.observe(max(r.age, 0.0))
        if new:
            self._cursor = new[-1].id
        self._unsaved = [self._unsaved[0] + len(rows), self._unsaved[1] + len(latest), self._unsaved[2] + bad]
        self._dirty = self._dirty or bool(rows) or gaps_before != self._gaps
        if flush or (self._dirty and time.monotonic() - self._last_save >= self.save_every):
            self.flush()
        return len(new)

    # --- relay observation (metrics) -----------------------------------------------
    def observe_published(self) -> None:
        """Count rows the relay published since last time and their commit → published latency.

        A row is counted once, when the low-water mark of unpublished rows passes it.
        """
        if self.metrics is None:
            return
        with self.engine.connect() as conn:
            low = conn.execute(text("SELECT min(id) FROM balance_events WHERE published_at IS NULL")).scalar()
            high = (low - 1) if low is not None else conn.execute(
                text("SELECT coalesce(max(id), 0) FROM balance_events")).scalar()
            if self._pub_cursor is None or high < self._pub_cursor:
                self._pub_cursor = high
                return
            if high == self._pub_cursor:
                return
            rows = conn.execute(text("""SELECT id, extract(epoch FROM published_at - created_at)
                FROM balance_events WHERE id > :a AND id <= :b AND published_at IS NOT NULL
                ORDER BY id LIMIT 20000"""), {"a": self._pub_cursor, "b": high}).fetchall()
        for _id, seconds in rows:
            self.metrics.publish_latency.observe(max(float(seconds), 0.0))
        self.metrics.events_published.inc(len(rows))
        self._pub_cursor = rows[-1][0] if len(rows) == 20000 else high

    # --- the full check --------------------------------------------------------------
    def full_check(self, trigger: str = "manual") -> IntegrityRun:
        """Run the full check now and raise an alert for every failing player."""
        run = run_full_check(self.engine, trigger=trigger, anchor=self.anchor)
        self.last_full_run = run
        if self.metrics:
            self.metrics.full_checks.labels("clean" if run.clean else "findings").inc()
        for pid, fs in run.findings.items():
            alert, created = raise_alert(self.engine, pid, fs, source="full_check")
            if created:
                log.warning("integrity alert %s raised by the full check: %s", alert.id, alert.summary())
                if self.metrics:
                    self.metrics.alerts_raised.inc()
        announce_pending(self.engine, self.publish)
        return run

    def _last_scheduled(self) -> datetime | None:
        with self.engine.connect() as conn:
            # A run dated in the future is forged (attack 6): it must not stop the schedule.
            return conn.execute(text("""SELECT max(started_at) FROM integrity_runs
                WHERE trigger = 'schedule' AND finished_at IS NOT NULL
                  AND started_at <= now() AND finished_at <= now()""")).scalar()

    def run_scheduled_if_due(self) -> IntegrityRun | None:
        """Run the scheduled full check if it is due (one watch at a time, by advisory lock)."""
        if self.schedule is None:
            return None
        if not self.schedule.due(datetime.now(timezone.utc), self._last_scheduled()):
            return None
        with self.engine.connect() as conn:
            if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": FULL_CHECK_LOCK}).scalar():
                return None
            try:
                if not self.schedule.due(datetime.now(timezone.utc), self._last_scheduled()):
                    return None
                return self.full_check("schedule")
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": FULL_CHECK_LOCK})
                conn.commit()

    def anchor_if_due(self) -> None:
        """Sign and export the chain heads if the last anchor is older than its interval."""
        if self.anchor is not None:
            self.anchor.export_if_due(self.engine)

    def _scheduler(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self.anchor_if_due()
                self.run_scheduled_if_due()
                wait = 60.0
                if self.schedule is not None:
                    last = self._last_scheduled()
                    wait = (self.schedule.next_due(datetime.now(timezone.utc), last)
                            - datetime.now(timezone.utc)).total_seconds()
            except Exception:  # noqa: BLE001 - the schedule survives a ledger outage
                log.exception("scheduled full check failed; retrying")
                if self.metrics:
                    self.metrics.watch_errors.inc()
                wait = 30.0
            stop.wait(min(max(wait, 0.05), 60.0))

    # --- the loop -------------------------------------------------------------------
    def _url(self) -> str:
        return self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

    def _close_db(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001
                pass
            self._conn = None

    def close(self) -> None:
        """Close the watch's own connections (after `step()` calls made without `run`)."""
        self._close_listener()
        self._close_db()

    def __enter__(self) -> "Watch":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _listen(self) -> psycopg.Connection:
        conn = psycopg.connect(self._url(), autocommit=True, connect_timeout=5,
                               application_name=f"cashier-desktop {self.name} listen")
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _wait(self, timeout: float) -> None:
        assert self._listener is not None
        for _ in self._listener.notifies(timeout=timeout, stop_after=1):
            pass
        for _ in self._listener.notifies(timeout=0.0):  # drain: one step serves them all
            pass

    def _close_listener(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:  # noqa: BLE001
                pass
            self._listener = None

    def run(self, stop: threading.Event) -> None:
        """Loop until `stop` is set; survives ledger outages with backoff."""
        scheduler = None
        if self.schedule is not None or self.anchor is not None:
            scheduler = threading.Thread(target=self._scheduler, args=(stop,), name=f"{self.name}-schedule",
                                         daemon=True)
            scheduler.start()
        watchdog = threading.Thread(target=self._watchdog, args=(stop,), name=f"{self.name}-watchdog",
                                    daemon=True)
        watchdog.start()
        backoff = 0.5
        try:
            while not stop.is_set():
                try:
                    if self._listener is None:
                        self._listener = self._listen()
                    n = self.step(flush=False)
                    if time.monotonic() - self._last_observed >= 1.0:
                        self.observe_published()
                        self._last_observed = time.monotonic()
                    self.ready.set()
                    backoff = 0.5
                    if n >= self.batch_size:
                        continue  # more rows are waiting
                    if n and self.batch_window:
                        stop.wait(self.batch_window)  # let the next changes gather into one check
                        continue
                    if n:
                        self._last_work = time.monotonic()
                    if time.monotonic() - self._last_work < HOT_SECONDS:
                        stop.wait(HOT_POLL)  # busy: poll, so postings need not NOTIFY
                        continue
                    # Asleep: postings NOTIFY us (realtime/sleepers.py). Look once more for a
                    # change committed just before we registered, which sent none.
                    fall_asleep(self._listener, self.name)
                    try:
                        if self.step(flush=False):
                            self._last_work = time.monotonic()
                            continue
                        # While a gap may still fill, look again soon; a NOTIFY wakes us anyway.
                        self._wait(min(self.poll_seconds, 0.1) if self._gaps or self._retry else self.poll_seconds)
                    finally:
                        wake_up(self._listener)
                except Exception:  # noqa: BLE001 - keep watching after any failure
                    log.exception("watch step failed; retrying in %.1fs", backoff)
                    if self.metrics:
                        self.metrics.watch_errors.inc()
                    self._close_listener()
                    self._close_db()
                    stop.wait(backoff)
                    backoff = min(backoff * 2, 10.0)
        finally:
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - unsaved progress is only re-checked next time
                log.warning("could not save the watch's cursor on the way out")
            self._close_listener()
            self._close_db()
            if scheduler is not None:
                scheduler.join(timeout=5)
            watchdog.join(timeout=5)

    def _watchdog(self, stop: threading.Event) -> None:
        """Cancel a step that stopped making progress; the loop then starts afresh."""
        while not stop.wait(max(self.stall_seconds / 4, 0.05)):
            since = self._step_since
            if since is None or time.monotonic() - since < self.stall_seconds:
                continue
            conn = self._conn
            log.warning("watch step made no progress for %.0fs; cancelling it and starting afresh",
                        time.monotonic() - since)
            self.restarts += 1
            if self.metrics:
                self.metrics.watch_errors.inc()
            if conn is not None:
                try:
                    conn.cancel_safe(timeout=2.0)
                except Exception:  # noqa: BLE001 - the statement timeout is the backstop
                    pass
            self._step_since = time.monotonic()

