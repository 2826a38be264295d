"""Foreign cash by denomination: an exchange's notes, and a drawer's foreign holding by note
(issue 17).

Until now a drawer's foreign cash was one figure per currency (`cage.shift_foreign_cash`):
a supervisor could not say which notes a drawer holding USD 1,370 should have, so a count
of it could not be checked note by note as the local cash is (0013's `posting_notes`).

- `public.exchange_notes` (append-only): the foreign notes an exchange took in (`buy`) or
  paid out (`sell`), one row per denomination. Written only by `cage.exchange_with_notes`.
- `cage.exchange_with_notes(…, p_notes)` is `cage.exchange` with the foreign notes: the
  exchange is made by `cage.exchange` itself (rate, identification, authority, drawer, all
  unchanged), then the notes are checked against the currency's notes and coins
  (`cage.note_pieces(notes, currency)`, 0016) and must add up to the foreign amount, or the
  whole exchange is refused. A same-id retry answers with the first exchange and writes no
  notes again. Empty or NULL notes: an exchange without notes, as before.
- `cage.drawer_foreign_holding(p_session, p_shift)`: a supervisor's session (right
  `sign_off_shift`, as `cage.drawer_holding`; the cashier's count stays blind) gets, per
  foreign currency, the pieces per note the drawer should hold from its exchanges' notes,
  and the foreign cash that moved without notes (reversals, exchanges taken without them) on
  a row without a denomination, so the rows of a currency add up to `shift_foreign_cash`.

Revision ID: 0031
Revises: 0030
"""
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TABLE public.exchange_notes (
    exchange_id   uuid NOT NULL REFERENCES public.fx_exchanges(id),
    currency      char(3) NOT NULL,
    denomination  numeric(14,2) NOT NULL CHECK (denomination > 0),
    pieces_in     integer NOT NULL DEFAULT 0 CHECK (pieces_in >= 0),
    pieces_out    integer NOT NULL DEFAULT 0 CHECK (pieces_out >= 0),
    CHECK (pieces_in + pieces_out > 0),
    PRIMARY KEY (exchange_id, denomination)
);
CREATE TRIGGER exchange_notes_append_only BEFORE UPDATE OR DELETE ON public.exchange_notes
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TRIGGER exchange_notes_no_truncate BEFORE TRUNCATE ON public.exchange_notes
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change();

CREATE FUNCTION cage.exchange_with_notes(p_id uuid, p_request_hash text, p_direction text, p_currency text,
    p_foreign_amount numeric, p_session uuid, p_approver_session uuid, p_player text, p_quoted_rate bigint,
    p_id_type text, p_id_number text, p_notes jsonb)
RETURNS TABLE (replayed boolean, exchange public.fx_exchanges)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r record; v_row public.fx_exchanges%ROWTYPE; v_sum numeric; v_currency text;
BEGIN
    SELECT x.replayed AS again, x.exchange AS ex INTO r
    FROM cage.exchange(p_id, p_request_hash, p_direction, p_currency, p_foreign_amount, p_session,
                       p_approver_session, p_player, p_quoted_rate, p_id_type, p_id_number) x;
    v_row := r.ex;
    v_currency := btrim(v_row.currency);
    IF NOT r.again AND p_notes IS NOT NULL AND p_notes <> '{}'::jsonb THEN
        SELECT coalesce(sum(n.denomination * n.pieces), 0) INTO v_sum FROM cage.note_pieces(p_notes, v_currency) n;
        IF v_sum <> v_row.foreign_amount THEN
            RAISE EXCEPTION 'The foreign notes add up to % %, not the % % exchanged; nothing was posted.',
                v_sum, v_currency, v_row.foreign_amount, v_currency USING ERRCODE = 'CA014';
        END IF;
        INSERT INTO public.exchange_notes (exchange_id, currency, denomination, pieces_in, pieces_out)
        SELECT v_row.id, v_currency, n.denomination,
               CASE WHEN v_row.direction = 'buy' THEN n.pieces ELSE 0 END,
               CASE WHEN v_row.direction = 'buy' THEN 0 ELSE n.pieces END
        FROM cage.note_pieces(p_notes, v_currency) n;
    END IF;
    replayed := r.again; exchange := v_row;
    RETURN NEXT;
END $$;

CREATE FUNCTION cage.drawer_foreign_holding(p_session uuid, p_shift bigint)
RETURNS TABLE (currency text, denomination numeric, pieces bigint, amount numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    st record;
BEGIN
    SELECT * INTO st FROM cage.session_with_right(p_session, 'sign_off_shift');
    IF NOT EXISTS (SELECT 1 FROM public.shifts s WHERE s.id = p_shift) THEN
        RAISE EXCEPTION 'There is no shift %.', p_shift USING ERRCODE = 'CA002';
    END IF;
    RETURN QUERY
    WITH pieces AS (
        SELECT btrim(n.currency) AS cur, n.denomination AS d, sum(n.pieces_in - n.pieces_out)::bigint AS n
        FROM public.exchange_notes n JOIN public.fx_exchanges x ON x.id = n.exchange_id
        WHERE x.shift_id = p_shift GROUP BY 1, 2
    ), held AS (
        SELECT btrim(f.currency) AS cur, f.expected AS total FROM cage.shift_foreign_cash(p_shift) f
    ), rest AS (
        SELECT h.cur, h.total - coalesce((SELECT sum(p.d * p.n) FROM pieces p WHERE p.cur = h.cur), 0) AS amount
        FROM held h
    )
    SELECT p.cur, p.d, p.n, p.d * p.n FROM pieces p WHERE p.n <> 0
    UNION ALL
    SELECT r.cur, NULL::numeric, NULL::bigint, r.amount FROM rest r WHERE r.amount <> 0
    ORDER BY 1, 2 DESC NULLS LAST;
END $$;

REVOKE ALL ON FUNCTION cage.exchange_with_notes(uuid, text, text, text, numeric, uuid, uuid, text, bigint, text,
    text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.drawer_foreign_holding(uuid, bigint) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
