"""Outbox consumers say when they sleep, so postings NOTIFY only then.

NOTIFY serialises every notifying commit database-wide, so the outbox trigger sends one
only while a row in `outbox_sleepers` says a consumer is blocked on LISTEN. Protocol for a
consumer on its autocommit LISTEN connection: `fall_asleep` (register), look for work once
more (a change committed just before registering sent no NOTIFY), wait for a NOTIFY or the
timeout, `wake_up`. Rows of dead backends are removed whenever anyone registers; a stale
row only costs extra NOTIFYs, never a missed change.

"Look once more" has a gap: a posting whose trigger checked `outbox_sleepers` before we
registered, but which commits after our look, sent no NOTIFY and was not seen. A poller
(relay, watch) finds it at its next timeout; a consumer that never polls (the live feed)
must wait for such writers with `writers_in_flight` / `settled` before it looks.
"""

from __future__ import annotations

import psycopg

_CLEAN = "DELETE FROM outbox_sleepers WHERE pid NOT IN (SELECT pid FROM pg_stat_activity)"
_REGISTER = """INSERT INTO outbox_sleepers (pid, name) VALUES (pg_backend_pid(), %s)
               ON CONFLICT (pid) DO UPDATE SET name = EXCLUDED.name, since = clock_timestamp()"""
_UNREGISTER = "DELETE FROM outbox_sleepers WHERE pid = pg_backend_pid()"
# Run after the registration has committed: the transactions that may have checked the
# sleepers before it and are still running (every posting has an xid: it writes).
_IN_FLIGHT = "SELECT pg_current_snapshot()::text"
_STILL_RUNNING = """SELECT count(*) FROM pg_snapshot_xip(CAST(%s AS pg_snapshot)) AS x
                    WHERE pg_xact_status(x) = 'in progress'"""


def fall_asleep(conn: psycopg.Connection, name: str) -> None:
    """Register this LISTEN connection as asleep (postings will NOTIFY)."""
    conn.execute(_CLEAN)
    conn.execute(_REGISTER, [name])


def wake_up(conn: psycopg.Connection) -> None:
    """Busy again: postings may stop NOTIFYing on our account."""
    conn.execute(_UNREGISTER)


def writers_in_flight(conn: psycopg.Connection) -> str:
    """The snapshot, taken after `fall_asleep` committed, whose running transactions may
    commit a change that sent no NOTIFY (autocommit connection)."""
    return conn.execute(_IN_FLIGHT).fetchone()[0]


def settled(conn: psycopg.Connection, snapshot: str) -> bool:
    """True once every transaction running at `snapshot` has ended: a look taken now sees
    whatever they committed."""
    return conn.execute(_STILL_RUNNING, [snapshot]).fetchone()[0] == 0
