"""Hand the drawer over without closing the terminal: two blind counts, two people.

Step one, the outgoing cashier counts the drawer, its foreign cash too; step two, the grid and
the foreign lines are cleared (the incoming cashier does not see the first count) and the
incoming cashier counts it again and enters their staff id and PIN. The foreign cash goes
with the drawer (migration 0032): the two counts of it must agree too. The database closes
the outgoing shift exactly as at close (a variance goes to the supervisor) and opens the
incoming one with the count as its float; then this window logs out and the incoming
cashier logs in.

Each attempt has an id (`cage.handover_shift`, 0024): Enter again after the ledger did not
answer (unreachable, or in doubt) sends the same id, so the database answers with the first
handover instead of handing over twice; after a refusal nothing happened and the next
attempt takes a new id.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from ..domain.errors import CashierError
from . import messages
from .ops import Op
from .shift_dialogs import _CountDialog  # noqa: PLC2701 - the count dialogs' one shape


class HandoverDialog(_CountDialog):
    """Two steps in one dialog; `handed_over` carries the terminal's Handover when done."""

    verb = QT_TRANSLATE_NOOP("HandoverDialog", "Next: incoming count")
    handed_over = Signal(object)

    def __init__(self, ctx: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, session, messages.HANDOVER_OUTGOING, parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Hand over shift #%1").replace("%1", str(ctx.shift_id)))
        self.outgoing_count: Any = None
        self.handover_id = uuid.uuid4()  # this attempt's; kept while its outcome is unknown
        self.incoming_id = QLineEdit(self)
        self.incoming_id.setAccessibleName(self.tr("Incoming cashier's staff id"))
        self.incoming_pin = QLineEdit(self)
        self.incoming_pin.setEchoMode(QLineEdit.Password)
        self.incoming_pin.setAccessibleName(self.tr("Incoming cashier's PIN"))
        self.who = QWidget(self)
        form = QFormLayout(self.who)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Staff id"), self.incoming_id)
        form.addRow(self.tr("&PIN"), self.incoming_pin)
        self.layout().insertWidget(2, self.who)
        self.who.hide()
        self._count_foreign_too()
        self.outgoing_foreign: dict = {}

    @property
    def incoming_step(self) -> bool:
        return self.outgoing_count is not None

    def submit(self) -> None:
        foreign = self._foreign_counts()
        if foreign is None:
            return
        if not self.incoming_step:
            self.outgoing_count, self.outgoing_foreign = self.grid.count(), foreign
            self.grid.set_pieces({str(d): 0 for d in self.grid.denominations})  # blind: nothing carried over
            self.foreign.clear()
            self.hint_label.setText(messages.HANDOVER_INCOMING)
            self.who.show()
            self.ok_button.setText(self.tr("Hand over (Enter)"))
            self.problem.setText("")
            self.grid.setFocus()
            return
        from ..terminal import handover, session as sessions
        from ..terminal.verbs import Credentials
        staff_id, pin = self.incoming_id.text().strip(), self.incoming_pin.text()
        outgoing, incoming, session = self.outgoing_count, self.grid.count(), self.session
        handover_id, outgoing_foreign = self.handover_id, self.outgoing_foreign

        def work(s):
            done = handover.hand_over(s, session, Credentials(staff_id, pin), outgoing, incoming,
                                      handover_id=handover_id, foreign=outgoing_foreign, incoming_foreign=foreign)
            sessions.logout(s, done.incoming)  # they log in at the window next, as anyone does
            return done
        self.problem.show_note(self.tr("Handing over…"))
        Op(parent=self, work=work, lane="posting").success(self._done).failure(self._refused_pin) \
            .disabling(self.ok_button, self.cancel_button).run()

    def _refused_pin(self, exc: BaseException) -> None:
        if isinstance(exc, CashierError):  # refused: nothing happened, the next attempt is a new one
            self.handover_id = uuid.uuid4()
        self.incoming_pin.clear()
        self._refused(exc)

    def _done(self, done: Any) -> None:
        self.ctx.set_shift(None)
        self.handed_over.emit(done)
        self.accept()
