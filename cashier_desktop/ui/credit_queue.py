"""The floor manager's live queue of credit requests: approve with a limit, or deny with a reason.

The queue refreshes itself every few seconds (a lookup on the pool, never on the GUI
thread), after every decision, and just after the selected player's temporary line lapses
(a lapse is no posting: nothing else would say it); the player's header follows each
refresh. The person who filed a request cannot decide it; the terminal refuses that with a
sentence, shown here inline.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from . import messages
from .amount_edit import AmountField
from .display import money_text, time_text
from .i18n import kind_name
from .feedback import NOTE, MessageLabel
from .keys import REFRESH_KEY
from .line_lapse import LapseTimer
from .ops import Op, sentence_for

REFRESH_MS = 3000


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose Alt+letter moves the focus to `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class CreditQueueTab(QWidget):
    """Pending credit requests with the player's standing; F10 approves the selected one, F11
    denies it. The tab's title carries the number waiting."""

    decided = Signal(object)  # the decided CreditRequest
    pending_count = Signal(int)

    TAB_TITLE = QT_TRANSLATE_NOOP("CreditQueueTab", "Credit &queue")

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.setObjectName("creditQueueTab")
        self.requests: list[Any] = []
        self.items: list[Any] = []  # QueueItem per row: request, player's standing, requester's name
        self._limit_for: int | None = None  # the request whose limit the box holds
        columns = [self.tr("Request"), self.tr("Player"), self.tr("Cash on account"), self.tr("Current line"),
                   self.tr("Markers outstanding"), self.tr("Oldest marker"), self.tr("Line asked"),
                   self.tr("Asked by"), self.tr("Why"), self.tr("Waiting")]
        self.table = QTableWidget(0, len(columns), self)
        self.table.setObjectName("creditQueue")
        self.table.setAccessibleName(self.tr("Pending credit requests"))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.currentCellChanged.connect(lambda *_: self._on_selected())
        self.limit = AmountField(ctx.profile, self)
        self.limit.edit.setAccessibleName(self.tr("Approved credit limit"))
        self.approve_button = QPushButton(self.tr("&Approve with this limit (F10)"))
        self.approve_button.setObjectName("approveCredit")
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for denial"))
        self.reason.setPlaceholderText(messages.DENY_HINT)
        self.deny_button = QPushButton(self.tr("&Deny with this reason (F11)"))
        self.deny_button.setObjectName("denyCredit")
        self.info = MessageLabel(self.tr("Message"), self, default_tone=NOTE, object_name="counterMessage")
        self.player_head = QLabel(self.tr("Select a request to see the player's recent history."))
        self.player_head.setObjectName("queuePlayer")
        self.player_head.setWordWrap(True)
        self.recent = QTableWidget(0, 4, self)
        self.recent.setObjectName("queueRecent")
        self.recent.setAccessibleName(self.tr("The player's recent transactions"))
        self.recent.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Transaction"), self.tr("Amount"),
                                               self.tr("Markers after")])
        self.recent.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.recent.horizontalHeader().setStretchLastSection(True)
        self.recent.verticalHeader().setVisible(False)
        self.recent.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.recent.setFocusPolicy(Qt.NoFocus)
        self.recent.setMaximumHeight(150)
        self.approve_button.clicked.connect(self.approve)
        self.deny_button.clicked.connect(self.deny)
        self.limit.edit.returnPressed.connect(self.approve)
        self.reason.returnPressed.connect(self.deny)
        # Window-wide, acting only while this tab shows: after Alt+Q the focus is on the tab bar,
        # outside this widget, and the first F10 used to be lost.
        QShortcut(QKeySequence("F10"), self, activated=self._f10, context=Qt.WindowShortcut)
        QShortcut(QKeySequence("F11"), self, activated=self._f11, context=Qt.WindowShortcut)
        QShortcut(QKeySequence(REFRESH_KEY), self, activated=self.refresh, context=Qt.WidgetWithChildrenShortcut)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.limit, 1)
        row.addWidget(self.approve_button)
        form.addRow(_buddy(self.tr("&Limit"), self.limit.edit), row)
        row2 = QHBoxLayout()
        row2.addWidget(self.reason, 1)
        row2.addWidget(self.deny_button)
        form.addRow(_buddy(self.tr("&Reason"), self.reason), row2)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<b>Credit requests waiting for a decision</b> (refreshes by itself; Ctrl+F5 now)")))
        box.addWidget(self.table, 1)
        box.addWidget(self.player_head)
        # A balance under an open integrity alert is marked here too: a line is not decided
        # on figures the ledger may not agree with.
        self.alert_label = QLabel("")
        self.alert_label.setObjectName("alertMark")
        self.alert_label.setWordWrap(True)
        self.alert_label.setAccessibleName(self.tr("Integrity alert on this balance"))
        self.alert_label.hide()
        box.addWidget(self.alert_label)
        box.addWidget(self.recent)
        box.addLayout(form)
        box.addWidget(self.info)
        self.setTabOrder(self.table, self.limit.edit)
        self.setTabOrder(self.limit.edit, self.approve_button)
        self.setTabOrder(self.approve_button, self.reason)
        self.setTabOrder(self.reason, self.deny_button)
        self._generation = 0
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()
        self._shown_context: Any = None  # the standing the player header shows
        self.lapse_timer = LapseTimer(self, self.refresh)  # the selected player's temporary line
        self._sync_buttons()
        self.refresh()

    def _f10(self) -> None:
        if self.isVisible():
            self.approve()

    def _f11(self) -> None:
        if self.isVisible():
            self.deny()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt
        """Coming to this tab (Alt+Q) puts the focus in the queue, not on the tab bar."""
        super().showEvent(event)
        QTimer.singleShot(0, self._focus_queue)

    def _focus_queue(self) -> None:
        focus = self.window().focusWidget() if self.window() else None
        if self.isVisible() and (focus is None or not self.isAncestorOf(focus)):
            self.table.setFocus(Qt.OtherFocusReason)

    def refresh(self) -> None:
        from ..terminal.credit_queue import credit_queue
        self._generation += 1
        gen = self._generation

        def done(rows: list[Any]) -> None:
            if gen == self._generation:  # only the newest answer: never an older list
                self._fill(rows)

        def failed(exc: BaseException) -> None:
            if gen == self._generation:
                self.info.show_refusal(sentence_for(exc))
        Op(parent=self, work=credit_queue).success(done).failure(failed).run()

    def _fill(self, items: list[Any]) -> None:
        selected = self.selected()
        keep = selected.id if selected else None
        self.items = list(items)
        self.requests = [it.request for it in items]
        prof = self.ctx.profile
        now = datetime.now(timezone.utc)
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for i, it in enumerate(items):
            r, c = it.request, it.context
            player = f"{r.player_id} {c.name}".strip() if c else r.player_id
            line = "—"
            if c is not None:
                line = money_text(c.credit_limit, prof) + ("" if c.credit_approved else " " + self.tr("(not approved)"))
            values = [f"#{r.id}", player, money_text(c.cash, prof) if c else "—", line,
                      money_text(c.markers_outstanding, prof) if c else "—",
                      age_text(c.oldest_marker_at, now) if c and c.oldest_marker_at else "—",
                      money_text(r.requested_limit, prof),
                      f"{it.requested_by_name} ({r.requested_by})" if it.requested_by_name else r.requested_by,
                      r.note or "", age_text(r.requested_at, now)]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (2, 3, 4, 6):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)
        ids = [r.id for r in self.requests]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif items:
            self.table.selectRow(0)
        else:
            self.table.setCurrentCell(-1, -1)
        self.table.blockSignals(False)
        self._on_selected()
        self._show_count(len(items))

    def _show_count(self, count: int) -> None:
        """The number waiting, on this tab's title (a floor manager on another tab sees it)."""
        self.pending_count.emit(count)
        w = self.parentWidget()
        while w is not None and not isinstance(w, QTabWidget):
            w = w.parentWidget()
        if w is not None and w.indexOf(self) >= 0:
            title = QCoreApplication.translate("CreditQueueTab", self.TAB_TITLE)
            w.setTabText(w.indexOf(self), f"{title} ({count})" if count else title)

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
        """A different request selected: the limit box starts again from what it asks for
        (never the last decided value), and the player's standing shows below."""
        req = self.selected()
        if req is None:
            if self._limit_for is not None:
                self.limit.edit.clear()
            self._limit_for = None
            self.player_head.setText(self.tr("No request waiting.") if not self.requests else "")
            self.recent.setRowCount(0)
            self._shown_context = None
            self.lapse_timer.stop()
        elif req.id != self._limit_for:
            self._limit_for = req.id
            self.limit.edit.setText(f"{req.requested_limit:f}")
            self.limit.edit._on_edited(self.limit.edit.text())
            self._show_player(self.items[self.requests.index(req)])
        elif self.items[self.requests.index(req)].context != self._shown_context:
            # the same request, the player's standing changed (a posting, a line that lapsed):
            # the header follows; the limit box keeps what the floor manager typed
            self._show_player(self.items[self.requests.index(req)])
        self._sync_buttons()

    def _show_alert(self, player_id: str) -> None:
        from ..terminal import lookups
        from . import messages
        self.alert_label.hide()

        def shown(alert_id: int | None) -> None:
            req = self.selected()
            if req is None or req.player_id != player_id:
                return
            self.alert_label.setText(messages.BALANCE_ALERT.format(id=alert_id) if alert_id else "")
            self.alert_label.setVisible(alert_id is not None)
        Op(parent=self, work=lambda s: lookups.open_alert_id(s, player_id)).success(shown) \
            .failure(lambda _exc: None).run()

    def _watch_lapse(self, player_id: str) -> None:
        """Arm the lapse timer for the player's temporary line (stopped for a permanent one)."""
        from ..terminal import credit_lines

        def armed(found: tuple[Any, float | None]) -> None:
            req = self.selected()
            if req is not None and req.player_id == player_id:
                self.lapse_timer.arm(found[1])
        Op(parent=self, work=lambda s: credit_lines.line_in_force(s, player_id)).success(armed) \
            .failure(lambda _exc: None).run()

    def _show_player(self, item: Any) -> None:
        c, prof = item.context, self.ctx.profile
        self._shown_context = c
        self._show_alert(item.request.player_id)
        if c is None:
            self.player_head.setText("")
            self.recent.setRowCount(0)
            self.lapse_timer.stop()
            return
        if c.line_in_force is not None and c.line_in_force != c.credit_limit:
            self._watch_lapse(c.player_id)  # a temporary line in force: refresh when it lapses
        else:
            self.lapse_timer.stop()
        self.player_head.setText(
            self.tr("<b>%1</b> — cash on account %2 · line %3 · markers outstanding %4 · available %5")
            .replace("%1", f"{c.player_id} {c.name}".strip()).replace("%2", money_text(c.cash, prof))
            .replace("%3", money_text(c.credit_limit, prof)).replace("%4", money_text(c.markers_outstanding, prof))
            .replace("%5", money_text(max(c.credit_limit - c.markers_outstanding, 0) if c.credit_approved else 0,
                                      prof))
            + ((" · " + self.tr("temporary line %1 in force").replace("%1", money_text(c.line_in_force, prof)))
               if c.line_in_force is not None and c.line_in_force != c.credit_limit else ""))
        self.recent.setRowCount(len(c.recent))
        for i, r in enumerate(c.recent):
            for j, text in enumerate([time_text(r.created_at), kind_name(r.kind), money_text(r.amount, prof),
                                      money_text(r.credit_after, prof)]):
                item = QTableWidgetItem(text)
                if j >= 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.recent.setItem(i, j, item)

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
            self.limit.show_refusal(self.limit.error() or self.tr("Enter the limit to approve."))
            return
        session = self.session
        Op(parent=self, work=lambda s: credit.approve_credit(s, session, req.id, money), lane="posting") \
            .success(lambda result: self._decided(result[0], approved=True)) \
            .failure(lambda exc: self.info.show_refusal(sentence_for(exc))) \
            .disabling(self.approve_button, self.deny_button).run()

    def deny(self) -> None:
        from ..terminal import credit
        req = self.selected()
        if req is None or not self.deny_button.isEnabled():
            return
        reason = self.reason.text().strip()
        if not reason:
            self.info.show_refusal(self.tr("Give the reason for the denial first."))
            self.reason.setFocus()
            return
        session = self.session
        Op(parent=self, work=lambda s: credit.deny_credit(s, session, req.id, reason), lane="posting") \
            .success(lambda decided: self._decided(decided, approved=False)) \
            .failure(lambda exc: self.info.show_refusal(sentence_for(exc))) \
            .disabling(self.approve_button, self.deny_button).run()

    def _decided(self, request: Any, approved: bool) -> None:
        if approved:
            self.info.setText(self.tr("Request #%1 approved: player %2 has a credit line of %3.")
                              .replace("%1", str(request.id)).replace("%2", request.player_id)
                              .replace("%3", money_text(request.approved_limit, self.ctx.profile)))
        else:
            self.info.setText(self.tr("Request #%1 for player %2 denied.").replace("%1", str(request.id))
                              .replace("%2", request.player_id))
        self.reason.clear()
        self.limit.edit.clear()  # the next request starts from its own asked line
        self._limit_for = None
        self.decided.emit(request)
        self.refresh()


def age_text(at: datetime, now: datetime) -> str:
    """How long ago, as a floor manager says it: 12 min, 5 h, 3 days."""
    seconds = max(0, int((now - at).total_seconds()))
    if seconds < 3600:
        return QCoreApplication.translate("CreditQueueTab", "%1 min").replace("%1", str(max(1, seconds // 60)))
    if seconds < 2 * 86400:
        return QCoreApplication.translate("CreditQueueTab", "%1 h").replace("%1", str(seconds // 3600))
    return QCoreApplication.translate("CreditQueueTab", "%1 days").replace("%1", str(seconds // 86400))
