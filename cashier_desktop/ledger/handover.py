"""Handover of a drawer between two cashiers without closing the terminal (`cage.handover_shift`,
migration 0019).

The database decides everything: both staff sessions and rights, the two counts agreeing,
the outgoing shift closed exactly as `cage.close_shift` closes it (expected, variance,
supervisor review) and the incoming shift opened with the count as its float, in one
transaction under the shift's row lock. This module only calls it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction
from .shifts import ShiftRecord, get_shift


def hand_over(engine: Engine, *, shift_id: int, outgoing_session: UUID | None, incoming_session: UUID | None,
              outgoing_counted: Decimal, outgoing_count: dict | None, incoming_counted: Decimal,
              incoming_count: dict | None) -> tuple[ShiftRecord, ShiftRecord]:
    """Close `shift_id` with the outgoing count and open the incoming cashier's shift with
    theirs; returns (the closed shift, the new shift)."""
    def work(conn):
        row = conn.execute(text("""
            SELECT (r.closed).id, (r.opened).id FROM cage.handover_shift(:o, :i, :s, :oc,
                CAST(:ocj AS jsonb), :ic, CAST(:icj AS jsonb)) r"""),
            {"o": outgoing_session, "i": incoming_session, "s": shift_id, "oc": outgoing_counted,
             "ocj": json.dumps(outgoing_count) if outgoing_count is not None else None, "ic": incoming_counted,
             "icj": json.dumps(incoming_count) if incoming_count is not None else None}).one()
        return get_shift(conn, row[0]), get_shift(conn, row[1])
    return in_transaction(engine, work)
