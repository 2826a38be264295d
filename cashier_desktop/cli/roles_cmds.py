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
    al.add_argument("--terminal-id", help="the terminal this login is (required for --group terminal): "
                    "the database posts as this terminal, whatever the client says")
    al.add_argument("--offline-limit", help="the most this terminal may take in one posting offline (default 0)")
    al.add_argument("--offline-total", help="the most this terminal may take offline in one shift (default 0)")
    al.set_defaults(func=cmd_add_login)


def cmd_create_roles(args) -> int:
    from ..ledger.roles import create_roles
    services = open_from_args(args, migrate_schema=False, seed=False, journal=False)
    try:
        report = create_roles(services.engine, prefix=args.prefix)
        from ..terminal.services import store_config_policy
        store_config_policy(services)  # the thresholds the database enforces
        report.append("stored the cage policy the posting API enforces (from this configuration)")
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
    if args.group == "terminal" and not (args.terminal_id and args.terminal_id.strip()):
        raise InvalidInput("A terminal login needs its terminal: add --terminal-id T1.")
    limits = {}
    for key in ("offline_limit", "offline_total"):
        value = getattr(args, key)
        if value is not None:
            from ..domain.amounts import parse_amount
            from ..domain.currency import profile_for
            from . import load
            # in the cage's currency, with that currency's own ceiling (a per-shift total is no
            # single transaction: the configured per-transaction maximum does not apply)
            limits[key] = parse_amount(value, profile_for(load(args)["currency.code"])).amount
    if not password or len(password) < 12:
        raise InvalidInput("A login password must be at least 12 characters.")
    services = open_from_args(args, migrate_schema=False, seed=False, journal=False)
    try:
        add_login(services.engine, args.name, args.group, password, prefix=args.prefix,
                  terminal_id=args.terminal_id, **limits)
        allowance = _offline_allowance_line(services, args.name) if args.group == "terminal" else None
    finally:
        services.close()
    print(f"login role {args.name} can connect now, with the privileges of {args.prefix}_{args.group}")
    if allowance:
        print(allowance)
    return 0


def _offline_allowance_line(services, login: str) -> str | None:
    """What the bound terminal may take offline, as the database now has it (a login made
    without --offline-limit may take nothing: the operator must see that, not find it out
    when the ledger refuses the first offline deposit on replay)."""
    from ..domain.formatting import format_money
    from ..domain.money import Money
    from ..ledger.api_tables import terminal_login
    row = terminal_login(services.engine, login)
    if row is None:
        return None
    if row.offline_limit <= 0 or row.offline_total <= 0:
        return (f"terminal {row.terminal_id} may take NOTHING offline (offline allowance 0): while the ledger "
                "is unreachable it refuses every posting; add --offline-limit and --offline-total to allow "
                "offline deposits")
    cur = services.config["currency.code"]
    return (f"terminal {row.terminal_id} may take offline at most {format_money(Money(row.offline_limit, cur))} "
            f"per posting and {format_money(Money(row.offline_total, cur))} per shift")
