"""Attacks made by the login that would make them: a database made by `db create-roles`,
LOGIN roles with passwords for the terminal, relay and monitor groups, staff whose PINs the
database checks, and a watch running as the monitor login in a thread.

Used by tests/security/. A test asks for the login it attacks with and asserts the
database's refusal (`refused`) or, where only detection can answer (a superuser), the
alert within a second (`within_a_second`).
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any, Callable

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Engine, make_url

from cashier_desktop.ledger import roles
from cashier_desktop.monitoring.watch import Watch

SUPERVISOR, SUPERVISOR_PIN = "S300", "303030"
CASHIER, CASHIER_PIN = "C100", "101010"


class Logins:
    """The roles of one test: `as_group("relay")` makes a login in that group and its engine."""

    def __init__(self, url: str, admin: Engine) -> None:
        self.url, self.admin = url, admin
        self.prefix = f"t{uuid.uuid4().hex[:8]}"
        self.password = uuid.uuid4().hex + "Aa1"
        self.logins: list[str] = []
        self.engines: list[Engine] = []

    def as_group(self, group: str, name: str | None = None) -> tuple[str, Engine]:
        login = name or f"{self.prefix}_{group}_{len(self.logins)}"
        roles.add_login(self.admin, login, group, self.password, prefix=self.prefix)
        self.logins.append(login)
        eng = create_engine(make_url(self.url).set(username=login, password=self.password), pool_size=3)
        self.engines.append(eng)
        return login, eng

    def drop(self) -> None:
        for eng in self.engines:
            eng.dispose()
        names = self.logins + [roles.role_name(self.prefix, g) for g in roles.GROUPS]
        with self.admin.begin() as conn:
            conn.execute(text("""SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE usename = ANY(:n) AND pid <> pg_backend_pid()"""), {"n": names})
            for name in names:
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
                    conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                    conn.exec_driver_sql(f'DROP ROLE "{name}"')


def add_staff_member(admin: Engine, staff_id: str, role: str, pin: str) -> None:
    """A staff member whose PIN the database verifies (cage.owner_set_pin, migration 0009)."""
    with admin.begin() as conn:
        conn.execute(text("INSERT INTO staff (id, name, role) VALUES (:i, :n, :r) ON CONFLICT (id) DO NOTHING"),
                     {"i": staff_id, "n": f"Staff {staff_id}", "r": role})
        conn.execute(text("SELECT cage.owner_set_pin(:i, :p, 4)"), {"i": staff_id, "p": pin})


def staff_session(engine: Engine, staff_id: str, pin: str) -> str:
    """Log a staff member in at the login of `engine`; the token is usable once committed."""
    with engine.begin() as conn:
        return str(conn.execute(text("SELECT cage.staff_login(:s, :p)"), {"s": staff_id, "p": pin}).scalar_one())


@pytest.fixture
def cage_db(databases):
    """(url, admin engine, Logins) of a fresh database with create-roles run and two staff."""
    url, admin = databases.create()
    add_staff_member(admin, SUPERVISOR, "supervisor", SUPERVISOR_PIN)
    add_staff_member(admin, CASHIER, "cashier", CASHIER_PIN)
    logins = Logins(url, admin)
    roles.create_roles(admin, prefix=logins.prefix)
    try:
        yield url, admin, logins
    finally:
        logins.drop()
        databases.drop(admin)


def refused(engine: Engine, sql: str, params: dict | None = None) -> str:
    """The database's refusal of a statement (SQLSTATE 42501); fails the test if it is allowed."""
    with pytest.raises(saexc.DBAPIError) as info:
        with engine.begin() as conn:
            conn.execute(text(sql), params or {})
    state = getattr(info.value.orig, "sqlstate", None)
    assert state == "42501", f"expected a privilege refusal, got {state}: {info.value.orig}"
    return str(info.value.orig)


def within_a_second(predicate: Callable[[], Any], what: str, timeout: float = 1.0) -> Any:
    """Poll `predicate` until it returns something truthy; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        got = predicate()
        if got:
            return got
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what}: not within {timeout:.1f} s")
        time.sleep(0.01)


class RunningWatch:
    """A Watch looping in a thread (as whatever login its engine has) until `stop()`."""

    def __init__(self, engine: Engine, **kw) -> None:
        kw.setdefault("schedule", None)
        kw.setdefault("poll_seconds", 0.1)
        self.watch = Watch(engine, **kw)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self.watch.run, args=(self._stop,), daemon=True)

    def start(self) -> "RunningWatch":
        self._thread.start()
        if not self.watch.ready.wait(10):
            raise AssertionError("the watch did not start")
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
