"""Receipt facts and receipt verification, read from the ledger.

`verify` recomputes the posting's link of the player's hash chain in the database (the same
`ledger_digest` the posting used), so a row edited behind the ledger's back — with the
append-only trigger disabled — no longer matches the receipt even if its stored hash was
left alone, and a row whose stored hash was rewritten no longer matches the QR code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy.engine import Engine

from ..domain.notes import Notes, normalized
from ..domain.receipt_code import ReceiptCode
from .posting import NOTES_OF_T
from .queries import _run

_DIGEST = """ledger_digest(coalesce(lag(t.hash) OVER w, ''), t.id, t.player_id, t.kind, t.amount,
    t.currency, t.cash_delta, t.credit_delta, t.drawer_delta, t.cash_after, t.credit_after,
    t.limit_after, t.approved_after, t.staff_id, t.approver_id, t.terminal_id, t.shift_id,
    t.reverses_id, t.reason, t.id_type, t.id_number, t.created_at)"""


@dataclass(frozen=True, slots=True)
class ReceiptFacts:
    """What a receipt prints beyond the posting itself: its place in the shift, names and the
    notes the posting recorded (migration 0026), whichever terminal made it."""

    sequence: int | None
    staff_name: str
    approver_name: str
    notes_in: Notes = ()
    notes_out: Notes = ()


@dataclass(frozen=True, slots=True)
class Verification:
    """The ledger's answer for one receipt code. `ok` only if id, stored hash and content agree."""

    ok: bool
    problem: str  # "", "missing", "hash_differs" or "row_altered"
    posting_id: UUID
    kind: str | None = None
    player_id: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    created_at: datetime | None = None


def receipt_facts(engine: Engine, posting_id: UUID) -> ReceiptFacts:
    """The posting's sequence within its shift (ledger order), the staff names and its notes
    (one round trip: a reprint anywhere prints them)."""
    rows = _run(engine, "receipt_facts", f"""
        SELECT CASE WHEN t.shift_id IS NULL THEN NULL ELSE
                 (SELECT count(*) FROM ledger_transactions o
                   WHERE o.shift_id = t.shift_id AND o.seq <= t.seq) END,
               coalesce(s.name, ''), coalesce(a.name, ''), {NOTES_OF_T}
        FROM ledger_transactions t
        LEFT JOIN staff s ON s.id = t.staff_id
        LEFT JOIN staff a ON a.id = t.approver_id
        WHERE t.id = :id""", {"id": posting_id})
    if not rows:
        return ReceiptFacts(None, "", "")
    seq, staff_name, approver_name, notes_in, notes_out = rows[0]
    return ReceiptFacts(int(seq) if seq is not None else None, staff_name, approver_name,
                        normalized(notes_in or {}), normalized(notes_out or {}))



def verify(engine: Engine, code: ReceiptCode) -> Verification:
    """Does the ledger still hold exactly the posting `code` names? (read-only)"""
    rows = _run(engine, "verify_receipt", f"""
        WITH me AS (SELECT player_id, seq FROM ledger_transactions WHERE id = :id),
        chain AS (
            SELECT t.id, t.seq, t.hash, t.kind, t.player_id, t.amount, t.currency, t.created_at,
                   {_DIGEST} AS expect
            FROM ledger_transactions t
            WHERE t.player_id = (SELECT player_id FROM me) AND t.seq <= (SELECT seq FROM me)
            WINDOW w AS (ORDER BY t.seq))
        SELECT hash, expect, kind, player_id, amount, trim(currency), created_at
        FROM chain WHERE id = :id""", {"id": code.posting_id})
    if not rows:
        return Verification(False, "missing", code.posting_id)
    stored, expect, kind, player_id, amount, currency, created_at = rows[0]
    facts = dict(posting_id=code.posting_id, kind=kind, player_id=player_id, amount=amount,
                 currency=currency, created_at=created_at)
    if stored != code.hash:
        return Verification(False, "hash_differs", **facts)
    if expect != stored:
        return Verification(False, "row_altered", **facts)
    return Verification(True, "", **facts)
