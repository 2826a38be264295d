"""Handover at the counter by keys: Ctrl+Shift+H, the outgoing count, Enter; the incoming
cashier's own count (the grid starts empty: blind), staff id and PIN, Enter; the window logs
out and the login says who is to log in; the database has the two shifts."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.ledger.staff import add_staff
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, log_in, wait_until


def _type_count(qtbot, dialog, pieces: dict[str, str], *, lines_loaded: bool = True) -> None:
    """Type the count into the grid, once the dialog's foreign cash lines are there (Enter is
    refused while they load: tests/ui/test_foreign_count_dialogs.py)."""
    if lines_loaded:
        wait_until(qtbot, lambda: dialog.foreign.state == "ready", what="the foreign cash lines")
    for grid_edit in dialog.grid.quantities:
        grid_edit.clear()
    for denomination, n in pieces.items():
        edit = dialog.grid.findChild(type(dialog.grid.quantities[0]), f"count_{denomination}")
        qtbot.keyClicks(edit, n)


def test_a_cashier_hands_the_drawer_over_by_keys_and_the_next_one_logs_in(qtbot, terminal, engine, terminal_id):
    incoming = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, incoming, "Next Cashier", "cashier", "5555")
    shift_id = open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    wait_until(qtbot, lambda: window.dialog is not None and window.dialog.isVisible(), what="handover dialog")
    dialog = window.dialog
    _type_count(qtbot, dialog, {"500": "2"})
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert dialog.incoming_step and dialog.who.isVisible()
    assert dialog.grid.total() == 0  # the incoming cashier does not see the first count
    _type_count(qtbot, dialog, {"500": "2"})
    qtbot.keyClicks(dialog.incoming_id, incoming)
    qtbot.keyClicks(dialog.incoming_pin, "5555")
    qtbot.keyClick(dialog.incoming_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: terminal.login.isVisible(), what="back at the login")
    assert incoming in terminal.login.problem.text() and "log in" in terminal.login.problem.text()
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, staff_id, status, opening_float FROM shifts WHERE terminal_id = :t "
                                 "ORDER BY id"), {"t": terminal_id}).all()
    assert [(r.staff_id, r.status) for r in rows] == [("C100", "closed"), (incoming, "open")]
    assert rows[0].id == shift_id and rows[1].opening_float == 1000


def test_counts_that_differ_are_refused_in_the_dialog_and_nothing_changes(qtbot, terminal, engine, terminal_id):
    incoming = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, incoming, "Next Cashier", "cashier", "5555")
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    window.hand_over()
    dialog = window.dialog
    _type_count(qtbot, dialog, {"500": "2"})
    qtbot.keyClick(dialog, Qt.Key_Return)
    _type_count(qtbot, dialog, {"500": "1"})
    qtbot.keyClicks(dialog.incoming_id, incoming)
    qtbot.keyClicks(dialog.incoming_pin, "5555")
    qtbot.keyClick(dialog.incoming_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "The two counts differ" in dialog.problem.text(), what="refusal")
    assert dialog.isVisible() and dialog.incoming_pin.text() == ""
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM shifts WHERE terminal_id = :t"), {"t": terminal_id}).scalar() == "open"
    dialog.reject()


def test_enter_again_after_a_lost_answer_sends_the_same_id_and_hands_over_once(qtbot, terminal, engine, terminal_id,
                                                                               monkeypatch):
    """The first send committed but its answer was lost (the ledger unreachable): the dialog
    keeps its handover id, Enter again hears the first handover (0024); after a refusal the
    next attempt takes a new id."""
    from cashier_desktop.domain.errors import LedgerUnavailable
    from cashier_desktop.ledger.api import Ledger
    incoming = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, incoming, "Next Cashier", "cashier", "5555")
    shift_id = open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    window.hand_over()
    dialog = window.dialog
    _type_count(qtbot, dialog, {"500": "2"})
    qtbot.keyClick(dialog, Qt.Key_Return)
    _type_count(qtbot, dialog, {"500": "2"})
    qtbot.keyClicks(dialog.incoming_id, incoming)
    refused_id = dialog.handover_id
    qtbot.keyClicks(dialog.incoming_pin, "0000")  # a wrong PIN: refused, nothing happened
    qtbot.keyClick(dialog.incoming_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "not recognised" in dialog.problem.text(), what="refusal")
    assert dialog.handover_id != refused_id
    real = Ledger.hand_over
    answers: list[bool] = []

    def answer_lost_once(self, *args, **kwargs):
        result = real(self, *args, **kwargs)
        answers.append(result[2])
        if len(answers) == 1:
            raise LedgerUnavailable("connection lost mid-commit")
        return result
    monkeypatch.setattr(Ledger, "hand_over", answer_lost_once)
    sent_id = dialog.handover_id
    qtbot.keyClicks(dialog.incoming_pin, "5555")
    qtbot.keyClick(dialog.incoming_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: len(answers) == 1 and dialog.ok_button.isEnabled(), what="the lost answer")
    assert dialog.isVisible() and dialog.handover_id == sent_id
    qtbot.keyClicks(dialog.incoming_pin, "5555")
    qtbot.keyClick(dialog.incoming_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: terminal.login.isVisible(), what="back at the login")
    assert answers == [False, True]  # the resend was answered with the first handover
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id FROM handover_requests WHERE from_shift = :s"),
                            {"s": shift_id}).scalar() == sent_id
        rows = conn.execute(text("SELECT staff_id, status FROM shifts WHERE terminal_id = :t ORDER BY id"),
                            {"t": terminal_id}).all()
    assert [tuple(r) for r in rows] == [("C100", "closed"), (incoming, "open")]
