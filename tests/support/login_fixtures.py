"""Fixtures for the production logins (a pytest plugin, loaded by tests/conftest.py).

- `secure`: a fresh migrated ledger with demo staff, the INR policy stored for the database
  to enforce, and `db create-roles` run under a random prefix (a `RoleLogins`);
- `terminal_login` / `terminal_b_login`: terminal logins bound to T-SEC-1 and T-SEC-2;
- `relay_login`, `monitor_login`, `staff_admin_login` (bound to T-OFFICE, where a
  supervisor's session is made to manage staff).

Each is an engine connected as that login (its name in `engine.login`). The superuser
engine of the same database is `secure.admin`: for setup and inspection only.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine

from cashier_desktop.domain.policy import Policy
from cashier_desktop.ledger.api_tables import store_policy
from tests.support.databases import release_login_connections
from tests.support.logins import RoleLogins

POLICY = Policy(currency="INR", dual_control_threshold=Decimal("200000"), confirm_threshold=Decimal("100000"),
                ctr_threshold=Decimal("1000000"), mtl_threshold=Decimal("300000"),
                variance_threshold=Decimal("500"), floor_manager_approval_limit=Decimal("500000"))

TERMINAL, TERMINAL_B, OFFICE = "T-SEC-1", "T-SEC-2", "T-OFFICE"


@pytest.fixture
def secure(fresh_ledger, databases) -> RoleLogins:
    """The logins go with their database (`DatabaseFactory.logins`): dropped together, off
    the test's time, when `fresh_ledger` ends."""
    _url, admin = fresh_ledger
    logins = databases.logins(admin)
    with admin.begin() as conn:
        store_policy(conn, POLICY)
    return logins


@pytest.fixture
def terminal_login(secure) -> Engine:
    return secure.login("terminal", terminal_id=TERMINAL)


@pytest.fixture
def terminal_b_login(secure) -> Engine:
    return secure.login("terminal", terminal_id=TERMINAL_B)


@pytest.fixture
def relay_login(secure) -> Engine:
    return secure.login("relay")


@pytest.fixture
def monitor_login(secure) -> Engine:
    return secure.login("monitor")


@pytest.fixture
def staff_admin_login(secure) -> Engine:
    return secure.login("staff_admin", terminal_id=OFFICE)


@pytest.fixture(autouse=True)
def _release_login_connections():
    """After each test, the logins `login_as` handed out give their connections back."""
    yield
    release_login_connections()
