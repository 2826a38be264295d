"""An amount field for a numeric keypad: filters keystrokes, groups digits as you type.

`AmountEdit.money()` is a `Money` or `None`; when it is `None`, `error()` is the domain's
own sentence (from `domain.amounts.parse_amount`), shown inline by `AmountField`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.amounts import parse_amount
from ..domain.currency import CurrencyProfile
from ..domain.errors import InvalidAmount
from ..domain.formatting import format_money, group_digits
from ..domain.money import Money
from .feedback import MessageLabel

_ALLOWED = set("0123456789.,")


class _KeypadValidator(QValidator):
    """Let through digits, commas and points only; the structure is judged by the domain."""

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt signature
        if all(ch in _ALLOWED for ch in text):
            return QValidator.Acceptable, text, pos
        return QValidator.Invalid, text, pos


def regroup(text: str, grouping: str) -> str:
    """Re-insert grouping commas in what was typed, leaving anything malformed alone."""
    raw = text.replace(",", "")
    if raw.count(".") > 1 or not raw:
        return text
    whole, dot, frac = raw.partition(".")
    if not whole.isdigit() and whole:
        return text
    return group_digits(whole, grouping) + dot + frac


class AmountEdit(QLineEdit):
    """A line edit that yields `Money` or `None`, never a float."""

    money_changed = Signal(object)  # Money | None

    def __init__(self, profile: CurrencyProfile, parent: QWidget | None = None,
                 allow_zero: bool = False) -> None:
        super().__init__(parent)
        self.profile = profile
        self.allow_zero = allow_zero
        self.setValidator(_KeypadValidator(self))
        self.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.setPlaceholderText("0.00")
        self.setAccessibleName(self.tr("Amount"))
        self.setObjectName("amount")
        self._money: Money | None = None
        self._error = ""
        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._reparse)

    def money(self) -> Money | None:
        return self._money

    def error(self) -> str:
        return self._error

    def _on_edited(self, text: str) -> None:
        grouped = regroup(text, self.profile.grouping)
        if grouped != text:
            digits_before = sum(ch != "," for ch in text[: self.cursorPosition()])
            self.blockSignals(True)
            self.setText(grouped)
            self.blockSignals(False)
            pos, seen = 0, 0
            while pos < len(grouped) and seen < digits_before:
                if grouped[pos] != ",":
                    seen += 1
                pos += 1
            self.setCursorPosition(pos)
            self._reparse(grouped)

    def _reparse(self, text: str) -> None:
        text = self.text()
        money, error = None, ""
        if text.strip():
            if self.allow_zero and text.replace(",", "").strip(".0") == "":
                money = Money.zero(self.profile.code)
            else:
                try:
                    money = parse_amount(text, self.profile)
                except InvalidAmount as exc:
                    from .domain_text import translate_sentence
                    error = translate_sentence(str(exc))
        self._money, self._error = money, error
        self.money_changed.emit(money)


class AmountField(QWidget):
    """The amount edit with the currency symbol, the formatted amount and the inline refusal."""

    money_changed = Signal(object)

    def __init__(self, profile: CurrencyProfile, parent: QWidget | None = None,
                 allow_zero: bool = False) -> None:
        super().__init__(parent)
        self.profile = profile
        self.edit = AmountEdit(profile, self, allow_zero=allow_zero)
        symbol = QLabel(profile.symbol)
        symbol.setObjectName("currencySymbol")
        self.preview = QLabel(" ")
        self.preview.setObjectName("amountPreview")
        self.preview.setAccessibleName(self.tr("Amount as entered"))
        self.problem = MessageLabel(self.tr("Amount problem"), self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(symbol)
        row.addWidget(self.edit, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.preview)
        box.addWidget(self.problem)
        # A form's label names the field, not its edit: Alt+<letter> focuses the buddy only
        # when the buddy itself takes focus, so the field does and hands it to the edit.
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(self.edit.focusPolicy())
        self.edit.money_changed.connect(self._on_money)

    def money(self) -> Money | None:
        return self.edit.money()

    def error(self) -> str:
        return self.edit.error()

    def show_refusal(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self._mark_invalid(bool(sentence))

    def _mark_invalid(self, invalid: bool) -> None:
        """The box keeps its border and turns it dark red while its amount is refused."""
        if self.edit.property("invalid") != ("true" if invalid else "false"):
            self.edit.setProperty("invalid", "true" if invalid else "false")
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)

    def _on_money(self, money: Money | None) -> None:
        self.preview.setText(format_money(money, self.profile) if money is not None else " ")
        self.problem.setText(self.edit.error())
        self._mark_invalid(bool(self.edit.error()))
        self.money_changed.emit(money)
