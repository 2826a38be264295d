"""Foreign currency exchange through the posting API (`cage.exchange`, migration 0013).

The database decides everything that protects money: the rate in force (read under a lock
that a rate change must wait for), the local amount (rounded to the paisa in the cage's
favour: down when the cage pays, up when it is paid), the identification threshold, the
shift and the staff session. This module only calls it and returns what it posted.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.money import Money
from .db import in_transaction, sqlstate

UNIQUE_VIOLATION = "23505"


@dataclass(frozen=True, slots=True)
class Rate:
    id: int
    currency: str
    buy: Decimal   # the cage pays this much local cash per unit it buys
    sell: Decimal  # the cage is paid this much per unit it sells
    valid_from: datetime
    set_by: str


@dataclass(frozen=True, slots=True)
class Exchange:
    """One exchange as posted: both currencies and the rate, for the receipt."""

    id: uuid.UUID
    direction: str
    foreign: Money
    local: Money
    rate: Decimal
    rate_id: int
    shift_id: int
    player_id: str | None
    replayed: bool
    # for the receipt (who, where, when); defaults keep older callers working
    created_at: datetime | None = None
    staff_id: str | None = None
    approver_id: str | None = None
    terminal_id: str | None = None


def set_rate(engine: Engine, session: uuid.UUID, currency: str, buy: Decimal, sell: Decimal,
             valid_from: datetime | None = None) -> int:
    """Store a new rate (a supervisor's session); returns its id."""
    return in_transaction(engine, lambda conn: conn.execute(
        text("SELECT cage.set_fx_rate(:s, :c, :b, :x, :v)"),
        {"s": session, "c": currency, "b": buy, "x": sell, "v": valid_from}).scalar_one())


def rate_in_force(engine: Engine, currency: str) -> Rate | None:
    """The rate a quote shows now; pass its id to `exchange` so a change is refused."""
    row = in_transaction(engine, lambda conn: conn.execute(text(
        "SELECT id, btrim(currency) AS currency, buy_rate, sell_rate, valid_from, set_by "
        "FROM cage.fx_rate_at(:c)"), {"c": currency}).first())
    return None if row is None else Rate(row.id, row.currency, row.buy_rate, row.sell_rate,
                                         row.valid_from, row.set_by)


def exchange(engine: Engine, *, session: uuid.UUID, direction: str, foreign: Money,
             posting_id: uuid.UUID | None = None, approver_session: uuid.UUID | None = None,
             player_id: str | None = None, quoted_rate: int | None = None, id_type: str | None = None,
             id_number: str | None = None, notes: dict[str, int] | None = None) -> Exchange:
    """Buy (`buy`: foreign cash in, local out) or sell foreign cash in ONE posting.

    `notes` ({"100": 3}): the foreign notes taken in (buy) or paid out (sell), which must add
    up to the foreign amount (`cage.exchange_with_notes`, migration 0031); None: not recorded.
    A retry with the same `posting_id` and details returns the original exchange.
    """
    pid = posting_id or uuid.uuid4()
    request_hash = f"fx:{direction}:{foreign.currency}:{foreign.amount}:{player_id}:{quoted_rate}"
    function = "cage.exchange(:id, :h, :d, :c, :a, :s, :ap, :p, :q, :it, :in)"
    if notes:
        request_hash += ":" + ",".join(f"{d}x{n}" for d, n in sorted(notes.items()))
        function = "cage.exchange_with_notes(:id, :h, :d, :c, :a, :s, :ap, :p, :q, :it, :in, CAST(:n AS jsonb))"

    def call():
        return in_transaction(engine, lambda conn: conn.execute(text(f"""
            SELECT r.replayed, (r.exchange).* FROM {function} r"""),
            {"id": pid, "h": request_hash, "d": direction, "c": foreign.currency, "a": foreign.amount,
             "s": session, "ap": approver_session, "p": player_id, "q": quoted_rate, "it": id_type,
             "in": id_number, "n": json.dumps(notes) if notes else None}).one())
    try:
        row = call()
    except Exception as exc:  # noqa: BLE001 - one case answered, the rest re-raised
        if sqlstate(exc) != UNIQUE_VIOLATION:
            raise
        # The same id sent twice at once (a retry racing its own first attempt): the first
        # committed while this one waited on the key. Asked again, the database answers with
        # that exchange (or refuses different details): never a second one, never a raw error.
        row = call()
    return Exchange(id=row.id, direction=row.direction, foreign=Money(row.foreign_amount, row.currency.strip()),
                    local=Money(row.local_amount, row.local_currency.strip()), rate=row.rate,
                    rate_id=row.rate_id, shift_id=row.shift_id, player_id=row.player_id,
                    replayed=row.replayed, created_at=row.created_at, staff_id=row.staff_id,
                    approver_id=row.approver_id, terminal_id=row.terminal_id)


def shift_foreign_cash(engine: Engine, shift_id: int) -> dict[str, Money]:
    """Foreign cash the shift's drawer should hold, per currency (its local cash is in
    the shift's expected figure at close)."""
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT currency, expected FROM cage.shift_foreign_cash(:s)"), {"s": shift_id}).all())
    return {r.currency: Money(r.expected, r.currency) for r in rows}


@dataclass(frozen=True, slots=True)
class CurrencyRate:
    """A currency the cage exchanges, with the rate in force now (None before any is set)."""

    currency: str
    name: str
    rate: Rate | None


def rates_in_force(engine: Engine) -> list[CurrencyRate]:
    """Every currency the cage exchanges and its rate in force (`cage.fx_rates_in_force`, 0018)."""
    rows = in_transaction(engine, lambda conn: conn.execute(text(
        "SELECT * FROM cage.fx_rates_in_force()")).all())
    return [CurrencyRate(r.currency, r.name, None if r.rate_id is None else
                         Rate(r.rate_id, r.currency, r.buy_rate, r.sell_rate, r.valid_from, r.set_by))
            for r in rows]


def shift_exchanges(engine: Engine, shift_id: int) -> list[Exchange]:
    """Every exchange of a shift, oldest first (the supervisor's drawer page)."""
    rows = in_transaction(engine, lambda conn: conn.execute(text(
        "SELECT * FROM public.fx_exchanges WHERE shift_id = :s ORDER BY seq"), {"s": shift_id}).all())
    return [Exchange(id=r.id, direction=r.direction, foreign=Money(r.foreign_amount, r.currency.strip()),
                     local=Money(r.local_amount, r.local_currency.strip()), rate=r.rate, rate_id=r.rate_id,
                     shift_id=r.shift_id, player_id=r.player_id, replayed=False, created_at=r.created_at,
                     staff_id=r.staff_id, approver_id=r.approver_id, terminal_id=r.terminal_id) for r in rows]
