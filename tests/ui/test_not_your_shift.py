"""A second cashier logging in at a terminal whose open shift is someone else's drawer is told,
in one sentence, to take a handover; F5 gives the same sentence, never a posting dialog
(the database refuses the posting too: tests/security/test_cage_shift_owner.py)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from cashier_desktop.ledger.staff import add_staff
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, find_player, log_in, wait_until


def test_a_second_cashier_at_someone_elses_drawer_is_told_to_take_a_handover(qtbot, terminal, engine, terminal_id,
                                                                             player):
    second = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, second, "Second Cashier", "cashier", "5555")
    shift_id = open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, second, "5555")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    said = window.cashier.message.text()
    assert f"Shift #{shift_id}" in said and "C100's drawer" in said and "hands it over" in said, said
    assert "\n" not in said and said.count(". ") == 0
    find_player(qtbot, window, player)
    window.cashier.message.clear()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_F5)
    wait_until(qtbot, lambda: "C100's drawer" in window.cashier.message.text(), what="the sentence again on F5")
    assert getattr(window.cashier, "dialog", None) is None or not window.cashier.dialog.isVisible()


def test_the_drawers_own_cashier_is_not_told_anything_of_the_kind(qtbot, terminal, engine, terminal_id):
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    assert "drawer" not in window.cashier.message.text()
    assert window.cashier.shift_refusal() is None


def test_a_fill_for_someone_elses_drawer_is_refused_before_the_dialog(qtbot, terminal, engine, terminal_id):
    second = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, second, "Second Cashier", "cashier", "5555")
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, second, "5555")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    window.cashier.message.clear()
    window.fill_action.trigger()
    assert "C100's drawer" in window.cashier.message.text()
    assert window.dialog is None
