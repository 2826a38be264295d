"""The foreign cash of a drawer, counted at close and at a handover (issue 17, migration 0032).

One line per currency the cage exchanges (the ledger's list, loaded when the dialog opens):
the notes typed as `100x3, 20x2`, the total beside them. Blind like the local count: nothing
here shows what the drawer should hold. The ledger checks each currency's notes and records
a currency the drawer should hold and not counted as none, so an empty line is "none".

So the dialog must not send its count before the lines are there: until the ledger answers,
`state` is "loading" (and "failed" if it did not), and the dialogs refuse Enter with a sentence
rather than close or hand over a drawer whose dollars nobody was shown a line for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from ..domain.currency import profile_for
from ..domain.errors import InvalidInput
from ..domain.notes import Notes, notes_json, notes_value, parse_notes
from .currency_names import currency_label
from .display import money_text
from .ops import Op


class ForeignCountLines(QWidget):
    """A line per foreign currency; `counts()` gives `{"USD": {"100": 3}}` for the ledger."""

    loaded = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("foreignCount")
        self.ctx = ctx
        self.edits: dict[str, QLineEdit] = {}
        self.totals: dict[str, QLabel] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("<b>Foreign cash</b> by note"), self)
        self.grid.addWidget(self.heading, 0, 0, 1, 3)
        self.hide()  # until the ledger names the currencies (none: nothing to count)
        self.state = "loading"  # "ready" once the ledger named them; "failed" if it did not
        self.error: BaseException | None = None

    def load(self) -> None:
        from ..terminal import fx
        self.state, self.error = "loading", None
        Op(parent=self, work=fx.rates).success(self._loaded).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.state, self.error = "failed", exc  # said when Enter is pressed (shift_dialogs)

    def _loaded(self, rows: list) -> None:
        local = self.ctx.profile.code
        for r in rows:
            if r.currency == local or r.currency in self.edits:
                continue
            row = len(self.edits) + 1
            edit = QLineEdit(self)
            edit.setObjectName(f"foreign_{r.currency}")
            edit.setAccessibleName(self.tr("%1 notes counted").replace("%1", r.currency))
            edit.setPlaceholderText(self.tr("none (e.g. 100x3, 20x2)"))
            label = QLabel(currency_label(r.currency, r.name), self)
            label.setBuddy(edit)
            total = QLabel(money_text(notes_value(()), profile_for(r.currency)), self)
            total.setObjectName(f"foreignTotal_{r.currency}")
            edit.textChanged.connect(lambda _t, c=r.currency: self._retotal(c))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(edit, row, 1)
            self.grid.addWidget(total, row, 2)
            self.edits[r.currency], self.totals[r.currency] = edit, total
        self.setVisible(bool(self.edits))
        self.state = "ready"
        self.loaded.emit()

    def _notes(self, code: str) -> Notes:
        text = self.edits[code].text().strip()
        return parse_notes(text, None) if text else ()

    def _retotal(self, code: str) -> None:
        try:
            shown = money_text(notes_value(self._notes(code)), profile_for(code))
        except InvalidInput:
            shown = "?"
        self.totals[code].setText(shown)

    def counts(self) -> dict[str, dict[str, int]]:
        """What was counted, by currency (InvalidInput names a line that is not notes)."""
        out = {}
        for code in self.edits:
            notes = self._notes(code)
            if notes:
                out[code] = notes_json(notes)
        return out

    def words(self) -> str:
        """`$370.00` / `$370.00 and €50.00` for the confirmation; empty for none."""
        counted = {c: notes_value(self._notes(c)) for c in self.edits}
        return self.tr(" and ").join(money_text(v, profile_for(c)) for c, v in counted.items() if v)

    def clear(self) -> None:
        for edit in self.edits.values():
            edit.clear()

    def first_edit(self) -> QLineEdit | None:
        return next(iter(self.edits.values()), None)
