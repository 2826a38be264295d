"""Login: staff id and PIN, the terminal's id on screen, a lockout explained in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ..domain.errors import AccountLocked
from . import messages
from .display import clock_text
from .feedback import MessageLabel
from .ops import Op, sentence_for
from .status import OfflineBanner


class LoginWindow(QWidget):
    """Emits `logged_in(session)` once the ledger accepted the staff id and PIN."""

    logged_in = Signal(object)
    painted = Signal()  # once, after the first paint: the cue to start the heavy start-up work

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loginWindow")
        self._painted = False
        self.setWindowTitle(self.tr("%1 — log in — terminal %2").replace("%1", messages.APP_TITLE)
                            .replace("%2", ctx.terminal_id))
        heading = QLabel(messages.APP_TITLE)
        heading.setObjectName("loginHeading")
        self.terminal = QLabel(self.tr("Terminal <b>%1</b>").replace("%1", ctx.terminal_id)
                               + (" " + self.tr("(demo ledger)") if ctx.config.demo else ""))
        self.terminal.setObjectName("loginTerminal")
        self.terminal.setAccessibleName(self.tr("Terminal id"))
        self.staff_id = QLineEdit()
        self.staff_id.setObjectName("loginStaff")
        self.staff_id.setAccessibleName(self.tr("Staff id"))
        self.staff_id.setMaxLength(32)
        self.pin = QLineEdit()
        self.pin.setObjectName("loginPin")
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setMaxLength(12)
        self.button = QPushButton(self.tr("&Log in (Enter)"))
        self.button.setObjectName("loginButton")
        self.button.setDefault(True)
        self.hint = QLabel(messages.LOGIN_HINT)
        self.problem = MessageLabel(self.tr("Login problem"), self)
        form = QFormLayout()
        form.addRow(self.tr("&Staff id"), self.staff_id)
        form.addRow(self.tr("&PIN"), self.pin)
        box = QVBoxLayout(self)
        box.addWidget(OfflineBanner(ctx.status, self))
        box.addWidget(heading)
        from .language_choice import LanguageChoice
        self.language = LanguageChoice(self)  # English / हिन्दी: the terminal switches at once
        where = QHBoxLayout()  # beside the terminal id: the window grows no taller
        where.addWidget(self.terminal, 1)
        where.addWidget(self.language)
        box.addLayout(where)
        box.addWidget(self.hint)
        box.addLayout(form)
        box.addWidget(self.button)
        box.addWidget(self.problem)
        box.addStretch(1)
        self.staff_id.returnPressed.connect(self._next)
        self.pin.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        self.setTabOrder(self.staff_id, self.pin)
        self.setTabOrder(self.pin, self.button)
        self.resize(420, 320)
        self.staff_id.setFocus(Qt.OtherFocusReason)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def _next(self) -> None:
        self.pin.setFocus() if self.staff_id.text().strip() else None

    def submit(self) -> None:
        staff_id, pin = self.staff_id.text().strip(), self.pin.text()
        if not staff_id:
            self.problem.setText(self.tr("Enter your staff id."))
            self.staff_id.setFocus()
            return
        if not pin:
            self.problem.setText(self.tr("Enter your PIN."))
            self.pin.setFocus()
            return
        from ..terminal import session
        terminal = self.ctx.terminal_id
        self.problem.show_note(self.tr("Checking…"))
        Op(parent=self, work=lambda s: session.login(s, staff_id, pin, terminal_id=terminal)) \
            .success(self._on_success).failure(self._on_failure) \
            .disabling(self.button, self.staff_id, self.pin).run()

    def reset(self) -> None:
        self.staff_id.clear()
        self.pin.clear()
        self.problem.setText("")
        self.staff_id.setFocus()

    def _on_success(self, session: Any) -> None:
        self.reset()  # the next person starts from an empty form
        self.logged_in.emit(session)

    def _on_failure(self, exc: BaseException) -> None:
        self.pin.clear()
        text = sentence_for(exc)
        until = getattr(exc, "until", None)
        if isinstance(exc, AccountLocked) and until is not None:
            text = f"{text}\n{messages.LOCKED_OUT.format(until=clock_text(until))}"
        self.problem.setText(text)
        self.pin.setFocus()
