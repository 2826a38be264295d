"""The ledger goes away mid-shift: the banner cannot be missed, a deposit is taken offline with a
receipt that says so, and everything goes out by itself when the ledger is back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url

from cashier_desktop.config import load_config
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.terminal.services import open_journal
from cashier_desktop.ui.app import Terminal
from tests.support.tcp_proxy import TcpProxy
from tests.support.shifts import open_test_shift
from tests.ui.conftest import (activate, active_dialog, find_player, log_in, make_services, terminal_login_url,
                               wait_until)


@pytest.fixture
def proxied(ledger, terminal_id, tmp_path):
    """Services whose every connection to the ledger goes through a proxy the test can cut,
    as the terminal login bound to `terminal_id`. As a journaling terminal's login is made,
    it may journal offline up to the terminal's own caps (`add-login --offline-limit
    <offline.deposit_cap> --offline-total <offline.shift_cap>`): without that allowance the
    ledger refuses every offline posting when it is replayed."""
    url, engine = ledger
    u = make_url(url)
    proxy = TcpProxy(u.host or "127.0.0.1", u.port or 5432)
    caps = load_config(env={"CASHIER_TERMINAL_ID": terminal_id})
    proxied_url = terminal_login_url(u.set(port=proxy.port).render_as_string(hide_password=False), terminal_id,
                                     offline_limit=caps["offline.deposit_cap"], offline_total=caps["offline.shift_cap"])
    proxied_engine = make_engine(proxied_url, pool_size=2, connect_timeout=2)
    open_test_shift(engine, terminal_id, "C100", "0")
    services = make_services(proxied_url, proxied_engine, terminal_id,
                             CASHIER_JOURNAL=str(tmp_path / "journal.sqlite"))
    open_journal(services)
    yield services, proxy
    services.close()
    proxy.close()


def test_offline_deposit_is_pending_then_posted_when_the_ledger_is_back(qtbot, qapp, proxied, engine, player):
    services, proxy = proxied
    terminal = Terminal(services, replay_interval=0.2)
    try:
        terminal.login.show()
        window = log_in(qtbot, terminal, "C100", "1111")
        tab = window.cashier
        find_player(qtbot, window, player)
        assert not window.banner.isVisible()
        assert window.status_bar.ledger.text() == "Ledger: ONLINE"

        proxy.refuse()
        proxy.cut()
        activate(qtbot, tab)
        qtbot.keyClick(tab, Qt.Key_F5)
        dialog = active_dialog(qtbot, tab)
        qtbot.keyClicks(dialog.amount.edit, "2500")
        qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
        receipt = active_dialog(qtbot, tab, "receipt_dialog")
        text = receipt.plain_text()
        assert "OFFLINE — PENDING" in text and "₹2,500.00" in text and receipt.view.number in text
        wait_until(qtbot, lambda: window.banner.isVisible(), what="offline banner")
        assert "OFFLINE" in window.banner.text()
        assert window.status_bar.ledger.text() == "Ledger: OFFLINE"
        wait_until(qtbot, lambda: window.status_bar.pending.text() == "Pending: 1", what="pending shown")
        assert not tab.buttons[Kind.MARKER_ISSUE].isEnabled()  # never credit offline
        qtbot.keyClick(receipt, Qt.Key_Escape)
        # The confirmation stays (no red sentence replaces it) and the posting is in Recent.
        wait_until(qtbot, lambda: tab.recent.rowCount() >= 1, what="pending row")
        assert "taken offline — pending" in tab.message.text() and not tab.message.is_refusal()
        assert "(pending)" in tab.recent.item(0, 1).text() and tab.recent.item(0, 2).text() == "₹2,500.00"

        proxy.accept()
        wait_until(qtbot, lambda: not window.banner.isVisible(), timeout=20, what="back online")
        wait_until(qtbot, lambda: window.status_bar.pending.text() == "Pending: 0", what="nothing pending")
        assert get_balance(engine, player, currency="INR").cash.amount == Decimal("2500.00")
        wait_until(qtbot, lambda: tab.recent.rowCount() >= 1 and "(pending)" not in tab.recent.item(0, 1).text(),
                   what="the posted row replaces the pending one")
    finally:
        terminal.close()


def test_a_cashier_who_logged_in_here_before_can_log_in_while_offline(qtbot, qapp, proxied):
    services, proxy = proxied
    terminal = Terminal(services, replay_interval=0.2)
    try:
        terminal.login.show()
        window = log_in(qtbot, terminal, "C100", "1111")
        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier | Qt.ShiftModifier)
        wait_until(qtbot, lambda: terminal.login.isVisible(), what="logged out")
        proxy.refuse()
        proxy.cut()
        login = terminal.login
        qtbot.keyClicks(login.staff_id, "F200")  # never logged in on this terminal
        qtbot.keyClick(login.staff_id, Qt.Key_Return)
        qtbot.keyClicks(login.pin, "2222")
        qtbot.keyClick(login.pin, Qt.Key_Return)
        wait_until(qtbot, lambda: "only staff who have logged in" in login.problem.text(), what="refusal")
        wait_until(qtbot, lambda: login.findChild(type(window.banner)).isVisible(), what="banner on login")
        login.staff_id.clear()
        login.pin.clear()
        qtbot.keyClicks(login.staff_id, "C100")
        qtbot.keyClick(login.staff_id, Qt.Key_Return)
        qtbot.keyClicks(login.pin, "1111")
        qtbot.keyClick(login.pin, Qt.Key_Return)
        wait_until(qtbot, lambda: len(terminal.windows) == 1 or "Checking" not in login.problem.text(),
                   what="answer")
        assert terminal.windows, login.problem.text()
        window = terminal.windows[-1]
        assert window.banner.isVisible() and window.status_bar.ledger.text() == "Ledger: OFFLINE"
    finally:
        terminal.close()
