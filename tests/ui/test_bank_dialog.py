"""A fill and a credit at the window, typed: Alt+S then F (or R) from the Shift menu, the
amount, the bank's person's staff id and PIN, Enter; the counter says who signed; a cashier
cannot sign for the bank; the bank's balance moves only when both signed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger.api_tables import store_policy
from cashier_desktop.ledger.transfers import transfer
from tests.support.logins import staff_session
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, log_in, wait_until


def _bank(engine) -> Decimal:
    with engine.connect() as conn:
        return conn.execute(text("SELECT balance FROM bank_balances WHERE currency = 'INR'")).scalar_one()


def _open_by_menu_keys(qtbot, window, kind: str) -> None:
    """Alt+S opens the Shift menu, F its fill, R its credit: no mouse."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_S, Qt.AltModifier)
    wait_until(qtbot, lambda: QApplication.activePopupWidget() is not None, what="the Shift menu")
    qtbot.keyClick(QApplication.activePopupWidget(), {"fill": Qt.Key_F, "credit": Qt.Key_R}[kind])


def type_transfer(qtbot, dialog, amount: str, staff: str, pin: str, where: str | None = None) -> None:
    """The amount, Tab, (where the cash comes from or goes to, Tab: fund and remit), the
    bank's person's or witness's staff id, Tab, their PIN, Enter — as a person types them."""
    qtbot.keyClicks(dialog.amount.edit, amount)
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Tab)
    if where is not None:
        qtbot.keyClicks(dialog.reason, where)
        qtbot.keyClick(dialog.reason, Qt.Key_Tab)
    qtbot.keyClicks(dialog.bank_id, staff)
    qtbot.keyClick(dialog.bank_id, Qt.Key_Tab)
    qtbot.keyClicks(dialog.bank_pin, pin)
    qtbot.keyClick(dialog.bank_pin, Qt.Key_Return)


def _dialog(qtbot, window, kind: str, amount: str, staff: str, pin: str):
    _open_by_menu_keys(qtbot, window, kind)
    wait_until(qtbot, lambda: window.dialog is not None and window.dialog.isVisible(), what=f"{kind} dialog")
    type_transfer(qtbot, window.dialog, amount, staff, pin)
    return window.dialog


def test_a_fill_and_a_credit_at_the_window_by_keys(qtbot, terminal, engine, services, terminal_id):
    with engine.begin() as conn:
        store_policy(conn, services.policy)
    transfer(engine, kind="fund", amount=Money(Decimal("5000"), "INR"), sender_session=staff_session(engine, "S300", "3333"),
             receiver_session=staff_session(engine, "F200", "2222"), reason="count room")
    before = _bank(engine)
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    _dialog(qtbot, window, "fill", "2000", "F200", "2222")
    wait_until(qtbot, lambda: window.dialog is None, what="fill posted")
    assert "signed by F200 (bank) and C100" in window.cashier.message.text()
    assert _bank(engine) == before - 2000
    _dialog(qtbot, window, "credit", "500", "F200", "2222")
    wait_until(qtbot, lambda: window.dialog is None, what="credit posted")
    assert "Credit of ₹500.00" in window.cashier.message.text()
    assert _bank(engine) == before - 1500


def test_a_cashier_cannot_sign_for_the_bank_and_the_dialog_says_so(qtbot, terminal, engine, services, terminal_id):
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    dialog = _dialog(qtbot, window, "fill", "100", "C100", "1111")
    wait_until(qtbot, lambda: "someone other than you" in dialog.problem.text(), what="refusal")
    assert dialog.isVisible() and dialog.bank_pin.text() == ""
    dialog.reject()


def test_a_credit_the_drawer_cannot_hold_is_the_databases_sentence_in_the_dialog(qtbot, terminal, engine, services,
                                                                                 terminal_id):
    """A credit to the bank is a payout like any other (0023): more than the drawer should
    hold is refused in the window, without the drawer's figure, and the bank does not move."""
    with engine.begin() as conn:
        store_policy(conn, services.policy)
    transfer(engine, kind="fund", amount=Money(Decimal("100"), "INR"), sender_session=staff_session(engine, "S300", "3333"),
             receiver_session=staff_session(engine, "F200", "2222"), reason="count room")
    before = _bank(engine)
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    dialog = _dialog(qtbot, window, "credit", "1500", "F200", "2222")
    wait_until(qtbot, lambda: "The drawer cannot pay out ₹1,500.00" in dialog.problem.text(), what="refusal")
    assert "Request a fill from the main bank" in dialog.problem.text() and "1,000" not in dialog.problem.text()
    assert dialog.isVisible() and _bank(engine) == before
    dialog.reject()
