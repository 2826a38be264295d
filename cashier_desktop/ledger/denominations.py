"""The notes, coins and chips of a currency as the database stores them (`cage.denominations`,
migration 0016): the set `cage.note_pieces` checks a posting's notes against, read here so
the count parser refuses the same denominations before anything is sent. Beside the chips,
the cheques the cage takes in the currency (`cage.cheque_instruments`, migration 0030)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction


def currency_denominations(engine: Engine, currency: str) -> dict[str, list[Decimal]]:
    """{'note': [...], 'coin': [...], 'chip': [...]} for `currency`, largest first (empty if none)."""
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT form, value FROM cage.currency_denominations(:c)"), {"c": currency}).all())
    out: dict[str, list[Decimal]] = {"note": [], "coin": [], "chip": []}
    for form, value in rows:
        out.setdefault(form, []).append(value)
    return out


def cash_denominations(engine: Engine, currency: str) -> list[Decimal]:
    """The notes and coins of `currency` (what a drawer count may contain), largest first."""
    forms = currency_denominations(engine, currency)
    return sorted(set(forms["note"]) | set(forms["coin"]), reverse=True)


def currency_cheques(engine: Engine, currency: str) -> dict[str, tuple[Decimal, ...] | None]:
    """{instrument: its face values, largest first, or None when written for any amount} for
    the cheques the cage takes in `currency` (empty if it takes none)."""
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT instrument, denominations FROM cage.currency_cheques(:c)"), {"c": currency}).all())
    return {i: None if d is None else tuple(sorted(d, reverse=True)) for i, d in rows}
