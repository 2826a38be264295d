"""The floor's markers and temporary lines: markers falling due, what is owed by age (0–30,
31–60, 61–90, 90+ days), and a temporary credit line granted with a second person's PIN.

A temporary line lapses by itself at its expiry (the database computes the line in force at
every read and marker issue). Keys: Ctrl+F5 reloads; Enter in the form grants the line.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from .tables import fill_table, read_only_table
from ..domain.policy import Policy
from ..domain.formatting import format_date
from .amount_edit import AmountField
from .display import money_text
from .feedback import NOTE, MessageLabel
from .keys import REFRESH_KEY
from .ops import Op, sentence_for

DUE_WITHIN_DAYS = 7


_table, _fill = read_only_table, fill_table  # the screens' one table look (ui/tables.py)


class MarkersTab(QWidget):
    """Markers due, aging, and the temporary-line form (floor managers and supervisors)."""

    loaded = Signal()  # both tables filled (tests)
    TAB_TITLE = QT_TRANSLATE_NOOP("MarkersTab", "Mar&kers")

    DUE_COLUMNS = [QT_TRANSLATE_NOOP("MarkersTab", "Due"), QT_TRANSLATE_NOOP("MarkersTab", "Player"),
                   QT_TRANSLATE_NOOP("MarkersTab", "Still owed"), QT_TRANSLATE_NOOP("MarkersTab", "Marker")]
    AGING_COLUMNS = [QT_TRANSLATE_NOOP("MarkersTab", "Player"), QT_TRANSLATE_NOOP("MarkersTab", "0–30 days"),
                     QT_TRANSLATE_NOOP("MarkersTab", "31–60 days"), QT_TRANSLATE_NOOP("MarkersTab", "61–90 days"),
                     QT_TRANSLATE_NOOP("MarkersTab", "Over 90 days"), QT_TRANSLATE_NOOP("MarkersTab", "Past due")]

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session, self.staff = ctx, session, session.staff
        self.setObjectName("markersTab")
        self.due = _table([self.tr(c) for c in self.DUE_COLUMNS], "markersDue", self.tr("Markers due"), self)
        self.aging = _table([self.tr(c) for c in self.AGING_COLUMNS], "markerAging", self.tr("Marker aging"), self)
        self.due_label = QLabel(self.tr("<b>Markers due</b> (and past due) &within"))
        self._asked = 0  # refreshes asked for; only the newest one's answer is shown
        self.due_days = QSpinBox()
        self.due_days.setRange(1, 365)
        self.due_days.setValue(DUE_WITHIN_DAYS)
        self.due_days.setSuffix(self.tr(" days"))
        self.due_days.setAccessibleName(self.tr("Markers due within days"))
        self.due_label.setBuddy(self.due_days)
        self.due_days.valueChanged.connect(lambda _v: self.refresh())
        head = QHBoxLayout()
        head.addWidget(self.due_label)
        head.addWidget(self.due_days)
        head.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(head)
        left.addWidget(self.due, 1)
        left.addWidget(QLabel(self.tr("<b>Owed by days since issue</b>")))
        left.addWidget(self.aging, 1)
        # -- temporary line
        self.player = QLineEdit()
        self.player.setAccessibleName(self.tr("Player id"))
        self.limit = AmountField(ctx.profile, self)
        self.limit.edit.setAccessibleName(self.tr("Temporary line"))
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.setValue(3)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Days until it lapses"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("why (kept in the credit history)"))
        self.approver_id = QLineEdit()
        self.approver_id.setAccessibleName(self.tr("Approver staff id"))
        self.approver_pin = QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.Password)
        self.approver_pin.setAccessibleName(self.tr("Approver PIN"))
        self.grant_button = QPushButton(self.tr("&Grant temporary line (Enter)"))
        self.grant_button.clicked.connect(self.grant)
        for w in (self.player, self.reason, self.approver_id, self.approver_pin):
            w.returnPressed.connect(self.grant)
        self.limit.edit.returnPressed.connect(self.grant)
        hint = QLabel(self.tr("Asked for by you, approved by a second person with their PIN, within their "
                              "approval authority. It lapses by itself."))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Player"), self.player)
        form.addRow(self.tr("&Line"), self.limit)
        form.addRow(self.tr("&Days it lasts"), self.days)
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("&Approver"), self.approver_id)
        form.addRow(self.tr("Approver P&IN"), self.approver_pin)
        grant_box = QGroupBox(self.tr("Temporary credit line"))
        gbox = QVBoxLayout(grant_box)
        gbox.addWidget(hint)
        gbox.addLayout(form)
        gbox.addWidget(self.grant_button)
        gbox.addStretch(1)
        self.message = MessageLabel(self.tr("Message"), self, default_tone=NOTE, object_name="markersMessage")
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(grant_box, 2)
        # Scrolls rather than make the window taller than a 1366×768 screen (a supervisor's
        # window carries the alert and offline banners above its tabs).
        inner = QWidget()
        inner.setLayout(top)
        area = QScrollArea(self)
        area.setWidget(inner)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.NoFrame)
        box = QVBoxLayout(self)
        box.addWidget(area, 1)
        box.addWidget(self.message)
        QShortcut(QKeySequence(REFRESH_KEY), self, activated=self.refresh, context=Qt.WidgetWithChildrenShortcut)
        for a, b in ((self.player, self.limit.edit), (self.limit.edit, self.days), (self.days, self.reason),
                     (self.reason, self.approver_id), (self.approver_id, self.approver_pin),
                     (self.approver_pin, self.grant_button)):
            self.setTabOrder(a, b)
        self.refresh()

    def _today(self) -> date:
        return Policy.from_values(self.ctx.config.values).today()

    def refresh(self) -> None:
        """Load the markers due and the aging. Lookups run on a pool, so answers can come back
        out of order (typing "31" asks for 3 days, then 31): only the newest is shown."""
        from ..terminal import credit_lines
        staff, by = self.staff, self._today() + timedelta(days=self.due_days.value())
        self._asked += 1
        asked = self._asked
        Op(parent=self, work=lambda s: (credit_lines.markers_due(s, staff, by), credit_lines.aging(s, staff))) \
            .success(lambda loaded: self._loaded(loaded) if asked == self._asked else None) \
            .failure(lambda exc: self.message.show_refusal(sentence_for(exc))).run()

    def _loaded(self, loaded: tuple[list, list]) -> None:
        due, aging = loaded
        prof = self.ctx.profile
        today = self._today()
        _fill(self.due, [[format_date(d) + (" " + self.tr("(past due)") if d < today else ""), p,
                          money_text(owed, prof), str(m)] for p, m, d, owed in due], {2})
        _fill(self.aging, [[a.player_id] + [money_text(v, prof) for v in a.buckets.values()]
                           + [money_text(a.overdue, prof)] for a in aging], {1, 2, 3, 4, 5})
        self._show_count(len(due))
        self.loaded.emit()

    def _show_count(self, count: int) -> None:
        """The markers due, on this tab's title (seen from the credit queue's tab too)."""
        w = self.parentWidget()
        while w is not None and not isinstance(w, QTabWidget):
            w = w.parentWidget()
        if w is not None and w.indexOf(self) >= 0:
            title = QCoreApplication.translate("MarkersTab", self.TAB_TITLE)
            w.setTabText(w.indexOf(self), self.tr("%1 (%2 due)").replace("%1", title).replace("%2", str(count))
                         if count else title)

    def grant(self) -> None:
        from ..terminal import credit_lines
        from ..terminal.verbs import Credentials
        limit = self.limit.money()
        if limit is None:
            self.limit.show_refusal(self.limit.error() or self.tr("Enter the temporary line."))
            self.limit.setFocus()
            return
        staff, pid, days, reason = self.staff, self.player.text().strip(), self.days.value(), self.reason.text()
        approver = Credentials(self.approver_id.text().strip(), self.approver_pin.text())
        self.approver_pin.clear()

        def work(s):
            return credit_lines.grant_temporary(s, staff, pid, limit, credit_lines.expiry_in(days), reason, approver)

        def granted(line_id: int) -> None:
            self.message.show_note(self.tr("Temporary line %1 for player %2: %3 for %4 days, approved by %5.")
                                   .replace("%1", str(line_id)).replace("%2", pid)
                                   .replace("%3", money_text(limit.amount, self.ctx.profile))
                                   .replace("%4", str(days)).replace("%5", approver.staff_id))
            for w in (self.player, self.reason, self.approver_id):
                w.clear()
            self.limit.edit.clear()
            self.refresh()
        Op(parent=self, lane="posting", work=work).success(granted) \
            .failure(lambda exc: self.message.show_refusal(sentence_for(exc))).disabling(self.grant_button).run()
