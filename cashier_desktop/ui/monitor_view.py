"""The supervisor's monitor: ledger-health figures, small hourly charts, alerts and their correction.

`MonitorView(ctx, session)` refreshes every `refresh_ms` through the worker (never on the
GUI thread) and shows an `AlertBanner` while any integrity alert is open. `AlertBanner`
can also stand alone on any supervisor screen (`banner.start_polling(ctx)`).
A correction asks for the supervisor's PIN and a reason in `CorrectionDialog`; nothing is
ever corrected automatically. Keys: Ctrl+F5 refresh · Ctrl+Shift+A adopt · Ctrl+Shift+V
revert · Ctrl+Shift+D dismiss.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QFrame,
                               QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from .display import cage_sentence, clock_text
from .domain_text import translate_sentence
from .feedback import NOTE, MessageLabel, grow_to_fit
from .keys import REFRESH_KEY
from .ops import Op, sentence_for
from .replication_figure import ReplicationFigure

VERBS = {"adopt": QT_TRANSLATE_NOOP("MonitorView", "Adopt the outside change (record it in the ledger; balances stay as shown)"),
         "revert": QT_TRANSLATE_NOOP("MonitorView", "Revert the outside change (restore the columns from the ledger)"),
         "dismiss": QT_TRANSLATE_NOOP("MonitorView", "Dismiss the alert (only if it no longer holds)")}


PER_ROW = 3  # figures per row of the grid: four rows fit 1366×768 with the alerts in view


class Sparkline(QWidget):
    """A tiny bar chart of an hourly series; the last bar is the current hour."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.values: list[float] = []
        self.setMinimumSize(160, 56)
        self.setAccessibleName(self.tr("%1 per hour, last hours").replace("%1", title))

    def set_values(self, values: list[float]) -> None:
        self.values = list(values)
        top = max(self.values) if self.values else 0
        self.setToolTip(self.tr("%1: last hour %2, peak %3").replace("%1", self.title)
                        .replace("%2", f"{self.values[-1]:g}").replace("%3", f"{top:g}") if self.values else self.title)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing, False)
        rect = self.rect().adjusted(2, 16, -2, -2)
        p.setPen(self.palette().windowText().color())
        p.drawText(2, 12, self.title)
        if not self.values:
            return
        top = max(self.values) or 1.0
        w = rect.width() / len(self.values)
        color = QColor("#2b6cb0")
        for i, v in enumerate(self.values):
            h = rect.height() * (v / top)
            p.fillRect(QRectF(rect.left() + i * w + 1, rect.bottom() - h, max(w - 2, 1), h), color)
        p.end()


class AlertBanner(QFrame):
    """A red bar that cannot be missed while alerts are open; hidden otherwise."""

    review = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrityAlertBanner")
        # The label needs its own background: the app's `QWidget { background: white }` would
        # otherwise paint white behind white text (the banner read as an empty red frame).
        self.setStyleSheet("#integrityAlertBanner { background: #8b0000; border: 3px solid #000000; } "
                           "#integrityAlertBanner QLabel { background: #8b0000; color: #ffffff; "
                           "font-weight: bold; }")
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Integrity alert"))
        self.button = QPushButton(self.tr("Re&view alerts"))
        self.button.clicked.connect(self.review.emit)
        box = QHBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)  # every line of height counts at 1366×768
        box.addWidget(self.label, 1)
        box.addWidget(self.button)
        self.alerts: list[Any] = []
        self._timer: QTimer | None = None
        self._busy = False
        self.hide()

    def set_alerts(self, alerts: list[Any]) -> None:
        """Show the newest open alert (objects with `.summary()` or dicts with "summary")."""
        self.alerts = list(alerts)
        if not self.alerts:
            self.hide()
            return
        first = self.alerts[0]
        # Short enough for two lines at 1366 px: whose balance and when; the full story
        # (checks, who changed it, from where) is one click away on the Monitor tab.
        pid = first.player_id if hasattr(first, "player_id") else first["player_id"]
        raised = first.raised_at if hasattr(first, "raised_at") else first["raised_at"]
        at = clock_text(raised if not isinstance(raised, str) else datetime.fromisoformat(raised))
        more = " " + self.tr("(+%1 more)").replace("%1", str(len(self.alerts) - 1)) if len(self.alerts) > 1 else ""
        head = (self.tr("⚠ %1 integrity alerts: %2").replace("%1", str(len(self.alerts))) if len(self.alerts) > 1
                else self.tr("⚠ 1 integrity alert: %2"))
        body = (self.tr("the balance of player %1 disagrees with the ledger (raised %2)%3. "
                        "Check before paying this player.").replace("%1", str(pid)).replace("%2", at)
                .replace("%3", more))
        self.label.setText(head.replace("%2", body))
        self.label.setToolTip(translate_sentence(first.summary() if hasattr(first, "summary") else first["summary"]))
        self.show()

    def start_polling(self, ctx: Any, interval_ms: int = 2000) -> None:
        """Poll open alerts through the worker (for screens without a MonitorView)."""
        from ..terminal.monitoring import open_alerts
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self._poll(open_alerts))
        self._timer.start(interval_ms)
        self._poll(open_alerts)

    def _poll(self, fetch) -> None:
        if self._busy:
            return
        self._busy = True
        Op(parent=self, work=fetch).success(self._polled).failure(lambda _e: self._done()).run()

    def _polled(self, alerts: list[Any]) -> None:
        self._done()
        self.set_alerts(alerts)

    def _done(self) -> None:
        self._busy = False


_TITLES = {"adopt": QT_TRANSLATE_NOOP("CorrectionDialog", "Adopt alert %1"),
           "revert": QT_TRANSLATE_NOOP("CorrectionDialog", "Revert alert %1"),
           "dismiss": QT_TRANSLATE_NOOP("CorrectionDialog", "Dismiss alert %1")}
_BUTTONS = {"adopt": QT_TRANSLATE_NOOP("CorrectionDialog", "Adopt"),
            "revert": QT_TRANSLATE_NOOP("CorrectionDialog", "Revert"),
            "dismiss": QT_TRANSLATE_NOOP("CorrectionDialog", "Dismiss")}


class CorrectionDialog(QDialog):
    """Supervisor id, PIN and reason for one correction of one alert."""

    def __init__(self, verb: str, alert: dict, staff_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verb = verb
        self.setWindowTitle(self.tr(_TITLES[verb]).replace("%1", str(alert["id"])))
        self.setObjectName("correctionDialog")
        what = QLabel(f"{QCoreApplication.translate('MonitorView', VERBS[verb])}.\n\n"
                      f"{translate_sentence(cage_sentence(alert['summary']))}")
        what.setWordWrap(True)
        self.staff = QLineEdit(staff_id)
        self.staff.setAccessibleName(self.tr("Supervisor staff id"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setAccessibleName(self.tr("Supervisor PIN"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("why (recorded in the audit log)"))
        form = QFormLayout()
        form.addRow(self.tr("&Supervisor"), self.staff)
        form.addRow(self.tr("&PIN"), self.pin)
        form.addRow(self.tr("&Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr(_BUTTONS[verb]))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(what)
        box.addLayout(form)
        box.addWidget(self.buttons)
        (self.pin if staff_id else self.staff).setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        grow_to_fit(self)  # the alert's sentence wraps: never clip it

    def values(self) -> tuple[str, str, str]:
        return self.staff.text().strip(), self.pin.text(), self.reason.text().strip()


class MonitorView(QWidget):
    """The dashboard, live. Every read and every correction runs on the worker."""

    refreshed = Signal(object)
    corrected = Signal(object)

    ALERT_COLUMNS = [QT_TRANSLATE_NOOP("MonitorView", "Alert"), QT_TRANSLATE_NOOP("MonitorView", "Player"),
                     QT_TRANSLATE_NOOP("MonitorView", "Raised"), QT_TRANSLATE_NOOP("MonitorView", "Failed checks"),
                     QT_TRANSLATE_NOOP("MonitorView", "What happened")]

    def __init__(self, ctx: Any, session: Any = None, parent: QWidget | None = None,
                 refresh_ms: int = 2000) -> None:
        super().__init__(parent)
        self.ctx = ctx
        staff = getattr(session, "staff", None)
        self.staff_id = getattr(staff, "id", "") or getattr(session, "staff_id", "") or ""
        self.setObjectName("monitorView")
        self.dashboard: Any = None
        self.dialog: CorrectionDialog | None = None
        self._busy = False
        self.banner = AlertBanner(self)
        self.banner.review.connect(lambda: self.alerts.setFocus())
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = [("updates", self.tr("Balance updates")), ("published", self.tr("Sync → published p50/p99")),
                 ("terminal", self.tr("Sync → terminal p50/p99")), ("refused", self.tr("Refused postings (24 h)")),
                 ("failed", self.tr("Failed postings (24 h)")), ("consistency", self.tr("Consistency score")),
                 ("accuracy", self.tr("Balance accuracy (24 h)")), ("backlog", self.tr("Relay backlog")),
                 ("terminals", self.tr("Terminals online")), ("open", self.tr("Open alerts"))]
        for i, (key, title) in enumerate(names):
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            value.setAccessibleName(title)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            value.setWordWrap(True)  # a long list of refusal reasons wraps, never widens the window
            grid.addWidget(QLabel(title), i // PER_ROW, (i % PER_ROW) * 2)
            grid.addWidget(value, i // PER_ROW, (i % PER_ROW) * 2 + 1)
            self.figures[key] = value
        # Which server the terminals reached and the standbys' lag: the rest of the last row
        # (it is long; a row of its own would push the supervisor's window past 768 px).
        self.replication = ReplicationFigure(self)
        row_at, col_at = divmod(len(names), PER_ROW)
        grid.addWidget(QLabel(self.tr("Ledger servers")), row_at, col_at * 2)
        grid.addWidget(self.replication, row_at, col_at * 2 + 1, 1, (PER_ROW - col_at) * 2 - 1)
        self.charts = {k: Sparkline(t, self) for k, t in (("updates", self.tr("Updates")),
                                                             ("publish_p99_ms", self.tr("Publish p99 ms")),
                                                             ("refused", self.tr("Refusals")), ("alerts", self.tr("Alerts")))}
        charts = QHBoxLayout()
        for c in self.charts.values():
            charts.addWidget(c)
        self.alerts = QTableWidget(0, len(self.ALERT_COLUMNS), self)
        self.alerts.setObjectName("alertList")
        self.alerts.setAccessibleName(self.tr("Open integrity alerts"))
        self.alerts.setHorizontalHeaderLabels([self.tr(c) for c in self.ALERT_COLUMNS])
        self.alerts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.alerts.horizontalHeader().setStretchLastSection(True)
        self.alerts.verticalHeader().setVisible(False)
        self.alerts.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.alerts.setSelectionMode(QAbstractItemView.SingleSelection)
        self.alerts.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.alerts.setTabKeyNavigation(False)
        self.buttons = {}
        row = QHBoxLayout()
        for verb, label, key in (("adopt", self.tr("&Adopt… (Ctrl+Shift+A)"), "Ctrl+Shift+A"),
                                 ("revert", self.tr("Re&vert… (Ctrl+Shift+V)"), "Ctrl+Shift+V"),
                                 ("dismiss", self.tr("&Dismiss… (Ctrl+Shift+D)"), "Ctrl+Shift+D")):
            b = QPushButton(label)
            b.setToolTip(QCoreApplication.translate("MonitorView", VERBS[verb]))
            b.clicked.connect(lambda _=False, v=verb: self.ask(v))
            row.addWidget(b)
            self.buttons[verb] = b
            QShortcut(QKeySequence(key), self, activated=lambda v=verb: self.ask(v),
                      context=Qt.WidgetWithChildrenShortcut)
        self.refresh_button = QPushButton(self.tr("&Refresh (Ctrl+F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(REFRESH_KEY), self, activated=self.refresh, context=Qt.WidgetWithChildrenShortcut)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        self.info = MessageLabel(self.tr("Message"), self, default_tone=NOTE, object_name="monitorMessage")
        box = QVBoxLayout(self)
        box.addWidget(self.banner)
        box.addLayout(grid)
        box.addLayout(charts)
        box.addWidget(self.alerts, 1)
        box.addLayout(row)
        box.addWidget(self.info)
        self.alerts.currentCellChanged.connect(lambda *_: self._sync_buttons())
        self._sync_buttons()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(refresh_ms)
        self.refresh()

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._busy:
            return
        from ..terminal.monitoring import dashboard
        self._busy = True
        Op(parent=self, work=dashboard).success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.info.show_refusal(sentence_for(exc))

    def _show(self, d: Any) -> None:
        self._busy = False
        self.dashboard = d

        def ms(v: float | None) -> str:
            return "—" if v is None else f"{v:.0f} ms"

        def pct(v: float | None) -> str:
            return "—" if v is None else f"{v * 100:.2f}%"
        f = self.figures
        f["updates"].setText(self.tr("%1/min (%2 in the last hour)").replace("%1", f"{d.updates_per_minute:.1f}")
                             .replace("%2", str(d.updates_last_hour)))
        f["published"].setText(f"{ms(d.publish_p50_ms)} / {ms(d.publish_p99_ms)}")
        f["terminal"].setText(f"{ms(d.terminal_p50_ms)} / {ms(d.terminal_p99_ms)}")
        for key, counts in (("refused", d.refused_by_reason), ("failed", d.failed_by_reason)):
            figure, every_reason = _by_reason(counts)
            f[key].setText(figure)
            f[key].setToolTip(every_reason)
        f["consistency"].setText(pct(d.consistency_score))
        f["accuracy"].setText(pct(d.accuracy_rate))
        f["backlog"].setText(self.tr("%1 rows, oldest %2 s").replace("%1", str(d.backlog))
                             .replace("%2", f"{d.backlog_age_s:.1f}"))
        # What needs attention only (entries the ledger refused on replay first, then offline
        # terminals and entries waiting), the worst named: a cage with 24 terminals must
        # not push the alerts off the screen.
        attention = sorted((t for t in d.terminals if not t.online or t.pending_entries or t.refused_entries),
                           key=lambda t: -t.refused_entries)  # most refused first
        named = "".join("; " + self._terminal_text(t) for t in attention[:TERMINALS_NAMED])
        more = ("; " + self.tr("+%1 more").replace("%1", str(len(attention) - TERMINALS_NAMED))
                if len(attention) > TERMINALS_NAMED else "")
        f["terminals"].setText(self.tr("%1 of %2").replace("%1", str(d.terminals_online))
                               .replace("%2", str(len(d.terminals))) + named + more)
        f["terminals"].setToolTip("\n".join(self._terminal_text(t) for t in d.terminals))
        f["open"].setText(str(len(d.open_alerts)))
        services = self.ctx.services
        self.replication.show_summary(d.replication, demo=getattr(services, "embedded", None) is not None)
        for key, chart in self.charts.items():
            chart.set_values([v for _h, v in d.series.get(key, [])])
        selected = self._selected_id()
        self.alerts.setRowCount(len(d.open_alerts))
        for i, a in enumerate(d.open_alerts):
            for j, value in enumerate([str(a["id"]), a["player_id"], a["raised_at"][11:19],
                                       ", ".join(c.replace("_", " ") for c in a["checks"]), a["summary"]]):
                self.alerts.setItem(i, j, QTableWidgetItem(value))
            if a["id"] == selected:
                self.alerts.selectRow(i)
        if d.open_alerts and self.alerts.currentRow() < 0:
            self.alerts.selectRow(0)
        self.banner.set_alerts(d.open_alerts)
        self._sync_buttons()
        self.refreshed.emit(d)

    # -- correcting ---------------------------------------------------------------------
    def _selected(self) -> dict | None:
        row = self.alerts.currentRow()
        if self.dashboard is None or not 0 <= row < len(self.dashboard.open_alerts):
            return None
        return self.dashboard.open_alerts[row]

    def _terminal_text(self, t: Any) -> str:
        """One terminal as the supervisor reads it; refused entries are cash in its drawer that
        is on no player's account, named before anything else."""
        text = (self.tr("%1 online (%2 pending)") if t.online else self.tr("%1 OFFLINE (%2 pending)")) \
            .replace("%1", t.terminal_id).replace("%2", str(t.pending_entries))
        if getattr(t, "refused_entries", 0):
            text += " " + self.tr("✖ %1 REFUSED on replay").replace("%1", str(t.refused_entries))
        return text

    def _selected_id(self) -> int | None:
        a = self._selected()
        return a["id"] if a else None

    def _sync_buttons(self) -> None:
        has = self._selected() is not None
        for b in self.buttons.values():
            b.setEnabled(has)

    def ask(self, verb: str) -> None:
        """Open the PIN-and-reason dialog for `verb` on the selected alert."""
        alert = self._selected()
        if alert is None:
            return
        self.dialog = CorrectionDialog(verb, alert, self.staff_id, self)
        self.dialog.accepted.connect(lambda: self._correct(verb, alert["id"], *self.dialog.values()))
        self.dialog.open()

    def _correct(self, verb: str, alert_id: int, staff_id: str, pin: str, reason: str) -> None:
        from ..terminal import monitoring
        fn = {"adopt": monitoring.adopt_alert, "revert": monitoring.revert_alert,
              "dismiss": monitoring.dismiss_alert}[verb]
        Op(parent=self, work=lambda s: fn(s, alert_id, staff_id=staff_id, pin=pin, reason=reason),
           lane="posting").success(self._corrected).failure(self._failed_correction) \
            .disabling(*self.buttons.values()).run()

    def _corrected(self, done: Any) -> None:
        self.info.setText(translate_sentence(cage_sentence(done.sentence())))
        self.corrected.emit(done)
        self.refresh()

    def _failed_correction(self, exc: BaseException) -> None:
        self.info.show_refusal(sentence_for(exc))


REASONS_SHOWN = 3
# Terminals named in the figure (the worst first; all of them in its tooltip): three, each with
# entries refused on replay, overflowed the cell at 1366×768 beside a standby's warning.
TERMINALS_NAMED = 1


def _by_reason(counts: dict[str, int]) -> tuple[str, str]:
    """(figure, tooltip): the total and the most frequent reasons, the rest counted.

    A day of refusals can have a dozen reasons; listed in full they overflowed the figure's
    cell at 1366×768. The figure names the three most frequent; the tooltip names them all.
    """
    if not counts:
        return "0", ""
    from .domain_text import reason_text
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    named = [f"{reason_text(k)} {v}" for k, v in ranked]
    figure = f"{sum(counts.values())}: " + ", ".join(named[:REASONS_SHOWN])
    rest = len(named) - REASONS_SHOWN
    if rest > 0:
        figure += ", " + QCoreApplication.translate("MonitorView", "+%1 more").replace("%1", str(rest))
    return figure, "\n".join(named)
