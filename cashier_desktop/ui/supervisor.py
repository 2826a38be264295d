"""The supervisor's desk: browse shifts, read one, reverse a posting, sign off, export, integrity.

Keys: Ctrl+F filter · Ctrl+Shift+R reverse the selected posting · Ctrl+Shift+S sign off ·
Ctrl+E export CSV · Ctrl+Shift+P export PDF · Ctrl+I integrity check · Ctrl+Shift+T the cage's
total accountability (a window of its own).
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from .tables import fill_table, read_only_table
from ..domain.commands import new_id
from ..domain.currency import profile_for
from ..domain.money import Money
from . import messages
from .display import DATE_FORMAT_QT, cage_sentence, kind_text, money_text, time_text
from .domain_text import translate_sentence
from .feedback import NOTE, MessageLabel
from .accountability_window import AccountabilityWindow
from .findings_window import FindingsWindow
from .ops import Op, sentence_for
from .credit_queue import _buddy
from .receipt_check import ReceiptCheck
from .shift_export import figures, status_text, write_csv, write_pdf


_table, _fill = read_only_table, fill_table  # the screens' one table look (ui/tables.py)


class SupervisorTab(QWidget):
    """Shifts and their reports; every read and write goes through the worker."""

    report_loaded = Signal(object)
    integrity_done = Signal(object)

    SHIFT_COLUMNS = [QT_TRANSLATE_NOOP("SupervisorTab", "Shift"), QT_TRANSLATE_NOOP("SupervisorTab", "Terminal"),
                     QT_TRANSLATE_NOOP("SupervisorTab", "Cashier"), QT_TRANSLATE_NOOP("SupervisorTab", "Status"),
                     QT_TRANSLATE_NOOP("SupervisorTab", "Opened"), QT_TRANSLATE_NOOP("SupervisorTab", "Counted"),
                     QT_TRANSLATE_NOOP("SupervisorTab", "Variance"), QT_TRANSLATE_NOOP("SupervisorTab", "Sign-off")]
    POSTING_COLUMNS = [QT_TRANSLATE_NOOP("SupervisorTab", "Time"), QT_TRANSLATE_NOOP("SupervisorTab", "Transaction"),
                       QT_TRANSLATE_NOOP("SupervisorTab", "Player"), QT_TRANSLATE_NOOP("SupervisorTab", "Amount"),
                       QT_TRANSLATE_NOOP("SupervisorTab", "Drawer"), QT_TRANSLATE_NOOP("SupervisorTab", "Staff"),
                       QT_TRANSLATE_NOOP("SupervisorTab", "Posting id")]

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.setObjectName("supervisorTab")
        self.shifts: list[Any] = []
        self.report: Any = None
        self.reconciliation = ""
        # filters
        self.use_date = QCheckBox(self.tr("&Date"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setDisplayFormat(DATE_FORMAT_QT)
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Shift date"))
        self.terminal_filter = QLineEdit()
        self.terminal_filter.setAccessibleName(self.tr("Terminal filter"))
        self.terminal_filter.setPlaceholderText(self.tr("terminal"))
        self.cashier_filter = QLineEdit()
        self.cashier_filter.setAccessibleName(self.tr("Cashier filter"))
        self.cashier_filter.setPlaceholderText(self.tr("cashier staff id"))
        self.status_filter = QComboBox()
        for label, value in ((self.tr("any status"), None), (self.tr("open"), "open"), (self.tr("closed"), "closed"),
                             (self.tr("signed off"), "signed_off")):
            self.status_filter.addItem(label, value)
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.find_button = QPushButton(self.tr("&Find shifts (Ctrl+F)"))
        self.find_button.clicked.connect(self.load_shifts)
        for w in (self.terminal_filter, self.cashier_filter):
            w.returnPressed.connect(self.load_shifts)
        self.found = QLabel("")
        self.found.setAccessibleName(self.tr("Shifts found"))
        filters = QHBoxLayout()
        for w in (self.use_date, self.date, self.terminal_filter, self.cashier_filter, self.status_filter,
                  self.find_button, self.found):
            filters.addWidget(w)
        self.shift_table = _table([self.tr(c) for c in self.SHIFT_COLUMNS], "shiftList", self.tr("Shifts"), self)
        self.shift_table.currentCellChanged.connect(lambda *_: self.load_report())
        # report
        self.figures = QLabel(messages.SIGNOFF_HINT)
        self.figures.setObjectName("shiftFigures")
        self.figures.setAccessibleName(self.tr("Shift figures"))
        self.figures.setTextFormat(Qt.RichText)
        self.figures.setWordWrap(True)
        self.figures.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        # The figure a sign-off is about, in large type on the sign-off row itself: the
        # button is only ever reachable with the variance beside it.
        self.variance_value = QLabel("")
        self.variance_value.setObjectName("varianceValue")
        self.variance_value.setAccessibleName(self.tr("Variance of the selected shift"))
        self.variance_value.hide()
        self.postings = _table([self.tr(c) for c in self.POSTING_COLUMNS], "shiftPostings", self.tr("Shift transactions"), self)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the reversal"))
        self.reason.setPlaceholderText(messages.REVERSE_HINT)
        self.reverse_button = QPushButton(self.tr("&Reverse selected (Ctrl+Shift+R)"))
        self.reverse_button.clicked.connect(self.reverse)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Sign-off note"))
        self.note.setPlaceholderText(self.tr("Sign-off note (required when the variance is large)"))
        self.signoff_button = QPushButton(self.tr("Si&gn off shift (Ctrl+Shift+S)"))
        self.signoff_button.clicked.connect(self.sign_off)
        self.csv_button = QPushButton(self.tr("Export CS&V (Ctrl+E)"))
        self.csv_button.clicked.connect(lambda: self._ask_path("csv"))
        self.pdf_button = QPushButton(self.tr("E&xport PDF (Ctrl+Shift+P)"))
        self.pdf_button.clicked.connect(lambda: self._ask_path("pdf"))
        self.integrity_button = QPushButton(self.tr("Run &integrity check (Ctrl+I)"))
        self.integrity_button.clicked.connect(self.run_integrity)
        self.totals_button = QPushButton(self.tr("Cage t&otals (Ctrl+Shift+T)"))
        self.totals_button.setAccessibleName(self.tr("Cage accountability"))
        self.totals_button.clicked.connect(self.show_accountability)
        self.accountability_window = AccountabilityWindow(ctx, session, self)
        self.findings_window = FindingsWindow(self)  # the integrity check's findings, in a window of their own
        self.findings = self.findings_window.findings
        self.info = MessageLabel(self.tr("Message"), self, default_tone=NOTE, object_name="counterMessage",
                                 hide_when_empty=True)
        self.info.hide()
        actions = QFormLayout()
        r1 = QHBoxLayout()
        r1.addWidget(self.reason, 1)
        r1.addWidget(self.reverse_button)
        actions.addRow(_buddy(self.tr("Re&ason"), self.reason), r1)
        r2 = QHBoxLayout()
        r2.addWidget(self.note, 1)
        r2.addWidget(self.variance_value)
        r2.addWidget(self.signoff_button)
        actions.addRow(_buddy(self.tr("&Note"), self.note), r2)
        r3 = QHBoxLayout()
        for w in (self.csv_button, self.pdf_button, self.integrity_button, self.totals_button):
            r3.addWidget(w, 0, Qt.AlignTop)
        # Shift list on top at full width (every column, Variance and Sign-off included, on
        # screen at 1366 px); below it the selected shift: figures beside its transactions.
        right = QWidget(self)
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        middle = QHBoxLayout()
        middle.addWidget(self.figures, 1)
        middle.addWidget(self.postings, 1)
        rbox.addLayout(middle, 1)
        rbox.addLayout(actions)
        self.receipt_check = ReceiptCheck(right)  # scan or paste a receipt's QR code
        # One message line under the desk, the newest: the receipt check's result or the desk's own.
        self.receipt_check.shown.connect(lambda _t: self.info.setText(""))
        self.info.shown.connect(lambda t: self.receipt_check.clear_result() if t else None)
        r3.addWidget(self.receipt_check, 1)
        rbox.addLayout(r3)
        rbox.addWidget(self.info)
        # Never fewer than three transactions in view (the list may scroll sideways) nor two
        # shifts (every column fits, so no room for a scroll bar): with both banners showing
        # at 1366×768 the supervisor still sees the selected shift and its figures.
        for table, rows, bar in ((self.postings, 3, True), (self.shift_table, 2, False)):
            table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                                   + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 4
                                   + (table.horizontalScrollBar().sizeHint().height() if bar else 0))
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.shift_table)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 0)  # the shift list keeps what it is given; the report grows
        split.setStretchFactor(1, 1)
        split.setSizes([self.shift_table.minimumHeight() + 40, 10_000])  # the report gets the room
        self.split = split
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(split, 1)
        for key, fn in (("Ctrl+F", self.load_shifts), ("Ctrl+Shift+R", self.reverse),
                        ("Ctrl+Shift+S", self.sign_off), ("Ctrl+E", lambda: self._ask_path("csv")),
                        ("Ctrl+Shift+P", lambda: self._ask_path("pdf")), ("Ctrl+I", self.run_integrity),
                        ("Ctrl+Shift+T", self.show_accountability)):
            QShortcut(QKeySequence(key), self, activated=fn, context=Qt.WidgetWithChildrenShortcut)
        self._generation = 0
        self._export_dialog: QFileDialog | None = None
        self._export_kind = "csv"
        self._sync_buttons()
        self.load_shifts()

    # -- browsing -----------------------------------------------------------------------
    def load_shifts(self) -> None:
        from ..terminal import shifts
        terminal = self.terminal_filter.text().strip() or None
        cashier = self.cashier_filter.text().strip() or None
        status = self.status_filter.currentData()
        day = self.date.date().toPython() if self.use_date.isChecked() else None
        Op(parent=self, work=lambda s: shifts.list_shifts(s, terminal_id=terminal, status=status,
                                                          staff_id=cashier, limit=500)) \
            .success(lambda rows: self._show_shifts(rows, day)).disabling(self.find_button).run()

    def _show_shifts(self, rows: list[Any], day: Any) -> None:
        if day is not None:
            rows = [s for s in rows if s.opened_at.astimezone().date() == day]
        keep = self.selected_shift().id if self.selected_shift() else None
        self.shifts = rows
        prof = self.ctx.profile
        _fill(self.shift_table, [
            [f"#{s.id}", s.terminal_id, s.staff_id, status_text(s.status), time_text(s.opened_at),
             money_text(s.counted, prof) if s.counted is not None else "—",
             money_text(s.variance, prof) if s.variance is not None else "—",
             self.tr("signed") if s.status == "signed_off" else (self.tr("REQUIRED") if s.needs_signoff else "—")]
            for s in rows], {5, 6})
        ids = [s.id for s in rows]
        if keep in ids:
            self.shift_table.selectRow(ids.index(keep))
        self.found.setText((self.tr("%1 shifts") if len(rows) != 1 else self.tr("%1 shift")).replace("%1", str(len(rows))))

    def selected_shift(self) -> Any | None:
        row = self.shift_table.currentRow()
        return self.shifts[row] if 0 <= row < len(self.shifts) else None

    def select_shift(self, shift_id: int) -> bool:
        for i, s in enumerate(self.shifts):
            if s.id == shift_id:
                self.shift_table.selectRow(i)
                return True
        return False

    def load_report(self) -> None:
        from ..terminal import shifts
        shift = self.selected_shift()
        if shift is None:
            return
        self._generation += 1
        gen, session, own = self._generation, self.session, shift.terminal_id == self.ctx.terminal_id

        def work(s):
            report = shifts.shift_report(s, shift.id, session=session)
            return report, _reconciliation_text(s, report, own)
        Op(parent=self, work=work).success(lambda r: self._show_report(r, gen)).run()

    def _show_report(self, loaded: tuple[Any, str], gen: int) -> None:
        if gen != self._generation:
            return
        self.report, self.reconciliation = loaded
        rows = figures(self.report) + ([(self.tr("Reconciliation"), self.reconciliation)] if self.reconciliation else [])
        self.figures.setText(figures_html(rows))
        self._hold_figures()
        self._show_variance()
        prof = self.ctx.profile
        _fill(self.postings, [
            [time_text(p.created_at), kind_text(p.kind), p.player_id, money_text(p.amount, prof),
             money_text(p.drawer_delta, prof), p.staff_id + (f" / {p.approver_id}" if p.approver_id else ""),
             str(p.id)] for p in self.report.postings], {3, 4})
        self._sync_buttons()
        self.report_loaded.emit(self.report)

    def _hold_figures(self) -> None:
        """The figures never get less height than their text needs at their width (a layout
        gives a rich-text label no more than its one-line hint): the tables give way first."""
        self.figures.setMinimumHeight(self.figures.heightForWidth(max(self.figures.width(), 200)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.report is not None:
            self._hold_figures()

    def _show_variance(self) -> None:
        """The variance in large type beside the sign-off button (red band when short)."""
        shift = self.report.shift if self.report is not None else None
        if shift is None or self.report.blind or shift.variance is None:
            self.variance_value.hide()
            return
        off = self.report.foreign_off  # a foreign currency counted short or over (0032) is said too
        words = ", ".join([money_text(shift.variance, self.ctx.profile),
                           *(money_text(f.variance, profile_for(f.currency)) for f in off)])
        self.variance_value.setText(self.tr("Variance %1").replace("%1", words))
        short = shift.variance.amount < 0 or any(f.variance.amount < 0 for f in off)
        self.variance_value.setProperty("short", "true" if short else "false")
        self.variance_value.style().unpolish(self.variance_value)
        self.variance_value.style().polish(self.variance_value)
        self.variance_value.show()

    def info_refusal(self, sentence: str) -> None:
        self.info.show_refusal(sentence)

    def _sync_buttons(self) -> None:
        has = self.report is not None
        closed = has and not self.report.blind
        # Sign-off only with the variance on screen beside the button.
        self.signoff_button.setEnabled(closed and self.report.shift.status == "closed"
                                       and self.report.shift.variance is not None)
        self.reverse_button.setEnabled(has and bool(self.report.postings))
        self.csv_button.setEnabled(has)
        self.pdf_button.setEnabled(has)

    # -- actions ------------------------------------------------------------------------
    def reverse(self) -> None:
        from ..terminal.verbs import reverse
        row = self.postings.currentRow()
        if self.report is None or not (0 <= row < len(self.report.postings)):
            self.info.show_refusal(self.tr("Select the transaction to reverse."))
            return
        reason = self.reason.text().strip()
        if not reason:
            self.info.show_refusal(self.tr("Give the reason for the reversal first."))
            self.reason.setFocus()
            return
        p = self.report.postings[row]
        try:
            amount = Money(Decimal(p.amount), self.report.shift.currency)
        except Exception as exc:  # noqa: BLE001 - a CashierError sentence, shown inline
            self.info.show_refusal(sentence_for(exc))
            return
        staff, posting_id, original = self.session.staff, new_id(), UUID(str(p.id))
        Op(parent=self, work=lambda s: reverse(s, staff, original, reason, amount=amount, posting_id=posting_id,
                                               player_id=p.player_id), lane="posting") \
            .success(self._reversed).failure(lambda exc: self.info.show_refusal(sentence_for(exc))) \
            .disabling(self.reverse_button).run()

    def _reversed(self, receipt: Any) -> None:
        self.reason.clear()
        self.info.setText(self.tr("Reversed: posting %1 undone by %2 (%3).").replace("%1", str(receipt.reverses_id))
                          .replace("%2", str(receipt.id)).replace("%3", money_text(receipt.amount, self.ctx.profile)))
        self.load_report()

    def sign_off(self) -> None:
        from ..terminal import shifts
        shift = self.selected_shift()
        if shift is None or not self.signoff_button.isEnabled():
            self.info.show_refusal(self.tr("Select a closed shift to sign off."))
            return
        note, session = self.note.text().strip(), self.session
        Op(parent=self, work=lambda s: shifts.signoff_shift(s, session, shift.id, note), lane="posting") \
            .success(self._signed).failure(lambda exc: self.info.show_refusal(sentence_for(exc))) \
            .disabling(self.signoff_button).run()

    def _signed(self, shift: Any) -> None:
        self.note.clear()
        self.info.setText(self.tr("Shift #%1 signed off.").replace("%1", str(shift.id)))
        self.load_shifts()
        self.load_report()

    def _ask_path(self, kind: str) -> None:
        if self.report is None:
            self.info.show_refusal(self.tr("Select a shift first."))
            return
        if self._export_dialog is None:  # one dialog, reused (never deleted while Qt may use it)
            self._export_dialog = QFileDialog(self)
            self._export_dialog.setAcceptMode(QFileDialog.AcceptSave)
            self._export_dialog.setWindowModality(Qt.WindowModal)
            self._export_dialog.fileSelected.connect(lambda path: self.export(self._export_kind, path))
        self._export_kind = kind
        d = self._export_dialog
        d.setWindowTitle(self.tr("Export shift #%1 as %2").replace("%1", str(self.report.shift.id))
                         .replace("%2", kind.upper()))
        d.setNameFilter(self.tr("%1 files (*.%2)").replace("%1", kind.upper()).replace("%2", kind))
        d.setDefaultSuffix(kind)
        d.selectFile(f"shift-{self.report.shift.id}.{kind}")
        d.show()

    def export(self, kind: str, path: str) -> None:
        """Write the selected shift's report as CSV or PDF (local file, GUI thread is fine)."""
        try:
            if kind == "csv":
                write_csv(self.report, path)
            else:
                write_pdf(self.report, self.ctx.profile, path, self.reconciliation)
        except OSError as exc:
            self.info.show_refusal(self.tr("Could not write %1: %2.").replace("%1", path).replace("%2", str(exc.strerror)))
            return
        self.info.setText(self.tr("Shift #%1 exported to %2.").replace("%1", str(self.report.shift.id)).replace("%2", path))

    def show_accountability(self) -> None:
        """Every drawer, the bank and the markers outstanding, in their own window, loaded now."""
        self.accountability_window.show()
        self.accountability_window.raise_()
        self.accountability_window.load()

    def run_integrity(self) -> None:
        from ..terminal import lookups
        self.findings.clear()
        self.findings_window.hide()
        self.info.setText(self.tr("Checking every balance and every hash chain…"))
        Op(parent=self, work=lookups.integrity_findings).success(self._show_findings) \
            .failure(lambda exc: self.info.show_refusal(sentence_for(exc))) \
            .disabling(self.integrity_button).run()

    def _show_findings(self, findings: list[str]) -> None:
        if not findings:
            self.info.setText(messages.INTEGRITY_CLEAN)
        else:
            self.info.show_refusal((self.tr("Integrity check: %1 discrepancies.") if len(findings) != 1
                                    else self.tr("Integrity check: %1 discrepancy.")).replace("%1", str(len(findings))))
            self.findings.addItems([translate_sentence(cage_sentence(f, self.ctx.profile)) for f in findings])
            self.findings_window.show()
        self.integrity_done.emit(findings)


_LISTED = ("Shift", "Terminal", "Cashier", "Status", "Opened")  # on the selected row already


def _listed() -> set[str]:
    """Those labels in the current language (asked at each call: the language changes at login)."""
    return {QCoreApplication.translate("ShiftReport", k) for k in _LISTED}


PAIRS_PER_LINE = 3
LONG_VALUE = 24  # characters: a sentence gets a line of its own


def figures_html(rows: list[tuple[str, str]]) -> str:
    """The shift's figures, compact enough that all of them (Variance, Count, Signed off,
    Reconciliation) stand above the sign-off at 1366×768: what the selected row of the shift
    list already says is left out, figures go three to a line, sentences after them."""
    e = html.escape
    listed = _listed()
    short = [(k, v) for k, v in rows if k not in listed and len(v) <= LONG_VALUE]
    long = [(k, v) for k, v in rows if k not in listed and len(v) > LONG_VALUE]
    lines = []
    for i in range(0, len(short), PAIRS_PER_LINE):
        lines.append("".join(f"<td style='padding-right:6px'>{e(k)}</td>"
                             f"<td style='padding-right:12px; white-space:nowrap'><b>{e(v)}</b></td>"
                             for k, v in short[i:i + PAIRS_PER_LINE]))
    lines += [f"<td style='padding-right:6px'>{e(k)}</td><td colspan='{2 * PAIRS_PER_LINE - 1}'><b>{e(v)}</b></td>"
              for k, v in long]
    return "<table cellspacing='0' cellpadding='1'>" + "".join(f"<tr>{c}</tr>" for c in lines) + "</table>"


def _reconciliation_text(services: Any, report: Any, own_terminal: bool) -> str:
    """Journal against ledger for this terminal's own shifts; elsewhere, where to run it."""
    if report.blind:
        return QCoreApplication.translate("SupervisorTab", "after the closing count")
    if not own_terminal or services.local.journal is None:
        # The offline journal lives on the shift's own terminal: it can only be compared there.
        return QCoreApplication.translate("SupervisorTab", "checked on terminal %1 (its offline journal is there)").replace("%1", report.shift.terminal_id)
    from ..terminal.reconciling import reconcile_shift
    rec = reconcile_shift(services, report.shift.id)
    if rec.clean:
        return QCoreApplication.translate("SupervisorTab", "clean (%1 matched)").replace("%1", str(len(rec.lines)))
    return QCoreApplication.translate("SupervisorTab", "%1 unresolved of %2").replace("%1", str(len(rec.unresolved))).replace("%2", str(len(rec.lines)))
