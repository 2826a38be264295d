"""Wiring: open the ledger (configured server or embedded demo) once, in `__main__`."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..config import Config, database_url
from ..ledger import migrate
from ..ledger.db import make_engine
from ..ledger.embedded import EmbeddedLedger
from ..ledger.seed import seed_demo

log = logging.getLogger(__name__)

DEMO_DATABASE = "cashier"


@dataclass
class Services:
    """Everything the counter needs, opened once. Call `close()` when done."""

    config: Config
    engine: Engine
    embedded: EmbeddedLedger | None = None
    extras: dict = field(default_factory=dict)

    @property
    def currency(self):
        return self.config.currency

    def close(self) -> None:
        for closer in reversed(self.extras.get("_closers", [])):
            try:
                closer()
            except Exception:  # noqa: BLE001 - closing must go on
                log.exception("closing failed")
        self.engine.dispose()
        if self.embedded is not None:
            self.embedded.stop()

    def on_close(self, fn) -> None:
        self.extras.setdefault("_closers", []).append(fn)


def open_services(config: Config, *, url: str | None = None, migrate_schema: bool | None = None,
                  seed: bool | None = None, application_name: str = "cashier-desktop",
                  journal: bool = True) -> Services:
    """Open the ledger named by `url`/config, or the embedded demo ledger if none.

    Demo mode migrates and seeds by itself; a configured server is migrated only when asked
    (`db upgrade`), because a terminal's database role should not own the schema.
    With `journal` (the default for a terminal) postings go through the terminal's journal
    (`terminal/journaled.py`), and entries in doubt are resolved and replayed now; the relay
    and other non-terminal processes pass `journal=False`.
    """
    url = url or database_url(config)
    embedded = None
    if not url:
        data_dir = Path(config["terminal.data_dir"])
        data_dir.mkdir(parents=True, exist_ok=True)
        embedded = EmbeddedLedger(data_dir / "pgdata")
        url = embedded.ensure_database(DEMO_DATABASE)
        migrate_schema = True if migrate_schema is None else migrate_schema
        seed = True if seed is None else seed
    engine = make_engine(url, pool_size=config.get("ledger.pool_size", 5), application_name=application_name,
                         prepared_statements=config.get("ledger.prepared_statements", True))
    services = Services(config=config, engine=engine, embedded=embedded)
    try:
        if migrate_schema:
            migrate.upgrade(engine)
        if seed:
            with engine.connect() as conn:
                empty = conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM staff)")).scalar()
            if empty:
                seed_demo(engine, currency=config["currency.code"])
                store_config_policy(services)
        if journal:
            from .journaled import install_journal
            install_journal(services)
    except BaseException:
        services.close()
        raise
    return services


def store_config_policy(services: Services) -> None:
    """The demo ledger enforces this configuration's policy (as `db create-roles` does)."""
    from ..ledger.api_tables import store_policy
    from .auth import policy_of
    with services.engine.begin() as conn:
        store_policy(conn, policy_of(services))
