"""Attacks made by the login that would make them: a database made by `db create-roles`,
LOGIN roles with passwords for the terminal, relay and monitor groups, staff whose PINs the
database checks, and a watch running as the monitor login in a thread.

Used by tests/security/; the logins themselves come from tests/support/logins.py. A test
asks for the login it attacks with and asserts the database's refusal (`refused`) or, where
only detection can answer (a superuser), the alert within a second (`within_a_second`).
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

import pytest
from sqlalchemy.engine import Engine

from cashier_desktop.monitoring.watch import Watch
from tests.support.logins import RoleLogins, add_staff_member, denied, least_privilege, staff_session

__all__ = ["Logins", "RoleLogins", "add_staff_member", "cage_db", "refused", "staff_session",
           "within_a_second", "RunningWatch"]

SUPERVISOR, SUPERVISOR_PIN = "S300", "303030"
CASHIER, CASHIER_PIN = "C100", "101010"


Logins = RoleLogins  # the name tests/security/ imports


@pytest.fixture
def cage_db(databases):
    """(url, admin engine, Logins) of a fresh database with create-roles run and two staff."""
    url, admin = databases.create()
    add_staff_member(admin, SUPERVISOR, "supervisor", SUPERVISOR_PIN)
    add_staff_member(admin, CASHIER, "cashier", CASHIER_PIN)
    try:
        with least_privilege(url, admin) as logins:
            yield url, admin, logins
    finally:
        databases.drop(admin)


refused = denied  # here a refusal is always a privilege refusal (SQLSTATE 42501)


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
