"""Fixtures for attacks made by the login that would make them (issue 14).

`secure` is a fresh migrated ledger on which `db create-roles` ran (random role prefix,
so tests never share roles), with the demo staff and the INR policy stored for the
database to enforce. `secure.login(group, terminal_id=...)` makes a LOGIN role in a group
and returns an engine connected as it; the ready-made fixtures are:

- `terminal` / `terminal_b`: two terminal logins bound to terminals T-SEC-1 and T-SEC-2;
- `relay`, `monitor`: the relay's and the watch's logins.

`session(engine, staff_id, pin)` logs a staff member in at a terminal (cage.staff_login)
and returns the session token the API wants. `refused(engine, sql)` runs a statement
and returns the database's error, failing the test if the statement went through.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Engine, make_url

from cashier_desktop.domain.policy import Policy
from cashier_desktop.ledger import roles
from cashier_desktop.ledger.api_tables import store_policy

POLICY = Policy(currency="INR", dual_control_threshold=Decimal("200000"), confirm_threshold=Decimal("100000"),
                ctr_threshold=Decimal("1000000"), mtl_threshold=Decimal("300000"),
                variance_threshold=Decimal("500"), floor_manager_approval_limit=Decimal("500000"))


@dataclass
class SecureLedger:
    """A ledger with least-privilege roles; every login made here is dropped at the end."""

    url: str
    admin: Engine
    prefix: str = field(default_factory=lambda: f"s{uuid.uuid4().hex[:8]}")
    password: str = field(default_factory=lambda: uuid.uuid4().hex + "Aa1")
    logins: list[str] = field(default_factory=list)
    engines: list[Engine] = field(default_factory=list)

    def login(self, group: str, *, terminal_id: str | None = None, offline_limit=None,
              offline_total=None) -> Engine:
        name = f"{self.prefix}_{group}_{len(self.logins)}"
        roles.add_login(self.admin, name, group, self.password, prefix=self.prefix, terminal_id=terminal_id,
                        offline_limit=offline_limit, offline_total=offline_total)
        self.logins.append(name)
        eng = create_engine(make_url(self.url).set(username=name, password=self.password), pool_size=4)
        eng.login = name  # type: ignore[attr-defined]
        self.engines.append(eng)
        return eng

    def drop(self) -> None:
        for eng in self.engines:
            eng.dispose()
        names = self.logins + [roles.role_name(self.prefix, g) for g in roles.GROUPS]
        with self.admin.begin() as conn:
            for name in names:
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
                    conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                    conn.exec_driver_sql(f'DROP ROLE "{name}"')


@pytest.fixture
def secure(fresh_ledger):
    url, admin = fresh_ledger
    ledger = SecureLedger(url, admin)
    try:
        roles.create_roles(admin, prefix=ledger.prefix)
        with admin.begin() as conn:
            store_policy(conn, POLICY)
        yield ledger
    finally:
        ledger.drop()


@pytest.fixture
def terminal(secure) -> Engine:
    return secure.login("terminal", terminal_id="T-SEC-1")


@pytest.fixture
def terminal_b(secure) -> Engine:
    return secure.login("terminal", terminal_id="T-SEC-2")


@pytest.fixture
def relay(secure) -> Engine:
    return secure.login("relay")


@pytest.fixture
def monitor(secure) -> Engine:
    return secure.login("monitor")


def session(engine: Engine, staff_id: str, pin: str):
    """A staff session token from the database (the PIN is checked there)."""
    with engine.begin() as conn:
        return conn.execute(text("SELECT cage.staff_login(:s, :p)"), {"s": staff_id, "p": pin}).scalar_one()


def refused(engine: Engine, sql: str, params: dict | None = None) -> str:
    """The database's error for `sql`; fails the test if the statement was allowed."""
    with pytest.raises(saexc.DBAPIError) as info:
        with engine.begin() as conn:
            conn.execute(text(sql), params or {})
    return str(info.value.orig)
