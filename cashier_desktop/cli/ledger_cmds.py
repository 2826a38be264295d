"""Ledger commands: db upgrade, db seed-demo, balance, post, integrity."""

from __future__ import annotations

import argparse
import sys
from uuid import UUID

from ..domain.amounts import parse_amount
from ..domain.commands import PostingCommand, new_id
from ..domain.currency import profile_for
from ..domain.errors import InvalidInput, LedgerUnavailable, PostingInDoubt
from ..domain.formatting import format_money
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.receipts import PendingReceipt
from . import EXIT_FINDINGS, open_from_args, print_json
from .prompts import read_pin

POST_KINDS = {
    "deposit": Kind.DEPOSIT, "withdraw": Kind.WITHDRAWAL, "withdrawal": Kind.WITHDRAWAL,
    "marker-issue": Kind.MARKER_ISSUE, "marker-redeem": Kind.MARKER_REDEEM,
    "credit-line": Kind.CREDIT_LINE, "reverse": Kind.REVERSAL, "adjust-in": Kind.ADJUST_IN,
    "adjust-out": Kind.ADJUST_OUT,
}


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database schema and demo data")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="apply migrations")
    up.set_defaults(func=cmd_db_upgrade)
    seed = dbsub.add_parser("seed-demo", help="demo players and staff C100/F200/S300")
    seed.add_argument("--players", type=int, default=50)
    seed.set_defaults(func=cmd_seed_demo)

    bal = sub.add_parser("balance", help="a player's balances (the portal's shape)")
    bal.add_argument("player")
    bal.add_argument("--json", action="store_true")
    bal.set_defaults(func=cmd_balance)

    p = sub.add_parser("post", help="post a transaction headlessly (PIN from CASHIER_PIN or prompt)")
    p.add_argument("kind", choices=sorted(POST_KINDS))
    p.add_argument("--player", required=True)
    p.add_argument("--amount", help="amount as typed at the counter (for reverse: defaults to the original)")
    p.add_argument("--staff", required=True)
    p.add_argument("--id", help="idempotency key (UUID); generated and printed when absent")
    p.add_argument("--approver", help="approving staff id (PIN from CASHIER_APPROVER_PIN or prompt)")
    p.add_argument("--reverses", help="the posting id a reversal undoes")
    p.add_argument("--reason")
    p.add_argument("--id-type", help="player's identification document type")
    p.add_argument("--id-number", help="player's identification document number")
    p.add_argument("--id-expires", help="the document's expiry (YYYY-MM-DD): put on file first, refused if expired")
    p.add_argument("--notes", help="the notes handed over, e.g. 500x4,100x3 (in for a deposit, out for a "
                                   "withdrawal); they must add up to the amount")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_post)

    i = sub.add_parser("integrity", help="prove cached balances agree with the ledger")
    i.add_argument("--json", action="store_true")
    i.add_argument("--no-chains", action="store_true", help="skip the hash-chain verification")
    i.set_defaults(func=cmd_integrity)


def cmd_db_upgrade(args) -> int:
    from ..ledger import migrate
    services = open_from_args(args, migrate_schema=False, seed=False, journal=False)
    try:
        migrate.upgrade(services.engine)
        print("schema up to date")
    finally:
        services.close()
    return 0


def cmd_seed_demo(args) -> int:
    from ..ledger import migrate
    from ..ledger.seed import seed_demo
    services = open_from_args(args, migrate_schema=False, seed=False, journal=False)
    try:
        migrate.upgrade(services.engine)
        seed_demo(services.engine, args.players, currency=services.config["currency.code"])
        from ..terminal.services import store_config_policy
        store_config_policy(services)  # the posting API enforces this configuration's thresholds
        from ..ledger.seed import seed_bank
        seed_bank(services.engine)  # the main bank's opening cash, through the API (needs the policy)
        print(f"demo data ready: players 101..{100 + args.players} and 179; staff C100, F200, S300")
    finally:
        services.close()
    return 0


def cmd_balance(args) -> int:
    from ..terminal.verbs import balance
    services = open_from_args(args)
    try:
        b = balance(services, args.player)
    finally:
        services.close()
    if args.json:
        print_json(b.portal_json())
    else:
        # in the account's currency (the balance's own), in the cage's format when it is the cage's
        cur = services.currency if services.currency.code == b.currency else profile_for(b.currency)
        print(f"player {b.player_id} {b.name}".rstrip())
        print(f"  cash balance    {format_money(b.cash, cur)}")
        print(f"  credit balance  {format_money(b.credit, cur)}")
        print(f"  credit limit    {format_money(b.credit_limit, cur)}"
              f" ({'approved' if b.credit_approved else 'not approved'})")
        print(f"  total balance   {format_money(b.total, cur)}")
    return 0


def build_command(args, services) -> PostingCommand:
    kind = POST_KINDS[args.kind]
    if args.id is not None and not args.id.strip():
        # what a script with an unset variable sends: a fresh id here would make its retry post twice
        raise InvalidInput("--id is empty: give the posting's id (a UUID), or leave --id out for a new one.")
    try:
        posting_id = UUID(args.id.strip()) if args.id is not None else new_id()
    except ValueError:
        raise InvalidInput.not_a_uuid(args.id) from None
    if kind is Kind.REVERSAL:
        from ..terminal.verbs import reversal
        if not args.reverses:
            raise InvalidInput("Say which posting to reverse with --reverses ID.")
        try:
            reverses = UUID(args.reverses)
        except ValueError:
            raise InvalidInput.not_a_posting_id(args.reverses) from None
        amount = parse_amount(args.amount, services.currency) if args.amount is not None else None
        return reversal(services, args.staff, reverses, args.reason,
                        amount=amount, posting_id=posting_id, approver_id=args.approver, player_id=args.player)
    if args.amount is None:
        raise InvalidInput("Give the amount with --amount.")
    elif kind is Kind.CREDIT_LINE and args.amount.strip() in ("0", "0.00"):
        amount = Money.zero(services.currency.code)
    else:
        amount = parse_amount(args.amount, services.currency)
    notes_in, notes_out = _notes(args, kind, services)
    from ..terminal.verbs import posting_command
    return posting_command(services.config.terminal_id, args.staff, kind, args.player, amount,
                           posting_id=posting_id, approver_id=args.approver, reason=args.reason,
                           id_type=args.id_type, id_number=args.id_number, notes_in=notes_in,
                           notes_out=notes_out)


def _notes(args, kind: Kind, services) -> tuple:
    """`--notes` as (in, out): the notes cross the counter the way the kind moves the drawer."""
    from ..domain.notes import NOTE_DIRECTION, parse_notes
    if getattr(args, "notes", None) is None:
        return (), ()
    if kind not in NOTE_DIRECTION:
        raise InvalidInput(f"--notes is for a deposit, a withdrawal or a marker redemption, not {kind.with_article}.")
    notes = parse_notes(args.notes, services.config["currency.denominations"])
    return (notes, ()) if NOTE_DIRECTION[kind] > 0 else ((), notes)


def cmd_post(args) -> int:
    from ..terminal.session import login, logout
    from ..terminal.verbs import Credentials, post
    services = open_from_args(args)
    try:
        cmd = build_command(args, services)
        # Needs an open shift on this terminal (--terminal / CASHIER_TERMINAL_ID): checked by authorize.
        session = login(services, args.staff, read_pin("CASHIER_PIN", f"PIN for {args.staff}: "))
        try:
            approver = None
            if args.approver and args.approver != args.staff:
                approver = Credentials(args.approver, read_pin("CASHIER_APPROVER_PIN",
                                                               f"PIN for approver {args.approver}: "))
            try:  # a typed document with its expiry goes on file first (refused if expired)
                receipt = post(services, session.staff, cmd, approver, id_expires=args.id_expires)
            except (LedgerUnavailable, PostingInDoubt):
                if args.id is None:  # the outcome is unknown: the id is what a retry needs
                    print(f"posting id {cmd.id} (retry with --id {cmd.id})", file=sys.stderr)
                raise
        finally:
            logout(services, session)
    finally:
        services.close()
    if isinstance(receipt, PendingReceipt):  # taken offline: in the journal, replayed later
        if args.json:
            print_json(receipt.to_json())
        else:
            print(f"{receipt.banner}: {receipt.kind.label.lower()} "
                  f"{format_money(receipt.amount, profile_for(receipt.currency))} for player "
                  f"{receipt.player_id}; the ledger is unreachable, it will be sent when it is back; "
                  f"id {receipt.id}")
            _print_notes(receipt)
    elif args.json:
        print_json({"status": "posted", **receipt.to_json()})
    else:
        cur = profile_for(receipt.currency)  # the receipt's currency, not the terminal's
        print(f"{'already posted' if receipt.replayed else 'posted'} {receipt.kind.label.lower()} "
              f"{format_money(receipt.amount, cur)} for player {receipt.player_id}; "
              f"cash {format_money(receipt.cash_after, cur)}, "
              f"credit {format_money(receipt.credit_after, cur)}; id {receipt.id}")
        _print_notes(receipt)
    return 0


def _print_notes(receipt) -> None:
    """The receipt's notes, as the printed receipt lists them: one line per denomination,
    pieces and amount in the posting's currency, then the total; nothing without notes."""
    from ..domain.notes import denomination_text, notes_value
    cur = profile_for(receipt.currency)
    for notes, title in ((receipt.notes_in, "notes taken in"), (receipt.notes_out, "notes paid out")):
        if not notes:
            continue
        print(f"{title}:")
        for d, n in notes:
            print(f"  {denomination_text(d):>8} × {n:<5} {format_money(Money(d * n, receipt.currency), cur):>16}")
        print(f"  {'total':>16} {format_money(Money(notes_value(notes), receipt.currency), cur):>16}")


def cmd_integrity(args) -> int:
    from ..terminal.verbs import integrity
    services = open_from_args(args)
    try:
        # With the chain heads against the signed anchors kept outside the database (attack 12).
        findings = integrity(services, chains=not args.no_chains)
    finally:
        services.close()
    if args.json:
        print_json({"clean": not findings, "findings": [f.to_json() for f in findings]})
    else:
        for f in findings:
            print(f.sentence())
        print("integrity: clean" if not findings else f"integrity: {len(findings)} discrepancies")
    return EXIT_FINDINGS if findings else 0
