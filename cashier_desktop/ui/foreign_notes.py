"""The foreign notes line of the exchange dialog (issue 17, migration 0031): the foreign amount
split by that currency's preferred notes (`domain/notes.PREFERRED`), editable before Enter,
taken in when the cage buys and paid out when it sells. The database checks the notes against
the currency's own set and refuses the whole exchange unless they add up
(`cage.exchange_with_notes`), so no set is checked here. Empty: not recorded, as before."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ..domain.currency import profile_for
from ..domain.fx import BUY
from ..domain.kinds import Kind
from ..domain.notes import Notes, parse_notes, preferred_notes
from .notes_line import NotesLine


class ForeignNotesLine(NotesLine):
    """A NotesLine in the exchange's foreign currency; `set_side` follows the dialog."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, Kind.DEPOSIT, parent)
        self.setObjectName("foreignNotesLine")
        self.denominations = []  # the database's set decides (0016's cage.note_pieces)
        self.set_side("USD", BUY)

    def set_side(self, code: str, direction: str) -> None:
        """The currency and direction chosen: which notes, and which way they move."""
        self.profile = profile_for(code)
        self.preferred = preferred_notes(code, None)
        taken_in = direction == BUY
        self.label.setText(self.tr("F&oreign notes taken in") if taken_in else self.tr("F&oreign notes paid out"))
        self.edit.setAccessibleName(self.tr("Foreign notes taken in") if taken_in
                                    else self.tr("Foreign notes paid out"))
        self.edit.setPlaceholderText(self.tr("e.g. 100x3, 20x2 (empty: not recorded)"))

    def notes(self) -> Notes:
        if not self.edit.text().strip():
            return ()
        return parse_notes(self.edit.text(), None)
