"""`cage.handover_shift` takes an id: a handover retried after a broken connection happens once
(issue 17).

0019's handover had no id: a retry after a lost answer found the shift closed (CA017) and its
outgoing session ended, so the counter could not tell "it went through" from "someone else
closed it", and the soak settled it by looking at the open shift. Now, as every other cage
operation:

- `cage.handover_shift(p_id, p_request_hash, …)`: the same id with the same request hash
  answers with the first handover (`replayed`), before any session check (the outgoing
  session ended with the first); with other details, or another shift, it is refused (CA019,
  IdempotencyConflict). A send of the same id still in progress holds the shift's row lock:
  the retry waits for it, then finds its id.
- `public.handover_requests` (append-only) keys a handover by its id; written only here.
- 0019's function is kept, renamed `cage._handover_shift` and executable by no login, so its
  checks are not restated; the new one has its owner and EXECUTE grants (read before the
  rename), so a database upgraded without `db create-roles` keeps working.

Revision ID: 0024
Revises: 0023
"""
from alembic import op

from cashier_desktop.ledger.migration_patching import give_like, owner_and_grantees

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

OLD = "cage.handover_shift(uuid, uuid, bigint, numeric, jsonb, numeric, jsonb)"
INNER = "cage._handover_shift(uuid, uuid, bigint, numeric, jsonb, numeric, jsonb)"
NEW = "cage.handover_shift(uuid, text, uuid, uuid, bigint, numeric, jsonb, numeric, jsonb)"

TABLE = r"""
CREATE TABLE public.handover_requests (
    id            uuid PRIMARY KEY,           -- client-generated: the idempotency key
    request_hash  text NOT NULL,
    from_shift    bigint NOT NULL UNIQUE REFERENCES public.shift_handovers(from_shift),
    terminal_id   text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    db_login      text NOT NULL DEFAULT session_user
);
CREATE TRIGGER handover_requests_append_only BEFORE UPDATE OR DELETE ON public.handover_requests
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TRIGGER handover_requests_no_truncate BEFORE TRUNCATE ON public.handover_requests
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change();
"""

CREATE = r"""
CREATE FUNCTION cage.handover_shift(p_id uuid, p_request_hash text, p_out_session uuid, p_in_session uuid,
    p_shift bigint, p_out_counted numeric, p_out_count jsonb, p_in_counted numeric, p_in_count jsonb)
RETURNS TABLE (replayed boolean, closed public.shifts, opened public.shifts)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; q public.handover_requests%ROWTYPE; r record;
BEGIN
    IF p_id IS NULL OR coalesce(btrim(p_request_hash), '') = '' THEN
        RAISE EXCEPTION 'A handover needs its id (a retry sends the same one); nothing was changed.'
            USING ERRCODE = 'CA014';
    END IF;
    SELECT * INTO c FROM cage.caller_terminal();
    -- Answered before: the first answer, before any session check (the first ended the
    -- outgoing cashier's session).
    SELECT * INTO q FROM public.handover_requests h WHERE h.id = p_id;
    IF NOT FOUND THEN
        -- A send of this id still in progress holds its shift's row: wait for it, look again.
        PERFORM 1 FROM public.shifts s
        WHERE s.id = p_shift AND (c.trusted OR s.terminal_id = c.terminal) FOR UPDATE;
        SELECT * INTO q FROM public.handover_requests h WHERE h.id = p_id;
    END IF;
    IF q.id IS NOT NULL THEN
        IF NOT c.trusted AND q.terminal_id <> c.terminal THEN
            RAISE EXCEPTION 'Handover % was made at terminal %, not %; nothing was changed.', p_id, q.terminal_id,
                c.terminal USING ERRCODE = 'CA001';
        END IF;
        IF q.request_hash <> p_request_hash OR q.from_shift IS DISTINCT FROM p_shift THEN
            RAISE EXCEPTION 'Handover % was already made with different details; nothing was changed.', p_id
                USING ERRCODE = 'CA019';
        END IF;
        replayed := true;
        closed := (SELECT s FROM public.shifts s WHERE s.id = q.from_shift);
        opened := (SELECT s FROM public.shifts s JOIN public.shift_handovers h ON h.to_shift = s.id
                   WHERE h.from_shift = q.from_shift);
        RETURN NEXT;
        RETURN;
    END IF;
    SELECT * INTO r FROM cage._handover_shift(p_out_session, p_in_session, p_shift, p_out_counted, p_out_count,
        p_in_counted, p_in_count) x;
    INSERT INTO public.handover_requests (id, request_hash, from_shift, terminal_id)
    VALUES (p_id, p_request_hash, p_shift, (r.closed).terminal_id);
    replayed := false; closed := r.closed; opened := r.opened;
    RETURN NEXT;
END $$;
"""


def upgrade() -> None:
    conn = op.get_bind()
    owner, had_acl, grantees = owner_and_grantees(conn, OLD)
    op.execute(TABLE)
    conn.exec_driver_sql(f"ALTER FUNCTION {OLD} RENAME TO _handover_shift")
    conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {INNER} FROM PUBLIC")
    for grantee in grantees:  # internal now: only the new function (its owner's) calls it
        if grantee != "PUBLIC":
            conn.exec_driver_sql(f"REVOKE EXECUTE ON FUNCTION {INNER} FROM {grantee}")
    op.execute(CREATE)
    give_like(conn, NEW, owner, had_acl, grantees)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
