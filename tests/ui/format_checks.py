"""One date format and one money format on every screen: finders for the other formats.

The cage's formats live in cashier_desktop/domain/formatting.py: dates as ISO 8601
(`2026-12-04 14:05:07`), money as ₹ with Indian grouping (`₹1,23,456.00`). These functions
find a date or an amount written any other way in a text a person sees, and collect every
such text of a window (labels, buttons, table cells and headers, the status bar)."""

from __future__ import annotations

import re

from cashier_desktop.ui.amount_edit import AmountEdit
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableWidget, QTextEdit, QWidget

_MONTHS_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# Qt's Hindi month names and their short forms (जन॰, फ़र॰, …, दिस॰) and full names.
_MONTHS_HI = r"(?:जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|जुलाई|अगस्त|सितंबर|अक्तूबर|अक्टूबर|नवंबर|दिसंबर|जन॰|फ़र॰|अप्रै॰|जुल॰|सित॰|अक्तू॰|नव॰|दिस॰)"
OTHER_DATES = [
    re.compile(rf"\b\d{{1,2}}\s+{_MONTHS_EN}(?:\s+\d{{2,4}})?\b"),       # 4 Dec 2026
    re.compile(rf"\b{_MONTHS_EN}\s+\d{{1,2}},?\s+\d{{4}}\b"),            # Dec 4, 2026
    re.compile(rf"\d{{1,2}}\s*{_MONTHS_HI}"),                           # 4 दिस॰ 2026
    re.compile(rf"{_MONTHS_HI}\s*\d{{4}}"),
    re.compile(r"(?<![\w,.₹-])\d{1,2}[ ./-]\d{1,2}[ ./-]\d{2,4}(?![\w,])"),  # 4 12 2026, 04/12/26, 4.12.2026
    re.compile(r"\b\d{4}/\d{1,2}/\d{1,2}\b"),                           # 2026/12/04
    re.compile(r"\b\d{4}-\d{2}-\d{2}T\d"),                              # 2026-12-04T10:00 (machine ISO)
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b(?<!\d{4}-\d{2}-\d{2})"),     # 2026-12-4
]
OTHER_MONEY = [
    re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:INR|Rs\.?|rupees)\b", re.I),  # 10,000.00 INR
    re.compile(r"\b(?:INR|Rs\.?)\s?\d"),                                        # INR 10000
    re.compile(r"(?<![\d,.₹$€£])\d+(?:,\d+)*\.\d{2}(?![\d%])"),                 # 10000.00 without ₹
]
INDIAN = re.compile(r"^(?:\d{1,3}|\d{1,2}(?:,\d{2})*,\d{3})\.\d{2}$")
RUPEES = re.compile(r"₹([\d,]+\.\d+)")
# A foreign currency's cash (an exchange) is written in its own profile's format: $12,500.50.
WESTERN = re.compile(r"^\d{1,3}(?:,\d{3})*\.\d{2}$")
FOREIGN = re.compile(r"[$€£]([\d,]+\.\d+)")
# An exchange rate is no amount of money: up to six places (1 USD = ₹83.123456).
RATE = re.compile(r"1 [A-Z]{3} = ₹\d[\d,]*\.\d{2,6}\b")


def format_problems(text: str) -> list[str]:
    """What in `text` is a date or an amount not in the cage's one format."""
    text = RATE.sub(" ", text)
    found = [m.group(0) for p in OTHER_DATES for m in p.finditer(text)]
    found += [m.group(0) for m in FOREIGN.finditer(text) if not WESTERN.match(m.group(1))]
    found += [m.group(0) for p in OTHER_MONEY for m in p.finditer(text)]
    found += [f"₹{m.group(1)}" for m in RUPEES.finditer(text) if not INDIAN.match(m.group(1))]
    return found


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text visible in `root`: labels, buttons, line edits, text boxes,
    every table cell and header (the data, not only the chrome), the window title."""
    out: list[tuple[str, str]] = [(f"{type(root).__name__} title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        where = f"{type(w).__name__} {w.objectName() or w.accessibleName()}".strip()
        if isinstance(w, AmountEdit):  # an input box: the ₹ is a label beside it, the grouping its own
            sym = w.profile.symbol  # the cage's ₹, or a foreign currency's (an exchange)
            out.append((where, f"{sym}{w.text()}.00" if w.text() and "." not in w.text() else f"{sym}{w.text()}"))
        elif isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            out.append((where, w.text()))
        elif isinstance(w, QTextEdit):
            out.append((where, w.toPlainText()))
        elif isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        out.append((f"{where} [{r},{c}]", item.text()))
    return out


def window_format_problems(root: QWidget, state: str) -> list[str]:
    return [f"{state}: {where}: {text!r} → {bad}" for where, text in shown_texts(root)
            for bad in format_problems(re.sub(r"<[^>]+>", " ", text or ""))]
