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


# The gaming day (and its calendar month) containing a moment, computed in SQL the same way
# as domain.policy.gaming_day: local time minus the start hour, truncated, plus the start hour.
_PRIOR = text("""
WITH m AS (SELECT COALESCE(CAST(:at AS timestamptz), now()) AS at),
d AS (SELECT date_trunc('day', (m.at AT TIME ZONE :tz) - make_interval(hours => :h)) AS day FROM m),
b AS (SELECT (d.day + make_interval(hours => :h)) AT TIME ZONE :tz AS day_start,
             (d.day + interval '1 day' + make_interval(hours => :h)) AT TIME ZONE :tz AS day_end,
             (date_trunc('month', d.day) + make_interval(hours => :h)) AT TIME ZONE :tz AS month_start,
             (date_trunc('month', d.day) + interval '1 month' + make_interval(hours => :h)) AT TIME ZONE :tz
                 AS month_end
      FROM d)
SELECT COALESCE(sum(t.amount) FILTER (WHERE t.created_at >= b.day_start AND t.created_at < b.day_end), 0),
       COALESCE(sum(t.amount) FILTER (WHERE t.created_at >= b.month_start AND t.created_at < b.month_end), 0)
FROM b LEFT JOIN ledger_transactions t
  ON t.player_id = :p AND t.kind = ANY(:k)
 AND t.created_at >= CASE WHEN :month THEN b.month_start ELSE b.day_start END
 AND t.created_at < CASE WHEN :month THEN b.month_end ELSE b.day_end END
GROUP BY b.day_start
""")


@dataclass(frozen=True, slots=True)
class PriorCashQuery:
    """Which prior cash to add up for the identification threshold (`prior_cash`'s arguments)."""

    player_id: str
    direction: str  # "in" or "out"
    tz: str
    start_hour: int
    month: bool
    at: datetime | None = None

    def ask(self, conn: Connection) -> tuple[Decimal, Decimal]:
        return prior_cash(conn, self.player_id, self.direction, tz=self.tz, start_hour=self.start_hour,
                          month=self.month, at=self.at)


def prior_cash(conn: Connection, player_id: str, direction: str, *, tz: str, start_hour: int, month: bool,
               at: datetime | None = None) -> tuple[Decimal, Decimal]:
    """(this gaming day's, this period's) cash in or out of a player, all terminals, in one
    round trip; the period is the gaming day, or its calendar month with `month`."""
    kinds = list(IN_KINDS if direction == "in" else OUT_KINDS)
    day, in_month = conn.execute(_PRIOR, {"at": at, "tz": tz, "h": start_hour, "p": player_id, "k": kinds,
                                          "month": month}).one()
    return Decimal(day), (Decimal(in_month) if month else Decimal(day))


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
               m.amount, m.day_total, trim(m.currency), m.staff_id, m.terminal_id,
               coalesce(m.posting_id, m.exchange_id)::text  -- an exchange's entry (0013) names the exchange
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
    # Aggregate first; the name and the identification are looked up only for the few
    # player-directions over the threshold.
    rows = conn.execute(text(f"""
        WITH cash AS (
            SELECT t.player_id, {_DIR} AS dir, t.amount, t.created_at, t.currency
            FROM ledger_transactions t
            WHERE t.kind IN ('deposit', 'marker_redeem', 'withdrawal')
              AND t.created_at >= :s AND t.created_at < :e
            UNION ALL  -- a foreign exchange (0013) is cash in and cash out, at its local amount;
                       -- its reversal (0016) is not cash, as a posting reversal is not
            SELECT x.player_id, d.dir, x.local_amount, x.created_at, x.local_currency
            FROM fx_exchanges x CROSS JOIN (VALUES ('in'), ('out')) AS d(dir)
            WHERE x.player_id IS NOT NULL AND x.reverses_id IS NULL AND x.created_at >= :s AND x.created_at < :e
        ), g AS (
            SELECT c.player_id, c.dir, sum(c.amount) AS total, count(*) AS n,
                   min(c.created_at) AS first_at, max(c.created_at) AS last_at, min(c.currency) AS currency
            FROM cash c
            GROUP BY 1, 2
            HAVING sum(c.amount) > :th
        )
        SELECT :label, g.player_id, COALESCE(p.name, ''), g.dir, g.total, g.n, g.first_at, g.last_at,
               trim(g.currency), doc.id_type, doc.id_number
        FROM g
        LEFT JOIN players p ON p.id = g.player_id
        LEFT JOIN LATERAL (
            SELECT t.id_type, t.id_number FROM ledger_transactions t
            WHERE t.player_id = g.player_id AND t.id_type IS NOT NULL
              AND t.created_at >= :s AND t.created_at < :e
              AND t.kind = ANY(CASE WHEN g.dir = 'in' THEN ARRAY['deposit', 'marker_redeem']
                                    ELSE ARRAY['withdrawal'] END)
            ORDER BY t.seq DESC LIMIT 1) doc ON true
        ORDER BY g.player_id, g.dir"""), {"label": label, "s": start, "e": end, "th": threshold}).fetchall()
    return [CtrRow(*r) for r in rows]
