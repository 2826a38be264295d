"""Large-cash aggregation: per player, per period, cash in and cash out separately.

Cash in is deposits and marker redemptions paid in cash; cash out is withdrawals. Totals
span every terminal (they come from the one ledger). Reversals are not netted out: a
reported figure may overstate, never understate, what crossed the counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Connection

IN_KINDS = ("deposit", "marker_redeem")
OUT_KINDS = ("withdrawal",)
_DIR = "CASE WHEN t.kind IN ('deposit', 'marker_redeem') THEN 'in' ELSE 'out' END"


def ledger_now(conn: Connection) -> datetime:
    """The database's now(): the clock ledger rows are stamped with."""
    return conn.execute(text("SELECT now()")).scalar_one()


def cash_total(conn: Connection, player_id: str, direction: str, start: datetime, end: datetime) -> Decimal:
    """The player's cash in (or out) posted in [start, end), all terminals."""
    kinds = list(IN_KINDS if direction == "in" else OUT_KINDS)
    return conn.execute(text("""
        SELECT COALESCE(sum(amount), 0) FROM ledger_transactions
        WHERE player_id = :p AND kind = ANY(:k) AND created_at >= :s AND created_at < :e"""),
        {"p": player_id, "k": kinds, "s": start, "e": end}).scalar_one()


def log_mtl(conn: Connection, *, start: datetime, end: datetime, tz: str, start_hour: int,
            threshold: Decimal, player_id: str | None = None, posting_id=None) -> int:
    """Write MTL entries for the gaming day [start, end): every cash posting whose running
    day total (per player and direction) is at or over `threshold`. Idempotent by posting.

    With `posting_id`, only that posting is considered (the counter's call after posting);
    without, the whole day is filled in (the report's call, catching replayed postings).
    """
    return conn.execute(text(f"""
        WITH day_rows AS (
            SELECT t.id, t.seq, t.player_id, t.kind, t.amount, t.currency, t.staff_id, t.terminal_id,
                   t.created_at, {_DIR} AS dir,
                   ((t.created_at AT TIME ZONE :tz) - make_interval(hours => :h))::date AS gday
            FROM ledger_transactions t
            WHERE t.kind IN ('deposit', 'marker_redeem', 'withdrawal')
              AND t.created_at >= :s AND t.created_at < :e
              AND (CAST(:p AS text) IS NULL OR t.player_id = :p)
        ), running AS (
            SELECT *, sum(amount) OVER (PARTITION BY player_id, dir ORDER BY seq) AS day_total FROM day_rows
        )
        INSERT INTO mtl_entries (posting_id, player_id, gaming_day, direction, kind, amount, day_total,
                                 currency, staff_id, terminal_id, posted_at)
        SELECT id, player_id, gday, dir, kind, amount, day_total, currency, staff_id, terminal_id, created_at
        FROM running
        WHERE day_total >= :th AND (CAST(:pid AS uuid) IS NULL OR id = CAST(:pid AS uuid))
        ON CONFLICT (posting_id) DO NOTHING"""),
        {"tz": tz, "h": start_hour, "s": start, "e": end, "p": player_id, "th": threshold,
         "pid": str(posting_id) if posting_id else None}).rowcount


@dataclass(frozen=True, slots=True)
class MtlRow:
    gaming_day: date
    posted_at: datetime
    player_id: str
    player_name: str
    direction: str
    kind: str
    amount: Decimal
    day_total: Decimal
    currency: str
    staff_id: str
    terminal_id: str
    posting_id: str


def mtl_rows(conn: Connection, day: date) -> list[MtlRow]:
    rows = conn.execute(text("""
        SELECT m.gaming_day, m.posted_at, m.player_id, COALESCE(p.name, ''), m.direction, m.kind,
               m.amount, m.day_total, trim(m.currency), m.staff_id, m.terminal_id, m.posting_id::text
        FROM mtl_entries m LEFT JOIN players p ON p.id = m.player_id
        WHERE m.gaming_day = :d ORDER BY m.posted_at, m.id"""), {"d": day}).fetchall()
    return [MtlRow(*r) for r in rows]


@dataclass(frozen=True, slots=True)
class CtrRow:
    period: str
    player_id: str
    player_name: str
    direction: str
    total: Decimal
    postings: int
    first_at: datetime
    last_at: datetime
    currency: str
    id_type: str | None
    id_number: str | None


def ctr_rows(conn: Connection, *, start: datetime, end: datetime, threshold: Decimal, label: str) -> list[CtrRow]:
    """Every player and direction whose cash total in [start, end) is above `threshold`."""
    rows = conn.execute(text(f"""
        SELECT :label, t.player_id, COALESCE(max(p.name), ''), {_DIR} AS dir, sum(t.amount), count(*),
               min(t.created_at), max(t.created_at), trim(min(t.currency)),
               (array_agg(t.id_type ORDER BY t.seq DESC) FILTER (WHERE t.id_type IS NOT NULL))[1],
               (array_agg(t.id_number ORDER BY t.seq DESC) FILTER (WHERE t.id_number IS NOT NULL))[1]
        FROM ledger_transactions t LEFT JOIN players p ON p.id = t.player_id
        WHERE t.kind IN ('deposit', 'marker_redeem', 'withdrawal')
          AND t.created_at >= :s AND t.created_at < :e
        GROUP BY t.player_id, dir
        HAVING sum(t.amount) > :th
        ORDER BY t.player_id, dir"""), {"label": label, "s": start, "e": end, "th": threshold}).fetchall()
    return [CtrRow(*r) for r in rows]
