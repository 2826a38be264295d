"""Identification on file, denominations per currency, exchange reversal (issue 17, part C).

Everything below goes through SECURITY DEFINER functions in schema `cage`
(`search_path = pg_catalog, pg_temp`, names schema-qualified), as in 0010 and 0013.

- **Identification on file** (`public.player_id_documents`, append-only): a player's ID
  document — type, number, expiry, optionally a JPEG/PNG image of at most 2 MiB (the
  database reads the image's own first bytes, not a claimed type) — captured once by
  `cage.add_id_document` with a staff session holding `deposit` (every cashier), audited.
  No login reads the table: the number, the expiry and whether an image exists come
  through `cage.id_documents_of` (a staff session), the image only through
  `cage.id_document_image` (a staff session; every view is an audit row naming who looked at
  whose document). A terminal shows the document of the player at its counter; it has no
  reason to read a whole table of passports, and a stolen terminal password must not give
  one.
  Reuse: when a posting (`cage._post`) or an exchange (`cage.exchange`) crosses the
  identification threshold and carries no document, the database takes the player's valid
  document on file (the one that expires last), records its type and number on the posting
  / exchange exactly as a typed one is recorded (so the hash chain, the receipt and the CTR
  see it) and which document it was in `public.id_document_uses`. A document on file that
  has expired is refused with one sentence (`CAI01`), and so is a typed document that is on
  file and has expired. "Expired" is judged on the cage's local date (policy timezone):
  a document is valid through its expiry date.
- **Denominations** (`cage.denominations`): notes and coins per currency (INR, USD, EUR
  here: they are facts about the currencies, so every database has them, not only the demo)
  and the chip set of each profile's currency. `cage.note_pieces(notes, currency)` refuses a
  denomination that is not a note or coin of that currency; `cage.post_with_notes` uses it,
  and `cage.open_shift` / `cage.close_shift` check a drawer count with it (`cage.check_count`:
  only for a currency whose set is stored); `cage.currency_denominations` gives the screens
  and the count parser the set.
- **Exchange reversal** (`cage.reverse_exchange`): a supervisor's session (right `reverse`,
  with a second approver's session when the authority limits say so, as a posting reversal)
  reverses an exchange in ONE row of `fx_exchanges` that names it (`reverses_id`, unique):
  the foreign cash and the local cash move back at the original rate, into the reversing
  terminal's open shift. Once only: callers for one exchange are serialised by a transaction
  lock on it and the second is refused (`AlreadyReversed`); the same request id again
  answers with the first reversal. As for a posting reversal (0012 counts deposits and
  withdrawals only), the reversal row is not cash toward the identification threshold, the
  MTL or the CTR and writes no MTL entry; the original stays counted.

Patched in place (`_patch_function`, anchors that must occur once): `cage._post`,
`cage.exchange`, `cage.post_with_notes`, `cage.open_shift`, `cage.close_shift`;
`cage.fx_cash_total` is re-created.

Revision ID: 0016
Revises: 0014 (re-chained by the lead at merge)
"""
from alembic import op
from sqlalchemy import text

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- ------------------------------------------------------------ identification on file --
CREATE TABLE public.player_id_documents (
    id           bigserial PRIMARY KEY,
    player_id    varchar(64) NOT NULL REFERENCES public.players(id),
    doc_type     text NOT NULL CHECK (btrim(doc_type) <> '' AND length(doc_type) <= 40),
    doc_number   text NOT NULL CHECK (btrim(doc_number) <> '' AND length(doc_number) <= 64),
    expires_on   date NOT NULL,
    image        bytea CHECK (image IS NULL OR octet_length(image) BETWEEN 1 AND 2097152),
    image_type   text CHECK (image_type IN ('image/jpeg', 'image/png')),
    captured_by  varchar(32) NOT NULL REFERENCES public.staff(id),
    terminal_id  text NOT NULL,
    captured_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    db_login     text NOT NULL DEFAULT session_user,
    CHECK ((image IS NULL) = (image_type IS NULL)),
    UNIQUE (player_id, doc_type, doc_number, expires_on)
);
CREATE TRIGGER player_id_documents_append_only BEFORE UPDATE OR DELETE ON public.player_id_documents
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TRIGGER player_id_documents_no_truncate BEFORE TRUNCATE ON public.player_id_documents
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change();

-- Which document on file a posting or an exchange used (typed or taken from the file).
CREATE TABLE public.id_document_uses (
    id           bigserial PRIMARY KEY,
    document_id  bigint NOT NULL REFERENCES public.player_id_documents(id),
    posting_id   uuid UNIQUE REFERENCES public.ledger_transactions(id),
    exchange_id  uuid UNIQUE,   -- REFERENCES fx_exchanges below
    used_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((posting_id IS NULL) <> (exchange_id IS NULL))
);
CREATE TRIGGER id_document_uses_append_only BEFORE UPDATE OR DELETE ON public.id_document_uses
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();

-- A document number as compared: no spaces or dashes, upper case.
CREATE FUNCTION cage.id_number_key(p_number text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT upper(regexp_replace(coalesce(p_number, ''), '[\s-]', '', 'g')) $$;

-- The cage's local date at a moment (policy timezone): a document is valid through its expiry date.
CREATE FUNCTION cage.local_date(p_at timestamptz) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT CAST(p_at AT TIME ZONE coalesce((SELECT p.timezone FROM cage.policy p WHERE p.one), 'UTC') AS date)
$$;

CREATE FUNCTION cage.add_id_document(p_session uuid, p_player text, p_type text, p_number text,
    p_expires date, p_image bytea DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; v_id bigint; v_image_type text; v_today date;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.session_with_right(p_session, 'deposit');
    IF coalesce(btrim(p_type), '') = '' OR length(btrim(p_type)) > 40 THEN
        RAISE EXCEPTION 'Choose the type of the identification document.' USING ERRCODE = 'CA014';
    END IF;
    IF coalesce(btrim(p_number), '') = '' OR length(btrim(p_number)) > 64 THEN
        RAISE EXCEPTION 'Enter the number of the identification document (at most 64 characters).' USING ERRCODE = 'CA014';
    END IF;
    IF p_expires IS NULL THEN
        RAISE EXCEPTION 'Enter the expiry date of the identification document.' USING ERRCODE = 'CA014';
    END IF;
    v_today := cage.local_date(clock_timestamp());
    IF p_expires < v_today THEN
        RAISE EXCEPTION 'This % expired on %; an expired document cannot be put on file.', btrim(p_type), p_expires
            USING ERRCODE = 'CAI01';
    END IF;
    IF p_image IS NOT NULL THEN
        IF octet_length(p_image) > 2097152 THEN
            RAISE EXCEPTION 'The image is % bytes; an image of a document may be at most 2 MB.', octet_length(p_image)
                USING ERRCODE = 'CA014';
        END IF;
        v_image_type := CASE
            WHEN substring(p_image FROM 1 FOR 3) = '\xffd8ff'::bytea THEN 'image/jpeg'
            WHEN substring(p_image FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea THEN 'image/png' END;
        IF v_image_type IS NULL THEN
            RAISE EXCEPTION 'The image of a document must be a JPEG or PNG picture.' USING ERRCODE = 'CA014';
        END IF;
    END IF;
    -- The player's row lock: two captures of one document at once are taken one after the
    -- other, and the second finds the first below.
    PERFORM 1 FROM public.players p WHERE p.id = p_player FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no player “%”.', p_player USING ERRCODE = 'CA004';
    END IF;
    -- Capturing the same document again is not a second document: answer with the first.
    SELECT d.id INTO v_id FROM public.player_id_documents d
    WHERE d.player_id = p_player AND lower(d.doc_type) = lower(btrim(p_type))
      AND cage.id_number_key(d.doc_number) = cage.id_number_key(p_number) AND d.expires_on = p_expires;
    IF v_id IS NOT NULL THEN
        RETURN v_id;
    END IF;
    INSERT INTO public.player_id_documents (player_id, doc_type, doc_number, expires_on, image, image_type,
        captured_by, terminal_id)
    VALUES (p_player, btrim(p_type), btrim(p_number), p_expires, p_image, v_image_type, st.staff_id,
        coalesce(c.terminal, ''))
    RETURNING id INTO v_id;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, c.terminal, 'id_document_added', jsonb_build_object('document_id', v_id,
        'player_id', p_player, 'id_type', btrim(p_type), 'expires_on', p_expires,
        'image_bytes', octet_length(p_image)), session_user);
    RETURN v_id;
END $$;

-- A player's documents for the screens: everything but the image (whether there is one).
CREATE FUNCTION cage.id_documents_of(p_session uuid, p_player text)
RETURNS TABLE (id bigint, doc_type text, doc_number text, expires_on date, valid boolean, has_image boolean,
    captured_by text, captured_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM cage.session_with_right(p_session, 'deposit');
    RETURN QUERY SELECT d.id, d.doc_type, d.doc_number, d.expires_on,
        d.expires_on >= cage.local_date(clock_timestamp()), d.image IS NOT NULL, d.captured_by::text, d.captured_at
    FROM public.player_id_documents d WHERE d.player_id = p_player
    ORDER BY d.expires_on DESC, d.id DESC;
END $$;

-- One document's image, for a staff session; every view is recorded.
CREATE FUNCTION cage.id_document_image(p_session uuid, p_document bigint)
RETURNS TABLE (image_type text, image bytea)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; d record;
BEGIN
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.session_with_right(p_session, 'deposit');
    SELECT x.player_id, x.image_type, x.image INTO d FROM public.player_id_documents x WHERE x.id = p_document;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no identification document %.', p_document USING ERRCODE = 'CA014';
    END IF;
    IF d.image IS NOT NULL THEN
        INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
        VALUES (st.staff_id, c.terminal, 'id_document_viewed', jsonb_build_object('document_id', p_document,
            'player_id', d.player_id), session_user);
        image_type := d.image_type; image := d.image;
        RETURN NEXT;
    END IF;
END $$;

-- Internal (inside _post / exchange, under the player's row lock): the document on file
-- for a posting that crosses the identification threshold. A typed document that is on
-- file must not have expired; without a typed one, the valid document that expires last
-- (none: nothing is returned and the caller asks for one — unless only expired ones are
-- on file, which is said).
CREATE FUNCTION cage.id_on_file(p_player text, p_type text, p_number text, p_at timestamptz,
    OUT doc_id bigint, OUT doc_type text, OUT doc_number text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_today date := cage.local_date(p_at);
    d record;
BEGIN
    IF coalesce(btrim(p_type), '') <> '' AND coalesce(btrim(p_number), '') <> '' THEN
        SELECT x.id, x.doc_type, x.doc_number, x.expires_on INTO d FROM public.player_id_documents x
        WHERE x.player_id = p_player AND lower(x.doc_type) = lower(btrim(p_type))
          AND cage.id_number_key(x.doc_number) = cage.id_number_key(p_number)
        ORDER BY x.expires_on DESC, x.id DESC LIMIT 1;
        IF FOUND THEN
            IF d.expires_on < v_today THEN
                RAISE EXCEPTION 'The player''s % % expired on %; ask for a valid document. Nothing was posted.',
                    d.doc_type, d.doc_number, d.expires_on USING ERRCODE = 'CAI01';
            END IF;
            doc_id := d.id; doc_type := d.doc_type; doc_number := d.doc_number;
        END IF;
        RETURN;
    END IF;
    SELECT x.id, x.doc_type, x.doc_number INTO doc_id, doc_type, doc_number FROM public.player_id_documents x
    WHERE x.player_id = p_player AND x.expires_on >= v_today ORDER BY x.expires_on DESC, x.id DESC LIMIT 1;
    IF doc_id IS NULL THEN
        SELECT x.doc_type, x.expires_on INTO d FROM public.player_id_documents x
        WHERE x.player_id = p_player ORDER BY x.expires_on DESC, x.id DESC LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'The player''s % on file expired on %; ask for a valid document (type and number). Nothing was posted.',
                d.doc_type, d.expires_on USING ERRCODE = 'CAI01';
        END IF;
    END IF;
END $$;

-- ------------------------------------------------------------ denominations ------------
CREATE TABLE cage.denominations (
    currency  char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    form      text NOT NULL CHECK (form IN ('note', 'coin', 'chip')),
    value     numeric(14,2) NOT NULL CHECK (value > 0),
    PRIMARY KEY (currency, form, value)
);
INSERT INTO cage.denominations (currency, form, value)
SELECT 'INR', 'note', v FROM unnest(ARRAY[2000, 500, 200, 100, 50, 20, 10]::numeric[]) v
UNION ALL SELECT 'INR', 'coin', v FROM unnest(ARRAY[20, 10, 5, 2, 1]::numeric[]) v
UNION ALL SELECT 'INR', 'chip', v FROM unnest(ARRAY[100000, 25000, 10000, 5000, 1000, 500, 100]::numeric[]) v
UNION ALL SELECT 'USD', 'note', v FROM unnest(ARRAY[100, 50, 20, 10, 5, 2, 1]::numeric[]) v
UNION ALL SELECT 'USD', 'coin', v FROM unnest(ARRAY[1, 0.50, 0.25, 0.10, 0.05, 0.01]::numeric[]) v
UNION ALL SELECT 'USD', 'chip', v FROM unnest(ARRAY[5000, 1000, 500, 100, 25, 5, 1]::numeric[]) v
UNION ALL SELECT 'EUR', 'note', v FROM unnest(ARRAY[500, 200, 100, 50, 20, 10, 5]::numeric[]) v
UNION ALL SELECT 'EUR', 'coin', v FROM unnest(ARRAY[2, 1, 0.50, 0.20, 0.10, 0.05, 0.02, 0.01]::numeric[]) v;

-- The set of one currency for the screens and the count parser.
CREATE FUNCTION cage.currency_denominations(p_currency text) RETURNS TABLE (form text, value numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT d.form, d.value FROM cage.denominations d WHERE d.currency = upper(p_currency)
    ORDER BY d.form, d.value DESC
$$;

-- {"500": 10, ...} in `p_currency`: as cage.note_pieces, and each denomination must be one
-- of that currency's notes or coins.
CREATE FUNCTION cage.note_pieces(p_notes jsonb, p_currency text) RETURNS TABLE (denomination numeric, pieces integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    e record;
BEGIN
    FOR e IN SELECT * FROM cage.note_pieces(p_notes) LOOP
        IF NOT EXISTS (SELECT 1 FROM cage.denominations d WHERE d.currency = p_currency
                       AND d.form IN ('note', 'coin') AND d.value = e.denomination) THEN
            RAISE EXCEPTION '% is not a note or coin of % (%).',
                trim_scale(e.denomination), p_currency,
                coalesce((SELECT string_agg(trim_scale(u.value)::text, ', ' ORDER BY u.value DESC)
                          FROM (SELECT DISTINCT d.value FROM cage.denominations d
                                WHERE d.currency = p_currency AND d.form IN ('note', 'coin')) u),
                         'none stored') USING ERRCODE = 'CA014';
        END IF;
        denomination := e.denomination; pieces := e.pieces;
        RETURN NEXT;
    END LOOP;
END $$;

-- Internal (inside open_shift / close_shift): a drawer count holds only the currency's
-- notes and coins (when the ledger stores a set for that currency).
CREATE FUNCTION cage.check_count(p_count jsonb, p_currency text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_count IS NOT NULL AND EXISTS (SELECT 1 FROM cage.denominations d WHERE d.currency = p_currency) THEN
        PERFORM count(*) FROM cage.note_pieces(p_count, p_currency);
    END IF;
END $$;

-- ------------------------------------------------------------ exchange reversal --------
ALTER TABLE public.fx_exchanges
    ADD COLUMN reverses_id uuid REFERENCES public.fx_exchanges(id),
    ADD COLUMN reason text,
    ADD CONSTRAINT fx_reversal_has_reason CHECK (reverses_id IS NULL OR btrim(coalesce(reason, '')) <> '');
CREATE UNIQUE INDEX fx_exchanges_reversed_once ON public.fx_exchanges (reverses_id) WHERE reverses_id IS NOT NULL;
ALTER TABLE public.id_document_uses
    ADD CONSTRAINT id_document_uses_exchange FOREIGN KEY (exchange_id) REFERENCES public.fx_exchanges(id);

-- The exchanges' local amount for one player in a window (each counts as cash in AND
-- out); a reversal is not cash, as a posting reversal is not (0012).
CREATE OR REPLACE FUNCTION cage.fx_cash_total(p_player text, p_from timestamptz, p_to timestamptz) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(x.local_amount), 0) FROM public.fx_exchanges x
    WHERE x.player_id = p_player AND x.created_at >= p_from AND x.created_at < p_to AND x.reverses_id IS NULL
$$;

CREATE FUNCTION cage.reverse_exchange(p_id uuid, p_request_hash text, p_original uuid, p_session uuid,
    p_reason text, p_approver_session uuid DEFAULT NULL)
RETURNS TABLE (replayed boolean, exchange public.fx_exchanges)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record; st record; ap record; pol cage.policy%ROWTYPE; o public.fx_exchanges%ROWTYPE;
    v_row public.fx_exchanges%ROWTYPE; v_shift bigint;
BEGIN
    IF p_original IS NULL OR p_id IS NULL THEN
        RAISE EXCEPTION 'Name the exchange to reverse.' USING ERRCODE = 'CA014';
    END IF;
    -- Every caller reversing this exchange (and every retry of one request) waits here for
    -- the one before it: the checks below then see its committed row.
    PERFORM pg_advisory_xact_lock(hashtextextended('cage.reverse_exchange:' || p_original::text, 0));
    SELECT * INTO v_row FROM public.fx_exchanges x WHERE x.id = p_id;
    IF FOUND THEN
        IF v_row.request_hash <> p_request_hash OR v_row.reverses_id IS DISTINCT FROM p_original THEN
            RAISE EXCEPTION 'Exchange % was already posted with different details; nothing was posted.', p_id
                USING ERRCODE = 'CA019';
        END IF;
        replayed := true; exchange := v_row;
        RETURN NEXT;
        RETURN;
    END IF;
    SELECT * INTO c FROM cage.caller_terminal();
    SELECT * INTO st FROM cage.session_with_right(p_session, 'reverse');
    -- As a posting reversal (cage._post): the issuer approves it unless another person
    -- with the right does, with their session.
    IF p_approver_session IS NOT NULL THEN
        SELECT * INTO ap FROM cage.acting_staff(p_approver_session, NULL, false, 'approver');
    ELSE
        SELECT NULL::text AS staff_id, NULL::text AS role, NULL::numeric AS approval_limit INTO ap;
    END IF;
    IF ap.staff_id IS NULL OR ap.staff_id = st.staff_id THEN
        ap := st;
    END IF;
    PERFORM cage.require_right(ap.role, 'reverse');
    IF coalesce(btrim(p_reason), '') = '' THEN
        RAISE EXCEPTION 'A reversal needs a reason; nothing was posted.' USING ERRCODE = 'CA014';
    END IF;
    SELECT * INTO pol FROM cage.policy WHERE one;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'No cage policy is stored (run db create-roles); nothing was posted.' USING ERRCODE = 'CA015';
    END IF;
    IF c.trusted THEN
        RAISE EXCEPTION 'An exchange is reversed at a terminal, by a terminal login.' USING ERRCODE = 'CA001';
    END IF;
    SELECT s.id INTO v_shift FROM public.shifts s
    WHERE s.terminal_id = c.terminal AND s.status = 'open' FOR KEY SHARE;
    IF v_shift IS NULL THEN
        RAISE EXCEPTION 'Terminal % has no open shift; open a shift before posting.', c.terminal USING ERRCODE = 'CA002';
    END IF;
    SELECT * INTO o FROM public.fx_exchanges x WHERE x.id = p_original;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no exchange % to reverse.', p_original USING ERRCODE = 'CA011';
    END IF;
    IF o.reverses_id IS NOT NULL THEN
        RAISE EXCEPTION 'A reversal cannot itself be reversed; post a new exchange instead.' USING ERRCODE = 'CA012';
    END IF;
    IF EXISTS (SELECT 1 FROM public.fx_exchanges x WHERE x.reverses_id = p_original) THEN
        RAISE EXCEPTION 'Exchange % has already been reversed.', p_original USING ERRCODE = 'CA013';
    END IF;
    PERFORM cage.check_authority(st.staff_id, ap.staff_id, 'reversal', o.local_amount, btrim(o.local_currency));
    IF o.player_id IS NOT NULL THEN  -- with the postings for this player, one after the other
        PERFORM 1 FROM public.players p WHERE p.id = o.player_id FOR NO KEY UPDATE;
    END IF;
    INSERT INTO public.fx_exchanges (id, request_hash, direction, currency, foreign_amount, rate_id, rate,
        local_currency, local_amount, drawer_local_delta, drawer_foreign_delta, player_id, staff_id, approver_id,
        terminal_id, shift_id, created_at, db_login, reverses_id, reason)
    VALUES (p_id, p_request_hash, o.direction, o.currency, o.foreign_amount, o.rate_id, o.rate,
        o.local_currency, o.local_amount, -o.drawer_local_delta, -o.drawer_foreign_delta, o.player_id,
        st.staff_id, ap.staff_id, c.terminal, v_shift, now(), session_user, p_original, btrim(p_reason))
    RETURNING * INTO v_row;
    IF ap.staff_id <> st.staff_id THEN
        INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
        VALUES (ap.staff_id, c.terminal, 'dual_control_approved', jsonb_build_object('exchange_id', p_id::text,
            'kind', 'exchange_reversal', 'player_id', o.player_id, 'amount', o.local_amount::text,
            'issuer', st.staff_id), session_user);
    END IF;
    INSERT INTO public.audit_log (staff_id, terminal_id, action, detail, db_user)
    VALUES (st.staff_id, c.terminal, 'correction', jsonb_build_object('exchange_id', p_id::text,
        'kind', 'exchange_reversal', 'reverses_id', p_original::text, 'player_id', o.player_id,
        'currency', btrim(o.currency), 'foreign_amount', o.foreign_amount::text,
        'local_amount', o.local_amount::text, 'reason', btrim(p_reason)), session_user);
    replayed := false; exchange := v_row;
    RETURN NEXT;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;
"""

_ID_CHECK = """\
        -- Identification on file (0016): a typed document on file must be valid; without
        -- one, the player's valid document on file is recorded as if typed.
        IF v_per_total > pol.ctr_threshold AND NOT p_offline THEN
            SELECT f.doc_id, f.doc_type, f.doc_number INTO v_doc_id, v_doc_type, v_doc_number
            FROM cage.id_on_file(p_player, p_id_type, p_id_number, v_at) f;
            IF v_doc_id IS NOT NULL AND (coalesce(btrim(p_id_type), '') = '' OR coalesce(btrim(p_id_number), '') = '') THEN
                p_id_type := v_doc_type; p_id_number := v_doc_number;
            END IF;
        END IF;
"""

# (anchor that must occur exactly once, replacement)
_POST_PATCHES = [
    ("    t record;\nBEGIN\n",
     "    t record;\n    v_doc_id bigint; v_doc_type text; v_doc_number text;\nBEGIN\n"),
    ("        IF v_per_total > pol.ctr_threshold AND NOT p_offline\n",
     _ID_CHECK + "        IF v_per_total > pol.ctr_threshold AND NOT p_offline\n"),
    ("    IF p_id_type IS NOT NULL THEN\n        INSERT INTO public.audit_log",
     "    IF v_doc_id IS NOT NULL THEN\n"
     "        INSERT INTO public.id_document_uses (document_id, posting_id) VALUES (v_doc_id, p_id);\n"
     "    END IF;\n"
     "    IF p_id_type IS NOT NULL THEN\n        INSERT INTO public.audit_log"),
    ("'currency', p_currency, 'id_type', p_id_type), session_user);",
     "'currency', p_currency, 'id_type', p_id_type, 'id_document_id', v_doc_id), session_user);"),
    # an exchange reversal is not cash toward the threshold (as a posting reversal)
    ("        WHERE x.player_id = p_player AND x.created_at >= least(v_per_start, v_day_start)\n",
     "        WHERE x.player_id = p_player AND x.reverses_id IS NULL\n"
     "          AND x.created_at >= least(v_per_start, v_day_start)\n"),
]
_EXCHANGE_PATCHES = [
    ("    v_in_day numeric;",
     "    v_doc_id bigint; v_doc_type text; v_doc_number text;\n    v_in_day numeric;"),
    ("        IF greatest(v_in_per, v_out_per) + v_fx_per > pol.ctr_threshold\n",
     "        IF greatest(v_in_per, v_out_per) + v_fx_per > pol.ctr_threshold THEN\n"
     "            SELECT f.doc_id, f.doc_type, f.doc_number INTO v_doc_id, v_doc_type, v_doc_number\n"
     "            FROM cage.id_on_file(p_player, p_id_type, p_id_number, v_at) f;\n"
     "            IF v_doc_id IS NOT NULL AND (coalesce(btrim(p_id_type), '') = '' OR coalesce(btrim(p_id_number), '') = '') THEN\n"
     "                p_id_type := v_doc_type; p_id_number := v_doc_number;\n"
     "            END IF;\n"
     "        END IF;\n"
     "        IF greatest(v_in_per, v_out_per) + v_fx_per > pol.ctr_threshold\n"),
    ("    RETURNING * INTO v_row;\n",
     "    RETURNING * INTO v_row;\n"
     "    IF v_doc_id IS NOT NULL THEN\n"
     "        INSERT INTO public.id_document_uses (document_id, exchange_id) VALUES (v_doc_id, p_id);\n"
     "    END IF;\n"),
]
_OPEN_PATCHES = [
    ("    INSERT INTO public.shifts (terminal_id, staff_id, currency, opening_float, opening_count, db_login)\n",
     "    PERFORM cage.check_count(p_count, v_currency);\n"
     "    INSERT INTO public.shifts (terminal_id, staff_id, currency, opening_float, opening_count, db_login)\n"),
]
_CLOSE_PATCHES = [
    ("    v_variance := p_counted - v_expected;\n",
     "    PERFORM cage.check_count(p_count, btrim(sh.currency));\n"
     "    v_variance := p_counted - v_expected;\n"),
]
_NOTES_PATCHES = [
    ("cage.note_pieces(p_notes_in)", "cage.note_pieces(p_notes_in, p_currency)"),
    ("cage.note_pieces(p_notes_out)", "cage.note_pieces(p_notes_out, p_currency)"),
]


def _patch_function(conn, signature: str, patches: list[tuple[str, str]]) -> None:
    patch_function(conn, "0016", signature, patches)  # ledger/migration_patching.py


def upgrade() -> None:
    op.execute(UPGRADE)
    conn = op.get_bind()
    _patch_function(conn, "cage._post(boolean, uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, "
                          "text, text, text, text, text, bigint)", _POST_PATCHES)
    _patch_function(conn, "cage.exchange(uuid, text, text, text, numeric, uuid, uuid, text, bigint, text, text)",
                    _EXCHANGE_PATCHES)
    _patch_function(conn, "cage.post_with_notes(uuid, text, text, text, numeric, text, uuid, jsonb, jsonb, uuid, "
                          "text, text, text)", _NOTES_PATCHES)
    _patch_function(conn, "cage.open_shift(uuid, numeric, jsonb, text, text, text)", _OPEN_PATCHES)
    _patch_function(conn, "cage.close_shift(uuid, bigint, numeric, jsonb, text, numeric)", _CLOSE_PATCHES)
    conn.exec_driver_sql("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
