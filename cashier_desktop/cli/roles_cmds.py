"""`db create-roles` and `db add-login`: least-privilege database roles (ledger/roles.py)."""

from __future__ import annotations

import argparse
import os

from ..domain.errors import InvalidInput
from . import open_from_args


def _db_subparsers(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The `db` command's subcommands (registered by ledger_cmds before this module)."""
    db = sub.choices.get("db") or sub.add_parser("db", help="database schema and roles")
    for action in db._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return db.add_subparsers(dest="db_command", required=True)


def register(sub: argparse._SubParsersAction) -> None:
    from ..ledger.roles import GROUPS
    dbsub = _db_subparsers(sub)
    cr = dbsub.add_parser("create-roles", help="create or refresh the least-privilege group roles "
                          "(run as the schema owner after every `db upgrade`)")
    cr.add_argument("--prefix", default="cashier", help="role name prefix (default: cashier → "
                    "cashier_terminal, cashier_relay, cashier_monitor, cashier_staff_admin)")
    cr.set_defaults(func=cmd_create_roles)
    al = dbsub.add_parser("add-login", help="create a login role (one per terminal or relay host) in a group; "
                          "password from CASHIER_NEW_LOGIN_PASSWORD or a prompt")
    al.add_argument("name", help="the login role's name, e.g. cage01")
    al.add_argument("--group", required=True, choices=sorted(GROUPS))
    al.add_argument("--prefix", default="cashier")
    al.set_defaults(func=cmd_add_login)


def cmd_create_roles(args) -> int:
    from ..ledger.roles import create_roles
    services = open_from_args(args, migrate_schema=False, seed=False, journal=False)
    try:
        report = create_roles(services.engine, prefix=args.prefix)
    finally:
        services.close()
    for line in report:
        print(line)
    return 0


def cmd_add_login(args) -> int:
    from ..ledger.roles import add_login
    password = os.environ.get("CASHIER_NEW_LOGIN_PASSWORD")
    if not password:
        from .prompts import read_pin
        password = read_pin("CASHIER_NEW_LOGIN_PASSWORD", f"password for the new login {args.name}: ")
    if not password or len(password) < 12:
        raise InvalidInput("A login password must be at least 12 characters.")
    services = open_from_args(args, migrate_schema=False, seed=False, journal=False)
    try:
        add_login(services.engine, args.name, args.group, password, prefix=args.prefix)
    finally:
        services.close()
    print(f"login role {args.name} can connect now, with the privileges of {args.prefix}_{args.group}")
    return 0
