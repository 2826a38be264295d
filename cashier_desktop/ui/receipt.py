"""The receipt handed to the player for every posting: on screen, printed, or as a PDF.

The receipt number is the posting id (the idempotency key), so a reprint and the ledger
row can always be matched. Receipts taken offline say "OFFLINE — PENDING"; reprints say
"REPRINT".
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QShortcut, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..domain.currency import CurrencyProfile
from ..domain.receipts import OFFLINE_PENDING, PendingReceipt, Receipt
from . import messages
from .display import kind_text, money_text, time_text


@dataclass(frozen=True)
class ReceiptView:
    """Everything printed on a receipt, whatever produced it (ledger or offline journal)."""

    number: str
    kind: str
    player_id: str
    amount: Decimal
    cash_after: Decimal | None
    credit_after: Decimal | None
    staff_id: str
    approver_id: str | None
    terminal_id: str
    at: datetime
    pending: bool = False
    reprint: bool = False
    reason: str | None = None

    @classmethod
    def of(cls, receipt: Receipt | PendingReceipt, *, reprint: bool = False, terminal_id: str = "") -> "ReceiptView":
        """From a ledger `Receipt` or an offline pending receipt (which has no balance after)."""
        if isinstance(receipt, PendingReceipt):
            return cls(number=str(receipt.id), kind=kind_text(receipt.kind), player_id=receipt.player_id,
                       amount=receipt.amount, cash_after=None, credit_after=None,
                       staff_id=receipt.staff_id, approver_id=None,
                       terminal_id=receipt.terminal_id or terminal_id, at=receipt.taken_at,
                       pending=True, reprint=reprint)
        return cls(number=str(receipt.id), kind=kind_text(receipt.kind), player_id=receipt.player_id,
                   amount=receipt.amount, cash_after=receipt.cash_after, credit_after=receipt.credit_after,
                   staff_id=receipt.staff_id, approver_id=receipt.approver_id,
                   terminal_id=receipt.terminal_id or terminal_id,
                   at=receipt.created_at or datetime.now(timezone.utc), reprint=reprint,
                   reason=receipt.reason)


def receipt_html(view: ReceiptView, profile: CurrencyProfile, player_name: str = "") -> str:
    """The receipt as simple HTML that QTextDocument renders identically on screen and paper."""
    e = html.escape
    rows = [
        ("Receipt no.", view.number),
        ("Transaction", view.kind),
        ("Player", f"{view.player_id} {player_name}".strip()),
        ("Amount", money_text(view.amount, profile)),
    ]
    if view.pending:
        rows.append(("Balance after", "pending — not yet posted"))
    else:
        rows.append(("Cash balance after", money_text(view.cash_after, profile)))
        if view.credit_after:
            rows.append(("Credit drawn after", money_text(view.credit_after, profile)))
    rows += [("Staff", view.staff_id)]
    if view.approver_id:
        rows.append(("Approved by", view.approver_id))
    if view.reason:
        rows.append(("Reason", view.reason))
    rows += [("Terminal", view.terminal_id), ("Time", time_text(view.at))]
    banners = []
    if view.pending:
        banners.append(f"<p class='banner' style='color:#b00000;font-size:16pt;font-weight:bold'>"
                       f"{e(OFFLINE_PENDING)}</p>")
    if view.reprint:
        banners.append(f"<p class='banner' style='font-size:16pt;font-weight:bold'>"
                       f"{e(messages.REPRINT)}</p>")
    body = "".join(f"<tr><td style='padding-right:12px'>{e(k)}</td><td><b>{e(v)}</b></td></tr>"
                   for k, v in rows)
    return (f"<h2>{e(messages.APP_TITLE)} — receipt</h2>{''.join(banners)}"
            f"<table cellspacing='2'>{body}</table>"
            + (f"<p>{e(messages.PENDING_RECEIPT)}</p>" if view.pending else ""))


def save_pdf(document_html: str, path: str | Path) -> Path:
    """Write `document_html` to a PDF file through QPrinter (no printer needed)."""
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter))
    doc = QTextDocument()
    doc.setHtml(document_html)
    doc.print_(printer)
    return Path(path)


class ReceiptDialog(QDialog):
    """Shows one receipt; Ctrl+P prints through the print dialog, Ctrl+S saves a PDF."""

    def __init__(self, view: ReceiptView, profile: CurrencyProfile, parent: QWidget | None = None,
                 player_name: str = "") -> None:
        super().__init__(parent)
        self.view = view
        self.setObjectName("receiptDialog")
        self.setWindowTitle(("REPRINT — " if view.reprint else "") + f"Receipt {view.number}")
        self._printer: QPrinter | None = None
        self._print_dialog: QPrintDialog | None = None
        self._pdf_dialog: QFileDialog | None = None
        self.html = receipt_html(view, profile, player_name)
        self.text = QTextBrowser(self)
        self.text.setObjectName("receiptText")
        self.text.setAccessibleName("Receipt")
        self.text.setHtml(self.html)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("&Print… (Ctrl+P)")
        self.pdf_button = QPushButton("Save as P&DF… (Ctrl+S)")
        self.close_button = QPushButton("&Close (Esc)")
        buttons.addButton(self.print_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.AcceptRole)
        self.close_button.setDefault(True)
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.Print, self, activated=self.print_receipt)
        QShortcut(QKeySequence.Save, self, activated=self.ask_pdf)
        box = QVBoxLayout(self)
        box.addWidget(self.text)
        box.addWidget(buttons)
        self.resize(460, 420)
        self.close_button.setFocus(Qt.OtherFocusReason)

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def print_receipt(self) -> None:
        """Qt's print dialog (window-modal, not blocking); prints when accepted."""
        if self._print_dialog is None:
            # One printer and one dialog per receipt, owned here: the dialog only points at
            # the printer, so the printer must live as long as it does.
            self._printer = QPrinter(QPrinter.HighResolution)
            self._print_dialog = QPrintDialog(self._printer, self)
            self._print_dialog.setWindowModality(Qt.WindowModal)
            self._print_dialog.accepted.connect(self._print_now)
        self._print_dialog.show()

    def _print_now(self) -> None:
        doc = QTextDocument()
        doc.setHtml(self.html)
        doc.print_(self._printer)

    def ask_pdf(self) -> None:
        """A save-file dialog (window-modal, not blocking); writes the PDF to the chosen path."""
        if self._pdf_dialog is None:
            self._pdf_dialog = QFileDialog(self, "Save receipt as PDF", f"receipt-{self.view.number}.pdf",
                                           "PDF files (*.pdf)")
            self._pdf_dialog.setAcceptMode(QFileDialog.AcceptSave)
            self._pdf_dialog.setDefaultSuffix("pdf")
            self._pdf_dialog.setWindowModality(Qt.WindowModal)
            self._pdf_dialog.fileSelected.connect(lambda path: save_pdf(self.html, path))
        self._pdf_dialog.show()
