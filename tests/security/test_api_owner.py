"""The API's SECURITY DEFINER functions belong to `<prefix>_api_owner`, a role no one logs in
as (issue 14): no login can become it, and what it may do is what the API does — so a bug in
a definer function runs with the API's privileges, not the schema owner's.

Attacks as the terminal login on a database made by `db create-roles`; the api_owner's own
limits are checked by the superuser's `SET ROLE` (the only way to act as it), each
asserting the database's privilege refusal (SQLSTATE 42501)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import make_url

from cashier_desktop.ledger import roles
from cashier_desktop.ledger.api_owner import api_owner_name, definer_functions
from tests.support.logins import INSUFFICIENT_PRIVILEGE, denied, staff_session


def _as_api_owner_denied(secure, sql: str) -> str:
    """Run `sql` as the API's owner (superuser SET ROLE); the privilege refusal it gets."""
    role = api_owner_name(secure.prefix)
    with pytest.raises(saexc.DBAPIError) as info:
        with secure.admin.begin() as conn:
            conn.exec_driver_sql(f'SET LOCAL ROLE "{role}"')
            conn.exec_driver_sql(sql)
    state = getattr(info.value.orig, "sqlstate", None)
    assert state == INSUFFICIENT_PRIVILEGE, f"{sql}: expected a privilege refusal, got {state}: {info.value.orig}"
    return str(info.value.orig)


def test_every_definer_function_belongs_to_a_nologin_role_in_no_role(secure):
    role = api_owner_name(secure.prefix)
    with secure.admin.connect() as conn:
        functions = definer_functions(conn)
        assert len(functions) >= 20  # the API is there: the check is not vacuous
        assert {owner for _, owner in functions} == {role}
        login, superuser, inherit, createrole, createdb = conn.execute(text(
            "SELECT rolcanlogin, rolsuper, rolinherit, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = :r"),
            {"r": role}).one()
        assert (login, superuser, inherit, createrole, createdb) == (False, False, False, False, False)
        member_of = conn.execute(text("""SELECT count(*) FROM pg_auth_members m
            WHERE m.member = CAST(:r AS regrole)"""), {"r": role}).scalar_one()
        logins_in_it = conn.execute(text("""SELECT array_agg(r.rolname) FROM pg_auth_members m
            JOIN pg_roles r ON r.oid = m.member WHERE m.roleid = CAST(:r AS regrole) AND r.rolcanlogin"""),
            {"r": role}).scalar()
        assert member_of == 0 and logins_in_it is None  # the admin here is a superuser: no member needed
        for schema in ("public", "cage"):
            assert conn.execute(text("SELECT has_schema_privilege(:r, :s, 'CREATE')"),
                                {"r": role, "s": schema}).scalar() is False


def test_no_login_can_become_the_api_owner(secure, terminal):
    role = api_owner_name(secure.prefix)
    relay, monitor, office = secure.login("relay"), secure.login("monitor"), secure.login("staff_admin")
    for engine in (terminal, relay, monitor, office):
        with engine.connect() as conn:
            assert conn.execute(text("SELECT pg_has_role(current_user, :r, 'MEMBER')"), {"r": role}).scalar() is False
        assert "permission denied to set role" in denied(engine, f'SET ROLE "{role}"')
        assert "permission denied" in denied(engine, f'SET SESSION AUTHORIZATION "{role}"')


def test_the_api_owner_cannot_log_in(secure):
    role = api_owner_name(secure.prefix)
    url = make_url(secure.url).set(username=role, password=secure.password)
    engine = create_engine(url)
    try:
        with pytest.raises(saexc.OperationalError) as info:
            with engine.connect():
                pass
        assert "is not permitted to log in" in str(info.value.orig)
    finally:
        engine.dispose()


@pytest.mark.parametrize("sql", [
    "ALTER TABLE public.ledger_transactions DISABLE TRIGGER ledger_append_only",
    "ALTER TABLE public.players DISABLE TRIGGER players_outbox",
    "ALTER TABLE public.players ADD COLUMN note text",
    "ALTER TABLE public.audit_log DISABLE ROW LEVEL SECURITY",
    "TRUNCATE public.balance_events",
    "UPDATE public.ledger_transactions SET amount = 1",
    "DELETE FROM public.ledger_transactions",
    "UPDATE public.audit_log SET action = 'x'",
    "DELETE FROM public.audit_log",
    "UPDATE public.mtl_entries SET amount = 1",
    "DELETE FROM public.mtl_entries",
    "UPDATE public.staff SET role = 'supervisor' WHERE id = 'C100'",
    "UPDATE public.players SET name = 'x'",
    "DELETE FROM public.players",
    "UPDATE public.shifts SET terminal_id = 'T-OTHER'",
    "INSERT INTO cage.role_rights (role, action) VALUES ('cashier', 'adjust')",
    "UPDATE cage.policy SET ctr_threshold = 999999999",
    "INSERT INTO cage.terminal_logins (login, terminal_id) VALUES ('x', 'T-OTHER')",
    "DELETE FROM cage.staff_auth",
    "UPDATE cage.auth_rules SET attempts = 1000",
    "INSERT INTO public.integrity_runs (started_at, clean) VALUES ('2099-01-01', true)",
    "UPDATE public.monitor_cursors SET last_id = 0",
    "CREATE TABLE public.shadow (id int)",
    "CREATE TABLE cage.shadow (id int)",
    "CREATE TEMP TABLE staff (id text)",
])
def test_the_api_owner_can_do_only_what_the_api_does(secure, sql):
    _as_api_owner_denied(secure, sql)


def test_a_bug_in_a_new_definer_function_runs_with_the_api_owners_privileges(secure, terminal):
    """A definer function a later migration adds is handed over by the next create-roles,
    without a per-function edit; from then on it cannot rewrite the ledger or the staff."""
    with secure.admin.begin() as conn:
        conn.exec_driver_sql("""CREATE FUNCTION cage.buggy_correction(p_sql text) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
            AS 'BEGIN EXECUTE p_sql; END'""")
    roles.create_roles(secure.admin, prefix=secure.prefix)
    with secure.admin.begin() as conn:
        owner = conn.execute(text("""SELECT pg_get_userbyid(proowner) FROM pg_proc
            WHERE oid = 'cage.buggy_correction(text)'::regprocedure""")).scalar_one()
        conn.exec_driver_sql(f'GRANT EXECUTE ON FUNCTION cage.buggy_correction(text) TO "{terminal.login}"')
    assert owner == api_owner_name(secure.prefix)
    for sql in ("UPDATE public.ledger_transactions SET amount = 1",
                "ALTER TABLE public.ledger_transactions DISABLE TRIGGER ledger_append_only",
                "UPDATE public.staff SET role = ''supervisor''",
                "UPDATE public.players SET name = ''x''"):
        denied(terminal, f"SELECT cage.buggy_correction('{sql}')")
    # and the real API still works at the counter
    assert staff_session(terminal, "C100", "1111") is not None
