"""Running cash totals per player, direction and gaming day: the posting API reads one row
instead of summing the ledger on every posting (issue 14, throughput).

Profiled on the server (pgbench running `cage.post`, `track_functions`, in-backend loops of
500 postings): the identification-threshold sum of 0010 — dynamic SQL, planned again on
every posting so that a plan cached while the ledger was small cannot scan it (0007) — was
about half of `cage._post`'s own time. Now:

- `cage.cash_totals` (player, direction, gaming day) -> the cash that went in or out that
  gaming day through deposits and marker redemptions ('in') or withdrawals ('out'): what the
  sum of 0010 counted.
- A trigger on every ledger row of those kinds adds its amount, whoever inserts it (the API
  as its owner, or the owner by hand), so the totals stay what the ledger says.
- `cage._post` reads the day's row (or the month's rows) with a static primary-key range
  read, under the player's row lock it already holds: two postings for one player are still
  decided one after the other, and the second sees the first's total (attack 9).
- The index on (player, created_at) that only the sum needed is dropped: one index entry
  less per posting.
- The gaming day depends on the policy's timezone and start hour: when either changes (or a
  policy is first stored) the totals of the last 40 days are rebuilt from the ledger (only
  the current day or month is ever read).

`_post` is 0010's, with the sum replaced: derived from 0010's text here (asserted), so the
mutants that point at 0010's lines still mutate the function that runs.

Revision ID: 0012
Revises: 0011
"""
import importlib.util
from pathlib import Path

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_OLD_SUM_START = "        -- EXECUTE: planned with this call's values every time."
_OLD_SUM_END = "least(v_per_start, v_day_start), greatest(v_per_end, v_day_end);\n"
_NEW_SUM = """        -- The running totals (cage.cash_totals, migration 0012): a primary-key range read,
        -- under the player's row lock taken above, of the period's gaming days.
        SELECT coalesce(sum(ct.total) FILTER (WHERE ct.gaming_day = CAST(v_day AS date)), 0),
               coalesce(sum(ct.total), 0)
        INTO v_day_total, v_per_total
        FROM cage.cash_totals ct
        WHERE ct.player_id = p_player AND ct.direction = v_dir
          AND ct.gaming_day >= CAST(CASE pol.aggregation WHEN 'month' THEN date_trunc('month', v_day) ELSE v_day END AS date)
          AND ct.gaming_day < CAST(CASE pol.aggregation WHEN 'month' THEN date_trunc('month', v_day) + interval '1 month'
                                  ELSE v_day + interval '1 day' END AS date);
"""

TABLES = r"""
CREATE TABLE cage.cash_totals (
    player_id   varchar(64) NOT NULL,
    direction   text NOT NULL CHECK (direction IN ('in', 'out')),
    gaming_day  date NOT NULL,
    total       numeric(16,2) NOT NULL,
    PRIMARY KEY (player_id, direction, gaming_day)
);

-- The gaming day of a moment under the stored policy (the formula of cage._post).
CREATE FUNCTION cage.gaming_day(p_at timestamptz, p_timezone text, p_start_hour integer) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(date_trunc('day', (p_at AT TIME ZONE p_timezone) - make_interval(hours => p_start_hour)) AS date)
$$;

-- Every deposit, marker redemption and withdrawal row adds its amount to its gaming day.
-- Runs as whoever inserts a ledger row: the API's owner, or the owner by hand (no login
-- role may insert one).
-- No SET search_path (a configuration save and restore on every posting): every name is
-- qualified, no login role may create a TEMP table or anything in public or cage.
CREATE FUNCTION cage.count_cash() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    pol cage.policy%ROWTYPE;
BEGIN
    SELECT * INTO pol FROM cage.policy WHERE one;
    IF NOT FOUND THEN
        RETURN NULL;  -- no policy, no threshold: rebuilt when one is stored
    END IF;
    INSERT INTO cage.cash_totals AS t (player_id, direction, gaming_day, total)
    VALUES (NEW.player_id, CASE WHEN NEW.kind = 'withdrawal' THEN 'out' ELSE 'in' END,
            cage.gaming_day(NEW.created_at, pol.timezone, pol.gaming_day_start_hour), NEW.amount)
    ON CONFLICT (player_id, direction, gaming_day) DO UPDATE SET total = t.total + EXCLUDED.total;
    RETURN NULL;
END $$;

CREATE TRIGGER ledger_count_cash AFTER INSERT ON public.ledger_transactions
FOR EACH ROW WHEN (NEW.kind IN ('deposit', 'marker_redeem', 'withdrawal'))
EXECUTE FUNCTION cage.count_cash();

-- The totals again from the ledger, for the gaming days a posting can still read (the
-- current day or month began less than 40 days ago).
CREATE FUNCTION cage.rebuild_cash_totals() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    pol cage.policy%ROWTYPE;
BEGIN
    -- postings wait (their trigger's upsert) until the rebuilt totals are committed
    LOCK TABLE cage.cash_totals IN EXCLUSIVE MODE;
    DELETE FROM cage.cash_totals;
    SELECT * INTO pol FROM cage.policy WHERE one;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO cage.cash_totals (player_id, direction, gaming_day, total)
    SELECT l.player_id, CASE WHEN l.kind = 'withdrawal' THEN 'out' ELSE 'in' END,
           cage.gaming_day(l.created_at, pol.timezone, pol.gaming_day_start_hour), sum(l.amount)
    FROM public.ledger_transactions l
    WHERE l.kind IN ('deposit', 'marker_redeem', 'withdrawal') AND l.created_at >= now() - interval '40 days'
    GROUP BY 1, 2, 3;
END $$;

CREATE FUNCTION cage.policy_changed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' OR (NEW.timezone, NEW.gaming_day_start_hour)
                           IS DISTINCT FROM (OLD.timezone, OLD.gaming_day_start_hour) THEN
        PERFORM cage.rebuild_cash_totals();
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER policy_rebuilds_cash_totals AFTER INSERT OR UPDATE ON cage.policy
FOR EACH ROW EXECUTE FUNCTION cage.policy_changed();

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;

-- The index 0002 made for the sum above: no posting reads it any more, and every posting
-- paid for it (pgbench running cage.post at 8 connections, with and without it alternated:
-- 947/997/1040 -> 1086/1125/1078 postings/s). The owner tools' client-side pre-check
-- (ledger/cash_reports.py) finds a player's rows through ledger_by_player instead.
DROP INDEX IF EXISTS public.ledger_by_player_time;
"""


def post_function() -> str:
    """0010's `cage._post` with the ledger sum replaced by the running totals."""
    path = Path(__file__).with_name("0010_posting_api.py")
    spec = importlib.util.spec_from_file_location("_migration_0010", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source: str = module.UPGRADE
    start = source.index("CREATE FUNCTION cage._post(")
    end = source.index("END $$;\n", start) + len("END $$;\n")
    body = source[start:end]
    a = body.index(_OLD_SUM_START)
    b = body.index(_OLD_SUM_END, a) + len(_OLD_SUM_END)
    body = body[:a] + _NEW_SUM + body[b:]
    assert "EXECUTE" not in body and "cage.cash_totals ct" in body
    return body.replace("CREATE FUNCTION cage._post(", "CREATE OR REPLACE FUNCTION cage._post(", 1)


def upgrade() -> None:
    op.execute(TABLES)
    op.execute(post_function())
    op.execute("REVOKE ALL ON FUNCTION cage._post(boolean, uuid, text, text, text, numeric, text, uuid, uuid, "
               "uuid, text, text, text, text, text, text, bigint) FROM PUBLIC")
    op.execute("SELECT cage.rebuild_cash_totals()")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
