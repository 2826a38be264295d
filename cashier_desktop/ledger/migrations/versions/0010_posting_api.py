"""The posting API lives in the database: schema `cage`, one call per counter action.

A terminal's database login can call these functions and write no table itself (grants in
ledger/roles.py). Each function a login may call is SECURITY DEFINER with `search_path =
pg_catalog, pg_temp`; the internal helpers (`_post`, `caller_terminal`, `acting_staff`,
`require_right`) run only inside them, under that path; every name is schema-qualified, so
a TEMP table cannot shadow anything.

- `cage.terminal_logins`: login -> terminal id (filled by `add-login … --terminal-id`). A
  terminal login's postings, shifts and MTL rows carry that terminal, whatever it passes.
- `cage.policy`: the thresholds the database enforces (one row, written by
  `db create-roles` / `db seed-demo` from the configuration).
- `cage.actions`, `cage.role_rights`, `cage.kind_actions`: the permission matrix of
  domain/roles.py, copied by `ledger/api_tables.sync_rights` (a test checks they agree).
- `cage.post(...)`: authenticates the staff session (H2's `cage.session_staff`), checks
  rights, approvals, authority, shift, funds, identification threshold and writes the MTL
  entry under the player's row lock, the ledger row (stamped `db_login`), the audit rows.
- `cage.replay_offline(...)`: a journal entry taken offline, accepted only within the
  terminal's offline allowance and marked `offline_attested`.
- `ledger_check_controls()` and the outbox trigger are re-created with a pinned
  search_path and qualified names (a TEMP `staff`/`shifts` cannot shadow them).

Revision ID: 0010
Revises: 0009
"""
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE SCHEMA IF NOT EXISTS cage;
REVOKE ALL ON SCHEMA cage FROM PUBLIC;

ALTER TABLE public.ledger_transactions
    ADD COLUMN db_login text NOT NULL DEFAULT session_user,
    ADD COLUMN offline_attested boolean NOT NULL DEFAULT false;
ALTER TABLE public.shifts ADD COLUMN db_login text NOT NULL DEFAULT session_user;
ALTER TABLE public.mtl_entries ADD COLUMN db_login text NOT NULL DEFAULT session_user;

CREATE TABLE cage.terminal_logins (
    login          name PRIMARY KEY,
    terminal_id    text NOT NULL UNIQUE CHECK (terminal_id <> ''),
    -- what this terminal may have taken while offline: per posting, and per shift in all
    offline_limit  numeric(14,2) NOT NULL DEFAULT 0 CHECK (offline_limit >= 0),
    offline_total  numeric(14,2) NOT NULL DEFAULT 0 CHECK (offline_total >= 0),
    bound_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cage.policy (
    one                          boolean PRIMARY KEY DEFAULT true CHECK (one),
    currency                     char(3) NOT NULL,
    dual_control_threshold       numeric(14,2) NOT NULL,
    ctr_threshold                numeric(14,2) NOT NULL,
    mtl_threshold                numeric(14,2) NOT NULL,
    floor_manager_approval_limit numeric(14,2) NOT NULL,
    variance_threshold           numeric(14,2) NOT NULL,
    aggregation                  text NOT NULL CHECK (aggregation IN ('gaming_day', 'month')),
    gaming_day_start_hour        integer NOT NULL CHECK (gaming_day_start_hour BETWEEN 0 AND 23),
    timezone                     text NOT NULL,
    updated_at                   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cage.actions (action text PRIMARY KEY, phrase text NOT NULL);
CREATE TABLE cage.role_rights (
    role   text NOT NULL,
    action text NOT NULL REFERENCES cage.actions(action),
    PRIMARY KEY (role, action)
);
CREATE TABLE cage.kind_actions (kind text PRIMARY KEY, action text NOT NULL REFERENCES cage.actions(action));

-- The terminal of the calling login, or NULL for the schema owner / a superuser (trusted:
-- they may name a terminal); anyone else is refused.
-- Helpers below run only inside the API's SECURITY DEFINER functions (no one else may
-- execute them), under their pinned search_path: no SET of their own, which would cost a
-- configuration save and restore on every call.
CREATE FUNCTION cage.caller_terminal(OUT terminal text, OUT trusted boolean)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT t.terminal_id INTO terminal FROM cage.terminal_logins t WHERE t.login = session_user;
    IF FOUND THEN
        trusted := false;
        RETURN;
    END IF;
    trusted := EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = session_user AND r.rolsuper)
        OR EXISTS (SELECT 1 FROM pg_catalog.pg_database d
                   WHERE d.datname = pg_catalog.current_database()
                     AND d.datdba = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = session_user))
        OR EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n
                   WHERE n.nspname = 'public'
                     AND n.nspowner = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = session_user));
    IF NOT trusted THEN
        RAISE EXCEPTION 'This database login (%) is not bound to a terminal; ask the administrator to run add-login … --terminal-id.',
            session_user USING ERRCODE = 'CA001';
    END IF;
END $$;

-- The terminal this login is bound to, or NULL: lets a client know the database decides.
CREATE FUNCTION cage.bound_terminal() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT t.terminal_id FROM cage.terminal_logins t WHERE t.login = session_user
$$;

-- Who is acting: from an authenticated staff session (cage.session_staff, migration 0009);
-- a trusted caller may name the staff member instead.
CREATE FUNCTION cage.acting_staff(p_session uuid, p_staff text, p_trusted boolean, p_what text,
    OUT staff_id text, OUT role text, OUT approval_limit numeric)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_session IS NOT NULL THEN
        SELECT s.staff_id, s.role, s.approval_limit INTO staff_id, role, approval_limit
        FROM cage.session_staff(p_session) s;
        IF p_staff IS NOT NULL AND p_staff <> staff_id THEN
            RAISE EXCEPTION 'The % named (%) is not the one who entered their PIN (%); nothing was posted.',
                p_what, p_staff, staff_id USING ERRCODE = 'CA001';
        END IF;
        RETURN;
    END IF;
    IF NOT p_trusted THEN
        IF p_staff IS NULL THEN
            RETURN;
        END IF;
        RAISE EXCEPTION 'The % (%) must enter their PIN at this terminal; nothing was posted.',
            p_what, p_staff USING ERRCODE = 'CA010';
    END IF;
    IF p_staff IS NULL THEN
        RETURN;
    END IF;
    SELECT s.id, s.role, s.approval_limit INTO staff_id, role, approval_limit
    FROM public.staff s WHERE s.id = p_staff AND s.active;
    IF NOT FOUND THEN
        IF EXISTS (SELECT 1 FROM public.staff s WHERE s.id = p_staff) THEN
            RAISE EXCEPTION '% is no longer an active staff member.', p_staff USING ERRCODE = 'CA001';
        END IF;
        RAISE EXCEPTION 'There is no staff member “%”%.', p_staff,
            CASE p_what WHEN 'approver' THEN ' to approve this' ELSE '' END USING ERRCODE = 'CA001';
    END IF;
END $$;

CREATE FUNCTION cage.require_right(p_role text, p_action text)
RETURNS void LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_phrase text;
    v_needed text;
BEGIN
    IF EXISTS (SELECT 1 FROM cage.role_rights r WHERE r.role = p_role AND r.action = p_action) THEN
        RETURN;
    END IF;
    SELECT a.phrase INTO v_phrase FROM cage.actions a WHERE a.action = p_action;
    SELECT r.role INTO v_needed FROM cage.role_rights r WHERE r.action = p_action
        ORDER BY array_position(ARRAY['cashier', 'floor_manager', 'supervisor'], r.role) LIMIT 1;
    RAISE EXCEPTION 'As a % you cannot %; ask a %.', replace(p_role, '_', ' '),
        coalesce(v_phrase, p_action), replace(coalesce(v_needed, 'supervisor'), '_', ' ')
        USING ERRCODE = 'CA001';
END $$;

-- The posting itself. p_offline: a journal entry the terminal took while the ledger was
-- unreachable (cage.replay_offline); its staff are attested by the terminal, not by a session.
CREATE FUNCTION cage._post(p_offline boolean, p_id uuid, p_request_hash text, p_kind text,
    p_player text, p_amount numeric, p_currency text, p_session uuid, p_approver_session uuid,
    p_reverses uuid, p_reason text, p_id_type text, p_id_number text,
    p_staff text, p_approver text, p_terminal text, p_shift bigint)
RETURNS TABLE (replayed boolean, posting public.ledger_transactions)
LANGUAGE plpgsql VOLATILE AS $$  -- internal: runs inside cage.post / replay_offline / decide_credit
DECLARE
    c record;
    st record;
    ap record;
    pol cage.policy%ROWTYPE;
    pl record;
    orig public.ledger_transactions%ROWTYPE;
    v_row public.ledger_transactions%ROWTYPE;
    v_terminal text;
    v_shift bigint;
    v_approver text;
    v_action text;
    v_kind_of text;
    -- numeric(14,2) as stored: the chain hashes the text of each amount ('0.00', not '0')
    v_cash numeric(14,2) := 0; v_credit numeric(14,2) := 0; v_drawer numeric(14,2) := 0;
    v_dep numeric(14,2) := 0; v_wd numeric(14,2) := 0;
    v_limit numeric(14,2); v_approved boolean;
    v_dir text;
    v_at timestamptz := now();
    v_day timestamp; v_day_start timestamptz; v_day_end timestamptz;
    v_per_start timestamptz; v_per_end timestamptz;
    v_day_total numeric; v_per_total numeric;
    v_authority numeric;
    t record;
BEGIN
    -- Idempotency: the ledger row's primary key. A second call with an accepted id fails
    -- (a check below, or the key) and the client reads the original receipt by the id
    -- (`posting.post`): same request -> that receipt, different -> IdempotencyConflict. No
    -- lookup here: a plan PL/pgSQL caches while the ledger is small would scan it (0007).
    p_amount := CAST(p_amount AS numeric(14,2));
    IF p_amount IS NULL OR p_amount < 0 OR (p_amount = 0 AND p_kind <> 'credit_line') THEN
        RAISE EXCEPTION 'The amount must be positive; nothing was posted.' USING ERRCODE = 'CA014';
    END IF;

    SELECT * INTO c FROM cage.caller_terminal();
    IF c.trusted THEN
        v_terminal := coalesce(p_terminal, '');
        p_offline := false;  -- the schema owner attests nothing: it may post as anyone
    ELSE
        v_terminal := c.terminal;
        IF p_terminal IS NOT NULL AND p_terminal <> '' AND p_terminal <> v_terminal THEN
            RAISE EXCEPTION 'This login posts as terminal %, not %; nothing was posted.', v_terminal, p_terminal
                USING ERRCODE = 'CA001';
        END IF;
    END IF;
    SELECT * INTO pol FROM cage.policy WHERE one;
    IF FOUND AND p_currency <> pol.currency THEN
        RAISE EXCEPTION 'This cage works in %, not %.', pol.currency, p_currency USING ERRCODE = 'CA015';
    END IF;

    -- Who: the issuer, and the approver if any.
    IF p_offline THEN
        SELECT * INTO st FROM cage.acting_staff(NULL, p_staff, true, 'staff member');
        SELECT * INTO ap FROM cage.acting_staff(NULL, p_approver, true, 'approver');
    ELSE
        SELECT * INTO st FROM cage.acting_staff(p_session, p_staff, c.trusted, 'staff member');
        IF p_approver_session IS NOT NULL OR p_approver IS NOT NULL THEN
            SELECT * INTO ap FROM cage.acting_staff(p_approver_session, p_approver, c.trusted, 'approver');
        ELSE
            SELECT NULL::text AS staff_id, NULL::text AS role, NULL::numeric AS approval_limit INTO ap;
        END IF;
    END IF;
    IF st.staff_id IS NULL THEN
        RAISE EXCEPTION 'Log in at the terminal first: the ledger needs your staff session. Nothing was posted.'
            USING ERRCODE = 'CA001';
    END IF;
    SELECT k.action INTO v_action FROM cage.kind_actions k WHERE k.kind = p_kind;
    IF NOT FOUND THEN
        RAISE EXCEPTION '“%” is not a posting kind.', p_kind USING ERRCODE = 'CA014';
    END IF;
    -- A correction or credit line keyed in by someone else is authorised by its approver;
    -- only the schema owner's explicit postings may be keyed in by a person without the right.
    IF NOT c.trusted OR p_kind NOT IN ('reversal', 'adjust_in', 'adjust_out', 'credit_line') THEN
        PERFORM cage.require_right(st.role, v_action);
    END IF;

    -- Approvals (terminal/authorize.py `_check_approver`, decided here).
    IF p_kind IN ('reversal', 'adjust_in', 'adjust_out', 'credit_line') THEN
        IF ap.staff_id IS NULL OR ap.staff_id = st.staff_id THEN
            ap := st;  -- the issuer holds the right (checked above)
        END IF;
        PERFORM cage.require_right(ap.role, v_action);
        IF p_kind = 'credit_line' THEN
            v_authority := CASE ap.role
                WHEN 'supervisor' THEN ap.approval_limit
                WHEN 'floor_manager' THEN coalesce(ap.approval_limit, pol.floor_manager_approval_limit)
                ELSE 0 END;
            IF v_authority IS NOT NULL AND p_amount > v_authority THEN
                RAISE EXCEPTION 'A limit of % % is above the approval authority of % (% %).',
                    p_amount, p_currency, ap.staff_id, v_authority, p_currency USING ERRCODE = 'CA001';
            END IF;
        END IF;
        v_approver := ap.staff_id;
    ELSE
        IF ap.staff_id IS NOT NULL THEN
            IF ap.staff_id = st.staff_id THEN
                RAISE EXCEPTION 'You cannot approve your own transaction; another staff member must.'
                    USING ERRCODE = 'CA001';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM cage.role_rights r
                           WHERE r.role = ap.role AND r.action = 'authorise_dual_control') THEN
                RAISE EXCEPTION 'Staff member % is a % and cannot approve; nothing was posted.',
                    ap.staff_id, replace(ap.role, '_', ' ') USING ERRCODE = 'CA001';
            END IF;
            v_approver := ap.staff_id;
        ELSIF pol.one AND p_kind IN ('withdrawal', 'marker_issue') AND p_amount >= pol.dual_control_threshold THEN
            RAISE EXCEPTION 'A % of % % needs a second person: a floor manager or supervisor must approve it with their PIN.',
                replace(p_kind, '_', ' '), p_amount, p_currency USING ERRCODE = 'CA010';
        END IF;
    END IF;

    -- Where: the calling login's terminal's open shift.
    IF c.trusted AND (p_shift IS NOT NULL OR p_session IS NULL OR v_terminal = '') THEN
        v_shift := p_shift;  -- the owner's explicit posting (demo tools, tests, the CLI as owner)
    ELSE
        SELECT s.id INTO v_shift FROM public.shifts s
        WHERE s.terminal_id = v_terminal AND s.status = 'open' FOR KEY SHARE;
        IF v_shift IS NULL AND p_kind NOT IN ('credit_line', 'adjust_in', 'adjust_out') THEN
            RAISE EXCEPTION 'Terminal % has no open shift; open a shift before posting.', v_terminal
                USING ERRCODE = 'CA002';
        END IF;
        IF p_shift IS NOT NULL AND p_shift IS DISTINCT FROM v_shift THEN
            RAISE EXCEPTION 'Shift % is not the open shift of terminal %; nothing was posted.', p_shift, v_terminal
                USING ERRCODE = 'CA002';
        END IF;
    END IF;

    IF p_offline THEN
        SELECT * INTO t FROM cage.terminal_logins WHERE login = session_user;
        IF p_kind NOT IN ('deposit', 'withdrawal') THEN
            RAISE EXCEPTION 'A % cannot be taken offline; nothing was posted.', replace(p_kind, '_', ' ')
                USING ERRCODE = 'CA016';
        END IF;
        IF NOT c.trusted AND (p_amount > t.offline_limit OR p_amount + coalesce((
                SELECT sum(l.amount) FROM public.ledger_transactions l
                WHERE l.shift_id = v_shift AND l.offline_attested), 0) > t.offline_total) THEN
            RAISE EXCEPTION 'Terminal % may take at most % per posting and % per shift offline; nothing was posted.',
                v_terminal, t.offline_limit, t.offline_total USING ERRCODE = 'CA016';
        END IF;
    END IF;

    -- The effect: fixed by the kind (a reversal: the exact opposite of its original).
    v_kind_of := p_kind;
    IF p_kind = 'reversal' THEN
        SELECT * INTO orig FROM public.ledger_transactions l WHERE l.id = p_reverses;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'There is no posting % to reverse.', p_reverses USING ERRCODE = 'CA011';
        END IF;
        IF orig.player_id <> p_player THEN
            RAISE EXCEPTION 'Posting % belongs to player %, not %.', p_reverses, orig.player_id, p_player
                USING ERRCODE = 'CA014';
        END IF;
        IF orig.kind IN ('credit_line', 'reversal') THEN
            RAISE EXCEPTION '%', CASE orig.kind WHEN 'credit_line'
                THEN 'A credit line cannot be reversed; post a new one instead.'
                ELSE 'A reversal cannot itself be reversed; post a new transaction instead.' END
                USING ERRCODE = 'CA012';
        END IF;
        IF orig.amount <> p_amount OR btrim(orig.currency) <> p_currency THEN
            RAISE EXCEPTION 'A reversal must be for the original amount, % %.', orig.amount, btrim(orig.currency)
                USING ERRCODE = 'CA014';
        END IF;
        IF EXISTS (SELECT 1 FROM public.ledger_transactions l WHERE l.reverses_id = p_reverses) THEN
            RAISE EXCEPTION 'Posting % has already been reversed.', p_reverses USING ERRCODE = 'CA013';
        END IF;
        v_kind_of := orig.kind;
    ELSIF p_reverses IS NOT NULL THEN
        RAISE EXCEPTION 'Only a reversal names a posting to reverse.' USING ERRCODE = 'CA014';
    END IF;
    CASE v_kind_of
        WHEN 'deposit' THEN v_cash := p_amount; v_drawer := p_amount; v_dep := p_amount;
        WHEN 'withdrawal' THEN v_cash := -p_amount; v_drawer := -p_amount; v_wd := p_amount;
        WHEN 'marker_issue' THEN v_credit := p_amount;
        WHEN 'marker_redeem' THEN v_credit := -p_amount; v_drawer := p_amount;
        WHEN 'adjust_in' THEN v_cash := p_amount; v_dep := p_amount;
        WHEN 'adjust_out' THEN v_cash := -p_amount; v_wd := p_amount;
        ELSE NULL;  -- credit_line: sets the limit below
    END CASE;
    IF p_kind = 'reversal' THEN
        v_cash := -v_cash; v_credit := -v_credit; v_drawer := -v_drawer; v_dep := -v_dep; v_wd := -v_wd;
    END IF;

    -- The player's row lock: every check below and the MTL entry are decided under it, so
    -- two terminals posting for one player at once are taken one after the other.
    SELECT p.balance, p.current_credit, p.credit_limit, p.credit_approved INTO pl
    FROM public.players p WHERE p.id = p_player FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no player “%”.', p_player USING ERRCODE = 'CA004';
    END IF;
    v_limit := CASE WHEN p_kind = 'credit_line' THEN p_amount ELSE pl.credit_limit END;
    v_approved := CASE WHEN p_kind = 'credit_line' THEN p_amount > 0 ELSE pl.credit_approved END;
    IF pl.balance + v_cash < 0 THEN
        RAISE EXCEPTION 'Player % has % %; cannot take %.', p_player, pl.balance, p_currency, -v_cash
            USING ERRCODE = 'CA005';
    END IF;
    IF p_kind = 'marker_issue' AND NOT pl.credit_approved THEN
        RAISE EXCEPTION 'Player % has no approved credit line.', p_player USING ERRCODE = 'CA007';
    END IF;
    IF pl.current_credit + v_credit > v_limit THEN
        IF p_kind = 'credit_line' THEN
            RAISE EXCEPTION 'The new limit % is below the % already drawn by player %.',
                v_limit, pl.current_credit, p_player USING ERRCODE = 'CA006';
        END IF;
        RAISE EXCEPTION 'Player % has % of credit available; cannot issue %.',
            p_player, greatest(pl.credit_limit - pl.current_credit, 0), v_credit USING ERRCODE = 'CA006';
    END IF;
    IF pl.current_credit + v_credit < 0 THEN
        RAISE EXCEPTION 'Player % owes % in markers; cannot redeem %.', p_player, pl.current_credit, -v_credit
            USING ERRCODE = 'CA008';
    END IF;

    -- Large cash: the identification threshold and the MTL entry, per direction and period.
    v_dir := CASE WHEN p_kind IN ('deposit', 'marker_redeem') THEN 'in'
                  WHEN p_kind = 'withdrawal' THEN 'out' END;
    IF pol.one AND v_dir IS NOT NULL THEN
        v_day := date_trunc('day', (v_at AT TIME ZONE pol.timezone) - make_interval(hours => pol.gaming_day_start_hour));
        v_day_start := (v_day + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
        v_day_end := (v_day + interval '1 day' + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
        IF pol.aggregation = 'month' THEN
            v_per_start := (date_trunc('month', v_day) + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
            v_per_end := (date_trunc('month', v_day) + interval '1 month' + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
        ELSE
            v_per_start := v_day_start; v_per_end := v_day_end;
        END IF;
        -- EXECUTE: planned with this call's values every time. A plan PL/pgSQL cached while
        -- the ledger was empty would read the whole ledger on every posting (see 0007).
        EXECUTE 'SELECT coalesce(sum(l.amount) FILTER (WHERE l.created_at >= $1 AND l.created_at < $2), 0),
                        coalesce(sum(l.amount), 0)
                 FROM public.ledger_transactions l
                 WHERE l.player_id = $3 AND l.kind = ANY ($4) AND l.created_at >= $5 AND l.created_at < $6'
        INTO v_day_total, v_per_total
        USING v_day_start, v_day_end, p_player,
              CASE v_dir WHEN 'in' THEN ARRAY['deposit', 'marker_redeem'] ELSE ARRAY['withdrawal'] END,
              least(v_per_start, v_day_start), greatest(v_per_end, v_day_end);
        v_day_total := v_day_total + p_amount;
        v_per_total := v_per_total + p_amount;
        IF v_per_total > pol.ctr_threshold AND NOT p_offline
           AND (coalesce(btrim(p_id_type), '') = '' OR coalesce(btrim(p_id_number), '') = '') THEN
            RAISE EXCEPTION 'This takes the player''s cash % this % to % %, over the reporting threshold of % %: this posting needs the player''s identification (type and number); a CTR will be due. Nothing was posted.',
                v_dir, CASE pol.aggregation WHEN 'month' THEN 'month' ELSE 'gaming day' END,
                v_per_total, p_currency, pol.ctr_threshold, p_currency USING ERRCODE = 'CA009';
        END IF;
    END IF;

    UPDATE public.players p SET
        balance = p.balance + v_cash,
        current_credit = p.current_credit + v_credit,
        credit_limit = v_limit,
        credit_approved = v_approved,
        total_deposits = p.total_deposits + v_dep,
        total_withdrawals = p.total_withdrawals + v_wd,
        version = p.version + CASE WHEN v_cash <> 0 OR v_credit <> 0 OR v_dep <> 0 OR v_wd <> 0
            OR v_limit <> p.credit_limit OR v_approved <> p.credit_approved THEN 1 ELSE 0 END,
        updated_at = now(),
        last_hash = public.ledger_digest(p.last_hash, p_id, p.id, p_kind, p_amount, p_currency,
            v_cash, v_credit, v_drawer, p.balance + v_cash, p.current_credit + v_credit, v_limit, v_approved,
            st.staff_id, v_approver, v_terminal, v_shift, p_reverses, p_reason, p_id_type, p_id_number, v_at)
    WHERE p.id = p_player
    RETURNING p.balance, p.current_credit, p.credit_limit, p.credit_approved, p.last_hash
    INTO pl;

    INSERT INTO public.ledger_transactions AS l (id, request_hash, kind, player_id, amount, currency,
        cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta,
        cash_after, credit_after, limit_after, approved_after, staff_id, approver_id,
        terminal_id, shift_id, reverses_id, reason, id_type, id_number, created_at, hash,
        db_login, offline_attested)
    VALUES (p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        v_cash, v_credit, v_drawer, v_dep, v_wd,
        pl.balance, pl.current_credit, pl.credit_limit, pl.credit_approved, st.staff_id, v_approver,
        v_terminal, v_shift, p_reverses, p_reason, p_id_type, p_id_number, v_at, pl.last_hash,
        session_user, p_offline)
    RETURNING * INTO v_row;

    IF pol.one AND v_dir IS NOT NULL AND v_day_total >= pol.mtl_threshold THEN
        INSERT INTO public.mtl_entries (posting_id, player_id, gaming_day, direction, kind, amount, day_total,
            currency, staff_id, terminal_id, posted_at, db_login)
        VALUES (p_id, p_player, v_day::date, v_dir, p_kind, p_amount, v_day_total, p_currency,
            st.staff_id, v_terminal, v_at, session_user);
    END IF;
    IF v_approver IS NOT NULL AND v_approver <> st.staff_id THEN
        INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
        VALUES (v_approver, v_terminal, 'dual_control_approved', jsonb_build_object(
            'posting_id', p_id::text, 'kind', p_kind, 'player_id', p_player, 'amount', p_amount::text,
            'currency', p_currency, 'issuer', st.staff_id), session_user);
    END IF;
    IF p_kind IN ('reversal', 'adjust_in', 'adjust_out') THEN
        INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
        VALUES (st.staff_id, v_terminal, 'correction', jsonb_build_object(
            'posting_id', p_id::text, 'kind', p_kind, 'player_id', p_player, 'amount', p_amount::text,
            'currency', p_currency, 'reason', p_reason, 'reverses_id', p_reverses::text), session_user);
    END IF;
    IF p_id_type IS NOT NULL THEN
        INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
        VALUES (st.staff_id, v_terminal, 'identification_recorded', jsonb_build_object(
            'posting_id', p_id::text, 'kind', p_kind, 'player_id', p_player, 'amount', p_amount::text,
            'currency', p_currency, 'id_type', p_id_type), session_user);
    END IF;
    replayed := false; posting := v_row;
    RETURN NEXT;
END $$;

CREATE FUNCTION cage.post(p_id uuid, p_request_hash text, p_kind text, p_player text, p_amount numeric,
    p_currency text, p_session uuid DEFAULT NULL, p_approver_session uuid DEFAULT NULL,
    p_reverses uuid DEFAULT NULL, p_reason text DEFAULT NULL, p_id_type text DEFAULT NULL,
    p_id_number text DEFAULT NULL, p_staff text DEFAULT NULL, p_approver text DEFAULT NULL,
    p_terminal text DEFAULT NULL, p_shift bigint DEFAULT NULL)
RETURNS TABLE (replayed boolean, posting public.ledger_transactions)
-- PL/pgSQL, not SQL: a SQL function that is not inlined is planned again on every call.
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT * FROM cage._post(false, p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        p_session, p_approver_session, p_reverses, p_reason, p_id_type, p_id_number,
        p_staff, p_approver, p_terminal, p_shift);
END $$;

CREATE FUNCTION cage.replay_offline(p_id uuid, p_request_hash text, p_kind text, p_player text,
    p_amount numeric, p_currency text, p_staff text, p_approver text DEFAULT NULL,
    p_id_type text DEFAULT NULL, p_id_number text DEFAULT NULL, p_terminal text DEFAULT NULL,
    p_shift bigint DEFAULT NULL)
RETURNS TABLE (replayed boolean, posting public.ledger_transactions)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT * FROM cage._post(true, p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        NULL, NULL, NULL, NULL, p_id_type, p_id_number, p_staff, p_approver, p_terminal, p_shift);
END $$;

-- The second line of controls, now immune to a TEMP table named staff or shifts.
CREATE OR REPLACE FUNCTION public.ledger_check_controls() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a public.staff%ROWTYPE;
    s record;
BEGIN
    IF NEW.shift_id IS NOT NULL THEN
        SELECT x.status, x.terminal_id INTO s FROM public.shifts x WHERE x.id = NEW.shift_id FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'Shift % does not exist; nothing was posted.', NEW.shift_id
                USING ERRCODE = 'CA002';
        END IF;
        IF s.status <> 'open' THEN
            RAISE EXCEPTION 'Shift % is closed; open a shift on this terminal first. Nothing was posted.',
                NEW.shift_id USING ERRCODE = 'CA002';
        END IF;
        IF s.terminal_id <> NEW.terminal_id THEN
            RAISE EXCEPTION 'Shift % belongs to terminal %, not %; nothing was posted.',
                NEW.shift_id, s.terminal_id, NEW.terminal_id USING ERRCODE = 'CA002';
        END IF;
    END IF;
    IF NEW.approver_id IS NULL THEN
        IF NEW.kind IN ('reversal', 'adjust_in', 'adjust_out', 'credit_line') THEN
            RAISE EXCEPTION 'A % needs an approver; nothing was posted.', replace(NEW.kind, '_', ' ')
                USING ERRCODE = 'CA001';
        END IF;
        RETURN NEW;
    END IF;
    SELECT * INTO a FROM public.staff x WHERE x.id = NEW.approver_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no staff member “%” to approve this; nothing was posted.',
            NEW.approver_id USING ERRCODE = 'CA001';
    END IF;
    IF NOT a.active THEN
        RAISE EXCEPTION 'Staff member % is disabled and cannot approve; nothing was posted.',
            a.id USING ERRCODE = 'CA001';
    END IF;
    IF NEW.kind IN ('reversal', 'adjust_in', 'adjust_out') AND a.role <> 'supervisor' THEN
        RAISE EXCEPTION 'Only a supervisor can approve a % (% is a %); nothing was posted.',
            replace(NEW.kind, '_', ' '), a.id, replace(a.role, '_', ' ') USING ERRCODE = 'CA001';
    END IF;
    IF a.role NOT IN ('floor_manager', 'supervisor') THEN
        RAISE EXCEPTION 'Staff member % is a % and cannot approve; nothing was posted.',
            a.id, replace(a.role, '_', ' ') USING ERRCODE = 'CA001';
    END IF;
    IF NEW.kind IN ('deposit', 'withdrawal', 'marker_issue', 'marker_redeem')
       AND NEW.approver_id = NEW.staff_id THEN
        RAISE EXCEPTION 'The approver must be someone other than the issuer (%); nothing was posted.',
            NEW.staff_id USING ERRCODE = 'CA001';
    END IF;
    IF NEW.kind = 'credit_line' AND a.role = 'floor_manager' AND a.approval_limit IS NOT NULL
       AND NEW.amount > a.approval_limit THEN
        RAISE EXCEPTION 'The limit % is above the approval authority of % (%); nothing was posted.',
            NEW.amount, a.id, a.approval_limit USING ERRCODE = 'CA001';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION public.players_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.version <> OLD.version THEN
        INSERT INTO public.balance_events (player_id, version, payload, old_values)
        VALUES (NEW.id, NEW.version, public.balance_payload(NEW), public.balance_payload(OLD));
        IF EXISTS (SELECT 1 FROM public.outbox_sleepers) THEN
            PERFORM pg_notify('balance_events', NEW.id);
        END IF;
    END IF;
    RETURN NULL;
END $$;


-- Shifts: open, close with the counted cash, sign off; each checks the acting staff
-- member's session and right, and a terminal login acts only on its own terminal's shifts.
CREATE FUNCTION cage.open_shift(p_session uuid, p_float numeric, p_count jsonb DEFAULT NULL,
    p_currency text DEFAULT NULL, p_staff text DEFAULT NULL, p_terminal text DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; pol cage.policy%ROWTYPE; v_id bigint; v_terminal text; v_currency text;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    v_terminal := CASE WHEN c.trusted THEN p_terminal ELSE c.terminal END;
    IF NOT c.trusted AND p_terminal IS NOT NULL AND p_terminal <> '' AND p_terminal <> v_terminal THEN
        RAISE EXCEPTION 'This login opens shifts on terminal %, not %.', v_terminal, p_terminal USING ERRCODE = 'CA001';
    END IF;
    IF coalesce(v_terminal, '') = '' THEN
        RAISE EXCEPTION 'A shift needs a terminal.' USING ERRCODE = 'CA014';
    END IF;
    SELECT * INTO st FROM cage.acting_staff(p_session, p_staff, c.trusted, 'staff member');
    IF st.staff_id IS NULL THEN
        RAISE EXCEPTION 'Log in at the terminal first: the ledger needs your staff session.' USING ERRCODE = 'CA001';
    END IF;
    PERFORM cage.require_right(st.role, 'open_shift');
    SELECT * INTO pol FROM cage.policy WHERE one;
    v_currency := coalesce(p_currency, pol.currency);
    IF v_currency IS NULL THEN
        RAISE EXCEPTION 'Name the shift''s currency (no cage policy is stored: run db create-roles).'
            USING ERRCODE = 'CA014';
    END IF;
    IF pol.one AND v_currency <> pol.currency THEN
        RAISE EXCEPTION 'This cage works in %, not %.', pol.currency, v_currency USING ERRCODE = 'CA015';
    END IF;
    IF p_float IS NULL OR p_float < 0 THEN
        RAISE EXCEPTION 'The opening float cannot be negative.' USING ERRCODE = 'CA014';
    END IF;
    IF EXISTS (SELECT 1 FROM public.shifts s WHERE s.terminal_id = v_terminal AND s.status = 'open') THEN
        RAISE EXCEPTION 'Terminal % already has an open shift; close it first.', v_terminal USING ERRCODE = 'CA017';
    END IF;
    INSERT INTO public.shifts (terminal_id, staff_id, currency, opening_float, opening_count, db_login)
    VALUES (v_terminal, st.staff_id, v_currency, p_float, p_count, session_user) RETURNING id INTO v_id;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, v_terminal, 'shift_open',
            jsonb_build_object('shift_id', v_id, 'opening_float', CAST(p_float AS numeric(14,2))::text), session_user);
    RETURN v_id;
END $$;

CREATE FUNCTION cage.close_shift(p_session uuid, p_shift bigint, p_counted numeric, p_count jsonb DEFAULT NULL,
    p_staff text DEFAULT NULL, p_variance_threshold numeric DEFAULT NULL)
RETURNS SETOF public.shifts LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; sh public.shifts%ROWTYPE; pol cage.policy%ROWTYPE;
    v_expected numeric(14,2); v_variance numeric(14,2); v_threshold numeric;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.acting_staff(p_session, p_staff, c.trusted, 'staff member');
    IF st.staff_id IS NULL THEN
        RAISE EXCEPTION 'Log in at the terminal first: the ledger needs your staff session.' USING ERRCODE = 'CA001';
    END IF;
    PERFORM cage.require_right(st.role, 'close_shift');
    -- FOR UPDATE conflicts with the key-share lock every posting into the shift takes: a
    -- posting lands before the expected figure is computed, or is refused after it.
    SELECT * INTO sh FROM public.shifts s WHERE s.id = p_shift FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no shift %.', p_shift USING ERRCODE = 'CA002';
    END IF;
    IF NOT c.trusted AND sh.terminal_id <> c.terminal THEN
        RAISE EXCEPTION 'Shift % belongs to terminal %, not %.', p_shift, sh.terminal_id, c.terminal USING ERRCODE = 'CA001';
    END IF;
    IF sh.status <> 'open' THEN
        RAISE EXCEPTION 'Shift % is already closed.', p_shift USING ERRCODE = 'CA017';
    END IF;
    IF sh.staff_id <> st.staff_id AND st.role <> 'supervisor' THEN
        RAISE EXCEPTION 'Shift % belongs to %; only they or a supervisor can close it.', p_shift, sh.staff_id
            USING ERRCODE = 'CA001';
    END IF;
    SELECT * INTO pol FROM cage.policy WHERE one;
    v_threshold := CASE WHEN c.trusted THEN coalesce(p_variance_threshold, pol.variance_threshold)
                        ELSE coalesce(pol.variance_threshold, 0) END;
    SELECT sh.opening_float + coalesce(sum(l.drawer_delta), 0) INTO v_expected
    FROM public.ledger_transactions l WHERE l.shift_id = p_shift;
    v_variance := p_counted - v_expected;
    UPDATE public.shifts s SET status = 'closed', closed_at = clock_timestamp(), closed_by = st.staff_id,
        closing_count = p_count, counted = p_counted, expected = v_expected, variance = v_variance,
        needs_signoff = abs(v_variance) >= coalesce(v_threshold, 0)
    WHERE s.id = p_shift RETURNING s.* INTO sh;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, sh.terminal_id, 'shift_close', jsonb_build_object('shift_id', p_shift,
        'counted', sh.counted::text, 'expected', sh.expected::text, 'variance', sh.variance::text,
        'needs_signoff', sh.needs_signoff), session_user);
    RETURN NEXT sh;
END $$;

CREATE FUNCTION cage.signoff_shift(p_session uuid, p_shift bigint, p_note text, p_staff text DEFAULT NULL)
RETURNS SETOF public.shifts LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; sh public.shifts%ROWTYPE;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.acting_staff(p_session, p_staff, c.trusted, 'staff member');
    IF st.staff_id IS NULL THEN
        RAISE EXCEPTION 'Log in at the terminal first: the ledger needs your staff session.' USING ERRCODE = 'CA001';
    END IF;
    PERFORM cage.require_right(st.role, 'sign_off_shift');
    SELECT * INTO sh FROM public.shifts s WHERE s.id = p_shift FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no shift %.', p_shift USING ERRCODE = 'CA002';
    END IF;
    IF sh.status = 'open' THEN
        RAISE EXCEPTION 'Shift % is still open; it is signed off after its count.', p_shift USING ERRCODE = 'CA017';
    END IF;
    IF sh.status = 'signed_off' THEN
        RAISE EXCEPTION 'Shift % was already signed off by %.', p_shift, sh.signed_off_by USING ERRCODE = 'CA017';
    END IF;
    IF sh.staff_id = st.staff_id THEN
        RAISE EXCEPTION 'You cannot sign off your own shift; another supervisor must.' USING ERRCODE = 'CA001';
    END IF;
    IF sh.needs_signoff AND coalesce(btrim(p_note), '') = '' THEN
        RAISE EXCEPTION 'Shift % has a variance of % %: write what was found before signing off.',
            p_shift, sh.variance, btrim(sh.currency) USING ERRCODE = 'CA014';
    END IF;
    UPDATE public.shifts s SET status = 'signed_off', signed_off_by = st.staff_id,
        signed_off_at = clock_timestamp(), signoff_note = nullif(btrim(p_note), '')
    WHERE s.id = p_shift RETURNING s.* INTO sh;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, CASE WHEN c.trusted THEN sh.terminal_id ELSE c.terminal END, 'shift_signoff',
        jsonb_build_object('shift_id', p_shift, 'variance', sh.variance::text, 'note', coalesce(btrim(p_note), '')),
        session_user);
    RETURN NEXT sh;
END $$;

-- Credit: a request, and its decision; an approval and its credit-line posting are ONE
-- transaction (cage._post runs inside this function's).
CREATE FUNCTION cage.request_credit(p_session uuid, p_player text, p_limit numeric, p_note text DEFAULT NULL,
    p_staff text DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; v_id bigint;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.acting_staff(p_session, p_staff, c.trusted, 'staff member');
    IF st.staff_id IS NULL THEN
        RAISE EXCEPTION 'Log in at the terminal first: the ledger needs your staff session.' USING ERRCODE = 'CA001';
    END IF;
    PERFORM cage.require_right(st.role, 'request_credit');
    IF NOT EXISTS (SELECT 1 FROM public.players p WHERE p.id = p_player) THEN
        RAISE EXCEPTION 'There is no player “%”.', p_player USING ERRCODE = 'CA004';
    END IF;
    IF p_limit IS NULL OR p_limit < 0 THEN
        RAISE EXCEPTION 'A credit limit cannot be negative.' USING ERRCODE = 'CA014';
    END IF;
    INSERT INTO public.credit_requests (player_id, requested_limit, note, requested_by)
    VALUES (p_player, p_limit, p_note, st.staff_id) RETURNING id INTO v_id;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, c.terminal, 'credit_request', jsonb_build_object('request_id', v_id,
        'player_id', p_player, 'limit', CAST(p_limit AS numeric(14,2))::text), session_user);
    RETURN v_id;
END $$;

CREATE FUNCTION cage.decide_credit(p_session uuid, p_request bigint, p_approve boolean,
    p_limit numeric DEFAULT NULL, p_reason text DEFAULT NULL, p_posting uuid DEFAULT NULL,
    p_request_hash text DEFAULT NULL, p_staff text DEFAULT NULL, p_terminal text DEFAULT NULL,
    p_currency text DEFAULT NULL)
RETURNS TABLE (replayed boolean, posting public.ledger_transactions)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; r public.credit_requests%ROWTYPE; pol cage.policy%ROWTYPE; v_limit numeric;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.acting_staff(p_session, p_staff, c.trusted, 'staff member');
    IF st.staff_id IS NULL THEN
        RAISE EXCEPTION 'Log in at the terminal first: the ledger needs your staff session.' USING ERRCODE = 'CA001';
    END IF;
    PERFORM cage.require_right(st.role, CASE WHEN p_approve THEN 'approve_credit' ELSE 'deny_credit' END);
    SELECT * INTO r FROM public.credit_requests q WHERE q.id = p_request FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no credit request %.', p_request USING ERRCODE = 'CA014';
    END IF;
    IF r.status <> 'pending' THEN
        RAISE EXCEPTION 'Credit request % was already %.', p_request, r.status USING ERRCODE = 'CA014';
    END IF;
    IF r.requested_by = st.staff_id THEN
        RAISE EXCEPTION 'You filed this request; someone else must decide it.' USING ERRCODE = 'CA001';
    END IF;
    IF NOT p_approve THEN
        IF coalesce(btrim(p_reason), '') = '' THEN
            RAISE EXCEPTION 'Give a reason for denying the request.' USING ERRCODE = 'CA014';
        END IF;
        UPDATE public.credit_requests q SET status = 'denied', decided_by = st.staff_id,
            decided_at = clock_timestamp(), decision_reason = btrim(p_reason) WHERE q.id = p_request;
        INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
        VALUES (st.staff_id, coalesce(c.terminal, p_terminal), 'credit_deny', jsonb_build_object(
            'request_id', p_request, 'player_id', r.player_id, 'reason', btrim(p_reason)), session_user);
        RETURN;
    END IF;
    v_limit := coalesce(p_limit, r.requested_limit);
    p_posting := coalesce(p_posting, gen_random_uuid());
    p_request_hash := coalesce(p_request_hash, 'credit-request:' || p_request::text);
    SELECT * INTO pol FROM cage.policy WHERE one;
    RETURN QUERY SELECT * FROM cage._post(false, p_posting, p_request_hash, 'credit_line', r.player_id, v_limit,
        coalesce(p_currency, pol.currency, 'INR'), p_session, NULL, NULL, 'credit request ' || p_request::text, NULL, NULL,
        p_staff, p_staff, p_terminal, NULL);
    UPDATE public.credit_requests q SET status = 'approved', decided_by = st.staff_id, decided_at = clock_timestamp(),
        approved_limit = v_limit, decision_reason = p_reason, posting_id = p_posting WHERE q.id = p_request;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, coalesce(c.terminal, p_terminal), 'credit_approve', jsonb_build_object(
        'request_id', p_request, 'player_id', r.player_id, 'limit', CAST(v_limit AS numeric(14,2))::text,
        'requested', r.requested_limit::text, 'posting_id', p_posting::text), session_user);
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)
    from cashier_desktop.ledger.api_tables import sync_rights
    sync_rights(op.get_bind())


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
