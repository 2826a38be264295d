"""The composition root: the terminal's parts are built here once, typed, when a program
starts (the GUI's `__main__`, each CLI command, the relay) — never at import time."""

from __future__ import annotations

import logging
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sqlalchemy.engine import Engine

from ..config import Config, database_url
from ..domain.policy import Policy
from ..ledger import migrate
from ..ledger.api import Ledger
from ..ledger.db import make_engine
from ..ledger.embedded import EmbeddedLedger
from ..ledger.seed import needs_seeding, seed_bank, seed_demo
from .ledger_port import CageLedger
from .local import DirectSide, JournaledSide, LocalSide

if TYPE_CHECKING:
    from ..monitoring.refusals import RefusalLog
    from ..realtime.feed_base import FeedCore
    from .heartbeat import Heartbeat

log = logging.getLogger(__name__)

DEMO_DATABASE = "cashier"


class Services:
    """The terminal, wired once (the composition root): configuration, the ledger's engine
    and the ledger port bound to it (`ledger`: what the services call), the local side (journal, link and poster, or straight to the ledger), the cage policy,
    the heartbeat sender, the live feed once opened. Call `close()` when done.

    `local` is a `JournaledSide` for a cage terminal and a `DirectSide` for the relay, admin
    tools and tests of the ledger alone: callers use it the same way either way. `ledger` is
    the PostgreSQL `ledger.api.Ledger` unless a test passes a fake of the port.
    """

    def __init__(self, config: Config, engine: Engine, embedded: EmbeddedLedger | None = None,
                 local: LocalSide | None = None, ledger: CageLedger | None = None) -> None:
        self.config, self.engine, self.embedded = config, engine, embedded
        self.ledger: CageLedger = ledger if ledger is not None else Ledger(engine)
        self.local: LocalSide = local if local is not None else DirectSide(engine)
        # The terminal's live balance feed (`terminal.live.open_live_feed` sets it; None for
        # the CLI, the relay and tests of the ledger alone): its state and the age of its
        # last event go into the heartbeat. Stopped with the services.
        self.live_feed: FeedCore | None = None
        self._closers: list[Callable[[], None]] = []

    @property
    def currency(self):
        return self.config.currency

    @cached_property
    def policy(self) -> Policy:
        """The cage policy from the configuration (built on first use)."""
        return Policy.from_values(self.config.values)

    @cached_property
    def heartbeat(self) -> "Heartbeat":
        """The one heartbeat sender of this terminal (the dashboard's liveness)."""
        from .heartbeat import Heartbeat
        return Heartbeat(self.engine, self.config.terminal_id)

    @cached_property
    def database_decides(self) -> bool:
        """True when this login is bound to a terminal (`add-login --terminal-id`): the
        posting API then checks staff, shift and large cash itself. Asked once."""
        from ..ledger.api_tables import bound_terminal
        return bound_terminal(self.engine) is not None

    @cached_property
    def refusal_log(self) -> "RefusalLog":
        """Refused postings, recorded for the dashboard on a thread started on first use."""
        from ..monitoring.refusals import RefusalLog
        log_ = RefusalLog(self.engine)
        self.on_close(log_.close)
        return log_

    @cached_property
    def announcer(self):
        """Broadcasts a monitoring decision to the cage (None when Pusher is not configured
        or misconfigured: corrections still work, unannounced)."""
        from ..monitoring.announce import announcer_from_config
        try:
            announcer = announcer_from_config(self.config)
        except Exception as exc:  # noqa: BLE001 - Pusher misconfigured: corrections still work
            log.warning("alerts will not be broadcast: %s", exc)
            return None
        if announcer is not None:
            self.on_close(announcer.close)
        return announcer

    def close(self) -> None:
        for closer in reversed(self._closers):
            try:
                closer()
            except Exception:  # noqa: BLE001 - closing must go on
                log.exception("closing failed")
        try:
            self.local.close()
        except Exception:  # noqa: BLE001 - closing must go on
            log.exception("closing the journal failed")
        self.engine.dispose()
        if self.embedded is not None:
            self.embedded.stop()

    def on_close(self, fn: Callable[[], None]) -> None:
        self._closers.append(fn)


def open_services(config: Config, *, url: str | None = None, migrate_schema: bool | None = None,
                  seed: bool | None = None, application_name: str = "cashier-desktop",
                  journal: bool = True) -> Services:
    """Open the ledger named by `url`/config, or the embedded demo ledger if none.

    Demo mode migrates and seeds by itself; a configured server is migrated only when asked
    (`db upgrade`), because a terminal's database role should not own the schema.
    With `journal` (the default for a terminal) postings go through the terminal's journal
    (`JournaledSide`), and entries in doubt are resolved and replayed now; the relay and
    other non-terminal processes pass `journal=False` (`DirectSide`).
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
            if needs_seeding(engine):
                seed_demo(engine, currency=config["currency.code"])
                store_config_policy(services)
                seed_bank(engine)  # through the API, which needs the policy just stored
        if journal:
            open_journal(services)
    except BaseException:
        services.close()
        raise
    return services


def open_journal(services: Services, *, start_replay: bool = True) -> JournaledSide:
    """Make `services` a cage terminal: postings go through its journal from now on.

    With `start_replay`, entries in doubt are looked up and pending ones replayed now; a
    ledger that cannot be reached just leaves the terminal offline.
    """
    local = JournaledSide.open(services.config, services.engine,
                               batch_size=int(os.environ.get("CASHIER_REPLAY_BATCH", "200")))
    services.local = local
    if start_replay:
        try:
            local.replay()
        except Exception:  # noqa: BLE001 - e.g. a database not migrated yet (`db upgrade`)
            log.warning("journal start-up replay skipped", exc_info=True)
    return local


def store_config_policy(services: Services) -> None:
    """The demo ledger enforces this configuration's policy (as `db create-roles` does)."""
    services.ledger.store_policy(services.policy)
