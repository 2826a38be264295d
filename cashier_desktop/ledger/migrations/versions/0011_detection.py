"""Detection that what it watches cannot switch off (issue 14: attacks 2, 6, 7, 8).

- Telemetry (`terminal_heartbeats`, `feed_acks`, `refused_postings`) is written through
  `cage.terminal_heartbeat` and `cage.note_refused_posting`, which stamp the calling login
  (`db_login`); a login cannot overwrite the heartbeat row another login owns.
- The relay claims, marks and prunes only through `cage.relay_claim`,
  `cage.relay_mark_published` and `cage.relay_prune`: it may mark only the rows the claim
  handed it in the same transaction, and prune only published rows past the retention that
  the watch has already read. It holds no table privilege that allows `LOCK TABLE`.
- Every outbox row deleted before the watch's cursor reached it is recorded in
  `outbox_deletions` by a trigger (as its owner): the watch raises an alert for it.
- Alert evidence is append-only (`integrity_alert_evidence`); an alert's identity and first
  evidence never change, a resolved alert stays resolved, no alert is deleted.
- Corrections (adopt, revert, dismiss) are `cage.*` functions that take the supervisor's
  authenticated session (`cage.session_staff`, migration 0009), never a staff id; the old
  public functions are no longer executable by anyone but their owner.

Revision ID: 0011
Revises: 0010
"""
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE SCHEMA IF NOT EXISTS cage;
REVOKE ALL ON SCHEMA cage FROM PUBLIC;

-- ---------------------------------------------------------------- telemetry ------------
ALTER TABLE terminal_heartbeats ADD COLUMN db_login text;
ALTER TABLE feed_acks ADD COLUMN db_login text;
ALTER TABLE refused_postings ADD COLUMN db_login text;

CREATE FUNCTION cage.terminal_heartbeat(p_terminal text, p_staff varchar, p_pending integer,
        p_feed_state text, p_last_event_age double precision, p_app_version text,
        p_ack_players text[], p_ack_versions bigint[], p_ack_times timestamptz[])
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_owner text; v_acks integer := 0;
BEGIN
    IF p_terminal IS NULL OR btrim(p_terminal) = '' THEN
        RAISE EXCEPTION 'A heartbeat needs a terminal id.' USING ERRCODE = '22023';
    END IF;
    SELECT h.db_login INTO v_owner FROM public.terminal_heartbeats h WHERE h.terminal_id = p_terminal;
    IF v_owner IS NOT NULL AND v_owner <> session_user THEN
        RAISE EXCEPTION 'Terminal % reports from login %, not %.', p_terminal, v_owner, session_user
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO public.terminal_heartbeats AS h (terminal_id, staff_id, seen_at, pending_entries,
            feed_state, last_event_age_s, app_version, db_login)
    VALUES (p_terminal, p_staff, now(), greatest(coalesce(p_pending, 0), 0), p_feed_state,
            p_last_event_age, p_app_version, session_user)
    ON CONFLICT (terminal_id) DO UPDATE SET staff_id = EXCLUDED.staff_id, seen_at = now(),
        pending_entries = EXCLUDED.pending_entries, feed_state = EXCLUDED.feed_state,
        last_event_age_s = EXCLUDED.last_event_age_s, app_version = EXCLUDED.app_version,
        db_login = EXCLUDED.db_login
    WHERE h.db_login IS NULL OR h.db_login = session_user;
    IF cardinality(p_ack_players) > 0 THEN
        INSERT INTO public.feed_acks (terminal_id, player_id, version, received_at, db_login)
        SELECT p_terminal, a.p, a.v, a.r, session_user
        FROM unnest(p_ack_players, p_ack_versions, p_ack_times) AS a(p, v, r)
        ON CONFLICT DO NOTHING;
        GET DIAGNOSTICS v_acks = ROW_COUNT;
    END IF;
    RETURN v_acks;
END $$;

CREATE FUNCTION cage.note_refused_posting(p_outcome text, p_code text, p_message text,
        p_posting uuid, p_kind text, p_player varchar, p_amount numeric, p_currency text,
        p_staff varchar, p_terminal text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO public.refused_postings (outcome, code, message, posting_id, kind, player_id,
        amount, currency, staff_id, terminal_id, db_login)
    VALUES (p_outcome, left(p_code, 100), left(p_message, 500), p_posting, p_kind, p_player,
        p_amount, p_currency, p_staff, p_terminal, session_user)
$$;

-- ---------------------------------------------------------------- the relay ------------
ALTER TABLE balance_events ADD COLUMN published_by text;

-- What a relay transaction was handed by its claim: only those rows may it mark.
CREATE UNLOGGED TABLE relay_claims (
    txid xid8 PRIMARY KEY,
    ids  bigint[] NOT NULL
);

CREATE FUNCTION cage.relay_claim(p_limit integer)
RETURNS TABLE (id bigint, player_id varchar, payload jsonb, lag double precision, held_back boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE r record; v_ready bigint[] := '{}';
BEGIN
    FOR r IN
        WITH claimed AS MATERIALIZED (
            SELECT e.id, e.player_id, e.payload, e.created_at FROM public.balance_events e
            WHERE e.published_at IS NULL
            ORDER BY e.id LIMIT least(greatest(p_limit, 1), 5000)
            FOR UPDATE SKIP LOCKED
        ), bounds AS (
            SELECT c.player_id, max(c.id) AS hi FROM claimed c GROUP BY c.player_id
        ), blocked AS (
            SELECT b.player_id, min(e.id) AS first_foreign
            FROM bounds b
            JOIN public.balance_events e ON e.player_id = b.player_id AND e.published_at IS NULL AND e.id < b.hi
            WHERE NOT EXISTS (SELECT 1 FROM claimed k WHERE k.id = e.id)
            GROUP BY b.player_id
        )
        SELECT c.id, c.player_id, c.payload,
               extract(epoch FROM clock_timestamp() - c.created_at)::float8 AS lag,
               x.first_foreign IS NOT NULL AND c.id > x.first_foreign AS held_back
        FROM claimed c LEFT JOIN blocked x ON x.player_id = c.player_id
        ORDER BY c.id
    LOOP
        id := r.id; player_id := r.player_id; payload := r.payload; lag := r.lag; held_back := r.held_back;
        IF NOT r.held_back THEN
            v_ready := v_ready || r.id;
        END IF;
        RETURN NEXT;
    END LOOP;
    IF cardinality(v_ready) > 0 THEN
        INSERT INTO public.relay_claims AS c (txid, ids) VALUES (pg_current_xact_id(), v_ready)
        ON CONFLICT (txid) DO UPDATE SET ids = c.ids || EXCLUDED.ids;
    END IF;
END $$;

CREATE FUNCTION cage.relay_mark_published(p_ids bigint[])
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_claimed bigint[]; n integer;
BEGIN
    IF cardinality(p_ids) IS NULL OR cardinality(p_ids) = 0 THEN
        RETURN 0;
    END IF;
    SELECT c.ids INTO v_claimed FROM public.relay_claims c WHERE c.txid = pg_current_xact_id();
    IF v_claimed IS NULL OR NOT (p_ids <@ v_claimed) THEN
        RAISE EXCEPTION 'The relay may mark published only the rows its claim handed it in this transaction.'
            USING ERRCODE = '42501';
    END IF;
    UPDATE public.balance_events SET published_at = clock_timestamp(), published_by = session_user
    WHERE id = ANY(p_ids) AND published_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    DELETE FROM public.relay_claims WHERE txid = pg_current_xact_id();
    RETURN n;
END $$;

-- Published, past the retention, and already read by every watch (behind the lowest cursor).
CREATE FUNCTION cage.relay_prune(p_hours integer, p_limit integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_cursor bigint; n integer;
BEGIN
    SELECT min(m.last_id) INTO v_cursor FROM public.monitor_cursors m;
    IF v_cursor IS NULL THEN
        RETURN 0;  -- no watch has read anything: nothing may go
    END IF;
    DELETE FROM public.relay_claims c WHERE c.txid <> pg_current_xact_id();
    DELETE FROM public.balance_events WHERE id IN (
        SELECT e.id FROM public.balance_events e
        WHERE e.published_at IS NOT NULL
          AND e.published_at < clock_timestamp() - make_interval(hours => greatest(p_hours, 0))
          AND e.id <= v_cursor
        ORDER BY e.published_at LIMIT least(greatest(p_limit, 1), 50000));
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

-- ---------------------------------------------------------------- outbox deletions -----
CREATE TABLE outbox_deletions (
    id               bigserial PRIMARY KEY,
    event_id         bigint NOT NULL,
    player_id        varchar(64) NOT NULL,
    version          bigint,
    published_at     timestamptz,
    deleted_by       text NOT NULL,
    application_name text,
    deleted_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outbox_deletions_by_event ON outbox_deletions (event_id);

CREATE FUNCTION public.balance_events_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO public.outbox_deletions (event_id, player_id, version, published_at, deleted_by, application_name)
    SELECT o.id, o.player_id, o.version, o.published_at, session_user, current_setting('application_name', true)
    FROM old_rows o
    WHERE o.id > coalesce((SELECT min(m.last_id) FROM public.monitor_cursors m), 0);
    RETURN NULL;
END $$;
CREATE TRIGGER balance_events_deleted AFTER DELETE ON balance_events
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.balance_events_deleted();
CREATE TRIGGER outbox_deletions_append_only BEFORE UPDATE OR DELETE ON outbox_deletions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- ---------------------------------------------------------------- alerts ---------------
CREATE TABLE integrity_alert_evidence (
    id          bigserial PRIMARY KEY,
    alert_id    bigint NOT NULL,  -- no foreign key: its KEY SHARE lock would wait on a held alert row
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    checks      text[] NOT NULL,
    evidence    jsonb NOT NULL,
    event_id    bigint,
    recorded_by text NOT NULL DEFAULT session_user
);
CREATE INDEX integrity_alert_evidence_by_alert ON integrity_alert_evidence (alert_id, id);
CREATE TRIGGER integrity_alert_evidence_append_only BEFORE UPDATE OR DELETE ON integrity_alert_evidence
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION public.integrity_alerts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'integrity_alerts are never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- (Exception: the open 'auth' alert of repeated lockouts, whose evidence cage.staff_login
    -- (migration 0009) keeps current; no login role has UPDATE on the column in any case.)
    IF NEW.id <> OLD.id OR NEW.player_id <> OLD.player_id OR NEW.source <> OLD.source
       OR (NEW.evidence IS DISTINCT FROM OLD.evidence AND NOT (OLD.source = 'auth' AND OLD.status = 'open'))
       OR NEW.raised_at <> OLD.raised_at THEN
        RAISE EXCEPTION 'An alert''s player, source, time and evidence never change (append evidence instead).'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status <> 'open' AND (NEW.status <> OLD.status OR NEW.resolved_by IS DISTINCT FROM OLD.resolved_by
       OR NEW.resolved_at IS DISTINCT FROM OLD.resolved_at
       OR NEW.resolution_reason IS DISTINCT FROM OLD.resolution_reason
       OR NEW.posting_id IS DISTINCT FROM OLD.posting_id) THEN
        RAISE EXCEPTION 'Alert % was resolved (%); its resolution never changes.', OLD.id, OLD.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER integrity_alerts_guard BEFORE UPDATE OR DELETE ON integrity_alerts
    FOR EACH ROW EXECUTE FUNCTION public.integrity_alerts_guard();

-- The old corrections took a staff id on trust: only their owner (the cage.* functions) runs them.
ALTER FUNCTION public.adopt_player_change(bigint, uuid, varchar, text, text, text) SET search_path = public, pg_temp;
ALTER FUNCTION public.revert_player_change(bigint, varchar, text, text) SET search_path = public, pg_temp;
ALTER FUNCTION public._open_alert_for_correction(bigint) SET search_path = public, pg_temp;
REVOKE EXECUTE ON FUNCTION public.adopt_player_change(bigint, uuid, varchar, text, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.revert_player_change(bigint, varchar, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public._open_alert_for_correction(bigint) FROM PUBLIC;

-- The supervisor behind a session: who may correct, checked by the database.
CREATE FUNCTION cage.correcting_supervisor(p_session uuid) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_staff text; v_role text;
BEGIN
    SELECT s.staff_id, s.role INTO v_staff, v_role FROM cage.session_staff(p_session) s;
    IF v_staff IS NULL THEN
        RAISE EXCEPTION 'That staff session is not valid; log in again.' USING ERRCODE = 'CA001';
    END IF;
    IF v_role <> 'supervisor' THEN
        RAISE EXCEPTION 'Only a supervisor may resolve an integrity alert.' USING ERRCODE = 'CA001';
    END IF;
    RETURN v_staff;
END $$;

CREATE FUNCTION cage.adopt_player_change(p_session uuid, p_alert bigint, p_posting uuid,
        p_terminal text, p_reason text, p_currency text)
RETURNS TABLE (posting_id uuid, kind text, amount numeric, cash_delta numeric, credit_delta numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_staff text := cage.correcting_supervisor(p_session);
BEGIN
    RETURN QUERY SELECT * FROM public.adopt_player_change(p_alert, p_posting, v_staff, p_terminal,
        p_reason, p_currency);
END $$;

CREATE FUNCTION cage.revert_player_change(p_session uuid, p_alert bigint, p_terminal text, p_reason text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_staff text := cage.correcting_supervisor(p_session);
BEGIN
    RETURN public.revert_player_change(p_alert, v_staff, p_terminal, p_reason);
END $$;

CREATE FUNCTION cage.dismiss_alert(p_session uuid, p_alert bigint, p_terminal text, p_reason text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_staff text := cage.correcting_supervisor(p_session); a public.integrity_alerts;
        v_finding text; v_chain boolean;
BEGIN
    a := public._open_alert_for_correction(p_alert);
    -- player_checks and ledger_state are SQL functions with unqualified names (kept inlinable
    -- for the watch): resolve them in public, temp objects last, until this function returns.
    PERFORM set_config('search_path', 'public, pg_temp', true);
    PERFORM 1 FROM public.players p WHERE p.id = a.player_id FOR SHARE;
    SELECT string_agg(format('%s: ledger says %s, row holds %s', replace(d.check_name, '_', ' '),
                             d.expected, d.actual), '; ')
      INTO v_finding
      FROM public.players p CROSS JOIN LATERAL public.player_checks(p) d WHERE p.id = a.player_id;
    SELECT s.chain_ok INTO v_chain FROM public.ledger_state(a.player_id) s;
    IF v_finding IS NOT NULL OR NOT coalesce(v_chain, true) THEN
        RAISE EXCEPTION 'Alert % still holds (%); adopt or revert it instead.', p_alert,
            coalesce(v_finding, 'its ledger chain is broken') USING ERRCODE = 'CDA05';
    END IF;
    UPDATE public.integrity_alerts SET status = 'dismissed', resolved_at = clock_timestamp(),
        resolved_by = v_staff, resolution_reason = p_reason, updated_at = clock_timestamp()
    WHERE id = p_alert;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail)
    VALUES (v_staff, p_terminal, 'integrity.dismiss',
            jsonb_build_object('alert', p_alert, 'player', a.player_id, 'reason', p_reason));
END $$;

-- ---------------------------------------------------------------- live feed auth -------
-- A terminal proves its database login to the relay host's auth endpoint with a short-lived
-- token only that login can obtain; the endpoint (as the relay login) looks it up.
CREATE TABLE feed_tokens (
    token      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    db_login   text NOT NULL,
    issued_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX feed_tokens_by_expiry ON feed_tokens (expires_at);

CREATE FUNCTION cage.feed_token() RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_token uuid;
BEGIN
    DELETE FROM public.feed_tokens WHERE expires_at < clock_timestamp() - interval '1 hour';
    INSERT INTO public.feed_tokens (db_login, expires_at)
    VALUES (session_user, clock_timestamp() + interval '10 minutes') RETURNING token INTO v_token;
    RETURN v_token;
END $$;

CREATE FUNCTION cage.feed_token_login(p_token uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT t.db_login FROM public.feed_tokens t WHERE t.token = p_token AND t.expires_at > clock_timestamp()
$$;
REVOKE ALL ON FUNCTION cage.feed_token() FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.feed_token_login(uuid) FROM PUBLIC;

REVOKE ALL ON FUNCTION cage.terminal_heartbeat(text, varchar, integer, text, double precision, text,
    text[], bigint[], timestamptz[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.note_refused_posting(text, text, text, uuid, text, varchar, numeric, text,
    varchar, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.relay_claim(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.relay_mark_published(bigint[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.relay_prune(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.correcting_supervisor(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.adopt_player_change(uuid, bigint, uuid, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.revert_player_change(uuid, bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.dismiss_alert(uuid, bigint, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.balance_events_deleted() FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
