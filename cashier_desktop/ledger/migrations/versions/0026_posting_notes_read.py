"""A posting read back from the ledger carries its notes (issue 17).

Since 0022 a cash posting records the notes paid in and out (`public.posting_notes`), but no
terminal login may read that table (the supervisor's `cage.drawer_holding` reads it, so the
cashier's count stays blind). A posting read back by its id — a reprint at another terminal,
a retry answered with the original receipt, a journal entry in doubt settled as posted —
therefore got its notes only from this terminal's journal, and printed none anywhere else.

`cage.posting_notes(p_posting uuid)` answers (denomination, pieces_in, pieces_out) of one
posting, as its receipt prints them. Decided: a function, not a wider grant or a new answer
column of the API, because the read paths are plain SELECTs of `ledger_transactions` (the
by-id read, the journal's lookup, the reprint's facts): each calls it in a scalar subquery of
the same statement, so the notes come with the receipt in the same round trip, and the table
itself stays unreadable (no SELECT on it for any login, as before).

Blind count: the function answers one posting given its id — what that posting's receipt
prints and the cashier counted across the counter. It gives no aggregate; a drawer's expected
holding by denomination stays `cage.drawer_holding`'s, for a supervisor's session. (The
terminal login could already sum `ledger_transactions.drawer_delta` of a shift; the count's
blindness is the terminal's, not the table grants'.)

The function gets the owner and the EXECUTE grants of `cage.post_with_notes` (read from the
catalog, as 0022 does): the logins that post notes reprint them, and a database whose roles
were made before this upgrade works without another `db create-roles`.

Revision ID: 0026
Revises: 0025
"""
from alembic import op
from sqlalchemy import text

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

POST_WITH_NOTES = ("cage.post_with_notes(uuid, text, text, text, numeric, text, uuid, jsonb, jsonb, uuid, text, "
                   "text, text, text, text, text, bigint)")
POSTING_NOTES = "cage.posting_notes(uuid)"

CREATE_POSTING_NOTES = """
CREATE FUNCTION cage.posting_notes(p_posting uuid)
RETURNS TABLE (denomination numeric, pieces_in integer, pieces_out integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT n.denomination, n.pieces_in, n.pieces_out FROM public.posting_notes n
    WHERE n.posting_id = p_posting ORDER BY n.denomination DESC
$$;
"""


def _owner_and_grantees(conn, signature: str) -> tuple[str, bool, list[str]]:
    owner, had_acl = conn.execute(text("""SELECT pg_get_userbyid(p.proowner), p.proacl IS NOT NULL
        FROM pg_proc p WHERE p.oid = to_regprocedure(:f)"""), {"f": signature}).one()
    grantees = conn.execute(text("""
        SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END
        FROM pg_proc p, aclexplode(p.proacl) a
        WHERE p.oid = to_regprocedure(:f) AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner
        ORDER BY 1"""), {"f": signature}).scalars().all()
    return owner, had_acl, list(grantees)


def upgrade() -> None:
    conn = op.get_bind()
    owner, had_acl, grantees = _owner_and_grantees(conn, POST_WITH_NOTES)
    op.execute(CREATE_POSTING_NOTES)
    if had_acl:
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {POSTING_NOTES} FROM PUBLIC")
    for grantee in grantees:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {POSTING_NOTES} TO {grantee}")
    me, superuser = conn.execute(text(
        "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
    if owner == me:
        return
    # ALTER … OWNER needs the new owner to have CREATE on the schema (a superuser needs no
    # such thing): granted for this statement only, as 0022 and `hand_api_to_owner` do.
    lend_create = not superuser and not conn.execute(text(
        "SELECT has_schema_privilege(:o, 'cage', 'CREATE')"), {"o": owner}).scalar()
    quoted = conn.execute(text("SELECT quote_ident(:o)"), {"o": owner}).scalar()
    if lend_create:
        conn.exec_driver_sql(f"GRANT CREATE ON SCHEMA cage TO {quoted}")
    conn.exec_driver_sql(f"ALTER FUNCTION {POSTING_NOTES} OWNER TO {quoted}")
    if lend_create:
        conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA cage FROM {quoted}")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
