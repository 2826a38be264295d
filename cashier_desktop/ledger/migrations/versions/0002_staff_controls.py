"""Staff controls: approver rules enforced by the database, shift guard, MTL log.

The service checks roles and policy before anything moves; these triggers are the second
line: whoever inserts a ledger row (the terminal, a script, a DBA), the database refuses
one whose approver is missing, disabled, of the wrong role or the issuer themselves where
independence is required, and one posted into a shift that is not open.

Refusals use two private SQLSTATEs, mapped to domain errors in `ledger/db.py`:
`CA001` → NotAuthorized, `CA002` → ShiftNotOpen. Their messages are sentences.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UPGRADE = r"""
ALTER TABLE shifts ADD COLUMN needs_signoff boolean NOT NULL DEFAULT false;
CREATE INDEX shifts_by_status ON shifts (status, id);

ALTER TABLE credit_requests ADD CONSTRAINT credit_decider_independent
    CHECK (decided_by IS NULL OR decided_by <> requested_by);
CREATE INDEX credit_requests_pending ON credit_requests (id) WHERE status = 'pending';

CREATE INDEX audit_by_staff ON audit_log (staff_id, at);
CREATE INDEX ledger_by_player_time ON ledger_transactions (player_id, created_at);
-- The few postings that carry an identification document (the CTR report's lookup).
CREATE INDEX ledger_with_identification ON ledger_transactions (player_id, seq) WHERE id_type IS NOT NULL;

-- Multiple transaction log: one row per cash posting at or over the log threshold for its
-- player, direction and gaming day. Append-only, like the ledger.
CREATE TABLE mtl_entries (
    id           bigserial PRIMARY KEY,
    posting_id   uuid NOT NULL UNIQUE REFERENCES ledger_transactions(id),
    player_id    varchar(64) NOT NULL,
    gaming_day   date NOT NULL,
    direction    text NOT NULL CHECK (direction IN ('in', 'out')),
    kind         text NOT NULL,
    amount       numeric(14,2) NOT NULL,
    day_total    numeric(14,2) NOT NULL,
    currency     char(3) NOT NULL,
    staff_id     varchar(32) NOT NULL,
    terminal_id  text NOT NULL DEFAULT '',
    posted_at    timestamptz NOT NULL,
    logged_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX mtl_by_day ON mtl_entries (gaming_day, player_id);
CREATE TRIGGER mtl_append_only BEFORE UPDATE OR DELETE ON mtl_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER mtl_no_truncate BEFORE TRUNCATE ON mtl_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE FUNCTION ledger_check_controls() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    a staff%ROWTYPE;
    s record;
BEGIN
    -- A retry of an accepted posting must reach the primary-key conflict and get its
    -- original receipt back, whatever changed since.
    IF EXISTS (SELECT 1 FROM ledger_transactions WHERE id = NEW.id) THEN
        RETURN NEW;
    END IF;
    IF NEW.shift_id IS NOT NULL THEN
        -- A key-share lock (the one the foreign key takes anyway, so it costs nothing more).
        -- Closing a shift locks its row FOR UPDATE, which conflicts with it: a posting either
        -- lands before the count's expected figure is computed or is refused after it.
        SELECT status, terminal_id INTO s FROM shifts WHERE id = NEW.shift_id FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'Shift % does not exist; nothing was posted.', NEW.shift_id
                USING ERRCODE = 'CA002';
        END IF;
        IF s.status <> 'open' THEN
            RAISE EXCEPTION 'Shift % is closed; open a shift on this terminal first. Nothing was posted.',
                NEW.shift_id USING ERRCODE = 'CA002';
        END IF;
        IF s.terminal_id <> NEW.terminal_id THEN
            RAISE EXCEPTION 'Shift % belongs to terminal %, not %; nothing was posted.',
                NEW.shift_id, s.terminal_id, NEW.terminal_id USING ERRCODE = 'CA002';
        END IF;
    END IF;
    IF NEW.approver_id IS NULL THEN
        IF NEW.kind IN ('reversal', 'adjust_in', 'adjust_out', 'credit_line') THEN
            RAISE EXCEPTION 'A % needs an approver; nothing was posted.', replace(NEW.kind, '_', ' ')
                USING ERRCODE = 'CA001';
        END IF;
        RETURN NEW;
    END IF;
    SELECT * INTO a FROM staff WHERE id = NEW.approver_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no staff member “%” to approve this; nothing was posted.',
            NEW.approver_id USING ERRCODE = 'CA001';
    END IF;
    IF NOT a.active THEN
        RAISE EXCEPTION 'Staff member % is disabled and cannot approve; nothing was posted.',
            a.id USING ERRCODE = 'CA001';
    END IF;
    IF NEW.kind IN ('reversal', 'adjust_in', 'adjust_out') AND a.role <> 'supervisor' THEN
        RAISE EXCEPTION 'Only a supervisor can approve a % (% is a %); nothing was posted.',
            replace(NEW.kind, '_', ' '), a.id, replace(a.role, '_', ' ') USING ERRCODE = 'CA001';
    END IF;
    IF a.role NOT IN ('floor_manager', 'supervisor') THEN
        RAISE EXCEPTION 'Staff member % is a % and cannot approve; nothing was posted.',
            a.id, replace(a.role, '_', ' ') USING ERRCODE = 'CA001';
    END IF;
    IF NEW.kind IN ('deposit', 'withdrawal', 'marker_issue', 'marker_redeem')
       AND NEW.approver_id = NEW.staff_id THEN
        RAISE EXCEPTION 'The approver must be someone other than the issuer (%); nothing was posted.',
            NEW.staff_id USING ERRCODE = 'CA001';
    END IF;
    IF NEW.kind = 'credit_line' AND a.role = 'floor_manager' AND a.approval_limit IS NOT NULL
       AND NEW.amount > a.approval_limit THEN
        RAISE EXCEPTION 'The limit % is above the approval authority of % (%); nothing was posted.',
            NEW.amount, a.id, a.approval_limit USING ERRCODE = 'CA001';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_controls BEFORE INSERT ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_check_controls();
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
