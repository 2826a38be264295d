"""The counter records the notes of a cash posting, live and offline (issue 17).

`cage.post_with_notes` (0013, 0016) answered with the ledger row alone, so a deposit with
notes would have cost the counter a second round trip for the receipt's number and the staff
names, which `cage.post` answers with since 0017. It now answers as `cage.post` does, and
takes `cage.post`'s attested staff, terminal and shift as well (what the schema owner's
postings name: the demo ledger and the tools post as the owner, whose posting has no shift
unless it names one, and notes are recorded only for a posting into a shift); `cage._post`
ignores them for a terminal's login, as for `cage.post`. The notes are refused whole unless
they add up.

`cage.replay_offline` took no notes: a posting taken offline with its notes lost them on
replay. `cage.replay_offline_with_notes` is `cage.replay_offline` (the terminal's offline
allowance, staff attested by the terminal) with the notes in and out, recorded exactly as
`cage.post_with_notes` records them.

A retry of a posting already accepted fails on the ledger row's key before any note is
written (as `cage.post` does), and the client reads the original receipt by its id; the
notes are part of the request hash the client sends, so a retry with other notes is an
IdempotencyConflict.

Both functions get the owner and the EXECUTE grants of the function they extend (read
before the drop, as 0017 does), so a database whose roles were made before this upgrade
keeps working without another `db create-roles`.

Revision ID: 0022
Revises: 0021
"""
from alembic import op

from cashier_desktop.ledger.migration_patching import give_like, owner_and_grantees

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

POST_WITH_NOTES_0016 = ("cage.post_with_notes(uuid, text, text, text, numeric, text, uuid, jsonb, jsonb, uuid, text, "
                        "text, text)")
POST_WITH_NOTES = ("cage.post_with_notes(uuid, text, text, text, numeric, text, uuid, jsonb, jsonb, uuid, text, "
                   "text, text, text, text, text, bigint)")
REPLAY_OFFLINE = "cage.replay_offline(uuid, text, text, text, numeric, text, text, text, text, text, text, bigint)"
REPLAY_WITH_NOTES = ("cage.replay_offline_with_notes(uuid, text, text, text, numeric, text, text, jsonb, jsonb, "
                     "text, text, text, text, bigint)")

_RETURNS = """RETURNS TABLE (replayed boolean, posting public.ledger_transactions, shift_sequence bigint,
    staff_name text, approver_name text)"""

# As 0017's answer, with the notes recorded between the posting and the receipt's facts.
# Written out in both functions (no helper): a helper made after `db create-roles` would not
# be executable by the API's owner.
_BODY = """DECLARE
    r record;
    v public.ledger_transactions;  -- its row type
    v_value numeric;
BEGIN
    SELECT * INTO r FROM cage._post({args}) x;
    v := r.posting;
    IF v.shift_id IS NULL THEN
        RAISE EXCEPTION 'Notes are recorded only for a posting into a shift.' USING ERRCODE = 'CA014';
    END IF;
    INSERT INTO public.posting_notes (posting_id, denomination, pieces_in, pieces_out)
    SELECT p_id, d, coalesce(sum(n_in), 0), coalesce(sum(n_out), 0)
    FROM (SELECT i.denomination AS d, i.pieces AS n_in, NULL::integer AS n_out
          FROM cage.note_pieces(p_notes_in, p_currency) i
          UNION ALL
          SELECT o.denomination, NULL, o.pieces FROM cage.note_pieces(p_notes_out, p_currency) o) x
    GROUP BY d HAVING coalesce(sum(n_in), 0) + coalesce(sum(n_out), 0) > 0;
    SELECT coalesce(sum(n.denomination * (n.pieces_in - n.pieces_out)), 0) INTO v_value
    FROM public.posting_notes n WHERE n.posting_id = p_id;
    IF v_value <> v.drawer_delta THEN
        RAISE EXCEPTION 'The notes in and out come to % but this posting moves % in the drawer; nothing was posted.',
            v_value, v.drawer_delta USING ERRCODE = 'CA014';
    END IF;
    replayed := r.replayed;
    posting := v;
    SELECT (SELECT count(*) FROM public.ledger_transactions o WHERE o.shift_id = v.shift_id AND o.seq <= v.seq),
           coalesce((SELECT CAST(s.name AS text) FROM public.staff s WHERE s.id = v.staff_id), ''),
           coalesce((SELECT CAST(a.name AS text) FROM public.staff a WHERE a.id = v.approver_id), '')
    INTO shift_sequence, staff_name, approver_name;
    RETURN NEXT;
END"""

_POST_ARGS = """false, p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        p_session, p_approver_session, NULL, p_reason, p_id_type, p_id_number, p_staff, p_approver, p_terminal,
        p_shift"""
_OFFLINE_ARGS = """true, p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        NULL, NULL, NULL, NULL, p_id_type, p_id_number, p_staff, p_approver, p_terminal, p_shift"""

CREATE_POST_WITH_NOTES = f"""
CREATE FUNCTION cage.post_with_notes(p_id uuid, p_request_hash text, p_kind text, p_player text,
    p_amount numeric, p_currency text, p_session uuid, p_notes_in jsonb, p_notes_out jsonb,
    p_approver_session uuid DEFAULT NULL, p_reason text DEFAULT NULL, p_id_type text DEFAULT NULL,
    p_id_number text DEFAULT NULL, p_staff text DEFAULT NULL, p_approver text DEFAULT NULL,
    p_terminal text DEFAULT NULL, p_shift bigint DEFAULT NULL)
{_RETURNS}
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
{_BODY.format(args=_POST_ARGS)} $$;
"""

CREATE_REPLAY_WITH_NOTES = f"""
CREATE FUNCTION cage.replay_offline_with_notes(p_id uuid, p_request_hash text, p_kind text, p_player text,
    p_amount numeric, p_currency text, p_staff text, p_notes_in jsonb, p_notes_out jsonb,
    p_approver text DEFAULT NULL, p_id_type text DEFAULT NULL, p_id_number text DEFAULT NULL,
    p_terminal text DEFAULT NULL, p_shift bigint DEFAULT NULL)
{_RETURNS}
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
{_BODY.format(args=_OFFLINE_ARGS)} $$;
"""


def _create_like(conn, model: str, signature: str, create_sql: str, *, drop: bool) -> None:
    """Create `signature` with `model`'s owner and EXECUTE grants (read first; `model` is
    dropped first when it is the function being re-created)."""
    owner, had_acl, grantees = owner_and_grantees(conn, model)
    if drop:
        conn.exec_driver_sql(f"DROP FUNCTION {model}")
    op.execute(create_sql)  # through text(): the body has “%” placeholders of RAISE
    give_like(conn, signature, owner, had_acl, grantees)


def upgrade() -> None:
    conn = op.get_bind()
    _create_like(conn, POST_WITH_NOTES_0016, POST_WITH_NOTES, CREATE_POST_WITH_NOTES, drop=True)
    _create_like(conn, REPLAY_OFFLINE, REPLAY_WITH_NOTES, CREATE_REPLAY_WITH_NOTES, drop=False)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
