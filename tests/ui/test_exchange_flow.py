"""Currency exchange at the counter, by keys, at a terminal login the database binds (an
exchange is refused to any other login): F4, the amount, the rate and the local figure
shown, Enter; the receipt in both currencies; a rate changed since the quote; a second PIN
above the cashier's authority; the player's ID over the reporting threshold."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.ledger import authority, exchange as fx
from cashier_desktop.ledger.db import make_engine
from tests.support.databases import login_url
from tests.support.factories import make_player
from tests.support.logins import add_staff_member, staff_session
from tests.support.drawer_fills import fill_drawer
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, active_dialog, find_player, log_in, make_services, wait_until


@pytest.fixture
def counter(qapp, ledger, tmp_path):
    """A GUI terminal at its own bound terminal login with an open shift (float ₹1,00,000);
    yields (terminal, login engine, owner engine)."""
    from cashier_desktop.ui.app import Terminal, apply_style
    url, owner = ledger
    terminal_id = f"T-FX-{uuid.uuid4().hex[:6]}"
    login = login_url(url, "terminal", terminal_id=terminal_id)
    engine = make_engine(login, pool_size=2)
    open_test_shift(owner, terminal_id, "C100", "100000")
    services = make_services(login, engine, terminal_id, CASHIER_JOURNAL=str(tmp_path / "journal.sqlite"))
    apply_style(qapp)
    term = Terminal(services, replay_interval=3600)
    term.login.show()
    yield term, engine, owner
    term.close()
    services.close()
    engine.dispose()


def hand_drawer_to(engine, term, staff_id: str, pin: str) -> None:
    """Set-up at the terminal's login: C100 hands the fixture's drawer over to `staff_id`, who
    then posts into a shift of their own (only the shift's cashier posts into it, 0021)."""
    from cashier_desktop.ledger.handover import hand_over
    from cashier_desktop.ledger.shifts import find_open_shift
    from tests.support.logins import staff_session
    shift = find_open_shift(engine, term.ctx.terminal_id)
    hand_over(engine, shift_id=shift.id, outgoing_session=staff_session(engine, "C100", "1111"),
              incoming_session=staff_session(engine, staff_id, pin), outgoing_counted=Decimal("100000"),
              outgoing_count=None, incoming_counted=Decimal("100000"), incoming_count=None)


def _set_rate(engine, buy: str, sell: str, currency: str = "USD") -> int:
    return fx.set_rate(engine, staff_session(engine, "S300", "3333"), currency, Decimal(buy), Decimal(sell))


def _open_exchange(qtbot, window, amount: str, currency: str = "USD"):
    tab = window.cashier
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_F4)
    dialog = active_dialog(qtbot, tab)
    wait_until(qtbot, lambda: dialog.currency.findData(currency) >= 0, what="rates loaded")
    qtbot.keyClick(dialog, Qt.Key_C, Qt.AltModifier)  # &Currency, then the arrow keys
    assert dialog.focusWidget() is dialog.currency
    qtbot.keyClick(dialog.currency, Qt.Key_Home)
    while dialog.currency.currentData() != currency:
        before = dialog.currency.currentIndex()
        qtbot.keyClick(dialog.currency, Qt.Key_Down)
        assert dialog.currency.currentIndex() != before, f"{currency} not reachable by the arrow keys"
    qtbot.keyClick(dialog, Qt.Key_A, Qt.AltModifier)  # Foreign &amount: the field hands focus to its edit
    assert dialog.focusWidget() is dialog.amount.edit
    qtbot.keyClicks(dialog.amount.edit, amount)
    return dialog


def _exchanges(owner, player: str) -> list[tuple]:
    with owner.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT direction, foreign_amount, local_amount, rate, approver_id, id_type FROM fx_exchanges "
            "WHERE player_id = :p ORDER BY seq"), {"p": player})]


def test_an_exchange_by_keys_shows_the_rate_and_figure_and_prints_both_currencies(qtbot, counter):
    term, engine, owner = counter
    _set_rate(engine, "83.123456", "84.981234")
    player = make_player(owner, name="Leela Bose")
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "100.01")
    assert "1 USD = ₹83.123456" in dialog.rate_line.text()
    assert dialog.quote.text() == "The player gets ₹8,313.17 for $100.01."  # 8313.1768… paid down
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    tab = window.cashier
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    printed = receipt.plain_text()
    for line in ("Currency exchange", "Player buys INR with USD", "Received from the player: $100.01",
                 "Paid to the player: ₹8,313.17", "Rate: 1 USD = ₹83.123456", f"Player: {player} Leela Bose",
                 "Cashier: Asha Rao (C100)"):
        assert line in printed, (line, printed)
    assert "posted" in tab.message.text() and "$100.01" in tab.message.text()
    assert _exchanges(owner, player) == [("buy", Decimal("100.01"), Decimal("8313.17"), Decimal("83.123456"),
                                          None, None)]
    qtbot.keyClick(receipt, Qt.Key_Escape)
    # selling: the cage is paid, rounded up
    dialog = _open_exchange(qtbot, window, "10.01")
    qtbot.keyClick(dialog, Qt.Key_D, Qt.AltModifier)  # &Direction, then the arrow keys
    assert dialog.focusWidget() is dialog.direction
    while dialog.direction.currentData() != "sell":
        before = dialog.direction.currentIndex()
        qtbot.keyClick(dialog.direction, Qt.Key_Down)
        assert dialog.direction.currentIndex() != before, "selling not reachable by the arrow keys"
    qtbot.keyClick(dialog, Qt.Key_A, Qt.AltModifier)
    assert dialog.quote.text() == "The player pays ₹850.67 for $10.01."  # 850.662… paid up
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    assert "Player buys USD with INR" in receipt.plain_text()
    assert "Received from the player: ₹850.67" in receipt.plain_text()
    assert _exchanges(owner, player)[-1][:3] == ("sell", Decimal("10.01"), Decimal("850.67"))


def test_a_rate_changed_after_the_quote_is_refused_and_the_new_one_shown(qtbot, counter):
    term, engine, owner = counter
    _set_rate(engine, "90", "92", "EUR")
    player = make_player(owner)
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "100", "EUR")
    assert dialog.quote.text() == "The player gets ₹9,000.00 for €100.00."
    _set_rate(engine, "91", "93", "EUR")  # while the player is being quoted
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "rate changed since it was quoted" in dialog.problem.text(), what="refusal")
    assert _exchanges(owner, player) == []
    wait_until(qtbot, lambda: dialog.quote.text() == "The player gets ₹9,100.00 for €100.00.", what="new quote")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    active_dialog(qtbot, window.cashier, "receipt_dialog")
    assert _exchanges(owner, player) == [("buy", Decimal("100.00"), Decimal("9100.00"), Decimal("91.000000"),
                                          None, None)]


def test_above_the_cashiers_authority_a_second_pin_and_above_the_threshold_the_players_id(qtbot, counter):
    term, engine, owner = counter
    _set_rate(engine, "83", "84")
    cashier = f"C{uuid.uuid4().hex[:6]}"  # a limit on C100 would reach the session's other tests
    add_staff_member(owner, cashier, "cashier", "5555")
    authority.set_limit(engine, session=staff_session(engine, "S300", "3333"), staff_id=cashier, kind="exchange",
                        limit=Decimal("5000"), reason="new starter")
    player = make_player(owner)
    hand_drawer_to(engine, term, cashier, "5555")  # their own drawer: only its cashier exchanges in it
    fill_drawer(engine, staff_session(engine, cashier, "5555"), "1000000")  # it pays out ₹10,87,300 (0023)
    window = log_in(qtbot, term, cashier, "5555")
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "100")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.approver_box.isVisible(), what="second PIN asked")
    assert "second person must approve" in dialog.problem.text()
    assert dialog.approver_id.hasFocus()
    qtbot.keyClicks(dialog.approver_id, "F200")
    qtbot.keyClick(dialog.approver_id, Qt.Key_Tab)
    qtbot.keyClicks(dialog.approver_pin, "2222")
    qtbot.keyClick(dialog.approver_pin, Qt.Key_Return)
    receipt = active_dialog(qtbot, window.cashier, "receipt_dialog")
    assert "Approved by: F200" in receipt.plain_text()
    qtbot.keyClick(receipt, Qt.Key_Escape)
    # USD 13,000 × 83 = ₹10,79,000, over the ₹10,00,000 reporting threshold: the ID is asked
    authority.set_limit(engine, session=staff_session(engine, "S300", "3333"), staff_id=cashier, kind="exchange",
                        limit=None, reason="probation over")
    dialog = _open_exchange(qtbot, window, "13000")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.id_box.isVisible(), what="ID asked")
    assert "identification" in dialog.problem.text()
    dialog.id_type.setCurrentIndex(dialog.id_type.findData("Passport"))
    dialog.id_number.setFocus()
    qtbot.keyClicks(dialog.id_number, "P1234567")
    qtbot.keyClick(dialog.id_number, Qt.Key_Return)
    active_dialog(qtbot, window.cashier, "receipt_dialog")
    assert [(r[0], r[2], r[4], r[5]) for r in _exchanges(owner, player)] == [
        ("buy", Decimal("8300.00"), "F200", None), ("buy", Decimal("1079000.00"), None, "Passport")]


def test_enter_pressed_twice_exchanges_once(qtbot, counter):
    term, engine, owner = counter
    _set_rate(engine, "83", "84")
    player = make_player(owner)
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "250")
    exchange_id = dialog.exchange_id
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)  # while the first is on its way
    dialog.submit()  # and once more, as a stuck key would
    receipt = active_dialog(qtbot, window.cashier, "receipt_dialog")
    assert str(exchange_id) in receipt.plain_text()
    wait_until(qtbot, lambda: term.ctx.runner.in_flight == 0, what="no work in flight")  # a second Enter's, if any
    assert _exchanges(owner, player) == [("buy", Decimal("250.00"), Decimal("20750.00"), Decimal("83.000000"),
                                          None, None)]


def test_without_a_player_a_large_exchange_asks_for_the_player_not_an_id(qtbot, counter):
    term, engine, owner = counter
    _set_rate(engine, "83", "84")
    window = log_in(qtbot, term, "C100", "1111")  # no player on the panel
    dialog = _open_exchange(qtbot, window, "7000")  # ₹5,81,000: at or above the MTL threshold
    assert "no player named" in dialog.findChild(type(dialog.rate_line), "dialogTitle").text()
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "must name the player" in dialog.problem.text(), what="refusal")
    assert not dialog.id_box.isVisible() and dialog.isVisible()


def test_an_exchange_receipt_is_reprinted_from_the_shifts_exchanges(qtbot, counter):
    term, engine, owner = counter
    _set_rate(engine, "83", "84")
    player = make_player(owner, name="Ravi Menon")
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "50")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    tab = window.cashier
    first = active_dialog(qtbot, tab, "receipt_dialog")
    exchange_id = str(first.exchange.id)
    qtbot.keyClick(first, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.receipt_dialog is None, what="receipt closed")
    activate(qtbot, tab)
    tab.buttons[next(iter(tab.buttons))].setFocus()
    qtbot.keyClick(tab, Qt.Key_X, Qt.ControlModifier | Qt.ShiftModifier)
    listing = active_dialog(qtbot, tab)
    wait_until(qtbot, lambda: listing.table.rowCount() == 1, what="the shift's exchanges")
    assert listing.table.item(0, 6).text() == exchange_id and listing.table.item(0, 3).text() == "₹4,150.00"
    qtbot.keyClick(listing.table, Qt.Key_Return)
    again = active_dialog(qtbot, tab, "receipt_dialog")
    printed = again.plain_text()
    assert "REPRINT" in printed and "Asha Rao (C100)" in printed and f"Exchange id: {exchange_id}" in printed
    assert "Paid to the player: ₹4,150.00" in printed


def test_an_exchange_the_drawer_cannot_pay_is_one_sentence_in_the_dialog(qtbot, counter):
    """Dollars the drawer never took in this shift, and more rupees than its ₹1,00,000 float
    (0023): the database's sentence in the dialog, nothing exchanged."""
    term, engine, owner = counter
    _set_rate(engine, "83", "84")
    player = make_player(owner)
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "50")
    dialog.direction.setCurrentIndex(dialog.direction.findData("sell"))
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "The drawer cannot pay out $50.00" in dialog.problem.text(), what="refusal")
    dialog.direction.setCurrentIndex(dialog.direction.findData("buy"))
    dialog.amount.edit.clear()
    qtbot.keyClicks(dialog.amount.edit, "1300")  # ₹1,07,900 out of a ₹1,00,000 drawer
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: "The drawer cannot pay out ₹1,07,900.00" in dialog.problem.text(), what="refusal")
    assert "Request a fill from the main bank" in dialog.problem.text()
    assert _exchanges(owner, player) == []
