"""Player search as you type: debounced, server-side, stale answers dropped.

Each keystroke restarts a short timer; when it fires, one lookup goes to the pool. Every
lookup carries a generation number and only the newest one's answer is shown, so a slow
answer for "1" can never overwrite the list for "179".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..domain.currency import CurrencyProfile
from ..domain.receipts import Balance
from . import messages
from .ops import Op

DEBOUNCE_MS = 180
RESULT_LIMIT = 20


class _SearchLine(QLineEdit):
    """Down arrow moves to the results; Enter picks the first (or only) result."""

    down = Signal()
    enter = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() == Qt.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(event)


class _Results(QTableWidget):
    enter = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(event)


class PlayerSearch(QWidget):
    """Emits `picked(Balance)` when the cashier chooses a player (Enter or double click)."""

    picked = Signal(object)
    searched = Signal(str, int)  # query, number of results (tests and the status line)

    def __init__(self, profile: CurrencyProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.generation = 0
        self.answered = 0
        self._pick_when_answered = False
        self.rows: list[Balance] = []
        self.line = _SearchLine(self)
        self.line.setObjectName("playerSearch")
        self.line.setPlaceholderText(messages.SEARCH_HINT)
        self.line.setAccessibleName(self.tr("Find player"))
        self.line.setClearButtonEnabled(True)
        self.info = QLabel("")
        self.info.setObjectName("searchInfo")
        self.results = _Results(0, 2, self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Players found"))
        # No balances here: a snapshot beside the live panel could be misread.
        self.results.setHorizontalHeaderLabels([self.tr("Player"), self.tr("Name")])
        self.results.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.results.verticalHeader().setVisible(False)
        self.results.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.results.setTabKeyNavigation(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.line)
        box.addWidget(self.info)
        box.addWidget(self.results, 1)
        self.setFocusProxy(self.line)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self._search_now)
        self.line.textEdited.connect(lambda _t: self._debounce.start())
        self.line.down.connect(self._to_results)
        self.line.enter.connect(self._enter_from_line)
        self.results.enter.connect(self._pick_current)
        self.results.cellDoubleClicked.connect(lambda r, _c: self._pick(r))

    def _search_now(self) -> None:
        from ..terminal import lookups
        query = self.line.text().strip()
        self.generation += 1
        gen = self.generation
        if not query:
            self._pick_when_answered = False
            self._show([], gen, query)
            return
        self.info.setText(self.tr("Searching…"))
        Op(parent=self, work=lambda s: lookups.search_players(s, query, limit=RESULT_LIMIT)) \
            .success(lambda rows: self._show(rows, gen, query)) \
            .failure(lambda exc: self._failed(exc, gen)).run()

    def _failed(self, exc: BaseException, gen: int) -> None:
        from .ops import sentence_for
        if gen == self.generation:
            self.answered = gen
            self._pick_when_answered = False
            self.info.setText(sentence_for(exc))

    def _show(self, rows: list[Balance], gen: int, query: str) -> None:
        if gen != self.generation:
            return  # an older query's answer: the cashier has typed on
        self.answered = gen
        self.rows = list(rows)
        self.results.setRowCount(len(rows))
        for i, b in enumerate(rows):
            for j, text in enumerate([b.player_id, b.name]):
                self.results.setItem(i, j, QTableWidgetItem(text))
        if rows:
            self.results.selectRow(0)
        self.info.setText("" if not query else
                          self.tr("%1 found").replace("%1", str(len(rows)))
                          + (" " + self.tr("(first 20; type more)") if len(rows) >= RESULT_LIMIT else "")
                          if rows else self.tr("No player matches “%1”.").replace("%1", query))
        self.searched.emit(query, len(rows))
        if self._pick_when_answered:
            self._pick_when_answered = False
            self._pick_best()

    def search(self, text: str) -> None:
        """Put `text` in the box and search at once (the F2 + paste path, and tests)."""
        self.line.setText(text)
        self._debounce.stop()
        self._search_now()

    def _to_results(self) -> None:
        if self.rows:
            self.results.setFocus()
            self.results.selectRow(max(self.results.currentRow(), 0))

    def _enter_from_line(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._pick_when_answered = True
            self._search_now()
            return
        if self.answered != self.generation:
            self._pick_when_answered = True
            return
        self._pick_best()

    def _pick_best(self) -> None:
        if self.rows:
            exact = [i for i, b in enumerate(self.rows) if b.player_id == self.line.text().strip()]
            self._pick(exact[0] if exact else 0)

    def _pick_current(self) -> None:
        self._pick(max(self.results.currentRow(), 0))

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.picked.emit(self.rows[row])
