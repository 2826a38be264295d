"""Staff authentication the database checks: PINs verified inside PostgreSQL, sessions.

- `cage.staff_auth`: one row per staff member with the PIN verifier (PBKDF2-HMAC-SHA256,
  salt, iterations), the failure count, the lockout and how many lockouts in a row. No
  login role has any privilege on it; `public.staff` no longer has `pin_hash`,
  `failed_attempts` or `locked_until` (copied here, then dropped).
- `cage.pbkdf2_sha256`: PBKDF2 on the built-in `sha256()` (no pgcrypto: the embedded
  servers lack it); a test checks it bit for bit against `hashlib.pbkdf2_hmac`.
- `cage.staff_login(staff, pin [, purpose, terminal])` → a session token. It ALWAYS returns
  a token and always makes the same writes (one counter update, one session row, one audit
  row): whether the PIN was right is learnt only from `cage.session_staff` in a later
  transaction. A caller who rolls back to undo a counted failure therefore learns nothing
  (`SELECT … CASE WHEN cage.staff_login(…) IS NULL THEN 1/0 END` is no oracle), and a
  session created in the caller's own transaction is refused.
- `cage.session_staff(token)` → (staff_id, role, approval_limit), or raises:
  `CA021` PIN not recognised (unknown, disabled or wrong), `CA022` locked (message says
  until when), `CA023` session unknown / expired / ended / another login's / staff
  inactive / not yet committed, `CA024` the stored PIN is a pre-0009 Argon2 hash and must
  be re-set. `ledger/db.py` maps them.
- Lockout: 5 wrong PINs in a row lock for 5 minutes, each further lockout before a
  successful login doubles it (cap 24 hours); from the second lockout in a row an
  integrity alert (`source = 'auth'`, `player_id = 'staff:<id>'`) is raised.
- Staff administration (`cage.staff_add`, `cage.staff_set_active`, `cage.staff_reset_pin`)
  checks the acting supervisor's session; new PINs there are 6–12 digits.
  `cage.owner_set_pin` (EXECUTE for the owner only) is what `db seed-demo` and the
  administrator's bootstrap use, with a minimum the caller names (4 for the demo staff).
- `audit_log.db_user` and `audit_log.at` are set by the database (`session_user`,
  `clock_timestamp()`), whatever an INSERT says; rows a transaction wrote about logins are
  hidden from that same transaction (row-level security) so the audit log is no oracle.

Revision ID: 0009
Revises: 0008
"""
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE SCHEMA IF NOT EXISTS cage;
REVOKE ALL ON SCHEMA cage FROM PUBLIC;

CREATE FUNCTION cage.pbkdf2_sha256(p_password bytea, p_salt bytea, p_iterations integer)
RETURNS bytea LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    k bytea := p_password;
    ipad bytea;
    opad bytea;
    u bytea;
    acc bit(256);
    result bytea := ''::bytea;
    i integer;
BEGIN
    IF p_iterations < 1 THEN
        RAISE EXCEPTION 'PBKDF2 needs at least one iteration.' USING ERRCODE = '22023';
    END IF;
    IF length(k) > 64 THEN
        k := sha256(k);
    END IF;
    k := k || decode(repeat('00', 64 - length(k)), 'hex');
    ipad := k;
    opad := k;
    FOR i IN 0..63 LOOP
        ipad := set_byte(ipad, i, get_byte(k, i) # 54);   -- 0x36
        opad := set_byte(opad, i, get_byte(k, i) # 92);   -- 0x5c
    END LOOP;
    -- One 32-byte block: U1 = HMAC(P, salt || INT(1)), Ui = HMAC(P, Ui-1), T = U1 xor … xor Uc.
    u := sha256(opad || sha256(ipad || p_salt || decode('00000001', 'hex')));
    acc := ('x' || encode(u, 'hex'))::bit(256);
    FOR i IN 2..p_iterations LOOP
        u := sha256(opad || sha256(ipad || u));
        acc := acc # ('x' || encode(u, 'hex'))::bit(256);
    END LOOP;
    FOR i IN 0..3 LOOP
        result := result || decode(lpad(to_hex(substring(acc FROM 1 + 64 * i FOR 64)::bigint), 16, '0'), 'hex');
    END LOOP;
    RETURN result;
END $$;

CREATE TABLE cage.staff_auth (
    staff_id        varchar(32) PRIMARY KEY REFERENCES public.staff(id),
    kdf             text NOT NULL CHECK (kdf IN ('pbkdf2-sha256', 'argon2id-legacy')),
    iterations      integer NOT NULL DEFAULT 0,
    salt            bytea NOT NULL DEFAULT ''::bytea,
    verifier        bytea NOT NULL,
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    lockouts        integer NOT NULL DEFAULT 0,
    last_attempt_at timestamptz,
    pin_set_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- Pre-0009 Argon2 hashes cannot be checked in SQL: kept (never readable) and refused with
-- "PIN must be re-set" until a supervisor or the administrator sets a new one.
INSERT INTO cage.staff_auth (staff_id, kdf, verifier, failed_attempts, locked_until)
SELECT id, 'argon2id-legacy', convert_to(pin_hash, 'UTF8'), 0, NULL FROM public.staff;
ALTER TABLE public.staff DROP COLUMN pin_hash, DROP COLUMN failed_attempts, DROP COLUMN locked_until;

-- The lockout rule (one row; the owner may change it).
CREATE TABLE cage.auth_rules (
    one            boolean PRIMARY KEY DEFAULT true CHECK (one),
    attempts       integer NOT NULL DEFAULT 5 CHECK (attempts >= 1),
    base_minutes   integer NOT NULL DEFAULT 5 CHECK (base_minutes >= 1),
    max_minutes    integer NOT NULL DEFAULT 1440 CHECK (max_minutes >= 1),
    alert_from     integer NOT NULL DEFAULT 2 CHECK (alert_from >= 1),
    iterations     integer NOT NULL DEFAULT 100000 CHECK (iterations >= 1000),
    login_hours    integer NOT NULL DEFAULT 12 CHECK (login_hours >= 1),
    approval_secs  integer NOT NULL DEFAULT 120 CHECK (approval_secs >= 10)
);
INSERT INTO cage.auth_rules DEFAULT VALUES;

CREATE TABLE cage.staff_sessions (
    token        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    staff_id     text NOT NULL,
    db_login     text NOT NULL DEFAULT session_user,
    purpose      text NOT NULL CHECK (purpose IN ('login', 'approval')),
    terminal_id  text,
    outcome      text NOT NULL CHECK (outcome IN ('ok', 'unknown', 'disabled', 'wrong_pin', 'locked',
                                                  'reset_required')),
    locked_until timestamptz,
    created_xid  xid8 NOT NULL DEFAULT pg_current_xact_id(),
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE INDEX staff_sessions_by_staff ON cage.staff_sessions (staff_id, created_at);

-- The audit log's author and time are the database's, whatever an INSERT says (attack 5).
CREATE FUNCTION public.audit_log_stamp() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.db_user := session_user;
    NEW.at := clock_timestamp();
    RETURN NEW;
END $$;
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON public.audit_log
    FOR EACH ROW EXECUTE FUNCTION public.audit_log_stamp();
ALTER TABLE public.audit_log ALTER COLUMN db_user SET DEFAULT session_user;

-- A transaction that has written anything does not see login audit rows (its own ones would
-- tell a guesser whether the PIN was right before deciding to roll back). The owner (the
-- functions below) is not subject to row-level security.
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON public.audit_log FOR SELECT
    USING (pg_current_xact_id_if_assigned() IS NULL OR action NOT LIKE 'staff.%');
CREATE POLICY audit_write ON public.audit_log FOR INSERT WITH CHECK (action NOT LIKE 'staff.%');

ALTER TABLE public.integrity_alerts DROP CONSTRAINT IF EXISTS integrity_alerts_source_check;
ALTER TABLE public.integrity_alerts ADD CONSTRAINT integrity_alerts_source_check
    CHECK (source IN ('watch', 'full_check', 'auth'));

CREATE FUNCTION cage.check_pin(p_pin text, p_min_digits integer) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_pin IS NULL OR p_pin !~ ('^[0-9]{' || p_min_digits || ',12}$') THEN
        RAISE EXCEPTION 'A PIN is % to 12 digits.', p_min_digits USING ERRCODE = 'CA025';
    END IF;
END $$;

CREATE FUNCTION cage.store_pin(p_staff_id text, p_pin text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer := (SELECT r.iterations FROM cage.auth_rules r);
    s bytea := uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid());
BEGIN
    INSERT INTO cage.staff_auth AS a (staff_id, kdf, iterations, salt, verifier)
    VALUES (p_staff_id, 'pbkdf2-sha256', n, s, cage.pbkdf2_sha256(convert_to(p_pin, 'UTF8'), s, n))
    ON CONFLICT (staff_id) DO UPDATE SET kdf = EXCLUDED.kdf, iterations = EXCLUDED.iterations,
        salt = EXCLUDED.salt, verifier = EXCLUDED.verifier, failed_attempts = 0, locked_until = NULL,
        lockouts = 0, pin_set_at = clock_timestamp();
    UPDATE cage.staff_sessions SET ended_at = clock_timestamp()
    WHERE staff_id = p_staff_id AND ended_at IS NULL AND expires_at > clock_timestamp();
END $$;

CREATE FUNCTION cage.staff_login(p_staff_id text, p_pin text, p_purpose text DEFAULT 'login',
                                 p_terminal text DEFAULT NULL)
RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r cage.auth_rules%ROWTYPE;
    st record;
    a cage.staff_auth%ROWTYPE;
    now_ts timestamptz := clock_timestamp();
    v_outcome text;
    v_until timestamptz;
    v_lock_minutes integer;
    v_token uuid;
    v_pin bytea := convert_to(coalesce(p_pin, ''), 'UTF8');
    v_purpose text := CASE WHEN p_purpose = 'approval' THEN 'approval' ELSE 'login' END;
BEGIN
    SELECT * INTO r FROM cage.auth_rules;
    SELECT s.id, s.active INTO st FROM public.staff s WHERE s.id = p_staff_id;
    SELECT * INTO a FROM cage.staff_auth x WHERE x.staff_id = p_staff_id FOR UPDATE;
    IF st.id IS NULL OR a.staff_id IS NULL THEN
        -- Same work as a real check, so the time taken tells nothing.
        PERFORM cage.pbkdf2_sha256(v_pin, '\x00'::bytea, r.iterations);
        v_outcome := 'unknown';
    ELSIF a.locked_until IS NOT NULL AND a.locked_until > now_ts THEN
        PERFORM cage.pbkdf2_sha256(v_pin, a.salt, greatest(a.iterations, 1));
        v_outcome := 'locked';
        v_until := a.locked_until;
    ELSIF a.kdf <> 'pbkdf2-sha256' THEN
        PERFORM cage.pbkdf2_sha256(v_pin, '\x00'::bytea, r.iterations);
        v_outcome := 'reset_required';
    ELSIF cage.pbkdf2_sha256(v_pin, a.salt, a.iterations) <> a.verifier THEN
        v_outcome := 'wrong_pin';
    ELSIF NOT st.active THEN
        v_outcome := 'disabled';
    ELSE
        v_outcome := 'ok';
    END IF;

    IF a.staff_id IS NOT NULL THEN
        IF v_outcome = 'ok' THEN
            UPDATE cage.staff_auth SET failed_attempts = 0, lockouts = 0, locked_until = NULL,
                last_attempt_at = now_ts WHERE staff_id = a.staff_id;
        ELSIF v_outcome = 'wrong_pin' AND a.failed_attempts + 1 >= r.attempts THEN
            v_lock_minutes := least(r.max_minutes::bigint,
                                    r.base_minutes::bigint * power(2, least(a.lockouts, 20))::bigint)::integer;
            v_until := now_ts + make_interval(mins => v_lock_minutes);
            v_outcome := 'locked';
            UPDATE cage.staff_auth SET failed_attempts = 0, lockouts = a.lockouts + 1,
                locked_until = v_until, last_attempt_at = now_ts WHERE staff_id = a.staff_id;
            IF a.lockouts + 1 >= r.alert_from THEN
                INSERT INTO public.integrity_alerts AS al (player_id, source, checks, evidence)
                VALUES ('staff:' || a.staff_id, 'auth', ARRAY['repeated_lockout'],
                        jsonb_build_object('staff_id', a.staff_id, 'lockouts', a.lockouts + 1,
                                           'locked_until', v_until, 'minutes', v_lock_minutes,
                                           'db_login', session_user, 'terminal_id', p_terminal,
                                           'at', now_ts))
                ON CONFLICT (player_id) WHERE status = 'open' DO UPDATE
                    SET evidence = al.evidence || jsonb_build_object(
                            'lockouts', a.lockouts + 1, 'locked_until', v_until, 'minutes', v_lock_minutes,
                            'db_login', session_user, 'terminal_id', p_terminal, 'at', now_ts),
                        updated_at = clock_timestamp();
            END IF;
        ELSIF v_outcome = 'wrong_pin' THEN
            UPDATE cage.staff_auth SET failed_attempts = a.failed_attempts + 1, last_attempt_at = now_ts
            WHERE staff_id = a.staff_id;
        ELSE
            UPDATE cage.staff_auth SET last_attempt_at = now_ts WHERE staff_id = a.staff_id;
        END IF;
    END IF;

    INSERT INTO cage.staff_sessions (staff_id, purpose, terminal_id, outcome, locked_until, expires_at)
    VALUES (coalesce(p_staff_id, ''), v_purpose, p_terminal, v_outcome, v_until,
            now_ts + CASE WHEN v_purpose = 'login' THEN make_interval(hours => r.login_hours)
                          ELSE make_interval(secs => r.approval_secs) END)
    RETURNING token INTO v_token;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail)
    VALUES (CASE WHEN st.id IS NULL THEN NULL ELSE p_staff_id END, p_terminal,
            CASE WHEN v_outcome = 'ok' THEN 'staff.login' ELSE 'staff.login_refused' END,
            jsonb_build_object('purpose', v_purpose, 'outcome', v_outcome, 'locked_until', v_until,
                               'tried_id', CASE WHEN st.id IS NULL THEN left(p_staff_id, 32) END));
    RETURN v_token;
END $$;

CREATE FUNCTION cage.session_staff(p_session uuid)
RETURNS TABLE (staff_id text, role text, approval_limit numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s cage.staff_sessions%ROWTYPE;
    st record;
BEGIN
    SELECT * INTO s FROM cage.staff_sessions x WHERE x.token = p_session;
    IF NOT FOUND OR s.db_login <> session_user THEN
        RAISE EXCEPTION 'This staff session is not known here; log in again.' USING ERRCODE = 'CA023';
    END IF;
    IF pg_xact_status(s.created_xid) IS DISTINCT FROM 'committed' THEN
        RAISE EXCEPTION 'A staff session is usable only after the login that made it has committed.'
            USING ERRCODE = 'CA023';
    END IF;
    IF s.outcome = 'locked' THEN
        RAISE EXCEPTION '% is locked after too many wrong PINs until % (database time); ask a supervisor to reset the PIN.',
            s.staff_id, to_char(s.locked_until, 'YYYY-MM-DD HH24:MI:SS TZ') USING ERRCODE = 'CA022';
    ELSIF s.outcome = 'reset_required' THEN
        RAISE EXCEPTION 'The PIN of % must be re-set by a supervisor before it can be used.', s.staff_id
            USING ERRCODE = 'CA024';
    ELSIF s.outcome <> 'ok' THEN
        RAISE EXCEPTION 'Staff id or PIN not recognised.' USING ERRCODE = 'CA021';
    END IF;
    IF s.ended_at IS NOT NULL OR s.expires_at <= clock_timestamp() THEN
        RAISE EXCEPTION 'The staff session of % has ended; log in again.', s.staff_id USING ERRCODE = 'CA023';
    END IF;
    SELECT x.id, x.role, x.approval_limit, x.active INTO st FROM public.staff x WHERE x.id = s.staff_id;
    IF st.id IS NULL OR NOT st.active THEN
        RAISE EXCEPTION '% is no longer an active staff member; log in again.', s.staff_id USING ERRCODE = 'CA023';
    END IF;
    staff_id := st.id;
    role := st.role;
    approval_limit := st.approval_limit;
    RETURN NEXT;
END $$;

CREATE FUNCTION cage.staff_logout(p_session uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_staff text;
BEGIN
    UPDATE cage.staff_sessions SET ended_at = clock_timestamp()
    WHERE token = p_session AND db_login = session_user AND ended_at IS NULL
    RETURNING staff_id INTO v_staff;
    IF v_staff IS NOT NULL THEN
        INSERT INTO public.audit_log (staff_id, action, detail)
        VALUES (v_staff, 'staff.logout', '{}'::jsonb);
    END IF;
END $$;

-- The supervisor behind a staff-administration call.
CREATE FUNCTION cage.acting_supervisor(p_session uuid) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v record;
BEGIN
    SELECT * INTO v FROM cage.session_staff(p_session);
    IF v.role <> 'supervisor' THEN
        RAISE EXCEPTION 'Only a supervisor can administer staff (% is a %).', v.staff_id, replace(v.role, '_', ' ')
            USING ERRCODE = 'CA001';
    END IF;
    RETURN v.staff_id;
END $$;

CREATE FUNCTION cage.staff_add(p_session uuid, p_staff_id text, p_name text, p_role text, p_pin text,
                               p_approval_limit numeric DEFAULT NULL) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_actor text := cage.acting_supervisor(p_session);
BEGIN
    IF p_staff_id IS NULL OR p_staff_id !~ '^[A-Za-z0-9_-]{1,32}$' THEN
        RAISE EXCEPTION 'A staff id is 1 to 32 letters, digits, - or _.' USING ERRCODE = 'CA025';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('cashier', 'floor_manager', 'supervisor') THEN
        RAISE EXCEPTION '“%” is not a staff role (cashier, floor_manager, supervisor).', p_role USING ERRCODE = 'CA025';
    END IF;
    PERFORM cage.check_pin(p_pin, 6);
    IF EXISTS (SELECT 1 FROM public.staff WHERE id = p_staff_id) THEN
        RAISE EXCEPTION 'There is already a staff member %.', p_staff_id USING ERRCODE = 'CA025';
    END IF;
    INSERT INTO public.staff (id, name, role, approval_limit) VALUES (p_staff_id, coalesce(p_name, ''), p_role, p_approval_limit);
    PERFORM cage.store_pin(p_staff_id, p_pin);
    INSERT INTO public.audit_log (staff_id, action, detail)
    VALUES (v_actor, 'staff.add', jsonb_build_object('staff', p_staff_id, 'role', p_role,
                                                      'approval_limit', p_approval_limit));
END $$;

CREATE FUNCTION cage.staff_set_active(p_session uuid, p_staff_id text, p_active boolean) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_actor text := cage.acting_supervisor(p_session);
BEGIN
    UPDATE public.staff SET active = p_active WHERE id = p_staff_id;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF NOT p_active THEN
        UPDATE cage.staff_sessions SET ended_at = clock_timestamp()
        WHERE staff_id = p_staff_id AND ended_at IS NULL;
    END IF;
    INSERT INTO public.audit_log (staff_id, action, detail)
    VALUES (v_actor, CASE WHEN p_active THEN 'staff.enable' ELSE 'staff.disable' END,
            jsonb_build_object('staff', p_staff_id));
    RETURN true;
END $$;

CREATE FUNCTION cage.staff_reset_pin(p_session uuid, p_staff_id text, p_pin text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_actor text := cage.acting_supervisor(p_session);
BEGIN
    PERFORM cage.check_pin(p_pin, 6);
    IF NOT EXISTS (SELECT 1 FROM public.staff WHERE id = p_staff_id) THEN
        RETURN false;
    END IF;
    PERFORM cage.store_pin(p_staff_id, p_pin);
    INSERT INTO public.audit_log (staff_id, action, detail)
    VALUES (v_actor, 'staff.reset_pin', jsonb_build_object('staff', p_staff_id));
    RETURN true;
END $$;

-- The administrator's path (schema owner only: demo seeding, the first supervisor, a
-- migrated Argon2 PIN). The minimum length is the caller's: 4 for the demo staff.
CREATE FUNCTION cage.owner_set_pin(p_staff_id text, p_pin text, p_min_digits integer DEFAULT 6) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM cage.check_pin(p_pin, greatest(p_min_digits, 4));
    IF NOT EXISTS (SELECT 1 FROM public.staff WHERE id = p_staff_id) THEN
        RAISE EXCEPTION 'There is no staff member %.', p_staff_id USING ERRCODE = 'CA025';
    END IF;
    PERFORM cage.store_pin(p_staff_id, p_pin);
    INSERT INTO public.audit_log (staff_id, action, detail)
    VALUES (NULL, 'staff.owner_set_pin', jsonb_build_object('staff', p_staff_id));
END $$;

-- What the staff screen shows about lockouts (no verifier, no salt).
CREATE FUNCTION cage.staff_locks() RETURNS TABLE (staff_id text, locked_until timestamptz, lockouts integer,
                                                   pin_reset_required boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT a.staff_id, a.locked_until, a.lockouts, a.kdf <> 'pbkdf2-sha256'
    FROM cage.staff_auth a
    WHERE pg_current_xact_id_if_assigned() IS NULL
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA cage FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
