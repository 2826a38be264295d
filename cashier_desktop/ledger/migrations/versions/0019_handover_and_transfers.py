"""Handover, fills and credits with the main bank, the cage's total accountability (issue 17).

All through SECURITY DEFINER functions in schema `cage` (`search_path = pg_catalog,
pg_temp`, names schema-qualified), as in 0010 and 0013; the new tables are written by them
alone.

- **Handover without closing the terminal** (`cage.handover_shift`): the outgoing and the
  incoming cashier each count the drawer (the incoming one blind) and authenticate; ONE
  transaction closes the outgoing shift with its count through `cage.close_shift` (so its
  expected figure, variance and supervisor review are exactly those of a close) and opens
  the incoming cashier's shift on the same terminal through `cage.open_shift`, with the
  count as its float; `public.shift_handovers` links the two (a shift is handed over once).
  The two counts must agree, or nothing changes: a difference between them would be cash
  no shift accounts for. The outgoing cashier's staff session ends with the handover, so
  the postings that follow are the incoming cashier's, in the incoming shift. Two handovers
  of one drawer: both lock the shift row; the second finds it closed and is refused.
- **Fills and credits** (`cage.bank_transfer`): a fill moves cash from the main bank to a
  window (the calling terminal's open shift), a credit from the window to the bank; `fund`
  and `remit` move cash between the bank and the outside (the count room, the treasury).
  Each is one row of `public.bank_transfers` (append-only, client id = idempotency key)
  with a sender's and a receiver's signature: two staff sessions of two different people.
  The bank side is signed by someone with the `bank_transfer` right, the window side by the
  drawer's own cashier. The bank's balance (`public.bank_balances`, one row per currency,
  CHECK balance >= 0) is changed under its row lock, so concurrent transfers serialize and
  a same-id retry finds the first row. A fill takes the key-share lock on the shift row
  that every posting takes: a close waits for it (and its expected figure includes it) or
  the fill waits for the close and is refused. `cage.close_shift` is patched (0013's
  anchored `_patch_function`) to add the shift's transfers to its expected figure, and
  `cage.drawer_holding` to count them as cash moved without notes.
- **Total accountability** (`cage.accountability`, a supervisor's session: it shows the
  expected cash of open drawers, which the cashier's count must not see): every drawer
  open at the end of a gaming day (or now), the bank and the markers outstanding, each
  with the figure the stored state gives and the figure the ledger's rows give.

Revision ID: 0019
Revises: 0014
"""
from alembic import op
from sqlalchemy import text

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- ------------------------------------------------------------ handover -----------------
CREATE TABLE public.shift_handovers (
    from_shift      bigint PRIMARY KEY REFERENCES public.shifts(id),
    to_shift        bigint NOT NULL UNIQUE REFERENCES public.shifts(id),
    terminal_id     text NOT NULL,
    outgoing_staff  varchar(32) NOT NULL REFERENCES public.staff(id),
    incoming_staff  varchar(32) NOT NULL REFERENCES public.staff(id),
    counted         numeric(14,2) NOT NULL CHECK (counted >= 0),
    handed_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    db_login        text NOT NULL DEFAULT session_user,
    CHECK (outgoing_staff <> incoming_staff)
);
CREATE TRIGGER shift_handovers_append_only BEFORE UPDATE OR DELETE ON public.shift_handovers
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TRIGGER shift_handovers_no_truncate BEFORE TRUNCATE ON public.shift_handovers
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change();

-- Internal: the value of a count by denomination ({"500": 10} -> 5000), NULL for no count.
CREATE FUNCTION cage.count_value(p_count jsonb) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_count IS NULL THEN NULL
                ELSE (SELECT coalesce(sum(n.denomination * n.pieces), 0) FROM cage.note_pieces(p_count) n) END
$$;

CREATE FUNCTION cage.handover_shift(p_out_session uuid, p_in_session uuid, p_shift bigint,
    p_out_counted numeric, p_out_count jsonb, p_in_counted numeric, p_in_count jsonb)
RETURNS TABLE (closed public.shifts, opened public.shifts)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st_out record; st_in record; sh public.shifts%ROWTYPE;
    v_closed public.shifts%ROWTYPE; v_opened public.shifts%ROWTYPE; v_new bigint;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    IF p_out_session IS NULL OR p_in_session IS NULL THEN
        RAISE EXCEPTION 'A handover needs both cashiers'' PINs, the outgoing and the incoming; nothing was changed.'
            USING ERRCODE = 'CA010';
    END IF;
    SELECT * INTO st_out FROM cage.session_with_right(p_out_session, 'close_shift');
    SELECT * INTO st_in FROM cage.session_with_right(p_in_session, 'open_shift');
    IF st_out.staff_id = st_in.staff_id THEN
        RAISE EXCEPTION 'The incoming cashier must be someone other than the outgoing one (%); nothing was changed.',
            st_out.staff_id USING ERRCODE = 'CA001';
    END IF;
    IF p_out_counted IS NULL OR p_in_counted IS NULL OR p_out_counted < 0 OR p_in_counted < 0 THEN
        RAISE EXCEPTION 'Both cashiers must count the drawer; nothing was changed.' USING ERRCODE = 'CA014';
    END IF;
    IF cage.count_value(p_out_count) <> p_out_counted OR cage.count_value(p_in_count) <> p_in_counted THEN
        RAISE EXCEPTION 'A count by denomination does not add up to its total; nothing was changed.'
            USING ERRCODE = 'CA014';
    END IF;
    IF p_out_counted <> p_in_counted THEN
        RAISE EXCEPTION 'The two counts differ (% and %): count the drawer again together. Nothing was changed.',
            CAST(p_out_counted AS numeric(14,2)), CAST(p_in_counted AS numeric(14,2)) USING ERRCODE = 'CA014';
    END IF;
    -- The drawer's row lock first: a second handover (or a close) of this shift waits here
    -- and then finds it closed.
    SELECT * INTO sh FROM public.shifts s WHERE s.id = p_shift FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no shift %.', p_shift USING ERRCODE = 'CA002';
    END IF;
    IF NOT c.trusted AND sh.terminal_id <> c.terminal THEN
        RAISE EXCEPTION 'Shift % belongs to terminal %, not %.', p_shift, sh.terminal_id, c.terminal USING ERRCODE = 'CA001';
    END IF;
    IF sh.status <> 'open' THEN
        RAISE EXCEPTION 'Shift % was already handed over or closed; nothing was changed.', p_shift USING ERRCODE = 'CA017';
    END IF;
    SELECT * INTO v_closed FROM cage.close_shift(p_out_session, p_shift, p_out_counted, p_out_count);
    v_new := cage.open_shift(p_in_session, p_in_counted, p_in_count, sh.currency, NULL, sh.terminal_id);
    SELECT * INTO v_opened FROM public.shifts s WHERE s.id = v_new;
    INSERT INTO public.shift_handovers (from_shift, to_shift, terminal_id, outgoing_staff, incoming_staff, counted)
    VALUES (p_shift, v_new, sh.terminal_id, st_out.staff_id, st_in.staff_id, p_in_counted);
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st_out.staff_id, sh.terminal_id, 'shift_handover', jsonb_build_object('from_shift', p_shift,
        'to_shift', v_new, 'incoming', st_in.staff_id, 'counted', CAST(p_in_counted AS numeric(14,2))::text,
        'variance', v_closed.variance::text, 'needs_signoff', v_closed.needs_signoff), session_user);
    -- The outgoing cashier is done at this terminal: their session posts nothing more.
    PERFORM cage.staff_logout(p_out_session);
    closed := v_closed; opened := v_opened;
    RETURN NEXT;
END $$;

-- ------------------------------------------------------------ fills and credits --------
CREATE TABLE public.bank_balances (
    currency    char(3) PRIMARY KEY,
    balance     numeric(14,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.bank_transfers (
    seq           bigserial NOT NULL UNIQUE,
    id            uuid PRIMARY KEY,            -- client-generated: the idempotency key
    request_hash  text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('fill', 'credit', 'fund', 'remit')),
    amount        numeric(14,2) NOT NULL CHECK (amount > 0),
    currency      char(3) NOT NULL,
    drawer_delta  numeric(14,2) NOT NULL,      -- + a fill, - a credit, 0 outside a window
    bank_delta    numeric(14,2) NOT NULL,
    bank_after    numeric(14,2) NOT NULL CHECK (bank_after >= 0),
    shift_id      bigint REFERENCES public.shifts(id),
    terminal_id   text,
    sender_id     varchar(32) NOT NULL REFERENCES public.staff(id),
    receiver_id   varchar(32) NOT NULL REFERENCES public.staff(id),
    reason        text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    db_login      text NOT NULL DEFAULT session_user,
    CHECK (sender_id <> receiver_id),
    CHECK ((kind IN ('fill', 'credit')) = (shift_id IS NOT NULL)),
    CHECK (drawer_delta = CASE kind WHEN 'fill' THEN amount WHEN 'credit' THEN -amount ELSE 0 END),
    CHECK (bank_delta = CASE WHEN kind IN ('fill', 'remit') THEN -amount ELSE amount END)
);
CREATE INDEX bank_transfers_by_shift ON public.bank_transfers (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX bank_transfers_by_time ON public.bank_transfers (created_at);
CREATE TRIGGER bank_transfers_append_only BEFORE UPDATE OR DELETE ON public.bank_transfers
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TRIGGER bank_transfers_no_truncate BEFORE TRUNCATE ON public.bank_transfers
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change();

-- What a shift's drawer should hold at a moment (its expected cash): the float, every
-- posting's drawer side, exchanges' local cash, fills and credits. cage.close_shift sums
-- the same rows (patched below); this one serves the accountability and a credit's check.
CREATE FUNCTION cage.drawer_expected(p_shift bigint, p_at timestamptz DEFAULT 'infinity') RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT s.opening_float
         + coalesce((SELECT sum(l.drawer_delta) FROM public.ledger_transactions l
                     WHERE l.shift_id = s.id AND l.created_at < p_at), 0)
         + coalesce((SELECT sum(x.drawer_local_delta) FROM public.fx_exchanges x
                     WHERE x.shift_id = s.id AND x.created_at < p_at), 0)
         + coalesce((SELECT sum(b.drawer_delta) FROM public.bank_transfers b
                     WHERE b.shift_id = s.id AND b.created_at < p_at), 0)
    FROM public.shifts s WHERE s.id = p_shift
$$;

CREATE FUNCTION cage.bank_transfer(p_id uuid, p_request_hash text, p_kind text, p_amount numeric,
    p_sender_session uuid, p_receiver_session uuid, p_reason text DEFAULT NULL, p_terminal text DEFAULT NULL)
RETURNS TABLE (replayed boolean, transfer public.bank_transfers)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; snd record; rcv record; win record; bnk record; pol cage.policy%ROWTYPE;
    v_row public.bank_transfers%ROWTYPE; sh public.shifts%ROWTYPE;
    v_bank numeric(14,2); v_bank_delta numeric(14,2); v_drawer numeric(14,2); v_words text; v_terminal text;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('fill', 'credit', 'fund', 'remit') THEN
        RAISE EXCEPTION '“%” is not a transfer with the main bank (fill, credit, fund, remit).', p_kind
            USING ERRCODE = 'CA014';
    END IF;
    v_words := CASE p_kind WHEN 'fill' THEN 'A fill' WHEN 'credit' THEN 'A credit'
                           WHEN 'fund' THEN 'Funding the bank' ELSE 'A remittance from the bank' END;
    IF p_amount IS NULL OR p_amount <= 0 OR p_amount <> round(p_amount, 2) THEN
        RAISE EXCEPTION 'The amount must be positive, in paise at most; nothing was posted.' USING ERRCODE = 'CA014';
    END IF;
    IF p_sender_session IS NULL OR p_receiver_session IS NULL THEN
        RAISE EXCEPTION '% needs two signatures: the sender''s and the receiver''s PINs. Nothing was posted.', v_words
            USING ERRCODE = 'CA010';
    END IF;
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO snd FROM cage.session_with_right(p_sender_session, NULL);
    SELECT * INTO rcv FROM cage.session_with_right(p_receiver_session, NULL);
    IF snd.staff_id = rcv.staff_id THEN
        RAISE EXCEPTION 'The sender and the receiver must be two different people (% signed both); nothing was posted.',
            snd.staff_id USING ERRCODE = 'CA001';
    END IF;
    SELECT * INTO pol FROM cage.policy WHERE one;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'No cage policy is stored (run db create-roles); nothing was posted.' USING ERRCODE = 'CA015';
    END IF;
    IF p_kind IN ('fund', 'remit') AND coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'Say where the cash comes from or goes to; nothing was posted.' USING ERRCODE = 'CA014';
    END IF;
    -- Who signs which side: the bank's side needs the right, the window's is its cashier.
    IF p_kind = 'fill' THEN bnk := snd; win := rcv;
    ELSIF p_kind = 'credit' THEN bnk := rcv; win := snd;
    ELSE
        PERFORM cage.require_right(snd.role, 'bank_transfer');
        bnk := rcv;
    END IF;
    PERFORM cage.require_right(bnk.role, 'bank_transfer');
    -- The window: the calling login's terminal (the schema owner names it, as in cage.post).
    v_terminal := CASE WHEN c.trusted THEN nullif(p_terminal, '') ELSE c.terminal END;
    IF NOT c.trusted AND coalesce(p_terminal, '') NOT IN ('', c.terminal) THEN
        RAISE EXCEPTION 'This login works at terminal %, not %; nothing was posted.', c.terminal, p_terminal
            USING ERRCODE = 'CA001';
    END IF;
    IF p_kind IN ('fill', 'credit') THEN
        IF v_terminal IS NULL THEN
            RAISE EXCEPTION '% goes to a window: name its terminal.', v_words USING ERRCODE = 'CA014';
        END IF;
        -- The key-share lock every posting takes: a close waits for this transfer, or this
        -- transfer waits for the close and then finds no open shift.
        SELECT s.* INTO sh FROM public.shifts s
        WHERE s.terminal_id = v_terminal AND s.status = 'open' FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'Terminal % has no open shift; % goes to an open drawer.', v_terminal, lower(v_words)
                USING ERRCODE = 'CA002';
        END IF;
        IF win.staff_id <> sh.staff_id THEN
            RAISE EXCEPTION 'The window''s side is signed by %, whose drawer it is, not by %; nothing was posted.',
                sh.staff_id, win.staff_id USING ERRCODE = 'CA001';
        END IF;
    END IF;

    -- The bank's row lock serializes every transfer in this currency: a retry with the
    -- same id finds the first one's row below, and the balance cannot be spent twice.
    SELECT b.balance INTO v_bank FROM public.bank_balances b WHERE b.currency = pol.currency FOR UPDATE;
    IF NOT FOUND THEN  -- the first transfer in this currency makes the bank's row
        INSERT INTO public.bank_balances (currency, balance) VALUES (pol.currency, 0) ON CONFLICT (currency) DO NOTHING;
        SELECT b.balance INTO v_bank FROM public.bank_balances b WHERE b.currency = pol.currency FOR UPDATE;
    END IF;
    SELECT * INTO v_row FROM public.bank_transfers t WHERE t.id = p_id;
    IF FOUND THEN
        IF v_row.request_hash <> p_request_hash THEN
            RAISE EXCEPTION 'Transfer % was already posted with different details; nothing was posted.', p_id
                USING ERRCODE = 'CA019';
        END IF;
        replayed := true; transfer := v_row;
        RETURN NEXT;
        RETURN;
    END IF;
    v_bank_delta := CASE WHEN p_kind IN ('fill', 'remit') THEN -p_amount ELSE p_amount END;
    IF v_bank + v_bank_delta < 0 THEN
        RAISE EXCEPTION 'The main bank holds % %, less than % %; nothing was posted.',
            v_bank, pol.currency, CAST(p_amount AS numeric(14,2)), pol.currency USING ERRCODE = 'CA005';
    END IF;
    IF p_kind = 'credit' AND cage.drawer_expected(sh.id) < p_amount THEN
        -- No figure in the sentence: the cashier's count stays blind.
        RAISE EXCEPTION 'That is more than the drawer should hold; nothing was posted.' USING ERRCODE = 'CA005';
    END IF;
    v_drawer := CASE p_kind WHEN 'fill' THEN p_amount WHEN 'credit' THEN -p_amount ELSE 0 END;
    UPDATE public.bank_balances b SET balance = b.balance + v_bank_delta, updated_at = now()
    WHERE b.currency = pol.currency;
    INSERT INTO public.bank_transfers (id, request_hash, kind, amount, currency, drawer_delta, bank_delta, bank_after,
        shift_id, terminal_id, sender_id, receiver_id, reason, db_login)
    VALUES (p_id, p_request_hash, p_kind, p_amount, pol.currency, v_drawer, v_bank_delta, v_bank + v_bank_delta,
        sh.id, v_terminal, snd.staff_id, rcv.staff_id, nullif(btrim(p_reason), ''), session_user)
    RETURNING * INTO v_row;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (snd.staff_id, v_terminal, 'bank_' || p_kind, jsonb_build_object('transfer_id', p_id::text,
        'amount', v_row.amount::text, 'sender', snd.staff_id, 'receiver', rcv.staff_id, 'shift_id', sh.id,
        'bank_after', v_row.bank_after::text), session_user);
    replayed := false; transfer := v_row;
    RETURN NEXT;
END $$;

-- ------------------------------------------------------------ accountability -----------
-- The cage's total accountability at the end of gaming day p_day (or now, for today or
-- NULL): every drawer open then, the bank, the markers outstanding. `amount` is what the
-- stored state says, `ledger` what the ledger's rows add up to; they must agree.
CREATE FUNCTION cage.accountability(p_session uuid, p_day date DEFAULT NULL)
RETURNS TABLE (section text, shift_id bigint, terminal_id text, staff_id text, amount numeric, ledger numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    pol cage.policy%ROWTYPE; v_at timestamptz := now(); v_now boolean := true; v_end timestamptz;
BEGIN
    PERFORM cage.session_with_right(p_session, 'run_reports');
    SELECT * INTO pol FROM cage.policy WHERE one;
    IF p_day IS NOT NULL THEN
        v_end := (p_day + interval '1 day' + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
        IF v_end < v_at THEN
            v_at := v_end; v_now := false;
        END IF;
    END IF;
    RETURN QUERY
    SELECT 'drawer'::text, s.id, s.terminal_id, s.staff_id::text,
           cage.drawer_expected(s.id, v_at), cage.drawer_expected(s.id, v_at)
    FROM public.shifts s
    WHERE s.opened_at < v_at AND (s.closed_at IS NULL OR s.closed_at >= v_at)
    ORDER BY s.terminal_id, s.id;
    RETURN QUERY
    SELECT 'bank'::text, NULL::bigint, NULL::text, NULL::text,
           CASE WHEN v_now THEN coalesce((SELECT b.balance FROM public.bank_balances b WHERE b.currency = pol.currency), 0)
                ELSE coalesce((SELECT t.bank_after FROM public.bank_transfers t WHERE t.currency = pol.currency
                               AND t.created_at < v_at ORDER BY t.seq DESC LIMIT 1), 0) END,
           coalesce((SELECT sum(t.bank_delta) FROM public.bank_transfers t
                     WHERE t.currency = pol.currency AND t.created_at < v_at), 0);
    RETURN QUERY
    SELECT 'markers'::text, NULL::bigint, NULL::text, NULL::text,
           CASE WHEN v_now THEN coalesce((SELECT sum(p.current_credit) FROM public.players p), 0)
                ELSE coalesce((SELECT sum(o.amount) FROM public.markers o WHERE o.issued_at < v_at), 0)
                   - coalesce((SELECT sum(a.amount) FROM public.marker_allocations a
                               JOIN public.ledger_transactions l ON l.id = a.posting_id
                               WHERE l.created_at < v_at), 0) END,
           coalesce((SELECT sum(l.credit_delta) FROM public.ledger_transactions l WHERE l.created_at < v_at), 0);
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;
"""

_CLOSE_PATCHES = [
    # fills and credits are in the drawer's expected cash
    ("    v_variance := p_counted - v_expected;\n",
     "    v_expected := v_expected + coalesce((SELECT sum(b.drawer_delta) FROM public.bank_transfers b\n"
     "                                         WHERE b.shift_id = p_shift), 0);\n"
     "    v_variance := p_counted - v_expected;\n"),
]

_HOLDING_PATCHES = [
    # a fill or credit is cash that moved without notes recorded: the supervisor's view of the
    # drawer by denomination adds up to what the close will expect. Anchored on the line that
    # closes the no-notes row (not inside it, where another migration adds exchanges' cash).
    ("    ) u WHERE u.amount <> 0\n",
     "    ) u0 CROSS JOIN LATERAL (SELECT u0.amount + coalesce((SELECT sum(b.drawer_delta)\n"
     "        FROM public.bank_transfers b WHERE b.shift_id = p_shift), 0) AS amount) u WHERE u.amount <> 0\n"),
]


def _patch_function(conn, signature: str, patches: list[tuple[str, str]]) -> None:
    patch_function(conn, "0019", signature, patches)  # ledger/migration_patching.py


def upgrade() -> None:
    op.execute(UPGRADE)
    conn = op.get_bind()
    from cashier_desktop.ledger.api_tables import sync_rights
    sync_rights(conn)  # the `bank_transfer` right (domain/roles.py)
    _patch_function(conn, "cage.close_shift(uuid, bigint, numeric, jsonb, text, numeric)", _CLOSE_PATCHES)
    _patch_function(conn, "cage.drawer_holding(uuid, bigint)", _HOLDING_PATCHES)
    conn.exec_driver_sql("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
