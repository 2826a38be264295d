"""The integrity check's findings in a window of their own.

Under the supervisor's desk a list of findings took height the desk does not have at 1366×768
(with the offline and alert banners, in Hindi, it pushed the window 74 px past the screen); here
the list gets the room it needs, the desk keeps its figures beside the sign-off, and Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QVBoxLayout, QWidget


class FindingsWindow(QDialog):
    """A modeless window with the list (`findings`, a QListWidget the desk fills) and Close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsWindow")
        self.setWindowTitle(self.tr("Integrity check findings"))
        self.setWindowModality(Qt.NonModal)
        self.findings = QListWidget(self)
        self.findings.setObjectName("integrityFindings")
        self.findings.setAccessibleName(self.tr("Integrity findings"))
        self.findings.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close (Esc)"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.findings, 1)
        box.addWidget(buttons)
        self.resize(900, 420)
