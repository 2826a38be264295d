"""GUI test fixtures: a real terminal (services around a real test database), real widgets.

Each test gets its own terminal id (shifts are per terminal) and fresh players; the
session's database is shared, so nothing here assumes an empty ledger.

The terminal's services connect as in production: as the terminal login bound to the test's
terminal id (`db create-roles` + `add-login --terminal-id`), so the database decides every
posting, shift, credit decision and correction the GUI makes as it does at a real counter
(issue 20); terminal services on the superuser's engine are refused in every GUI test.

Set-up says whose it is. What other counters do (a shift with a variance, a credit request,
a supervisor's revert, a deposit elsewhere) is made at their own terminal logins
(`other_counter.py`, `tests/support/counter.post_at_terminal`). What no terminal can do is
made with the `engine` fixture, the superuser, through named helpers: players
(`make_player`), a shift already open (`open_test_shift`), a ledger in a state
(`post_as_owner`), an incident written by hand. The superuser also inspects; it is never
the terminal's.
"""

from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import Engine, make_url

from cashier_desktop.config import load_config
from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.receipts import Receipt
from cashier_desktop.ledger.api_tables import bound_terminal
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.terminal.services import Services
from tests.support.databases import is_admin, login_url
from tests.support.factories import make_player

# Engines `make_services` made for a test; disposed when it ends (the server is shared).
_made_engines: list[Engine] = []


def terminal_login_url(url: str, terminal_id: str, **offline) -> str:
    """The URL of the terminal login bound to `terminal_id` on the database of `url` (made
    on first use, shared by that database's tests), through `url`'s host and port: a
    proxy's URL gives the login's URL through that proxy.

    With `offline_limit=`/`offline_total=` it is a login of its own that may journal offline
    postings up to those (`add-login --offline-limit/--offline-total`), as a journaling
    terminal's login is made."""
    login = make_url(login_url(url, "terminal", terminal_id=terminal_id, **offline))
    return make_url(url).set(drivername=login.drivername, username=login.username,
                             password=login.password).render_as_string(hide_password=False)


def make_services(url: str, engine: Engine, terminal_id: str, **env) -> Services:
    """A terminal's services for `terminal_id`, connected as its bound terminal login.

    `url`/`engine` name the database: the superuser's (the login's engine is made here,
    through `url`'s host and port) or an engine already connected as the login bound to
    `terminal_id` (used as it is). `env` adds configuration (`CASHIER_*` variables).
    Anything else is refused: a GUI test never runs its terminal as the superuser."""
    if is_admin(engine):
        url = terminal_login_url(url, terminal_id)
        engine = make_engine(url, pool_size=3)
        _made_engines.append(engine)
    bound = bound_terminal(engine)
    if bound != terminal_id:
        raise ValueError(f"the terminal's engine must be the login bound to {terminal_id}, not {bound!r}")
    values = {"CASHIER_TERMINAL_ID": terminal_id, "CASHIER_DATABASE_URL": url,
              "CASHIER_TERMINAL_DATA_DIR": "/tmp/cashier-ui-tests"}
    values.update({k: str(v) for k, v in env.items()})
    return Services(config=load_config(env=values), engine=engine)


def post_as_owner(engine: Engine, command: PostingCommand) -> Receipt:
    """Set-up, visibly not a terminal's: a posting made as the schema owner (the superuser
    `engine`), whom the posting API trusts without a staff session or an open shift — a
    ledger put in a state (a player's history on this terminal, a balance) before the GUI
    looks at it. What a counter does is made at one (`post_at_terminal`, `other_counter.py`)
    or by the GUI under test; never through the terminal's own services."""
    if not is_admin(engine):
        raise ValueError("post_as_owner is the superuser's set-up; a terminal posts through its services")
    return post(engine, command)


@pytest.fixture(autouse=True)
def _no_terminal_as_the_superuser(monkeypatch):
    """No GUI test builds terminal services on the superuser's engine, however it builds them
    (`make_services`, `Services(...)` by hand, a helper): the posting API trusts the schema
    owner without a session or a shift, so such a test would prove nothing about a counter."""
    build = Services.__init__

    def as_a_login_only(self, config, engine, *args, **kw):
        if is_admin(engine):
            raise AssertionError("a GUI test's terminal services must connect as a terminal login "
                                 "(tests/ui/conftest.py: make_services), not as the superuser")
        build(self, config, engine, *args, **kw)
    monkeypatch.setattr(Services, "__init__", as_a_login_only)


@pytest.fixture(autouse=True)
def _dispose_made_engines():
    """The terminal logins' engines a test made give their connections back when it ends."""
    yield
    while _made_engines:
        _made_engines.pop().dispose()


@pytest.fixture
def terminal_id() -> str:
    return f"T-UI-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def services(ledger, terminal_id):
    """The terminal's services, at the terminal login bound to `terminal_id`."""
    url, engine = ledger
    services = make_services(url, engine, terminal_id)
    yield services
    services.close()


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


def wait_until(qtbot, condition, timeout: float = 10.0, what: str = "condition", explain=None) -> None:
    """Let the event loop run until `condition()` holds (no sleeping in place of waiting).
    `explain()`, if given, says at a timeout what there was instead (for a rare failure's log)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}" + (f"; instead: {explain()}" if explain else ""))
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
    """The dialog once it is shown and is the active window: a window is activated after it
    is shown, and under load a key typed in between went to the window behind it (the
    history window's Alt+O was lost that way)."""
    wait_until(qtbot, lambda: getattr(tab, attr, None) is not None and getattr(tab, attr).isVisible()
               and getattr(tab, attr).isActiveWindow(), what=f"{attr} open and active")
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
