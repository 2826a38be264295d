"""The floor manager's live queue of credit requests: approve with a limit, or deny with a reason.

The queue refreshes itself every few seconds (a lookup on the pool, never on the GUI
thread) and after every decision. The person who filed a request cannot decide it; the
terminal refuses that with a sentence, shown here inline.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from . import messages
from .amount_edit import AmountField
from .display import money_text, time_text
from .ops import Op, sentence_for

REFRESH_MS = 3000


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose Alt+letter moves the focus to `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class CreditQueueTab(QWidget):
    """Pending credit requests; F10 approves the selected one, F11 denies it."""

    decided = Signal(object)  # the decided CreditRequest

    COLUMNS = ["Request", "Player", "Requested limit", "Note", "Requested by", "At"]

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.setObjectName("creditQueueTab")
        self.requests: list[Any] = []
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("creditQueue")
        self.table.setAccessibleName("Pending credit requests")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.currentCellChanged.connect(lambda *_: self._on_selected())
        self.limit = AmountField(ctx.profile, self)
        self.limit.edit.setAccessibleName("Approved credit limit")
        self.approve_button = QPushButton("&Approve with this limit (F10)")
        self.approve_button.setObjectName("approveCredit")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for denial")
        self.reason.setPlaceholderText(messages.DENY_HINT)
        self.deny_button = QPushButton("&Deny with this reason (F11)")
        self.deny_button.setObjectName("denyCredit")
        self.info = QLabel("")
        self.info.setObjectName("counterMessage")
        self.info.setWordWrap(True)
        self.info.setAccessibleName("Message")
        self.approve_button.clicked.connect(self.approve)
        self.deny_button.clicked.connect(self.deny)
        self.limit.edit.returnPressed.connect(self.approve)
        self.reason.returnPressed.connect(self.deny)
        QShortcut(QKeySequence("F10"), self, activated=self.approve, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F11"), self, activated=self.deny, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh, context=Qt.WidgetWithChildrenShortcut)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.limit, 1)
        row.addWidget(self.approve_button)
        form.addRow(_buddy("&Limit", self.limit.edit), row)
        row2 = QHBoxLayout()
        row2.addWidget(self.reason, 1)
        row2.addWidget(self.deny_button)
        form.addRow(_buddy("&Reason", self.reason), row2)
        box = QVBoxLayout(self)
        box.addWidget(QLabel("<b>Credit requests waiting for a decision</b> (refreshes by itself; F5 now)"))
        box.addWidget(self.table, 1)
        box.addLayout(form)
        box.addWidget(self.info)
        self.setTabOrder(self.table, self.limit.edit)
        self.setTabOrder(self.limit.edit, self.approve_button)
        self.setTabOrder(self.approve_button, self.reason)
        self.setTabOrder(self.reason, self.deny_button)
        self._generation = 0
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()
        self._sync_buttons()
        self.refresh()

    def refresh(self) -> None:
        from ..terminal import credit
        self._generation += 1
        gen = self._generation

        def done(rows: list[Any]) -> None:
            if gen == self._generation:  # only the newest answer: never an older list
                self._fill(rows)

        def failed(exc: BaseException) -> None:
            if gen == self._generation:
                self.info.setText(sentence_for(exc))
        Op(parent=self, work=lambda s: credit.list_credit_requests(s, status="pending")) \
            .success(done).failure(failed).run()

    def _fill(self, rows: list[Any]) -> None:
        selected = self.selected()
        keep = selected.id if selected else None
        self.requests = list(rows)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [str(r.id), r.player_id, money_text(r.requested_limit, self.ctx.profile), r.note or "",
                      r.requested_by, time_text(r.requested_at)]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)
        ids = [r.id for r in rows]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._sync_buttons()

    def selected(self) -> Any | None:
        row = self.table.currentRow()
        return self.requests[row] if 0 <= row < len(self.requests) else None

    def select_request(self, request_id: int) -> bool:
        for i, r in enumerate(self.requests):
            if r.id == request_id:
                self.table.selectRow(i)
                return True
        return False

    def _on_selected(self) -> None:
        req = self.selected()
        if req is not None:
            self.limit.edit.setText(f"{req.requested_limit:f}")
            self.limit.edit._on_edited(self.limit.edit.text())
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        has = self.selected() is not None
        online = self.ctx.status.online
        self.approve_button.setEnabled(has and online)
        self.deny_button.setEnabled(has and online)

    def approve(self) -> None:
        from ..terminal import credit
        req = self.selected()
        if req is None or not self.approve_button.isEnabled():
            return
        money = self.limit.money()
        if money is None:
            self.limit.show_refusal(self.limit.error() or "Enter the limit to approve.")
            return
        session = self.session
        Op(parent=self, work=lambda s: credit.approve_credit(s, session, req.id, money), lane="posting") \
            .success(lambda result: self._decided(result[0], approved=True)) \
            .failure(lambda exc: self.info.setText(sentence_for(exc))) \
            .disabling(self.approve_button, self.deny_button).run()

    def deny(self) -> None:
        from ..terminal import credit
        req = self.selected()
        if req is None or not self.deny_button.isEnabled():
            return
        reason = self.reason.text().strip()
        if not reason:
            self.info.setText("Give the reason for the denial first.")
            self.reason.setFocus()
            return
        session = self.session
        Op(parent=self, work=lambda s: credit.deny_credit(s, session, req.id, reason), lane="posting") \
            .success(lambda decided: self._decided(decided, approved=False)) \
            .failure(lambda exc: self.info.setText(sentence_for(exc))) \
            .disabling(self.approve_button, self.deny_button).run()

    def _decided(self, request: Any, approved: bool) -> None:
        if approved:
            self.info.setText(f"Request #{request.id} approved: player {request.player_id} has a credit line of "
                              f"{money_text(request.approved_limit, self.ctx.profile)}.")
        else:
            self.info.setText(f"Request #{request.id} for player {request.player_id} denied.")
        self.reason.clear()
        self.decided.emit(request)
        self.refresh()
