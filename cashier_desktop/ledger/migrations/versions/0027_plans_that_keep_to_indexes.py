"""A posting's plans keep to their indexes however its tables grew since they were made
(issue 14, throughput; the trap 0007 and 0012 each closed for one statement).

PL/pgSQL keeps the plan of each statement for the life of the connection. After five calls
it may switch to a generic plan, costed with the table statistics of that moment. While a
table is small — a new install, the first minutes of a benchmark, `cash_totals` just
rebuilt by a policy change — a sequential scan is the cheapest plan for a point lookup, and
the kept plan stays a sequential scan until the next ANALYZE of that table. Every posting
then reads the whole table.

Found with `auto_explain` (nested statements) on the benchmark's own server, pgbench running
the API's statement: the read of the day's running total (0012: "a static primary-key range
read") was a sequential scan of `cage.cash_totals`, 1,540 rows for one answer after 6 s,
about a quarter of `cage._post`'s time at one connection and growing with every posting.
The terminal's own posting also locks its open shift by terminal (0025), a lookup of the
same kind on `shifts`, which gains a row every shift; the answer reads the shift and the
staff row by key.

PostgreSQL has no per-statement plan hints. `enable_seqscan = off` for the duration of the
API's posting functions (and of everything they call: triggers, foreign-key checks, helper
functions) makes a sequential scan the planner's last resort instead of forbidding it. Every
lookup a posting makes has an index to use, so each stays a few index pages whatever the
statistics said when its plan was made; a table with no usable index (the one-row policy) is
still scanned. Nothing a posting decides or writes changes.

Revision ID: 0027
Revises: 0026
"""
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

# The functions a posting runs through: the answers a terminal calls (0017, 0022) and the
# posting itself; other callers of `_post` (credit decisions) inherit it from there.
POSTING_FUNCTIONS = [
    ("cage._post(boolean, uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, "
     "text, text, text, text, text, bigint)"),
    "cage.post(uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, text, text, text, text, text, bigint)",
    "cage.replay_offline(uuid, text, text, text, numeric, text, text, text, text, text, text, bigint)",
    ("cage.post_with_notes(uuid, text, text, text, numeric, text, uuid, jsonb, jsonb, uuid, text, "
     "text, text, text, text, text, bigint)"),
    ("cage.replay_offline_with_notes(uuid, text, text, text, numeric, text, text, jsonb, jsonb, "
     "text, text, text, text, bigint)"),
]


def upgrade() -> None:
    for signature in POSTING_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {signature} SET enable_seqscan = off")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
