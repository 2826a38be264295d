"""Realtime: outbox indexes for the relay, running totals in the event payload.

- `balance_events_pending_by_player`: the relay publishes a player's event only when no
  earlier unpublished event of that player is held by another relay (per-player order
  with two relays at once); this index answers that check without a scan.
- `balance_events_published_at`: pruning published rows after the retention.
- The payload keeps the portal's keys and adds `totalDeposits` and `totalWithdrawals`,
  so a terminal can rebuild a full balance from an event (the portal ignores extra keys).

Revision ID: 0003
Revises: 0001
"""
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE INDEX balance_events_pending_by_player ON balance_events (player_id, id)
    WHERE published_at IS NULL;
CREATE INDEX balance_events_published_at ON balance_events (published_at)
    WHERE published_at IS NOT NULL;

CREATE OR REPLACE FUNCTION balance_payload(p players) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'playerId', p.id,
        'version', p.version,
        'cashBalance', p.balance::text,
        'creditBalance', p.current_credit::text,
        'creditLimit', p.credit_limit::text,
        'creditApproved', p.credit_approved,
        'totalBalance', (p.balance + p.current_credit)::text,
        'totalDeposits', p.total_deposits::text,
        'totalWithdrawals', p.total_withdrawals::text)
$$;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
