"""Money and dates as people read them, the one place that decides it: money with its symbol,
digit grouping (Indian or Western) and two decimals; dates and times as ISO 8601, local time."""

from __future__ import annotations

from datetime import date, datetime
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


# Dates and times: one format on every screen, receipt, PDF and report, in both languages.
# ISO 8601 (`2026-12-04 14:05:07`, local time): it cannot be read as 12 April, sorts as text,
# and needs no month names, so a Hindi receipt and an English one show the same figures.
DATE_FORMAT = "%Y-%m-%d"
DATE_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATE_FORMAT_QT = "yyyy-MM-dd"  # the same for Qt's date boxes (QDateEdit.setDisplayFormat)


def format_date_time(at: datetime | None) -> str:
    """A moment in the terminal's local time: `2026-12-04 14:05:07` (— when unknown)."""
    if at is None:
        return "—"
    return _local(at).strftime(DATE_TIME_FORMAT)


def format_date(at: datetime | date | None) -> str:
    """A day: `2026-12-04` (— when unknown)."""
    if at is None:
        return "—"
    return (_local(at) if isinstance(at, datetime) else at).strftime(DATE_FORMAT)


def format_clock(at: datetime | None, now: datetime | None = None) -> str:
    """A time today as a wall clock reads (`14:05`); another day gets its date (`2026-12-03 14:05`)."""
    if at is None:
        return "—"
    local = _local(at)
    today = _local(now or datetime.now().astimezone()).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime(f"{DATE_FORMAT} %H:%M")


def _local(at: datetime) -> datetime:
    """Local time; a naive value is taken as already local (as the journal's SQLite gives it)."""
    return at.astimezone() if at.tzinfo is not None else at
