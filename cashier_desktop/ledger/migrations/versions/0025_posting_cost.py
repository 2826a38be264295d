"""Two costs a posting paid that grew or repeated for no reason (issue 14, throughput).

Profiled on the server (`track_functions = all`, 3,000 deposits through `ledger.posting.post`
at one bound terminal login): of ~1.7 ms of function time per posting, `cage.post`'s own
work was 0.64 ms and `cage.authority_limit` 0.14 ms.

- **The receipt's number in its shift was a count.** Since 0017 the answer carries the
  posting's place in its shift, counted as `count(*)` of the shift's rows up to this one: a
  scan that grows with the shift (a window's thousandth posting counted a thousand index
  entries, each checked against the heap). The shift row now keeps the count:
  `shifts.postings`, raised by one in the statement that already locks the shift row FOR NO
  KEY UPDATE in `cage._post` (0017: postings into one shift are taken one after the other,
  so the count at that moment is this posting's place). The answer reads it back: one
  primary-key read instead of a scan. Only `cage._post` inserts ledger rows into a shift
  (the correction of 0005 posts outside any shift), so the count is the rows' count;
  `receipt_facts` (a reprint) still counts the rows, and the tests hold the two equal.
- **`cage.authority_limit` was a SQL function** called from PL/pgSQL: a SQL function whose
  body has a FROM clause is never inlined, and is planned again on every call (0017 notes
  the same of SQL wrappers). Re-created in PL/pgSQL, whose plan the session keeps: same
  arguments, same answer, same owner and grants (CREATE OR REPLACE keeps both).

Revision ID: 0025
Revises: 0024
"""
from alembic import op
from sqlalchemy import text

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_POST_SIGNATURE = ("cage._post(boolean, uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, "
                   "text, text, text, text, text, bigint)")
_ANSWERS = [
    "cage.post(uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, text, text, text, text, text, bigint)",
    "cage.replay_offline(uuid, text, text, text, numeric, text, text, text, text, text, text, bigint)",
    ("cage.post_with_notes(uuid, text, text, text, numeric, text, uuid, jsonb, jsonb, uuid, text, "
     "text, text, text, text, text, bigint)"),
    ("cage.replay_offline_with_notes(uuid, text, text, text, numeric, text, text, jsonb, jsonb, "
     "text, text, text, text, bigint)"),
]

# The two statements of 0017 that lock the shift row become the UPDATE that counts in it
# (an UPDATE that changes no key column takes the same FOR NO KEY UPDATE lock).
_LOCK_PATCHES = [
    ("        PERFORM 1 FROM public.shifts s WHERE s.id = v_shift FOR NO KEY UPDATE;\n",
     "        UPDATE public.shifts s SET postings = s.postings + 1 WHERE s.id = v_shift;  -- its place (0025)\n"),
    ("        SELECT s.id INTO v_shift FROM public.shifts s\n"
     "        -- one posting into a shift at a time: receipt numbers in the shift are given once (0017)\n"
     "        WHERE s.terminal_id = v_terminal AND s.status = 'open' FOR NO KEY UPDATE;\n",
     "        -- one posting into a shift at a time: receipt numbers in the shift are given once (0017),\n"
     "        -- from the shift's own count of its postings (0025)\n"
     "        UPDATE public.shifts s SET postings = s.postings + 1\n"
     "        WHERE s.terminal_id = v_terminal AND s.status = 'open' RETURNING s.id INTO v_shift;\n"),
]

_COUNT_0017 = "(SELECT count(*) FROM public.ledger_transactions o WHERE o.shift_id = v.shift_id AND o.seq <= v.seq)"
_COUNT_0025 = "(SELECT s.postings FROM public.shifts s WHERE s.id = v.shift_id)"

SCHEMA = r"""
ALTER TABLE public.shifts ADD COLUMN postings bigint NOT NULL DEFAULT 0;
UPDATE public.shifts s SET postings = c.n
FROM (SELECT l.shift_id, count(*) AS n FROM public.ledger_transactions l
      WHERE l.shift_id IS NOT NULL GROUP BY l.shift_id) c
WHERE c.shift_id = s.id;

CREATE OR REPLACE FUNCTION cage.authority_limit(p_staff text, p_kind text) RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
BEGIN
    -- PL/pgSQL, not SQL: a SQL function with a FROM clause is planned again on every call (0025).
    RETURN (SELECT a.max_amount FROM cage.authority_limits a
            WHERE a.staff_id = p_staff AND a.kind = p_kind ORDER BY a.id DESC LIMIT 1);
END $$;
"""


def upgrade() -> None:
    conn = op.get_bind()
    op.execute(SCHEMA)
    patch_function(conn, "0025", _POST_SIGNATURE, _LOCK_PATCHES)
    for signature in _ANSWERS:
        patch_function(conn, "0025", signature, [(_COUNT_0017, _COUNT_0025)])


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
