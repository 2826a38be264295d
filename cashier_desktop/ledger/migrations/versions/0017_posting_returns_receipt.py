"""The posting API answers with everything the receipt prints: one round trip per deposit.

`cage.post` and `cage.replay_offline` (0010) returned the ledger row; the counter then asked
the ledger again for the receipt's number in its shift and the staff names
(`receipt_facts`), a second round trip per counter action (issue 16). They now return, in
the same call, `shift_sequence` (the posting's place in its shift, in ledger order: the
same count `receipt_facts` makes, so a reprint prints the same number), `staff_name` and
`approver_name`.

A changed return type needs DROP + CREATE, which would lose what `db create-roles` set on
the old functions: their owner (the NOLOGIN `<prefix>_api_owner`, ledger/api_owner.py) and
the terminal login's EXECUTE (ledger/roles.py). Both are read before the drop and given to
the new function, so a database whose roles were made before this upgrade keeps working
without another `create-roles`.

The count reads the new index on (shift_id, seq), which replaces the one on shift_id alone
(every query by shift uses the new one as well): one index entry per posting, as before.

A number must be given once. Two postings into one shift at the same time (two connections
of one terminal) used to count each other's rows only once committed, so both could get the
same number (also when it was read afterwards by `receipt_facts`). `cage._post` now locks the
shift row FOR NO KEY UPDATE before its ledger row takes its `seq` (it took FOR KEY SHARE):
postings into one shift run one after the other, and each counts every earlier one. It
conflicts with no FOR KEY SHARE (the exchange's, the control trigger's), and a shift is one
terminal's drawer, whose postings come one at a time anyway. `_post` is patched in place at
anchors that must occur once (as 0013 does).

Revision ID: 0017
Revises: 0014
"""
from alembic import op

from cashier_desktop.ledger.migration_patching import give_like, owner_and_grantees, patch_function

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

POST = ("cage.post(uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, text, text, "
        "text, text, text, bigint)")
REPLAY_OFFLINE = "cage.replay_offline(uuid, text, text, text, numeric, text, text, text, text, text, text, bigint)"

_RETURNS = """RETURNS TABLE (replayed boolean, posting public.ledger_transactions, shift_sequence bigint,
    staff_name text, approver_name text)"""

# What a receipt prints beyond the row, read in the posting's own call. The sequence counts
# the shift's rows up to this one, as `receipt_facts` does for a reprint. A statement of its
# own after `_post`: a subquery of the statement that calls `_post` would read with that
# statement's snapshot, taken before the row was inserted (it counted one short). Written
# out in both functions rather than as a helper: a helper made after `db create-roles`
# would not be executable by the API's owner.
_BODY = """DECLARE
    r record;
    v public.ledger_transactions;  -- its row type
BEGIN
    SELECT * INTO r FROM cage._post({args}) x;
    v := r.posting;
    replayed := r.replayed;
    posting := v;
    SELECT CASE WHEN v.shift_id IS NULL THEN NULL ELSE
             (SELECT count(*) FROM public.ledger_transactions o WHERE o.shift_id = v.shift_id AND o.seq <= v.seq) END,
           coalesce((SELECT CAST(s.name AS text) FROM public.staff s WHERE s.id = v.staff_id), ''),
           coalesce((SELECT CAST(a.name AS text) FROM public.staff a WHERE a.id = v.approver_id), '')
    INTO shift_sequence, staff_name, approver_name;
    RETURN NEXT;
END"""

INDEX = r"""
CREATE INDEX ledger_by_shift_seq ON public.ledger_transactions (shift_id, seq) WHERE shift_id IS NOT NULL;
DROP INDEX public.ledger_by_shift;

"""

_POST_ARGS = """false, p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        p_session, p_approver_session, p_reverses, p_reason, p_id_type, p_id_number,
        p_staff, p_approver, p_terminal, p_shift"""
_OFFLINE_ARGS = """true, p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        NULL, NULL, NULL, NULL, p_id_type, p_id_number, p_staff, p_approver, p_terminal, p_shift"""

CREATE_POST = f"""
CREATE FUNCTION cage.post(p_id uuid, p_request_hash text, p_kind text, p_player text, p_amount numeric,
    p_currency text, p_session uuid DEFAULT NULL, p_approver_session uuid DEFAULT NULL,
    p_reverses uuid DEFAULT NULL, p_reason text DEFAULT NULL, p_id_type text DEFAULT NULL,
    p_id_number text DEFAULT NULL, p_staff text DEFAULT NULL, p_approver text DEFAULT NULL,
    p_terminal text DEFAULT NULL, p_shift bigint DEFAULT NULL)
{_RETURNS}
-- PL/pgSQL, not SQL: a SQL function that is not inlined is planned again on every call.
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
{_BODY.format(args=_POST_ARGS)} $$;
"""

CREATE_REPLAY_OFFLINE = f"""
CREATE FUNCTION cage.replay_offline(p_id uuid, p_request_hash text, p_kind text, p_player text,
    p_amount numeric, p_currency text, p_staff text, p_approver text DEFAULT NULL,
    p_id_type text DEFAULT NULL, p_id_number text DEFAULT NULL, p_terminal text DEFAULT NULL,
    p_shift bigint DEFAULT NULL)
{_RETURNS}
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
{_BODY.format(args=_OFFLINE_ARGS)} $$;
"""


def _recreate_keeping_owner_and_grants(conn, signature: str, create_sql: str) -> None:
    """DROP and CREATE `signature`, then give the new function the old one's owner and the
    EXECUTE grants it had (the terminal login's, set by `db create-roles`)."""
    owner, had_acl, grantees = owner_and_grantees(conn, signature)
    conn.exec_driver_sql(f"DROP FUNCTION {signature}")
    conn.exec_driver_sql(create_sql)
    give_like(conn, signature, owner, had_acl, grantees)


_POST_SIGNATURE = ("cage._post(boolean, uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, "
                   "text, text, text, text, text, bigint)")
# (anchor that must occur exactly once in `cage._post`, replacement)
_SHIFT_LOCK_PATCHES = [
    ("        v_shift := p_shift;  -- the owner's explicit posting (demo tools, tests, the CLI as owner)\n",
     "        v_shift := p_shift;  -- the owner's explicit posting (demo tools, tests, the CLI as owner)\n"
     "        -- one posting into a shift at a time: receipt numbers in the shift are given once (0017)\n"
     "        PERFORM 1 FROM public.shifts s WHERE s.id = v_shift FOR NO KEY UPDATE;\n"),
    ("        WHERE s.terminal_id = v_terminal AND s.status = 'open' FOR KEY SHARE;\n",
     "        -- one posting into a shift at a time: receipt numbers in the shift are given once (0017)\n"
     "        WHERE s.terminal_id = v_terminal AND s.status = 'open' FOR NO KEY UPDATE;\n"),
]


def upgrade() -> None:
    conn = op.get_bind()
    op.execute(INDEX)
    patch_function(conn, "0017", _POST_SIGNATURE, _SHIFT_LOCK_PATCHES)
    _recreate_keeping_owner_and_grants(conn, POST, CREATE_POST)
    _recreate_keeping_owner_and_grants(conn, REPLAY_OFFLINE, CREATE_REPLAY_OFFLINE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
