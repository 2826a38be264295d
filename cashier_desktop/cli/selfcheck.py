"""`cashier-desktop selfcheck`: can this installation work? Headless, for installers and CI.

Opens what a terminal needs and says, one line each, whether it works: the configuration,
the bundled resources, Qt (offscreen, with the SVG icon rendered, which proves the image
plugins are there), the system libraries the window needs on a counter PC (one sentence per
missing one, naming its package), the ledger (reachable, schema at the newest migration, readable by this
database role), with a multi-host ledger URL the cluster (which node is primary, the standby
synchronous, the replication lag), and the journal (opens, its hash chain verifies). Exit 0 when every check
passes, 1 when any fails; it never posts or changes anything in the ledger. The journal
file is created if it is missing, as the terminal itself would on its first start.
"""

from __future__ import annotations

import argparse
import logging
import os
from dataclasses import dataclass
from typing import Callable

from . import EXIT_FINDINGS, load, print_json

log = logging.getLogger(__name__)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str

    def to_json(self) -> dict:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("selfcheck", help="check this installation headlessly (exit 0 ok, 1 a check failed)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-qt", action="store_true", help="skip the Qt and system-library checks (servers without GUI libraries)")
    p.set_defaults(func=cmd_selfcheck)


def _run(name: str, fn: Callable[[], str]) -> Check:
    try:
        return Check(name, True, fn())
    except Exception as exc:  # noqa: BLE001 - every failure becomes a line of the report
        log.debug("selfcheck %s failed", name, exc_info=True)
        return Check(name, False, str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)


def check_resources() -> str:
    from ..resources import resource_path, resources_dir
    for parts in (("icons", "cashier-desktop.svg"), ("style.qss",), ("config.sample.toml",)):
        resource_path(*parts)
    return f"{resources_dir()}"


def check_qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore
    from PySide6.QtGui import QGuiApplication, QIcon
    from ..resources import resource_path
    app = QGuiApplication.instance() or QGuiApplication(["cashier-desktop-selfcheck"])  # noqa: F841
    pixmap = QIcon(str(resource_path("icons", "cashier-desktop.svg"))).pixmap(32, 32)
    if pixmap.isNull():
        raise RuntimeError("Qt cannot render the SVG icon: the image format plugins are missing")
    return f"Qt {QtCore.qVersion()}, platform {QGuiApplication.platformName()}, SVG icon renders"


def check_syslibs() -> str:
    from ..ops import syslibs
    required, optional = syslibs.check()
    if required:
        raise RuntimeError(" ".join(required))
    return "the window's system libraries are present" + (f"; {' '.join(optional)}" if optional else "")


def check_ledger(services) -> str:
    from ..ledger import migrate
    from ..ledger.queries import server_facts
    from alembic.script import ScriptDirectory
    engine = services.engine
    facts = server_facts(engine)
    wanted = set(ScriptDirectory.from_config(migrate.alembic_config()).get_heads())
    current = migrate.current_heads(engine)
    if current != wanted:
        missing = ", ".join(sorted(wanted - current)) or "none"
        raise RuntimeError(f"the schema is not at the newest migration (database at "
                           f"{', '.join(sorted(current)) or 'nothing'}; missing {missing}): "
                           "run `cashier-desktop db upgrade` as the schema owner")
    where = "embedded demo ledger" if services.embedded is not None else engine.url.render_as_string(hide_password=True)
    return (f"{where}: PostgreSQL {facts.version} as {facts.user}, schema at {', '.join(sorted(current))}, "
            f"{facts.players} players readable")


def check_cluster(services) -> str:
    """With a multi-host ledger URL: which node is primary, the standby synchronous, the lag."""
    from ..ops.failover import cluster_status
    status = cluster_status(services.engine.url.render_as_string(hide_password=False))
    summary = "; ".join(status.lines())
    if not status.healthy:
        raise RuntimeError(summary)
    return summary


def check_journal(config) -> str:
    path = config["terminal.journal"]
    from ..journal.store import Journal
    journal = Journal(path, terminal_id=config.terminal_id)
    try:
        findings = journal.verify()
        if findings:
            raise RuntimeError(f"{path}: {len(findings)} findings; run `cashier-desktop journal verify`")
        pending = journal.pending_count()
    finally:
        journal.close()
    return f"{path}: chain verifies, {pending} pending"


def cmd_selfcheck(args) -> int:
    checks: list[Check] = []
    config = None
    try:
        config = load(args)
        checks.append(Check("config", True, str(config.path or "no file: defaults and environment")))
    except Exception as exc:  # noqa: BLE001 - reported like every other check
        checks.append(Check("config", False, str(exc)))
    checks.append(_run("resources", check_resources))
    if not args.no_qt:
        checks.append(_run("qt", check_qt))
        checks.append(_run("syslibs", check_syslibs))
    if config is not None:
        from ..terminal.services import open_services
        services = None
        try:
            # No journal here: opening it through the services would replay pending
            # entries into the ledger, and a self-check never posts.
            services = open_services(config, journal=False)
        except Exception as exc:  # noqa: BLE001
            checks.append(Check("ledger", False, str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)))
        if services is not None:
            try:
                checks.append(_run("ledger", lambda: check_ledger(services)))
                from ..ops.failover import hosts
                if services.embedded is None and len(hosts(services.engine.url.render_as_string(False))) > 1:
                    checks.append(_run("cluster", lambda: check_cluster(services)))
            finally:
                services.close()
        checks.append(_run("journal", lambda: check_journal(config)))
    failed = [c for c in checks if not c.ok]
    if args.json:
        print_json({"ok": not failed, "checks": [c.to_json() for c in checks]})
    else:
        for c in checks:
            print(f"{'ok  ' if c.ok else 'FAIL'}  {c.name:<9} {c.detail}")
        print("selfcheck: all checks passed" if not failed else
              f"selfcheck: {len(failed)} of {len(checks)} checks failed")
    return EXIT_FINDINGS if failed else 0
