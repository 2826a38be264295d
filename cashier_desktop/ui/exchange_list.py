"""This shift's exchanges at the counter (Ctrl+Shift+X): pick one, Enter reprints its receipt
(marked REPRINT, when and by whom). Exchanges are no ledger postings, so they are not in the
counter's recent transactions; this is where their receipts are found again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..domain.currency import profile_for
from ..domain.formatting import format_money
from .display import money_text, time_text
from .exchange_receipt import direction_text, rate_figure
from .ops import Op, sentence_for


class ExchangeListDialog(QDialog):
    """Read-only list; `reprint(exchange)` is the tab's, which opens the receipt."""

    loaded = Signal()

    COLUMNS = [QT_TRANSLATE_NOOP("ExchangeListDialog", "Time"),
               QT_TRANSLATE_NOOP("ExchangeListDialog", "Exchange"),
               QT_TRANSLATE_NOOP("ExchangeListDialog", "Received"), QT_TRANSLATE_NOOP("ExchangeListDialog", "Paid"),
               QT_TRANSLATE_NOOP("ExchangeListDialog", "Rate"), QT_TRANSLATE_NOOP("ExchangeListDialog", "Player"),
               QT_TRANSLATE_NOOP("ExchangeListDialog", "Exchange id")]

    def __init__(self, ctx: Any, shift_id: int, reprint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.shift_id, self.reprint = ctx, shift_id, reprint
        self.rows: list[Any] = []
        self.setObjectName("exchangeListDialog")
        self.setWindowTitle(self.tr("Exchanges of shift #%1").replace("%1", str(shift_id)))
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("shiftExchanges")
        self.table.setAccessibleName(self.tr("This shift's exchanges"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.doubleClicked.connect(lambda *_: self.reprint_selected())
        self.message = QLabel(self.tr("Loading…"))
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        self.reprint_button = QPushButton(self.tr("Re&print receipt (Enter)"))
        self.reprint_button.setDefault(True)
        self.reprint_button.clicked.connect(self.reprint_selected)
        close = QPushButton(self.tr("&Close (Esc)"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.resize(1000, 420)
        self.table.setFocus()
        self.load()

    def load(self) -> None:
        from ..terminal import fx
        shift_id = self.shift_id
        Op(parent=self, work=lambda s: fx.shift_exchanges(s, shift_id)).success(self._show) \
            .failure(lambda exc: self.message.setText(sentence_for(exc))).run()

    def _show(self, rows: list) -> None:
        prof = self.ctx.profile
        self.rows = list(reversed(rows))  # newest first, as the counter's recent list
        self.table.setRowCount(len(self.rows))
        for i, x in enumerate(self.rows):
            foreign = format_money(x.foreign, profile_for(x.foreign.currency))
            local = money_text(x.local.amount, prof)
            received, paid = (foreign, local) if x.direction == "buy" else (local, foreign)
            for j, text in enumerate((time_text(x.created_at), direction_text(x.direction, x.foreign.currency,
                                                                              prof.code),
                                      received, paid, rate_figure(x.rate, prof), x.player_id or "—", str(x.id))):
                item = QTableWidgetItem(text)
                if j in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)
        self.message.setText("" if self.rows else self.tr("No exchange in this shift yet."))
        if self.rows:
            self.table.selectRow(0)
        self.reprint_button.setEnabled(bool(self.rows))
        self.loaded.emit()

    def reprint_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.reprint(self.rows[row])

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.reprint_selected()
            return
        super().keyPressEvent(event)
