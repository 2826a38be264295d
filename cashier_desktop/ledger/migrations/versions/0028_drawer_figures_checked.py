"""Integrity checks the drawers' running figures against the rows they come from.

`public.drawer_cash` (0023) is a cached figure like a player's balance: what each shift's
drawer should hold in each currency, kept by triggers, and the figure that refuses a payout
the drawer cannot hold. Until now nothing compared it with the rows. A figure edited by hand
(a superuser, triggers off) would let a drawer pay out cash it does not hold, or refuse a
payout it could make, and `integrity` stayed clean.

`public.check_drawer_integrity()` answers every (shift, currency) whose kept figure differs
from `cage.drawer_figure` — the same sum of the shift's own rows (opening float, postings,
exchanges, transfers) that gives a row its first value. SECURITY DEFINER: no login reads
`drawer_cash` (the cashier's count stays blind); the function names only drawers whose figure
was tampered with, which is evidence for whoever runs `integrity`. The figure of a shift of
another currency's drawer is the sum of that currency's exchanges, as 0023 counts it.

Revision ID: 0028
Revises: 0027
"""
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE FUNCTION public.check_drawer_integrity()
RETURNS TABLE (shift_id bigint, currency text, expected numeric, actual numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT d.shift_id, btrim(d.currency), f.figure, d.holding
    FROM public.drawer_cash d
    CROSS JOIN LATERAL (SELECT cage.drawer_figure(d.shift_id, btrim(d.currency)) AS figure) f
    WHERE d.holding IS DISTINCT FROM f.figure
    ORDER BY d.shift_id, d.currency
$$;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
