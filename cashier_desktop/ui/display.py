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


def kind_text(kind: Kind | str) -> str:
    try:
        return Kind(kind).label
    except ValueError:
        return str(kind)


ROLE_LABELS = {"cashier": "Cashier", "floor_manager": "Floor manager", "supervisor": "Supervisor"}


def role_text(role: str) -> str:
    return ROLE_LABELS.get(role, role)
