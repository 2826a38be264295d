"""The cage's total accountability in a window of the supervisor's desk.

Every drawer open at the end of the chosen gaming day (or now, for today), the main bank and
the markers outstanding, each beside the figure the ledger's rows give; a line that does not
agree is marked. A window of its own (as the integrity findings): the desk has no height to
spare at 1366×768. Keys: Enter shows the chosen day, Esc closes; for a supervisor or floor
manager (the right to sign for the main bank), Alt+F funds the bank from outside the cage and
Alt+R remits cash out of it, witnessed by a second person (bank_dialog.py); the lines are read
again after each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..domain.currency import profile_for
from ..domain.roles import Action, can
from .display import DATE_FORMAT_QT, money_text
from .feedback import NOTE, MessageLabel
from .ops import Op, sentence_for


class AccountabilityWindow(QDialog):
    """A modeless window; `load()` asks the ledger through the worker, never on the GUI thread."""

    loaded = Signal(object)

    COLUMNS = [QT_TRANSLATE_NOOP("AccountabilityWindow", "Part"), QT_TRANSLATE_NOOP("AccountabilityWindow", "Terminal"),
               QT_TRANSLATE_NOOP("AccountabilityWindow", "Cashier"), QT_TRANSLATE_NOOP("AccountabilityWindow", "Amount"),
               QT_TRANSLATE_NOOP("AccountabilityWindow", "Ledger"), QT_TRANSLATE_NOOP("AccountabilityWindow", "Agrees")]

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.lines: list[Any] = []
        self.setObjectName("accountabilityWindow")
        self.setWindowTitle(self.tr("Cage accountability"))
        self.setWindowModality(Qt.NonModal)
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setDisplayFormat(DATE_FORMAT_QT)
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("Gaming day"))
        day_label = QLabel(self.tr("&Gaming day"), self)
        day_label.setBuddy(self.day)
        self.show_button = QPushButton(self.tr("&Show (Enter)"), self)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("accountabilityLines")
        self.table.setAccessibleName(self.tr("Accountability lines"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.total = QLabel("", self)
        self.total.setObjectName("accountabilityTotal")
        self.total.setAccessibleName(self.tr("Total accountability"))
        self.info = MessageLabel(self.tr("Message"), self, default_tone=NOTE, object_name="counterMessage",
                                 hide_when_empty=True)
        self.info.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close (Esc)"))
        buttons.button(QDialogButtonBox.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.fund_button = QPushButton(self.tr("&Fund the bank…"), self)
        self.remit_button = QPushButton(self.tr("&Remit from the bank…"), self)
        self.move_dialog: Any = None
        for button, kind in ((self.fund_button, "fund"), (self.remit_button, "remit")):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=kind: self.move_bank_cash(k))
            buttons.addButton(button, QDialogButtonBox.ActionRole)
            button.setVisible(can(session.staff.role, Action.BANK_TRANSFER))  # after: adding shows it
        top = QHBoxLayout()
        for w in (day_label, self.day, self.show_button):
            top.addWidget(w)
        top.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.total)
        box.addWidget(self.info)
        box.addWidget(buttons)
        self.resize(900, 420)

    def move_bank_cash(self, kind: str) -> None:
        """Fund the bank (`fund`) or remit from it (`remit`); the lines are read again after."""
        from .bank_dialog import BankTransferDialog
        self.move_dialog = BankTransferDialog(self.ctx, self.session, kind, self._moved, self)
        self.move_dialog.finished.connect(lambda _r: setattr(self, "move_dialog", None))
        self.move_dialog.open()

    def _moved(self, sentence: str) -> None:
        self.load()
        self.info.show_note(sentence)

    def load(self) -> None:
        from ..terminal import bank
        chosen = self.day.date().toPython()
        day = None if chosen == QDate.currentDate().toPython() else chosen
        self.info.setText("")
        Op(parent=self, work=lambda s: bank.accountability(s, self.session, day)).success(self._show) \
            .failure(lambda exc: self.info.show_refusal(sentence_for(exc))).disabling(self.show_button).run()

    def _part(self, line: Any) -> str:
        if line.section == "drawer" and line.currency:
            return (self.tr("Drawer, shift #%1: %2").replace("%1", str(line.shift_id))
                    .replace("%2", line.currency))
        if line.section == "drawer":
            return self.tr("Drawer, shift #%1").replace("%1", str(line.shift_id))
        return self.tr("Main bank") if line.section == "bank" else self.tr("Markers outstanding")

    def _show(self, lines: list[Any]) -> None:
        self.lines = lines
        local = self.ctx.profile
        self.table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            profile = profile_for(line.currency) if line.currency else local
            values = [self._part(line), line.terminal_id or "", line.staff_id or "", money_text(line.amount, profile),
                      money_text(line.ledger, profile), self.tr("yes") if line.reconciles else self.tr("NO")]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (3, 4):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)
        from ..terminal.bank import totals_by_currency
        totals = totals_by_currency(lines)
        text = self.tr("Total accountability: %1").replace("%1", money_text(totals.pop(None), local))
        if totals:  # each foreign currency a total of its own
            text += "; " + self.tr("foreign cash in the drawers: %1").replace(
                "%1", ", ".join(money_text(v, profile_for(c)) for c, v in sorted(totals.items())))
        self.total.setText(text)
        wrong = sum(not line.reconciles for line in lines)
        if wrong:
            self.info.show_refusal(self.tr("1 line does not agree with the ledger.") if wrong == 1 else
                                   self.tr("%1 lines do not agree with the ledger.").replace("%1", str(wrong)))
        self.loaded.emit(lines)
