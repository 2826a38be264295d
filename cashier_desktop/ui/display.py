"""How amounts, times and kinds read on screen (the formats themselves live in
domain/formatting.py: ₹ with Indian grouping, ISO dates, in both languages)."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.currency import CurrencyProfile
from ..domain.formatting import DATE_FORMAT_QT, format_clock, format_date_time, format_money  # noqa: F401 - DATE_FORMAT_QT for the date boxes
from ..domain.kinds import Kind
from ..domain.money import Money


def money_text(amount: Money | Decimal | None, profile: CurrencyProfile) -> str:
    """`Money` in its own currency (a receipt's amounts are in the receipt's, whatever the
    terminal's is); a bare `Decimal("123456.5")` → `₹1,23,456.50` in the cage's currency."""
    if amount is None:
        return "—"
    if isinstance(amount, Money):
        from ..domain.currency import profile_for
        return format_money(amount, profile if amount.currency == profile.code else profile_for(amount.currency))
    return format_money(Money(amount, profile.code), profile)


_MACHINE_MONEY = re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?) ([A-Z]{3})\b")
_BARE_AMOUNT = re.compile(r"(?<![\w.,₹-])(-?\d+\.\d{2})(?![\d%])")
_BARE_FIGURE = re.compile(r"\b(expected|found|cached|ledger|counted|variance) (-?\d+\.\d{2})\b")


def cage_sentence(text: str, profile: CurrencyProfile | None = None) -> str:
    """A sentence from the domain with its amounts in the cage's format: "has 100.00 INR" →
    "has ₹100.00"; a bare figure in a sentence that named its currency once takes that currency
    ("has 100.00 INR; cannot take 1500.00." → "… cannot take ₹1,500.00."); with `profile`, bare
    figures after expected/found/… too. Other text stays."""
    from ..domain.currency import profile_for

    currencies: list[str] = []

    def machine(m: re.Match) -> str:
        try:
            shown = format_money(Money(Decimal(m.group(1)), m.group(2)), profile_for(m.group(2)))
        except Exception:  # noqa: BLE001 - not an amount after all: leave it as written
            return m.group(0)
        currencies.append(m.group(2))
        return shown
    text = _MACHINE_MONEY.sub(machine, text)
    if len(set(currencies)) == 1:
        sentence_profile = profile_for(currencies[0])
        text = _BARE_AMOUNT.sub(lambda m: money_text(Decimal(m.group(1)), sentence_profile), text)
    if profile is not None:
        text = _BARE_FIGURE.sub(lambda m: f"{m.group(1)} {money_text(Decimal(m.group(2)), profile)}", text)
    return text


def time_text(at: datetime | None) -> str:
    """A moment on screen, on a receipt or in a PDF: `2026-12-04 14:05:07` (domain/formatting.py)."""
    return format_date_time(at)


def clock_text(at: datetime | None) -> str:
    """A time later today as a cashier reads a wall clock (`14:05`); another day gets its date."""
    return format_clock(at)


def kind_text(kind: Kind | str) -> str:
    """The kind's label in the terminal's language."""
    from .i18n import kind_name
    return kind_name(kind)


ROLE_LABELS = {"cashier": QT_TRANSLATE_NOOP("Role", "Cashier"),
               "floor_manager": QT_TRANSLATE_NOOP("Role", "Floor manager"),
               "supervisor": QT_TRANSLATE_NOOP("Role", "Supervisor")}


def role_text(role: str) -> str:
    return QCoreApplication.translate("Role", ROLE_LABELS[role]) if role in ROLE_LABELS else role
