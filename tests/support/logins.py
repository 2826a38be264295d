"""The production logins in tests: roles made by `db create-roles`, LOGIN roles made by
`add-login`, each with an engine connected as it (issue 20).

One place for what tests/security/conftest.py, tests/support/role_logins.py and
tests/integration/test_db_roles.py each used to build: `RoleLogins` makes logins in a
group (terminal, relay, monitor, staff_admin) on one database and drops them all;
`least_privilege` runs `create-roles` under a random prefix so tests never share roles.
The admin engine (a superuser) is for setup and inspection only; name it `admin`.

`refused` is any error the database answers a statement with; `denied` is a privilege
refusal (SQLSTATE 42501), what a grant too wide would turn into a success.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Engine, make_url

from cashier_desktop.ledger import roles
from cashier_desktop.ledger.api_owner import drop_api_owner

INSUFFICIENT_PRIVILEGE = "42501"


@dataclass
class RoleLogins:
    """Logins on one database made by `create-roles` under `prefix`; `drop()` removes them all.

    Callers must not share a `RoleLogins` between databases: `drop` ends the logins' sessions
    and drops the group roles of its prefix.
    """

    url: str
    admin: Engine
    prefix: str = field(default_factory=lambda: f"t{uuid.uuid4().hex[:8]}")
    password: str = field(default_factory=lambda: uuid.uuid4().hex + "Aa1")
    terminal_id: str | None = None  # what `login("terminal")` binds to when not told otherwise
    logins: list[str] = field(default_factory=list)
    engines: list[Engine] = field(default_factory=list)

    def login(self, group: str, *, terminal_id: str | None = None, offline_limit=None,
              offline_total=None, name: str | None = None, pool_size: int = 3) -> Engine:
        """A new LOGIN role in `group` (`add-login`) and an engine connected as it.

        The engine's `login` attribute is the role's name. A terminal login is bound to
        `terminal_id` (or this set's `terminal_id`); with neither it stays unbound.
        """
        if group == "terminal" and terminal_id is None:
            terminal_id = self.terminal_id
        terminal_id = terminal_id or None  # "" asks for an unbound login
        login = name or f"{self.prefix}_{group}_{len(self.logins)}"
        roles.add_login(self.admin, login, group, self.password, prefix=self.prefix, terminal_id=terminal_id,
                        offline_limit=offline_limit, offline_total=offline_total)
        self.logins.append(login)
        return self.engine_as(login, pool_size=pool_size)

    def shared(self, group: str, *, terminal_id: str | None = None) -> Engine:
        """The one login of `group` (bound to `terminal_id`) this set keeps for every caller:
        tests sharing a database share its logins instead of making one each."""
        cache = self.__dict__.setdefault("_shared", {})
        key = (group, terminal_id)
        if key not in cache:
            cache[key] = self.login(group, terminal_id=terminal_id)
        return cache[key]

    def as_group(self, group: str, name: str | None = None) -> tuple[str, Engine]:
        """(login, engine) of a new unbound login in `group`."""
        if group == "terminal":
            eng = self.login(group, name=name, terminal_id="")  # "" = unbound even with a default
        else:
            eng = self.login(group, name=name)
        return eng.login, eng  # type: ignore[attr-defined]

    def engine_as(self, login: str, *, pool_size: int = 3) -> Engine:
        """An engine connected as an existing login (one made here, or by the CLI in a test)."""
        eng = create_engine(make_url(self.url).set(username=login, password=self.password), pool_size=pool_size)
        eng.login = login  # type: ignore[attr-defined]
        self.engines.append(eng)
        return eng

    def release(self) -> None:
        """Close the pooled connections of every engine handed out (they reconnect when used)."""
        for eng in self.engines:
            eng.dispose()

    def drop(self) -> None:
        self.release()
        names = self.logins + [roles.role_name(self.prefix, g) for g in roles.GROUPS]
        with self.admin.begin() as conn:
            conn.execute(text("""SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE usename = ANY(:n) AND pid <> pg_backend_pid()"""), {"n": names})
            for name in names:
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
                    conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                    conn.exec_driver_sql(f'DROP ROLE "{name}"')
            drop_api_owner(conn, self.prefix)  # the API back to the admin first, then the role


@contextlib.contextmanager
def least_privilege(url: str, admin: Engine, **kw) -> Iterator[RoleLogins]:
    """`create-roles` on the database of `admin` under a fresh prefix; logins dropped after."""
    logins = RoleLogins(url, admin, **kw)
    try:
        logins.report = roles.create_roles(admin, prefix=logins.prefix)  # type: ignore[attr-defined]
        yield logins
    finally:
        logins.drop()


def add_staff_member(admin: Engine, staff_id: str, role: str, pin: str) -> None:
    """A staff member whose PIN the database verifies (cage.owner_set_pin, migration 0009)."""
    with admin.begin() as conn:
        conn.execute(text("INSERT INTO staff (id, name, role) VALUES (:i, :n, :r) ON CONFLICT (id) DO NOTHING"),
                     {"i": staff_id, "n": f"Staff {staff_id}", "r": role})
        conn.execute(text("SELECT cage.owner_set_pin(:i, :p, 4)"), {"i": staff_id, "p": pin})


def staff_session(engine: Engine, staff_id: str, pin: str):
    """Log a staff member in at the login of `engine` (the database checks the PIN); the
    token is usable once committed, so it is committed here."""
    with engine.begin() as conn:
        return conn.execute(text("SELECT cage.staff_login(:s, :p)"), {"s": staff_id, "p": pin}).scalar_one()


def refused(engine: Engine, sql: str, params: dict | None = None) -> str:
    """The database's error for `sql`, whatever it is; fails the test if the statement went through."""
    with pytest.raises(saexc.DBAPIError) as info:
        with engine.begin() as conn:
            conn.execute(text(sql), params or {})
    return str(info.value.orig)


def denied(engine: Engine, sql: str, params: dict | None = None) -> str:
    """The database's privilege refusal (SQLSTATE 42501) of `sql`; fails the test on any other
    outcome, so a grant widened to let it through, or an unrelated error, both show."""
    with pytest.raises(saexc.DBAPIError) as info:
        with engine.begin() as conn:
            conn.execute(text(sql), params or {})
    state = getattr(info.value.orig, "sqlstate", None)
    assert state == INSUFFICIENT_PRIVILEGE, f"expected a privilege refusal, got {state}: {info.value.orig}"
    return str(info.value.orig)
