"""The cashier at the counter, driven by keys: log in, find a player, deposit, withdraw."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from cashier_desktop.ledger.staff import add_staff

from tests.support.shifts import open_test_shift
from tests.support.factories import make_player
from tests.ui.conftest import activate, active_dialog, find_player, log_in, wait_until


def test_a_cashier_logs_in_deposits_and_sees_the_balance_and_the_receipt(qtbot, terminal, engine,
                                                                         terminal_id, player):
    open_test_shift(engine, terminal_id, "C100", "10000")
    window = log_in(qtbot, terminal, "C100", "1111")
    assert "Asha Rao" in window.windowTitle()
    assert terminal_id in window.status_bar.terminal.text()
    tab = window.cashier
    find_player(qtbot, window, player)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "12345")
    assert dialog.amount.edit.text() == "12,345"
    assert dialog.amount.preview.text() == "₹12,345.00"
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    text = receipt.plain_text()
    assert "₹12,345.00" in text and player in text and "C100" in text and terminal_id in text
    assert "Receipt no." in text and receipt.view.number in text
    assert receipt.view.number == f"{terminal_id}-{receipt.view.shift_id}-0001"  # first of the shift
    assert f"CDR1:{receipt.view.posting_id}:" in text and "Asha Rao (C100)" in text
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹12,345.00", what="balance shown")
    qtbot.keyClick(receipt, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.recent.rowCount() == 1, what="recent transactions",
               explain=lambda: f"{[(type(r).__name__, str(r.id)) for r in tab.recent.receipts]}, "
                               f"panel {tab.panel.player_id}, message {tab.message.text()!r}")
    assert tab.recent.item(0, 6).text() == str(receipt.view.posting_id)


def test_withdrawing_too_much_is_refused_inline_in_the_domain_words(qtbot, terminal, engine,
                                                                    terminal_id, player):
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    qtbot.keyClick(tab, Qt.Key_F6)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "500")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "cannot take" in dialog.problem.text(), what="refusal")
    assert dialog.isVisible()
    assert tab.panel.values["cash"].text() == "₹0.00"
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()


def test_a_wrong_pin_is_refused_with_a_sentence(qtbot, terminal, engine):
    staff_id = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, staff_id, "Temp Cashier", "cashier", "4321")
    login = terminal.login
    qtbot.keyClicks(login.staff_id, staff_id)
    qtbot.keyClick(login.staff_id, Qt.Key_Return)
    qtbot.keyClicks(login.pin, "9999")
    qtbot.keyClick(login.pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "not recognised" in login.problem.text(), what="refusal")
    assert terminal.windows == []
    assert login.pin.text() == ""


def test_search_finds_players_by_name_and_by_card_number(qtbot, terminal, engine):
    from sqlalchemy import text
    name = f"Qzx{uuid.uuid4().hex[:6]} Iyer"
    pid = make_player(engine, name=name)
    card = f"K{uuid.uuid4().hex[:9]}"
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET card_number = :c WHERE id = :p"), {"c": card, "p": pid})
    window = log_in(qtbot, terminal, "C100", "1111")
    search = window.cashier.search
    for query in (name[:7].lower(), card[:8]):
        search.line.clear()
        qtbot.keyClicks(search.line, query)  # results arrive as you type (debounced)
        wait_until(qtbot, lambda: [b.player_id for b in search.rows] == [pid], what=f"found by {query}")
    qtbot.keyClick(search.line, Qt.Key_Down)
    qtbot.keyClick(search.results, Qt.Key_Return)
    wait_until(qtbot, lambda: window.cashier.panel.player_id == pid, what="picked")
    assert name in window.cashier.panel.title.text()


def test_a_reprint_says_reprint(qtbot, terminal, engine, terminal_id, player):
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "300")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    first = active_dialog(qtbot, tab, "receipt_dialog")
    assert "REPRINT" not in first.plain_text()
    qtbot.keyClick(first, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.recent.rowCount() == 1, what="recent")
    tab.recent.setFocus()
    tab.recent.selectRow(0)
    activate(qtbot, tab)
    qtbot.keyClick(tab.recent, Qt.Key_R, Qt.ControlModifier)
    again = active_dialog(qtbot, tab, "receipt_dialog")
    assert "REPRINT" in again.plain_text() and first.view.number in again.plain_text()


def test_repeated_wrong_pins_lock_the_account_and_say_why(qtbot, terminal, engine):
    staff_id = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, staff_id, "Temp Cashier", "cashier", "4321")
    login = terminal.login
    for _ in range(5):
        login.staff_id.setText(staff_id)
        login.pin.setText("0000")
        login.submit()
        wait_until(qtbot, lambda: login.button.isEnabled(), what="answer")
    assert "locked" in login.problem.text() and "supervisor" in login.problem.text()
    login.staff_id.setText(staff_id)
    login.pin.setText("4321")  # even the right PIN waits out the lockout
    login.submit()
    wait_until(qtbot, lambda: login.button.isEnabled(), what="answer")
    assert "locked" in login.problem.text() and terminal.windows == []


def test_every_input_of_every_tab_has_an_accessible_name(qtbot, terminal):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QTableWidget
    window = log_in(qtbot, terminal, "S300", "3333")
    unnamed = []
    for cls in (QLineEdit, QTableWidget, QComboBox, QListWidget):
        for w in window.findChildren(cls):
            if not w.accessibleName() and w.parent() is not None and not isinstance(w.parent(), QComboBox) \
                    and w.objectName() != "qt_spinbox_lineedit":
                unnamed.append(f"{cls.__name__} {w.objectName()} in {type(w.parent()).__name__}")
    assert unnamed == []
    assert all(b.text() or b.accessibleName() for b in window.findChildren(QAbstractButton)
               if b.isVisibleTo(window) and b.objectName() not in ("qt_tabwidget_scrollbutton",))


def test_logging_out_returns_to_an_empty_login_window(qtbot, terminal):
    window = log_in(qtbot, terminal, "C100", "1111")
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier | Qt.ShiftModifier)
    wait_until(qtbot, lambda: terminal.login.isVisible() and not window.isVisible(), what="logged out")
    assert terminal.windows == [] and terminal.login.staff_id.text() == ""


def test_closing_a_window_waits_for_work_in_progress(qtbot, terminal):
    import threading
    from cashier_desktop.ui.ops import Op
    window = log_in(qtbot, terminal, "C100", "1111")
    release, done = threading.Event(), []
    Op(parent=window, work=lambda s: release.wait(10), lane="posting").success(done.append).run()
    window.close()
    qtbot.wait(50)
    assert window.isVisible() and "Waiting" in window.status_bar.currentMessage()
    release.set()
    wait_until(qtbot, lambda: not window.isVisible(), what="closed after the work finished")
    assert done == [True]


def test_f2_finds_a_player_from_anywhere_in_the_counter(qtbot, terminal, player):
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    tab.recent.setFocus()  # focus deep inside the counter tab
    activate(qtbot, window)
    qtbot.keyClick(tab.recent, Qt.Key_F2)
    assert tab.search.line.hasFocus()


def test_without_an_open_shift_nothing_can_be_posted_and_the_screen_says_so(qtbot, terminal, player):
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)
    assert tab.dialog is None
    assert "No shift is open" in tab.message.text() and tab.message.is_refusal()

    # Once a shift is open the refusal's cause is gone: the line confirms the open instead.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier)
    wait_until(qtbot, lambda: window.dialog is not None and window.dialog.isVisible(), what="open-shift dialog")
    window.dialog.grid.set_pieces({"500": 2})
    qtbot.keyClick(window.dialog.grid.quantities[0], Qt.Key_Return)
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift opened")
    assert "No shift is open" not in tab.message.text() and not tab.message.is_refusal()
    assert "₹1,000.00" in tab.message.text()


def test_a_ledger_refusal_is_cleared_when_the_ledger_is_back(qtbot, terminal):
    from cashier_desktop.ui import messages
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    tab.show_message(messages.LEDGER_UNAVAILABLE, error=True)
    terminal.ctx.status.set_online(False, "cut")
    assert tab.message.text() == messages.LEDGER_UNAVAILABLE and tab.message.is_refusal()
    terminal.ctx.status.set_online(True)
    assert tab.message.text() == ""


def test_after_a_refusal_the_same_dialog_posts_under_a_new_id(qtbot, terminal, engine, terminal_id, player):
    """A refusal is final for its posting id: pressing Enter again (the player has the money
    now) is a new posting with a new id, and the refused id never reaches the ledger."""
    from sqlalchemy import text

    from tests.support.counter import post_at_terminal
    from tests.support.factories import cmd
    open_test_shift(engine, terminal_id, "C100", "1000")  # the drawer can pay the ₹500 (0023)
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    qtbot.keyClick(tab, Qt.Key_F6)
    dialog = active_dialog(qtbot, tab)
    first_id = dialog.posting_id
    qtbot.keyClicks(dialog.amount.edit, "500")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "cannot take" in dialog.problem.text(), what="refusal")
    assert dialog.posting_id != first_id
    post_at_terminal(engine, cmd("deposit", player, "1000"))  # at another counter
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    active_dialog(qtbot, tab, "receipt_dialog")
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text(
            "SELECT id FROM ledger_transactions WHERE player_id = :p AND kind = 'withdrawal'"), {"p": player})]
    assert ids == [dialog.posting_id] and first_id not in ids


def test_a_withdrawal_the_drawer_cannot_hold_is_one_sentence_in_the_dialog_and_posts_nothing(
        qtbot, terminal, engine, terminal_id, player):
    """The database refuses a payout beyond the drawer (0023): the window shows its sentence
    (no drawer figure: the count stays blind) and nothing reaches the ledger."""
    from sqlalchemy import text

    from tests.support.counter import post_at_terminal
    from tests.support.factories import cmd
    open_test_shift(engine, terminal_id, "C100", "200")
    post_at_terminal(engine, cmd("deposit", player, "1000"))  # at another counter
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    qtbot.keyClick(tab, Qt.Key_F6)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "500")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "The drawer cannot pay out ₹500.00" in dialog.problem.text(), what="refusal")
    assert "Request a fill from the main bank" in dialog.problem.text() and "200" not in dialog.problem.text()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p AND kind = "
                                 "'withdrawal'"), {"p": player}).scalar() == 0
