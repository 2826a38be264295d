"""What the counter's and the supervisor's screens read of 0013's cage operations.

0013 gave the rates one at a time (`cage.fx_rate_at`) and the authority limits to no one
(`cage.authority_limits` is read by `cage.check_authority` only). A screen needs the list:

- `cage.fx_rates_in_force()`: every currency the cage exchanges, with the rate in force now
  (NULL columns when none is set yet) — the exchange dialog's choices, `rates show`.
- `cage.authority_limits_in_force(p_session)`: the limit in force per staff member and
  transaction type (the newest row; a removed limit is no row), for a session holding
  `manage_staff` (a supervisor): who may approve what is the cage's control, not every
  cashier's reading.

Both are SECURITY DEFINER reads (`search_path` pinned, pg_temp last, names qualified); no
table gains a grant.

And one correction: `cage.drawer_holding` (0013) left out the exchanges' local cash, so a
supervisor was shown more (or less) than the drawer should hold after an exchange, while
`cage.close_shift` expects it. The local cash an exchange moved is added to the row of cash
moved without notes (exchanges record no notes), patched in place at an anchor that must
occur once, as 0013 patches.

Revision ID: 0018
Revises: 0014
"""
from alembic import op
from sqlalchemy import text

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE FUNCTION cage.fx_rates_in_force()
RETURNS TABLE (currency text, name text, rate_id bigint, buy_rate numeric, sell_rate numeric,
    valid_from timestamptz, set_by text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT btrim(f.code), f.name, r.id, r.buy_rate, r.sell_rate, r.valid_from, r.set_by::text
    FROM cage.fx_currencies f
    LEFT JOIN LATERAL (SELECT x.* FROM cage.fx_rates x WHERE x.currency = f.code AND x.valid_from <= now()
                       ORDER BY x.valid_from DESC, x.id DESC LIMIT 1) r ON true
    ORDER BY f.code
$$;

CREATE FUNCTION cage.authority_limits_in_force(p_session uuid)
RETURNS TABLE (staff_id text, kind text, max_amount numeric, set_by text, set_at timestamptz, reason text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM cage.session_with_right(p_session, 'manage_staff');
    RETURN QUERY
    SELECT l.staff_id, l.kind, l.max_amount, l.set_by, l.set_at, l.reason FROM (
        SELECT DISTINCT ON (a.staff_id, a.kind) a.staff_id::text, a.kind, a.max_amount, a.set_by::text,
               a.set_at, a.reason
        FROM cage.authority_limits a ORDER BY a.staff_id, a.kind, a.id DESC) l
    WHERE l.max_amount IS NOT NULL
    ORDER BY l.staff_id, l.kind;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC;
"""


HOLDING = "cage.drawer_holding(uuid, bigint)"
HOLDING_ANCHOR = ("                           AND NOT EXISTS (SELECT 1 FROM public.posting_notes n "
                  "WHERE n.posting_id = l.id)), 0) AS amount\n")
HOLDING_FIXED = ("                           AND NOT EXISTS (SELECT 1 FROM public.posting_notes n "
                 "WHERE n.posting_id = l.id)), 0)\n"
                 "             + coalesce((SELECT sum(x.drawer_local_delta) FROM public.fx_exchanges x\n"
                 "                         WHERE x.shift_id = p_shift), 0) AS amount\n")


def upgrade() -> None:
    op.execute(UPGRADE)
    conn = op.get_bind()
    source = conn.execute(text("SELECT pg_get_functiondef(to_regprocedure(:f))"), {"f": HOLDING}).scalar_one()
    if source.count(HOLDING_ANCHOR) != 1:
        raise RuntimeError(f"0018: {HOLDING} has {source.count(HOLDING_ANCHOR)} copies of its anchor; re-point it")
    op.execute(source.replace(HOLDING_ANCHOR, HOLDING_FIXED))
    conn.exec_driver_sql("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
