"""Monitoring: integrity alerts, the watch's cursor, heartbeats, refusals, integrity runs.

- `integrity_alerts`: one open alert per player at most; the evidence (cached columns,
  ledger sums, who changed the row and when) is frozen with it. Resolved only by a
  supervisor (adopt / revert / dismiss), never automatically.
- `player_checks(players)`: the per-player check the watch runs within seconds of a change
  (cash, credit and running totals against the ledger sums, the report's rule, limit,
  approval and chain hash against the newest ledger row).
- `adopt_player_change` / `revert_player_change`: the two audited corrections, each one
  transaction holding the player's row lock. Adopt appends an adjustment whose deltas
  explain the outside change, chained like any posting, and leaves the balances the player
  was shown as they are; revert restores the columns from the ledger (the outbox trigger
  broadcasts it like any change).
- `monitor_cursors`, `watch_hourly`, `terminal_heartbeats`, `feed_acks`,
  `refused_postings`, `integrity_runs`: what the dashboard and the health report read.

Revision ID: 0005
Revises: 0001
"""
from alembic import op

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TABLE integrity_alerts (
    id                bigserial PRIMARY KEY,
    player_id         varchar(64) NOT NULL,
    status            text NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'adopted', 'reverted', 'dismissed')),
    source            text NOT NULL CHECK (source IN ('watch', 'full_check')),
    checks            text[] NOT NULL,
    evidence          jsonb NOT NULL,
    event_id          bigint,
    raised_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    resolved_at       timestamptz,
    resolved_by       varchar(32) REFERENCES staff(id),
    resolution_reason text,
    posting_id        uuid REFERENCES ledger_transactions(id),
    announced_at      timestamptz
);
CREATE UNIQUE INDEX integrity_alerts_one_open ON integrity_alerts (player_id) WHERE status = 'open';
CREATE INDEX integrity_alerts_by_time ON integrity_alerts (raised_at);

CREATE FUNCTION integrity_alerts_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('integrity_alerts', NEW.id::text || ':' || NEW.status);
    RETURN NULL;
END $$;
CREATE TRIGGER integrity_alerts_notify AFTER INSERT OR UPDATE OF status ON integrity_alerts
    FOR EACH ROW EXECUTE FUNCTION integrity_alerts_notify();

CREATE TABLE monitor_cursors (
    name       text PRIMARY KEY,
    last_id    bigint NOT NULL DEFAULT 0,
    gaps       jsonb NOT NULL DEFAULT '[]'::jsonb,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE watch_hourly (
    hour       timestamptz PRIMARY KEY,
    events     bigint NOT NULL DEFAULT 0,
    checks     bigint NOT NULL DEFAULT 0,
    discrepant bigint NOT NULL DEFAULT 0
);

CREATE TABLE terminal_heartbeats (
    terminal_id      text PRIMARY KEY,
    staff_id         varchar(32),
    seen_at          timestamptz NOT NULL DEFAULT now(),
    pending_entries  integer NOT NULL DEFAULT 0,
    feed_state       text,
    last_event_age_s double precision,
    app_version      text
);

CREATE TABLE feed_acks (
    terminal_id text NOT NULL,
    player_id   varchar(64) NOT NULL,
    version     bigint NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (terminal_id, player_id, version)
);
CREATE INDEX feed_acks_by_time ON feed_acks USING brin (received_at);

CREATE TABLE refused_postings (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    outcome     text NOT NULL CHECK (outcome IN ('refused', 'failed')),
    code        text NOT NULL,
    message     text NOT NULL,
    posting_id  uuid,
    kind        text,
    player_id   varchar(64),
    amount      numeric(14,2),
    currency    char(3),
    staff_id    varchar(32),
    terminal_id text
);
CREATE INDEX refused_postings_by_time ON refused_postings (at);

CREATE TABLE integrity_runs (
    id              bigserial PRIMARY KEY,
    trigger         text NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    players_total   bigint,
    players_failing bigint,
    findings_count  integer,
    clean           boolean,
    findings        jsonb NOT NULL DEFAULT '[]'::jsonb,
    error           text
);
CREATE INDEX integrity_runs_by_time ON integrity_runs (started_at);

-- Time-range reads of the outbox (updates per minute, latency) without slowing inserts.
CREATE INDEX balance_events_created_brin ON balance_events USING brin (created_at);

-- One player against the ledger: every check that fails, with expected and found values.
CREATE FUNCTION player_checks(p players)
RETURNS TABLE (player_id varchar, check_name text, expected text, actual text)
LANGUAGE sql STABLE AS $$
    SELECT p.id, c.name, c.expected, c.actual
    FROM (SELECT coalesce(sum(t.cash_delta), 0) AS cash, coalesce(sum(t.credit_delta), 0) AS credit,
                 coalesce(sum(t.deposits_delta), 0) AS dep, coalesce(sum(t.withdrawals_delta), 0) AS wd
          FROM ledger_transactions t WHERE t.player_id = p.id) s
    LEFT JOIN LATERAL (SELECT t.hash, t.limit_after, t.approved_after FROM ledger_transactions t
                       WHERE t.player_id = p.id ORDER BY t.seq DESC LIMIT 1) l ON true
    CROSS JOIN LATERAL (VALUES
        ('cash_matches_ledger', s.cash::text, p.balance::text, p.balance <> s.cash),
        ('credit_matches_ledger', s.credit::text, p.current_credit::text, p.current_credit <> s.credit),
        ('balance_is_deposits_minus_withdrawals', (p.total_deposits - p.total_withdrawals)::text,
            p.balance::text, p.balance <> p.total_deposits - p.total_withdrawals),
        ('deposits_match_ledger', s.dep::text, p.total_deposits::text, p.total_deposits <> s.dep),
        ('withdrawals_match_ledger', s.wd::text, p.total_withdrawals::text, p.total_withdrawals <> s.wd),
        ('limit_matches_ledger', coalesce(l.limit_after, 0)::text, p.credit_limit::text,
            p.credit_limit <> coalesce(l.limit_after, 0)),
        ('approval_matches_ledger', coalesce(l.approved_after, false)::text, p.credit_approved::text,
            p.credit_approved <> coalesce(l.approved_after, false)),
        ('last_hash_matches_ledger', coalesce(l.hash, ''), p.last_hash, p.last_hash <> coalesce(l.hash, '')),
        ('credit_within_limit', p.credit_limit::text, p.current_credit::text,
            p.current_credit > p.credit_limit OR p.current_credit < 0),
        ('balance_not_negative', '0', p.balance::text, p.balance < 0)
    ) AS c(name, expected, actual, failing)
    WHERE c.failing
$$;

-- The state the ledger says a player should be in, and whether their chain is intact.
CREATE FUNCTION ledger_state(pid varchar)
RETURNS TABLE (cash numeric, credit numeric, dep numeric, wd numeric, limit_after numeric,
               approved_after boolean, last_hash text, currency text, rows bigint, chain_ok boolean)
LANGUAGE sql STABLE AS $$
    WITH c AS (
        SELECT t.*, ledger_digest(coalesce(lag(t.hash) OVER w, ''), t.id, t.player_id, t.kind, t.amount,
                   t.currency, t.cash_delta, t.credit_delta, t.drawer_delta, t.cash_after,
                   t.credit_after, t.limit_after, t.approved_after, t.staff_id, t.approver_id,
                   t.terminal_id, t.shift_id, t.reverses_id, t.reason, t.id_type, t.id_number,
                   t.created_at) AS expect
        FROM ledger_transactions t WHERE t.player_id = pid
        WINDOW w AS (ORDER BY t.seq)
    ), last AS (SELECT * FROM c ORDER BY seq DESC LIMIT 1)
    SELECT coalesce((SELECT sum(cash_delta) FROM c), 0), coalesce((SELECT sum(credit_delta) FROM c), 0),
           coalesce((SELECT sum(deposits_delta) FROM c), 0), coalesce((SELECT sum(withdrawals_delta) FROM c), 0),
           coalesce((SELECT limit_after FROM last), 0), coalesce((SELECT approved_after FROM last), false),
           coalesce((SELECT hash FROM last), ''), (SELECT trim(currency) FROM last),
           (SELECT count(*) FROM c), NOT EXISTS (SELECT 1 FROM c WHERE c.hash <> c.expect)
$$;

CREATE FUNCTION _open_alert_for_correction(p_alert bigint) RETURNS integrity_alerts
LANGUAGE plpgsql AS $$
DECLARE a integrity_alerts;
BEGIN
    SELECT * INTO a FROM integrity_alerts WHERE id = p_alert FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no alert %.', p_alert USING ERRCODE = 'CDA01';
    END IF;
    IF a.status <> 'open' THEN
        RAISE EXCEPTION 'Alert % was already resolved (%).', p_alert, a.status USING ERRCODE = 'CDA01';
    END IF;
    RETURN a;
END $$;

-- Adopt: record the outside change in the ledger; the balances the player saw stay put.
CREATE FUNCTION adopt_player_change(p_alert bigint, p_posting uuid, p_staff varchar,
        p_terminal text, p_reason text, p_currency text)
RETURNS TABLE (posting_id uuid, kind text, amount numeric, cash_delta numeric, credit_delta numeric)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    a integrity_alerts; p players; s record;
    d_cash numeric; d_credit numeric; d_dep numeric; d_wd numeric; fix_totals boolean := false;
    v_kind text; v_amount numeric; v_now timestamptz := now(); v_hash text; v_reason text;
BEGIN
    a := _open_alert_for_correction(p_alert);
    SELECT * INTO p FROM players WHERE id = a.player_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Player % no longer exists.', a.player_id USING ERRCODE = 'CDA02';
    END IF;
    SELECT * INTO s FROM ledger_state(p.id);
    IF NOT s.chain_ok THEN
        RAISE EXCEPTION 'The ledger chain of player % is broken; a correction cannot be built on it. Investigate the ledger rows.', p.id
            USING ERRCODE = 'CDA03';
    END IF;
    d_cash := p.balance - s.cash; d_credit := p.current_credit - s.credit;
    d_dep := p.total_deposits - s.dep; d_wd := p.total_withdrawals - s.wd;
    IF d_cash = 0 AND d_credit = 0 AND p.credit_limit = s.limit_after
       AND p.credit_approved = s.approved_after AND d_dep = 0 AND d_wd = 0 THEN
        RAISE EXCEPTION 'Player %''s balances already agree with the ledger; there is nothing to adopt.', p.id
            USING ERRCODE = 'CDA02';
    END IF;
    IF d_dep - d_wd <> d_cash THEN
        -- The running totals do not tell the story: book the cash change as an adjustment does.
        d_dep := greatest(d_cash, 0); d_wd := greatest(-d_cash, 0); fix_totals := true;
    END IF;
    IF d_cash <> 0 THEN
        v_kind := CASE WHEN d_cash > 0 THEN 'adjust_in' ELSE 'adjust_out' END; v_amount := abs(d_cash);
    ELSIF d_credit <> 0 THEN
        v_kind := CASE WHEN d_credit > 0 THEN 'adjust_in' ELSE 'adjust_out' END; v_amount := abs(d_credit);
    ELSIF p.credit_limit <> s.limit_after OR p.credit_approved <> s.approved_after THEN
        v_kind := 'credit_line'; v_amount := p.credit_limit;
    ELSE
        v_kind := 'adjust_in'; v_amount := 0;
    END IF;
    -- Hash exactly what the row will store: numeric(14,2) renders with two decimals.
    d_cash := d_cash::numeric(14,2); d_credit := d_credit::numeric(14,2);
    d_dep := d_dep::numeric(14,2); d_wd := d_wd::numeric(14,2); v_amount := v_amount::numeric(14,2);
    v_reason := format('adopted alert %s: %s', p_alert, p_reason);
    v_hash := ledger_digest(s.last_hash, p_posting, p.id, v_kind, v_amount, coalesce(s.currency, p_currency),
        d_cash, d_credit, 0::numeric(14,2), p.balance, p.current_credit, p.credit_limit, p.credit_approved,
        p_staff, p_staff, p_terminal, NULL::bigint, NULL::uuid, v_reason, NULL, NULL, v_now);
    INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency,
        cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta,
        cash_after, credit_after, limit_after, approved_after, staff_id, approver_id,
        terminal_id, shift_id, reverses_id, reason, created_at, hash)
    VALUES (p_posting, 'adopt-alert:' || p_alert, v_kind, p.id, v_amount, coalesce(s.currency, p_currency),
        d_cash, d_credit, 0, d_dep, d_wd, p.balance, p.current_credit, p.credit_limit, p.credit_approved,
        p_staff, p_staff, p_terminal, NULL, NULL, v_reason, v_now, v_hash);
    -- Only the chain anchor (and, if they disagreed, the running totals) change here: the
    -- balances the player was shown stay exactly as they are.
    UPDATE players SET last_hash = v_hash,
        total_deposits = CASE WHEN fix_totals THEN s.dep + d_dep ELSE total_deposits END,
        total_withdrawals = CASE WHEN fix_totals THEN s.wd + d_wd ELSE total_withdrawals END
    WHERE id = p.id;
    INSERT INTO audit_log (staff_id, terminal_id, action, detail) VALUES (p_staff, p_terminal,
        'integrity.adopt', jsonb_build_object('alert', p_alert, 'player', p.id, 'posting', p_posting,
            'reason', p_reason, 'kind', v_kind, 'amount', v_amount::text,
            'cash_delta', d_cash::text, 'credit_delta', d_credit::text,
            'deposits_delta', d_dep::text, 'withdrawals_delta', d_wd::text, 'totals_restated', fix_totals,
            'ledger_before', jsonb_build_object('cash', s.cash::text, 'credit', s.credit::text,
                'limit', s.limit_after::text, 'approved', s.approved_after),
            'columns', balance_payload(p)));
    UPDATE integrity_alerts SET status = 'adopted', resolved_at = clock_timestamp(),
        resolved_by = p_staff, resolution_reason = p_reason, posting_id = p_posting,
        updated_at = clock_timestamp()
    WHERE id = p_alert;
    RETURN QUERY SELECT p_posting, v_kind, v_amount, d_cash, d_credit;
END $$;

-- Revert: the cached columns restored from the ledger (an outbox event broadcasts it).
CREATE FUNCTION revert_player_change(p_alert bigint, p_staff varchar, p_terminal text, p_reason text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE a integrity_alerts; p players; s record; v_version bigint;
BEGIN
    a := _open_alert_for_correction(p_alert);
    SELECT * INTO p FROM players WHERE id = a.player_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Player % no longer exists.', a.player_id USING ERRCODE = 'CDA02';
    END IF;
    SELECT * INTO s FROM ledger_state(p.id);
    IF NOT s.chain_ok THEN
        RAISE EXCEPTION 'The ledger chain of player % is broken; its sums cannot be trusted to revert to. Investigate the ledger rows.', p.id
            USING ERRCODE = 'CDA03';
    END IF;
    IF s.cash < 0 OR s.credit < 0 OR s.credit > s.limit_after THEN
        RAISE EXCEPTION 'Reverting would leave player % at cash %, credit % of limit % (postings were made on top of the outside change); adopt it instead.',
            p.id, s.cash, s.credit, s.limit_after USING ERRCODE = 'CDA04';
    END IF;
    IF p.balance = s.cash AND p.current_credit = s.credit AND p.credit_limit = s.limit_after
       AND p.credit_approved = s.approved_after AND p.total_deposits = s.dep
       AND p.total_withdrawals = s.wd AND p.last_hash = s.last_hash THEN
        RAISE EXCEPTION 'Player %''s columns already agree with the ledger; there is nothing to revert.', p.id
            USING ERRCODE = 'CDA02';
    END IF;
    UPDATE players SET balance = s.cash, current_credit = s.credit, credit_limit = s.limit_after,
        credit_approved = s.approved_after, total_deposits = s.dep, total_withdrawals = s.wd,
        last_hash = s.last_hash
    WHERE id = p.id RETURNING version INTO v_version;
    INSERT INTO audit_log (staff_id, terminal_id, action, detail) VALUES (p_staff, p_terminal,
        'integrity.revert', jsonb_build_object('alert', p_alert, 'player', p.id, 'reason', p_reason,
            'version', v_version, 'before', balance_payload(p),
            'before_totals', jsonb_build_object('deposits', p.total_deposits::text,
                'withdrawals', p.total_withdrawals::text),
            'after', jsonb_build_object('cash', s.cash::text, 'credit', s.credit::text,
                'limit', s.limit_after::text, 'approved', s.approved_after,
                'deposits', s.dep::text, 'withdrawals', s.wd::text)));
    UPDATE integrity_alerts SET status = 'reverted', resolved_at = clock_timestamp(),
        resolved_by = p_staff, resolution_reason = p_reason, updated_at = clock_timestamp()
    WHERE id = p_alert;
    RETURN v_version;
END $$;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
