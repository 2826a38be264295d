"""The audit log: who did what, when, from which terminal. Append-only in the database.

0001 makes `audit_log` refuse UPDATE, DELETE and TRUNCATE whoever asks; this module only
ever inserts and reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from .db import map_error, warn_if_gui_thread

_INSERT = text("""INSERT INTO audit_log (staff_id, terminal_id, action, detail)
                  VALUES (:s, :t, :a, CAST(:d AS jsonb)) RETURNING id""")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    staff_id: str | None
    terminal_id: str | None
    action: str
    detail: dict
    db_user: str


def append(conn: Connection, action: str, *, staff_id: str | None = None, terminal_id: str | None = None,
           detail: dict | None = None) -> int:
    """Add one entry inside the caller's transaction (so it commits with what it records)."""
    return conn.execute(_INSERT, {"s": staff_id, "t": terminal_id, "a": action,
                                  "d": json.dumps(detail or {}, default=str, sort_keys=True)}).scalar_one()


def record(engine: Engine, action: str, *, staff_id: str | None = None, terminal_id: str | None = None,
           detail: dict | None = None) -> int:
    """Add one entry in its own transaction."""
    warn_if_gui_thread("audit.record")
    try:
        with engine.begin() as conn:
            return append(conn, action, staff_id=staff_id, terminal_id=terminal_id, detail=detail)
    except Exception as exc:  # noqa: BLE001
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc


def entries(engine: Engine, *, staff_id: str | None = None, action: str | None = None,
            since_id: int = 0, limit: int = 500) -> list[AuditEntry]:
    """Entries in order, optionally for one staff member or one action, after `since_id`."""
    warn_if_gui_thread("audit.entries")
    with engine.connect() as conn:
        rows = conn.execute(text("""
            SELECT id, at, staff_id, terminal_id, action, detail, db_user FROM audit_log
            WHERE id > :since AND (CAST(:s AS text) IS NULL OR staff_id = :s)
              AND (CAST(:a AS text) IS NULL OR action = :a)
            ORDER BY id LIMIT :n"""), {"since": since_id, "s": staff_id, "a": action, "n": limit}).fetchall()
    return [AuditEntry(*r) for r in rows]


def last_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT COALESCE(max(id), 0) FROM audit_log")).scalar_one()
