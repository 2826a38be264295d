"""Never frozen: with every packet to the ledger delayed, the GUI thread keeps its timers."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from sqlalchemy.engine import make_url

from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ui.app import Terminal
from tests.support.factories import make_player
from tests.support.shifts import open_test_shift
from tests.support.tcp_proxy import TcpProxy
from tests.ui.conftest import activate, active_dialog, log_in, make_services, terminal_login_url, wait_until

DELAY = 0.08  # per chunk, each way: every round trip to the ledger takes 160 ms or more


class LatenessProbe:
    """A 10 ms timer on the GUI thread that records how late each tick fires."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=10, timerType=Qt.PreciseTimer, timeout=self._tick)
        self.worst_ms = 0.0
        self.ticks = 0
        self._last = None

    def start(self) -> None:
        self.clock.start()
        self._last = self.clock.elapsed()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst_ms = max(self.worst_ms, now - self._last - 10)
        self._last = now
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def slow_terminal(qapp, ledger, terminal_id):
    url, engine = ledger
    u = make_url(url)
    proxy = TcpProxy(u.host or "127.0.0.1", u.port or 5432, delay=DELAY)
    slow_url = terminal_login_url(u.set(port=proxy.port).render_as_string(hide_password=False), terminal_id)
    slow_engine = make_engine(slow_url, pool_size=4)
    services = make_services(slow_url, slow_engine, terminal_id)
    open_test_shift(engine, terminal_id, "C100", "0")
    term = Terminal(services)
    term.login.show()
    yield term, proxy
    term.close()
    slow_engine.dispose()
    proxy.close()


def _one_round(qtbot, window, player: str) -> tuple[LatenessProbe, float]:
    """Search as you type, pick, deposit, read the receipt, with the probe running."""
    tab = window.cashier
    probe = LatenessProbe()
    activate(qtbot, window)
    probe.start()
    tab.search.line.setFocus()
    tab.search.line.clear()
    for ch in player:
        qtbot.keyClick(tab.search.line, ch)
        qtbot.wait(30)
    qtbot.keyClick(tab.search.line, Qt.Key_Return)
    wait_until(qtbot, lambda: tab.panel.player_id == player, timeout=30, what="player shown")
    wait_until(qtbot, lambda: tab.ctx.runner.in_flight == 0, timeout=30, what="player loaded")
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "1500")
    started = time.monotonic()
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    took = time.monotonic() - started
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹1,500.00", timeout=30, what="balance")
    probe.stop()
    assert "₹1,500.00" in receipt.plain_text()
    receipt.accept()
    return probe, took


def test_the_gui_thread_is_never_late_by_more_than_100_ms_while_the_ledger_is_slow(qtbot, slow_terminal,
                                                                                   engine):
    """Every round trip to the ledger costs at least 160 ms here, so one ledger call on the GUI
    thread makes the probe late by that much in every round. A second round is allowed only to
    tell a busy shared machine (a one-off scheduling stall) from such a call, which repeats."""
    terminal, proxy = slow_terminal
    window = log_in(qtbot, terminal, "C100", "1111")
    rounds = []
    for _ in range(2):
        probe, took = _one_round(qtbot, window, make_player(engine, name="Slow Lane"))
        # A deposit is one round trip to the ledger (tests/ui/test_round_trips.py): at least
        # one delayed each way, or the ledger was not slow and the test proves nothing.
        assert took > 2 * DELAY, "the ledger was not slow: the test proves nothing"
        assert probe.ticks > 50
        rounds.append(probe.worst_ms)
        if probe.worst_ms < 100:
            break
    assert min(rounds) < 100, f"GUI thread late by {rounds} ms in every round"
