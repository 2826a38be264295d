"""Cage operations of issue 17 at the command line: exchange, rates, temporary credit lines,
credit history, markers due and aging, authority limits.

Every one goes through the terminal's verbs (terminal/fx.py, credit_lines.py, authority.py),
as the GUI does; a staff member's PIN comes from CASHIER_PIN (an approver's from
CASHIER_APPROVER_PIN) or a prompt, never an argument. Refusals: one sentence, exit 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from uuid import UUID

from ..domain.amounts import parse_amount
from ..domain.commands import new_id
from ..domain.currency import profile_for
from ..domain.errors import InvalidInput, LedgerUnavailable
from ..domain.formatting import format_date, format_date_time, format_money
from ..domain.money import Money
from ..domain.notes import parse_notes
from . import open_from_args, print_json
from .prompts import read_pin


def register(sub: argparse._SubParsersAction) -> None:
    # `exchange buy|sell` here; `exchange reverse` joins the same subcommands (cli/id_cmds.py).
    exchange = sub.add_parser("exchange", help="foreign currency exchange at this terminal's open shift")
    directions = exchange.add_subparsers(dest="exchange_command", required=True)
    for direction, what in (("buy", "the cage takes foreign cash and pays out local"),
                            ("sell", "the cage takes local cash and pays out foreign")):
        ex = directions.add_parser(direction, help=what)
        ex.add_argument("--currency", required=True, help="USD, EUR, … (rates show lists them)")
        ex.add_argument("--amount", required=True, help="the foreign amount")
        ex.add_argument("--staff", required=True)
        ex.add_argument("--player", help="the player (needed at or above the MTL threshold)")
        ex.add_argument("--rate-id", type=int, help="the rate quoted to the player: refused if it changed")
        ex.add_argument("--approver", help="second staff member above the cashier's authority")
        ex.add_argument("--id-type")
        ex.add_argument("--id-number")
        ex.add_argument("--notes", help="the foreign notes that change hands, e.g. '100x3, 20x2' (they must add up "
                                        "to the amount; the drawer then holds them by note, as at the window)")
        ex.add_argument("--id", help="idempotency key (UUID); generated and printed when absent")
        ex.add_argument("--json", action="store_true")
        ex.set_defaults(func=cmd_exchange, direction=direction)

    rates = sub.add_parser("rates", help="foreign exchange rates")
    rsub = rates.add_subparsers(dest="rates_command", required=True)
    show = rsub.add_parser("show", help="every currency and the rate in force")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_rates_show)
    rset = rsub.add_parser("set", help="a supervisor sets a currency's buy and sell rate")
    rset.add_argument("--currency", required=True)
    rset.add_argument("--buy", required=True, help="local cash the cage pays per unit it buys")
    rset.add_argument("--sell", required=True, help="local cash the cage is paid per unit it sells")
    rset.add_argument("--staff", required=True)
    rset.set_defaults(func=cmd_rates_set)

    markers = sub.add_parser("markers", help="markers due and their aging (floor manager)")
    msub = markers.add_subparsers(dest="markers_command", required=True)
    due = msub.add_parser("due", help="markers still owed that fall due by a date")
    due.add_argument("--by", help="YYYY-MM-DD (default: a week from today)")
    due.add_argument("--staff", required=True)
    due.add_argument("--json", action="store_true")
    due.set_defaults(func=cmd_markers_due)
    aging = msub.add_parser("aging", help="markers owed by days since issue (0–30, 31–60, 61–90, 90+)")
    aging.add_argument("--as-of", help="YYYY-MM-DD (default: today)")
    aging.add_argument("--staff", required=True)
    aging.add_argument("--json", action="store_true")
    aging.set_defaults(func=cmd_markers_aging)

    drawer = sub.add_parser("drawer", help="a drawer during its shift (supervisor)")
    dsub = drawer.add_subparsers(dest="drawer_command", required=True)
    hold = dsub.add_parser("holding", help="the expected holding by denomination")
    hold.add_argument("shift", type=int)
    hold.add_argument("--staff", required=True)
    hold.add_argument("--json", action="store_true")
    hold.set_defaults(func=cmd_drawer_holding)

    auth = sub.add_parser("authority", help="authority limits per staff member and transaction type")
    asub = auth.add_subparsers(dest="authority_command", required=True)
    ashow = asub.add_parser("show", help="every limit in force (a supervisor)")
    ashow.add_argument("--staff", required=True)
    ashow.add_argument("--json", action="store_true")
    ashow.set_defaults(func=cmd_authority_show)
    aset = asub.add_parser("set", help="set or remove a staff member's limit (a supervisor)")
    aset.add_argument("--for", dest="member", required=True, help="whose limit")
    aset.add_argument("--type", required=True,
                      help="deposit, withdrawal, marker_issue, marker_redeem, exchange, credit_line, temporary_credit, "
                           "reversal, adjust_in, adjust_out, fill, credit, fund or remit")
    aset.add_argument("--limit", required=True, help="the largest amount without a second person, or 'none'")
    aset.add_argument("--reason", required=True)
    aset.add_argument("--staff", required=True)
    aset.set_defaults(func=cmd_authority_set)


def register_credit(csub: argparse._SubParsersAction) -> None:
    """`credit grant-temporary` and `credit history`, beside staff_cmds' credit requests."""
    gt = csub.add_parser("grant-temporary", help="a temporary line with an expiry (second person approves)")
    gt.add_argument("--player", required=True)
    gt.add_argument("--limit", required=True)
    gt.add_argument("--days", type=int, required=True, help="whole days until it lapses (1–90)")
    gt.add_argument("--reason", required=True)
    gt.add_argument("--staff", required=True, help="who asks for it")
    gt.add_argument("--approver", required=True, help="who approves it (PIN from CASHIER_APPROVER_PIN)")
    gt.set_defaults(func=cmd_credit_grant_temporary)
    hist = csub.add_parser("history", help="a player's credit history: every change of the line")
    hist.add_argument("--player", required=True)
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(func=cmd_credit_history)


# -- plumbing ------------------------------------------------------------------------------
def _with_login(args, fn):
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


def _approver(args):
    from ..terminal.verbs import Credentials
    if not args.approver:
        return None
    return Credentials(args.approver, read_pin("CASHIER_APPROVER_PIN", f"PIN for approver {args.approver}: "))


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{option} is a date as YYYY-MM-DD, not “{text}”.") from None


def _local(services, amount) -> str:
    return format_money(Money(amount, services.currency.code), services.currency)


# -- exchange and rates --------------------------------------------------------------------
def cmd_exchange(args) -> int:
    from ..terminal import fx
    code = args.currency.strip().upper()
    foreign = parse_amount(args.amount, profile_for(code))
    if args.id is not None and not args.id.strip():
        raise InvalidInput("--id is empty: give the exchange's id (a UUID), or leave --id out for a new one.")
    try:
        posting_id = UUID(args.id.strip()) if args.id else new_id()
    except ValueError:
        raise InvalidInput.not_a_uuid(args.id) from None
    notes = parse_notes(args.notes) if args.notes is not None else ()  # the ledger checks the currency's notes
    approver = _approver(args)
    try:
        services, done = _with_login(args, lambda s, staff: fx.exchange(
            s, staff, args.direction, foreign, player_id=args.player, quoted_rate=args.rate_id,
            posting_id=posting_id, approver=approver, id_type=args.id_type, id_number=args.id_number,
            notes=notes))
    except LedgerUnavailable:
        if args.id is None:  # the outcome is unknown: the same id finds out, a new one could exchange twice
            print(f"exchange id {posting_id} (retry with --id {posting_id})", file=sys.stderr)
        raise
    if args.json:
        print_json({"id": str(done.id), "direction": done.direction, "currency": done.foreign.currency,
                    "foreign_amount": str(done.foreign.amount), "local_currency": done.local.currency,
                    "local_amount": str(done.local.amount), "rate": str(done.rate), "rate_id": done.rate_id,
                    "shift_id": done.shift_id, "player_id": done.player_id, "replayed": done.replayed})
        return 0
    foreign_text = format_money(done.foreign, profile_for(done.foreign.currency))
    local_text = _local(services, done.local.amount)
    took, paid = (foreign_text, local_text) if done.direction == "buy" else (local_text, foreign_text)
    print(f"{'already exchanged' if done.replayed else 'exchanged'}: took {took}, paid {paid} "
          f"at {done.rate} {done.local.currency}/{done.foreign.currency} (rate {done.rate_id}); id {done.id}")
    return 0


def cmd_rates_show(args) -> int:
    from ..terminal import fx
    services = open_from_args(args)
    try:
        rows = fx.rates(services)
    finally:
        services.close()
    if args.json:
        print_json([{"currency": r.currency, "name": r.name,
                     "rate": None if r.rate is None else {
                         "id": r.rate.id, "buy": str(r.rate.buy), "sell": str(r.rate.sell),
                         "valid_from": r.rate.valid_from.isoformat(), "set_by": r.rate.set_by}} for r in rows])
        return 0
    for r in rows:
        if r.rate is None:
            print(f"{r.currency}  {r.name}: no rate set")
        else:
            print(f"{r.currency}  {r.name}: buy {r.rate.buy}  sell {r.rate.sell}  "
                  f"since {format_date_time(r.rate.valid_from)} by {r.rate.set_by} (rate {r.rate.id})")
    return 0


def cmd_rates_set(args) -> int:
    from ..terminal import fx
    _, rate_id = _with_login(args, lambda s, staff: fx.set_rate(s, staff, args.currency, args.buy, args.sell))
    print(f"{args.currency.strip().upper()} rate {rate_id} in force: buy {args.buy}, sell {args.sell}")
    return 0


# -- credit lines and markers --------------------------------------------------------------
def cmd_credit_grant_temporary(args) -> int:
    from ..terminal import credit_lines
    approver = _approver(args)

    def work(services, staff):
        limit = parse_amount(args.limit, services.currency)
        expires = credit_lines.expiry_in(args.days)
        line = credit_lines.grant_temporary(services, staff, args.player, limit, expires, args.reason, approver)
        return line, limit, expires
    services, (line, limit, expires) = _with_login(args, work)
    print(f"temporary line {line}: player {args.player.strip()}, {_local(services, limit.amount)} until "
          f"{format_date_time(expires)}, asked by {args.staff}, approved by {args.approver}")
    return 0


def cmd_credit_history(args) -> int:
    from ..terminal import credit_lines
    services = open_from_args(args)
    try:
        rows = credit_lines.history(services, args.player)
    finally:
        services.close()
    if args.json:
        print_json([{"changed_at": r.changed_at.isoformat(), "line": r.line, "old_limit": str(r.old_limit),
                     "new_limit": str(r.new_limit),
                     "expires_at": r.expires_at.isoformat() if r.expires_at else None,
                     "requested_by": r.requested_by, "approved_by": r.approved_by, "reason": r.reason}
                    for r in rows])
        return 0
    if not rows:
        print(f"player {args.player.strip()}: no credit line ever set")
    for r in rows:
        until = f" until {format_date_time(r.expires_at)}" if r.expires_at else ""
        print(f"{format_date_time(r.changed_at)}  {r.line:<9} {_local(services, r.old_limit)} → "
              f"{_local(services, r.new_limit)}{until}; asked by {r.requested_by}, approved by "
              f"{r.approved_by or '—'}; {r.reason or ''}".rstrip("; "))
    return 0


def cmd_markers_due(args) -> int:
    from ..terminal import credit_lines
    by = _date(args.by, "--by")
    services, rows = _with_login(args, lambda s, staff: credit_lines.markers_due(s, staff, by))
    if args.json:
        print_json([{"player_id": p, "marker": str(m), "due_date": d.isoformat(), "outstanding": str(o)}
                    for p, m, d, o in rows])
        return 0
    if not rows:
        print("no markers due")
    for p, m, d, o in rows:
        print(f"{format_date(d)}  player {p:<12} {_local(services, o):>16}  marker {m}")
    return 0


def cmd_markers_aging(args) -> int:
    from ..terminal import credit_lines
    as_of = _date(args.as_of, "--as-of")
    services, rows = _with_login(args, lambda s, staff: credit_lines.aging(s, staff, as_of))
    if args.json:
        print_json([{"player_id": a.player_id, "buckets": {k: str(v) for k, v in a.buckets.items()},
                     "overdue": str(a.overdue)} for a in rows])
        return 0
    print(f"{'player':<12}" + "".join(f"{b + ' days':>16}" for b in credit_lines.AGING_BUCKETS) + f"{'past due':>16}")
    for a in rows:
        print(f"{a.player_id:<12}" + "".join(f"{_local(services, v):>16}" for v in a.buckets.values())
              + f"{_local(services, a.overdue):>16}")
    return 0


# -- authority limits ----------------------------------------------------------------------
def cmd_authority_show(args) -> int:
    from ..terminal import authority
    services, rows = _with_login(args, authority.limits)
    if args.json:
        print_json([{"staff_id": r.staff_id, "type": r.kind, "limit": str(r.max_amount), "set_by": r.set_by,
                     "set_at": r.set_at.isoformat(), "reason": r.reason} for r in rows])
        return 0
    if not rows:
        print("no authority limits set")
    for r in rows:
        print(f"{r.staff_id:<10} {r.kind:<14} {_local(services, r.max_amount):>16}  set by {r.set_by} "
              f"{format_date_time(r.set_at)}: {r.reason}")
    return 0


def cmd_authority_set(args) -> int:
    from ..terminal import authority

    def work(services, staff):
        limit = None if args.limit.strip().lower() == "none" else parse_amount(args.limit, services.currency)
        authority.set_limit(services, staff, args.member, args.type, limit, args.reason)
        return limit
    services, limit = _with_login(args, work)
    shown = "removed" if limit is None else _local(services, limit.amount)
    print(f"authority of {args.member.strip()} for {authority.check_type(args.type)}: {shown}")
    return 0


# -- drawer --------------------------------------------------------------------------------
def cmd_drawer_holding(args) -> int:
    from ..terminal import drawer
    services, rows = _with_login(args, lambda s, staff: drawer.holding(s, staff, args.shift))
    if args.json:
        print_json([{"denomination": None if r.denomination is None else str(r.denomination),
                     "pieces": r.pieces, "amount": str(r.amount)} for r in rows])
        return 0
    for r in rows:
        what = (f"{_local(services, r.denomination):>12} × {r.pieces:<6}" if r.denomination is not None
                else f"{'without notes':>21}")
        print(f"{what} {_local(services, r.amount):>16}")
    print(f"{'expected':>21} {_local(services, sum((r.amount for r in rows), start=0)):>16}")
    return 0
