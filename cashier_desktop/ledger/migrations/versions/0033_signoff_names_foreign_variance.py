"""The sign-off refusal and its audit row name the foreign variance too.

0032 sends a shift short only in dollars to the supervisor (`needs_signoff`), but
`cage.signoff_shift`'s own refusal still read "Shift 7 has a variance of 0.00 INR: write what
was found…" — a sentence that tells the supervisor there is nothing to explain — and its
audit row kept only the rupee variance, so the log of who signed what off did not show the
dollars at all. The terminal's own check words it right and runs first; this makes the
database, which decides, say the same to any caller (the CLI, a script, another client).

- `cage.shift_variance_words(shift)`: the local variance, then each foreign currency's
  non-zero variance at close: `0.00 INR, -370.00 USD`.
- `cage.signoff_shift`: its refusal names them, and its audit detail carries the foreign
  counts (`foreign`, as the close's audit row has since 0032).

Revision ID: 0033
Revises: 0032
"""
from alembic import op

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE FUNCTION cage.shift_variance_words(p_shift bigint) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT concat_ws(', ', to_char(sh.variance, 'FM999999999990.00') || ' ' || btrim(sh.currency),
        (SELECT string_agg(to_char(f.variance, 'FM999999999990.00') || ' ' || btrim(f.currency), ', '
                           ORDER BY f.currency)
         FROM public.shift_foreign_counts f
         WHERE f.shift_id = p_shift AND f.moment = 'close' AND f.variance <> 0))
    FROM public.shifts sh WHERE sh.id = p_shift
$$;
REVOKE ALL ON FUNCTION cage.shift_variance_words(bigint) FROM PUBLIC;
"""

_SIGNOFF = [
    ("'Shift % has a variance of % %: write what was found before signing off.',\n"
     "            p_shift, sh.variance, btrim(sh.currency) USING ERRCODE = 'CA014';",
     "'Shift % has a variance of %: write what was found before signing off.',\n"
     "            p_shift, cage.shift_variance_words(p_shift) USING ERRCODE = 'CA014';"),
    ("'variance', sh.variance::text, 'note', coalesce(btrim(p_note), '')),",
     "'variance', sh.variance::text, 'note', coalesce(btrim(p_note), ''),\n"
     "            'foreign', cage.foreign_counts_audit(p_shift, 'close')),"),
]


def upgrade() -> None:
    conn = op.get_bind()
    op.execute(UPGRADE)
    patch_function(conn, "0033", "cage.signoff_shift(uuid, bigint, text, text)", _SIGNOFF)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
