"""What the database's posting API reads besides the ledger: the permission matrix, the
cage policy and which terminal a database login is.

The matrix has one source of truth, `domain/roles.py`; `sync_rights` copies it into the
`cage` tables (migration 0010 and every `db create-roles`), and `rights_in_database`
reads it back so a test can check that both agree. The policy is configuration; the
database enforces the copy `store_policy` writes (`db create-roles`, `db seed-demo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..domain.policy import Policy
from ..domain.roles import PERMISSIONS, Action, action_for
from ..domain.kinds import Kind


def sync_rights(conn: Connection) -> None:
    """Make cage.actions / role_rights / kind_actions equal to domain/roles.py."""
    conn.exec_driver_sql("DELETE FROM cage.kind_actions")
    conn.exec_driver_sql("DELETE FROM cage.role_rights")
    conn.exec_driver_sql("DELETE FROM cage.actions")
    # One executemany each (psycopg pipelines them): create-roles runs this on every refresh.
    conn.execute(text("INSERT INTO cage.actions (action, phrase) VALUES (:a, :p)"),
                 [{"a": action.value, "p": action.phrase} for action in Action])
    conn.execute(text("INSERT INTO cage.role_rights (role, action) VALUES (:r, :a)"),
                 [{"r": role.value, "a": action.value} for role, actions in PERMISSIONS.items() for action in actions])
    conn.execute(text("INSERT INTO cage.kind_actions (kind, action) VALUES (:k, :a)"),
                 [{"k": kind.value, "a": action_for(kind).value} for kind in Kind])


def rights_in_database(conn: Connection) -> dict[str, set[str]]:
    """role -> the actions the database grants it."""
    out: dict[str, set[str]] = {}
    for role, action in conn.execute(text("SELECT role, action FROM cage.role_rights")):
        out.setdefault(role, set()).add(action)
    return out


def store_policy(conn: Connection, policy: Policy) -> None:
    """Make `policy` the one the database enforces (thresholds, gaming day, authority)."""
    conn.execute(text("""
        INSERT INTO cage.policy (one, currency, dual_control_threshold, ctr_threshold, mtl_threshold,
            floor_manager_approval_limit, variance_threshold, aggregation, gaming_day_start_hour, timezone, updated_at)
        VALUES (true, :currency, :dual, :ctr, :mtl, :fm, :var, :agg, :hour, :tz, now())
        ON CONFLICT (one) DO UPDATE SET currency = EXCLUDED.currency,
            dual_control_threshold = EXCLUDED.dual_control_threshold,
            ctr_threshold = EXCLUDED.ctr_threshold, mtl_threshold = EXCLUDED.mtl_threshold,
            floor_manager_approval_limit = EXCLUDED.floor_manager_approval_limit,
            variance_threshold = EXCLUDED.variance_threshold,
            aggregation = EXCLUDED.aggregation, gaming_day_start_hour = EXCLUDED.gaming_day_start_hour,
            timezone = EXCLUDED.timezone, updated_at = now()"""),
        {"currency": policy.currency, "dual": policy.dual_control_threshold, "ctr": policy.ctr_threshold,
         "mtl": policy.mtl_threshold, "fm": policy.floor_manager_approval_limit,
         "var": policy.variance_threshold, "agg": policy.aggregation,
         "hour": policy.gaming_day_start_hour, "tz": policy.timezone})


def bind_terminal(conn: Connection, login: str, terminal_id: str, *, offline_limit=None,
                  offline_total=None) -> None:
    """Bind database login `login` to terminal `terminal_id` (one login per terminal)."""
    conn.execute(text("""
        INSERT INTO cage.terminal_logins (login, terminal_id, offline_limit, offline_total)
        VALUES (:l, :t, coalesce(CAST(:ol AS numeric), 0), coalesce(CAST(:ot AS numeric), 0))
        ON CONFLICT (login) DO UPDATE SET terminal_id = EXCLUDED.terminal_id,
            offline_limit = coalesce(CAST(:ol AS numeric), cage.terminal_logins.offline_limit),
            offline_total = coalesce(CAST(:ot AS numeric), cage.terminal_logins.offline_total),
            bound_at = now()"""),
        {"l": login, "t": terminal_id, "ol": offline_limit, "ot": offline_total})


@dataclass(frozen=True, slots=True)
class TerminalLogin:
    """A login bound to a terminal and what that terminal may take while the ledger is away
    (per posting and per shift, in the cage's currency; 0 means nothing)."""

    terminal_id: str
    offline_limit: Decimal
    offline_total: Decimal


def terminal_login(engine, login: str) -> TerminalLogin | None:
    """The terminal binding of database login `login` as stored now (None if unbound): read
    back after `db add-login`, so the operator sees what the database will enforce."""
    with engine.connect() as conn:
        row = conn.execute(text("SELECT terminal_id, offline_limit, offline_total FROM cage.terminal_logins "
                                "WHERE login = :l"), {"l": login}).first()
    return TerminalLogin(row.terminal_id, row.offline_limit, row.offline_total) if row else None


def bound_terminal(engine) -> str | None:
    """The terminal the engine's login is bound to (it posts as that terminal and the
    database decides every rule), or None: the schema owner, or a ledger without the API."""
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT to_regprocedure('cage.bound_terminal()')")).scalar() is None:
                return None
            return conn.execute(text("SELECT cage.bound_terminal()")).scalar()
    except Exception:  # noqa: BLE001 - no EXECUTE right (an unbound login): not bound
        return None
