"""A player's full history (Ctrl+H at the counter): every posting, page by page, filtered by
date, kind and shift; the credit-line history; the identification on file.

Keys: Enter applies the filters · Alt+N newer page · Alt+O older page · Ctrl+Tab next tab ·
Esc closes.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTabWidget, QVBoxLayout, QWidget)

from .tables import fill_table, read_only_table
from ..domain.kinds import Kind
from ..domain.receipts import Balance
from ..terminal.history import HistoryFilter
from .display import DATE_FORMAT_QT, money_text, time_text
from .i18n import kind_name
from . import messages
from .ops import Op, sentence_for

PAGE = 50


_table, _fill = read_only_table, fill_table  # the screens' one table look (ui/tables.py)


class PlayerHistoryDialog(QDialog):
    """Read-only; every page and the credit history come from the ledger through the worker."""

    page_loaded = Signal(object)  # the HistoryPage (tests)
    overview_loaded = Signal(object)

    def __init__(self, ctx: Any, balance: Balance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.player_id = ctx, balance.player_id
        self.setObjectName("playerHistory")
        title = self.tr("History of player %1").replace("%1", balance.player_id)
        self.setWindowTitle(f"{title} — {balance.name}" if balance.name else title)
        self.offset, self.total, self.page = 0, 0, None
        self.id_on_file = QLabel(self.tr("Identification on file: looking…"))
        self.id_on_file.setObjectName("idOnFile")
        self.id_on_file.setAccessibleName(self.tr("Identification on file"))
        self.id_on_file.setWordWrap(True)
        # filters
        self.use_from = QCheckBox(self.tr("&From"))
        self.date_from = QDateEdit(QDate.currentDate().addDays(-30))
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat(DATE_FORMAT_QT)
        self.date_from.setAccessibleName(self.tr("From date"))
        self.use_to = QCheckBox(self.tr("&To"))
        self.date_to = QDateEdit(QDate.currentDate())
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat(DATE_FORMAT_QT)
        self.date_to.setAccessibleName(self.tr("To date"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Transaction kind"))
        self.kind.addItem(self.tr("All kinds"), None)
        for k in Kind:
            self.kind.addItem(kind_name(k), k.value)
        self.shift = QLineEdit()
        self.shift.setAccessibleName(self.tr("Shift number"))
        self.shift.setPlaceholderText(self.tr("shift no."))
        self.shift.setMaximumWidth(110)
        self.apply_button = QPushButton(self.tr("&Show (Enter)"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        self.shift.returnPressed.connect(self.apply_filters)
        filters = QHBoxLayout()
        for w in (self.use_from, self.date_from, self.use_to, self.date_to, self.kind, self.shift, self.apply_button):
            filters.addWidget(w)
        filters.addStretch(1)
        self.postings = _table([self.tr("Time"), self.tr("Transaction"), self.tr("Amount"), self.tr("Cash after"),
                                self.tr("Markers after"), self.tr("Shift"), self.tr("Staff"), self.tr("Posting id")],
                               "historyPostings", self.tr("Transactions"), self)
        self.newer_button = QPushButton(self.tr("◀ &Newer"))
        self.older_button = QPushButton(self.tr("&Older ▶"))
        self.newer_button.clicked.connect(lambda: self.go(-1))
        self.older_button.clicked.connect(lambda: self.go(+1))
        self.range_label = QLabel("")
        self.range_label.setObjectName("historyRange")
        self.range_label.setAccessibleName(self.tr("Rows shown"))
        self.message = QLabel("")
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        pager = QHBoxLayout()
        pager.addWidget(self.newer_button)
        pager.addWidget(self.range_label, 1, Qt.AlignCenter)
        pager.addWidget(self.older_button)
        tx = QWidget(self)
        tbox = QVBoxLayout(tx)
        tbox.addLayout(filters)
        tbox.addWidget(self.postings, 1)
        tbox.addLayout(pager)
        tbox.addWidget(self.message)
        self.credit = _table([self.tr("Requested"), self.tr("Line asked"), self.tr("Asked by"), self.tr("Why"),
                              self.tr("Decision"), self.tr("Decided by"), self.tr("Decided"),
                              self.tr("Line approved"), self.tr("Reason")],
                             "creditHistory", self.tr("Credit-line history"), self)
        self.credit_empty = QLabel("")
        cr = QWidget(self)
        cbox = QVBoxLayout(cr)
        cbox.addWidget(self.credit, 1)
        cbox.addWidget(self.credit_empty)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(tx, self.tr("&Transactions"))
        self.tabs.addTab(cr, self.tr("Credit &line"))
        from .credit_lines_view import CreditLinesView  # line changes and markers (issue 17)
        self.credit_lines = CreditLinesView(ctx, self.player_id, self)
        self.tabs.addTab(self.credit_lines, self.tr("Line changes && &markers"))
        close = QPushButton(self.tr("&Close (Esc)"))
        close.clicked.connect(self.accept)
        box = QVBoxLayout(self)
        # The counter's mark for a balance under an open integrity alert travels with it.
        alert_id = getattr(getattr(parent, "panel", None), "alert_id", None)
        self.alert_label = QLabel(messages.BALANCE_ALERT.format(id=alert_id) if alert_id else "")
        self.alert_label.setObjectName("alertMark")
        self.alert_label.setWordWrap(True)
        self.alert_label.setVisible(alert_id is not None)
        box.addWidget(self.alert_label)
        box.addWidget(self.id_on_file)
        box.addWidget(self.tabs, 1)
        box.addWidget(close, 0, Qt.AlignRight)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self.go(+1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self.go(-1))
        self.resize(1100, 620)
        self._generation = 0
        self.load()
        self.load_overview()
        self.postings.setFocus()

    # -- loading ------------------------------------------------------------------------
    def current_filter(self) -> HistoryFilter | None:
        """The filters as typed; None (and a sentence) if the shift number is not a number."""
        tz = datetime.now().astimezone().tzinfo
        since = until = None
        if self.use_from.isChecked():
            since = datetime.combine(self.date_from.date().toPython(), time.min, tz)
        if self.use_to.isChecked():
            until = datetime.combine(self.date_to.date().toPython() + timedelta(days=1), time.min, tz)
        shift_text = self.shift.text().strip().lstrip("#")
        if shift_text and not shift_text.isdigit():
            self._say(self.tr("The shift number must be digits only."), error=True)
            return None
        kind = self.kind.currentData()
        return HistoryFilter(kinds=(kind,) if kind else (), shift_id=int(shift_text) if shift_text else None,
                             since=since, until=until)

    def apply_filters(self) -> None:
        self.offset = 0
        self.load()

    def go(self, direction: int) -> None:
        new = self.offset + direction * PAGE
        if new < 0 or (direction > 0 and new >= self.total):
            return
        self.offset = new
        self.load()

    def load(self) -> None:
        from ..terminal.history import player_history
        flt = self.current_filter()
        if flt is None:
            return
        self._generation += 1
        gen, pid, offset = self._generation, self.player_id, self.offset
        self._say("")
        Op(parent=self, work=lambda s: player_history(s, pid, flt, offset=offset, limit=PAGE)) \
            .success(lambda page: self._show_page(page, gen)) \
            .failure(lambda exc: self._say(sentence_for(exc), error=True)).run()

    def load_overview(self) -> None:
        from ..terminal.history import player_overview
        pid = self.player_id
        Op(parent=self, work=lambda s: player_overview(s, pid)).success(self._show_overview) \
            .failure(lambda exc: self._say(sentence_for(exc), error=True)).run()

    # -- showing ------------------------------------------------------------------------
    def _show_page(self, page: Any, gen: int) -> None:
        if gen != self._generation:
            return
        self.page, self.total = page, page.total
        prof = self.ctx.profile
        _fill(self.postings, [
            [time_text(r.created_at), kind_name(r.kind), money_text(r.amount, prof),
             money_text(r.cash_after, prof), money_text(r.credit_after, prof),
             str(r.shift_id) if r.shift_id is not None else "—",
             r.staff_id + (f" / {r.approver_id}" if r.approver_id else ""), str(r.id)]
            for r in page.rows], {2, 3, 4})
        if page.total == 0:
            self.range_label.setText(self.tr("No transactions match."))
        else:
            self.range_label.setText(self.tr("Rows %1–%2 of %3").replace("%1", str(page.offset + 1))
                                     .replace("%2", str(page.offset + len(page.rows))).replace("%3", str(page.total)))
        self.newer_button.setEnabled(page.offset > 0)
        self.older_button.setEnabled(page.offset + len(page.rows) < page.total)
        if page.rows:
            self.postings.selectRow(0)
        self.page_loaded.emit(page)

    def _show_overview(self, loaded: tuple[list, Any]) -> None:
        requests, id_on_file = loaded
        prof = self.ctx.profile
        if id_on_file is None:
            self.id_on_file.setText(self.tr("Identification on file: none recorded."))
        else:
            self.id_on_file.setText(
                self.tr("Identification on file: %1 %2, recorded %3 by %4.")
                .replace("%1", id_on_file.id_type).replace("%2", id_on_file.masked_number)
                .replace("%3", time_text(id_on_file.recorded_at)).replace("%4", id_on_file.staff_id))
        newest_first = list(reversed(requests))
        _fill(self.credit, [
            [time_text(r.requested_at), money_text(r.requested_limit, prof), r.requested_by, r.note or "",
             self._status(r.status), r.decided_by or "—", time_text(r.decided_at),
             money_text(r.approved_limit, prof) if r.approved_limit is not None else "—", r.decision_reason or ""]
            for r in newest_first], {1, 7})
        self.credit_empty.setText("" if requests else self.tr("No credit line has ever been requested."))
        self.overview_loaded.emit(loaded)

    def _status(self, status: str) -> str:
        return {"pending": self.tr("pending"), "approved": self.tr("approved"),
                "denied": self.tr("denied")}.get(status, status)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", "true" if error else "false")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
