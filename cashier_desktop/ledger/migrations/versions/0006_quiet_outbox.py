"""Wake only sleeping outbox consumers: NOTIFY serialises every notifying commit.

A transaction that NOTIFYs takes a database-wide lock on the notification queue at commit
and holds it through the commit's WAL flush, so with a NOTIFY in every posting all
terminals' commits queued behind one another (8 connections posted slower than 1). The
outbox trigger now NOTIFYs only while some consumer (relay, watch, LISTEN feed) has said it
is asleep in `outbox_sleepers`; a busy consumer polls instead. The outbox table stays the
durable record; a NOTIFY was only ever a wake-up.

Revision ID: 0006
Revises: 0001
"""
from alembic import op

revision = "0006"
down_revision = "0001"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- Postings update only non-indexed columns of players: leave room on each page so those
-- updates stay HOT (no index writes) instead of moving the row to another page.
ALTER TABLE players SET (fillfactor = 85);

CREATE TABLE outbox_sleepers (
    pid   integer PRIMARY KEY,   -- the backend of the consumer's LISTEN connection
    name  text NOT NULL,
    since timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE OR REPLACE FUNCTION players_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version <> OLD.version THEN
        INSERT INTO balance_events (player_id, version, payload, old_values)
        VALUES (NEW.id, NEW.version, balance_payload(NEW), balance_payload(OLD));
        IF EXISTS (SELECT 1 FROM outbox_sleepers) THEN
            PERFORM pg_notify('balance_events', NEW.id);
        END IF;
    END IF;
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
