"""Currency exchange at the counter (F4): direction, currency, foreign amount; the rate in force
and the local figure shown before Enter; a second PIN or the player's ID when the database
asks; ONE call (`terminal/fx.exchange`).

The exchange id is chosen when the dialog opens and kept until the database refuses (a
refusal is final for its id): Enter twice, or again after a lost connection, never
exchanges twice. The rate quoted is sent with it: a rate changed since is refused and the
new one shown, never applied silently.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ..domain.commands import new_id
from ..domain.currency import profile_for
from ..domain.errors import ApprovalRequired, CashierError, IdentificationRequired, RateChanged
from ..domain.formatting import format_money
from ..domain.fx import BUY, SELL, local_amount
from ..domain.money import Money
from ..domain.receipts import Balance
from . import messages
from .action_dialog import CHOOSE_ID_TYPE, ID_TYPES
from .amount_edit import AmountField
from .display import time_text
from .currency_names import currency_label
from .exchange_receipt import rate_text
from .feedback import MessageLabel, grow_to_fit
from .ops import Op, sentence_for

DIRECTIONS = [  # (direction as the database names it, what the cashier reads)
    (BUY, QT_TRANSLATE_NOOP("ExchangeDialog", "Player buys %1 (pays in foreign cash)")),
    (SELL, QT_TRANSLATE_NOOP("ExchangeDialog", "Player buys foreign cash (pays in %1)")),
]


class ExchangeDialog(QDialog):
    """One exchange by the logged-in `staff`, for `player` if one is on the counter's panel.

    `on_done(exchange)` is called once, on the GUI thread, after the database posted it."""

    def __init__(self, ctx: Any, staff: Any, player: Balance | None, on_done: Callable[[Any], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.staff, self.player, self.on_done = ctx, staff, player, on_done
        self.exchange_id = new_id()
        self.rates: dict[str, Any] = {}  # currency → ledger.exchange.CurrencyRate with a rate
        self.need_approver = self.need_id = False
        self.setObjectName("exchangeDialog")
        self.setWindowTitle(self.tr("Currency exchange"))
        local = ctx.profile.code
        who = (self.tr("for player <b>%1</b> %2").replace("%1", player.player_id).replace("%2", player.name)
               if player is not None else self.tr("no player named (find one first with F2 to name them)"))
        title = QLabel(self.tr("<b>Currency exchange</b> %1").replace("%1", who))
        title.setObjectName("dialogTitle")
        title.setWordWrap(True)
        self.direction = QComboBox()
        for value, text in DIRECTIONS:
            self.direction.addItem(self.tr(text).replace("%1", local), value)
        self.direction.setAccessibleName(self.tr("Direction"))
        self.currency = QComboBox()
        self.currency.setAccessibleName(self.tr("Foreign currency"))
        self.amount = AmountField(profile_for("USD"), self)
        self.amount.edit.setAccessibleName(self.tr("Foreign amount"))
        self.rate_line = QLabel(self.tr("Loading the rates in force…"))
        self.rate_line.setObjectName("exchangeRate")
        self.rate_line.setWordWrap(True)
        self.quote = QLabel(" ")
        self.quote.setObjectName("exchangeQuote")
        self.quote.setAccessibleName(self.tr("Amount in %1").replace("%1", local))
        self.quote.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Direction"), self.direction)
        form.addRow(self.tr("&Currency"), self.currency)
        form.addRow(self.tr("Foreign &amount"), self.amount)
        from .foreign_notes import ForeignNotesLine
        self.notes = ForeignNotesLine(ctx, self)
        form.addRow(self.notes)
        self.approver_box = QGroupBox(self.tr("Second staff member"))
        self.approver_id = QLineEdit()
        self.approver_id.setAccessibleName(self.tr("Approver staff id"))
        self.approver_pin = QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.Password)
        self.approver_pin.setAccessibleName(self.tr("Approver PIN"))
        abox = QVBoxLayout(self.approver_box)
        abox.addWidget(QLabel(messages.APPROVER_NEEDED, wordWrap=True))
        aform = QFormLayout()
        aform.addRow(self.tr("Staff &id"), self.approver_id)
        aform.addRow(self.tr("&PIN"), self.approver_pin)
        abox.addLayout(aform)
        self.id_box = QGroupBox(self.tr("Player identification"))
        self.id_type = QComboBox()
        self.id_type.addItem(self.tr(CHOOSE_ID_TYPE), None)
        for t in ID_TYPES:
            self.id_type.addItem(self.tr(t), t)
        self.id_type.setAccessibleName(self.tr("Identification type"))
        self.id_number = QLineEdit()
        self.id_number.setAccessibleName(self.tr("Identification number"))
        ibox = QVBoxLayout(self.id_box)
        ibox.addWidget(QLabel(messages.ID_NEEDED, wordWrap=True))
        iform = QFormLayout()
        iform.addRow(self.tr("&Type"), self.id_type)
        iform.addRow(self.tr("&Number"), self.id_number)
        ibox.addLayout(iform)
        for group in (self.approver_box, self.id_box):
            group.ensurePolished()
            group.setMinimumWidth(group.fontMetrics().horizontalAdvance("M") * 22)
        self.problem = MessageLabel(self.tr("Refusal"), self)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self.tr("Exchange (Enter)"))
        self.ok_button.setObjectName("confirmButton")
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)  # until a rate is in force
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        buttons.addButton(self.ok_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.setSizeConstraint(QLayout.SetMinimumSize)
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(self.rate_line)
        box.addWidget(self.quote)
        steps = QHBoxLayout()
        steps.addWidget(self.approver_box, 1)
        steps.addWidget(self.id_box, 1)
        box.addLayout(steps)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        self.setTabOrder(self.direction, self.currency)
        self.setTabOrder(self.currency, self.amount.edit)
        self.setTabOrder(self.amount.edit, self.notes.edit)
        self.setTabOrder(self.notes.edit, self.approver_id)
        self.setTabOrder(self.approver_id, self.approver_pin)
        self.setTabOrder(self.approver_pin, self.id_type)
        self.setTabOrder(self.id_type, self.id_number)
        self.setTabOrder(self.id_number, self.ok_button)
        self.direction.currentIndexChanged.connect(self._changed)
        self.currency.currentIndexChanged.connect(self._currency_changed)
        self.amount.money_changed.connect(self._changed)
        self._sync_sections()
        self.amount.setFocus(Qt.OtherFocusReason)
        self.load_rates()

    # -- the quote ---------------------------------------------------------------------------
    def load_rates(self) -> None:
        """The rates in force (a lookup); the currently chosen currency stays chosen."""
        from ..terminal import fx
        Op(parent=self, work=fx.rates).success(self._rates_loaded) \
            .failure(lambda exc: self.problem.setText(sentence_for(exc))).run()

    def _rates_loaded(self, rows: list) -> None:
        chosen = self.currency.currentData()
        self.rates = {r.currency: r for r in rows if r.rate is not None}
        self.currency.blockSignals(True)
        self.currency.clear()
        for r in rows:
            if r.rate is not None:
                self.currency.addItem(currency_label(r.currency, r.name), r.currency)
        self.currency.blockSignals(False)
        if not self.rates:
            self.rate_line.setText(self.tr("No exchange rate is set: a supervisor sets them (Cage settings)."))
            self.ok_button.setEnabled(False)
            return
        index = self.currency.findData(chosen) if chosen else -1
        self.currency.setCurrentIndex(max(index, 0))
        self._currency_changed()

    def rate(self):
        r = self.rates.get(self.currency.currentData())
        return r.rate if r is not None else None

    def _currency_changed(self, *_args) -> None:
        code = self.currency.currentData()
        if code is None:
            return
        profile = profile_for(code)
        if self.amount.profile.code != code:  # a new currency asks for the amount again
            self.amount.profile = self.amount.edit.profile = profile
            symbol = self.amount.findChild(QLabel, "currencySymbol")
            if symbol is not None:
                symbol.setText(profile.symbol)
            self.amount.edit.clear()
            self.amount.preview.setText(" ")
        self._changed()

    def _changed(self, *_args) -> None:
        """Rate and local figure for what is typed; a change needs the checks again."""
        rate = self.rate()
        self.need_approver = self.need_id = False
        self._sync_sections()
        if rate is None:
            return
        direction = self.direction.currentData()
        local = self.ctx.profile
        shown = rate.buy if direction == BUY else rate.sell
        self.rate_line.setText(self.tr("Rate in force: %1 (%2 rate, set %3 by %4)")
                               .replace("%1", rate_text(shown, rate.currency, local))
                               .replace("%2", self.tr("buy") if direction == BUY else self.tr("sell"))
                               .replace("%3", time_text(rate.valid_from)).replace("%4", rate.set_by))
        money = self.amount.money()
        self.ok_button.setEnabled(True)
        self.notes.set_side(rate.currency, direction)
        self.notes.set_amount(money if money is not None and money.amount > 0 else None)
        if money is None or money.amount <= 0:
            self.quote.setText(" ")
            return
        figure = format_money(Money(local_amount(direction, money.amount, shown), local.code), local)
        foreign = format_money(money, profile_for(money.currency))
        sentence = self.tr("The player gets %1 for %2.") if direction == BUY else self.tr("The player pays %1 for %2.")
        self.quote.setText(sentence.replace("%1", figure).replace("%2", foreign))

    def _sync_sections(self) -> None:
        self.approver_box.setVisible(self.need_approver)
        self.id_box.setVisible(self.need_id)
        self.adjustSize()
        grow_to_fit(self)

    # -- the exchange ------------------------------------------------------------------------
    def submit(self) -> None:
        from ..terminal import fx
        from ..terminal.verbs import Credentials
        rate, money = self.rate(), self.amount.money()
        if rate is None:
            return
        if money is None:
            self.amount.show_refusal(self.amount.error() or self.tr("Enter the foreign amount."))
            self.amount.setFocus()
            return
        if self.need_approver and not (self.approver_id.text().strip() and self.approver_pin.text()):
            (self.approver_id if not self.approver_id.text().strip() else self.approver_pin).setFocus()
            self.problem.setText(self.tr("A second staff member must enter their id and PIN."))
            return
        if self.need_id and (self.id_type.currentData() is None or not self.id_number.text().strip()):
            (self.id_type if self.id_type.currentData() is None else self.id_number).setFocus()
            self.problem.setText(self.tr("Enter the type and number of the player's identification document."))
            return
        try:
            notes = self.notes.notes()
        except CashierError as exc:
            self.notes.edit.setFocus()
            self.problem.setText(sentence_for(exc))
            return
        staff, direction, ex_id, quoted = self.staff, self.direction.currentData(), self.exchange_id, rate.id
        player = self.player.player_id if self.player is not None else None
        approver = (Credentials(self.approver_id.text().strip(), self.approver_pin.text())
                    if self.need_approver else None)
        id_type = self.id_type.currentData() if self.need_id else None
        id_number = self.id_number.text().strip() if self.need_id else None
        self.problem.show_note(self.tr("Exchanging…"))
        Op(parent=self, lane="posting", work=lambda s: fx.exchange(
            s, staff, direction, money, player_id=player, quoted_rate=quoted, posting_id=ex_id, approver=approver,
            id_type=id_type, id_number=id_number, notes=notes)) \
            .success(self._done).failure(self._refused).disabling(self.ok_button, self.cancel_button).run()

    def _done(self, exchange: Any) -> None:
        self.problem.setText("")
        self.accept()
        self.on_done(exchange)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, CashierError):
            self.exchange_id = new_id()  # refused: final for that id; the next Enter is a new exchange
        need_approver, need_id = self.need_approver, self.need_id
        if isinstance(exc, ApprovalRequired):
            need_approver = True
        elif isinstance(exc, IdentificationRequired) and self.player is not None:
            need_id = True  # without a player the database asks for one to be named (F2), not an ID
        elif isinstance(exc, RateChanged):
            self.load_rates()  # show the new rate; the cashier quotes the player again
        self.approver_pin.clear()
        sentence = sentence_for(exc)
        self.need_approver, self.need_id = need_approver, need_id
        self._sync_sections()
        if isinstance(exc, ApprovalRequired):
            self.approver_id.setFocus()
        elif need_id:
            self.id_type.setFocus()
        self.problem.setText(sentence)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.ok_button.isEnabled():
            self.reject() if self.focusWidget() is self.cancel_button else self.submit()
            return
        super().keyPressEvent(event)
