"""Shift open (count the float) and close (blind count), both on a denomination grid.

The close is blind: the dialog never shows the expected drawer figure, before or after;
the system computes expected and variance, and a supervisor sees them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..domain.counts import MAX_PIECES, DrawerCount
from ..domain.errors import CashierError
from ..domain.kinds import Kind
from . import messages
from .display import money_text
from .feedback import MessageLabel, grow_to_fit
from .ops import Op, sentence_for


class PiecesEdit(QLineEdit):
    """A whole number of pieces, typed on the keypad; empty means none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QIntValidator(0, MAX_PIECES, self))
        self.setAlignment(Qt.AlignRight)
        self.setPlaceholderText("0")
        self.setMaxLength(7)

    def value(self) -> int:
        text = self.text().strip()
        return int(text) if text.isdigit() else 0

    def setValue(self, n: int) -> None:  # noqa: N802 - mirrors QSpinBox
        self.setText(str(n) if n else "")


class CountGrid(QWidget):
    """One row per denomination: quantity typed, subtotal and running total shown."""

    total_changed = Signal(object)  # Decimal

    def __init__(self, profile: Any, denominations: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.denominations = [Decimal(d) for d in denominations]
        self.quantities: list[PiecesEdit] = []
        self.subtotals: list[QLabel] = []
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        # More than six denominations go in two side-by-side blocks (notes | coins), so the
        # dialog stays within a 1366×768 screen's height with a refusal showing.
        per_block = len(self.denominations) if len(self.denominations) <= 6 else (len(self.denominations) + 1) // 2
        blocks = (len(self.denominations) + per_block - 1) // per_block if self.denominations else 1
        for b in range(blocks):
            grid.addWidget(QLabel(self.tr("<b>Denomination</b>")), 0, 4 * b)
            grid.addWidget(QLabel(self.tr("<b>Pieces</b>")), 0, 4 * b + 1)
            grid.addWidget(QLabel(self.tr("<b>Amount</b>")), 0, 4 * b + 2)
            if b:
                grid.setColumnMinimumWidth(4 * b - 1, 24)  # a gap between the blocks
        for i, d in enumerate(self.denominations):
            label = QLabel(money_text(d, profile))
            qty = PiecesEdit(self)
            qty.setAccessibleName(self.tr("Pieces of %1").replace("%1", money_text(d, profile)))
            qty.setObjectName(f"count_{d}")
            label.setBuddy(qty)
            sub = QLabel(money_text(Decimal(0), profile))
            sub.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            qty.textChanged.connect(self._recount)
            row, col = 1 + i % per_block, 4 * (i // per_block)
            grid.addWidget(label, row, col)
            grid.addWidget(qty, row, col + 1)
            grid.addWidget(sub, row, col + 2)
            self.quantities.append(qty)
            self.subtotals.append(sub)
        self.total_label = QLabel()
        self.total_label.setObjectName("countTotal")
        self.total_label.setAccessibleName(self.tr("Counted total"))
        last = per_block + 1
        grid.addWidget(QLabel(self.tr("<b>Total</b>")), last, 4 * (blocks - 1), 1, 2)
        grid.addWidget(self.total_label, last, 4 * (blocks - 1) + 2)
        for a, b in zip(self.quantities, self.quantities[1:]):
            QWidget.setTabOrder(a, b)
        if self.quantities:
            self.setFocusProxy(self.quantities[0])
        self._recount()

    def set_pieces(self, pieces: dict[str, int]) -> None:
        for d, q in zip(self.denominations, self.quantities):
            for key, n in pieces.items():
                if Decimal(key) == d:
                    q.setValue(n)

    def count(self) -> DrawerCount:
        mapping = {format(d.normalize(), "f"): q.value()
                   for d, q in zip(self.denominations, self.quantities) if q.value()}
        return DrawerCount.from_mapping(mapping, self.profile.code)

    def total(self) -> Decimal:
        return sum((d * q.value() for d, q in zip(self.denominations, self.quantities)), Decimal("0.00"))

    def _recount(self) -> None:
        for d, q, sub in zip(self.denominations, self.quantities, self.subtotals):
            sub.setText(money_text(d * q.value(), self.profile))
        total = self.total()
        self.total_label.setText(money_text(total, self.profile))
        self.total_changed.emit(total)


class _CountDialog(QDialog):
    """Shared shape: a hint, the grid, an inline problem line, OK (Enter) / Cancel (Esc).

    Subclasses define `submit()`.
    """

    verb = ""

    def __init__(self, ctx: Any, session: Any, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        text = self.hint_label = QLabel(hint)
        text.setWordWrap(True)
        self.grid = CountGrid(ctx.profile, list(ctx.config["currency.denominations"]), self)
        self.problem = MessageLabel(self.tr("Problem"), self)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(f"{self.tr(self.verb)} (Enter)")
        self.ok_button.setDefault(True)
        self.ok_button.setObjectName("confirmButton")
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        buttons.addButton(self.ok_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(text)
        box.addWidget(self.grid)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        self.grid.setFocus(Qt.OtherFocusReason)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        grow_to_fit(self)

    def _count_foreign_too(self) -> None:
        """The drawer's foreign cash is counted with it, below the grid (close and handover,
        migration 0032); the lines arrive with the ledger's list of currencies."""
        from .foreign_count import ForeignCountLines
        self.foreign = ForeignCountLines(self.ctx, self)
        box = self.layout()
        box.insertWidget(box.indexOf(self.grid) + 1, self.foreign)
        self.foreign.loaded.connect(self._fit_again)
        self.foreign.load()

    def _fit_again(self) -> None:
        """Lines added while the dialog shows: as wide as they and the grid need, then tall enough."""
        if self.isVisible():
            self.resize(self.size().expandedTo(self.sizeHint()))
            grow_to_fit(self)

    def _foreign_counts(self) -> dict | None:
        """The foreign lines as counted; None (a sentence shown) when one is not notes, or
        while the lines are not there yet: sent then, the drawer's dollars would be counted
        as none — at a close recorded missing, at a handover refused as counts that differ."""
        if self.foreign.state == "loading":
            self.problem.show_note(self.tr("The foreign cash lines are still loading: count the foreign cash "
                                           "in them too, then press Enter."))
            return None
        if self.foreign.state == "failed":
            self.problem.show_refusal(self.tr("The ledger's list of foreign currencies did not load (%1); "
                                              "nothing was done. Loading it again: count the foreign cash "
                                              "when its lines show, then press Enter.")
                                      .replace("%1", sentence_for(self.foreign.error).rstrip(".।")))
            self.foreign.load()
            return None
        try:
            return self.foreign.counts()
        except CashierError as exc:
            self._refused(exc)
            return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if self.focusWidget() is self.cancel_button:
                self.reject()
            elif self.ok_button.isEnabled():
                self.submit()
            return
        super().keyPressEvent(event)

    def _refused(self, exc: BaseException) -> None:
        self.problem.setText(sentence_for(exc))


class OpenShiftDialog(_CountDialog):
    verb = QT_TRANSLATE_NOOP("OpenShiftDialog", "Open shift")

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, session, messages.SHIFT_OPEN_COUNT, parent)
        self.setObjectName("openShiftDialog")
        self.setWindowTitle(self.tr("Open shift — terminal %1").replace("%1", ctx.terminal_id))

    def submit(self) -> None:
        from ..terminal import shifts
        count, session = self.grid.count(), self.session
        self.problem.show_note(self.tr("Opening…"))
        Op(parent=self, work=lambda s: shifts.open_shift(s, session, counts=count),
           lane="posting").success(self._opened).failure(self._refused) \
            .disabling(self.ok_button, self.cancel_button).run()

    def _opened(self, shift: Any) -> None:
        self.ctx.set_shift(shift)
        self.accept()


class CloseShiftDialog(_CountDialog):
    verb = QT_TRANSLATE_NOOP("CloseShiftDialog", "Close shift")
    closed = Signal(object)

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, session, messages.SHIFT_CLOSE_BLIND, parent)
        self.setObjectName("closeShiftDialog")
        self.setWindowTitle(self.tr("Close shift #%1 — blind count").replace("%1", str(ctx.shift_id)))
        self.confirming = False
        # Postings of this shift the ledger refused on replay: their cash is in the drawer (or
        # out of it) and on no account, so the count will not match: said before counting.
        self.refused_warning = MessageLabel(self.tr("Refused on replay"), self, hide_when_empty=True,
                                            object_name="refusedOnReplayWarning")
        self.layout().insertWidget(0, self.refused_warning)
        # (a posting whose send broke before the ledger chose its shift carries none: it is
        # this terminal's, and unresolved, so it is counted here too)
        refused = [r for r in ctx.status.refused if r.shift_id in (None, ctx.shift_id)]
        if refused:
            net = sum((r.amount if r.kind is Kind.DEPOSIT else -r.amount for r in refused), Decimal("0"))
            self.refused_warning.show_refusal(messages.REFUSED_ON_REPLAY_CLOSE.format(
                count=len(refused), amount=money_text(net, ctx.profile)))
        else:
            self.refused_warning.setText("")
        self.grid.total_changed.connect(self._recounted)
        self._count_foreign_too()
        self.foreign.loaded.connect(lambda: [e.textChanged.connect(self._recounted)
                                             for e in self.foreign.edits.values()])

    def _recounted(self, _total: Any) -> None:
        """A changed count must be confirmed again."""
        if self.confirming:
            self.confirming = False
            self.problem.setText("")
            self.ok_button.setText(f"{self.tr(self.verb)} (Enter)")

    def submit(self) -> None:
        """First Enter: say what will be closed with what count; the second Enter closes it."""
        from ..terminal import shifts
        foreign = self._foreign_counts()
        if foreign is None:
            return
        if not self.confirming:
            self.confirming = True
            counted = money_text(self.grid.total(), self.ctx.profile)
            if foreign:
                counted = self.tr("%1 and %2").replace("%1", counted).replace("%2", self.foreign.words())
            self.problem.show_note(messages.SHIFT_CLOSE_CONFIRM.format(id=self.ctx.shift_id, counted=counted))
            self.ok_button.setText(self.tr("Close shift now (Enter)"))
            return
        count, session = self.grid.count(), self.session
        self.problem.show_note(self.tr("Closing…"))
        Op(parent=self, work=lambda s: shifts.close_shift(s, session, count, foreign=foreign),
           lane="posting").success(self._closed).failure(self._refused) \
            .disabling(self.ok_button, self.cancel_button).run()

    def _closed(self, shift: Any) -> None:
        self.ctx.set_shift(None)
        text = (self.tr("Shift #%1 closed; counted %2.").replace("%1", str(shift.id))
                .replace("%2", money_text(shift.counted, self.ctx.profile))
                + (" " + self.tr("A supervisor must review and sign it off.")
                   if getattr(shift, "needs_signoff", False) else ""))
        window = self.parent().window() if self.parent() else None
        if window is not None and hasattr(window, "show_message"):
            window.show_message(text)
        self.closed.emit(shift)
        self.accept()
