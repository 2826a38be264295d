"""A terminal learns its login's offline allowance; refusals on replay reach the dashboard.

- `cage.offline_allowance()`: the calling login's own binding (terminal, per-posting and
  per-shift offline allowance), nothing for anyone else. The terminal reads it whenever it
  reaches the ledger and keeps it in its journal, so it never takes offline what
  `cage.replay_offline` will refuse (CA016).
- `terminal_heartbeats.refused_entries` and `cage.terminal_refused_entries(terminal, count)`:
  how many journal entries the ledger refused on replay and no supervisor resolved yet —
  cash in a drawer the ledger does not have. Written for the calling login's own heartbeat
  row only, so the supervisor's monitor can name the terminal.

Revision ID: 0020
Revises: 0014
"""
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE FUNCTION cage.offline_allowance(OUT terminal_id text, OUT offline_limit numeric,
        OUT offline_total numeric)
RETURNS SETOF record LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT t.terminal_id, t.offline_limit, t.offline_total
    FROM cage.terminal_logins t WHERE t.login = session_user
$$;

ALTER TABLE public.terminal_heartbeats ADD COLUMN refused_entries integer NOT NULL DEFAULT 0;

CREATE FUNCTION cage.terminal_refused_entries(p_terminal text, p_count integer)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE public.terminal_heartbeats h SET refused_entries = greatest(coalesce(p_count, 0), 0)
    WHERE h.terminal_id = p_terminal AND h.db_login = session_user;
END $$;

REVOKE ALL ON FUNCTION cage.offline_allowance() FROM PUBLIC;
REVOKE ALL ON FUNCTION cage.terminal_refused_entries(text, integer) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    raise RuntimeError("the ledger is never downgraded: records are kept")
