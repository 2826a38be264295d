"""Authority limits per staff member and transaction type (migrations 0013 and 0029).

A supervisor's session sets them (`cage.set_authority_limit`, kept append-only with who
and why); the database enforces them inside `cage._post` (every posting kind),
`cage.exchange`, `cage.reverse_exchange`, `cage.grant_temporary_credit` and
`cage.bank_transfer`: above the issuer's limit a second person must approve with their PIN,
within their own limit (a transfer, already signed by two, needs a third).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction

EXCHANGE = "exchange"  # the type of cage.exchange; the others are posting kinds (domain/kinds.py)
TEMPORARY_CREDIT = "temporary_credit"  # cage.grant_temporary_credit (0029)
TRANSFERS = ("fill", "credit", "fund", "remit")  # cage.bank_transfer's kinds (0029)


def set_limit(engine: Engine, *, session: uuid.UUID, staff_id: str, kind: str, limit: Decimal | None,
              reason: str) -> int:
    """Set (None: remove) `staff_id`'s limit for `kind`; returns the record's id."""
    return in_transaction(engine, lambda conn: conn.execute(
        text("SELECT cage.set_authority_limit(:s, :st, :k, :l, :r)"),
        {"s": session, "st": staff_id, "k": kind, "l": limit, "r": reason}).scalar_one())


@dataclass(frozen=True, slots=True)
class AuthorityLimit:
    """The limit in force for one staff member and transaction type, and who set it why."""

    staff_id: str
    kind: str
    max_amount: Decimal
    set_by: str
    set_at: datetime
    reason: str


def limits_in_force(engine: Engine, session: uuid.UUID) -> list[AuthorityLimit]:
    """Every limit in force (a supervisor's session; `cage.authority_limits_in_force`, 0018)."""
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT * FROM cage.authority_limits_in_force(:s)"), {"s": session}).all())
    return [AuthorityLimit(*r) for r in rows]


def active_staff(engine: Engine) -> list[tuple[str, str, str]]:
    """(id, name, role) of every active staff member: the rows of the limits screen."""
    return [tuple(r) for r in in_transaction(engine, lambda conn: conn.execute(
        text("SELECT id, name, role FROM public.staff WHERE active ORDER BY id")).all())]
