"""Only the shift's cashier posts into it (issue 17: "a second cashier posts into the first
one's shift").

Until now a terminal login's postings went into the terminal's open shift whoever made them:
a second cashier logged in at the same terminal (their own session, right PIN) could take a
deposit, pay a withdrawal, issue or redeem a marker or exchange currency in a drawer counted
and signed for by someone else, and an offline journal entry could attest any staff member.
The drawer's accountability is its cashier's (blind count, variance at close), so:

- `cage._post` (under `cage.post`, `cage.post_with_notes`, `cage.replay_offline`): a deposit,
  withdrawal, marker issue or redemption goes into the terminal's open shift only when the
  acting staff member (the session's, or the one an offline entry attests) is that shift's
  cashier. Corrections (reversal, adjustment) and credit lines are a supervisor's or floor
  manager's by design (REGULATORY.md: a correction is a new, approved posting by a
  supervisor) and stay as they were. The schema owner, trusted, may still post as anyone.
- `cage.exchange`: the same rule for the calling terminal's open shift.
- `cage.bank_transfer` already refuses a window side not signed by the drawer's cashier
  (0019); `cage.handover_shift` is how the drawer changes hands.

An offline entry taken before a handover names the outgoing shift, whose cashier it
attests: replayed while that shift is open it posts there; once the shift is handed over it
is refused (CA002, as before) rather than landing in the incoming cashier's drawer, and the
terminal refuses a handover while such entries wait (terminal/handover.py).

Refused with CA001 (NotAuthorized), as the other "not your drawer" refusals (0010's close,
0019's transfer), in one sentence that names the way out: a handover.

Revision ID: 0021
Revises: 0020
"""
from alembic import op
from sqlalchemy import text

from cashier_desktop.ledger.migration_patching import patch_function

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_NOT_YOURS = ("RAISE EXCEPTION 'Shift % at terminal % is %''s drawer and only they post into it: "
              "hand the drawer over first (a handover); nothing was posted.',\n")

_POST_PATCHES = [
    # after the shift is chosen (and locked), before the offline allowance is checked
    ("\n    IF p_offline THEN\n        SELECT * INTO t FROM cage.terminal_logins",
     "\n    -- Only the drawer's cashier posts cash into it (0021); corrections and credit lines\n"
     "    -- are a supervisor's or floor manager's by design, and the schema owner is trusted.\n"
     "    IF NOT c.trusted AND v_shift IS NOT NULL\n"
     "       AND p_kind IN ('deposit', 'withdrawal', 'marker_issue', 'marker_redeem')\n"
     "       AND EXISTS (SELECT 1 FROM public.shifts s WHERE s.id = v_shift AND s.staff_id <> st.staff_id) THEN\n"
     "        " + _NOT_YOURS +
     "            v_shift, v_terminal, (SELECT s.staff_id FROM public.shifts s WHERE s.id = v_shift)\n"
     "            USING ERRCODE = 'CA001';\n"
     "    END IF;\n"
     "\n    IF p_offline THEN\n        SELECT * INTO t FROM cage.terminal_logins"),
]

_EXCHANGE_PATCHES = [
    ("        RAISE EXCEPTION 'Terminal % has no open shift; open a shift before posting.', c.terminal "
     "USING ERRCODE = 'CA002';\n    END IF;\n",
     "        RAISE EXCEPTION 'Terminal % has no open shift; open a shift before posting.', c.terminal "
     "USING ERRCODE = 'CA002';\n    END IF;\n"
     "    -- Only the drawer's cashier exchanges cash in it (0021).\n"
     "    IF EXISTS (SELECT 1 FROM public.shifts s WHERE s.id = v_shift AND s.staff_id <> st.staff_id) THEN\n"
     "        " + _NOT_YOURS +
     "            v_shift, c.terminal, (SELECT s.staff_id FROM public.shifts s WHERE s.id = v_shift)\n"
     "            USING ERRCODE = 'CA001';\n"
     "    END IF;\n"),
]


def _patch_function(conn, signature: str, patches: list[tuple[str, str]]) -> None:
    patch_function(conn, "0021", signature, patches)  # ledger/migration_patching.py


def upgrade() -> None:
    conn = op.get_bind()
    _patch_function(conn, "cage._post(boolean, uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, "
                          "text, text, text, text, text, bigint)", _POST_PATCHES)
    _patch_function(conn, "cage.exchange(uuid, text, text, text, numeric, uuid, uuid, text, bigint, text, text)",
                    _EXCHANGE_PATCHES)
    conn.exec_driver_sql("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM PUBLIC")


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
