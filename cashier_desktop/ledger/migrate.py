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
    """Migrate to the newest schema. Safe to run twice; concurrent runs serialise on a lock.

    On a database whose logins `db create-roles` already made, the roles are refreshed after
    the migration: a function a migration adds must be owned by the API's owner and callable
    by the logins that need it at once, or the terminals break (or, worse, the new function
    runs with the schema owner's rights) until someone remembers to run create-roles again.
    """
    cfg = alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7217001)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    prefix = roles_prefix(engine)
    if prefix is not None:
        from .roles import create_roles
        create_roles(engine, prefix=prefix)


def roles_prefix(engine: Engine) -> str | None:
    """The prefix of the roles `db create-roles` made for this database (None before it ran):
    read from the owner of its API functions, `<prefix>_api_owner`."""
    from sqlalchemy import text
    from .api_owner import API_SCHEMAS
    with engine.connect() as conn:
        owners = conn.execute(text("""
            SELECT DISTINCT pg_get_userbyid(p.proowner) FROM pg_proc p
            WHERE p.prosecdef AND p.pronamespace::regnamespace::text = ANY(:s)
              AND pg_get_userbyid(p.proowner) LIKE '%\\_api\\_owner'"""),
            {"s": list(API_SCHEMAS)}).scalars().all()
    if len(owners) != 1:
        return None
    return owners[0][: -len("_api_owner")]


def current_heads(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())
