"""Integrity: prove at any moment that cached balances agree with the ledger.

Findings are returned as a list, not raised (an empty list means clean). The SQL lives in
the database (`check_balance_integrity()`, `check_drawer_integrity()`, `verify_ledger_chain()`)
so a DBA runs the very same check from psql. A drawer's running figure (what its shift should
hold, the figure that refuses a payout) is a cached balance too, checked like a player's.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from .db import map_error


@dataclass(frozen=True, slots=True)
class Finding:
    player_id: str
    check: str
    expected: str | None = None
    actual: str | None = None
    posting_id: str | None = None
    seq: int | None = None
    shift_id: int | None = None  # a drawer's finding: its shift and currency, no player
    currency: str | None = None

    def sentence(self) -> str:
        if self.check == "drawer_matches_ledger":
            return (f"shift {self.shift_id}, drawer in {self.currency}: its running figure is {self.actual}, "
                    f"its rows add up to {self.expected}")
        if self.check in ("hash_chain", "chain_anchor") and self.posting_id:
            return f"player {self.player_id}: posting {self.posting_id} (#{self.seq}): {self.expected}"
        if self.check == "chain_anchor":
            return f"chain anchors: {self.expected}"
        return (f"player {self.player_id}: {self.check.replace('_', ' ')}: expected {self.expected}, "
                f"found {self.actual}")

    def to_json(self) -> dict:
        return asdict(self)


def _s(v: Decimal | None) -> str | None:
    return None if v is None else str(v)


def _no_statement_timeout(conn: Connection) -> None:
    """The engine caps statements at 30 s so a stuck lock cannot freeze a terminal; a full
    check of millions of rows legitimately takes longer, and only reads."""
    conn.exec_driver_sql("SET LOCAL statement_timeout = 0")


def check_balances(engine: Engine) -> list[Finding]:
    """Cached columns == ledger sums, the report's rule, credit within limit, no negative cash."""
    with engine.begin() as conn:
        _no_statement_timeout(conn)
        rows = conn.execute(text("SELECT * FROM check_balance_integrity() ORDER BY 1, 2")).fetchall()
    return [Finding(r[0], r[1], _s(r[2]), _s(r[3])) for r in rows]


def check_drawers(engine: Engine) -> list[Finding]:
    """Each drawer's running figure (`drawer_cash`, migration 0023) == its shift's rows."""
    with engine.begin() as conn:
        _no_statement_timeout(conn)
        rows = conn.execute(text("SELECT * FROM check_drawer_integrity()")).fetchall()
    return [Finding("", "drawer_matches_ledger", _s(r[2]), _s(r[3]), shift_id=r[0], currency=r[1]) for r in rows]


def check_chains(engine: Engine) -> list[Finding]:
    """Every per-player hash chain, and each player's columns against the newest row."""
    with engine.begin() as conn:
        _no_statement_timeout(conn)
        rows = conn.execute(text("SELECT * FROM verify_ledger_chain() ORDER BY 1, 3")).fetchall()
    return [Finding(r[0], "hash_chain", r[3], None, str(r[1]) if r[1] else None, r[2]) for r in rows]


def run_integrity(engine: Engine, *, chains: bool = True) -> list[Finding]:
    try:
        findings = check_balances(engine) + check_drawers(engine)
        if chains:
            findings += check_chains(engine)
        return findings
    except Exception as exc:  # noqa: BLE001
        mapped = map_error(exc)
        if mapped is exc:
            raise
        raise mapped from exc
