"""How a migration changes a function an earlier migration made: patch it, do not restate it.

Re-creating a function from a copy of its old source would silently undo whatever another
migration changed in it since. So a migration reads the function's current definition,
replaces each anchor exactly once, and re-creates it; an anchor found zero or several times
fails the upgrade ("re-point the patch") instead of patching the wrong place. Used by
migrations 0013, 0016, 0019 and 0021.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection


def patch_function(conn: Connection, migration: str, signature: str, patches: list[tuple[str, str]]) -> None:
    """Re-create `signature` from its current definition with each anchor replaced once."""
    from alembic import op
    source = conn.execute(text("SELECT pg_get_functiondef(to_regprocedure(:f))"), {"f": signature}).scalar_one()
    for anchor, replacement in patches:
        count = source.count(anchor)
        if count != 1:
            raise RuntimeError(f"{migration}: {signature} has {count} copies of {anchor.strip()!r}; "
                               "re-point the patch")
        source = source.replace(anchor, replacement)
    op.execute(source)
