"""A one-line label that gives way to the window: it shows "…" where the text does not fit
and keeps the whole text in its tooltip and accessible description.

For facts that must never decide a window's width (the status bar's staff name); a figure a
decision needs is never put in one.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """`text()` is the whole text; what is painted is elided to the label's width."""

    elides = True  # tests/ui/layout_checks.py: fits by eliding, whole text in the tooltip

    def __init__(self, parent: QWidget | None = None, min_chars: int = 6) -> None:
        super().__init__(parent)
        self.min_chars = min_chars
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        fm = QFontMetrics(self.font())
        margins = self.contentsMargins()
        return QSize(fm.horizontalAdvance("M" * self.min_chars) + margins.left() + margins.right(),
                     hint.height())

    def shown_text(self) -> str:
        return QFontMetrics(self.font()).elidedText(self.text(), Qt.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        style = self.style()
        from PySide6.QtWidgets import QStyleOption
        opt = QStyleOption()
        opt.initFrom(self)
        style.drawPrimitive(style.PrimitiveElement.PE_Widget, opt, p, self)
        p.setPen(self.palette().windowText().color())
        p.setFont(self.font())
        p.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignVCenter), self.shown_text())
        p.end()
