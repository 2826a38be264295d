"""How a migration changes a function an earlier migration made: patch it, do not restate it.

Re-creating a function from a copy of its old source would silently undo whatever another
migration changed in it since. So a migration reads the function's current definition,
replaces each anchor exactly once, and re-creates it; an anchor found zero or several times
fails the upgrade ("re-point the patch") instead of patching the wrong place. Used by
migrations 0013, 0016, 0017, 0019, 0021, 0023 and 0032. `redefine_function` does the same
for a patch that adds a parameter (to PostgreSQL another function: the old one is dropped,
and the new one keeps its owner and grants), used by 0032.

`owner_and_grantees` / `give_like` give a function a migration adds in place of another the
owner and EXECUTE grants of the one it replaces (read before any drop or rename), so a
database whose roles were made before the upgrade keeps working without another
`db create-roles` (used by 0017, 0022, 0024 and 0026).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection


def patch_function(conn: Connection, migration: str, signature: str, patches: list[tuple[str, str]]) -> None:
    """Re-create `signature` from its current definition with each anchor replaced once."""
    from alembic import op
    op.execute(_patched(conn, migration, signature, patches))


def redefine_function(conn: Connection, migration: str, old_signature: str, new_signature: str,
                      patches: list[tuple[str, str]]) -> None:
    """Patch `old_signature` into `new_signature` (its parameter list is one of the patches):
    the old function is dropped — a call that fits both would be ambiguous — and the new one
    gets the old one's owner and EXECUTE grants, so terminals keep working through the upgrade."""
    from alembic import op
    owner, had_acl, grantees = owner_and_grantees(conn, old_signature)
    source = _patched(conn, migration, old_signature, patches)
    conn.exec_driver_sql(f"DROP FUNCTION {old_signature}")
    op.execute(source)
    if conn.execute(text("SELECT to_regprocedure(:f)"), {"f": new_signature}).scalar() is None:
        raise RuntimeError(f"{migration}: the patched {old_signature} is not {new_signature}; re-point the patch")
    give_like(conn, new_signature, owner, had_acl, grantees)


def _patched(conn: Connection, migration: str, signature: str, patches: list[tuple[str, str]]) -> str:
    source = conn.execute(text("SELECT pg_get_functiondef(to_regprocedure(:f))"), {"f": signature}).scalar_one()
    for anchor, replacement in patches:
        count = source.count(anchor)
        if count != 1:
            raise RuntimeError(f"{migration}: {signature} has {count} copies of {anchor.strip()!r}; "
                               "re-point the patch")
        source = source.replace(anchor, replacement)
    return source


def owner_and_grantees(conn: Connection, signature: str) -> tuple[str, bool, list[str]]:
    """(owner, whether it has an ACL, the roles besides its owner that may EXECUTE it)."""
    owner, had_acl = conn.execute(text("""SELECT pg_get_userbyid(p.proowner), p.proacl IS NOT NULL
        FROM pg_proc p WHERE p.oid = to_regprocedure(:f)"""), {"f": signature}).one()
    grantees = conn.execute(text("""
        SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END
        FROM pg_proc p, aclexplode(p.proacl) a
        WHERE p.oid = to_regprocedure(:f) AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner
        ORDER BY 1"""), {"f": signature}).scalars().all()
    return owner, had_acl, list(grantees)


def give_like(conn: Connection, signature: str, owner: str, had_acl: bool, grantees: list[str]) -> None:
    """Give `signature` that owner and those EXECUTE grants (from `owner_and_grantees`)."""
    if had_acl:
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    for grantee in grantees:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {signature} TO {grantee}")
    me, superuser = conn.execute(text(
        "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
    if owner == me:
        return
    # ALTER … OWNER needs the new owner to have CREATE on the schema (a superuser needs no
    # such thing): granted for this statement only, as `hand_api_to_owner` does.
    lend_create = not superuser and not conn.execute(text(
        "SELECT has_schema_privilege(:o, 'cage', 'CREATE')"), {"o": owner}).scalar()
    quoted = conn.execute(text("SELECT quote_ident(:o)"), {"o": owner}).scalar()
    if lend_create:
        conn.exec_driver_sql(f"GRANT CREATE ON SCHEMA cage TO {quoted}")
    conn.exec_driver_sql(f"ALTER FUNCTION {signature} OWNER TO {quoted}")
    if lend_create:
        conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA cage FROM {quoted}")
