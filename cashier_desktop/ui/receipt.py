"""The receipt handed to the player for every posting: on screen, printed, or as a PDF.

A receipt carries a short human number (terminal-shift-sequence, the sequence from the
ledger's order within the shift) beside the posting id, the cashier's and approver's names,
player and signature lines, and a QR code with the posting id and the ledger row's hash that
anyone can check (`cashier-desktop verify-receipt`). Receipts taken offline say
"OFFLINE — PENDING" and carry no code; reprints say "REPRINT" with when and by whom.
Layout and painting: ui/receipt_layout.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ..domain.currency import CurrencyProfile
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.notes import Notes
from ..domain.receipt_code import receipt_number
from ..domain.receipts import PendingReceipt, Receipt
from .receipt_layout import ReceiptModel, print_receipt, receipt_model, render_image, save_receipt_pdf


@dataclass(frozen=True)
class ReceiptView:
    """Everything printed on a receipt, whatever produced it (ledger or offline journal)."""

    posting_id: UUID
    kind: Kind | str
    player_id: str
    amount: Money  # in the receipt's currency, which every line of it is printed in
    cash_after: Money | None
    credit_after: Money | None
    staff_id: str
    approver_id: str | None
    terminal_id: str
    at: datetime
    shift_id: int | None = None
    sequence: int | None = None  # place in the shift, from the ledger (None until posted)
    hash: str | None = None  # the ledger row's hash (None offline)
    pending: bool = False
    reprint: bool = False
    reprint_at: datetime | None = None
    reprint_by: str | None = None
    reprint_by_name: str = ""
    staff_name: str = ""
    approver_name: str = ""
    player_name: str = ""
    reason: str | None = None
    notes_in: Notes = ()  # the notes the posting recorded (issue 17): a "Notes" block when any
    notes_out: Notes = ()

    @property
    def number(self) -> str:
        """The short human number, terminal-shift-sequence."""
        return receipt_number(self.terminal_id, self.shift_id, self.sequence)

    @classmethod
    def of(cls, receipt: Receipt | PendingReceipt, *, reprint: bool = False, terminal_id: str = "",
           reprint_by: str | None = None, reprint_by_name: str = "") -> "ReceiptView":
        """From a ledger `Receipt` or an offline pending receipt (which has no balance after)."""
        marks = dict(reprint=reprint, reprint_by=reprint_by if reprint else None,
                     reprint_by_name=reprint_by_name if reprint else "",
                     reprint_at=datetime.now(timezone.utc) if reprint else None)
        if isinstance(receipt, PendingReceipt):
            return cls(posting_id=receipt.id, kind=receipt.kind, player_id=receipt.player_id,
                       amount=receipt.amount, cash_after=None, credit_after=None,
                       staff_id=receipt.staff_id, approver_id=None,
                       terminal_id=receipt.terminal_id or terminal_id, at=receipt.taken_at,
                       shift_id=receipt.shift_id, pending=True, notes_in=receipt.notes_in,
                       notes_out=receipt.notes_out, **marks)
        return cls(posting_id=receipt.id, kind=receipt.kind, player_id=receipt.player_id,
                   amount=receipt.amount, cash_after=receipt.cash_after, credit_after=receipt.credit_after,
                   staff_id=receipt.staff_id, approver_id=receipt.approver_id,
                   terminal_id=receipt.terminal_id or terminal_id,
                   at=receipt.created_at or datetime.now(timezone.utc), shift_id=receipt.shift_id,
                   hash=receipt.hash, reason=receipt.reason, sequence=receipt.shift_sequence,
                   staff_name=receipt.staff_name, approver_name=receipt.approver_name,
                   notes_in=receipt.notes_in, notes_out=receipt.notes_out, **marks)

    def with_facts(self, facts) -> "ReceiptView":
        """With the ledger's `ReceiptFacts` (sequence in the shift, staff names)."""
        return replace(self, sequence=facts.sequence, staff_name=facts.staff_name or self.staff_name,
                       approver_name=facts.approver_name or self.approver_name)


class ReceiptDialog(QDialog):
    """Shows one receipt as it prints; Ctrl+P prints through the print dialog, Ctrl+S saves a PDF."""

    def __init__(self, view: ReceiptView, profile: CurrencyProfile, parent: QWidget | None = None,
                 player_name: str = "", *, casino_name: str | None = None, casino_address: str | None = None,
                 paper: str = "80mm") -> None:
        super().__init__(parent)
        if player_name and not view.player_name:
            view = replace(view, player_name=player_name)
        self.view = view
        self.paper = paper
        self.setObjectName("receiptDialog")
        self.setWindowTitle((self.tr("REPRINT — ") if view.reprint else "")
                            + self.tr("Receipt %1").replace("%1", view.number))
        self._printer: QPrinter | None = None
        self._print_dialog: QPrintDialog | None = None
        self._pdf_dialog: QFileDialog | None = None
        self.model: ReceiptModel = receipt_model(view, profile, casino_name=casino_name,
                                                 casino_address=casino_address)
        self.image = QLabel(self)
        self.image.setObjectName("receiptImage")
        self.image.setPixmap(QPixmap.fromImage(render_image(self.model, "80mm", dpi=160)))
        self.image.setAccessibleName(self.tr("Receipt"))
        self.image.setAccessibleDescription(self.model.text())
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setAlignment(Qt.AlignHCenter)
        scroll.setWidgetResizable(False)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print… (Ctrl+P)"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF… (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("&Close (Esc)"))
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
        box.addWidget(scroll, 1)
        box.addWidget(buttons)
        self.resize(max(560, self.image.pixmap().width() + 60), 640)
        self.close_button.setFocus(Qt.OtherFocusReason)

    def plain_text(self) -> str:
        return self.model.text()

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
        print_receipt(self.model, self._printer, self.paper)

    def print_to_default_printer(self) -> bool:
        """Automatic printing (`receipt.auto_print`): the default printer, no dialog.
        False when the machine has no printer (the receipt stays on screen to print by hand)."""
        from PySide6.QtPrintSupport import QPrinterInfo
        if QPrinterInfo.defaultPrinter().isNull():
            return False
        self._printer = QPrinter(QPrinterInfo.defaultPrinter(), QPrinter.HighResolution)
        print_receipt(self.model, self._printer, self.paper)
        return True

    def save_pdf(self, path: str | Path) -> Path:
        return save_receipt_pdf(self.model, path, self.paper)

    def ask_pdf(self) -> None:
        """A save-file dialog (window-modal, not blocking); writes the PDF to the chosen path."""
        if self._pdf_dialog is None:
            self._pdf_dialog = QFileDialog(self, self.tr("Save receipt as PDF"), f"receipt-{self.view.number}.pdf",
                                           self.tr("PDF files (*.pdf)"))
            self._pdf_dialog.setAcceptMode(QFileDialog.AcceptSave)
            self._pdf_dialog.setDefaultSuffix("pdf")
            self._pdf_dialog.setWindowModality(Qt.WindowModal)
            self._pdf_dialog.fileSelected.connect(self.save_pdf)
        self._pdf_dialog.show()


def save_pdf(document, path: str | Path, *, landscape: bool = False) -> Path:
    """An HTML string or a laid-out QTextDocument (the shift report) as an A4 PDF through
    QPrinter (no printer needed)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4),
                                      QPageLayout.Landscape if landscape else QPageLayout.Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter))
    if isinstance(document, QTextDocument):
        doc = document
    else:
        doc = QTextDocument()
        doc.setHtml(document)
    doc.print_(printer)
    return Path(path)
