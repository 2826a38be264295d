"""A shift's foreign cash as counted (migration 0032): carried in at a handover, counted out at
its close or handover, with what the drawer should have held and the difference.

The supervisor's review of a shift shows these beside the local count; a cashier's screens
show a shift's figures only after it is closed, as for the local cash (the count is blind).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..domain.money import Money


@dataclass(frozen=True, slots=True)
class ForeignCount:
    """One currency of one shift at `moment` ('open' or 'close'); figures in that currency."""

    currency: str
    moment: str
    counted: Money
    count: dict | None
    expected: Money | None
    variance: Money | None
    staff_id: str


def foreign_counts(conn: Connection, shift_id: int) -> tuple[ForeignCount, ...]:
    """The shift's foreign counts: carried in first, then at close, each by currency."""
    rows = conn.execute(text("""
        SELECT btrim(currency) AS currency, moment, counted, count, expected, variance, staff_id
        FROM public.shift_foreign_counts WHERE shift_id = :s
        ORDER BY moment DESC, currency"""), {"s": shift_id}).all()
    return tuple(ForeignCount(r.currency, r.moment, Money(r.counted, r.currency), r.count,
                              Money(r.expected, r.currency) if r.expected is not None else None,
                              Money(r.variance, r.currency) if r.variance is not None else None, r.staff_id)
                 for r in rows)
