"""The cage's accountability counts the drawers' foreign cash too.

`cage.accountability` (0019) counts every open drawer's rupees, the bank and the markers: the
dollars and euros lying in the drawers — bought at the window, handed over with a drawer
(0032) — appeared nowhere in it, so an auditor reading the cage's figures at the end of a
gaming day saw none of them, and a drawer whose foreign row had been written by hand agreed
with nothing because nothing looked.

- `cage.drawer_foreign_at(shift, at)`: a drawer's foreign cash per currency at a moment, from
  the rows — the notes handed over with it (its `open` count, 0032) and its exchanges' foreign
  deltas before the moment — as `cage.drawer_figure` (0032) has it for now.
- `cage.accountability_moment(day)`: the end of gaming day `day`, or now (0019's rule).
- `cage.foreign_accountability(session, day)`: for every drawer open at the end of gaming
  day `day` (or now) and every foreign currency it holds, what its stored row says
  (`drawer_cash`, now; for a past day the figure then) beside what the rows add up to. A
  supervisor's (the right to run reports), as `cage.accountability`. Kept apart from it: each
  currency is its own total, and the soak and the reports that sum the rupee lines stay as
  they are.

Revision ID: 0034
Revises: 0033
"""
from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE FUNCTION cage.drawer_foreign_at(p_shift bigint, p_at timestamptz)
RETURNS TABLE(currency text, figure numeric)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT u.cur, sum(u.amount) FROM (
        SELECT btrim(f.currency) AS cur, f.counted AS amount FROM public.shift_foreign_counts f
        WHERE f.shift_id = p_shift AND f.moment = 'open'
        UNION ALL
        SELECT btrim(x.currency), x.drawer_foreign_delta FROM public.fx_exchanges x
        WHERE x.shift_id = p_shift AND x.created_at < p_at
    ) u GROUP BY u.cur
$$;
REVOKE ALL ON FUNCTION cage.drawer_foreign_at(bigint, timestamptz) FROM PUBLIC;

-- The moment an accountability is taken at: the end of gaming day `p_day` (the policy's
-- day start and time zone), or now for today, a day not over yet or no day (as 0019's).
CREATE FUNCTION cage.accountability_moment(p_day date) RETURNS timestamptz
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT least(now(), (SELECT (p_day + interval '1 day' + make_interval(hours => pol.gaming_day_start_hour))
                                AT TIME ZONE pol.timezone FROM cage.policy pol WHERE pol.one))
$$;
REVOKE ALL ON FUNCTION cage.accountability_moment(date) FROM PUBLIC;

CREATE FUNCTION cage.foreign_accountability(p_session uuid, p_day date DEFAULT NULL)
RETURNS TABLE(currency text, shift_id bigint, terminal_id text, staff_id text, amount numeric, ledger numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_at timestamptz := cage.accountability_moment(p_day); v_now boolean := v_at = now();
BEGIN
    PERFORM cage.session_with_right(p_session, 'run_reports');
    RETURN QUERY
    WITH open_drawers AS (
        SELECT s.id, s.terminal_id, s.staff_id, btrim(s.currency) AS local FROM public.shifts s
        WHERE s.opened_at < v_at AND (s.closed_at IS NULL OR s.closed_at >= v_at)),
    figures AS (
        SELECT o.id, f.currency AS cur, f.figure FROM open_drawers o
        CROSS JOIN LATERAL cage.drawer_foreign_at(o.id, v_at) f WHERE f.currency <> o.local),
    stored AS (  -- the drawer's own row: what the payout checks read (0023), now only
        SELECT d.shift_id AS id, btrim(d.currency) AS cur, d.holding FROM public.drawer_cash d
        JOIN open_drawers o ON o.id = d.shift_id WHERE btrim(d.currency) <> o.local AND v_now)
    SELECT k.cur, o.id, o.terminal_id, o.staff_id::text,
           CASE WHEN v_now THEN coalesce(st.holding, 0) ELSE coalesce(fi.figure, 0) END,
           coalesce(fi.figure, 0)
    FROM open_drawers o
    JOIN (SELECT fg.id, fg.cur FROM figures fg UNION SELECT sd.id, sd.cur FROM stored sd) k ON k.id = o.id
    LEFT JOIN figures fi ON fi.id = k.id AND fi.cur = k.cur
    LEFT JOIN stored st ON st.id = k.id AND st.cur = k.cur
    WHERE coalesce(st.holding, 0) <> 0 OR coalesce(fi.figure, 0) <> 0
    ORDER BY k.cur, o.terminal_id, o.id;
END $$;
REVOKE ALL ON FUNCTION cage.foreign_accountability(uuid, date) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
