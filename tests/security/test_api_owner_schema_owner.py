"""The hand-over to `<prefix>_api_owner` as production runs it: the schema owner is an
ordinary login with CREATEROLE (not a superuser), so ALTER … OWNER needs the new owner to
have CREATE on the schema (granted and revoked again inside create-roles) and the schema
owner to be a member of it; a later migration's CREATE OR REPLACE of a handed-over function
still works (membership), and the counter's API works as before (issue 14)."""

from __future__ import annotations

import dataclasses
import os
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from cashier_desktop.ledger import migrate, roles
from cashier_desktop.ledger.api_owner import api_owner_name, definer_functions
from cashier_desktop.ledger.api_tables import store_policy
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import seed_staff
from tests.support.databases import _with_db, admin_url, cheap_pins
from tests.support.factories import cmd, make_player
from tests.support.login_fixtures import POLICY
from tests.support.logins import staff_session


@pytest.fixture
def owned_by_a_login(databases):
    """(url, engine) of a database owned by, and migrated to 0011 as, a non-superuser."""
    tag = uuid.uuid4().hex[:8]
    owner, name, password = f"so_{tag}", f"cashier_test_so_{tag}", uuid.uuid4().hex + "Aa1"
    with databases.admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE \"{owner}\" LOGIN CREATEROLE PASSWORD '{password}'")
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    url = make_url(_with_db(admin_url(), name)).set(username=owner, password=password)
    engine = make_engine(url.render_as_string(hide_password=False))
    prefix = f"t{tag}"
    try:
        yield url, engine, prefix
    finally:
        engine.dispose()
        # off the test's time: DROP DATABASE waits for a checkpoint (up to 6 s under load here)
        databases.drop_later(lambda: _drop_owned(databases.admin, name, owner, prefix))


def _drop_owned(admin, name: str, owner: str, prefix: str) -> None:
    """Drop the database `owned_by_a_login` made, then its owner and the roles of `prefix`."""
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name})
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        others = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                              {"p": f"{prefix}\\_%"}).scalars().all()
        for role in [*others, owner]:
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


def test_a_non_superuser_schema_owner_hands_the_api_over_and_keeps_migrating(owned_by_a_login):
    url, owner, prefix = owned_by_a_login
    api_owner = api_owner_name(prefix)
    migrate.upgrade(owner, "0011")
    roles.create_roles(owner, prefix=prefix)
    with owner.begin() as conn:
        assert {o for _, o in definer_functions(conn)} == {api_owner}
        for schema in ("public", "cage"):
            assert conn.execute(text("SELECT has_schema_privilege(:r, :s, 'CREATE')"),
                                {"r": api_owner, "s": schema}).scalar() is False
        members = conn.execute(text("""SELECT array_agg(r.rolname) FROM pg_auth_members m
            JOIN pg_roles r ON r.oid = m.member WHERE m.roleid = CAST(:r AS regrole)"""), {"r": api_owner}).scalar()
        assert members == [url.username]  # the schema owner, and no other login
        # what a later migration does to a handed-over function: CREATE OR REPLACE it
        definition = conn.execute(text("SELECT pg_get_functiondef('cage.bound_terminal()'::regprocedure)")).scalar()
        conn.exec_driver_sql(definition)
    migrate.upgrade(owner)  # 0012 replaces cage._post as the schema owner
    roles.create_roles(owner, prefix=prefix)  # after every `db upgrade`: hands over what is new
    if os.environ.get("CASHIER_ARGON2_PROFILE") == "cheap":
        cheap_pins(owner)
    seed_staff(owner)
    with owner.begin() as conn:
        assert {o for _, o in definer_functions(conn)} == {api_owner}
        store_policy(conn, POLICY)
    player = make_player(owner)

    login = f"{prefix}_counter"
    password = uuid.uuid4().hex + "Aa1"
    roles.add_login(owner, login, "terminal", password, prefix=prefix, terminal_id="T-SO-1")
    terminal = make_engine(url.set(username=login, password=password).render_as_string(hide_password=False))
    try:
        token = staff_session(terminal, "C100", "1111")  # writes staff.% audit rows as api_owner
        with terminal.begin() as conn:
            conn.execute(text("SELECT cage.open_shift(:t, 0)"), {"t": token})
        receipt = post(terminal, dataclasses.replace(cmd("deposit", player, "500", terminal_id="T-SO-1"), session=token))
        assert receipt.cash_after.amount == 500 and not receipt.replayed
    finally:
        terminal.dispose()
    with owner.connect() as conn:
        assert conn.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": player}).scalar() == 500
        assert conn.execute(text("""SELECT count(*) FROM audit_log
            WHERE action LIKE 'staff.%' AND db_user = :l"""), {"l": login}).scalar() >= 1
