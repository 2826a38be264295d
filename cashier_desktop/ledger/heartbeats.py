"""A terminal's heartbeat in the ledger: one call of the database API (migration 0011).

`cage.terminal_heartbeat` stamps the calling login on the row and refuses a terminal id
another login reports for; the acknowledgements of the balance events the terminal heard
go in the same call (the dashboard joins them with the outbox for commit → screen latency).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import map_error

_BEAT = text("""SELECT cage.terminal_heartbeat(:t, :s, :p, :f, :a, :v,
        CAST(:ps AS text[]), CAST(:vs AS bigint[]), CAST(:rs AS timestamptz[]))""")


def record_heartbeat(engine: Engine, terminal_id: str, *, staff_id: str | None, pending_entries: int,
                     feed_state: str | None, last_event_age_s: float | None, version: str,
                     acks: list[tuple[str, int, datetime]]) -> None:
    """Record that `terminal_id` is alive, with `acks` (player, version, received at).
    Raises the mapped error (`LedgerUnavailable` when the ledger is down)."""
    try:
        with engine.begin() as conn:
            conn.execute(_BEAT, {"t": terminal_id, "s": staff_id, "p": int(pending_entries), "f": feed_state,
                                 "a": last_event_age_s, "v": version, "ps": [a[0] for a in acks],
                                 "vs": [a[1] for a in acks], "rs": [a[2] for a in acks]})
    except Exception as exc:  # noqa: BLE001 - mapped or re-raised
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
