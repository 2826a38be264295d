"""The window every receipt shows in (a posting's, an exchange's): the receipt as it prints,
Ctrl+P through Qt's print dialog, Ctrl+S to a PDF, Esc closes.

What a receipt says is its own module's (`receipt_layout.receipt_model`,
`exchange_receipt.exchange_receipt_model`); painting, printing and the PDF are
receipt_layout's. The buttons' strings are in the "ReceiptShell" translation context, named
explicitly: `self.tr` in a base class would look them up under each subclass's name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from .receipt_layout import ReceiptModel, print_receipt, render_image, save_receipt_pdf


translate = QCoreApplication.translate


class ReceiptShell(QDialog):
    """One receipt on screen. Window-modal print and save dialogs, never blocking.

    Subclasses set the title and pass the laid-out `model`; they must not paint or print it
    any other way, so that screen, paper and PDF stay the same receipt.
    """

    def __init__(self, model: ReceiptModel, parent: QWidget | None = None, *, paper: str = "80mm",
                 pdf_name: str = "receipt.pdf") -> None:
        super().__init__(parent)
        self.model, self.paper, self._pdf_name = model, paper, pdf_name
        self._printer: QPrinter | None = None
        self._print_dialog: QPrintDialog | None = None
        self._pdf_dialog: QFileDialog | None = None
        self.image = QLabel(self)
        self.image.setObjectName("receiptImage")
        self.image.setPixmap(QPixmap.fromImage(render_image(model, "80mm", dpi=160)))
        self.image.setAccessibleName(translate("ReceiptShell", "Receipt"))
        self.image.setAccessibleDescription(model.text())
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setAlignment(Qt.AlignHCenter)
        scroll.setWidgetResizable(False)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(translate("ReceiptShell", "&Print… (Ctrl+P)"))
        self.pdf_button = QPushButton(translate("ReceiptShell", "Save as P&DF… (Ctrl+S)"))
        self.close_button = QPushButton(translate("ReceiptShell", "&Close (Esc)"))
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

    def save_pdf(self, path: str | Path, paper: str | None = None) -> Path:
        return save_receipt_pdf(self.model, path, paper or self.paper)

    def ask_pdf(self) -> None:
        """A save-file dialog (window-modal, not blocking); writes the PDF to the chosen path."""
        if self._pdf_dialog is None:
            self._pdf_dialog = QFileDialog(self, translate("ReceiptShell", "Save receipt as PDF"), self._pdf_name,
                                           translate("ReceiptShell", "PDF files (*.pdf)"))
            self._pdf_dialog.setAcceptMode(QFileDialog.AcceptSave)
            self._pdf_dialog.setDefaultSuffix("pdf")
            self._pdf_dialog.setWindowModality(Qt.WindowModal)
            self._pdf_dialog.fileSelected.connect(self.save_pdf)
        self._pdf_dialog.show()
