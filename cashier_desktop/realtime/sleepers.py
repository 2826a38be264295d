"""Outbox consumers say when they sleep, so postings NOTIFY only then.

NOTIFY serialises every notifying commit database-wide, so the outbox trigger sends one
only while a row in `outbox_sleepers` says a consumer is blocked on LISTEN. Protocol for a
consumer on its autocommit LISTEN connection: `fall_asleep` (register), look for work once
more (a change committed just before registering sent no NOTIFY), wait for a NOTIFY or the
timeout, `wake_up`. Rows of dead backends are removed whenever anyone registers; a stale
row only costs extra NOTIFYs, never a missed change.
"""

from __future__ import annotations

import psycopg

_CLEAN = "DELETE FROM outbox_sleepers WHERE pid NOT IN (SELECT pid FROM pg_stat_activity)"
_REGISTER = """INSERT INTO outbox_sleepers (pid, name) VALUES (pg_backend_pid(), %s)
               ON CONFLICT (pid) DO UPDATE SET name = EXCLUDED.name, since = clock_timestamp()"""
_UNREGISTER = "DELETE FROM outbox_sleepers WHERE pid = pg_backend_pid()"


def fall_asleep(conn: psycopg.Connection, name: str) -> None:
    """Register this LISTEN connection as asleep (postings will NOTIFY)."""
    conn.execute(_CLEAN)
    conn.execute(_REGISTER, [name])


def wake_up(conn: psycopg.Connection) -> None:
    """Busy again: postings may stop NOTIFYing on our account."""
    conn.execute(_UNREGISTER)
