"""The language chooser on the login window: each language named in its own script, so a
person who reads only one of them can still find it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QWidget

from .i18n import LANGUAGES, current_language, load_font


class LanguageChoice(QComboBox):
    """Emits `chosen(code)` when the person picks another language (the terminal switches)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageChoice")
        # Room for the longest name whatever font shows it (हिन्दी in English too).
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(max(len(n) for n in LANGUAGES.values()) + 3)
        self.setAccessibleName("Language / भाषा")
        family = load_font()
        for code, name in LANGUAGES.items():
            self.addItem(name, code)
            if code != "en" and family:  # its own script's font, also in an English window
                self.setItemData(self.count() - 1, QFont([self.font().family(), family]), Qt.FontRole)
        self.setCurrentIndex(self.findData(current_language()))
        self.activated.connect(lambda i: self.chosen.emit(self.itemData(i)))
