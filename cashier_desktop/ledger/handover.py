"""Handover of a drawer between two cashiers without closing the terminal (`cage.handover_shift`,
migrations 0019 and 0024).

The database decides everything: both staff sessions and rights, the two counts agreeing,
the outgoing shift closed exactly as `cage.close_shift` closes it (expected, variance,
supervisor review) and the incoming shift opened with the count as its float, in one
transaction under the shift's row lock. A handover has an id (0024): sent again after a lost
answer, it answers with the first handover; the same id with other details is refused
(IdempotencyConflict). This module only calls it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from decimal import Decimal
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction
from .shifts import ShiftRecord, get_shift


def handover_request_hash(shift_id: int, outgoing_counted: Decimal, outgoing_count: dict | None,
                          incoming_counted: Decimal, incoming_count: dict | None,
                          outgoing_foreign: dict | None = None, incoming_foreign: dict | None = None) -> str:
    """What a resend of one handover must repeat exactly: the shift and both counts (the
    foreign cash's too, 0032; a handover without foreign cash hashes as before it)."""
    parts = [shift_id, str(Decimal(outgoing_counted).quantize(Decimal("0.01"))), outgoing_count,
             str(Decimal(incoming_counted).quantize(Decimal("0.01"))), incoming_count]
    if outgoing_foreign or incoming_foreign:
        parts += [outgoing_foreign or None, incoming_foreign or None]
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"))
    return "handover:" + hashlib.sha256(canonical.encode()).hexdigest()


def handed_over_shift(engine: Engine, handover_id: UUID) -> ShiftRecord | None:
    """The shift handover `handover_id` handed over, or None if that id has not handed over
    anything (yet): a resend names the same shift even though another is open by now."""
    def work(conn):
        shift_id = conn.execute(text("SELECT from_shift FROM public.handover_requests WHERE id = :id"),
                                {"id": handover_id}).scalar()
        return get_shift(conn, shift_id) if shift_id is not None else None
    return in_transaction(engine, work)


def hand_over_once(engine: Engine, *, handover_id: UUID, shift_id: int, outgoing_session: UUID | None,
                   incoming_session: UUID | None, outgoing_counted: Decimal, outgoing_count: dict | None,
                   incoming_counted: Decimal, incoming_count: dict | None, outgoing_foreign: dict | None = None,
                   incoming_foreign: dict | None = None) -> tuple[ShiftRecord, ShiftRecord, bool]:
    """Hand `shift_id` over under `handover_id`; returns (closed shift, new shift, replayed).
    The foreign counts (`{"USD": {"100": 3}}`, 0032) must agree; the incoming shift holds them."""
    request_hash = handover_request_hash(shift_id, outgoing_counted, outgoing_count, incoming_counted,
                                         incoming_count, outgoing_foreign, incoming_foreign)

    def work(conn):
        row = conn.execute(text("""
            SELECT r.replayed, (r.closed).id, (r.opened).id FROM cage.handover_shift(:id, :h, :o, :i, :s, :oc,
                CAST(:ocj AS jsonb), :ic, CAST(:icj AS jsonb), CAST(:ofj AS jsonb), CAST(:ifj AS jsonb)) r"""),
            {"id": handover_id, "h": request_hash, "o": outgoing_session, "i": incoming_session, "s": shift_id,
             "oc": outgoing_counted, "ocj": json.dumps(outgoing_count) if outgoing_count is not None else None,
             "ic": incoming_counted, "icj": json.dumps(incoming_count) if incoming_count is not None else None,
             "ofj": json.dumps(outgoing_foreign) if outgoing_foreign else None,
             "ifj": json.dumps(incoming_foreign) if incoming_foreign else None}).one()
        return get_shift(conn, row[1]), get_shift(conn, row[2]), bool(row[0])
    return in_transaction(engine, work)


def hand_over(engine: Engine, *, shift_id: int, outgoing_session: UUID | None, incoming_session: UUID | None,
              outgoing_counted: Decimal, outgoing_count: dict | None, incoming_counted: Decimal,
              incoming_count: dict | None, handover_id: UUID | None = None, outgoing_foreign: dict | None = None,
              incoming_foreign: dict | None = None) -> tuple[ShiftRecord, ShiftRecord]:
    """Close `shift_id` with the outgoing count and open the incoming cashier's shift with
    theirs; returns (the closed shift, the new shift). A caller that may retry passes its
    `handover_id` (else a fresh one: this call alone)."""
    closed, opened, _replayed = hand_over_once(
        engine, handover_id=handover_id or uuid.uuid4(), shift_id=shift_id, outgoing_session=outgoing_session,
        incoming_session=incoming_session, outgoing_counted=outgoing_counted, outgoing_count=outgoing_count,
        incoming_counted=incoming_counted, incoming_count=incoming_count, outgoing_foreign=outgoing_foreign,
        incoming_foreign=incoming_foreign)
    return closed, opened
