"""Parse what a cashier types into `Money`, or refuse with a sentence.

Accepted: `10000`, `10,000.50`, `₹10,000`, `Rs 500`, Indian grouping `1,00,000`.
Refused: empty, zero, negative, more than two decimals, exponents, NaN/Infinity,
letters, non-ASCII digits, badly placed commas, above the per-transaction maximum.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .currency import CurrencyProfile
from .errors import InvalidAmount
from .formatting import format_money
from .money import Money

# ASCII digits only: Python's Decimal would happily read Devanagari or Arabic digits.
_PLAIN = re.compile(r"[0-9]+(\.[0-9]{1,2})?")
_WESTERN = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]{1,2})?")
_INDIAN = re.compile(r"[0-9]{1,2}(,[0-9]{2})*,[0-9]{3}(\.[0-9]{1,2})?")
_TOO_PRECISE = re.compile(r"[0-9,]*\.[0-9]{3,}")


def parse_amount(text: str | None, profile: CurrencyProfile) -> Money:
    """Read a typed amount.

    Args:
        text: what was typed, with or without currency symbol and grouping commas.
        profile: the currency profile (code, symbol, maximum): always the caller's (the
            cage's, or the account's), never assumed, so no amount lands in a currency by default.
    Returns:
        A positive `Money` in the profile's currency.
    Raises:
        InvalidAmount: with one sentence saying what is wrong.
    """
    if text is None or not text.strip():
        raise InvalidAmount("Enter an amount.")
    s = text.strip()
    for prefix in profile.prefixes:
        if s.upper().startswith(prefix.upper()):
            s = s[len(prefix):].strip()
            break
    if not s:
        raise InvalidAmount("Enter an amount after the currency sign.")
    if s.startswith("-") or s.startswith("(") or s.startswith("−"):
        raise InvalidAmount("The amount must be positive; use the other action to take money out.")
    if s.startswith("+"):
        s = s[1:]
    lowered = s.lower()
    if "nan" in lowered or "inf" in lowered:
        raise InvalidAmount("That is not a number.")
    if any(ch.isdigit() and not ("0" <= ch <= "9") for ch in s):
        raise InvalidAmount("Use the digits 0–9 only.")
    if re.fullmatch(r"[0-9.,]*[eE][+-]?[0-9]+", s):
        raise InvalidAmount("Type the amount in full, without an exponent.")
    if _TOO_PRECISE.fullmatch(s):
        raise InvalidAmount("Amounts have at most two decimal places.")
    if re.search(r"[^0-9.,]", s):
        raise InvalidAmount(f"“{text.strip()}” is not an amount: only digits, commas and one decimal point.")
    if not (_PLAIN.fullmatch(s) or _WESTERN.fullmatch(s) or _INDIAN.fullmatch(s)):
        raise InvalidAmount(f"“{text.strip()}” is not a well-formed amount; check the commas and the decimal point.")
    value = Decimal(s.replace(",", ""))
    if value <= 0:
        raise InvalidAmount.not_positive()
    if value > profile.max_transaction:
        raise InvalidAmount(
            f"{format_money(Money(value, profile.code), profile)} is above the per-transaction maximum of "
            f"{format_money(Money(profile.max_transaction, profile.code), profile)}.")
    return Money(value, profile.code)
