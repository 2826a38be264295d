"""Operator commands: `backup settings|base|restore` (and `cluster status`, see ops/failover)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from . import EXIT_FINDINGS, EXIT_REFUSED, load, print_json


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="base backups, WAL archiving and point-in-time restore of the ledger")
    bsub = b.add_subparsers(dest="backup_command", required=True)
    s = bsub.add_parser("settings", help="print the postgresql.conf lines that archive WAL into a directory")
    s.add_argument("--archive", required=True, help="the WAL archive directory (writable by the server)")
    s.set_defaults(func=cmd_settings)
    base = bsub.add_parser("base", help="pg_basebackup of the ledger server (a role with REPLICATION)")
    base.add_argument("--to", required=True, help="a new directory for the backup")
    base.set_defaults(func=cmd_base)
    r = bsub.add_parser("restore", help="prepare a data directory that replays the archive up to a time")
    r.add_argument("--base", required=True, help="a base backup made by `backup base`")
    r.add_argument("--archive", required=True, help="the WAL archive directory")
    r.add_argument("--pgdata", required=True, help="a new, empty data directory for the restored server")
    r.add_argument("--target-time", help="ISO time with zone; postings committed from then on are not restored")
    r.set_defaults(func=cmd_restore)

    c = sub.add_parser("cluster", help="the ledger servers: which is primary, replication lag")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_cluster)


def _fail(message: str) -> int:
    print(f"cashier-desktop: {message}", file=sys.stderr)
    return EXIT_REFUSED


def cmd_settings(args) -> int:
    from ..ops.backup import archive_settings, conf_lines
    print(conf_lines(archive_settings(Path(args.archive).resolve())), end="")
    return 0


def cmd_base(args) -> int:
    from ..config import database_url
    from ..ops.backup import BackupError, base_backup
    url = args.database_url or database_url(load(args))
    if not url:
        return _fail("no ledger server is configured (ledger.url or --database-url): nothing to back up")
    try:
        dest = base_backup(url, Path(args.to).resolve())
    except BackupError as exc:
        return _fail(str(exc))
    print(f"base backup written to {dest}")
    return 0


def cmd_restore(args) -> int:
    from ..ops.backup import BackupError, prepare_restore
    target = None
    if args.target_time:
        try:
            target = datetime.fromisoformat(args.target_time)
        except ValueError:
            return _fail(f"--target-time {args.target_time!r} is not an ISO date-time (2026-12-04T11:30:00+00:00)")
    try:
        pgdata = prepare_restore(Path(args.base).resolve(), Path(args.archive).resolve(),
                                 Path(args.pgdata).resolve(), target_time=target)
    except BackupError as exc:
        return _fail(str(exc))
    print(f"restore prepared in {pgdata}: start a server on it (pg_ctl -D {pgdata} start, as the postgres user);")
    print("it replays the archive, then opens. Before reopening the cage run `cashier-desktop integrity` and")
    print("`cashier-desktop reconcile --terminal T --from D --to D` on every terminal: postings after the")
    print("target are listed as \"only in the journal\", for a supervisor to post again.")
    return 0


def cmd_cluster(args) -> int:
    from ..config import database_url
    from ..ops.failover import cluster_status
    url = args.database_url or database_url(load(args))
    if not url:
        return _fail("no ledger server is configured: the embedded demo ledger has no standby")
    status = cluster_status(url)
    if args.json:
        print_json(status.to_json())
    else:
        for line in status.lines():
            print(line)
    return 0 if status.healthy else EXIT_FINDINGS
