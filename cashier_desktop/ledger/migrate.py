"""Apply the Alembic migrations shipped inside the package (`cashier-desktop db upgrade`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate to the newest schema. Safe to run twice; concurrent runs serialise on a lock."""
    cfg = alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7217001)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def current_heads(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())
