"""The cashier's screen: find a player, see the balances live, post, hand over the receipt.

Keys: F2 find · F4 currency exchange · F5 deposit · F6 withdrawal · F7 marker issue ·
F8 marker redemption · F9 credit request · Ctrl+R reprint the selected receipt · Ctrl+F5 refresh
(ui/keys.py) · Ctrl+D identification on file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.receipts import Balance, PendingReceipt, Receipt, balance_after
from ..terminal.online import RefusedOnReplay
from . import messages
from .action_dialog import PostingDialog
from .display import kind_text, money_text, time_text
from .feedback import NOTE, MessageLabel
from .keys import EXCHANGE_KEY, REFRESH_KEY, REPRINT_KEY
from .line_lapse import LapseTimer
from .ops import Op
from .player_panel import PlayerPanel
from .receipt import ReceiptDialog, ReceiptView
from .search import PlayerSearch

ALERT_POLL_MS = 5000
REFUSAL_TEXT, REFUSAL_BAND = "#8b0000", "#fdecea"  # resources/style.qss's refusal colours

ACTIONS = [  # (kind, button text, shortcut)
    (Kind.DEPOSIT, QT_TRANSLATE_NOOP("CashierTab", "&Deposit"), "F5"),
    (Kind.WITHDRAWAL, QT_TRANSLATE_NOOP("CashierTab", "&Withdrawal"), "F6"),
    (Kind.MARKER_ISSUE, QT_TRANSLATE_NOOP("CashierTab", "&Issue marker"), "F7"),
    (Kind.MARKER_REDEEM, QT_TRANSLATE_NOOP("CashierTab", "&Redeem marker"), "F8"),
]


class RecentTable(QTableWidget):
    """A player's latest postings, newest first."""

    COLUMNS = [QT_TRANSLATE_NOOP("RecentTable", "Time"), QT_TRANSLATE_NOOP("RecentTable", "Transaction"),
               QT_TRANSLATE_NOOP("RecentTable", "Amount"), QT_TRANSLATE_NOOP("RecentTable", "Cash after"),
               QT_TRANSLATE_NOOP("RecentTable", "Markers after"), QT_TRANSLATE_NOOP("RecentTable", "Staff"),
               QT_TRANSLATE_NOOP("RecentTable", "Posting id")]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setObjectName("recentPostings")
        self.setAccessibleName(self.tr("Recent transactions"))
        self.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.receipts: list[Any] = []

    def fill(self, receipts: list[Any], profile) -> None:
        """Rows newest first: the ledger's receipts, postings taken offline and still pending,
        and postings the ledger refused on replay (marked as refusals, never as pending)."""
        self.receipts = list(receipts)
        self.setRowCount(len(receipts))
        for i, r in enumerate(receipts):
            refused = isinstance(r, RefusedOnReplay)
            pending = isinstance(r, PendingReceipt)
            mark = (" " + self.tr("(REFUSED on replay — call a supervisor)") if refused
                    else " " + self.tr("(pending)") if pending else "")
            values = [time_text(getattr(r, "created_at", None) or getattr(r, "taken_at", None)),
                      ("✖ " if refused else "") + kind_text(r.kind) + mark,
                      money_text(r.amount, profile),
                      "—" if pending or refused else money_text(r.cash_after, profile),
                      "—" if pending or refused else money_text(r.credit_after, profile),
                      r.staff_id, str(r.id)]
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if refused:  # the refusal look of ui/feedback.py: dark red on light red, and the mark
                    item.setForeground(QColor(REFUSAL_TEXT))
                    item.setBackground(QColor(REFUSAL_BAND))
                    item.setToolTip(r.reason)
                self.setItem(i, j, item)

    def selected(self) -> Any | None:
        row = self.currentRow()
        return self.receipts[row] if 0 <= row < len(self.receipts) else None


class CashierTab(QWidget):
    """Everything at the counter for the logged-in staff member."""

    posted = Signal(object)  # a receipt, after the dialog closed (tests, status)
    receipt_shown = Signal(object)  # the ReceiptDialog

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.staff = session.staff
        self.setObjectName("cashierTab")
        self.search = PlayerSearch(ctx.profile, self)
        self.panel = PlayerPanel(ctx.profile, self)
        self.recent = RecentTable(self)
        self.buttons: dict[Kind, QPushButton] = {}
        self.dialog: QWidget | None = None
        self.receipt_dialog: QWidget | None = None
        self._refused_seen: set[str] = set()  # refused-on-replay ids already said on this tab
        self.pending: list[PendingReceipt] = []  # taken offline here, not yet in the ledger
        self._line_in_force: tuple[str, Money, Money] | None = None  # (player, temporary line, permanent)
        actions = QHBoxLayout()
        for kind, text, key in ACTIONS:
            b = QPushButton(f"{self.tr(text)} ({key})")
            b.setObjectName(f"action_{kind.value}")
            b.setAccessibleName(kind.label)
            b.clicked.connect(lambda _=False, k=kind: self.start(k))
            QShortcut(QKeySequence(key), self, activated=lambda k=kind: self.start(k),
                      context=Qt.WidgetWithChildrenShortcut)
            actions.addWidget(b)
            self.buttons[kind] = b
        self.credit_button = QPushButton(self.tr("Req&uest credit (F9)"))
        self.credit_button.setObjectName("action_credit_request")
        self.credit_button.setAccessibleName(self.tr("Request credit"))
        self.credit_button.clicked.connect(self.request_credit)
        actions.addWidget(self.credit_button)
        QShortcut(QKeySequence("F9"), self, activated=self.request_credit, context=Qt.WidgetWithChildrenShortcut)
        self.exchange_button = QPushButton(self.tr("E&xchange (%1)").replace("%1", EXCHANGE_KEY))
        self.exchange_button.setObjectName("action_exchange")
        self.exchange_button.setAccessibleName(self.tr("Currency exchange"))
        self.exchange_button.clicked.connect(self.exchange)
        actions.addWidget(self.exchange_button)
        # F4 (EXCHANGE_KEY) is the main window's action, as F2: an exchange needs no player, so
        # it must work wherever the focus is, right after logging in too.
        self.reprint_button = QPushButton(self.tr("Re&print (Ctrl+R)"))
        self.reprint_button.setAccessibleName(self.tr("Reprint selected receipt"))
        self.reprint_button.clicked.connect(self.reprint)
        QShortcut(QKeySequence(REPRINT_KEY), self, activated=self.reprint, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(REFRESH_KEY), self, activated=self.refresh_player,
                  context=Qt.WidgetWithChildrenShortcut)
        self.exchanges_button = QPushButton(self.tr("Exchan&ges (Ctrl+Shift+X)"))
        self.exchanges_button.setAccessibleName(self.tr("This shift's exchanges"))
        self.exchanges_button.clicked.connect(self.show_exchanges)
        QShortcut(QKeySequence("Ctrl+Shift+X"), self, activated=self.show_exchanges,
                  context=Qt.WidgetWithChildrenShortcut)
        self.history_button = QPushButton(self.tr("Hist&ory (Ctrl+H)"))
        self.history_button.setAccessibleName(self.tr("Player history"))
        self.history_button.clicked.connect(self.show_history)
        QShortcut(QKeySequence("Ctrl+H"), self, activated=self.show_history, context=Qt.WidgetWithChildrenShortcut)
        self.id_button = QPushButton(self.tr("ID on file (Ctrl+D)"))
        self.id_button.setAccessibleName(self.tr("Identification on file"))
        self.id_button.clicked.connect(self.show_id_documents)
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self.show_id_documents,
                  context=Qt.WidgetWithChildrenShortcut)
        # F2 (find) is the main window's action: one owner per key, or Qt fires neither.
        self.message = MessageLabel(self.tr("Message"), self, default_tone=NOTE, object_name="counterMessage")
        right = QWidget(self)
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.panel)
        rbox.addLayout(actions)
        rbox.addWidget(self.message)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Recent transactions</b>")))
        head.addStretch(1)
        head.addWidget(self.id_button)
        head.addWidget(self.exchanges_button)
        head.addWidget(self.history_button)
        head.addWidget(self.reprint_button)
        rbox.addLayout(head)
        rbox.addWidget(self.recent, 1)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.search)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([340, 1000])
        box = QVBoxLayout(self)
        box.addWidget(split)
        self.setTabOrder(self.search.line, self.search.results)
        self.setTabOrder(self.search.results, self.buttons[Kind.DEPOSIT])
        self.search.picked.connect(self.open_player)
        ctx.status.changed.connect(self._on_status)
        if ctx.feed is not None:
            ctx.feed.balance.connect(self.on_balance)
        # An alert raised while a player is on screen marks the panel within a few seconds
        # (the integrity watch writes the alert; the counter only reads it).
        self.alert_poll = QTimer(self, interval=ALERT_POLL_MS, timeout=self._check_alert)
        self.alert_poll.start()
        self._alert_busy = False
        # A temporary line lapses by itself (no posting, so no balance event): the panel
        # reloads the player just after the expiry.
        self.lapse_timer = LapseTimer(self, self._on_line_lapsed)
        self._on_status()
        self._sync_buttons()

    # -- player -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.line.setFocus()
        self.search.line.selectAll()

    def open_player(self, balance: Balance) -> None:
        """Show a player picked from the search; refetch balances and recent postings."""
        self.panel.show_player(balance)
        self.lapse_timer.stop()  # the previous player's line
        pid = balance.player_id
        if self.ctx.feed is not None:
            self.ctx.feed.watch_only(self, [pid])
        self._load(pid)
        self._sync_buttons()
        self.buttons[Kind.DEPOSIT].setFocus()

    def _load(self, pid: str) -> None:
        """Balance, recent postings and any open integrity alert, in one trip to the ledger."""
        from ..terminal import lookups
        from ..terminal import credit_lines
        Op(parent=self, work=lambda s: (lookups.player_balance(s, pid), lookups.recent_postings(s, pid),
                                        lookups.open_alert_id(s, pid), credit_lines.line_in_force(s, pid))) \
            .success(self._on_player_loaded).failure(self._lookup_failed).run()

    def _on_player_loaded(self, loaded: tuple[Balance, list[Receipt], int | None, Any]) -> None:
        balance, recent, alert_id, (line_in_force, lapses_in) = loaded
        if balance.player_id != self.panel.player_id:
            return
        self.lapse_timer.arm(lapses_in)
        # Only a temporary line in force (it differs from the permanent line on the row) is
        # remembered: a permanent line's later changes come with the balances themselves.
        in_force = Money(line_in_force, balance.currency)
        self._line_in_force = ((balance.player_id, in_force, balance.credit_limit)
                               if in_force != balance.credit_limit else None)
        shown, before = self._with_line_in_force(balance), self.panel.balance
        if not self.panel.apply_update(shown) and before is not None and shown.version == before.version \
                and (shown.credit_limit, shown.credit_approved) != (before.credit_limit, before.credit_approved):
            self.panel.show_player(replace(shown, name=shown.name or before.name))
        self.panel.set_alert(alert_id)
        self._sync_buttons()
        self._fill_recent(recent)

    def _on_line_lapsed(self) -> None:
        if self.panel.balance is not None:
            self._load(self.panel.balance.player_id)

    def _check_alert(self) -> None:
        from ..terminal import lookups
        pid = self.panel.player_id
        if pid is None or self._alert_busy or not self.ctx.status.online or self.ctx.services is None:
            return
        self._alert_busy = True

        def done(alert_id: int | None) -> None:
            self._alert_busy = False
            if pid == self.panel.player_id and alert_id != self.panel.alert_id:
                self.panel.set_alert(alert_id)

        def failed(_exc: BaseException) -> None:
            self._alert_busy = False  # offline or busy: the next tick asks again
        Op(parent=self, work=lambda s: lookups.open_alert_id(s, pid)).success(done).failure(failed).run()

    def _fill_recent(self, from_ledger: list[Any]) -> None:
        """The ledger's rows, with this player's postings refused on replay and those still
        waiting offline on top (a refused one is never shown as pending)."""
        refused = [r for r in reversed(self.ctx.status.refused) if r.player_id == self.panel.player_id]
        gone = {str(r.id) for r in from_ledger} | {str(r.id) for r in self.ctx.status.refused}
        self.pending = [p for p in self.pending if str(p.id) not in gone]
        mine = [p for p in reversed(self.pending) if p.player_id == self.panel.player_id]
        self.recent.fill(refused + mine + list(from_ledger), self.ctx.profile)

    def _lookup_failed(self, exc: BaseException) -> None:
        """Offline, the banner already says the ledger is away: keep the counter's message
        (an offline posting's confirmation must stay); anything else is a refusal."""
        from ..domain.errors import LedgerUnavailable
        from .ops import sentence_for
        if isinstance(exc, LedgerUnavailable):
            return
        self.show_message(sentence_for(exc), error=True)

    def refresh_player(self) -> None:
        if self.panel.balance is not None:
            self._load(self.panel.balance.player_id)

    def _with_line_in_force(self, balance: Balance | None) -> Balance | None:
        """The balance with the credit line the database issues markers against: a temporary
        line before its expiry (issue 17), else the permanent one the ledger row carries. As
        `cage._post`: a temporary line approves a player without a permanent line; a permanent
        line whose approval was withdrawn stays refused."""
        line = self._line_in_force
        if balance is None or line is None or line[0] != balance.player_id:
            return balance
        _pid, in_force, permanent = line
        approved = balance.credit_approved if permanent.is_positive else in_force.is_positive
        if (balance.credit_limit, balance.credit_approved) == (in_force, approved):
            return balance
        return replace(balance, credit_limit=in_force, credit_approved=approved)

    def on_balance(self, balance: Balance) -> None:
        """A balance from the live feed (GUI thread, by signal)."""
        if self.panel.apply_update(self._with_line_in_force(balance)):
            self._sync_buttons()
            self.refresh_recent()

    def refresh_recent(self) -> None:
        from ..terminal import lookups
        if self.panel.player_id is None:
            return
        pid = self.panel.player_id
        Op(parent=self, work=lambda s: lookups.recent_postings(s, pid)) \
            .success(lambda rows: self._fill_recent(rows) if pid == self.panel.player_id else None) \
            .failure(self._lookup_failed).run()

    # -- postings ---------------------------------------------------------------------------
    def shift_refusal(self) -> str | None:
        """Why this staff member cannot take cash here now, or None: no shift is open, or the
        open one is another cashier's drawer (the database refuses that too, migration 0021)."""
        shift = self.ctx.shift
        if shift is None:
            return messages.NO_SHIFT
        if shift.staff_id != self.staff.id:
            return messages.NOT_YOUR_SHIFT.format(id=shift.id, owner=shift.staff_id)
        return None

    def start(self, kind: Kind) -> PostingDialog | None:
        """Open the posting dialog for `kind` (F5–F8); a disabled action's key does nothing."""
        if self.panel.balance is None:
            self.show_message(messages.PICK_PLAYER, error=True)
            self.focus_search()
            return None
        if (refusal := self.shift_refusal()) is not None:
            self.show_message(refusal, error=True)
            return None
        if not self.buttons[kind].isEnabled():
            self.show_message(messages.NOT_POSSIBLE.format(what=kind.label), error=True)
            return None
        dialog = PostingDialog(self.ctx, self.staff, kind, self.panel.balance, self._on_posted, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "dialog")
        return dialog

    def _on_posted(self, receipt: Any) -> None:
        pending = isinstance(receipt, PendingReceipt)
        # The short number the player's receipt prints; offline there is none yet (the
        # ledger gives the place in the shift), so the posting id names it.
        number = str(receipt.id) if pending or not receipt.has_facts else \
            ReceiptView.of(receipt, terminal_id=self.ctx.terminal_id).number
        self.show_message((self.tr("%1 of %2 taken offline — pending; receipt %3.") if pending
                           else self.tr("%1 of %2 posted; receipt %3.")).replace("%1", kind_text(receipt.kind))
                          .replace("%2", money_text(receipt.amount, self.ctx.profile)).replace("%3", number))
        if pending:
            self.pending.append(receipt)
            self._fill_recent([r for r in self.recent.receipts if not isinstance(r, PendingReceipt)])
            self.refresh_player()
        else:
            self._apply_receipt(receipt)
        self.show_receipt(receipt)
        self.posted.emit(receipt)

    def _apply_receipt(self, receipt: Receipt) -> None:
        """The receipt carries the new balances: shown without asking the ledger again."""
        shown = self.panel.balance
        after = balance_after(shown, receipt) if shown is not None else None
        if after is None:
            self.refresh_player()
            return
        self.panel.apply_update(self._with_line_in_force(after))
        self._sync_buttons()
        ledger_rows = [r for r in self.recent.receipts if not isinstance(r, PendingReceipt)]
        self._fill_recent([receipt] + ledger_rows[:19])  # as many rows as `recent_postings` gives

    def show_receipt(self, receipt: Any, reprint: bool = False) -> None:
        """Open the receipt. A fresh posting's receipt carries its place in the shift and the
        staff names (the posting API's answer); one read from elsewhere (a reprint from the
        list) gets them from the ledger first (one lookup), so the printed number is final."""
        view = ReceiptView.of(receipt, reprint=reprint, terminal_id=self.ctx.terminal_id,
                              reprint_by=self.staff.id, reprint_by_name=getattr(self.staff, "name", ""))
        if not view.pending and getattr(self.staff, "id", None) == view.staff_id:
            view = replace(view, staff_name=getattr(self.staff, "name", ""))
        # a reprint of a posting read back from the ledger: its notes come with its facts (any
        # terminal's posting, migration 0026); from this terminal's journal if the ledger is away
        needs_notes = reprint and not view.pending and not (view.notes_in or view.notes_out)
        if view.pending or (receipt.has_facts and not needs_notes):
            self._open_receipt(view, auto=not reprint)
            return
        from ..terminal import receipts

        def work(s) -> ReceiptView:
            facts, notes_in, notes_out = receipts.facts_and_notes(s, view.posting_id)
            full = view if receipt.has_facts or facts is None else view.with_facts(facts)
            if needs_notes and (notes_in or notes_out):
                full = replace(full, notes_in=notes_in, notes_out=notes_out)
            return full
        Op(parent=self, work=work) \
            .success(lambda full: self._open_receipt(full, auto=not reprint)) \
            .failure(lambda _exc: self._open_receipt(view, auto=not reprint)).run()

    def _open_receipt(self, view: ReceiptView, auto: bool) -> ReceiptDialog:
        name = self.panel.balance.name if self.panel.balance and self.panel.player_id == view.player_id else ""
        cfg = self.ctx.config
        dialog = ReceiptDialog(view, self.ctx.profile, self, player_name=name,
                               casino_name=cfg.get("receipt.casino_name"),
                               casino_address=cfg.get("receipt.casino_address"),
                               paper=cfg.get("receipt.paper", "80mm"))
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "receipt_dialog")
        if auto and cfg.get("receipt.auto_print", False) and not dialog.print_to_default_printer():
            self.show_message(self.tr("No printer is set up: print the receipt from its window (Ctrl+P)."),
                              error=True)
        self.receipt_shown.emit(dialog)
        return dialog

    def reprint(self) -> None:
        receipt = self.recent.selected()
        if receipt is None:
            self.show_message(self.tr("Select a transaction in the list to reprint its receipt."), error=True)
            return
        if isinstance(receipt, RefusedOnReplay):
            self._say_refused(receipt)
            return
        self.show_receipt(receipt, reprint=True)

    def show_history(self) -> None:
        """The player's full history, credit-line history and ID on file (Ctrl+H)."""
        from .player_history import PlayerHistoryDialog
        if self.panel.balance is None:
            self.show_message(messages.PICK_PLAYER, error=True)
            self.focus_search()
            return
        dialog = PlayerHistoryDialog(self.ctx, self.panel.balance, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "dialog")

    def show_id_documents(self) -> None:
        """The player's identification on file, and putting a document on file (Ctrl+D)."""
        from .id_document_dialog import IdDocumentDialog
        if self.panel.balance is None:
            self.show_message(messages.PICK_PLAYER, error=True)
            self.focus_search()
            return
        dialog = IdDocumentDialog(self.ctx, self.staff, self.panel.balance, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "dialog")

    def request_credit(self) -> None:
        from .credit_request import CreditRequestDialog
        if self.panel.balance is None:
            self.show_message(messages.PICK_PLAYER, error=True)
            self.focus_search()
            return
        dialog = CreditRequestDialog(self.ctx, self.session, self.panel.balance, self.show_message, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "dialog")

    def exchange(self) -> None:
        """F4: a currency exchange, for the player on the panel if there is one (online only)."""
        from .exchange_dialog import ExchangeDialog
        if (refusal := self.shift_refusal()) is not None:
            self.show_message(refusal, error=True)
            return
        if not self.exchange_button.isEnabled():
            self.show_message(messages.LEDGER_UNAVAILABLE, error=True)
            return
        dialog = ExchangeDialog(self.ctx, self.staff, self.panel.balance, self._on_exchanged, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "dialog")

    def show_exchanges(self) -> None:
        """Ctrl+Shift+X: this shift's exchanges, to reprint a receipt."""
        from .exchange_list import ExchangeListDialog
        if self.ctx.shift is None:
            self.show_message(messages.NO_SHIFT, error=True)
            return
        dialog = ExchangeListDialog(self.ctx, self.ctx.shift_id, lambda x: self._exchange_receipt(x, reprint=True),
                                    self)
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "dialog")

    def _on_exchanged(self, done: Any) -> None:
        from ..domain.currency import profile_for
        from ..domain.formatting import format_money
        self.show_message(self.tr("Exchange of %1 for %2 posted; receipt %3.")
                          .replace("%1", format_money(done.foreign, profile_for(done.foreign.currency)))
                          .replace("%2", money_text(done.local.amount, self.ctx.profile))
                          .replace("%3", str(done.id)[:8]))
        self._exchange_receipt(done)

    def _exchange_receipt(self, done: Any, reprint: bool = False) -> None:
        from .exchange_receipt import ExchangeReceiptDialog
        name = self.panel.balance.name if self.panel.balance and self.panel.player_id == done.player_id else ""
        cfg = self.ctx.config
        own = getattr(self.staff, "id", None) == done.staff_id
        by = f"{getattr(self.staff, 'name', '')} ({self.staff.id})".strip() if reprint else None
        dialog = ExchangeReceiptDialog(done, self.ctx.profile, self,
                                       staff_name=getattr(self.staff, "name", "") if own else "",
                                       player_name=name, casino_name=cfg.get("receipt.casino_name"),
                                       casino_address=cfg.get("receipt.casino_address"),
                                       paper=cfg.get("receipt.paper", "80mm"), reprint_by=by)
        dialog.setAttribute(Qt.WA_DeleteOnClose, True)
        self._keep(dialog, "receipt_dialog")
        self.receipt_shown.emit(dialog)

    def _keep(self, dialog: QWidget, attr: str) -> None:
        """Open `dialog` and remember it as `attr` until it closes (tests and focus return)."""
        setattr(self, attr, dialog)

        def closed(_result: int = 0) -> None:
            if getattr(self, attr, None) is dialog:
                setattr(self, attr, None)
            if self.isVisible():
                self.window().activateWindow()
        dialog.finished.connect(closed)
        dialog.open()

    # -- state ------------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        (self.message.show_refusal if error else self.message.show_note)(text)
        self.message.setProperty("error", "true" if error else "false")

    def _say_refused(self, r: RefusedOnReplay) -> None:
        self.show_message(messages.REFUSED_ON_REPLAY.format(
            kind=kind_text(r.kind).lower(), amount=money_text(r.amount, self.ctx.profile), player=r.player_id,
            id=r.id), error=True)

    def _on_refused(self, status: Any) -> None:
        """Postings the ledger refused on replay: the newest one is said at once, in the
        refusal look, and the Recent list marks them (they are no longer pending)."""
        ids = {str(r.id) for r in status.refused}
        if ids == self._refused_seen:
            return
        new = [r for r in status.refused if str(r.id) not in self._refused_seen]
        self._refused_seen = ids
        if new:
            self._say_refused(new[-1])
        if self.panel.player_id is not None:  # new ones marked, resolved ones gone
            self._fill_recent([r for r in self.recent.receipts
                               if not isinstance(r, (PendingReceipt, RefusedOnReplay))])

    def _on_status(self) -> None:
        status = self.ctx.status
        self._on_refused(status)
        self.panel.set_live(status.live)
        if status.online and self.message.is_refusal() and self.message.text() == messages.LEDGER_UNAVAILABLE:
            self.show_message("")  # its cause is gone: the ledger is back
        if status.online and status.pending == 0 and self.pending:
            self.refresh_recent()  # the offline postings went out: show them as the ledger has them
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        online = self.ctx.status.online
        has_player = self.panel.balance is not None
        b = self.panel.balance
        possible = {  # a marker needs a line with room on it; a redemption a marker to redeem
            Kind.MARKER_ISSUE: b is not None and b.credit_approved and b.available_credit.is_positive,
            Kind.MARKER_REDEEM: b is not None and b.credit.is_positive}
        for kind, button in self.buttons.items():
            credit = kind in (Kind.MARKER_ISSUE, Kind.MARKER_REDEEM)  # never credit offline
            button.setEnabled(has_player and (online or not credit) and possible.get(kind, True))
        self.buttons[Kind.MARKER_ISSUE].setToolTip(
            "" if possible[Kind.MARKER_ISSUE] or b is None else self.tr("No credit available on an approved line."))
        self.credit_button.setEnabled(has_player and online)
        self.id_button.setEnabled(has_player and online)
        self.exchange_button.setEnabled(online)  # never offline: the rate is the database's
