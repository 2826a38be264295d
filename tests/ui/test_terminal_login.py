"""The GUI tests drive a production terminal (issue 20): the services they get connect as the
terminal login bound to the test's terminal id (`db create-roles` + `add-login --terminal-id`),
which is no superuser and cannot write the ledger's tables. A later change to the fixtures
that went back to the superuser — whom the posting API trusts without a session or shift —
fails here instead of silently untesting every posting, shift and credit decision."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from cashier_desktop.config import load_config
from cashier_desktop.ledger.api_tables import bound_terminal
from cashier_desktop.terminal.services import Services
from tests.support.databases import admin_url, login_as
from tests.support.logins import denied
from tests.ui.conftest import make_services, own_terminal

ADMIN = make_url(admin_url()).username

# What writing the ledger's own table would look like; every one must be a privilege refusal.
LEDGER_WRITES = (
    "INSERT INTO ledger_transactions DEFAULT VALUES",
    "UPDATE ledger_transactions SET amount = amount + 1 WHERE false",
    "DELETE FROM ledger_transactions WHERE false",
    "TRUNCATE ledger_transactions",
)


@pytest.fixture(params=["services fixture", "make_services", "own_terminal"])
def gui_services(request, qapp, terminal_id):
    """The terminal services, each way a GUI test gets them (the `services` fixture behind
    `terminal`; `make_services` in a test's own fixture; `own_terminal` on its own database)."""
    if request.param == "services fixture":
        yield request.getfixturevalue("services")
    elif request.param == "make_services":
        url, engine = request.getfixturevalue("fresh_ledger")
        services = make_services(url, engine, terminal_id, CASHIER_RECEIPT_CASINO_NAME="Casino Royale Goa")
        yield services
        services.close()
    else:
        with own_terminal(qapp, request.getfixturevalue("fresh_ledger"), terminal_id, "en") as (_t, _e, services):
            yield services


def _login(engine) -> tuple[str, bool]:
    with engine.connect() as conn:
        return tuple(conn.execute(text("SELECT rolname, rolsuper FROM pg_roles WHERE rolname = current_user")).one())


def test_the_gui_tests_terminal_connects_as_its_bound_terminal_login_not_as_a_superuser(gui_services,
                                                                                        terminal_id):
    name, superuser = _login(gui_services.engine)
    assert name != ADMIN and not superuser
    assert bound_terminal(gui_services.engine) == terminal_id
    assert gui_services.database_decides  # the posting API decides every rule, as at a counter
    configured = make_url(gui_services.config["ledger.url"])  # what anything opened from config uses
    assert configured.username == name


def test_the_gui_tests_terminal_cannot_write_the_ledgers_transactions(gui_services):
    for sql in LEDGER_WRITES:
        assert "permission denied for table ledger_transactions" in denied(gui_services.engine, sql), sql


def test_make_services_refuses_an_engine_bound_to_another_terminal(ledger, terminal_id):
    url, engine = ledger
    elsewhere = login_as(engine, "terminal", terminal_id=f"{terminal_id}-X")
    with pytest.raises(ValueError, match=f"must be the login bound to {terminal_id}"):
        make_services(elsewhere.url.render_as_string(hide_password=False), elsewhere, terminal_id)


def test_terminal_services_on_the_superusers_engine_are_refused_in_a_gui_test(engine, terminal_id):
    """However a GUI test would build them (here by hand, as test_heartbeat.py once did)."""
    config = load_config(env={"CASHIER_TERMINAL_ID": terminal_id})
    with pytest.raises(AssertionError, match="must connect as a terminal login"):
        Services(config=config, engine=engine)
