"""Foreign cash counted at handover and close, and carried to the incoming shift (issue 17).

Until now a drawer's foreign cash (USD, EUR bought at the window) lived only in the shift
that bought it: a handover opened the incoming shift with the local count alone, so the
incoming cashier could not sell the dollars lying in the drawer in front of them, and the
dollars stayed on a closed shift that no count had ever checked — outside anyone's
accountability. A close did not count them either.

- `public.shift_foreign_counts` (append-only): a shift's foreign cash counted by
  denomination, per currency — at `open` (carried into it by a handover: the incoming
  cashier's count) and at `close` (its close or handover: the outgoing cashier's count,
  the figure the drawer should hold, the variance). Written only by `cage.count_foreign`.
- `cage.drawer_figure` and `cage.shift_foreign_cash` count the carried cash: a drawer's
  foreign figure is what it was handed plus its exchanges, so 0023's drawer row (and 0028's
  check of it), the payout refusal and the supervisor's view all agree.
- `cage.close_shift(…, p_foreign)`: the foreign counts, `{"USD": {"100": 3}}`. Every
  currency the drawer should hold is recorded — one not counted as 0, so cash no one counted
  shows as missing — and any foreign variance sends the shift to the supervisor's sign-off
  (the policy's threshold is in the local currency; foreign cash has none: every difference
  is looked at).
- `cage.handover_shift(…, p_out_foreign, p_in_foreign)`: both cashiers count the foreign cash
  too (blind, like the local count); the two counts must agree currency by currency, or
  nothing changes. The outgoing shift closes with the outgoing count; the incoming shift
  opens holding the incoming count, note by note (`cage.drawer_foreign_holding` shows it).
  The handover's request hash covers the foreign counts (ledger/handover.py).
- The payout refusal says the drawer pays out only the foreign cash it holds.

Revision ID: 0032
Revises: 0031
"""
from alembic import op

from cashier_desktop.ledger.migration_patching import patch_function, redefine_function

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TABLE public.shift_foreign_counts (
    shift_id    bigint NOT NULL REFERENCES public.shifts(id),
    currency    char(3) NOT NULL REFERENCES cage.fx_currencies(code),
    moment      text NOT NULL CHECK (moment IN ('open', 'close')),
    counted     numeric(14,2) NOT NULL CHECK (counted >= 0),
    count       jsonb,                      -- by denomination, as counted
    expected    numeric(14,2),              -- close: what the drawer should hold
    variance    numeric(14,2),              -- close: counted - expected
    staff_id    varchar(32) NOT NULL REFERENCES public.staff(id),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    db_login    text NOT NULL DEFAULT session_user,
    PRIMARY KEY (shift_id, currency, moment),
    CHECK ((moment = 'close') = (expected IS NOT NULL AND variance IS NOT NULL)),
    CHECK (variance IS NULL OR variance = counted - expected)
);
CREATE TRIGGER shift_foreign_counts_append_only BEFORE UPDATE OR DELETE ON public.shift_foreign_counts
    FOR EACH ROW EXECUTE FUNCTION public.refuse_change();
CREATE TRIGGER shift_foreign_counts_no_truncate BEFORE TRUNCATE ON public.shift_foreign_counts
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change();

-- What shift p_shift's drawer should hold in p_currency: the local cash as before; foreign
-- cash handed to it at a handover plus its exchanges.
CREATE OR REPLACE FUNCTION cage.drawer_figure(p_shift bigint, p_currency text) RETURNS numeric
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN btrim(s.currency) = p_currency THEN cage.drawer_expected(s.id)
                ELSE coalesce((SELECT f.counted FROM public.shift_foreign_counts f
                               WHERE f.shift_id = s.id AND f.moment = 'open' AND btrim(f.currency) = p_currency), 0)
                   + coalesce((SELECT sum(x.drawer_foreign_delta) FROM public.fx_exchanges x
                               WHERE x.shift_id = s.id AND btrim(x.currency) = p_currency), 0) END
    FROM public.shifts s WHERE s.id = p_shift
$$;

CREATE OR REPLACE FUNCTION cage.shift_foreign_cash(p_shift bigint) RETURNS TABLE (currency text, expected numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT u.cur, sum(u.amount) FROM (
        SELECT btrim(f.currency) AS cur, f.counted AS amount FROM public.shift_foreign_counts f
        WHERE f.shift_id = p_shift AND f.moment = 'open'
        UNION ALL
        SELECT btrim(x.currency), x.drawer_foreign_delta FROM public.fx_exchanges x WHERE x.shift_id = p_shift
    ) u GROUP BY u.cur ORDER BY 1
$$;

-- Internal: foreign counts ({"USD": {"100": 3}}) as words for a sentence and for comparing
-- two counts: 'USD 300.00, EUR 50.00' (currencies in order, none counted left out), or 'none'.
CREATE FUNCTION cage.foreign_count_words(p_counts jsonb) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v text;
BEGIN
    IF p_counts IS NOT NULL AND jsonb_typeof(p_counts) NOT IN ('object', 'null') THEN
        RAISE EXCEPTION 'Foreign cash is counted per currency, e.g. {"USD": {"100": 3}}; nothing was changed.'
            USING ERRCODE = 'CA014';
    END IF;
    SELECT string_agg(t.cur || ' ' || to_char(t.total, 'FM999999999990.00'), ', ' ORDER BY t.cur) INTO v
    FROM (SELECT e.key AS cur, sum(n.denomination * n.pieces) AS total
          FROM jsonb_each(CASE WHEN jsonb_typeof(p_counts) = 'object' THEN p_counts ELSE '{}'::jsonb END) e
          CROSS JOIN LATERAL cage.note_pieces(nullif(e.value, 'null'::jsonb), e.key) n
          GROUP BY e.key HAVING sum(n.denomination * n.pieces) <> 0) t;
    RETURN coalesce(v, 'none');
END $$;

-- Internal (inside close_shift and handover_shift, under the shift's row lock): record shift
-- p_shift's foreign cash counted at p_moment. 'open': the cash carried in (it joins the
-- drawer's figure and its drawer_cash row); 'close': every currency counted or held, with
-- its figure and variance. Returns whether any foreign count differs from its figure.
CREATE FUNCTION cage.count_foreign(p_shift bigint, p_moment text, p_counts jsonb, p_staff text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e record; v_local text; v_counted numeric(14,2); v_expected numeric(14,2); v_off boolean := false;
BEGIN
    PERFORM cage.foreign_count_words(p_counts);  -- the shape, the currencies' own notes
    SELECT btrim(s.currency) INTO v_local FROM public.shifts s WHERE s.id = p_shift;
    FOR e IN
        SELECT k.cur, nullif(p_counts -> k.cur, 'null'::jsonb) AS notes FROM (
            SELECT jsonb_object_keys(CASE WHEN jsonb_typeof(p_counts) = 'object' THEN p_counts
                                          ELSE '{}'::jsonb END) AS cur
            UNION
            SELECT f.currency FROM cage.shift_foreign_cash(p_shift) f WHERE p_moment = 'close' AND f.expected <> 0
        ) k ORDER BY 1
    LOOP
        IF e.cur = v_local OR NOT EXISTS (SELECT 1 FROM cage.fx_currencies c WHERE btrim(c.code) = e.cur) THEN
            RAISE EXCEPTION '“%” is not a foreign currency this cage exchanges; nothing was changed.', e.cur
                USING ERRCODE = 'CA014';
        END IF;
        SELECT coalesce(sum(n.denomination * n.pieces), 0) INTO v_counted FROM cage.note_pieces(e.notes, e.cur) n;
        IF p_moment = 'open' THEN
            CONTINUE WHEN v_counted = 0;
            INSERT INTO public.shift_foreign_counts (shift_id, currency, moment, counted, count, staff_id)
            VALUES (p_shift, e.cur, 'open', v_counted, e.notes, p_staff);
            PERFORM cage.drawer_move(p_shift, e.cur, v_counted);
        ELSE
            v_expected := coalesce(cage.drawer_figure(p_shift, e.cur), 0);
            CONTINUE WHEN v_counted = 0 AND v_expected = 0;
            INSERT INTO public.shift_foreign_counts (shift_id, currency, moment, counted, count, expected, variance,
                                                     staff_id)
            VALUES (p_shift, e.cur, 'close', v_counted, e.notes, v_expected, v_counted - v_expected, p_staff);
            v_off := v_off OR v_counted <> v_expected;
        END IF;
    END LOOP;
    RETURN v_off;
END $$;

-- Internal: a shift's foreign counts at p_moment for the audit log ({"USD": {"counted": …}}).
CREATE FUNCTION cage.foreign_counts_audit(p_shift bigint, p_moment text) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(jsonb_object_agg(btrim(f.currency), jsonb_strip_nulls(jsonb_build_object(
        'counted', f.counted::text, 'expected', f.expected::text, 'variance', f.variance::text))), '{}'::jsonb)
    FROM public.shift_foreign_counts f WHERE f.shift_id = p_shift AND f.moment = p_moment
$$;

REVOKE ALL ON FUNCTION cage.foreign_count_words(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.count_foreign(bigint, text, jsonb, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.foreign_counts_audit(bigint, text) FROM PUBLIC;
"""

OLD_CLOSE = "cage.close_shift(uuid, bigint, numeric, jsonb, text, numeric)"
NEW_CLOSE = "cage.close_shift(uuid, bigint, numeric, jsonb, text, numeric, jsonb)"
_CLOSE = [
    ("p_variance_threshold numeric DEFAULT NULL::numeric)",
     "p_variance_threshold numeric DEFAULT NULL::numeric, p_foreign jsonb DEFAULT NULL::jsonb)"),
    ("v_threshold numeric;", "v_threshold numeric; v_foreign_off boolean;"),
    ("    v_variance := p_counted - v_expected;\n",
     "    v_variance := p_counted - v_expected;\n"
     "    v_foreign_off := cage.count_foreign(p_shift, 'close', p_foreign, st.staff_id);\n"),
    ("needs_signoff = abs(v_variance) >= coalesce(v_threshold, 0)\n",
     "needs_signoff = abs(v_variance) >= coalesce(v_threshold, 0) OR v_foreign_off\n"),
    ("        'needs_signoff', sh.needs_signoff), session_user);",
     "        'needs_signoff', sh.needs_signoff, 'foreign', cage.foreign_counts_audit(p_shift, 'close')), session_user);"),
]

OLD_INNER = "cage._handover_shift(uuid, uuid, bigint, numeric, jsonb, numeric, jsonb)"
NEW_INNER = "cage._handover_shift(uuid, uuid, bigint, numeric, jsonb, numeric, jsonb, jsonb, jsonb)"
_INNER = [
    ("p_in_counted numeric, p_in_count jsonb)",
     "p_in_counted numeric, p_in_count jsonb, p_out_foreign jsonb DEFAULT NULL::jsonb, "
     "p_in_foreign jsonb DEFAULT NULL::jsonb)"),
    ("    -- The drawer's row lock first:",
     "    IF cage.foreign_count_words(p_out_foreign) <> cage.foreign_count_words(p_in_foreign) THEN\n"
     "        RAISE EXCEPTION 'The two counts of the foreign cash differ (% and %): count it again together. "
     "Nothing was changed.',\n"
     "            cage.foreign_count_words(p_out_foreign), cage.foreign_count_words(p_in_foreign) USING ERRCODE = 'CA014';\n"
     "    END IF;\n"
     "    -- The drawer's row lock first:"),
    ("cage.close_shift(p_out_session, p_shift, p_out_counted, p_out_count)",
     "cage.close_shift(p_out_session, p_shift, p_out_counted, p_out_count, p_foreign => p_out_foreign)"),
    ("    SELECT * INTO v_opened FROM public.shifts s WHERE s.id = v_new;\n",
     "    PERFORM cage.count_foreign(v_new, 'open', p_in_foreign, st_in.staff_id);\n"
     "    SELECT * INTO v_opened FROM public.shifts s WHERE s.id = v_new;\n"),
    ("'needs_signoff', v_closed.needs_signoff), session_user);",
     "'needs_signoff', v_closed.needs_signoff, 'foreign', cage.foreign_counts_audit(v_new, 'open')), session_user);"),
]

OLD_HANDOVER = "cage.handover_shift(uuid, text, uuid, uuid, bigint, numeric, jsonb, numeric, jsonb)"
NEW_HANDOVER = "cage.handover_shift(uuid, text, uuid, uuid, bigint, numeric, jsonb, numeric, jsonb, jsonb, jsonb)"
_HANDOVER = [
    ("p_in_counted numeric, p_in_count jsonb)",
     "p_in_counted numeric, p_in_count jsonb, p_out_foreign jsonb DEFAULT NULL::jsonb, "
     "p_in_foreign jsonb DEFAULT NULL::jsonb)"),
    ("        p_in_counted, p_in_count) x;",
     "        p_in_counted, p_in_count, p_out_foreign, p_in_foreign) x;"),
]

# The cash handed over with the drawer is in its holding by note.
_HOLDING = [
    ("""        SELECT btrim(n.currency) AS cur, n.denomination AS d, sum(n.pieces_in - n.pieces_out)::bigint AS n
        FROM public.exchange_notes n JOIN public.fx_exchanges x ON x.id = n.exchange_id
        WHERE x.shift_id = p_shift GROUP BY 1, 2
""", """        SELECT u.cur, u.d, sum(u.n)::bigint AS n FROM (
            SELECT btrim(n.currency) AS cur, n.denomination AS d, n.pieces_in - n.pieces_out AS n
            FROM public.exchange_notes n JOIN public.fx_exchanges x ON x.id = n.exchange_id
            WHERE x.shift_id = p_shift
            UNION ALL
            SELECT btrim(f.currency), p.denomination, p.pieces FROM public.shift_foreign_counts f
            CROSS JOIN LATERAL cage.note_pieces(f.count) p WHERE f.shift_id = p_shift AND f.moment = 'open'
        ) u GROUP BY 1, 2
"""),
]

_MOVE = [
    ("' it took in this shift; nothing was posted.'",
     "' it holds: taken in this shift or handed over with the drawer; nothing was posted.'"),
]


def upgrade() -> None:
    conn = op.get_bind()
    op.execute(UPGRADE)
    redefine_function(conn, "0032", OLD_CLOSE, NEW_CLOSE, _CLOSE)
    redefine_function(conn, "0032", OLD_INNER, NEW_INNER, _INNER)
    redefine_function(conn, "0032", OLD_HANDOVER, NEW_HANDOVER, _HANDOVER)
    patch_function(conn, "0032", "cage.drawer_foreign_holding(uuid, bigint)", _HOLDING)
    patch_function(conn, "0032", "cage.drawer_move(bigint, text, numeric, boolean)", _MOVE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
