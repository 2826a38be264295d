"""The language chooser on the login window: each language named in its own script, so a
person who reads only one of them can still find it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from .i18n import LANGUAGES, current_language, install_font


class LanguageChoice(QComboBox):
    """Emits `chosen(code)` when the person picks another language (the terminal switches)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        install_font()  # before measuring: the Devanagari item must not resize it later
        super().__init__(parent)
        self.setObjectName("languageChoice")
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.setAccessibleName("Language / भाषा")
        for code, name in LANGUAGES.items():
            self.addItem(name, code)
        self.setCurrentIndex(self.findData(current_language()))
        self.activated.connect(lambda i: self.chosen.emit(self.itemData(i)))
