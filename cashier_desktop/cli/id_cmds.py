"""Identification on file and exchange reversal from the command line (issue 17, part C):
`player id add|list` and `exchange reverse`. PINs come from CASHIER_PIN (and
CASHIER_APPROVER_PIN) or a prompt; a refusal is one sentence on stderr, exit 2."""

from __future__ import annotations

import argparse

from ..domain.formatting import format_date, format_money
from . import open_from_args, print_json
from .prompts import read_pin


def _subcommands(sub: argparse._SubParsersAction, name: str, help_text: str, dest: str):
    """The subcommands of `name`, sharing the parser if another module made it already."""
    parser = sub.choices.get(name) or sub.add_parser(name, help=help_text)
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its subparsers here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return action
    return parser.add_subparsers(dest=dest, required=True)


def register(sub: argparse._SubParsersAction) -> None:
    player = _subcommands(sub, "player", "a player's records", "player_command")
    ident = player.add_parser("id", help="identification documents on file")
    idsub = ident.add_subparsers(dest="id_command", required=True)
    add = idsub.add_parser("add", help="put a player's ID document on file (PIN from CASHIER_PIN or prompt)")
    add.add_argument("player")
    add.add_argument("--staff", required=True)
    add.add_argument("--type", required=True, dest="doc_type", help="e.g. Passport, Aadhaar, PAN card")
    add.add_argument("--number", required=True, dest="doc_number")
    add.add_argument("--expires", required=True, help="expiry date, YYYY-MM-DD")
    add.add_argument("--image", help="a JPEG or PNG picture of the document (at most 2 MB)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=cmd_id_add)
    lst = idsub.add_parser("list", help="a player's ID documents on file (numbers masked unless --full)")
    lst.add_argument("player")
    lst.add_argument("--staff", required=True)
    lst.add_argument("--full", action="store_true", help="show the whole document numbers")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_id_list)

    exchange = _subcommands(sub, "exchange", "foreign currency exchange", "exchange_command")
    rev = exchange.add_parser("reverse", help="reverse an exchange (a supervisor; PIN from CASHIER_PIN or prompt)")
    rev.add_argument("exchange_id")
    rev.add_argument("--staff", required=True)
    rev.add_argument("--reason", required=True)
    rev.add_argument("--approver", help="second supervisor (PIN from CASHIER_APPROVER_PIN or prompt)")
    rev.add_argument("--id", dest="reversal_id", help="the reversal's idempotency key (UUID)")
    rev.add_argument("--json", action="store_true")
    rev.set_defaults(func=cmd_exchange_reverse)


def _as_staff(args, fn):
    from ..terminal.session import login, logout
    services = open_from_args(args)
    try:
        session = login(services, args.staff, read_pin("CASHIER_PIN", f"PIN for {args.staff}: "))
        try:
            return services, fn(services, session.staff)
        finally:
            logout(services, session)
    finally:
        services.close()


def cmd_id_add(args) -> int:
    from ..terminal.id_documents import add_id_document
    _, doc_id = _as_staff(args, lambda services, staff: add_id_document(
        services, staff, args.player, args.doc_type, args.doc_number, args.expires, image_path=args.image))
    if args.json:
        print_json({"status": "on_file", "document_id": doc_id, "player_id": args.player})
    else:
        print(f"on file: {args.doc_type} for player {args.player}, valid to {args.expires}; document {doc_id}")
    return 0


def cmd_id_list(args) -> int:
    from ..terminal.id_documents import id_documents
    _, docs = _as_staff(args, lambda services, staff: id_documents(services, staff, args.player))
    if args.json:
        print_json([{"id": d.id, "type": d.doc_type, "number": d.doc_number if args.full else d.masked_number,
                     "expires_on": d.expires_on.isoformat(), "valid": d.valid, "has_image": d.has_image,
                     "captured_by": d.captured_by} for d in docs])
        return 0
    if not docs:
        print(f"player {args.player} has no identification on file")
    for d in docs:
        print(f"{d.id}  {d.doc_type}  {d.doc_number if args.full else d.masked_number}  "
              f"expires {format_date(d.expires_on)}  {'valid' if d.valid else 'EXPIRED'}"
              f"{'  image' if d.has_image else ''}")
    return 0


def cmd_exchange_reverse(args) -> int:
    from ..terminal.exchange_reversal import parse_exchange_id, reverse_exchange
    from ..terminal.verbs import Credentials
    reversal_id = parse_exchange_id(args.reversal_id) if args.reversal_id else None
    original = parse_exchange_id(args.exchange_id)

    def work(services, staff):
        approver = None
        if args.approver and args.approver != args.staff:
            approver = Credentials(args.approver, read_pin("CASHIER_APPROVER_PIN",
                                                           f"PIN for approver {args.approver}: "))
        return reverse_exchange(services, staff, original, args.reason, approver=approver,
                                reversal_id=reversal_id)
    services, done = _as_staff(args, work)
    if args.json:
        print_json({"status": "already_reversed" if done.replayed else "reversed", "id": str(done.id),
                    "reverses_id": str(original), "foreign": str(done.foreign.amount),
                    "currency": done.foreign.currency, "local": str(done.local.amount), "rate": str(done.rate)})
    else:
        print(f"{'already reversed' if done.replayed else 'reversed'} exchange {original}: "
              f"{done.foreign.amount} {done.foreign.currency} and "
              f"{format_money(done.local, services.currency)} back at {done.rate}; id {done.id}")
    return 0
