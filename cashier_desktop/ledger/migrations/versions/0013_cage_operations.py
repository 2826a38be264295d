"""Cage operations whose rules are money rules (issue 17, database side).

Everything below is posted only through SECURITY DEFINER functions in schema `cage`
(`search_path = pg_catalog, pg_temp`, names schema-qualified), as in 0010.

- **Authority limits per user** (`cage.authority_limits`, append-only; the newest row per
  staff member and transaction type is in force): set by `cage.set_authority_limit` with a
  supervisor's session. `cage.check_authority` runs inside `cage._post` and `cage.exchange`:
  above the issuer's limit a second person must approve with their PIN, and the approver's
  own limit for that type (if one is set) must cover the amount.
- **Foreign currency exchange**: `cage.fx_rates` (append-only: buy and sell in the cage's
  currency per unit, valid from, set by a supervisor's session through `cage.set_fx_rate`);
  `cage.exchange` posts foreign cash in and the cage's currency out (`buy`) or back
  (`sell`) as ONE row of `public.fx_exchanges`, at the rate valid at that moment, read under
  a share lock on the currency's row of `cage.fx_currencies` that `set_fx_rate` must take
  exclusively: a rate change waits for the exchange (or the exchange for it) and never
  applies half. Rounding: the local amount is the foreign amount times the rate, rounded to
  the paisa **in the cage's favour** — down when the cage pays (`buy`), up when it is paid
  (`sell`). An exchange is cash in and cash out at once: its local amount counts toward the
  player's cash-in and cash-out totals for the identification threshold and the MTL (here
  and in every later `cage._post`). The shift's expected local cash includes it
  (`cage.close_shift`); its foreign cash is kept per currency (`cage.shift_foreign_cash`).
- **Credit lines**: the permanent line is still the `credit_line` posting; a temporary line
  (`public.temporary_credit_lines`, append-only, granted by `cage.grant_temporary_credit`
  with the requester's and a different approver's sessions) has an expiry and is in force
  only before it: `cage.effective_credit_limit` computes the line at read and post time (no
  job). `cage.credit_history` lists every change (who asked, who approved, old and new
  limit, reason). Markers (`public.markers`) get a due date when issued (policy
  `marker_term_days`); a redemption is allocated to the oldest outstanding markers first,
  partially where it falls short (`public.marker_allocations`); `cage.marker_aging` buckets
  what is outstanding by days since issue (0–30, 31–60, 61–90, 90+) with what is past due;
  `cage.markers_due` is the floor manager's queue. A temporary line lets a marker be issued
  to a player without a permanent line; a permanent line whose approval was withdrawn
  (credit_approved false) still refuses every marker.
- **Drawer by denomination**: `cage.post_with_notes` is `cage.post` with the notes taken in
  and paid out (`public.posting_notes`), refused whole unless they add up to the posting's
  drawer movement; `cage.drawer_holding` gives a supervisor's session the drawer's expected
  holding by denomination during the shift (opening count + notes; cash moved without notes
  on a row of its own). The cashier's count stays blind: no login reads `posting_notes`.

`cage._post` and `cage.close_shift` are patched in place (`_patch_function`): the current
definition is read from the database and each change is applied at an anchor that must
occur exactly once, so an earlier migration's change to the same function is kept and a
moved anchor fails the upgrade instead of dropping code silently.

Revision ID: 0013
Revises: 0012
"""
from alembic import op
from sqlalchemy import text

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

UPGRADE = r"""
ALTER TABLE cage.policy ADD COLUMN marker_term_days integer NOT NULL DEFAULT 30 CHECK (marker_term_days > 0);

-- Internal: the staff member of an authenticated session who holds `p_action` (NULL: any).
CREATE FUNCTION cage.session_with_right(p_session uuid, p_action text,
    OUT staff_id text, OUT role text, OUT approval_limit numeric)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT s.staff_id, s.role, s.approval_limit INTO staff_id, role, approval_limit
    FROM cage.acting_staff(p_session, NULL, false, 'staff member') s;
    IF staff_id IS NULL THEN
        RAISE EXCEPTION 'Log in at the terminal first: the ledger needs your staff session. Nothing was changed.'
            USING ERRCODE = 'CA001';
    END IF;
    IF p_action IS NOT NULL THEN
        PERFORM cage.require_right(role, p_action);
    END IF;
END $$;

-- The cash-reporting windows of a moment under the stored policy: its gaming day and the
-- aggregation period (that day, or the calendar month of gaming days) — cage._post's formula.
CREATE FUNCTION cage.cash_windows(p_at timestamptz, OUT gaming_day timestamp,
    OUT day_start timestamptz, OUT day_end timestamptz, OUT period_start timestamptz, OUT period_end timestamptz)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    pol cage.policy%ROWTYPE;
BEGIN
    SELECT * INTO pol FROM cage.policy WHERE one;
    gaming_day := date_trunc('day', (p_at AT TIME ZONE pol.timezone) - make_interval(hours => pol.gaming_day_start_hour));
    day_start := (gaming_day + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
    day_end := (gaming_day + interval '1 day' + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
    IF pol.aggregation = 'month' THEN
        period_start := (date_trunc('month', gaming_day) + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
        period_end := (date_trunc('month', gaming_day) + interval '1 month' + make_interval(hours => pol.gaming_day_start_hour)) AT TIME ZONE pol.timezone;
    ELSE
        period_start := day_start; period_end := day_end;
    END IF;
END $$;

-- ------------------------------------------------------------ authority limits ---------
CREATE TABLE cage.authority_limits (
    id          bigserial PRIMARY KEY,
    staff_id    varchar(32) NOT NULL REFERENCES public.staff(id),
    kind        text NOT NULL,             -- a posting kind, or 'exchange'
    max_amount  numeric(14,2) CHECK (max_amount IS NULL OR max_amount >= 0),  -- NULL: no limit
    set_by      varchar(32) NOT NULL REFERENCES public.staff(id),
    reason      text NOT NULL CHECK (btrim(reason) <> ''),
    set_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    db_login    text NOT NULL DEFAULT session_user
);
CREATE INDEX authority_limits_current ON cage.authority_limits (staff_id, kind, id DESC);
CREATE TRIGGER authority_limits_append_only BEFORE UPDATE OR DELETE ON cage.authority_limits
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();

-- The limit in force for one staff member and type (NULL: none set).
CREATE FUNCTION cage.authority_limit(p_staff text, p_kind text) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT a.max_amount FROM cage.authority_limits a
    WHERE a.staff_id = p_staff AND a.kind = p_kind ORDER BY a.id DESC LIMIT 1
$$;

-- Internal (runs inside _post / exchange): above the issuer's limit a second person must
-- have approved; the approver's own limit for the type, if set, must cover the amount.
CREATE FUNCTION cage.check_authority(p_issuer text, p_approver text, p_kind text, p_amount numeric,
    p_currency text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_mine numeric := cage.authority_limit(p_issuer, p_kind);
    v_theirs numeric;
BEGIN
    IF v_mine IS NOT NULL AND p_amount > v_mine AND (p_approver IS NULL OR p_approver = p_issuer) THEN
        RAISE EXCEPTION 'A % of % % is above the authority of % (% %): a second person must approve it with their PIN. Nothing was posted.',
            replace(p_kind, '_', ' '), p_amount, p_currency, p_issuer, v_mine, p_currency USING ERRCODE = 'CA010';
    END IF;
    IF p_approver IS NOT NULL AND p_approver <> p_issuer THEN
        v_theirs := cage.authority_limit(p_approver, p_kind);
        IF v_theirs IS NOT NULL AND p_amount > v_theirs THEN
            RAISE EXCEPTION 'A % of % % is above the authority of the approver % (% %); nothing was posted.',
                replace(p_kind, '_', ' '), p_amount, p_currency, p_approver, v_theirs, p_currency
                USING ERRCODE = 'CA001';
        END IF;
    END IF;
END $$;

CREATE FUNCTION cage.set_authority_limit(p_session uuid, p_staff text, p_kind text, p_max numeric,
    p_reason text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; v_id bigint; v_old numeric;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.session_with_right(p_session, 'manage_staff');
    IF NOT EXISTS (SELECT 1 FROM public.staff s WHERE s.id = p_staff) THEN
        RAISE EXCEPTION 'There is no staff member “%”.', p_staff USING ERRCODE = 'CA001';
    END IF;
    IF p_staff = st.staff_id THEN
        RAISE EXCEPTION 'You cannot set your own authority limit; another supervisor must.' USING ERRCODE = 'CA001';
    END IF;
    IF p_kind IS NULL OR (p_kind <> 'exchange' AND NOT EXISTS (SELECT 1 FROM cage.kind_actions k WHERE k.kind = p_kind)) THEN
        RAISE EXCEPTION '“%” is not a transaction type.', p_kind USING ERRCODE = 'CA014';
    END IF;
    IF p_max IS NOT NULL AND (p_max < 0 OR p_max <> round(p_max, 2)) THEN
        RAISE EXCEPTION 'An authority limit is a non-negative amount in paise at most.' USING ERRCODE = 'CA014';
    END IF;
    IF coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'Give a reason for the authority limit.' USING ERRCODE = 'CA014';
    END IF;
    v_old := cage.authority_limit(p_staff, p_kind);
    INSERT INTO cage.authority_limits (staff_id, kind, max_amount, set_by, reason)
    VALUES (p_staff, p_kind, p_max, st.staff_id, btrim(p_reason)) RETURNING id INTO v_id;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, c.terminal, 'authority_limit', jsonb_build_object('staff_id', p_staff, 'kind', p_kind,
        'old', v_old::text, 'new', p_max::text, 'reason', btrim(p_reason)), session_user);
    RETURN v_id;
END $$;

-- ------------------------------------------------------------ foreign exchange ---------
CREATE TABLE cage.fx_currencies (
    code  char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    name  text NOT NULL
);
CREATE TABLE cage.fx_rates (
    id          bigserial PRIMARY KEY,
    currency    char(3) NOT NULL REFERENCES cage.fx_currencies(code),
    buy_rate    numeric(14,6) NOT NULL CHECK (buy_rate > 0),   -- the cage pays this per unit
    sell_rate   numeric(14,6) NOT NULL CHECK (sell_rate > 0),  -- the cage is paid this per unit
    valid_from  timestamptz NOT NULL,
    set_by      varchar(32) NOT NULL REFERENCES public.staff(id),
    set_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    db_login    text NOT NULL DEFAULT session_user,
    CHECK (buy_rate <= sell_rate)
);
CREATE INDEX fx_rates_current ON cage.fx_rates (currency, valid_from DESC, id DESC);
CREATE TRIGGER fx_rates_append_only BEFORE UPDATE OR DELETE ON cage.fx_rates
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();

CREATE TABLE public.fx_exchanges (
    seq               bigserial NOT NULL UNIQUE,
    id                uuid PRIMARY KEY,          -- client-generated: the idempotency key
    request_hash      text NOT NULL,
    direction         text NOT NULL CHECK (direction IN ('buy', 'sell')),
    currency          char(3) NOT NULL,          -- the foreign currency
    foreign_amount    numeric(14,2) NOT NULL CHECK (foreign_amount > 0),
    rate_id           bigint NOT NULL REFERENCES cage.fx_rates(id),
    rate              numeric(14,6) NOT NULL,
    local_currency    char(3) NOT NULL,
    local_amount      numeric(14,2) NOT NULL CHECK (local_amount > 0),
    drawer_local_delta   numeric(14,2) NOT NULL,
    drawer_foreign_delta numeric(14,2) NOT NULL,
    player_id         varchar(64) REFERENCES public.players(id),
    staff_id          varchar(32) NOT NULL REFERENCES public.staff(id),
    approver_id       varchar(32) REFERENCES public.staff(id),
    terminal_id       text NOT NULL,
    shift_id          bigint NOT NULL REFERENCES public.shifts(id),
    id_type           text,
    id_number         text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    db_login          text NOT NULL DEFAULT session_user
);
-- An exchange crossing the MTL threshold is logged like a posting, once per direction.
ALTER TABLE public.mtl_entries ALTER COLUMN posting_id DROP NOT NULL,
    ADD COLUMN exchange_id uuid REFERENCES public.fx_exchanges(id),
    ADD CONSTRAINT mtl_one_source CHECK ((posting_id IS NULL) <> (exchange_id IS NULL));
CREATE UNIQUE INDEX mtl_by_exchange ON public.mtl_entries (exchange_id, direction) WHERE exchange_id IS NOT NULL;
CREATE INDEX fx_exchanges_by_player ON public.fx_exchanges (player_id, created_at);
CREATE INDEX fx_exchanges_by_shift ON public.fx_exchanges (shift_id);
CREATE TRIGGER fx_exchanges_append_only BEFORE UPDATE OR DELETE ON public.fx_exchanges
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TRIGGER fx_exchanges_no_truncate BEFORE TRUNCATE ON public.fx_exchanges
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change();

-- The exchanges' local amount for one player in a window: each counts as cash in AND out.
CREATE FUNCTION cage.fx_cash_total(p_player text, p_from timestamptz, p_to timestamptz) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(x.local_amount), 0) FROM public.fx_exchanges x
    WHERE x.player_id = p_player AND x.created_at >= p_from AND x.created_at < p_to
$$;

CREATE FUNCTION cage.set_fx_rate(p_session uuid, p_currency text, p_buy numeric, p_sell numeric,
    p_valid_from timestamptz DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; v_id bigint;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.session_with_right(p_session, NULL);
    IF st.role <> 'supervisor' THEN
        RAISE EXCEPTION 'As a % you cannot set an exchange rate; ask a supervisor.', replace(st.role, '_', ' ')
            USING ERRCODE = 'CA001';
    END IF;
    -- Exclusive against every exchange in this currency (they hold FOR SHARE): none is
    -- half-way through at the old rate when the new one is stored.
    PERFORM 1 FROM cage.fx_currencies f WHERE f.code = p_currency FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The cage does not exchange %.', p_currency USING ERRCODE = 'CA015';
    END IF;
    IF p_buy IS NULL OR p_sell IS NULL OR p_buy <= 0 OR p_sell <= 0 OR p_buy > p_sell THEN
        RAISE EXCEPTION 'A rate needs a positive buy rate no higher than the sell rate.' USING ERRCODE = 'CA014';
    END IF;
    INSERT INTO cage.fx_rates (currency, buy_rate, sell_rate, valid_from, set_by)
    VALUES (p_currency, p_buy, p_sell, coalesce(p_valid_from, clock_timestamp()), st.staff_id) RETURNING id INTO v_id;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, c.terminal, 'fx_rate', jsonb_build_object('rate_id', v_id, 'currency', p_currency,
        'buy', p_buy::text, 'sell', p_sell::text), session_user);
    RETURN v_id;
END $$;

-- The rate of a currency valid at a moment (readable by the screens).
CREATE FUNCTION cage.fx_rate_at(p_currency text, p_at timestamptz DEFAULT now())
RETURNS SETOF cage.fx_rates
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.* FROM cage.fx_rates r WHERE r.currency = p_currency AND r.valid_from <= p_at
    ORDER BY r.valid_from DESC, r.id DESC LIMIT 1
$$;

-- Local amount of an exchange: foreign amount x rate, to the paisa, in the cage's favour.
CREATE FUNCTION cage.fx_local_amount(p_direction text, p_foreign numeric, p_rate numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_direction
        WHEN 'buy' THEN floor(p_foreign * p_rate * 100) / 100     -- the cage pays: down
        ELSE ceil(p_foreign * p_rate * 100) / 100 END              -- the cage is paid: up
$$;

CREATE FUNCTION cage.exchange(p_id uuid, p_request_hash text, p_direction text, p_currency text,
    p_foreign_amount numeric, p_session uuid, p_approver_session uuid DEFAULT NULL,
    p_player text DEFAULT NULL, p_quoted_rate bigint DEFAULT NULL, p_id_type text DEFAULT NULL,
    p_id_number text DEFAULT NULL)
RETURNS TABLE (replayed boolean, exchange public.fx_exchanges)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; ap record; pol cage.policy%ROWTYPE; r cage.fx_rates%ROWTYPE;
    v_row public.fx_exchanges%ROWTYPE; v_shift bigint; v_local numeric(14,2); v_rate numeric;
    v_at timestamptz := now();
    v_day_start timestamptz; v_day_end timestamptz; v_per_start timestamptz; v_per_end timestamptz;
    v_in_day numeric; v_out_day numeric; v_in_per numeric; v_out_per numeric; v_fx_day numeric; v_fx_per numeric;
BEGIN
    SELECT * INTO v_row FROM public.fx_exchanges x WHERE x.id = p_id;
    IF FOUND THEN
        IF v_row.request_hash <> p_request_hash THEN
            RAISE EXCEPTION 'Exchange % was already posted with different details; nothing was posted.', p_id
                USING ERRCODE = 'CA019';
        END IF;
        replayed := true; exchange := v_row;
        RETURN NEXT;
        RETURN;
    END IF;
    IF p_direction IS NULL OR p_direction NOT IN ('buy', 'sell') THEN
        RAISE EXCEPTION 'An exchange either buys or sells foreign cash.' USING ERRCODE = 'CA014';
    END IF;
    IF p_foreign_amount IS NULL OR p_foreign_amount <= 0 OR p_foreign_amount <> round(p_foreign_amount, 2) THEN
        RAISE EXCEPTION 'The foreign amount must be positive, in cents at most; nothing was posted.' USING ERRCODE = 'CA014';
    END IF;
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.session_with_right(p_session, CASE p_direction WHEN 'buy' THEN 'withdraw' ELSE 'deposit' END);
    IF p_approver_session IS NOT NULL THEN
        SELECT * INTO ap FROM cage.acting_staff(p_approver_session, NULL, false, 'approver');
        IF ap.staff_id = st.staff_id THEN
            RAISE EXCEPTION 'You cannot approve your own transaction; another staff member must.' USING ERRCODE = 'CA001';
        END IF;
        PERFORM cage.require_right(ap.role, 'authorise_dual_control');
    ELSE
        SELECT NULL::text AS staff_id, NULL::text AS role INTO ap;
    END IF;
    SELECT * INTO pol FROM cage.policy WHERE one;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'No cage policy is stored (run db create-roles); nothing was posted.' USING ERRCODE = 'CA015';
    END IF;
    IF c.trusted THEN
        RAISE EXCEPTION 'An exchange is taken at a terminal, by a terminal login.' USING ERRCODE = 'CA001';
    END IF;
    SELECT s.id INTO v_shift FROM public.shifts s
    WHERE s.terminal_id = c.terminal AND s.status = 'open' FOR KEY SHARE;
    IF v_shift IS NULL THEN
        RAISE EXCEPTION 'Terminal % has no open shift; open a shift before posting.', c.terminal USING ERRCODE = 'CA002';
    END IF;

    -- The rate: under a share lock on the currency (set_fx_rate takes it exclusively), read
    -- once; both legs below come from this one row.
    PERFORM 1 FROM cage.fx_currencies f WHERE f.code = p_currency FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The cage does not exchange %.', p_currency USING ERRCODE = 'CA015';
    END IF;
    SELECT x.* INTO r FROM cage.fx_rates x WHERE x.currency = p_currency AND x.valid_from <= clock_timestamp()
    ORDER BY x.valid_from DESC, x.id DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no % rate in force; a supervisor must set one.', p_currency USING ERRCODE = 'CA015';
    END IF;
    IF p_quoted_rate IS NOT NULL AND p_quoted_rate <> r.id THEN
        RAISE EXCEPTION 'The % rate changed since it was quoted; quote the player again. Nothing was posted.',
            p_currency USING ERRCODE = 'CA018';
    END IF;
    v_rate := CASE p_direction WHEN 'buy' THEN r.buy_rate ELSE r.sell_rate END;
    v_local := cage.fx_local_amount(p_direction, p_foreign_amount, v_rate);
    IF v_local <= 0 THEN
        RAISE EXCEPTION 'That is less than one paisa; nothing was posted.' USING ERRCODE = 'CA014';
    END IF;
    PERFORM cage.check_authority(st.staff_id, ap.staff_id, 'exchange', v_local, pol.currency);

    -- Large cash: the local amount counts as cash in and cash out, with the ledger's
    -- postings and earlier exchanges, under the player's row lock (as cage._post).
    IF p_player IS NULL THEN
        IF v_local >= pol.mtl_threshold THEN
            RAISE EXCEPTION 'An exchange of % % must name the player (the MTL logs it); nothing was posted.',
                v_local, pol.currency USING ERRCODE = 'CA009';
        END IF;
    ELSE
        PERFORM 1 FROM public.players p WHERE p.id = p_player FOR NO KEY UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'There is no player “%”.', p_player USING ERRCODE = 'CA004';
        END IF;
        SELECT w.day_start, w.day_end, w.period_start, w.period_end INTO v_day_start, v_day_end, v_per_start, v_per_end
        FROM cage.cash_windows(v_at) w;
        SELECT coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('deposit', 'marker_redeem') AND l.created_at >= v_day_start AND l.created_at < v_day_end), 0),
               coalesce(sum(l.amount) FILTER (WHERE l.kind = 'withdrawal' AND l.created_at >= v_day_start AND l.created_at < v_day_end), 0),
               coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('deposit', 'marker_redeem') AND l.created_at >= v_per_start AND l.created_at < v_per_end), 0),
               coalesce(sum(l.amount) FILTER (WHERE l.kind = 'withdrawal' AND l.created_at >= v_per_start AND l.created_at < v_per_end), 0)
        INTO v_in_day, v_out_day, v_in_per, v_out_per
        FROM public.ledger_transactions l
        WHERE l.player_id = p_player AND l.created_at >= least(v_per_start, v_day_start)
          AND l.created_at < greatest(v_per_end, v_day_end);
        v_fx_day := cage.fx_cash_total(p_player, v_day_start, v_day_end) + v_local;
        v_fx_per := cage.fx_cash_total(p_player, v_per_start, v_per_end) + v_local;
        IF greatest(v_in_per, v_out_per) + v_fx_per > pol.ctr_threshold
           AND (coalesce(btrim(p_id_type), '') = '' OR coalesce(btrim(p_id_number), '') = '') THEN
            RAISE EXCEPTION 'This takes the player''s cash this % to % %, over the reporting threshold of % %: this exchange needs the player''s identification (type and number). Nothing was posted.',
                CASE pol.aggregation WHEN 'month' THEN 'month' ELSE 'gaming day' END,
                greatest(v_in_per, v_out_per) + v_fx_per, pol.currency, pol.ctr_threshold, pol.currency
                USING ERRCODE = 'CA009';
        END IF;
    END IF;

    INSERT INTO public.fx_exchanges (id, request_hash, direction, currency, foreign_amount, rate_id, rate,
        local_currency, local_amount, drawer_local_delta, drawer_foreign_delta, player_id, staff_id, approver_id,
        terminal_id, shift_id, id_type, id_number, created_at, db_login)
    VALUES (p_id, p_request_hash, p_direction, p_currency, p_foreign_amount, r.id, v_rate,
        pol.currency, v_local,
        CASE p_direction WHEN 'buy' THEN -v_local ELSE v_local END,
        CASE p_direction WHEN 'buy' THEN p_foreign_amount ELSE -p_foreign_amount END,
        p_player, st.staff_id, ap.staff_id, c.terminal, v_shift, nullif(btrim(p_id_type), ''),
        nullif(btrim(p_id_number), ''), v_at, session_user)
    RETURNING * INTO v_row;
    -- The MTL: the exchange is cash in and cash out; each direction whose day total
    -- (postings + exchanges) reaches the threshold gets its entry.
    IF p_player IS NOT NULL THEN
        INSERT INTO public.mtl_entries (exchange_id, player_id, gaming_day, direction, kind, amount, day_total,
            currency, staff_id, terminal_id, posted_at, db_login)
        SELECT p_id, p_player, (SELECT CAST(w.gaming_day AS date) FROM cage.cash_windows(v_at) w), d.dir,
               'exchange_' || p_direction, v_local, d.total, pol.currency, st.staff_id, c.terminal, v_at, session_user
        FROM (VALUES ('in', v_in_day + v_fx_day), ('out', v_out_day + v_fx_day)) d(dir, total)
        WHERE d.total >= pol.mtl_threshold;
    END IF;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, c.terminal, 'fx_exchange', jsonb_build_object('exchange_id', p_id::text,
        'direction', p_direction, 'currency', p_currency, 'foreign_amount', p_foreign_amount::text,
        'rate_id', r.id, 'rate', v_rate::text, 'local_amount', v_local::text, 'player_id', p_player,
        'approver', ap.staff_id), session_user);
    replayed := false; exchange := v_row;
    RETURN NEXT;
END $$;

-- Foreign cash a shift's drawer should hold, per currency.
CREATE FUNCTION cage.shift_foreign_cash(p_shift bigint) RETURNS TABLE (currency text, expected numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT btrim(x.currency), sum(x.drawer_foreign_delta) FROM public.fx_exchanges x
    WHERE x.shift_id = p_shift GROUP BY x.currency ORDER BY 1
$$;

INSERT INTO cage.fx_currencies (code, name) VALUES ('USD', 'US dollar'), ('EUR', 'Euro');

-- ------------------------------------------------------------ credit lines -------------
CREATE TABLE public.temporary_credit_lines (
    id            bigserial PRIMARY KEY,
    player_id     varchar(64) NOT NULL REFERENCES public.players(id),
    credit_limit  numeric(14,2) NOT NULL CHECK (credit_limit >= 0),
    expires_at    timestamptz NOT NULL,
    old_limit     numeric(14,2) NOT NULL,   -- the line in force when it was granted
    requested_by  varchar(32) NOT NULL REFERENCES public.staff(id),
    approved_by   varchar(32) NOT NULL REFERENCES public.staff(id),
    reason        text NOT NULL CHECK (btrim(reason) <> ''),
    granted_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    db_login      text NOT NULL DEFAULT session_user,
    CHECK (requested_by <> approved_by),
    CHECK (expires_at > granted_at)
);
CREATE INDEX temporary_credit_lines_by_player ON public.temporary_credit_lines (player_id, id DESC);
CREATE TRIGGER temporary_credit_lines_append_only BEFORE UPDATE OR DELETE ON public.temporary_credit_lines
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();

-- The permanent line: the newest credit_line posting's limit (0 if none).
CREATE FUNCTION cage.permanent_credit_limit(p_player text) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT l.limit_after FROM public.ledger_transactions l
                     WHERE l.player_id = p_player AND l.kind = 'credit_line' ORDER BY l.seq DESC LIMIT 1), 0)
$$;

-- The line in force at a moment: the newest temporary grant if it has not expired, else
-- the permanent line. Computed, never stored: an expiry needs no job.
CREATE FUNCTION cage.effective_credit_limit(p_player text, p_at timestamptz DEFAULT now()) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce((SELECT t.credit_limit FROM public.temporary_credit_lines t
                     WHERE t.player_id = p_player AND t.granted_at <= p_at
                       AND t.id = (SELECT max(u.id) FROM public.temporary_credit_lines u WHERE u.player_id = p_player
                                   AND u.granted_at <= p_at)
                       AND t.expires_at > p_at),
                    cage.permanent_credit_limit(p_player))
$$;

CREATE FUNCTION cage.grant_temporary_credit(p_session uuid, p_approver_session uuid, p_player text,
    p_limit numeric, p_expires_at timestamptz, p_reason text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; ap record; pol cage.policy%ROWTYPE; v_id bigint; v_old numeric; v_authority numeric;
    v_drawn numeric;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.session_with_right(p_session, 'request_credit');
    SELECT * INTO ap FROM cage.acting_staff(p_approver_session, NULL, false, 'approver');
    IF ap.staff_id IS NULL OR ap.staff_id = st.staff_id THEN
        RAISE EXCEPTION 'A temporary line is approved by someone other than who asked for it, with their PIN.'
            USING ERRCODE = 'CA010';
    END IF;
    PERFORM cage.require_right(ap.role, 'approve_credit');
    SELECT * INTO pol FROM cage.policy WHERE one;
    v_authority := CASE ap.role WHEN 'supervisor' THEN ap.approval_limit
        WHEN 'floor_manager' THEN coalesce(ap.approval_limit, pol.floor_manager_approval_limit) ELSE 0 END;
    IF v_authority IS NOT NULL AND p_limit > v_authority THEN
        RAISE EXCEPTION 'A limit of % is above the approval authority of % (%).', p_limit, ap.staff_id, v_authority
            USING ERRCODE = 'CA001';
    END IF;
    IF p_limit IS NULL OR p_limit < 0 OR p_limit <> round(p_limit, 2) THEN
        RAISE EXCEPTION 'A credit limit is a non-negative amount in paise at most.' USING ERRCODE = 'CA014';
    END IF;
    IF p_expires_at IS NULL OR p_expires_at <= clock_timestamp() THEN
        RAISE EXCEPTION 'A temporary line needs an expiry in the future.' USING ERRCODE = 'CA014';
    END IF;
    IF coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'Give a reason for the temporary line.' USING ERRCODE = 'CA014';
    END IF;
    SELECT p.current_credit INTO v_drawn FROM public.players p WHERE p.id = p_player FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no player “%”.', p_player USING ERRCODE = 'CA004';
    END IF;
    IF p_limit < v_drawn THEN
        RAISE EXCEPTION 'The new limit % is below the % already drawn by player %.', p_limit, v_drawn, p_player
            USING ERRCODE = 'CA006';
    END IF;
    v_old := cage.effective_credit_limit(p_player, clock_timestamp());
    INSERT INTO public.temporary_credit_lines (player_id, credit_limit, expires_at, old_limit, requested_by,
        approved_by, reason)
    VALUES (p_player, p_limit, p_expires_at, v_old, st.staff_id, ap.staff_id, btrim(p_reason)) RETURNING id INTO v_id;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (ap.staff_id, c.terminal, 'temporary_credit', jsonb_build_object('line_id', v_id, 'player_id', p_player,
        'old', v_old::text, 'new', p_limit::text, 'expires_at', p_expires_at, 'requested_by', st.staff_id,
        'reason', btrim(p_reason)), session_user);
    RETURN v_id;
END $$;

-- The player's credit history: every permanent change (a credit_line posting, with the
-- request it decided) and every temporary grant, oldest first.
CREATE FUNCTION cage.credit_history(p_player text)
RETURNS TABLE (changed_at timestamptz, line text, old_limit numeric, new_limit numeric, expires_at timestamptz,
    requested_by text, approved_by text, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM (
        SELECT l.created_at, 'permanent',
               coalesce(lag(l.limit_after) OVER (ORDER BY l.seq), 0::numeric), l.limit_after, NULL::timestamptz,
               coalesce(q.requested_by, l.staff_id)::text, l.approver_id::text,
               coalesce(q.decision_reason, q.note, l.reason)
        FROM public.ledger_transactions l
        LEFT JOIN public.credit_requests q ON q.posting_id = l.id
        WHERE l.player_id = p_player AND l.kind = 'credit_line'
        UNION ALL
        SELECT t.granted_at, 'temporary', t.old_limit, t.credit_limit, t.expires_at,
               t.requested_by::text, t.approved_by::text, t.reason
        FROM public.temporary_credit_lines t WHERE t.player_id = p_player
    ) h ORDER BY 1
$$;

-- Markers: one row per marker_issue posting; redemptions allocated oldest first.
CREATE TABLE public.markers (
    posting_id  uuid PRIMARY KEY REFERENCES public.ledger_transactions(id),
    player_id   varchar(64) NOT NULL REFERENCES public.players(id),
    amount      numeric(14,2) NOT NULL CHECK (amount > 0),
    issued_at   timestamptz NOT NULL,
    due_date    date NOT NULL
);
CREATE INDEX markers_by_player ON public.markers (player_id, issued_at);
CREATE TRIGGER markers_append_only BEFORE UPDATE OR DELETE ON public.markers
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TABLE public.marker_allocations (
    id          bigserial PRIMARY KEY,
    posting_id  uuid NOT NULL REFERENCES public.ledger_transactions(id),  -- the redemption / reversal
    marker_id   uuid NOT NULL REFERENCES public.markers(posting_id),
    amount      numeric(14,2) NOT NULL CHECK (amount <> 0)              -- negative: a redemption reversed
);
CREATE INDEX marker_allocations_by_marker ON public.marker_allocations (marker_id);
CREATE INDEX marker_allocations_by_posting ON public.marker_allocations (posting_id);
CREATE TRIGGER marker_allocations_append_only BEFORE UPDATE OR DELETE ON public.marker_allocations
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();

CREATE VIEW cage.markers_outstanding AS
    SELECT m.posting_id, m.player_id, m.amount, m.issued_at, m.due_date,
           m.amount - coalesce((SELECT sum(a.amount) FROM public.marker_allocations a WHERE a.marker_id = m.posting_id), 0)
               AS outstanding
    FROM public.markers m;

-- Internal (runs inside cage._post, after the ledger row): keep the markers in step.
CREATE FUNCTION cage.record_marker(p_row public.ledger_transactions, p_kind_of text, p_term integer)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_left numeric(14,2); v_take numeric(14,2); m record;
BEGIN
    IF p_row.kind = 'marker_issue' THEN
        INSERT INTO public.markers (posting_id, player_id, amount, issued_at, due_date)
        VALUES (p_row.id, p_row.player_id, p_row.amount, p_row.created_at,
                (p_row.created_at AT TIME ZONE 'UTC')::date + coalesce(p_term, 30));
    ELSIF p_row.kind = 'marker_redeem' OR (p_row.kind = 'reversal' AND p_kind_of = 'marker_issue') THEN
        -- A redemption pays the oldest markers first; a reversed issue cancels that marker.
        v_left := p_row.amount;
        FOR m IN SELECT o.posting_id, o.outstanding FROM cage.markers_outstanding o
                 WHERE o.player_id = p_row.player_id AND o.outstanding > 0
                   AND (p_row.kind = 'marker_redeem' OR o.posting_id = p_row.reverses_id)
                 ORDER BY o.issued_at, o.posting_id LOOP
            EXIT WHEN v_left <= 0;
            v_take := least(v_left, m.outstanding);
            INSERT INTO public.marker_allocations (posting_id, marker_id, amount) VALUES (p_row.id, m.posting_id, v_take);
            v_left := v_left - v_take;
        END LOOP;
    ELSIF p_row.kind = 'reversal' AND p_kind_of = 'marker_redeem' THEN
        INSERT INTO public.marker_allocations (posting_id, marker_id, amount)
        SELECT p_row.id, a.marker_id, -a.amount FROM public.marker_allocations a WHERE a.posting_id = p_row.reverses_id;
    END IF;
END $$;

-- A player's markers with what is still owed on each (for the screens).
CREATE FUNCTION cage.player_markers(p_player text)
RETURNS TABLE (posting_id uuid, amount numeric, issued_at timestamptz, due_date date, outstanding numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT o.posting_id, o.amount, o.issued_at, o.due_date, o.outstanding FROM cage.markers_outstanding o
    WHERE o.player_id = p_player ORDER BY o.issued_at, o.posting_id
$$;

-- The floor manager's queue: markers still owed that fall due by p_by, soonest first.
CREATE FUNCTION cage.markers_due(p_session uuid, p_by date)
RETURNS TABLE (player_id text, posting_id uuid, due_date date, outstanding numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM cage.session_with_right(p_session, 'approve_credit');
    RETURN QUERY SELECT o.player_id::text, o.posting_id, o.due_date, o.outstanding FROM cage.markers_outstanding o
        WHERE o.outstanding > 0 AND o.due_date <= p_by ORDER BY o.due_date, o.issued_at, o.posting_id;
END $$;

-- Outstanding markers by age (days since issue, on p_as_of), per player.
CREATE FUNCTION cage.marker_aging(p_as_of date DEFAULT CURRENT_DATE)
RETURNS TABLE (player_id text, days_0_30 numeric, days_31_60 numeric, days_61_90 numeric, days_over_90 numeric,
    overdue numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT o.player_id::text,
           coalesce(sum(o.outstanding) FILTER (WHERE p_as_of - (o.issued_at AT TIME ZONE 'UTC')::date <= 30), 0),
           coalesce(sum(o.outstanding) FILTER (WHERE p_as_of - (o.issued_at AT TIME ZONE 'UTC')::date BETWEEN 31 AND 60), 0),
           coalesce(sum(o.outstanding) FILTER (WHERE p_as_of - (o.issued_at AT TIME ZONE 'UTC')::date BETWEEN 61 AND 90), 0),
           coalesce(sum(o.outstanding) FILTER (WHERE p_as_of - (o.issued_at AT TIME ZONE 'UTC')::date > 90), 0),
           coalesce(sum(o.outstanding) FILTER (WHERE o.due_date < p_as_of), 0)
    FROM cage.markers_outstanding o WHERE o.outstanding > 0
    GROUP BY o.player_id ORDER BY o.player_id
$$;

-- ------------------------------------------------------------ drawer by denomination ---
-- The notes a cash posting took in and paid out ({"500": 10} = ten ₹500 notes); their value
-- must equal the posting's drawer movement. No login reads this table: the supervisor sees
-- a drawer's expected holding through cage.drawer_holding (the cashier's count stays blind).
CREATE TABLE public.posting_notes (
    posting_id    uuid NOT NULL REFERENCES public.ledger_transactions(id),
    denomination  numeric(14,2) NOT NULL CHECK (denomination > 0),
    pieces_in     integer NOT NULL CHECK (pieces_in >= 0),
    pieces_out    integer NOT NULL CHECK (pieces_out >= 0),
    PRIMARY KEY (posting_id, denomination)
);
CREATE TRIGGER posting_notes_append_only BEFORE UPDATE OR DELETE ON public.posting_notes
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();

-- {"500": 10, ...} -> (denomination, pieces); refuses what is not a count.
CREATE FUNCTION cage.note_pieces(p_notes jsonb) RETURNS TABLE (denomination numeric, pieces integer)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    e record;
BEGIN
    IF p_notes IS NULL THEN
        RETURN;
    END IF;
    IF jsonb_typeof(p_notes) <> 'object' THEN
        RAISE EXCEPTION 'Notes are given as {"denomination": pieces}.' USING ERRCODE = 'CA014';
    END IF;
    FOR e IN SELECT * FROM jsonb_each_text(p_notes) LOOP
        IF e.key !~ '^[0-9]+(\.[0-9]{1,2})?$' OR CAST(e.key AS numeric) <= 0 THEN
            RAISE EXCEPTION '“%” is not a denomination.', e.key USING ERRCODE = 'CA014';
        END IF;
        IF e.value !~ '^[0-9]{1,6}$' THEN
            RAISE EXCEPTION 'The pieces of % must be a whole number.', e.key USING ERRCODE = 'CA014';
        END IF;
        denomination := CAST(e.key AS numeric(14,2));
        pieces := CAST(e.value AS integer);
        RETURN NEXT;
    END LOOP;
END $$;

-- cage.post with the notes in and out: ONE call; refused whole if the notes do not add up
-- to the posting's drawer movement.
CREATE FUNCTION cage.post_with_notes(p_id uuid, p_request_hash text, p_kind text, p_player text,
    p_amount numeric, p_currency text, p_session uuid, p_notes_in jsonb, p_notes_out jsonb,
    p_approver_session uuid DEFAULT NULL, p_reason text DEFAULT NULL, p_id_type text DEFAULT NULL,
    p_id_number text DEFAULT NULL)
RETURNS TABLE (replayed boolean, posting public.ledger_transactions)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r record; v_value numeric;
BEGIN
    SELECT * INTO r FROM cage._post(false, p_id, p_request_hash, p_kind, p_player, p_amount, p_currency,
        p_session, p_approver_session, NULL, p_reason, p_id_type, p_id_number, NULL, NULL, NULL, NULL);
    IF (r.posting).shift_id IS NULL THEN
        RAISE EXCEPTION 'Notes are recorded only for a posting into a shift.' USING ERRCODE = 'CA014';
    END IF;
    INSERT INTO public.posting_notes (posting_id, denomination, pieces_in, pieces_out)
    SELECT p_id, d, coalesce(sum(n_in), 0), coalesce(sum(n_out), 0)
    FROM (SELECT i.denomination AS d, i.pieces AS n_in, NULL::integer AS n_out FROM cage.note_pieces(p_notes_in) i
          UNION ALL
          SELECT o.denomination, NULL, o.pieces FROM cage.note_pieces(p_notes_out) o) x
    GROUP BY d HAVING coalesce(sum(n_in), 0) + coalesce(sum(n_out), 0) > 0;
    SELECT coalesce(sum(n.denomination * (n.pieces_in - n.pieces_out)), 0) INTO v_value
    FROM public.posting_notes n WHERE n.posting_id = p_id;
    IF v_value <> (r.posting).drawer_delta THEN
        RAISE EXCEPTION 'The notes in and out come to % but this posting moves % in the drawer; nothing was posted.',
            v_value, (r.posting).drawer_delta USING ERRCODE = 'CA014';
    END IF;
    replayed := r.replayed; posting := r.posting;
    RETURN NEXT;
END $$;

-- What a drawer should hold now, by denomination: the opening count plus every posting's
-- notes. A row without a denomination is cash that moved without notes recorded (or an
-- opening float not counted by denomination). For a supervisor's session only.
CREATE FUNCTION cage.drawer_holding(p_session uuid, p_shift bigint)
RETURNS TABLE (denomination numeric, pieces bigint, amount numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    st record; sh public.shifts%ROWTYPE;
BEGIN
    SELECT * INTO st FROM cage.session_with_right(p_session, 'sign_off_shift');
    SELECT * INTO sh FROM public.shifts s WHERE s.id = p_shift;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no shift %.', p_shift USING ERRCODE = 'CA002';
    END IF;
    RETURN QUERY
    WITH opening AS (
        SELECT o.denomination AS d, o.pieces::bigint AS n FROM cage.note_pieces(sh.opening_count) o
    ), moved AS (
        SELECT n.denomination AS d, sum(n.pieces_in - n.pieces_out)::bigint AS n
        FROM public.posting_notes n JOIN public.ledger_transactions l ON l.id = n.posting_id
        WHERE l.shift_id = p_shift GROUP BY n.denomination
    ), pieces AS (
        SELECT x.d, sum(x.n)::bigint AS n FROM (SELECT * FROM opening UNION ALL SELECT * FROM moved) x GROUP BY x.d
    )
    SELECT p.d, p.n, p.d * p.n FROM pieces p WHERE p.n <> 0
    UNION ALL
    SELECT NULL::numeric, NULL::bigint, u.amount FROM (
        SELECT sh.opening_float - coalesce((SELECT sum(o.d * o.n) FROM opening o), 0)
             + coalesce((SELECT sum(l.drawer_delta) FROM public.ledger_transactions l
                         WHERE l.shift_id = p_shift
                           AND NOT EXISTS (SELECT 1 FROM public.posting_notes n WHERE n.posting_id = l.id)), 0) AS amount
    ) u WHERE u.amount <> 0
    ORDER BY 1 DESC NULLS LAST;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;
"""

# (function, anchor that must occur exactly once, replacement)
_POST_PATCHES = [
    # authority per user and type, after the approvals are known
    ("    -- Where: the calling login's terminal's open shift.\n",
     "    PERFORM cage.check_authority(st.staff_id, v_approver, p_kind, p_amount, p_currency);\n\n"
     "    -- Where: the calling login's terminal's open shift.\n"),
    # a marker is issued against the line in force now (a temporary one until it expires)
    ("    v_limit := CASE WHEN p_kind = 'credit_line' THEN p_amount ELSE pl.credit_limit END;\n",
     "    v_limit := CASE WHEN p_kind = 'credit_line' THEN p_amount\n"
     "                    WHEN p_kind = 'marker_issue' THEN cage.effective_credit_limit(p_player, v_at)\n"
     "                    ELSE pl.credit_limit END;\n"),
    # a temporary line in force lets a marker be issued to a player with no permanent line
    # (in memory only: credit_approved stays what the permanent line says); a permanent line
    # whose approval was withdrawn still refuses every marker
    ("    v_approved := CASE WHEN p_kind = 'credit_line' THEN p_amount > 0 ELSE pl.credit_approved END;\n",
     "    v_approved := CASE WHEN p_kind = 'credit_line' THEN p_amount > 0 ELSE pl.credit_approved END;\n"
     "    IF p_kind = 'marker_issue' AND v_limit > 0 AND cage.permanent_credit_limit(p_player) = 0 THEN\n"
     "        pl.credit_approved := true;\n"
     "    END IF;\n"),
    # exchanges count as cash in and out toward the identification threshold and the MTL
    ("        v_day_total := v_day_total + p_amount;\n",
     "        SELECT v_day_total + coalesce(sum(x.local_amount) FILTER (WHERE x.created_at >= v_day_start\n"
     "                                      AND x.created_at < v_day_end), 0),\n"
     "               v_per_total + coalesce(sum(x.local_amount), 0)\n"
     "        INTO v_day_total, v_per_total FROM public.fx_exchanges x\n"
     "        WHERE x.player_id = p_player AND x.created_at >= least(v_per_start, v_day_start)\n"
     "          AND x.created_at < greatest(v_per_end, v_day_end);\n"
     "        v_day_total := v_day_total + p_amount;\n"),
    # markers follow their postings
    ("    IF pol.one AND v_dir IS NOT NULL AND v_day_total >= pol.mtl_threshold THEN\n",
     "    IF v_kind_of IN ('marker_issue', 'marker_redeem') THEN\n"
     "        PERFORM cage.record_marker(v_row, v_kind_of, pol.marker_term_days);\n"
     "    END IF;\n"
     "    IF pol.one AND v_dir IS NOT NULL AND v_day_total >= pol.mtl_threshold THEN\n"),
]
_CLOSE_PATCHES = [
    ("    v_variance := p_counted - v_expected;\n",
     "    v_expected := v_expected + coalesce((SELECT sum(x.drawer_local_delta) FROM public.fx_exchanges x\n"
     "                                         WHERE x.shift_id = p_shift), 0);\n"
     "    v_variance := p_counted - v_expected;\n"),
]


def _patch_function(conn, signature: str, patches: list[tuple[str, str]]) -> None:
    patch_function(conn, "0013", signature, patches)  # ledger/migration_patching.py


def upgrade() -> None:
    op.execute(UPGRADE)
    conn = op.get_bind()
    _patch_function(conn, "cage._post(boolean, uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, "
                          "text, text, text, text, text, bigint)", _POST_PATCHES)
    _patch_function(conn, "cage.close_shift(uuid, bigint, numeric, jsonb, text, numeric)", _CLOSE_PATCHES)
    conn.exec_driver_sql("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
