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

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from ..domain.currency import CurrencyProfile
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.notes import Notes
from ..domain.receipt_code import receipt_number
from ..domain.receipts import PendingReceipt, Receipt
from .receipt_layout import ReceiptModel, receipt_model
from .receipt_shell import ReceiptShell


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


class ReceiptDialog(ReceiptShell):
    """Shows one receipt as it prints; Ctrl+P prints through the print dialog, Ctrl+S saves a PDF."""

    def __init__(self, view: ReceiptView, profile: CurrencyProfile, parent: QWidget | None = None,
                 player_name: str = "", *, casino_name: str | None = None, casino_address: str | None = None,
                 paper: str = "80mm") -> None:
        if player_name and not view.player_name:
            view = replace(view, player_name=player_name)
        model: ReceiptModel = receipt_model(view, profile, casino_name=casino_name, casino_address=casino_address)
        super().__init__(model, parent, paper=paper, pdf_name=f"receipt-{view.number}.pdf")
        self.view = view
        self.setObjectName("receiptDialog")
        self.setWindowTitle((self.tr("REPRINT — ") if view.reprint else "")
                            + self.tr("Receipt %1").replace("%1", view.number))


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
