"""What a floor manager decides a credit request on: the player's standing, read in one go
for every player in the queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy.engine import Engine

from ..domain.receipts import Receipt
from .posting import RECEIPT_COLUMNS, receipt_of_row
from .queries import _run

RECENT = 5


@dataclass(frozen=True, slots=True)
class CreditContext:
    player_id: str
    name: str
    cash: Decimal
    credit_limit: Decimal
    credit_approved: bool
    markers_outstanding: Decimal
    oldest_marker_at: datetime | None  # when the oldest marker still (partly) unpaid was issued
    recent: list[Receipt] = field(default_factory=list)
    line_in_force: Decimal | None = None  # a temporary line before its expiry, else the permanent one


def oldest_outstanding(moves: list[tuple[Decimal, datetime]]) -> datetime | None:
    """First in, first out: repayments pay the oldest markers first.

    Args:
        moves: the player's changes of drawn credit in ledger order (issue > 0, repayment or
            reversal < 0) with their times.
    Returns:
        When the oldest marker not yet fully repaid was issued; None if nothing is owed.
    """
    open_markers: list[list] = []  # [remaining, issued_at]
    for delta, at in moves:
        if delta > 0:
            open_markers.append([delta, at])
            continue
        pay = -delta
        while pay > 0 and open_markers:
            take = min(pay, open_markers[0][0])
            open_markers[0][0] -= take
            pay -= take
            if open_markers[0][0] == 0:
                open_markers.pop(0)
    return open_markers[0][1] if open_markers else None


def credit_contexts(engine: Engine, player_ids: list[str]) -> dict[str, CreditContext]:
    ids = sorted(set(player_ids))
    if not ids:
        return {}
    players = _run(engine, "credit_context_players", """
        SELECT id, name, balance, current_credit, credit_limit, credit_approved,
               cage.effective_credit_limit(id) AS line_in_force
        FROM players WHERE id = ANY(:ids)""", {"ids": ids})
    moves: dict[str, list[tuple[Decimal, datetime]]] = {}
    for pid, delta, at in _run(engine, "credit_context_markers", """
            SELECT player_id, credit_delta, created_at FROM ledger_transactions
            WHERE player_id = ANY(:ids) AND credit_delta <> 0 ORDER BY seq""", {"ids": ids}):
        moves.setdefault(pid, []).append((delta, at))
    recent: dict[str, list[Receipt]] = {}
    for row in _run(engine, "credit_context_recent", f"""
            SELECT * FROM (SELECT {RECEIPT_COLUMNS},
                                  row_number() OVER (PARTITION BY player_id ORDER BY seq DESC) AS n
                           FROM ledger_transactions WHERE player_id = ANY(:ids)) t
            WHERE n <= :k ORDER BY player_id, seq DESC""", {"ids": ids, "k": RECENT}):
        recent.setdefault(row._mapping["player_id"], []).append(receipt_of_row(row))
    return {pid: CreditContext(pid, name or "", cash, limit, approved, drawn,
                               oldest_outstanding(moves.get(pid, [])) if drawn > 0 else None,
                               recent.get(pid, []), in_force)
            for pid, name, cash, drawn, limit, approved, in_force in players}

