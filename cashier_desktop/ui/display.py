"""How amounts, times and kinds read on screen (formatting rules live in domain/)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ..domain.currency import CurrencyProfile
from ..domain.formatting import format_money
from ..domain.kinds import Kind
from ..domain.money import Money


def money_text(amount: Decimal | None, profile: CurrencyProfile) -> str:
    """`Decimal("123456.5")` → `₹1,23,456.50` in the cage's currency."""
    if amount is None:
        return "—"
    return format_money(Money(amount, profile.code), profile)


def time_text(at: datetime | None) -> str:
    if at is None:
        return "—"
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def clock_text(at: datetime | None) -> str:
    """A time later today as a cashier reads a wall clock (`14:05`); another day gets its date."""
    if at is None:
        return "—"
    local = at.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


DATE_FORMAT_QT = "yyyy-MM-dd"  # the one date format on screen (as time_text writes dates)


def kind_text(kind: Kind | str) -> str:
    try:
        return Kind(kind).label
    except ValueError:
        return str(kind)


ROLE_LABELS = {"cashier": "Cashier", "floor_manager": "Floor manager", "supervisor": "Supervisor"}


def role_text(role: str) -> str:
    return ROLE_LABELS.get(role, role)
