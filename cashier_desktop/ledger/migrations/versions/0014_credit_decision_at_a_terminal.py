"""A floor manager decides a credit request at a terminal login.

`cage.decide_credit` (0010) posts the credit line through `cage._post` naming the decider as
issuer and approver, but passed the decider's session only as the issuer's: at a terminal
login (not trusted) `_post` then asked the approver to "enter their PIN at this terminal",
so no floor manager could approve at a real counter (only the schema owner's tests could).
The decider authenticated once; that session is the approver's too.

Revision ID: 0014
Revises: 0013
"""
from alembic import op
from sqlalchemy import text

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SIGNATURE = "cage.decide_credit(uuid, bigint, boolean, numeric, text, uuid, text, text, text, text)"
ANCHOR = "p_session, NULL, NULL, 'credit request ' || p_request::text"
FIXED = "p_session, p_session, NULL, 'credit request ' || p_request::text"


def upgrade() -> None:
    conn = op.get_bind()
    source = conn.execute(text("SELECT pg_get_functiondef(to_regprocedure(:f))"), {"f": SIGNATURE}).scalar_one()
    if source.count(ANCHOR) != 1:
        raise RuntimeError(f"0014: {SIGNATURE} has {source.count(ANCHOR)} copies of its anchor; re-point it")
    op.execute(source.replace(ANCHOR, FIXED))
    conn.exec_driver_sql("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
