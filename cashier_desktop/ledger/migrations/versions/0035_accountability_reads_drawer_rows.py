"""The accountability's rupee drawer lines set the drawer's own row beside its rows' figure.

`cage.accountability` (0019) gave each open drawer `cage.drawer_expected` in both columns —
the figure from the rows beside itself — so the "agrees" column could never say no for a
drawer. The figure the counter acts on is the drawer's row (`drawer_cash`, 0023: what a
payout checks against); a row changed by hand let a drawer pay out cash it does not hold, and
the accountability still agreed. Now, for now, a drawer's line reads that row beside the rows'
figure, as the foreign lines do (0034); for a past day both are the figure then (no row keeps
its history). 0028's integrity check compares the same two; this puts it where the supervisor
reads the cage's figures.

Revision ID: 0035
Revises: 0034
"""
from alembic import op

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

_ACCOUNTABILITY = [
    ("           cage.drawer_expected(s.id, v_at), cage.drawer_expected(s.id, v_at)\n",
     "           CASE WHEN v_now THEN coalesce((SELECT d.holding FROM public.drawer_cash d\n"
     "                                          WHERE d.shift_id = s.id AND d.currency = s.currency), 0)\n"
     "                ELSE cage.drawer_expected(s.id, v_at) END,\n"
     "           cage.drawer_expected(s.id, v_at)\n"),
]


def upgrade() -> None:
    patch_function(op.get_bind(), "0035", "cage.accountability(uuid, date)", _ACCOUNTABILITY)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
