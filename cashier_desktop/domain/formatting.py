"""Money as people read it: symbol, digit grouping (Indian or Western), two decimals."""

from __future__ import annotations

from decimal import Decimal

from .currency import CurrencyProfile, profile_for
from .money import Money


def group_digits(integer_digits: str, grouping: str) -> str:
    """Insert grouping commas: `1,23,45,678` for en-IN, `12,345,678` otherwise."""
    if len(integer_digits) <= 3:
        return integer_digits
    if grouping == "en-IN":
        head, tail = integer_digits[:-3], integer_digits[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        if head:
            parts.insert(0, head)
        return ",".join(parts + [tail])
    parts = []
    while integer_digits:
        parts.insert(0, integer_digits[-3:])
        integer_digits = integer_digits[:-3]
    return ",".join(parts)


def format_amount(amount: Decimal, grouping: str = "en-IN") -> str:
    """`Decimal("123456.5")` → `1,23,456.50` (no symbol)."""
    q = amount.quantize(Decimal("0.01"))
    sign = "-" if q < 0 else ""
    whole, frac = f"{abs(q):f}".split(".")
    return f"{sign}{group_digits(whole, grouping)}.{frac}"


def format_money(money: Money, profile: CurrencyProfile | None = None) -> str:
    """`Money(10000, "INR")` → `₹10,000.00`."""
    profile = profile or profile_for(money.currency)
    text = format_amount(money.amount, profile.grouping)
    if text.startswith("-"):
        return f"-{profile.symbol}{text[1:]}"
    return f"{profile.symbol}{text}"
