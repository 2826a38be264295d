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

from cashier_desktop.ledger.migration_patching import give_like, owner_and_grantees

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


def upgrade() -> None:
    conn = op.get_bind()
    owner, had_acl, grantees = owner_and_grantees(conn, POST_WITH_NOTES)
    op.execute(CREATE_POSTING_NOTES)
    give_like(conn, POSTING_NOTES, owner, had_acl, grantees)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
