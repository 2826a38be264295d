"""A database upgraded the way production upgrades it: migrated to an older revision, its
roles made there by `db create-roles`, then upgraded by the schema owner. The migration
tests (0017, 0022, 0026) check that functions a migration re-creates or adds keep the API
owner and the logins' EXECUTE grants without another `create-roles`."""

from __future__ import annotations

import os
import uuid

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from cashier_desktop.ledger import migrate, roles
from cashier_desktop.ledger.api_tables import store_policy
from cashier_desktop.ledger.seed import seed_staff
from tests.support.databases import cheap_pins
from tests.support.login_fixtures import POLICY


def roles_made_at(owner: Engine, prefix: str, revision: str) -> None:
    """Migrate to `revision`, run `db create-roles` there, add the demo staff and the policy."""
    migrate.upgrade(owner, revision)
    roles.create_roles(owner, prefix=prefix)
    if os.environ.get("CASHIER_ARGON2_PROFILE") == "cheap":
        cheap_pins(owner)
    seed_staff(owner)
    with owner.begin() as conn:
        store_policy(conn, POLICY)


def terminal_login(owner: Engine, url, prefix: str, name: str, terminal_id: str, **allowance) -> str:
    """`add-login <prefix>_<name> --group terminal --terminal-id …`; the URL to connect as it."""
    login, password = f"{prefix}_{name}", uuid.uuid4().hex + "Aa1"
    roles.add_login(owner, login, "terminal", password, prefix=prefix, terminal_id=terminal_id, **allowance)
    return url.set(username=login, password=password).render_as_string(hide_password=False)


def may_execute(conn: Connection, function: str, *role_names: str) -> tuple[bool, ...]:
    """Whether each role may EXECUTE `function`, then whether PUBLIC may."""
    checks = ", ".join(f"has_function_privilege(:r{i}, :f, 'EXECUTE')" for i in range(len(role_names)))
    row = conn.execute(text(f"""SELECT {checks},
            EXISTS (SELECT 1 FROM pg_proc p, aclexplode(p.proacl) a
                    WHERE p.oid = to_regprocedure(:f) AND a.grantee = 0)"""),
                       {"f": function, **{f"r{i}": r for i, r in enumerate(role_names)}}).one()
    return tuple(row)
