"""Foreign currencies by name in the terminal's language (the database stores English names)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

NAMES = {"USD": QT_TRANSLATE_NOOP("Currency", "US dollar"), "EUR": QT_TRANSLATE_NOOP("Currency", "Euro"),
         "GBP": QT_TRANSLATE_NOOP("Currency", "Pound sterling"), "AED": QT_TRANSLATE_NOOP("Currency", "UAE dirham"),
         "SGD": QT_TRANSLATE_NOOP("Currency", "Singapore dollar")}


def currency_label(code: str, stored_name: str = "") -> str:
    """`USD — US dollar`, the name translated where the terminal knows it."""
    name = QCoreApplication.translate("Currency", NAMES[code]) if code in NAMES else stored_name
    return f"{code} — {name}" if name else code
