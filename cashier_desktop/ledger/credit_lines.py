"""Credit lines beyond one number (migration 0013): temporary lines, history, markers.

The permanent line is still a `credit_line` posting (ledger/credit.py). A temporary line is
granted with the requester's and a different approver's sessions and is in force only
before its expiry: `effective_limit` asks the database, which computes it at every read and
every marker issue, so an expiry needs no job. Markers get a due date when issued; a
redemption pays the oldest outstanding markers first, partially where it falls short.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction

AGING_BUCKETS = ("0–30", "31–60", "61–90", "90+")  # days since issue


@dataclass(frozen=True, slots=True)
class CreditChange:
    """One line of a player's credit history."""

    changed_at: datetime
    line: str  # 'permanent' or 'temporary'
    old_limit: Decimal
    new_limit: Decimal
    expires_at: datetime | None
    requested_by: str
    approved_by: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Marker:
    posting_id: uuid.UUID
    amount: Decimal
    issued_at: datetime
    due_date: date
    outstanding: Decimal


@dataclass(frozen=True, slots=True)
class Aging:
    """What a player owes in markers, by days since issue, and how much is past due."""

    player_id: str
    buckets: dict[str, Decimal]
    overdue: Decimal


def grant_temporary(engine: Engine, *, session: uuid.UUID, approver_session: uuid.UUID, player_id: str,
                    limit: Decimal, expires_at: datetime, reason: str) -> int:
    """A temporary line until `expires_at`; returns its id."""
    return in_transaction(engine, lambda conn: conn.execute(
        text("SELECT cage.grant_temporary_credit(:s, :a, :p, :l, :e, :r)"),
        {"s": session, "a": approver_session, "p": player_id, "l": limit, "e": expires_at,
         "r": reason}).scalar_one())


def effective_limit(engine: Engine, player_id: str, at: datetime | None = None) -> Decimal:
    """The line in force (a temporary one before its expiry, else the permanent one)."""
    return in_transaction(engine, lambda conn: conn.execute(
        text("SELECT cage.effective_credit_limit(:p, coalesce(CAST(:at AS timestamptz), now()))"),
        {"p": player_id, "at": at}).scalar_one())


# The newest temporary grant decides (as `cage.effective_credit_limit`); the seconds to its
# expiry are the database's own arithmetic, so a terminal's clock that is off does not move
# the moment the counter refreshes.
_LINE_IN_FORCE = text("""SELECT cage.effective_credit_limit(:p, now()) AS line,
    (SELECT extract(epoch FROM n.expires_at - clock_timestamp()) FROM (
         SELECT h.expires_at FROM cage.credit_history(:p) h WHERE h.line = 'temporary'
         ORDER BY h.changed_at DESC LIMIT 1) n
     WHERE n.expires_at > now()) AS lapses_in""")


def line_in_force(engine: Engine, player_id: str) -> tuple[Decimal, float | None]:
    """The line in force now and, when it is a temporary one, the seconds until it lapses
    (None: the permanent line, which changes only by a posting and so comes with the balance)."""
    row = in_transaction(engine, lambda conn: conn.execute(_LINE_IN_FORCE, {"p": player_id}).one())
    return row.line, None if row.lapses_in is None else float(row.lapses_in)


def history(engine: Engine, player_id: str) -> list[CreditChange]:
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT * FROM cage.credit_history(:p)"), {"p": player_id}).all())
    return [CreditChange(*r) for r in rows]


def markers(engine: Engine, player_id: str) -> list[Marker]:
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT * FROM cage.player_markers(:p)"), {"p": player_id}).all())
    return [Marker(*r) for r in rows]


def markers_due(engine: Engine, session: uuid.UUID, by: date) -> list[tuple[str, uuid.UUID, date, Decimal]]:
    """The floor manager's queue: (player, marker, due date, still owed), soonest first."""
    return [tuple(r) for r in in_transaction(engine, lambda conn: conn.execute(
        text("SELECT * FROM cage.markers_due(:s, :d)"), {"s": session, "d": by}).all())]


def aging(engine: Engine, as_of: date | None = None) -> list[Aging]:
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT * FROM cage.marker_aging(coalesce(CAST(:d AS date), CURRENT_DATE))"), {"d": as_of}).all())
    return [Aging(r.player_id, dict(zip(AGING_BUCKETS, (r.days_0_30, r.days_31_60, r.days_61_90,
                                                         r.days_over_90))), r.overdue) for r in rows]
