"""Money as an exact decimal amount in one currency.

`Money` never accepts a float, never rounds silently, and refuses mixing currencies.
Formatting for people lives in `domain/formatting.py`, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .errors import CurrencyMismatch, InvalidAmount

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# NUMERIC(14,2) holds at most this; anything larger cannot be stored.
STORABLE_MAX = Decimal("999999999999.99")


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert to an exact Decimal with two places, refusing floats and inexact values.

    Args:
        value: a Decimal, an int or a plain decimal string such as "10.50".
    Returns:
        The value quantized to cents.
    Raises:
        InvalidAmount: a float, bool, non-finite number, or more than two decimals.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise InvalidAmount("Amounts must be exact; this one was a floating-point number.")
    try:
        d = value if isinstance(value, Decimal) else Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        raise InvalidAmount(f"“{value}” is not an amount.") from None
    if not d.is_finite():
        raise InvalidAmount("That is not a finite amount.")
    if abs(d) > STORABLE_MAX:  # before quantize, which fails on huge values
        raise InvalidAmount.too_large()
    q = d.quantize(CENT)
    if q != d:
        raise InvalidAmount("Amounts have at most two decimal places (paise/cents).")
    if abs(q) > STORABLE_MAX:
        raise InvalidAmount.too_large()
    return q


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount of one currency, quantized to cents at creation."""

    amount: Decimal
    currency: str  # always given: no cage's currency is assumed

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", to_decimal(self.amount))
        if not (isinstance(self.currency, str) and len(self.currency) == 3 and self.currency.isalpha()
                and self.currency.isupper()):
            raise InvalidAmount(f"“{self.currency}” is not a currency code.")

    def __eq__(self, other: object) -> bool:
        """Equal to Money of the same currency and amount. Compared with a bare number it
        raises, not answers False: `balance.cash == Decimal("0")` would otherwise be quietly
        false for ever (a check that never fires)."""
        if isinstance(other, Money):
            return self.amount == other.amount and self.currency == other.currency
        if isinstance(other, (int, float, Decimal)):
            raise TypeError("Money is compared with Money, not with a bare number (use .amount)")
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))

    def _same(self, other: "Money") -> None:
        if not isinstance(other, Money):
            raise TypeError("Money only combines with Money")
        if other.currency != self.currency:
            raise CurrencyMismatch(
                f"Cannot combine {self.currency} with {other.currency}.")

    def __add__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> "Money":
        return Money(-self.amount, self.currency)

    def __lt__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount >= other.amount

    @property
    def is_positive(self) -> bool:
        return self.amount > 0

    @classmethod
    def zero(cls, currency: str) -> "Money":
        return cls(ZERO, currency)

    def __str__(self) -> str:  # machine form; people see domain.formatting
        return f"{self.amount} {self.currency}"
