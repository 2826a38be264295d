"""One look for every message at the counter: a refusal reads as a refusal everywhere.

`MessageLabel` is the sentence under a form or a tab. A refusal gets dark red on a light red
band, a border and a ✖ mark drawn in its margin (never colour alone: the mark and the border
survive a monochrome screen or colour blindness); a note is plain black. The text itself stays
the domain's sentence, so tests and screen readers read exactly what was said.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

REFUSAL = "refusal"
NOTE = "note"
MARK = "✖"
MARK_SPACE = 30  # px left of the text for the mark


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough for its word-wrapped text at its current width.

    A dialog's minimum size ignores height-for-width: a long sentence wrapping onto more
    lines would squeeze the rows above it (the amount box lost its border that way).
    """
    if window is None or window.layout() is None:
        return
    window.layout().activate()
    need = window.heightForWidth(window.width())
    if need > window.height():
        window.setMinimumHeight(need)
        window.resize(window.width(), need)


class MessageLabel(QLabel):
    """A word-wrapped message; `setText` shows the label's default tone (refusal or note)."""

    shown = Signal(str)  # the text just set ("" when cleared): a neighbour sharing the line can give way

    def __init__(self, accessible_name: str, parent: QWidget | None = None, *,
                 default_tone: str = REFUSAL, object_name: str = "inlineError",
                 hide_when_empty: bool = False) -> None:
        super().__init__(parent)
        self.default_tone = default_tone
        self.hide_when_empty = hide_when_empty
        self.tone = ""
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._show(text, self.default_tone)

    def show_refusal(self, text: str) -> None:
        self._show(text, REFUSAL)

    def show_note(self, text: str) -> None:
        self._show(text, NOTE)

    def is_refusal(self) -> bool:
        return self.tone == REFUSAL

    def _show(self, text: str, tone: str) -> None:
        tone = tone if text else ""
        super().setText(text)
        # An empty message takes no room (a line kept for it would be taken from a table).
        if self.hide_when_empty:
            self.setVisible(bool(text))
        if tone != self.tone:
            self.tone = tone
            self.setProperty("tone", tone)
            # The mark's space is a contents margin, so layouts and size hints count it.
            self.setContentsMargins(MARK_SPACE if tone == REFUSAL else 0, 0, 0, 0)
            self.style().unpolish(self)
            self.style().polish(self)
            self.updateGeometry()
        self.setAccessibleDescription(self.tr("Refused") if tone == REFUSAL else "")  # read by screen readers
        self.shown.emit(text)
        window = self.window()
        if not isinstance(window, QMainWindow) and window is not self and window.isVisible():
            grow_to_fit(window)  # a dialog or the login window: taller, never clipped

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.tone != REFUSAL:
            return
        p = QPainter(self)
        p.setPen(self.palette().windowText().color())
        p.setFont(self.font())
        p.drawText(QRect(6, 0, MARK_SPACE - 6, self.height()), Qt.AlignLeft | Qt.AlignVCenter, MARK)
        p.end()
