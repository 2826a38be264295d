"""Handover, fills and credits with the main bank, and the cage's accountability report.

`shift handover` (beside `shift open|close`), `bank fill|credit|fund|remit`, and
`report accountability` (beside `report mtl|ctr|health`). PINs never come from an
argument: CASHIER_PIN for the person acting (`--staff`), CASHIER_APPROVER_PIN for the second
person (the incoming cashier, the bank's side, the witness), or a prompt.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from uuid import UUID, uuid4

from ..domain.currency import profile_for
from ..domain.errors import InvalidInput, LedgerUnavailable, PostingInDoubt
from ..domain.formatting import format_money
from ..domain.money import Money
from . import EXIT_FINDINGS, print_json
from .staff_cmds import money_text
from .prompts import read_pin
from .staff_cmds import _with_session  # noqa: PLC2701 - one way to log the acting person in
from .staff_cmds import closing_foreign_counts, foreign_json, print_foreign_counts


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(sub: argparse._SubParsersAction) -> None:
    ho = _subcommands(sub.choices["shift"]).add_parser(
        "handover", help="hand this terminal's drawer to the next cashier without closing the terminal")
    ho.add_argument("--staff", required=True, help="the outgoing cashier (PIN from CASHIER_PIN)")
    ho.add_argument("--count", required=True, help="the outgoing cashier's count: DENOM=QTY,…")
    ho.add_argument("--incoming", required=True, help="the incoming cashier (PIN from CASHIER_APPROVER_PIN)")
    ho.add_argument("--incoming-count", required=True, help="the incoming cashier's own count: DENOM=QTY,…")
    ho.add_argument("--foreign", help="the outgoing cashier's count of the foreign cash: USD:100=3; EUR:50=2")
    ho.add_argument("--incoming-foreign", help="the incoming cashier's own count of the foreign cash")
    ho.add_argument("--id", help="the handover's idempotency key (UUID); generated and printed when absent")
    ho.add_argument("--json", action="store_true")
    ho.set_defaults(func=cmd_shift_handover)

    bank = sub.add_parser("bank", help="fills and credits between this window and the main bank")
    bsub = bank.add_subparsers(dest="bank_command", required=True)
    for kind, text in (("fill", "cash from the main bank into this window's drawer"),
                       ("credit", "cash from this window's drawer back to the main bank")):
        p = bsub.add_parser(kind, help=text)
        p.add_argument("amount")
        p.add_argument("--staff", required=True, help="the window's cashier (PIN from CASHIER_PIN)")
        p.add_argument("--bank-staff", required=True, help="the bank's side (PIN from CASHIER_APPROVER_PIN)")
        p.add_argument("--approver", help=_APPROVER_HELP)
        p.set_defaults(func=cmd_bank_window, kind=kind)
    for kind, text in (("fund", "cash into the main bank from outside the cage"),
                       ("remit", "cash out of the main bank to outside the cage")):
        p = bsub.add_parser(kind, help=text)
        p.add_argument("amount")
        p.add_argument("--staff", required=True, help="the bank's side (PIN from CASHIER_PIN)")
        p.add_argument("--witness", required=True, help="the second signature (PIN from CASHIER_APPROVER_PIN)")
        p.add_argument("--reason", required=True, help="where the cash comes from or goes to")
        p.add_argument("--approver", help=_APPROVER_HELP)
        p.set_defaults(func=cmd_bank_move, kind=kind)
    _register_report(sub)


def _register_report(sub: argparse._SubParsersAction) -> None:
    rep = sub.choices["report"]
    which = next(a for a in rep._actions if a.dest == "which")
    which.choices = list(which.choices) + ["accountability"]
    rep.add_argument("--staff", help="accountability: the supervisor asking (PIN from CASHIER_PIN)")
    json_flag = next((a for a in rep._actions if "--json" in a.option_strings), None)
    if json_flag is None:
        rep.add_argument("--json", action="store_true", help="accountability: as JSON")
    else:  # `report health` added it
        json_flag.help = "JSON (health: instead of Markdown; accountability)"
    other = rep.get_default("func")

    def dispatch(args: argparse.Namespace) -> int:
        return cmd_report_accountability(args) if args.which == "accountability" else other(args)
    rep.set_defaults(func=dispatch)


def _second(args, staff_id: str):
    from ..terminal.verbs import Credentials
    return Credentials(staff_id, read_pin("CASHIER_APPROVER_PIN", f"PIN for {staff_id}: "))


_APPROVER_HELP = "a third person, above a signer's authority limit (PIN from CASHIER_THIRD_PIN)"


def _third(args):
    """The approver above a signer's authority limit (migration 0029), or None."""
    from ..terminal.verbs import Credentials
    if not getattr(args, "approver", None):
        return None
    return Credentials(args.approver, read_pin("CASHIER_THIRD_PIN", f"PIN for approver {args.approver}: "))


def cmd_shift_handover(args) -> int:
    from ..terminal.handover import hand_over
    from ..terminal.session import logout
    if args.id is not None and not args.id.strip():
        raise InvalidInput("--id is empty: give the handover's id (a UUID), or leave --id out for a new one.")
    try:
        handover_id = UUID(args.id.strip()) if args.id else uuid4()
    except ValueError:
        raise InvalidInput.not_a_uuid(args.id) from None

    def work(services, session):
        try:
            done = hand_over(services, session, _second(args, args.incoming), args.count, args.incoming_count,
                             handover_id=handover_id, foreign=args.foreign, incoming_foreign=args.incoming_foreign)
        except (LedgerUnavailable, PostingInDoubt):
            if args.id is None:  # the outcome is unknown: the same id finds out, a new one is another handover
                print(f"handover id {handover_id} (retry with --id {handover_id})", file=sys.stderr)
            raise
        logout(services, done.incoming)  # a command line keeps no one logged in
        c, o = done.closed, done.opened
        foreign = closing_foreign_counts(services, c.id)
        if args.json:
            print_json({"id": str(handover_id), "replayed": done.replayed, "closed_shift": c.id, "counted": str(c.counted.amount), "expected": str(c.expected.amount),
                        "variance": str(c.variance.amount), "needs_signoff": c.needs_signoff, "opened_shift": o.id,
                        "staff_id": o.staff_id, "opening_float": str(o.opening_float.amount),
                        "currency": o.opening_float.currency, "foreign": foreign_json(foreign)})
            return
        print(f"shift {c.id} {'was already handed over' if done.replayed else 'handed over'}: counted {money_text(services, c.counted)}, expected "
              f"{money_text(services, c.expected)}, variance {money_text(services, c.variance)}")
        print_foreign_counts(services, foreign)
        if c.needs_signoff:
            print("the variance is at or over the threshold: a supervisor must sign off with a note "
                  f"(cashier-desktop shift signoff {c.id} --staff … --note …)")
        print(f"shift {o.id} open for {o.staff_id} on terminal {o.terminal_id}, float {money_text(services, o.opening_float)}")
        print(f"handover id {handover_id}")
    _with_session(args, work)
    return 0


def cmd_bank_window(args) -> int:
    from ..domain.amounts import parse_amount
    from ..terminal import bank

    def work(services, session):
        amount = parse_amount(args.amount, services.currency)
        verb = bank.fill if args.kind == "fill" else bank.credit
        t = verb(services, session, amount, _second(args, args.bank_staff), approver=_third(args))
        print(f"{t.kind} {t.id}: {money_text(services, t.amount.amount)} "
              f"{'into' if t.kind == 'fill' else 'out of'} shift {t.shift_id}, sent by {t.sender_id}, "
              f"received by {t.receiver_id}" + (f", approved by {t.approver_id}" if t.approver_id else ""))
    _with_session(args, work)
    return 0


def cmd_bank_move(args) -> int:
    from ..domain.amounts import parse_amount
    from ..terminal import bank

    def work(services, session):
        amount = parse_amount(args.amount, services.currency)
        t = bank.move_bank_cash(services, session, args.kind, amount, _second(args, args.witness), args.reason,
                                approver=_third(args))
        approved = f" (approved by {t.approver_id})" if t.approver_id else ""
        print(f"{t.kind} {t.id}: {money_text(services, t.amount.amount)}; the main bank holds "
              f"{money_text(services, t.bank_after.amount)}{approved}")
    _with_session(args, work)
    return 0


def cmd_report_accountability(args) -> int:
    from ..domain.errors import InvalidInput
    from ..terminal import bank
    from ..terminal.reports import parse_day
    if not args.staff:
        raise InvalidInput("report accountability needs --staff (a supervisor; PIN from CASHIER_PIN).")
    day = parse_day(args.gaming_day) if getattr(args, "gaming_day", None) else None
    profile, rows = _with_session(args, lambda services, session: (services.currency, bank.accountability(
        services, session, day)))
    if getattr(args, "json", False):
        print_json([{"section": r.section, "shift_id": r.shift_id, "terminal_id": r.terminal_id,
                     "staff_id": r.staff_id, "currency": r.currency or profile.code, "amount": str(r.amount),
                     "ledger": str(r.ledger), "reconciles": r.reconciles} for r in rows])
    else:
        def shown(amount: Decimal, code: str | None) -> str:
            return format_money(Money(amount, code or profile.code), profile_for(code) if code else profile)
        for r in rows:
            flag = "" if r.reconciles else f"   LEDGER SAYS {shown(r.ledger, r.currency)}"
            item = {"bank": "main bank", "markers": "markers outstanding"}.get(
                r.section, f"shift {r.shift_id} at {r.terminal_id} ({r.staff_id})")
            if r.currency:
                item += f", {r.currency}"
            print(f"{r.section:<8} {item:<40} {shown(r.amount, r.currency):>18}{flag}")
        totals = bank.totals_by_currency(rows)  # the cage's currency, then each foreign one: a total of its own
        print(f"{'total':<8} {'cage accountability':<40} {shown(totals.pop(None), None):>18}")
        for code, total in totals.items():
            print(f"{'total':<8} {'foreign cash in the drawers, ' + code:<40} {shown(total, code):>18}")
    return 0 if all(r.reconciles for r in rows) else EXIT_FINDINGS
