"""The notes line under a deposit's, a withdrawal's or a marker redemption's amount (quick
entry, issue 17; a redemption is paid in cash, so its notes are taken in).

The amount splits by the drawer's preferred notes (`currency.preferred_notes`), largest first,
the rest by the currency's other denominations; the cashier edits the pieces as typed text
(`500x4, 100x3`) before Enter. Empty means no notes are recorded (cash that moved without
notes, as before). Whether the notes add up is said beside them as they are typed; the
posting itself refuses a split that does not (domain/notes.py), so nothing is posted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ..domain.errors import CashierError
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.notes import Notes, notes_value, parse_notes, preferred_notes, split
from .display import money_text

# The kinds whose dialog shows the line: notes handed in, or paid out.
NOTE_KINDS = (Kind.DEPOSIT, Kind.WITHDRAWAL, Kind.MARKER_REDEEM)


class NotesLine(QWidget):
    """Pieces per note for one posting. `notes()` raises CashierError on text it cannot read."""

    def __init__(self, ctx: Any, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesLine")
        self.profile = ctx.profile
        config = ctx.config
        self.denominations = [str(d) for d in config["currency.denominations"] or []]
        self.preferred = preferred_notes(self.profile.code, config.get("currency.preferred_notes"))
        self.amount: Decimal | None = None
        paid_out = kind is Kind.WITHDRAWAL
        self.label = QLabel(self.tr("Notes &paid out") if paid_out else self.tr("Notes &taken in"), self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("notesEdit")
        self.edit.setAccessibleName(self.tr("Notes paid out") if paid_out else self.tr("Notes taken in"))
        self.edit.setPlaceholderText(self.tr("e.g. 500x4, 100x3 (empty: not recorded)"))
        self.label.setBuddy(self.edit)
        self.sum_label = QLabel(self)
        self.sum_label.setObjectName("notesSum")
        self.sum_label.setAccessibleName(self.tr("Notes total"))
        # one line, never wrapped: a wrapped label's height is not in the dialog's minimum size
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.edit, 2)
        row.addWidget(self.sum_label)
        self.edit.textEdited.connect(self._show_sum)

    def set_amount(self, money: Money | None) -> None:
        """A new amount: split it afresh (a split that cannot make it exactly is left empty)."""
        self.amount = money.amount if money is not None else None
        text = ""
        if money is not None:
            others = [Decimal(d) for d in self.denominations]
            pieces = split(money.amount, self.preferred, others)
            if notes_value(pieces) == money.amount:
                text = ", ".join(f"{_name(d)}x{n}" for d, n in pieces)
        self.edit.setText(text)
        self._show_sum()

    def notes(self) -> Notes:
        """The pieces typed (empty: none recorded); CashierError names what cannot be read."""
        if not self.edit.text().strip():
            return ()
        return parse_notes(self.edit.text(), self.denominations)

    def _show_sum(self, *_args: Any) -> None:
        try:
            notes = self.notes()
        except CashierError:
            self.sum_label.setText(self.tr("not readable"))
            return
        if not notes:
            self.sum_label.setText(self.tr("not recorded"))
            return
        total = money_text(notes_value(notes), self.profile)
        if self.amount is not None and notes_value(notes) != self.amount:
            self.sum_label.setText(self.tr("= %1, not the amount").replace("%1", total))
        else:
            self.sum_label.setText(self.tr("= %1").replace("%1", total))


def _name(d: Decimal) -> str:
    return format(d.normalize(), "f")
