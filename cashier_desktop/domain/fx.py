"""Foreign exchange at the counter: the directions and the local figure of a quote.

The database computes the figure that is posted (`cage.fx_local_amount`); this is the same
rule, so the quote the cashier reads out is the amount the player gets or pays: the foreign
amount times the rate, to the paisa, in the cage's favour (down when the cage pays, up when
it is paid).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from .errors import InvalidInput

BUY, SELL = "buy", "sell"  # the cage buys foreign cash (pays local) / sells it (is paid local)
DIRECTIONS = (BUY, SELL)
PAISA = Decimal("0.01")
RATE_PLACES = 6  # cage.fx_rates: numeric(14,6)


def check_direction(direction: str) -> str:
    d = (direction or "").strip().lower()
    if d not in DIRECTIONS:
        raise InvalidInput("An exchange either buys foreign cash (buy) or sells it (sell).")
    return d


def local_amount(direction: str, foreign: Decimal, rate: Decimal) -> Decimal:
    """What the cage pays (buy) or is paid (sell) in its own currency for `foreign`."""
    rounding = ROUND_FLOOR if check_direction(direction) == BUY else ROUND_CEILING
    return (foreign * rate).quantize(PAISA, rounding=rounding)


def parse_rate(text: str, what: str = "rate") -> Decimal:
    """A rate as typed ("83.25"): positive, at most six decimal places."""
    try:
        value = Decimal((text or "").strip().replace(",", ""))
    except InvalidOperation:
        raise InvalidInput(f"“{text}” is not a {what}: type it as 83.25.") from None
    if not value.is_finite() or value <= 0:
        raise InvalidInput(f"The {what} must be a positive number.")
    if value != value.quantize(Decimal(1).scaleb(-RATE_PLACES)):
        raise InvalidInput(f"The {what} has at most {RATE_PLACES} decimal places.")
    if value >= Decimal("100000000"):
        raise InvalidInput(f"The {what} is too large.")
    return value
