"""Credit requests: filed by a cashier, decided by a floor manager, kept forever per player."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..domain.receipts import Receipt
from .posting import RECEIPT_COLUMNS, receipt_from_row

_COLUMNS = """id, player_id, requested_limit, note, requested_by, requested_at, status, decided_by,
    decided_at, approved_limit, decision_reason, posting_id"""


@dataclass(frozen=True, slots=True)
class CreditRequest:
    id: int
    player_id: str
    requested_limit: Decimal
    note: str | None
    requested_by: str
    requested_at: datetime
    status: str
    decided_by: str | None
    decided_at: datetime | None
    approved_limit: Decimal | None
    decision_reason: str | None
    posting_id: UUID | None

    def to_json(self) -> dict:
        out = {}
        for name in self.__slots__:
            v = getattr(self, name)
            out[name] = v.isoformat() if isinstance(v, datetime) else (
                str(v) if isinstance(v, (Decimal, UUID)) else v)
        return out


def player_exists(conn: Connection, player_id: str) -> bool:
    return conn.execute(text("SELECT 1 FROM players WHERE id = :p"), {"p": player_id}).first() is not None


def insert_request(conn: Connection, player_id: str, limit: Decimal, note: str | None, by: str,
                   session=None) -> CreditRequest:
    """File a request through `cage.request_credit` (checks the session's right; audited)."""
    request_id = conn.execute(text("SELECT cage.request_credit(:s, :p, :l, :n, :b)"),
                              {"s": session, "p": player_id, "l": limit, "n": note, "b": by}).scalar_one()
    return get_request(conn, request_id)


_DECIDE = f"""SELECT r.replayed, {", ".join(f"(r.posting).{c.strip()}" for c in RECEIPT_COLUMNS.split(","))}
FROM cage.decide_credit(:session, :request, :approve, :limit, :reason, :posting, :request_hash, :staff,
                        :terminal, :currency) r"""


def decide_in_database(conn: Connection, request_id: int, *, approve: bool, session, staff_id: str,
                       terminal_id: str, limit: Decimal | None = None, reason: str | None = None,
                       posting_id: UUID | None = None, request_hash: str | None = None,
                       currency: str | None = None) -> Receipt | None:
    """Approve (with its credit-line posting, in the same transaction) or deny a pending
    request through `cage.decide_credit`; the approval's receipt, or None for a denial."""
    rows = conn.execute(text(_DECIDE), {
        "session": session, "request": request_id, "approve": approve, "limit": limit, "reason": reason,
        "posting": posting_id, "request_hash": request_hash, "staff": staff_id, "terminal": terminal_id,
        "currency": currency}).fetchall()
    return receipt_from_row(tuple(rows[0])) if rows else None


def get_request(conn: Connection, request_id: int, *, for_update: bool = False) -> CreditRequest | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM credit_requests WHERE id = :id"
                            + (" FOR UPDATE" if for_update else "")), {"id": request_id}).first()
    return CreditRequest(*row) if row else None


def decide(conn: Connection, request_id: int, *, status: str, by: str, approved_limit: Decimal | None,
           reason: str | None, posting_id: UUID | None) -> CreditRequest | None:
    """Record the decision on a pending request; None if it was no longer pending."""
    row = conn.execute(text(f"""
        UPDATE credit_requests SET status = :st, decided_by = :by, decided_at = clock_timestamp(),
            approved_limit = :lim, decision_reason = :r, posting_id = :pid
        WHERE id = :id AND status = 'pending' RETURNING {_COLUMNS}"""),
        {"st": status, "by": by, "lim": approved_limit, "r": reason, "pid": posting_id, "id": request_id}).first()
    return CreditRequest(*row) if row else None


def list_requests(conn: Connection, *, status: str | None = "pending", player_id: str | None = None,
                  limit: int = 200) -> list[CreditRequest]:
    rows = conn.execute(text(f"""
        SELECT {_COLUMNS} FROM credit_requests
        WHERE (CAST(:st AS text) IS NULL OR status = :st) AND (CAST(:p AS text) IS NULL OR player_id = :p)
        ORDER BY id LIMIT :n"""), {"st": status, "p": player_id, "n": limit}).fetchall()
    return [CreditRequest(*r) for r in rows]
