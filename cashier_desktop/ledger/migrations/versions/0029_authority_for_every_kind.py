"""Authority limits for every transaction type, not only the counter's (issue 17).

0013 let a supervisor set a staff member's limit for a posting kind or an exchange, and
`cage.check_authority` ran inside `cage._post` (so reversals, adjustments and credit lines
were already checked once a limit was stored) and `cage.exchange`. Two kinds of money
movement had no limit a supervisor could set: transfers with the main bank and temporary
credit lines. This migration adds them.

- **`cage.set_authority_limit`** accepts, besides the posting kinds and `exchange`, the
  transfers `fill`, `credit`, `fund`, `remit` (the names `public.bank_transfers.kind` and the
  `bank` command use) and `temporary_credit`.
- **`cage.bank_transfer`** gains a last argument, `p_approver_session` (default NULL). A
  transfer already carries two signatures; each signer's own limit for its kind is checked
  (`cage.check_authority`, after a same-id retry is answered), so a signer above it needs a
  third person who holds the `authorise_dual_control` right, is neither signer, and whose own
  limit (if set) covers the amount. The approver is kept in the new column
  `public.bank_transfers.approver_id` and in the audit row. Adding an argument changes the
  function's identity: the old one is dropped and the new one made from its current definition (0021's and 0023's changes kept), with its owner and EXECUTE grants
  (`give_like`), so roles made by `db create-roles` before the upgrade keep working.
- **`cage.grant_temporary_credit`** runs `cage.check_authority(requester, approver,
  'temporary_credit', …)`: the requester's limit is exceeded by any line above it, which the
  approver (always a second person) covers only within their own limit.

Handovers get no limit: the two counts must agree, so a handover moves no money between
people; a variance is a close's, and a supervisor signs it off (0019).

Revision ID: 0029
Revises: 0028
"""
from alembic import op
from sqlalchemy import text

from cashier_desktop.ledger.migration_patching import give_like, owner_and_grantees, patch_function

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

OLD_TRANSFER = "cage.bank_transfer(uuid, text, text, numeric, uuid, uuid, text, text)"
NEW_TRANSFER = "cage.bank_transfer(uuid, text, text, numeric, uuid, uuid, text, text, uuid)"

# The types besides the posting kinds (cage.kind_actions) a limit may be set for.
OTHER_TYPES = "'exchange', 'fill', 'credit', 'fund', 'remit', 'temporary_credit'"

_SET_LIMIT_PATCHES = [
    ("p_kind <> 'exchange' AND NOT EXISTS",
     f"p_kind NOT IN ({OTHER_TYPES}) AND NOT EXISTS"),
]

_TEMPORARY_PATCHES = [
    ("    SELECT p.current_credit INTO v_drawn FROM public.players p WHERE p.id = p_player FOR NO KEY UPDATE;\n",
     "    PERFORM cage.check_authority(st.staff_id, ap.staff_id, 'temporary_credit', p_limit::numeric(14,2),\n"
     "                                 pol.currency);\n"
     "    SELECT p.current_credit INTO v_drawn FROM public.players p WHERE p.id = p_player FOR NO KEY UPDATE;\n"),
]

_TRANSFER_PATCHES = [
    ("p_terminal text DEFAULT NULL::text)",
     "p_terminal text DEFAULT NULL::text, p_approver_session uuid DEFAULT NULL::uuid)"),
    ("c record; snd record; rcv record;", "c record; snd record; rcv record; ap record; v_approver text;"),
    # after the same-id replay (a retry is answered as before), before anything is written
    ("    v_bank_delta := CASE WHEN p_kind IN ('fill', 'remit') THEN -p_amount ELSE p_amount END;\n",
     "    -- Authority per signer and type (0029): above a signer's limit a third person approves.\n"
     "    IF p_approver_session IS NOT NULL THEN\n"
     "        SELECT * INTO ap FROM cage.session_with_right(p_approver_session, 'authorise_dual_control');\n"
     "        v_approver := ap.staff_id;\n"
     "        IF ap.staff_id IN (snd.staff_id, rcv.staff_id) THEN\n"
     "            RAISE EXCEPTION\n"
     "                'The approver must be someone other than the two who sign (%); nothing was posted.',\n"
     "                ap.staff_id USING ERRCODE = 'CA001';\n"
     "        END IF;\n"
     "    END IF;\n"
     "    PERFORM cage.check_authority(snd.staff_id, v_approver, p_kind, p_amount::numeric(14,2), pol.currency);\n"
     "    PERFORM cage.check_authority(rcv.staff_id, v_approver, p_kind, p_amount::numeric(14,2), pol.currency);\n"
     "    v_bank_delta := CASE WHEN p_kind IN ('fill', 'remit') THEN -p_amount ELSE p_amount END;\n"),
    ("shift_id, terminal_id, sender_id, receiver_id, reason, db_login)",
     "shift_id, terminal_id, sender_id, receiver_id, reason, db_login, approver_id)"),
    ("sh.id, v_terminal, snd.staff_id, rcv.staff_id, nullif(btrim(p_reason), ''), session_user)",
     "sh.id, v_terminal, snd.staff_id, rcv.staff_id, nullif(btrim(p_reason), ''), session_user, v_approver)"),
    ("'receiver', rcv.staff_id, 'shift_id', sh.id,",
     "'receiver', rcv.staff_id, 'approver', v_approver, 'shift_id', sh.id,"),
]


def _new_transfer_source(conn) -> str:
    """The current `cage.bank_transfer` with the approver added (anchors found once each)."""
    source = conn.execute(text("SELECT pg_get_functiondef(to_regprocedure(:f))"), {"f": OLD_TRANSFER}).scalar_one()
    for anchor, replacement in _TRANSFER_PATCHES:
        if source.count(anchor) != 1:
            raise RuntimeError(f"0029: {OLD_TRANSFER} has {source.count(anchor)} copies of {anchor.strip()!r}; "
                               "re-point the patch")
        source = source.replace(anchor, replacement)
    return source


def upgrade() -> None:
    conn = op.get_bind()
    patch_function(conn, "0029", "cage.set_authority_limit(uuid, text, text, numeric, text)", _SET_LIMIT_PATCHES)
    patch_function(conn, "0029", "cage.grant_temporary_credit(uuid, uuid, text, numeric, timestamp with time zone, "
                                 "text)", _TEMPORARY_PATCHES)
    op.execute("ALTER TABLE public.bank_transfers ADD COLUMN approver_id varchar(32) REFERENCES public.staff(id), "
               "ADD CHECK (approver_id IS NULL OR approver_id NOT IN (sender_id, receiver_id))")
    owner, had_acl, grantees = owner_and_grantees(conn, OLD_TRANSFER)
    source = _new_transfer_source(conn)
    op.execute(f"DROP FUNCTION {OLD_TRANSFER}")
    op.execute(source)
    give_like(conn, NEW_TRANSFER, owner, had_acl, grantees)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
