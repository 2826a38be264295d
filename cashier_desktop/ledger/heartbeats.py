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

# The refusals reported, and in the same round trip the login's offline allowance (none: the
# schema owner's, which sets none) — so the terminal re-learns it with every heartbeat.
_REFUSED = text("""SELECT a.offline_limit, a.offline_total
    FROM (SELECT cage.terminal_refused_entries(:t, :n)) r LEFT JOIN cage.offline_allowance() a ON true""")


def record_heartbeat(engine: Engine, terminal_id: str, *, staff_id: str | None, pending_entries: int,
                     feed_state: str | None, last_event_age_s: float | None, version: str,
                     acks: list[tuple[str, int, datetime]],
                     refused_entries: int | None = None) -> tuple | None:
    """Record that `terminal_id` is alive, with `acks` (player, version, received at) and, from
    a journaling terminal, how many of its entries the ledger refused on replay (migration
    0020: the supervisor's monitor names the terminal). Returns, with the refusals, the login's
    offline allowance as `PostgresLedger.offline_allowance` gives it; None without them. Raises
    the mapped error (`LedgerUnavailable` when the ledger is down)."""
    try:
        with engine.begin() as conn:
            conn.execute(_BEAT, {"t": terminal_id, "s": staff_id, "p": int(pending_entries), "f": feed_state,
                                 "a": last_event_age_s, "v": version, "ps": [a[0] for a in acks],
                                 "vs": [a[1] for a in acks], "rs": [a[2] for a in acks]})
            if refused_entries is None:
                return None
            row = conn.execute(_REFUSED, {"t": terminal_id, "n": int(refused_entries)}).one()
            return (row[0], row[1])
    except Exception as exc:  # noqa: BLE001 - mapped or re-raised
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
