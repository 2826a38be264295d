"""A drawer's expected holding by denomination during its shift (`cage.drawer_holding`, 0013).

Opening count plus the notes each posting recorded; cash that moved without notes is one
row without a denomination. A supervisor's session only: the cashier's count stays blind.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction


@dataclass(frozen=True, slots=True)
class Holding:
    denomination: Decimal | None  # None: cash moved without notes recorded
    pieces: int | None
    amount: Decimal


def drawer_holding(engine: Engine, session: uuid.UUID, shift_id: int) -> list[Holding]:
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT denomination, pieces, amount FROM cage.drawer_holding(:s, :id)"),
        {"s": session, "id": shift_id}).all())
    return [Holding(r.denomination, r.pieces, r.amount) for r in rows]


@dataclass(frozen=True, slots=True)
class ForeignHolding:
    """One foreign currency's note (or its cash moved without notes: `denomination` None)."""

    currency: str
    denomination: Decimal | None
    pieces: int | None
    amount: Decimal


def drawer_foreign_holding(engine: Engine, session: uuid.UUID, shift_id: int) -> list[ForeignHolding]:
    """The drawer's foreign cash by note, per currency (`cage.drawer_foreign_holding`, 0031)."""
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT currency, denomination, pieces, amount FROM cage.drawer_foreign_holding(:s, :id)"),
        {"s": session, "id": shift_id}).all())
    return [ForeignHolding(r.currency, r.denomination, r.pieces, r.amount) for r in rows]
