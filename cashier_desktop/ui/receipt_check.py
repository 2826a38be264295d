"""The supervisor's receipt check: scan (a scanner types the QR text and Enter) or paste a
receipt's code and see whether the ledger still holds exactly that posting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..domain.currency import profile_for
from .display import money_text, time_text
from .i18n import kind_name
from .ops import Op, sentence_for


class ReceiptCheck(QWidget):
    """A field, a button and one sentence: green-framed when the receipt matches, a refusal
    when it does not. Reads only (one lookup)."""

    checked = Signal(object)  # the Verification, or the exception (tests)
    shown = Signal(str)  # a result (or "Checking…") now on screen: a message line beside it can give way

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptCheck")
        self.field = QLineEdit(self)
        self.field.setObjectName("receiptCode")
        self.field.setAccessibleName(self.tr("Receipt code"))
        self.field.setPlaceholderText(self.tr("Scan or paste a receipt's QR code (CDR1:…) and press Enter"))
        self.button = QPushButton(self.tr("Verif&y receipt"), self)
        self.result = QLabel("", self)
        self.result.setObjectName("receiptCheckResult")
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Receipt check result"))
        self.result.hide()  # takes a line only when it has something to say (the desk is short at 1366×768)
        self.field.returnPressed.connect(self.check)
        self.button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.result)

    def clear_result(self) -> None:
        """Give the line back (another message took the place under the desk)."""
        self.result.setText("")
        self.result.hide()

    def check(self) -> None:
        from ..terminal.receipts import verify_receipt
        payload = self.field.text()
        self._show(self.tr("Checking the receipt against the ledger…"), None)
        Op(parent=self, work=lambda s: verify_receipt(s, payload)) \
            .success(self._verified).failure(self._failed).disabling(self.button).run()

    def _verified(self, v: Any) -> None:
        if v.ok:
            amount = money_text(v.amount, profile_for(v.currency))
            text = (self.tr("Genuine: the ledger holds exactly this posting — %1 of %2 for player %3, %4.")
                    .replace("%1", kind_name(v.kind)).replace("%2", amount).replace("%3", v.player_id)
                    .replace("%4", time_text(v.created_at)))
        elif v.problem == "missing":
            text = self.tr("NOT GENUINE: the ledger holds no posting %1.").replace("%1", str(v.posting_id))
        elif v.problem == "hash_differs":
            text = self.tr("NOT GENUINE: the ledger's posting %1 differs from this receipt (its hash changed).") \
                .replace("%1", str(v.posting_id))
        else:
            text = self.tr("ALTERED: the ledger's posting %1 was changed after it was posted; "
                           "call the integrity officer.").replace("%1", str(v.posting_id))
        self._show(text, v.ok)
        self.checked.emit(v)

    def _failed(self, exc: BaseException) -> None:
        self._show(sentence_for(exc), False)
        self.checked.emit(exc)

    def _show(self, text: str, ok: bool | None) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))
        # A wrapped sentence keeps the height it needs at this width (a layout short of room
        # would give it one line and clip the rest).
        self.result.setMinimumHeight(self.result.heightForWidth(max(self.width(), 200)) if text else 0)
        if text:
            self.shown.emit(text)
        self.result.setProperty("error", "true" if ok is False else "false")
        self.result.setProperty("ok", "true" if ok else "false")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
