"""The README's threat model, "What it cannot do", claim by claim, as the login that would
try it, on a database made by `db create-roles` (issue 20).

The grant checks try every write on every column of every table (`UPDATE … SET c = DEFAULT
WHERE false`, `INSERT … (c) VALUES (DEFAULT)`, `DELETE … WHERE false`, `TRUNCATE`, each
rolled back) and list every one the database does not refuse for want of privilege: a grant
widened by one column fails with that column named, where a statement touching several
columns would still be refused for the others and hide it (the mutation of issue 20 that
added `active` and `approval_limit` to the terminal's UPDATE grant survived 613 tests).
What a login may write is written here from the README, not read from `ledger/roles.py`.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Engine

from cashier_desktop.domain.errors import CreditLimitExceeded, InsufficientFunds
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from tests.support.factories import cmd, make_player
from cashier_desktop.ledger.api_tables import store_policy
from cashier_desktop.ledger.seed import seed_staff
from tests.support.login_fixtures import POLICY, TERMINAL
from tests.support.logins import INSUFFICIENT_PRIVILEGE, RoleLogins, denied, least_privilege, staff_session

LISTEN_REGISTRY = {("outbox_sleepers", op) for op in ("INSERT", "DELETE", "UPDATE name", "UPDATE since")}
# What each login may write, as the README describes its job; anything else must be refused.
MAY_WRITE: dict[str, set[tuple[str, str]]] = {
    # the audit log takes rows stamped with the login (never another's, never another time)
    "terminal": LISTEN_REGISTRY | {("audit_log", "INSERT")},
    "staff_admin": LISTEN_REGISTRY | {("audit_log", "INSERT")},
    "relay": set(LISTEN_REGISTRY),
    # the watch raises alerts, appends evidence, marks an alert announced, keeps its cursor,
    # its hourly figures and its integrity runs
    "monitor": LISTEN_REGISTRY | {
        ("integrity_alerts", "INSERT"), ("integrity_alerts", "UPDATE announced_at"),
        ("integrity_alert_evidence", "INSERT"),
        ("monitor_cursors", "INSERT"), *(("monitor_cursors", f"UPDATE {c}") for c in ("last_id", "gaps", "updated_at")),
        ("watch_hourly", "INSERT"), *(("watch_hourly", f"UPDATE {c}") for c in ("events", "checks", "discrepant")),
        ("integrity_runs", "INSERT"),
        *(("integrity_runs", f"UPDATE {c}") for c in ("finished_at", "players_total", "players_failing",
                                                      "findings_count", "clean", "findings", "error"))},
}


@pytest.fixture(scope="module")
def cage(databases) -> RoleLogins:
    """One database made by `create-roles` for the tests here that change nothing they share
    (every write is refused or rolled back; players and terminals are fresh per test)."""
    url, admin = databases.create()
    seed_staff(admin)
    try:
        with least_privilege(url, admin) as logins:
            with admin.begin() as conn:
                store_policy(conn, POLICY)
            yield logins
    finally:
        databases.drop(admin)


def login_of(cage: RoleLogins, group: str) -> Engine:
    """A new login of `group`; a terminal (or staff-admin) one bound to a terminal of its own."""
    terminal_id = f"T-{uuid.uuid4().hex[:8]}" if group in ("terminal", "staff_admin") else None
    engine = cage.login(group, terminal_id=terminal_id)
    engine.terminal_id = terminal_id  # type: ignore[attr-defined]
    return engine


def _columns(admin: Engine) -> dict[str, list[str]]:
    with admin.connect() as conn:
        rows = conn.execute(text("""SELECT c.table_schema || '.' || c.table_name, c.column_name
            FROM information_schema.columns c JOIN pg_tables t
              ON t.schemaname = c.table_schema AND t.tablename = c.table_name
            WHERE c.table_schema IN ('public', 'cage') ORDER BY 1, c.ordinal_position""")).all()
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return tables


def _not_refused(engine: Engine, sql: str) -> str | None:
    """None when the database refuses `sql` for want of privilege; else what happened."""
    with engine.connect() as conn:
        try:
            conn.exec_driver_sql(sql)
        except saexc.DBAPIError as err:
            state = getattr(err.orig, "sqlstate", None)
            return None if state == INSUFFICIENT_PRIVILEGE else f"got past the grants ({state})"
        finally:
            conn.rollback()
    return "allowed"


def writes_not_refused(engine: Engine, admin: Engine) -> dict[tuple[str, str], str]:
    """Every (table, write) the login of `engine` is not refused, with what happened."""
    found: dict[tuple[str, str], str] = {}
    for table, columns in _columns(admin).items():
        name = table.removeprefix("public.")
        q = ".".join(f'"{part}"' for part in table.split("."))
        attempts = {"DELETE": f"DELETE FROM {q} WHERE false", "TRUNCATE": f"TRUNCATE {q}"}
        for column in columns:
            attempts[f"UPDATE {column}"] = f'UPDATE {q} SET "{column}" = DEFAULT WHERE false'
            attempts[f"INSERT {column}"] = f'INSERT INTO {q} ("{column}") VALUES (DEFAULT)'
        for what, sql in attempts.items():
            outcome = _not_refused(engine, sql)
            if outcome is not None:
                found[(name, "INSERT" if what.startswith("INSERT ") else what)] = outcome
    return found


@pytest.mark.parametrize("group", ["terminal", "relay", "monitor", "staff_admin"])
def test_a_login_writes_no_column_of_any_table_beyond_its_job(cage, group):
    """Alter, delete or truncate ledger or audit rows; change a staff role, PIN, limit or
    active flag; create or delete players; write, delete or mark the outbox; touch the
    watch's cursor or forge alerts: each column of each table, refused to each login."""
    engine = login_of(cage, group)
    unexpected = {k: v for k, v in writes_not_refused(engine, cage.admin).items() if k not in MAY_WRITE[group]}
    assert unexpected == {}, f"the {group} login may do what its job does not need: {sorted(unexpected)}"


def test_the_column_check_names_a_widened_grant(secure):
    """The check above is not blind: one column granted to a terminal group shows up by name."""
    engine = secure.login("terminal", terminal_id=TERMINAL)
    with secure.admin.begin() as conn:
        conn.exec_driver_sql(f'GRANT UPDATE (approval_limit) ON staff TO "{secure.prefix}_terminal"')
    found = writes_not_refused(engine, secure.admin)
    assert found.get(("staff", "UPDATE approval_limit")) == "allowed"
    assert ("staff", "UPDATE active") not in found


# --- create tables, functions or triggers, or disable triggers -------------------------------

SCHEMA_CHANGES = {
    "create a table": "CREATE TABLE public.skim (id int)",
    "create a schema": "CREATE SCHEMA skim",
    "create a function": "CREATE FUNCTION public.skim() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    "create a trigger": "CREATE TRIGGER skim BEFORE UPDATE ON players FOR EACH ROW EXECUTE FUNCTION players_outbox()",
    "disable the ledger's triggers": "ALTER TABLE ledger_transactions DISABLE TRIGGER ALL",
    "disable the outbox trigger": "ALTER TABLE players DISABLE TRIGGER USER",
    "switch every trigger off for the session": "SET session_replication_role = replica",
    "drop the ledger": "DROP TABLE ledger_transactions",
    "replace a posting function": "ALTER FUNCTION players_outbox() RENAME TO skim",
}


@pytest.mark.parametrize("group", ["terminal", "relay", "monitor", "staff_admin"])
def test_a_login_cannot_change_the_schema_or_switch_triggers_off(cage, group):
    engine = login_of(cage, group)
    let_through = {what: outcome for what, sql in SCHEMA_CHANGES.items()
                   if (outcome := _not_refused(engine, sql)) is not None}
    assert let_through == {}, f"the {group} login may: {let_through}"


# --- make a balance negative or draw credit beyond the limit ----------------------------------

def at_the_counter(engine: Engine, staff_id: str = "C100", pin: str = "1111") -> str:
    """A cashier's session at the login of `engine`, with its terminal's shift open."""
    token = staff_session(engine, staff_id, pin)
    with engine.begin() as conn:
        conn.execute(text("SELECT cage.open_shift(:t, 0, p_currency => 'INR')"), {"t": token})
    return token


def test_a_terminal_login_cannot_pay_out_more_than_the_players_cash(cage):
    terminal = login_of(cage, "terminal")
    player = make_player(cage.admin)
    token = at_the_counter(terminal)
    post(terminal, cmd("deposit", player, "1000", session=token, terminal_id=terminal.terminal_id))
    with pytest.raises(InsufficientFunds):
        post(terminal, cmd("withdrawal", player, "1000.01", session=token, terminal_id=terminal.terminal_id))
    assert get_balance(cage.admin, player, currency="INR").cash.amount == Decimal("1000.00")


def test_a_terminal_login_cannot_draw_credit_beyond_the_approved_line(cage):
    terminal = login_of(cage, "terminal")
    player = make_player(cage.admin)
    manager = staff_session(terminal, "F200", "2222")
    token = at_the_counter(terminal)
    post(terminal, cmd("credit_line", player, "5000", staff="F200", approver_id="F200",
                       session=manager, approver_session=manager, terminal_id=terminal.terminal_id))
    post(terminal, cmd("marker_issue", player, "4000", session=token, terminal_id=terminal.terminal_id))
    with pytest.raises(CreditLimitExceeded):
        post(terminal, cmd("marker_issue", player, "1000.01", session=token, terminal_id=terminal.terminal_id))
    with cage.admin.connect() as conn:
        assert conn.execute(text("SELECT current_credit FROM players WHERE id = :p"),
                            {"p": player}).scalar_one() == Decimal("4000.00")


# --- a compromised relay cannot move money or read staff --------------------------------------

@pytest.mark.parametrize("sql", ["SELECT id FROM staff", "SELECT role FROM staff", "SELECT * FROM cage.staff_auth",
                                 "SELECT * FROM cage.staff_sessions"])
def test_the_relay_login_cannot_read_staff(cage, sql):
    denied(login_of(cage, "relay"), sql)
