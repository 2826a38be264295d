"""A player's credit line over time and the markers owed, for the player history (Ctrl+H):
every change of the line (permanent or temporary: who asked, who approved, old and new
limit, expiry, reason) and every marker with its due date and what is still owed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..domain.formatting import format_date
from .display import money_text, time_text
from ..domain.policy import Policy
from .tables import fill_table as _fill, read_only_table as _table
from .line_lapse import LapseTimer
from .ops import Op, sentence_for

LINE_KINDS = {"permanent": QT_TRANSLATE_NOOP("CreditLinesView", "permanent"),
              "temporary": QT_TRANSLATE_NOOP("CreditLinesView", "temporary")}


class CreditLinesView(QWidget):
    """Read-only; loaded through the worker when shown, and again just after a temporary
    line in force lapses (`lapse_timer`), so "line in force now" never shows a lapsed line."""

    loaded = Signal()

    CHANGE_COLUMNS = [QT_TRANSLATE_NOOP("CreditLinesView", "Changed"), QT_TRANSLATE_NOOP("CreditLinesView", "Line"),
                      QT_TRANSLATE_NOOP("CreditLinesView", "Old limit"),
                      QT_TRANSLATE_NOOP("CreditLinesView", "New limit"),
                      QT_TRANSLATE_NOOP("CreditLinesView", "Until"), QT_TRANSLATE_NOOP("CreditLinesView", "Asked by"),
                      QT_TRANSLATE_NOOP("CreditLinesView", "Approved by"),
                      QT_TRANSLATE_NOOP("CreditLinesView", "Reason")]
    MARKER_COLUMNS = [QT_TRANSLATE_NOOP("CreditLinesView", "Issued"), QT_TRANSLATE_NOOP("CreditLinesView", "Amount"),
                      QT_TRANSLATE_NOOP("CreditLinesView", "Due"), QT_TRANSLATE_NOOP("CreditLinesView", "Still owed"),
                      QT_TRANSLATE_NOOP("CreditLinesView", "Marker")]

    def __init__(self, ctx: Any, player_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.player_id = ctx, player_id
        self.setObjectName("creditLinesView")
        self.changes = _table([self.tr(c) for c in self.CHANGE_COLUMNS], "creditChanges",
                              self.tr("Credit line changes"), self)
        self.markers = _table([self.tr(c) for c in self.MARKER_COLUMNS], "playerMarkers", self.tr("Markers"), self)
        self.summary = QLabel("")
        self.summary.setObjectName("creditLineNow")
        self.summary.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.changes, 1)
        box.addWidget(QLabel(self.tr("<b>Markers</b> (redemptions pay the oldest first)")))
        box.addWidget(self.markers, 1)
        self.lapse_timer = LapseTimer(self, self.load)
        self.load()

    def load(self) -> None:
        from ..terminal import credit_lines
        pid = self.player_id
        Op(parent=self, work=lambda s: (credit_lines.history(s, pid), credit_lines.markers(s, pid),
                                        credit_lines.line_in_force(s, pid))) \
            .success(self._show).failure(lambda exc: self.summary.setText(sentence_for(exc))).run()

    def _show(self, loaded: tuple[list, list, Any]) -> None:
        changes, markers, (in_force, lapses_in) = loaded
        self.lapse_timer.arm(lapses_in)
        prof = self.ctx.profile
        today = Policy.from_values(self.ctx.config.values).today()
        self.summary.setText(self.tr("Line in force now: %1").replace("%1", money_text(in_force, prof)))
        _fill(self.changes, [
            [time_text(c.changed_at), self.tr(LINE_KINDS.get(c.line, c.line)), money_text(c.old_limit, prof),
             money_text(c.new_limit, prof), time_text(c.expires_at) if c.expires_at else "—", c.requested_by,
             c.approved_by or "—", c.reason or ""] for c in reversed(changes)], {2, 3})
        _fill(self.markers, [
            [time_text(m.issued_at), money_text(m.amount, prof),
             format_date(m.due_date) + (" " + self.tr("(past due)") if m.outstanding > 0 and m.due_date < today else ""),
             money_text(m.outstanding, prof), str(m.posting_id)] for m in markers], {1, 3})
        self.loaded.emit()
