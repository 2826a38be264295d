"""Session fixtures: a real, migrated PostgreSQL database with the demo staff."""

from __future__ import annotations

import os
import sys

import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASHIER_ARGON2_PROFILE", "cheap")
# Tests never read or write the user's own configuration, data or journal: every run gets
# its own XDG directories (a test that wants a journal or config sets its own path).
_HOME = tempfile.mkdtemp(prefix="cashier-tests-")
for _var, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                   ("XDG_CACHE_HOME", "cache"), ("XDG_RUNTIME_DIR", "run")):
    os.environ[_var] = os.path.join(_HOME, _sub)
    os.makedirs(os.environ[_var], mode=0o700, exist_ok=True)
os.environ.pop("CASHIER_CONFIG", None)
# Nor the user's keyring: secrets come from the environment, as on the CI machine, whose
# keyring resolves to this "no keyring" backend anyway (pinned, it is not searched for in
# every CLI process the tests start: about 0.05 s each).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# PySide6 6.12.0 on Python 3.11 drops a reference to None per void Qt call: without this a
# long test run aborts with "none_dealloc" (cashier_desktop/ui/pyside_refcount.py).
from cashier_desktop.ui.pyside_refcount import keep_none_alive  # noqa: E402

keep_none_alive()

import pytest

from tests.support.databases import DatabaseFactory

# The production logins (terminal, relay, monitor, staff admin) as fixtures for every suite,
# a database per cage policy for tests with policy overrides (`policy_ledger`), and the order
# `make test`'s workers get the files in (long-running ones first).
pytest_plugins = ["tests.support.login_fixtures", "tests.support.policy_ledgers", "tests.support.scheduling"]


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with cycles collected on the GUI thread only, as the terminal
    does (`ui/gui_thread_gc.py`): a worker that collected a cycle holding a widget crashed CI."""
    from cashier_desktop.ui import gui_thread_gc
    gui_thread_gc.install(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _collect_cycles_between_tests():
    """Once the GUI collector is installed, automatic collection is off: collect what is due
    after each test, on this (the GUI) thread."""
    yield
    collector = sys.modules.get("cashier_desktop.ui.gui_thread_gc")
    if collector is not None:
        collector.collect_due()


@pytest.fixture(scope="session")
def databases():
    factory = DatabaseFactory()
    yield factory
    factory.close()


@pytest.fixture(scope="session")
def ledger(databases):
    """(url, engine) of one migrated database shared by the session, with demo staff.

    Tests on it use fresh random player ids. A test that must see the whole database
    clean (integrity, tampering) takes `fresh_ledger` instead.
    """
    url, engine = databases.create(staffed=True)
    # As `db create-roles` leaves it: the production logins' roles and the stored policy the
    # posting API enforces, from the start, whichever test first asks for a login.
    databases.logins(engine)
    return url, engine


@pytest.fixture
def engine(ledger):
    return ledger[1]


@pytest.fixture
def fresh_ledger(databases):
    """A database of its own for this test, migrated and with demo staff; dropped after it."""
    url, engine = databases.create(staffed=True)
    yield url, engine
    databases.drop(engine)
