"""GUI test fixtures: a real terminal (services around a real test database), real widgets.

Each test gets its own terminal id (shifts are per terminal) and fresh players; the
session's database is shared, so nothing here assumes an empty ledger.
"""

from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashier_desktop.config import load_config
from cashier_desktop.terminal.services import Services
from tests.support.factories import make_player


def make_services(url: str, engine, terminal_id: str, **env) -> Services:
    values = {"CASHIER_TERMINAL_ID": terminal_id, "CASHIER_DATABASE_URL": url,
              "CASHIER_TERMINAL_DATA_DIR": "/tmp/cashier-ui-tests"}
    values.update({k: str(v) for k, v in env.items()})
    return Services(config=load_config(env=values), engine=engine)


@pytest.fixture
def terminal_id() -> str:
    return f"T-UI-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def services(ledger, terminal_id):
    url, engine = ledger
    return make_services(url, engine, terminal_id)


@pytest.fixture
def terminal(qapp, services):
    from cashier_desktop.ui.app import Terminal, apply_style
    apply_style(qapp)
    term = Terminal(services)
    term.login.show()
    yield term
    term.close()


@pytest.fixture
def player(engine) -> str:
    return make_player(engine, name="Meera Nair")


def wait_until(qtbot, condition, timeout: float = 10.0, what: str = "condition") -> None:
    """Let the event loop run until `condition()` holds (no sleeping in place of waiting)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        qtbot.wait(10)


def log_in(qtbot, terminal, staff_id: str, pin: str):
    """Type a staff id and PIN into the login window as a person would; returns the window."""
    login = terminal.login
    before = len(terminal.windows)
    login.staff_id.setFocus()
    qtbot.keyClicks(login.staff_id, staff_id)
    qtbot.keyClick(login.staff_id, Qt.Key_Return)
    qtbot.keyClicks(login.pin, pin)
    qtbot.keyClick(login.pin, Qt.Key_Return)
    wait_until(qtbot, lambda: len(terminal.windows) > before,
               what=f"{staff_id} logged in")
    window = terminal.windows[-1]
    qtbot.waitExposed(window)
    return window


def activate(qtbot, widget) -> None:
    """Make the widget's window the active one, as a window manager does after a dialog closes
    (the offscreen platform does not), so its shortcuts (F2, F5, Ctrl+O…) reach it."""
    window = widget.window()
    window.activateWindow()
    wait_until(qtbot, lambda: QApplication.activeWindow() is window, what="window active")


def find_player(qtbot, window, player_id: str) -> None:
    """F2, type the id, Enter: the player is on the panel."""
    tab = window.cashier
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_F2)
    qtbot.keyClicks(tab.search.line, player_id)
    qtbot.keyClick(tab.search.line, Qt.Key_Return)
    wait_until(qtbot, lambda: tab.panel.player_id == player_id, what=f"player {player_id} shown")


def amount(text: str) -> Decimal:
    return Decimal(text)


def active_dialog(qtbot, tab, attr: str = "dialog"):
    wait_until(qtbot, lambda: getattr(tab, attr, None) is not None and getattr(tab, attr).isVisible(),
               what=f"{attr} open")
    return getattr(tab, attr)


@contextmanager
def own_terminal(qapp, fresh_ledger, terminal_id: str, language: str):
    """A terminal in `language` on a database of its own (only its test's data on screen);
    English again afterwards. Yields (terminal, engine, services)."""
    from cashier_desktop.ui.app import Terminal, apply_style
    from cashier_desktop.ui.i18n import set_language
    url, engine = fresh_ledger
    set_language(language)
    apply_style(qapp)
    services = make_services(url, engine, terminal_id)
    term = Terminal(services)
    term.login.show()
    try:
        yield term, engine, services
    finally:
        term.close()
        set_language("en")
