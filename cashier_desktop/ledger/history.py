"""A player's full history: pages of postings with filters, and the identification on file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from ..domain.commands import check_player_id
from ..domain.receipts import Receipt
from .posting import RECEIPT_COLUMNS, receipt_of_row
from .queries import _run


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """Which postings: all of them unless narrowed. Times are aware datetimes (inclusive from,
    exclusive until), so the caller decides what a "day" is in the cage's time zone."""

    kinds: tuple[str, ...] = ()
    shift_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class HistoryPage:
    rows: list[Receipt]
    total: int  # how many postings match the filter, across all pages
    offset: int


@dataclass(frozen=True, slots=True)
class IdOnFile:
    """The latest identification recorded with one of the player's postings."""

    id_type: str
    id_number: str
    recorded_at: datetime
    staff_id: str

    @property
    def masked_number(self) -> str:
        """Only the last four characters: enough to compare with the document in hand."""
        n = self.id_number
        return ("•" * max(0, len(n) - 4) + n[-4:]) if len(n) > 4 else n


def player_history(engine: Engine, player_id: str, flt: HistoryFilter = HistoryFilter(), *,
                   offset: int = 0, limit: int = 50) -> HistoryPage:
    """One page of the player's postings, newest first, and the number matching the filter."""
    where = ["player_id = :p"]
    params: dict = {"p": check_player_id(player_id), "off": max(0, offset), "lim": max(1, min(limit, 500))}
    if flt.kinds:
        where.append("kind = ANY(:kinds)")
        params["kinds"] = list(flt.kinds)
    if flt.shift_id is not None:
        where.append("shift_id = :shift")
        params["shift"] = flt.shift_id
    if flt.since is not None:
        where.append("created_at >= :since")
        params["since"] = flt.since
    if flt.until is not None:
        where.append("created_at < :until")
        params["until"] = flt.until
    cond = " AND ".join(where)
    rows = _run(engine, "player_history", f"""
        SELECT {RECEIPT_COLUMNS}, count(*) OVER () AS matching FROM ledger_transactions
        WHERE {cond} ORDER BY seq DESC OFFSET :off LIMIT :lim""", params)
    if rows:
        total = int(rows[0]._mapping["matching"])
    else:
        total = int(_run(engine, "player_history_count",
                         f"SELECT count(*) FROM ledger_transactions WHERE {cond}", params)[0][0])
    return HistoryPage([receipt_of_row(r, replayed=False) for r in rows], total, params["off"])


def identification_on_file(engine: Engine, player_id: str) -> IdOnFile | None:
    rows = _run(engine, "identification_on_file", """
        SELECT id_type, id_number, created_at, staff_id FROM ledger_transactions
        WHERE player_id = :p AND id_type IS NOT NULL AND id_number IS NOT NULL
        ORDER BY seq DESC LIMIT 1""", {"p": check_player_id(player_id)})
    if not rows:
        return None
    return IdOnFile(*rows[0])
