"""Fixtures for attacks made by the login that would make them (issue 14).

The logins come from tests/support/login_fixtures.py (shared with every suite): `secure`
is a fresh migrated ledger on which `db create-roles` ran (random role prefix, so tests
never share roles), with the demo staff and the INR policy stored for the database to
enforce; `secure.login(group, terminal_id=...)` makes a LOGIN role in a group and returns
an engine connected as it. The short names used here:

- `terminal` / `terminal_b`: two terminal logins bound to terminals T-SEC-1 and T-SEC-2;
- `relay`, `monitor`: the relay's and the watch's logins.

`session(engine, staff_id, pin)` logs a staff member in at a terminal (cage.staff_login)
and returns the session token the API wants. `refused(engine, sql)` runs a statement
and returns the database's error, failing the test if the statement went through.
"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from tests.support.logins import refused  # noqa: F401 - imported from here by the tests
from tests.support.logins import staff_session as session  # noqa: F401 - imported from here by the tests


@pytest.fixture
def terminal(terminal_login) -> Engine:
    return terminal_login


@pytest.fixture
def terminal_b(terminal_b_login) -> Engine:
    return terminal_b_login


@pytest.fixture
def relay(relay_login) -> Engine:
    return relay_login


@pytest.fixture
def monitor(monitor_login) -> Engine:
    return monitor_login
