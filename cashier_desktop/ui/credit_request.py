"""A cashier files a credit request: requested limit and a note, for a floor manager to decide."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from ..domain.receipts import Balance
from . import messages
from .amount_edit import AmountField
from .display import money_text
from .ops import Op, sentence_for


class CreditRequestDialog(QDialog):
    """Requested limit (keypad amount) + note; Enter files it, Esc cancels."""

    def __init__(self, ctx: Any, session: Any, player: Balance, report: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session, self.player, self.report = ctx, session, player, report
        self.setObjectName("creditRequestDialog")
        self.setWindowTitle(f"Credit request — player {player.player_id}")
        intro = QLabel(f"<b>Credit request</b> for player <b>{player.player_id}</b> {player.name}<br>"
                       f"Current limit {money_text(player.credit_limit, ctx.profile)} "
                       f"({'approved' if player.credit_approved else 'none approved'})")
        hint = QLabel(messages.CREDIT_REQUEST_HINT)
        hint.setWordWrap(True)
        self.limit = AmountField(ctx.profile, self)
        self.limit.edit.setAccessibleName("Requested credit limit")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note for the floor manager")
        self.note.setPlaceholderText("Note for the floor manager (optional)")
        self.problem = QLabel("")
        self.problem.setObjectName("inlineError")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton("File request (Enter)")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel (Esc)")
        buttons.addButton(self.ok_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        for w in (intro, hint, QLabel("Requested &limit"), self.limit, self.note, self.problem, buttons):
            box.addWidget(w)
        self.setTabOrder(self.limit.edit, self.note)
        self.setTabOrder(self.note, self.ok_button)
        self.limit.setFocus(Qt.OtherFocusReason)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.ok_button.isEnabled():
            self.reject() if self.focusWidget() is self.cancel_button else self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        from ..terminal import credit
        money = self.limit.money()
        if money is None:
            self.limit.show_refusal(self.limit.error() or "Enter the requested limit.")
            return
        session, pid, note = self.session, self.player.player_id, self.note.text().strip() or None
        Op(parent=self, work=lambda s: credit.request_credit(s, session, pid, money, note), lane="posting") \
            .success(self._filed).failure(lambda exc: self.problem.setText(sentence_for(exc))) \
            .disabling(self.ok_button, self.cancel_button).run()

    def _filed(self, request: Any) -> None:
        self.report(f"Credit request #{request.id} for player {request.player_id} "
                    f"({money_text(request.requested_limit, self.ctx.profile)}) sent to the floor manager.")
        self.accept()
