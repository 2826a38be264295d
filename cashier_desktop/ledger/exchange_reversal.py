"""Reversing a foreign exchange (`cage.reverse_exchange`, migration 0016).

One call posts the exact opposite of an exchange — its foreign cash and its local cash
back, at the original rate — into the reversing terminal's open shift, linked to the
original. The database allows it once (a second reversal is `AlreadyReversed`; a retry of
the same request answers with the first), to a session with the right to reverse, with an
approver's session where the authority limits require one.
"""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.money import Money
from .db import in_transaction
from .exchange import Exchange


def reverse_exchange(engine: Engine, *, session: uuid.UUID, original_id: uuid.UUID, reason: str,
                     reversal_id: uuid.UUID | None = None,
                     approver_session: uuid.UUID | None = None) -> Exchange:
    """Reverse exchange `original_id`; returns the reversal as posted (`replayed` on a retry)."""
    rid = reversal_id or uuid.uuid4()
    request_hash = f"fx-reversal:{original_id}:{(reason or '').strip()}"
    row = in_transaction(engine, lambda conn: conn.execute(text("""
        SELECT r.replayed, (r.exchange).* FROM cage.reverse_exchange(:id, :h, :o, :s, :why, :ap) r"""),
        {"id": rid, "h": request_hash, "o": original_id, "s": session, "why": reason,
         "ap": approver_session}).one())
    return Exchange(id=row.id, direction=row.direction, foreign=Money(row.foreign_amount, row.currency.strip()),
                    local=Money(row.local_amount, row.local_currency.strip()), rate=row.rate,
                    rate_id=row.rate_id, shift_id=row.shift_id, player_id=row.player_id,
                    replayed=row.replayed)
