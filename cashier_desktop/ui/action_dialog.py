"""The posting dialog: amount → (confirm) → (second PIN) → (player's ID) → post.

Enter moves forward and finally posts; Esc cancels. A refusal from the terminal is shown
inline, in the domain's words, and the dialog stays open with the amount kept. The
posting id is chosen once when the dialog opens, so pressing Enter twice, or again after
a lost connection, can never post twice.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLayout,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ..domain.commands import PostingCommand, new_id
from ..domain.errors import ApprovalRequired, CashierError, IdentificationRequired, LedgerUnavailable
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.notes import NOTE_DIRECTION, Notes, check_adds_up
from ..domain.policy import Policy, requirements
from ..domain.receipts import Balance
from . import messages
from .amount_edit import AmountField
from .display import money_text
from .feedback import MessageLabel, grow_to_fit
from .i18n import kind_name
from .notes_line import NOTE_KINDS, NotesLine
from .ops import Op, sentence_for

def policy_of_config(config: Any) -> Policy:
    return Policy.from_values(config.values)


CHOOSE_ID_TYPE = QT_TRANSLATE_NOOP("PostingDialog", "— choose —")
# Stored in English (the ledger's id_type); shown translated.
ID_TYPES = [QT_TRANSLATE_NOOP("PostingDialog", "Passport"), QT_TRANSLATE_NOOP("PostingDialog", "Aadhaar"),
            QT_TRANSLATE_NOOP("PostingDialog", "PAN card"), QT_TRANSLATE_NOOP("PostingDialog", "Driving licence"),
            QT_TRANSLATE_NOOP("PostingDialog", "Voter ID"), QT_TRANSLATE_NOOP("PostingDialog", "Other")]


class PostingDialog(QDialog):
    """One posting of `kind` for `player` by the logged-in `staff`.

    Guarantees: at most one posting per dialog (one id); `on_posted(receipt)` is called once,
    on the GUI thread, after the ledger (or the offline journal) accepted it.
    """

    def __init__(self, ctx: Any, staff: Any, kind: Kind, player: Balance,
                 on_posted: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.staff, self.kind, self.player = ctx, staff, kind, player
        self.on_posted = on_posted
        self.posting_id = new_id()
        self.confirmed = False
        self.need_approver = False
        self.need_id = False
        self.document_on_file: Any = None  # the valid ID on file, offered when the ID step appears
        self._document_asked = False
        self.needs: tuple[Money, Any] | None = None
        self.warned = False
        self.setObjectName("postingDialog")
        label = kind_name(kind)
        self.setWindowTitle(self.tr("%1 — player %2").replace("%1", label).replace("%2", player.player_id))
        title = QLabel(self.tr("<b>%1</b> for player <b>%2</b> %3").replace("%1", label)
                       .replace("%2", player.player_id).replace("%3", player.name))
        title.setObjectName("dialogTitle")
        title.setWordWrap(True)
        self.amount = AmountField(ctx.profile, self)
        self.amount.edit.setAccessibleName(self.tr("%1 amount").replace("%1", kind_name(kind)))
        self.amount.money_changed.connect(self._on_amount_changed)
        # The notes handed over (deposit, marker redemption) or paid out (withdrawal), split as
        # the amount is typed.
        self.notes_line = NotesLine(ctx, kind, self) if kind in NOTE_KINDS else None
        self.context_line = QLabel(self._context_text())
        self.context_line.setObjectName("dialogContext")
        self.context_line.setWordWrap(True)
        alert_id = getattr(parent.panel, "alert_id", None) if hasattr(parent, "panel") else None
        self.alert_label = QLabel(messages.BALANCE_ALERT.format(id=alert_id) if alert_id else "")
        self.alert_label.setObjectName("alertMark")
        self.alert_label.setWordWrap(True)
        self.alert_label.setVisible(alert_id is not None)
        self.confirm_box = QLabel(messages.CONFIRM_LARGE)
        self.confirm_box.setObjectName("confirmLarge")
        self.confirm_box.setWordWrap(True)
        self.approver_box = QGroupBox(self.tr("Second staff member"))
        self.approver_box.setAccessibleName(self.tr("Approver"))
        self.approver_id = QLineEdit()
        self.approver_id.setAccessibleName(self.tr("Approver staff id"))
        self.approver_pin = QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.Password)
        self.approver_pin.setAccessibleName(self.tr("Approver PIN"))
        # Hint above the form in a box layout (a form row does not give a wrapped label the
        # height it needs); each step at least 22 em wide so its hint wraps on few lines.
        self.approver_box.ensurePolished()  # the stylesheet's font, not the default one
        self.approver_box.setMinimumWidth(self.approver_box.fontMetrics().horizontalAdvance("M") * 22)
        abox = QVBoxLayout(self.approver_box)
        abox.addWidget(QLabel(messages.APPROVER_NEEDED, wordWrap=True))
        form = QFormLayout()
        abox.addLayout(form)
        form.addRow(self.tr("Staff &id"), self.approver_id)
        form.addRow(self.tr("&PIN"), self.approver_pin)
        self.id_box = QGroupBox(self.tr("Player identification"))
        self.id_box.setAccessibleName(self.tr("Player identification"))
        self.id_type = QComboBox()
        self.id_type.addItem(self.tr(CHOOSE_ID_TYPE), None)  # no silent default: the cashier picks one
        for t in ID_TYPES:
            self.id_type.addItem(self.tr(t), t)
        self.id_type.setAccessibleName(self.tr("Identification type"))
        self.id_number = QLineEdit()
        self.id_number.setAccessibleName(self.tr("Identification number"))
        self.id_expires = QLineEdit()
        self.id_expires.setAccessibleName(self.tr("Identification expiry date"))
        self.id_expires.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.id_box.ensurePolished()
        self.id_box.setMinimumWidth(self.id_box.fontMetrics().horizontalAdvance("M") * 22)
        ibox = QVBoxLayout(self.id_box)
        ibox.addWidget(QLabel(messages.ID_NEEDED, wordWrap=True))
        idf = QFormLayout()
        ibox.addLayout(idf)
        idf.addRow(self.tr("&Type"), self.id_type)
        idf.addRow(self.tr("&Number"), self.id_number)
        idf.addRow(self.tr("E&xpires"), self.id_expires)
        # A valid document on file (migration 0016), offered once the ID step appears.
        self.on_file_label = QLabel(self, wordWrap=True)
        self.on_file_label.setObjectName("idOnFile")
        self.on_file_label.setVisible(False)
        self.on_file_button = QPushButton(self.tr("Use the ID on file"), self)
        self.on_file_button.setObjectName("useIdOnFile")
        self.on_file_button.setAccessibleName(self.tr("Use the identification on file"))
        self.on_file_button.clicked.connect(self.use_document_on_file)
        self.on_file_button.setVisible(False)
        ibox.addWidget(self.on_file_label)
        ibox.addWidget(self.on_file_button)
        self.problem = MessageLabel(self.tr("Refusal"), self)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(f"{kind_name(kind)} (Enter)")
        self.ok_button.setObjectName("confirmButton")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        buttons.addButton(self.ok_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.RejectRole)
        self.ok_button.clicked.connect(self.advance)
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.setSizeConstraint(QLayout.SetMinimumSize)  # grows when a step appears, never squeezes
        box.addWidget(title)
        box.addWidget(self.context_line)
        box.addWidget(self.alert_label)
        box.addWidget(self.amount)
        if self.notes_line is not None:
            box.addWidget(self.notes_line)
        box.addWidget(self.confirm_box)
        # The two further steps side by side: with both showing the dialog stays within a
        # 1366×768 screen's height.
        steps = QHBoxLayout()
        steps.addWidget(self.approver_box, 1)
        steps.addWidget(self.id_box, 1)
        box.addLayout(steps)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        if self.notes_line is not None:
            self.setTabOrder(self.amount.edit, self.notes_line.edit)
            self.setTabOrder(self.notes_line.edit, self.approver_id)
        else:
            self.setTabOrder(self.amount.edit, self.approver_id)
        self.setTabOrder(self.approver_id, self.approver_pin)
        self.setTabOrder(self.approver_pin, self.id_type)
        self.setTabOrder(self.id_type, self.id_number)
        self.setTabOrder(self.id_number, self.id_expires)
        self.setTabOrder(self.id_expires, self.on_file_button)
        self.setTabOrder(self.on_file_button, self.ok_button)
        self._sync_sections()
        self.amount.setFocus(Qt.OtherFocusReason)

    def _context_text(self) -> str:
        p, prof = self.player, self.ctx.profile
        if self.kind in (Kind.MARKER_ISSUE, Kind.MARKER_REDEEM):
            line = money_text(p.credit_limit, prof) if p.credit_approved else self.tr("none approved")
            return (self.tr("Markers outstanding %1 · credit line %2 · credit available %3")
                    .replace("%1", money_text(p.credit, prof)).replace("%2", line)
                    .replace("%3", money_text(p.available_credit, prof)))
        return self.tr("Cash on account %1").replace("%1", money_text(p.cash, prof))

    def _sync_sections(self) -> None:
        self.confirm_box.setVisible(self.confirmed or self.warned)
        self.approver_box.setVisible(self.need_approver)
        self.id_box.setVisible(self.need_id)
        if self.need_id and not self._document_asked:
            self._offer_document_on_file()
        self.adjustSize()
        grow_to_fit(self)

    def _offer_document_on_file(self) -> None:
        """Ask (once) for the player's valid ID on file; if there is one, offer it."""
        from ..terminal.id_documents import valid_id_document
        self._document_asked = True
        staff, pid = self.staff, self.player.player_id
        if getattr(staff, "session_token", None) is None:
            return  # offline: the ledger cannot be asked (and nothing over the threshold goes offline)

        def got(doc: Any) -> None:
            self.document_on_file = doc
            if doc is None:
                return
            from .id_document_dialog import document_line
            self.on_file_label.setText(self.tr("On file: %1").replace("%1", document_line(doc)))
            self.on_file_label.setVisible(True)
            self.on_file_button.setVisible(True)
            if self.id_type.currentData() is None and not self.id_number.text().strip():
                self.on_file_button.setFocus()
            self.adjustSize()
            grow_to_fit(self)
        Op(parent=self, work=lambda s: valid_id_document(s, staff, pid)).success(got) \
            .failure(lambda _exc: None).run()  # no offer: the cashier types the document

    def use_document_on_file(self) -> None:
        """Fill the ID step from the document on file (the database checks it again)."""
        doc = self.document_on_file
        if doc is None:
            return
        index = self.id_type.findData(doc.doc_type)
        if index < 0:  # a type this list does not have: shown as stored
            self.id_type.addItem(doc.doc_type, doc.doc_type)
            index = self.id_type.count() - 1
        self.id_type.setCurrentIndex(index)
        self.id_number.setText(doc.doc_number)
        self.id_expires.clear()  # already on file
        self.ok_button.setFocus()

    def _on_amount_changed(self, _money: Money | None) -> None:
        # A changed amount must be confirmed again, and policy may now ask for less or more.
        self.confirmed = self.warned = False
        self.need_approver = self.need_id = False
        self.needs = None
        self.problem.setText("")
        if self.notes_line is not None:
            self.notes_line.set_amount(_money)
        self._sync_sections()

    def _notes(self) -> tuple[Notes, Notes]:
        """(in, out) as typed in the notes line; CashierError when they cannot be read."""
        if self.notes_line is None:
            return (), ()
        notes = self.notes_line.notes()
        return (notes, ()) if NOTE_DIRECTION[self.kind] > 0 else ((), notes)

    def command(self, money: Money) -> PostingCommand:
        from ..terminal.verbs import posting_command
        approver = self.approver_id.text().strip() if self.need_approver else None
        notes_in, notes_out = self._notes()
        return posting_command(
            self.ctx.terminal_id, self.staff.id, self.kind, self.player.player_id, money,
            posting_id=self.posting_id, shift_id=self.ctx.shift_id, approver_id=approver or None,
            id_type=self.id_type.currentData() if self.need_id else None,
            id_number=self.id_number.text().strip() if self.need_id else None,
            notes_in=notes_in, notes_out=notes_out)

    def advance(self) -> None:
        """Enter: the next step this posting needs, or the posting itself."""
        money = self.amount.money()
        if money is None:
            self.amount.show_refusal(self.amount.error() or self.tr("Enter an amount."))
            self.amount.setFocus()
            return
        try:  # notes that do not add up are refused before the ledger is asked anything
            notes_in, notes_out = self._notes()
            check_adds_up(self.kind, money, notes_in, notes_out)
        except CashierError as exc:
            self.problem.setText(sentence_for(exc))
            self._sync_sections()  # room for the sentence: it wraps onto more lines
            self.notes_line.edit.setFocus()
            return
        if self.needs is None or self.needs[0] != money:
            self._check_requirements(money)
            return
        needs = self.needs[1]
        from .domain_text import translate_sentence
        lines = [translate_sentence(w) for w in needs.warnings]  # in the terminal's language
        if needs.needs_confirmation:
            lines.insert(0, messages.CONFIRM_LARGE + "\n" + self.tr("%1 of %2.").replace("%1", kind_name(self.kind))
                         .replace("%2", money_text(money.amount, self.ctx.profile)))
        if lines and not self.warned:
            self.warned = True
            self.confirm_box.setText("\n".join(lines))
        if needs.needs_confirmation and not self.confirmed:
            self.confirmed = True
            self._sync_sections()
            self.ok_button.setFocus()
            return
        if needs.needs_approver and not self.need_approver:
            self.need_approver = True
        if needs.needs_identification and not self.need_id:
            self.need_id = True
        self._sync_sections()
        if self.need_approver and not (self.approver_id.text().strip() and self.approver_pin.text()):
            (self.approver_id if not self.approver_id.text().strip() else self.approver_pin).setFocus()
            self.problem.setText(self.tr("A second staff member must enter their id and PIN."))
            return
        if self.need_id and self.id_type.currentData() is None:
            self.id_type.setFocus()
            self.problem.setText(self.tr("Choose the type of the player's identification document."))
            return
        if self.need_id and not self.id_number.text().strip():
            self.id_number.setFocus()
            self.problem.setText(self.tr("Enter the number of the player's identification document."))
            return
        self._submit(money)

    def _check_requirements(self, money: Money) -> None:
        """Ask the terminal what this posting needs (approver, ID, confirmation), then go on."""
        from ..terminal.lookups import posting_requirements
        staff, kind, pid = self.staff, self.kind, self.player.player_id
        self.problem.show_note(self.tr("Checking…"))

        def got(needs: Any) -> None:
            self.problem.setText("")
            self.needs = (money, needs)
            self.advance()

        def failed(exc: BaseException) -> None:
            # Offline the ledger cannot say; the local policy still asks for what it can.
            if isinstance(exc, LedgerUnavailable):
                got(requirements(policy_of_config(self.ctx.config), kind, money))
            else:
                self._on_refused(exc)
        Op(parent=self, work=lambda s: posting_requirements(s, staff, kind, pid, money)) \
            .success(got).failure(failed).disabling(self.ok_button).run()

    def _submit(self, money: Money) -> None:
        try:
            cmd = self.command(money)
        except CashierError as exc:
            self.problem.setText(sentence_for(exc))
            return
        from ..terminal.verbs import Credentials, post
        staff = self.staff
        approver = (Credentials(self.approver_id.text().strip(), self.approver_pin.text())
                    if self.need_approver else None)
        expires = self.id_expires.text().strip() if self.need_id else ""

        def work(services):
            # A typed document with its expiry goes on file first: an expired one is refused there.
            return post(services, staff, cmd, approver, id_expires=expires)
        self.problem.show_note(self.tr("Posting…"))
        Op(parent=self, work=work, lane="posting") \
            .success(self._on_posted).failure(self._on_refused) \
            .disabling(self.ok_button, self.cancel_button).run()

    def _on_posted(self, receipt: Any) -> None:
        self.problem.setText("")
        self.accept()
        self.on_posted(receipt)

    def _on_refused(self, exc: BaseException) -> None:
        if isinstance(exc, CashierError):  # not PostingInDoubt: that is no refusal
            # Refused, and a refusal is final for its id: the next Enter is a new posting.
            # In doubt (or an unreachable ledger without a journal) keeps the id: it may
            # have posted, and only the same id can find out.
            self.posting_id = new_id()
        if isinstance(exc, ApprovalRequired):
            self.need_approver = True
            self._sync_sections()
            self.approver_id.setFocus()
        elif isinstance(exc, IdentificationRequired):
            self.need_id = True
            self._sync_sections()
            self.id_number.setFocus()
        self.approver_pin.clear()
        self.problem.setText(sentence_for(exc))
        if isinstance(exc, LedgerUnavailable):
            self.problem.setText(messages.LEDGER_UNAVAILABLE)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.ok_button.isEnabled():
            if self.focusWidget() is self.cancel_button:
                self.reject()
            elif self.focusWidget() is self.on_file_button:
                self.use_document_on_file()
            else:
                self.advance()
            return
        super().keyPressEvent(event)
