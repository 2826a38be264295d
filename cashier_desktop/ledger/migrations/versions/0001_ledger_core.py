"""Ledger core: players, staff, shifts, append-only ledger and audit log, outbox, integrity.

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TABLE staff (
    id              varchar(32) PRIMARY KEY,
    name            text NOT NULL,
    role            text NOT NULL CHECK (role IN ('cashier', 'floor_manager', 'supervisor')),
    active          boolean NOT NULL DEFAULT true,
    pin_hash        text NOT NULL,
    approval_limit  numeric(14,2) CHECK (approval_limit IS NULL OR approval_limit >= 0),
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE players (
    id                varchar(64) PRIMARY KEY,
    name              text NOT NULL DEFAULT '',
    card_number       varchar(32) UNIQUE,
    balance           numeric(14,2) NOT NULL DEFAULT 0,
    current_credit    numeric(14,2) NOT NULL DEFAULT 0,
    credit_limit      numeric(14,2) NOT NULL DEFAULT 0,
    credit_approved   boolean NOT NULL DEFAULT false,
    total_deposits    numeric(14,2) NOT NULL DEFAULT 0,
    total_withdrawals numeric(14,2) NOT NULL DEFAULT 0,
    version           bigint NOT NULL DEFAULT 0,
    last_hash         text NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT balance_not_negative CHECK (balance >= 0),
    CONSTRAINT credit_limit_not_negative CHECK (credit_limit >= 0),
    CONSTRAINT credit_within_limit CHECK (current_credit >= 0 AND current_credit <= credit_limit)
);
-- Prefix search (queries.search_players): byte-ordered ("C") indexes serve both the LIKE
-- prefix and the ORDER BY ... LIMIT, so a short prefix matching 100,000 players still
-- reads only the first few index entries (a *_pattern_ops index cannot give the order).
CREATE INDEX players_id_prefix ON players ((id COLLATE "C"));
CREATE INDEX players_name_prefix ON players ((lower(name) COLLATE "C"));
CREATE INDEX players_card_prefix ON players ((card_number COLLATE "C"));

CREATE TABLE shifts (
    id              bigserial PRIMARY KEY,
    terminal_id     text NOT NULL,
    staff_id        varchar(32) NOT NULL REFERENCES staff(id),
    currency        char(3) NOT NULL,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'signed_off')),
    opened_at       timestamptz NOT NULL DEFAULT now(),
    opening_float   numeric(14,2) NOT NULL CHECK (opening_float >= 0),
    opening_count   jsonb,
    closed_at       timestamptz,
    closed_by       varchar(32) REFERENCES staff(id),
    closing_count   jsonb,
    counted         numeric(14,2),
    expected        numeric(14,2),
    variance        numeric(14,2),
    signed_off_by   varchar(32) REFERENCES staff(id),
    signed_off_at   timestamptz,
    signoff_note    text
);
CREATE UNIQUE INDEX shifts_one_open_per_terminal ON shifts (terminal_id) WHERE status = 'open';

CREATE TABLE ledger_transactions (
    seq               bigserial NOT NULL UNIQUE,
    id                uuid PRIMARY KEY,
    request_hash      text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'marker_issue',
                          'marker_redeem', 'credit_line', 'reversal', 'adjust_in', 'adjust_out')),
    player_id         varchar(64) NOT NULL REFERENCES players(id),
    amount            numeric(14,2) NOT NULL CHECK (amount >= 0),
    currency          char(3) NOT NULL,
    cash_delta        numeric(14,2) NOT NULL,
    credit_delta      numeric(14,2) NOT NULL,
    drawer_delta      numeric(14,2) NOT NULL,
    deposits_delta    numeric(14,2) NOT NULL,
    withdrawals_delta numeric(14,2) NOT NULL,
    cash_after        numeric(14,2) NOT NULL,
    credit_after      numeric(14,2) NOT NULL,
    limit_after       numeric(14,2) NOT NULL,
    approved_after    boolean NOT NULL,
    staff_id          varchar(32) NOT NULL REFERENCES staff(id),
    approver_id       varchar(32) REFERENCES staff(id),
    terminal_id       text NOT NULL DEFAULT '',
    shift_id          bigint REFERENCES shifts(id),
    reverses_id       uuid REFERENCES ledger_transactions(id),
    reason            text,
    id_type           text,
    id_number         text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    hash              text NOT NULL
);
CREATE UNIQUE INDEX ledger_reversed_once ON ledger_transactions (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX ledger_by_player ON ledger_transactions (player_id, seq);
CREATE INDEX ledger_by_shift ON ledger_transactions (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX ledger_by_time ON ledger_transactions (created_at);

CREATE TABLE credit_requests (
    id              bigserial PRIMARY KEY,
    player_id       varchar(64) NOT NULL REFERENCES players(id),
    requested_limit numeric(14,2) NOT NULL CHECK (requested_limit >= 0),
    note            text,
    requested_by    varchar(32) NOT NULL REFERENCES staff(id),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
    decided_by      varchar(32) REFERENCES staff(id),
    decided_at      timestamptz,
    approved_limit  numeric(14,2),
    decision_reason text,
    posting_id      uuid REFERENCES ledger_transactions(id)
);
CREATE INDEX credit_requests_by_player ON credit_requests (player_id, requested_at);

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    staff_id    varchar(32),
    terminal_id text,
    action      text NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
    db_user     text NOT NULL DEFAULT current_user
);
CREATE INDEX audit_by_time ON audit_log (at);

-- The outbox: one row per change of a player's balance columns, whoever made it.
CREATE TABLE balance_events (
    id               bigserial PRIMARY KEY,
    player_id        varchar(64) NOT NULL,
    version          bigint NOT NULL,
    payload          jsonb NOT NULL,
    old_values       jsonb,
    changed_by       text NOT NULL DEFAULT current_user,
    application_name text DEFAULT current_setting('application_name', true),
    client_addr      inet DEFAULT inet_client_addr(),
    txid             bigint NOT NULL DEFAULT txid_current(),
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at     timestamptz
);
CREATE INDEX balance_events_unpublished ON balance_events (id) WHERE published_at IS NULL;
CREATE INDEX balance_events_by_player ON balance_events (player_id, version);

-- Append-only tables: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Every change of a balance column bumps the version, whoever makes it.
CREATE FUNCTION players_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.balance, NEW.current_credit, NEW.credit_limit, NEW.credit_approved,
        NEW.total_deposits, NEW.total_withdrawals)
       IS DISTINCT FROM
       (OLD.balance, OLD.current_credit, OLD.credit_limit, OLD.credit_approved,
        OLD.total_deposits, OLD.total_withdrawals) THEN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
    ELSE
        NEW.version := OLD.version;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER players_version BEFORE UPDATE ON players
    FOR EACH ROW EXECUTE FUNCTION players_bump_version();

CREATE FUNCTION balance_payload(p players) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'playerId', p.id,
        'version', p.version,
        'cashBalance', p.balance::text,
        'creditBalance', p.current_credit::text,
        'creditLimit', p.credit_limit::text,
        'creditApproved', p.credit_approved,
        'totalBalance', (p.balance + p.current_credit)::text)
$$;

CREATE FUNCTION players_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version <> OLD.version THEN
        INSERT INTO balance_events (player_id, version, payload, old_values)
        VALUES (NEW.id, NEW.version, balance_payload(NEW),
                balance_payload(OLD));
        PERFORM pg_notify('balance_events', NEW.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER players_outbox AFTER UPDATE ON players
    FOR EACH ROW EXECUTE FUNCTION players_outbox();

-- The per-player hash chain: hash = sha256(previous hash of this player | canonical row).
CREATE FUNCTION ledger_digest(prev text, id uuid, player text, kind text, amount numeric,
        currency text, cash_delta numeric, credit_delta numeric, drawer_delta numeric,
        cash_after numeric, credit_after numeric, limit_after numeric, approved_after boolean,
        staff text, approver text, terminal text, shift bigint, reverses uuid, reason text,
        id_type text, id_number text, created timestamptz)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', prev, id::text, player, kind, amount::text,
        currency, cash_delta::text, credit_delta::text, drawer_delta::text, cash_after::text,
        credit_after::text, limit_after::text, approved_after::text, staff,
        coalesce(approver, ''), coalesce(terminal, ''), coalesce(shift::text, ''),
        coalesce(reverses::text, ''), coalesce(reason, ''), coalesce(id_type, ''),
        coalesce(id_number, ''), extract(epoch FROM created)::text), 'UTF8')), 'hex')
$$;

-- The report's check, for a DBA: every player whose cached columns disagree with the
-- ledger or with the rule balance = total_deposits - total_withdrawals. The running totals
-- are checked against the ledger too: raising both by the same amount keeps the rule.
CREATE FUNCTION check_balance_integrity()
RETURNS TABLE (player_id varchar, check_name text, expected numeric, actual numeric)
LANGUAGE sql STABLE AS $$
    WITH sums AS (
        SELECT t.player_id AS pid, sum(t.cash_delta) AS cash, sum(t.credit_delta) AS credit,
               sum(t.deposits_delta) AS dep, sum(t.withdrawals_delta) AS wd
        FROM ledger_transactions t GROUP BY t.player_id
    ), joined AS (
        SELECT p.id, p.balance, p.current_credit, p.credit_limit, p.total_deposits,
               p.total_withdrawals, coalesce(s.cash, 0) AS cash, coalesce(s.credit, 0) AS credit,
               coalesce(s.dep, 0) AS dep, coalesce(s.wd, 0) AS wd
        FROM players p LEFT JOIN sums s ON s.pid = p.id
    )
    SELECT j.id, c.name, c.expected, c.actual
    FROM joined j
    CROSS JOIN LATERAL (VALUES
        ('cash_matches_ledger', j.cash, j.balance),
        ('credit_matches_ledger', j.credit, j.current_credit),
        ('balance_is_deposits_minus_withdrawals', j.total_deposits - j.total_withdrawals, j.balance),
        ('deposits_match_ledger', j.dep, j.total_deposits),
        ('withdrawals_match_ledger', j.wd, j.total_withdrawals),
        ('credit_within_limit', j.credit_limit, j.current_credit),
        ('balance_not_negative', 0::numeric, j.balance)
    ) AS c(name, expected, actual)
    WHERE (j.balance <> j.cash OR j.current_credit <> j.credit
           OR j.balance <> j.total_deposits - j.total_withdrawals
           OR j.total_deposits <> j.dep OR j.total_withdrawals <> j.wd
           OR j.current_credit > j.credit_limit OR j.current_credit < 0 OR j.balance < 0)
      AND CASE c.name
            WHEN 'cash_matches_ledger' THEN j.balance <> j.cash
            WHEN 'credit_matches_ledger' THEN j.current_credit <> j.credit
            WHEN 'balance_is_deposits_minus_withdrawals' THEN j.balance <> j.total_deposits - j.total_withdrawals
            WHEN 'deposits_match_ledger' THEN j.total_deposits <> j.dep
            WHEN 'withdrawals_match_ledger' THEN j.total_withdrawals <> j.wd
            WHEN 'credit_within_limit' THEN j.current_credit > j.credit_limit OR j.current_credit < 0
            ELSE j.balance < 0
          END
$$;

-- Every ledger row whose hash is not what its chain says, and every player whose
-- cached columns or last hash disagree with the newest row of their chain.
CREATE FUNCTION verify_ledger_chain()
RETURNS TABLE (player_id varchar, posting_id uuid, seq bigint, problem text)
LANGUAGE sql STABLE AS $$
    WITH chained AS (
        SELECT t.player_id AS pid, t.id AS tid, t.seq AS tseq, t.hash, t.cash_after, t.credit_after,
               t.limit_after, t.approved_after,
               ledger_digest(coalesce(lag(t.hash) OVER w, ''), t.id, t.player_id, t.kind, t.amount,
                   t.currency, t.cash_delta, t.credit_delta, t.drawer_delta, t.cash_after,
                   t.credit_after, t.limit_after, t.approved_after, t.staff_id, t.approver_id,
                   t.terminal_id, t.shift_id, t.reverses_id, t.reason, t.id_type, t.id_number,
                   t.created_at) AS expect,
               lead(t.seq) OVER w IS NULL AS is_last
        FROM ledger_transactions t
        WINDOW w AS (PARTITION BY t.player_id ORDER BY t.seq)
    )
    SELECT c.pid, c.tid, c.tseq, 'hash does not match its chain (row altered, inserted or a predecessor deleted)'
    FROM chained c WHERE c.hash <> c.expect
    UNION ALL
    SELECT p.id, c.tid, c.tseq, 'player columns or last hash differ from the newest ledger row'
    FROM players p JOIN chained c ON c.pid = p.id AND c.is_last
    WHERE p.last_hash <> c.hash OR p.balance <> c.cash_after OR p.current_credit <> c.credit_after
       OR p.credit_limit <> c.limit_after OR p.credit_approved <> c.approved_after
    UNION ALL
    SELECT p.id, NULL::uuid, NULL::bigint, 'player has a chain hash but no ledger rows'
    FROM players p
    WHERE p.last_hash <> '' AND NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.player_id = p.id)
$$;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
