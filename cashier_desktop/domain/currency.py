"""Currency profiles: code, symbol, digit grouping and the per-transaction maximum.

A profile is configuration; these are the defaults a cage in each place expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class CurrencyProfile:
    code: str
    symbol: str
    grouping: str  # "en-IN" (1,00,000) or "en-US" (100,000)
    max_transaction: Decimal
    aliases: tuple[str, ...] = ()

    @property
    def prefixes(self) -> tuple[str, ...]:
        """Everything a cashier may type in front of the digits."""
        return tuple(sorted({self.symbol, self.code, *self.aliases}, key=len, reverse=True))


PROFILES: dict[str, CurrencyProfile] = {
    "INR": CurrencyProfile("INR", "₹", "en-IN", Decimal("10000000.00"), ("Rs.", "Rs", "RS", "INR")),
    "USD": CurrencyProfile("USD", "$", "en-US", Decimal("1000000.00"), ("US$", "USD")),
    "EUR": CurrencyProfile("EUR", "€", "en-US", Decimal("1000000.00"), ("EUR",)),
    "GBP": CurrencyProfile("GBP", "£", "en-US", Decimal("1000000.00"), ("GBP",)),
}


def profile_for(code: str, max_transaction: Decimal | None = None) -> CurrencyProfile:
    """The profile for a currency code, optionally with a configured maximum."""
    base = PROFILES.get(code.upper()) or CurrencyProfile(code.upper(), code.upper(), "en-US",
                                                         Decimal("1000000.00"))
    if max_transaction is None:
        return base
    return CurrencyProfile(base.code, base.symbol, base.grouping, max_transaction, base.aliases)
