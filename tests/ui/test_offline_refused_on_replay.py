"""A deposit taken offline that the ledger refuses when it is replayed (the operator lowered the
terminal login's offline allowance meanwhile) is never hidden: the cashier's Recent row says
refused, not pending; the status bar counts it in the refusal look; the counter's sentence says
the cash is in the drawer and not on the account; the shift close warns; the supervisor's
monitor names the terminal. Real database, the terminal at its own login."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text
from sqlalchemy.engine import make_url

from cashier_desktop.config import load_config
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.terminal.services import open_journal
from cashier_desktop.ui.app import Terminal
from tests.support.tcp_proxy import TcpProxy
from tests.support.shifts import open_test_shift
from tests.ui.conftest import (activate, active_dialog, find_player, log_in, make_services, terminal_login_url,
                               wait_until)


def _proxied(ledger, terminal_id, tmp_path, **allowance):
    url, engine = ledger
    u = make_url(url)
    proxy = TcpProxy(u.host or "127.0.0.1", u.port or 5432)
    proxied_url = terminal_login_url(u.set(port=proxy.port).render_as_string(hide_password=False), terminal_id,
                                     **allowance)
    proxied_engine = make_engine(proxied_url, pool_size=2, connect_timeout=2)
    open_test_shift(engine, terminal_id, "C100", "0")
    services = make_services(proxied_url, proxied_engine, terminal_id,
                             CASHIER_JOURNAL=str(tmp_path / "journal.sqlite"))
    open_journal(services)
    return services, proxy


@pytest.fixture
def proxied(ledger, terminal_id, tmp_path):
    """As tests/ui/test_offline.py: the terminal login may journal offline up to its caps."""
    caps = load_config(env={"CASHIER_TERMINAL_ID": terminal_id})
    services, proxy = _proxied(ledger, terminal_id, tmp_path, offline_limit=caps["offline.deposit_cap"],
                               offline_total=caps["offline.shift_cap"])
    yield services, proxy
    services.close()
    proxy.close()


@pytest.fixture
def proxied_no_allowance(ledger, terminal_id, tmp_path):
    """The terminal login made without --offline-limit: the ledger would replay nothing."""
    services, proxy = _proxied(ledger, terminal_id, tmp_path)
    yield services, proxy
    services.close()
    proxy.close()


def test_a_login_without_an_offline_allowance_is_refused_at_the_counter_with_the_logins_sentence(
        qtbot, qapp, proxied_no_allowance, engine, player):
    services, proxy = proxied_no_allowance
    terminal = Terminal(services, replay_interval=0.2)
    try:
        terminal.login.show()
        window = log_in(qtbot, terminal, "C100", "1111")
        tab = window.cashier
        find_player(qtbot, window, player)
        proxy.refuse()
        activate(qtbot, tab)
        qtbot.keyClick(tab, Qt.Key_F5)
        dialog = active_dialog(qtbot, tab)
        qtbot.keyClicks(dialog.amount.edit, "2500")  # well within the configured ₹50,000 cap
        qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
        wait_until(qtbot, lambda: dialog.problem.is_refusal(), timeout=15, what="the refusal")
        assert "database login allows no offline postings" in dialog.problem.text()
        assert tab.receipt_dialog is None  # no OFFLINE — PENDING receipt for cash the ledger would refuse
        assert services.local.journal.pending() == []
        wait_until(qtbot, lambda: window.status_bar.pending.text() == "Pending: 0", what="nothing pending shown")
        proxy.accept()
    finally:
        terminal.close()
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("0.00")


def test_a_deposit_refused_on_replay_is_shown_refused_counted_warned_at_close_and_seen_by_the_supervisor(
        qtbot, qapp, proxied, engine, player, terminal_id):
    services, proxy = proxied
    terminal = Terminal(services, replay_interval=0.2)
    try:
        terminal.login.show()
        window = log_in(qtbot, terminal, "C100", "1111")
        tab = window.cashier
        find_player(qtbot, window, player)
        assert "Refused" not in window.status_bar.pending.text()

        proxy.refuse()
        proxy.cut()
        activate(qtbot, tab)
        qtbot.keyClick(tab, Qt.Key_F5)
        dialog = active_dialog(qtbot, tab)
        qtbot.keyClicks(dialog.amount.edit, "2500")
        qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
        receipt = active_dialog(qtbot, tab, "receipt_dialog")
        assert "OFFLINE — PENDING" in receipt.plain_text()
        qtbot.keyClick(receipt, Qt.Key_Escape)
        wait_until(qtbot, lambda: window.status_bar.pending.text() == "Pending: 1", what="pending shown")

        with engine.begin() as conn:  # the operator lowers the allowance while the terminal is offline
            conn.execute(text("UPDATE cage.terminal_logins SET offline_limit = 0, offline_total = 0 "
                              "WHERE terminal_id = :t"), {"t": terminal_id})
        proxy.accept()
        bar = window.status_bar
        wait_until(qtbot, lambda: bar.pending.text() == "Pending: 0 · ✖ Refused: 1", timeout=20,
                   what="refused counted, nothing pending")
        assert bar.pending.property("state") == "bad"
        row = tab.recent.item(0, 1).text()
        assert "REFUSED" in row and "(pending)" not in row and tab.recent.item(0, 2).text() == "₹2,500.00"
        assert tab.recent.item(0, 1).toolTip()  # the ledger's own sentence
        assert tab.message.is_refusal()
        assert "₹2,500.00" in tab.message.text() and "not on the player's account" in tab.message.text()
        assert "call a supervisor" in tab.message.text()
        assert get_balance(engine, player, currency="INR").cash.amount == Decimal("0.00")
        qtbot.keyClick(tab, Qt.Key_R, Qt.ControlModifier)  # no receipt for a refused posting: its sentence
        activate(qtbot, tab)
        tab.recent.selectRow(0)
        tab.reprint()
        assert tab.receipt_dialog is None or not tab.receipt_dialog.isVisible()
        assert "not on the player's account" in tab.message.text()

        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)
        wait_until(qtbot, lambda: window.dialog is not None and window.dialog.isVisible(), what="close dialog")
        warning = window.dialog.refused_warning
        assert warning.isVisible() and warning.is_refusal()
        assert "₹2,500.00" in warning.text() and "Call a supervisor before closing" in warning.text()
        qtbot.keyClick(window.dialog, Qt.Key_Escape)
        wait_until(qtbot, lambda: window.dialog is None, what="close dialog closed")

        terminal.beat()  # the heartbeat carries the count to the dashboard
        qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier | Qt.ShiftModifier)
        wait_until(qtbot, lambda: terminal.login.isVisible(), what="logged out")
        supervisor = log_in(qtbot, terminal, "S300", "3333")
        supervisor.tabs.setCurrentWidget(supervisor.monitor)
        figure = supervisor.monitor.figures["terminals"]
        # The figure names the worst terminal (the suite's shared ledger may hold others with
        # refusals); its tooltip lists every terminal, one line each.
        ours = f"{terminal_id} online (0 pending) ✖ 1 REFUSED on replay"
        wait_until(qtbot, lambda: ours in figure.toolTip().split("\n"), timeout=20,
                   what="the monitor names the terminal")
        assert "REFUSED on replay" in figure.text()

        # A supervisor resolves it (`journal resolve`, another process): the next heartbeat
        # clears the counter on the terminal and on the monitor.
        entry_id = services.local.link.status().refused[0].id
        services.local.journal.resolve(entry_id, "S300", "cash handed back to the player")
        terminal.beat()
        wait_until(qtbot, lambda: supervisor.status_bar.pending.text() == "Pending: 0", what="counter cleared")
        wait_until(qtbot, lambda: f"{terminal_id} online (0 pending)" in figure.toolTip().split("\n"),
                   timeout=20, what="monitor cleared")
    finally:
        terminal.close()
