"""A terminal for a test: its services on the terminal's own database login, its shift, and
its staff logged in there (sessions belong to the login that made them).

As in production, a terminal's services connect as a terminal login bound to its id
(`db create-roles` / `add-login --terminal-id`, through `login_as`), so the posting API
decides as it does at a real counter. The engine a test passes in (a superuser) stays the
test's own, for setup and inspection.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.engine import Engine

from cashier_desktop.ledger.shifts import insert_shift
from tests.support.databases import login_as

# terminal id -> the engine of its login, for `staff_at` (a test names its terminal, not its login)
_terminal_logins: dict[str, Engine] = {}


def open_test_shift(engine: Engine, terminal_id: str, staff_id: str = "C100", float_amount="0",
                    currency: str = "INR") -> int:
    """Open a shift on `terminal_id` for `staff_id` with an opening float (set-up, as the
    schema owner); returns its id."""
    with engine.begin() as conn:
        return insert_shift(conn, terminal_id=terminal_id, staff_id=staff_id, currency=currency,
                            opening_float=Decimal(str(float_amount)))


def terminal_login(engine: Engine, terminal_id: str, group: str = "terminal") -> Engine:
    """The login of `group` (terminal, or staff_admin: a terminal that also manages staff)
    bound to `terminal_id` on the database of `engine`."""
    login = login_as(engine, group, terminal_id=terminal_id)
    _terminal_logins[terminal_id] = login
    return login


def make_services(engine: Engine, terminal_id: str = "T-TEST", *, login: str | None = "terminal", **policy):
    """Terminal services for `terminal_id` with config overrides by key name (e.g.
    `**{"policy.dual_control_threshold": "1000"}`). Never close them: the engine is shared.

    They connect as the terminal's own login (`login="staff_admin"` for a supervisor's desk
    that manages staff), as in production, except in two cases, where they use `engine`
    as it is (in tests the schema owner, whom the posting API trusts): `login=None`, and
    any `policy.*` override. The database enforces one stored policy per database (`db
    create-roles` stores it); a test that changes it for one terminal on the shared
    database cannot have the database enforce it, and must not change it for the others.
    """
    from cashier_desktop.config import load_config
    from cashier_desktop.terminal.services import Services
    overrides = {"terminal.id": terminal_id, "ledger.url": None, **policy}
    config = load_config(env={"CASHIER_CONFIG": ""}, overrides=overrides)
    if login is None or any(key.startswith("policy.") for key in policy):
        return Services(config=config, engine=engine)
    return Services(config=config, engine=terminal_login(engine, terminal_id, login))


def staff_at(staff, terminal_id: str, pin: str):
    """`staff` logged in again at the login of `terminal_id` (made by `make_services` or
    `terminal_login`): the StaffMember whose session that terminal's postings accept."""
    from cashier_desktop.terminal.auth import authenticate
    return authenticate(_terminal_logins[terminal_id], staff.id, pin, terminal_id=terminal_id)
