"""A fill (cash from the main bank into this drawer) or a credit (this drawer's cash back to
the bank), signed at the window by its cashier and by the bank's person, who enters their
own staff id and PIN here. The database checks both signatures, the bank's balance and each
signer's authority limit for the kind: above one it refuses, and the dialog then shows a third
person's staff id and PIN (migration 0029), kept with the transfer.

The same dialog funds the main bank from outside the cage (the count room, the treasury) or
remits cash out of it, from the supervisor's accountability window: the logged-in supervisor
or floor manager signs, a witness with the same right enters their staff id and PIN, and the
dialog asks where the cash comes from or goes to (kept with the transfer). Until now that was
the command line's alone (`bank fund|remit`)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from .amount_edit import AmountField
from .display import money_text
from .feedback import MessageLabel
from .ops import Op, sentence_for


class BankTransferDialog(QDialog):
    """`kind` is "fill", "credit", "fund" or "remit"; Enter posts it, Esc cancels; `report`
    gets the outcome's sentence."""

    def __init__(self, ctx: Any, session: Any, kind: str, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session, self.kind, self.report = ctx, session, kind, report
        # This attempt's id, kept while its outcome is unknown (the answer lost): Enter again
        # hears the first transfer instead of moving the cash twice; a refusal takes a new one.
        self.transfer_id = uuid.uuid4()
        self.setObjectName("bankTransferDialog")
        self.moves_bank = kind in ("fund", "remit")  # the bank and the outside: no drawer, a witness
        self.setWindowTitle({"fill": self.tr("Fill from the main bank"), "credit": self.tr("Credit to the main bank"),
                             "fund": self.tr("Fund the main bank"), "remit": self.tr("Remit from the main bank")}[kind])
        hint = QLabel({
            "fill": self.tr("Cash from the main bank into this drawer (shift #%1). The bank's person brings "
                            "it and signs with their staff id and PIN."),
            "credit": self.tr("Cash from this drawer (shift #%1) back to the main bank. The bank's person takes "
                              "it and signs with their staff id and PIN."),
            "fund": self.tr("Cash into the main bank from outside the cage (the count room, the treasury). "
                            "You sign; a witness with the right signs with their staff id and PIN."),
            "remit": self.tr("Cash out of the main bank, leaving the cage (to the treasury, a bank deposit). "
                             "You sign; a witness with the right signs with their staff id and PIN."),
        }[kind])
        hint.setText(hint.text().replace("%1", str(ctx.shift_id)))
        hint.setWordWrap(True)
        self.amount = AmountField(ctx.profile, self)
        self.amount.edit.setAccessibleName(self.tr("Amount"))
        self.reason = QLineEdit(self)  # where the cash comes from or goes to (fund, remit)
        self.reason.setAccessibleName(self.tr("Where from") if kind == "fund" else self.tr("Where to"))
        self.reason.setMaxLength(200)
        self.bank_id = QLineEdit(self)
        self.bank_id.setAccessibleName(self.tr("Witness's staff id") if self.moves_bank else self.tr("Bank's staff id"))
        self.bank_pin = QLineEdit(self)
        self.bank_pin.setEchoMode(QLineEdit.Password)
        self.bank_pin.setAccessibleName(self.tr("Witness's PIN") if self.moves_bank else self.tr("Bank's PIN"))
        form = QFormLayout()
        form.addRow(self.tr("&Amount"), self.amount)
        if self.moves_bank:
            form.addRow(self.tr("&Where from") if kind == "fund" else self.tr("&Where to"), self.reason)
            form.addRow(self.tr("Witness's &staff id"), self.bank_id)
            form.addRow(self.tr("Witness's &PIN"), self.bank_pin)
        else:
            self.reason.hide()
            form.addRow(self.tr("Bank's &staff id"), self.bank_id)
            form.addRow(self.tr("Bank's &PIN"), self.bank_pin)
        # Above a signer's authority limit (ApprovalRequired): a third person, shown only then.
        self.approver_box = QGroupBox(self.tr("Third person, above a signer's authority limit"))
        self.approver_id = QLineEdit(self)
        self.approver_id.setAccessibleName(self.tr("Approver's staff id"))
        self.approver_pin = QLineEdit(self)
        self.approver_pin.setEchoMode(QLineEdit.Password)
        self.approver_pin.setAccessibleName(self.tr("Approver's PIN"))
        aform = QFormLayout(self.approver_box)
        aform.addRow(self.tr("Appro&ver's staff id"), self.approver_id)
        aform.addRow(self.tr("Approver's PI&N"), self.approver_pin)
        self.approver_box.setVisible(False)
        self.problem = MessageLabel(self.tr("Refusal"), self)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton({"fill": self.tr("Post fill (Enter)"), "credit": self.tr("Post credit (Enter)"),
                                      "fund": self.tr("Post funding (Enter)"),
                                      "remit": self.tr("Post remittance (Enter)")}[kind])
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        buttons.addButton(self.ok_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addLayout(form)
        box.addWidget(self.approver_box)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        self.setTabOrder(self.amount.edit, self.reason)
        self.setTabOrder(self.reason, self.bank_id)
        self.setTabOrder(self.bank_id, self.bank_pin)
        self.setTabOrder(self.bank_pin, self.approver_id)
        self.setTabOrder(self.approver_id, self.approver_pin)
        self.amount.setFocus(Qt.OtherFocusReason)
        self.resize(560, self.sizeHint().height())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.ok_button.isEnabled():
            self.reject() if self.focusWidget() is self.cancel_button else self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        from ..terminal import bank
        from ..terminal.verbs import Credentials
        money = self.amount.money()
        if money is None:
            self.amount.show_refusal(self.amount.error() or self.tr("Enter the amount."))
            return
        signer = Credentials(self.bank_id.text().strip(), self.bank_pin.text())
        approver = None
        if self.approver_box.isVisible():
            if not (self.approver_id.text().strip() and self.approver_pin.text()):
                (self.approver_id if not self.approver_id.text().strip() else self.approver_pin).setFocus()
                self.problem.setText(self.tr("Enter the third person's staff id and PIN."))
                return
            approver = Credentials(self.approver_id.text().strip(), self.approver_pin.text())
        session, kind, transfer_id = self.session, self.kind, self.transfer_id
        if self.moves_bank:
            reason = self.reason.text().strip()
            if not reason:
                self.reason.setFocus(Qt.OtherFocusReason)
                self.problem.setText(self.tr("Say where the cash comes from or goes to."))
                return

            def work(s):
                return bank.move_bank_cash(s, session, kind, money, signer, reason, approver=approver,
                                           transfer_id=transfer_id)
        else:
            verb = bank.fill if kind == "fill" else bank.credit

            def work(s):
                return verb(s, session, money, signer, approver=approver, transfer_id=transfer_id)
        Op(parent=self, work=work, lane="posting") \
            .success(self._posted).failure(self._refused).disabling(self.ok_button, self.cancel_button).run()

    def _refused(self, exc: BaseException) -> None:
        from ..domain.errors import ApprovalRequired, CashierError
        if isinstance(exc, CashierError):  # refused: nothing moved, the next attempt is a new one
            self.transfer_id = uuid.uuid4()
        self.bank_pin.clear()
        self.approver_pin.clear()
        self.problem.setText(sentence_for(exc))
        if isinstance(exc, ApprovalRequired) and not self.approver_box.isVisible():
            self.approver_box.setVisible(True)
            self.bank_pin.setFocus(Qt.OtherFocusReason)  # the bank's PIN again, then the third person's

    def _posted(self, transfer: Any) -> None:
        if self.moves_bank:
            text = (self.tr("Funding of %1 into the main bank from “%2”, signed by %3 and %4 (witness); "
                            "the bank holds %5.") if transfer.kind == "fund" else
                    self.tr("Remittance of %1 from the main bank to “%2”, signed by %3 and %4 (witness); "
                            "the bank holds %5."))
            # the typed place last: a "%3" in it stays as typed
            self.report(text.replace("%1", money_text(transfer.amount.amount, self.ctx.profile))
                        .replace("%3", transfer.sender_id).replace("%4", transfer.receiver_id)
                        .replace("%5", money_text(transfer.bank_after.amount, self.ctx.profile))
                        .replace("%2", self.reason.text().strip()))
            self.accept()
            return
        text = (self.tr("Fill of %1 into shift #%2, signed by %3 (bank) and %4.") if transfer.kind == "fill" else
                self.tr("Credit of %1 from shift #%2, signed by %4 and %3 (bank)."))
        bank_side = transfer.sender_id if transfer.kind == "fill" else transfer.receiver_id
        window_side = transfer.receiver_id if transfer.kind == "fill" else transfer.sender_id
        self.report(text.replace("%1", money_text(transfer.amount.amount, self.ctx.profile))
                    .replace("%2", str(transfer.shift_id)).replace("%3", bank_side).replace("%4", window_side))
        self.accept()
