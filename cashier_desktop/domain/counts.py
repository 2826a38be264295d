"""Drawer counts by denomination: what a cashier counts at shift open and close.

A count is typed as `500=10,100=3` (ten ₹500 notes, three ₹100 notes) or entered in the
GUI's grid; either way it becomes a `DrawerCount` whose total is exact Money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterable, Mapping

from .errors import InvalidInput
from .money import Money, to_decimal

_ITEM = re.compile(r"\s*([0-9]+(?:\.[0-9]{1,2})?)\s*[=x×:]\s*([0-9]+)\s*")
MAX_PIECES = 1_000_000


def _denomination(text: str, allowed: set[Decimal] | None) -> Decimal:
    try:
        d = to_decimal(Decimal(text))
    except (InvalidOperation, ValueError):
        raise InvalidInput(f"“{text}” is not a denomination.") from None
    if d <= 0:
        raise InvalidInput("A denomination must be more than zero.")
    if allowed is not None and d not in allowed:
        shown = ", ".join(f"{a:f}".rstrip("0").rstrip(".") for a in sorted(allowed, reverse=True))
        raise InvalidInput(f"{text} is not a denomination of this currency ({shown}).")
    return d


@dataclass(frozen=True, slots=True)
class DrawerCount:
    """Pieces per denomination (denomination → quantity), in one currency."""

    currency: str
    pieces: tuple[tuple[Decimal, int], ...]

    @property
    def total(self) -> Money:
        return Money(sum((d * q for d, q in self.pieces), Decimal("0.00")), self.currency)

    def to_json(self) -> dict[str, int]:
        """`{"500": 10, "100": 3}`: what the shift row stores."""
        return {format(d.normalize(), "f"): q for d, q in self.pieces}

    @classmethod
    def from_mapping(cls, counts: Mapping, currency: str,
                     denominations: Iterable[str] | None = None) -> "DrawerCount":
        """From `{denomination: quantity}` (keys as strings or Decimals, quantities ints)."""
        allowed = {to_decimal(Decimal(str(x))) for x in denominations} if denominations else None
        seen: dict[Decimal, int] = {}
        for key, qty in counts.items():
            d = _denomination(str(key), allowed)
            if isinstance(qty, bool) or not isinstance(qty, int):
                try:
                    qty = int(str(qty).strip())
                except ValueError:
                    raise InvalidInput(f"The quantity for {key} must be a whole number.") from None
            if qty < 0:
                raise InvalidInput(f"The quantity for {key} cannot be negative.")
            if qty > MAX_PIECES:
                raise InvalidInput(f"{qty} pieces of {key} is not a plausible count.")
            if d in seen:
                raise InvalidInput.counted_twice(key)
            seen[d] = qty
        return cls(currency, tuple(sorted(seen.items(), reverse=True)))


def parse_counts(text: str | None, currency: str, denominations: Iterable[str] | None = None
                 ) -> DrawerCount:
    """Read `500=10,100=3` into a count.

    Args:
        text: comma-separated `DENOMINATION=QUANTITY` pairs.
        currency: the cage's currency.
        denominations: the currency's denominations; others are refused. None allows any.
    Returns:
        The count, largest denomination first.
    Raises:
        InvalidInput: with a sentence naming the bad part.
    """
    if text is None or not text.strip():
        raise InvalidInput("Enter the count as DENOMINATION=QUANTITY pairs, e.g. 500=10,100=3.")
    mapping: dict[str, str] = {}
    allowed = {to_decimal(Decimal(str(x))) for x in denominations} if denominations else None
    seen: set[Decimal] = set()
    for part in text.split(","):
        if not part.strip():
            continue
        m = _ITEM.fullmatch(part)
        if not m:
            raise InvalidInput(f"“{part.strip()}” is not DENOMINATION=QUANTITY (e.g. 500=10).")
        d = _denomination(m.group(1), allowed)
        if d in seen:
            raise InvalidInput.counted_twice(m.group(1))
        seen.add(d)
        mapping[m.group(1)] = m.group(2)
    return DrawerCount.from_mapping(mapping, currency, denominations)


_CURRENCY = re.compile(r"\s*([A-Za-z]{3})\s*:(.*)", re.S)


def parse_foreign_counts(text: str | None, local_currency: str) -> dict[str, DrawerCount]:
    """Read a drawer's foreign cash, `USD:100=3,20=1; EUR:50=2`, into a count per currency.

    Empty means none counted. The notes are checked against each currency's own set by the
    ledger (`cage.count_foreign`, migration 0032), so any denomination is read here.
    Raises:
        InvalidInput: with a sentence naming the bad part.
    """
    counts: dict[str, DrawerCount] = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        m = _CURRENCY.fullmatch(part)
        if not m:
            raise InvalidInput(f"“{part.strip()}” is not CURRENCY:DENOMINATION=QUANTITY (e.g. USD:100=3,20=1).")
        code = m.group(1).upper()
        if code == local_currency:
            raise InvalidInput.own_currency_as_foreign(code)
        if code in counts:
            raise InvalidInput(f"The {code} cash is counted twice.")
        counts[code] = parse_counts(m.group(2), code)
    return counts


def foreign_counts_json(counts: Mapping[str, DrawerCount] | None) -> dict[str, dict[str, int]] | None:
    """`{"USD": {"100": 3}}`: what the ledger records; None when nothing was counted."""
    if not counts:
        return None
    return {code: count.to_json() for code, count in sorted(counts.items())}
