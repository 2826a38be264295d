"""Authority limits per staff member and transaction type (migration 0013).

A supervisor's session sets them (`cage.set_authority_limit`, kept append-only with who
and why); the posting API enforces them inside `cage._post` and `cage.exchange`: above the
issuer's limit a second person must approve with their PIN, within their own limit.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction

EXCHANGE = "exchange"  # the type of cage.exchange; the others are posting kinds (domain/kinds.py)


def set_limit(engine: Engine, *, session: uuid.UUID, staff_id: str, kind: str, limit: Decimal | None,
              reason: str) -> int:
    """Set (None: remove) `staff_id`'s limit for `kind`; returns the record's id."""
    return in_transaction(engine, lambda conn: conn.execute(
        text("SELECT cage.set_authority_limit(:s, :st, :k, :l, :r)"),
        {"s": session, "st": staff_id, "k": kind, "l": limit, "r": reason}).scalar_one())
