"""The receipt of a currency exchange: both currencies and the rate, on an 80 mm roll or A4.

An exchange is no ledger posting (it is a row of `fx_exchanges`, posted by `cage.exchange`),
so it has its own lines; the painting, printing and PDF are receipt_layout's, shared with
every other receipt. Strings go through `QCoreApplication.translate("ExchangeReceipt", …)`:
printed in the terminal's language.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ..domain.currency import CurrencyProfile, profile_for
from ..domain.formatting import format_money
from ..domain.money import Money
from .display import time_text
from .receipt_layout import Line, ReceiptModel, print_receipt, render_image, save_receipt_pdf

translate = QCoreApplication.translate


def rate_figure(rate: Decimal, local: CurrencyProfile) -> str:
    """`₹83.123456`: the rate as stored (up to six places, trailing zeros dropped to two)."""
    shown = rate.normalize()
    if -shown.as_tuple().exponent < 2:
        shown = rate.quantize(Decimal("0.01"))
    return f"{local.symbol}{shown:,f}"


def rate_text(rate: Decimal, foreign: str, local: CurrencyProfile) -> str:
    """`1 USD = ₹83.123456`."""
    return f"1 {foreign} = {rate_figure(rate, local)}"


def direction_text(direction: str, foreign: str, local: str) -> str:
    """What the player did, in the player's terms (the cage buys = the player buys local)."""
    if direction == "buy":
        return translate("ExchangeReceipt", "Player buys %1 with %2").replace("%1", local).replace("%2", foreign)
    return translate("ExchangeReceipt", "Player buys %1 with %2").replace("%1", foreign).replace("%2", local)


def exchange_receipt_model(done: Any, profile: CurrencyProfile, *, staff_name: str = "", player_name: str = "",
                           casino_name: str | None = None, casino_address: str | None = None,
                           reprint_by: str | None = None, reprint_at: Any = None) -> ReceiptModel:
    """What the receipt of exchange `done` (ledger.exchange.Exchange) says; with `reprint_by`,
    a reprint that says so, when and by whom."""
    foreign_profile = profile_for(done.foreign.currency)
    foreign_text = format_money(done.foreign, foreign_profile)
    local_text = format_money(Money(done.local.amount, profile.code), profile)
    received, paid = (foreign_text, local_text) if done.direction == "buy" else (local_text, foreign_text)
    lines = [Line("title", casino_name or translate("ExchangeReceipt", "Cashier cage"))]
    lines += [Line("address", part.strip()) for part in (casino_address or "").replace("\\n", "\n").splitlines()
              if part.strip()]
    lines.append(Line("heading", translate("ExchangeReceipt", "Currency exchange")))
    if done.replayed:
        lines.append(Line("banner", translate("ExchangeReceipt", "COPY — ALREADY EXCHANGED")))
    if reprint_by:
        lines.append(Line("banner", translate("ExchangeReceipt", "REPRINT")))
        lines.append(Line("field", translate("ExchangeReceipt", "Reprinted"), f"{time_text(reprint_at)} · {reprint_by}"))
    staff = f"{staff_name} ({done.staff_id})" if staff_name and done.staff_id else (done.staff_id or "—")
    lines += [
        Line("field", translate("ExchangeReceipt", "Exchange id"), str(done.id)),
        Line("field", translate("ExchangeReceipt", "Date"), time_text(done.created_at)),
        Line("field", translate("ExchangeReceipt", "Terminal"), done.terminal_id or "—"),
        Line("field", translate("ExchangeReceipt", "Shift"), str(done.shift_id)),
        Line("field", translate("ExchangeReceipt", "Cashier"), staff),
    ]
    if done.approver_id:
        lines.append(Line("field", translate("ExchangeReceipt", "Approved by"), done.approver_id))
    player = f"{done.player_id} {player_name}".strip() if done.player_id else translate("ExchangeReceipt", "not named")
    lines += [
        Line("rule"),
        Line("field", translate("ExchangeReceipt", "Player"), player),
        Line("field", translate("ExchangeReceipt", "Transaction"),
             direction_text(done.direction, done.foreign.currency, profile.code)),
        Line("field", translate("ExchangeReceipt", "Received from the player"), received),
        Line("big", translate("ExchangeReceipt", "Paid to the player"), paid),
        Line("field", translate("ExchangeReceipt", "Rate"), rate_text(done.rate, done.foreign.currency, profile)),
        Line("note", translate("ExchangeReceipt", "The %1 amount is the foreign amount times the rate, "
                                                  "rounded to the paisa.").replace("%1", profile.code)),
        Line("rule"),
        Line("sign", translate("ExchangeReceipt", "Player's signature")),
        Line("sign", translate("ExchangeReceipt", "Cashier's signature")),
    ]
    return ReceiptModel(str(done.id)[:8], lines, None)


class ExchangeReceiptDialog(QDialog):
    """The exchange's receipt as it prints; Ctrl+P prints, Ctrl+S saves a PDF, Esc closes."""

    def __init__(self, done: Any, profile: CurrencyProfile, parent: QWidget | None = None, *,
                 staff_name: str = "", player_name: str = "", casino_name: str | None = None,
                 casino_address: str | None = None, paper: str = "80mm", reprint_by: str | None = None) -> None:
        super().__init__(parent)
        self.exchange, self.paper = done, paper
        self.setObjectName("exchangeReceiptDialog")
        self.setWindowTitle((self.tr("REPRINT — ") if reprint_by else "")
                            + self.tr("Exchange receipt %1").replace("%1", str(done.id)[:8]))
        from datetime import datetime, timezone
        self.model = exchange_receipt_model(done, profile, staff_name=staff_name, player_name=player_name,
                                            casino_name=casino_name, casino_address=casino_address,
                                            reprint_by=reprint_by,
                                            reprint_at=datetime.now(timezone.utc) if reprint_by else None)
        self._printer: QPrinter | None = None
        self._print_dialog: QPrintDialog | None = None
        self._pdf_dialog: QFileDialog | None = None
        self.image = QLabel(self)
        self.image.setPixmap(QPixmap.fromImage(render_image(self.model, "80mm", dpi=160)))
        self.image.setAccessibleName(self.tr("Receipt"))
        self.image.setAccessibleDescription(self.model.text())
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setAlignment(Qt.AlignHCenter)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print… (Ctrl+P)"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF… (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("&Close (Esc)"))
        for b, role in ((self.print_button, QDialogButtonBox.ActionRole), (self.pdf_button, QDialogButtonBox.ActionRole),
                        (self.close_button, QDialogButtonBox.AcceptRole)):
            buttons.addButton(b, role)
        self.close_button.setDefault(True)
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.Print, self, activated=self.print_receipt)
        QShortcut(QKeySequence.Save, self, activated=self.ask_pdf)
        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addWidget(buttons)
        self.resize(max(560, self.image.pixmap().width() + 60), 640)
        self.close_button.setFocus(Qt.OtherFocusReason)

    def plain_text(self) -> str:
        return self.model.text()

    def print_receipt(self) -> None:
        if self._print_dialog is None:
            self._printer = QPrinter(QPrinter.HighResolution)
            self._print_dialog = QPrintDialog(self._printer, self)
            self._print_dialog.setWindowModality(Qt.WindowModal)
            self._print_dialog.accepted.connect(lambda: print_receipt(self.model, self._printer, self.paper))
        self._print_dialog.show()

    def save_pdf(self, path: str | Path, paper: str | None = None) -> Path:
        return save_receipt_pdf(self.model, path, paper or self.paper)

    def ask_pdf(self) -> None:
        if self._pdf_dialog is None:
            self._pdf_dialog = QFileDialog(self, self.tr("Save receipt as PDF"),
                                           f"exchange-{str(self.exchange.id)[:8]}.pdf", self.tr("PDF files (*.pdf)"))
            self._pdf_dialog.setAcceptMode(QFileDialog.AcceptSave)
            self._pdf_dialog.setDefaultSuffix("pdf")
            self._pdf_dialog.setWindowModality(Qt.WindowModal)
            self._pdf_dialog.fileSelected.connect(self.save_pdf)
        self._pdf_dialog.show()
