"""Merge the three heads (0005, 0006, 0007) into one; history is linear from here.

0002, 0003, 0005 and 0006 all branched from 0001 and 0007 merged only two of them, so a plain
`alembic upgrade head` refused and a later migration on one branch could silently undo
0007's changes. Every migration after this one names exactly one `down_revision`.
"""

revision = "0008"
down_revision = ("0005", "0006", "0007")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the merge point only."""


def downgrade() -> None:
    """Nothing to undo."""
