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
from .feedback import MessageLabel
from .ops import Op, sentence_for


class CreditRequestDialog(QDialog):
    """Requested limit (keypad amount) + note; Enter files it, Esc cancels."""

    def __init__(self, ctx: Any, session: Any, player: Balance, report: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session, self.player, self.report = ctx, session, player, report
        self.setObjectName("creditRequestDialog")
        self.setWindowTitle(self.tr("Credit request — player %1").replace("%1", player.player_id))
        intro = QLabel(self.tr("<b>Credit request</b> for player <b>%1</b> %2<br>Current line %3 (%4)")
                       .replace("%1", player.player_id).replace("%2", player.name)
                       .replace("%3", money_text(player.credit_limit, ctx.profile))
                       .replace("%4", self.tr("approved") if player.credit_approved else self.tr("none approved")))
        hint = QLabel(messages.CREDIT_REQUEST_HINT)
        hint.setWordWrap(True)
        self.limit = AmountField(ctx.profile, self)
        self.limit.edit.setAccessibleName(self.tr("Requested credit limit"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note for the floor manager"))
        self.note.setPlaceholderText(self.tr("Why: a note for the floor manager (optional)"))
        self.problem = MessageLabel(self.tr("Refusal"), self)  # the one refusal look; grows the dialog
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self.tr("File request (Enter)"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        buttons.addButton(self.ok_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        limit_label = QLabel(self.tr("Requested &line"))
        limit_label.setBuddy(self.limit.edit)  # Alt+L moves there; the & is a mnemonic, not text
        for w in (intro, hint, limit_label, self.limit, self.note, self.problem, buttons):
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
            self.limit.show_refusal(self.limit.error() or self.tr("Enter the requested line."))
            return
        session, pid, note = self.session, self.player.player_id, self.note.text().strip() or None
        Op(parent=self, work=lambda s: credit.request_credit(s, session, pid, money, note), lane="posting") \
            .success(self._filed).failure(lambda exc: self.problem.setText(sentence_for(exc))) \
            .disabling(self.ok_button, self.cancel_button).run()

    def _filed(self, request: Any) -> None:
        self.report(self.tr("Credit request #%1 for player %2 (%3) sent to the floor manager.")
                    .replace("%1", str(request.id)).replace("%2", request.player_id)
                    .replace("%3", money_text(request.requested_limit, self.ctx.profile)))
        self.accept()
