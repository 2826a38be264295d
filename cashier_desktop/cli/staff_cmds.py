"""Staff, credit, shift and large-cash report commands.

PINs never come from an argument: CASHIER_PIN (the person acting), CASHIER_APPROVER_PIN
(a second person), CASHIER_NEW_PIN (a PIN being set), or a prompt.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal

from ..domain.currency import profile_for
from ..domain.formatting import format_money
from ..domain.money import Money
from . import open_from_args, print_json
from .prompts import read_pin


def register(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser("staff", help="manage staff (supervisor only)")
    stsub = st.add_subparsers(dest="staff_command", required=True)
    add = stsub.add_parser("add", help="add a staff member (new PIN from CASHIER_NEW_PIN or prompt)")
    add.add_argument("id")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["cashier", "floor_manager", "supervisor"])
    add.add_argument("--approval-limit", help="credit approval authority (floor managers)")
    add.add_argument("--staff", required=True, help="the supervisor doing it (PIN from CASHIER_PIN)")
    add.set_defaults(func=cmd_staff_add)
    dis = stsub.add_parser("disable", help="disable a staff member")
    dis.add_argument("id")
    dis.add_argument("--staff", required=True)
    dis.set_defaults(func=cmd_staff_disable)
    rp = stsub.add_parser("reset-pin", help="set a new PIN (from CASHIER_NEW_PIN or prompt); clears a lockout")
    rp.add_argument("id")
    rp.add_argument("--staff", required=True)
    rp.set_defaults(func=cmd_staff_reset_pin)
    ls = stsub.add_parser("list", help="every staff member")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_staff_list)

    cr = sub.add_parser("credit", help="credit requests")
    crsub = cr.add_subparsers(dest="credit_command", required=True)
    req = crsub.add_parser("request", help="file a credit request")
    req.add_argument("--player", required=True)
    req.add_argument("--limit", required=True)
    req.add_argument("--staff", required=True)
    req.add_argument("--note")
    req.set_defaults(func=cmd_credit_request)
    cl = crsub.add_parser("list", help="pending requests (or all / one player's history)")
    cl.add_argument("--all", action="store_true", help="every status, not only pending")
    cl.add_argument("--player", help="one player's full history")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(func=cmd_credit_list)
    ap = crsub.add_parser("approve", help="approve a request (floor manager or supervisor)")
    ap.add_argument("id", type=int)
    ap.add_argument("--limit", help="the approved limit (default: as requested)")
    ap.add_argument("--staff", required=True)
    ap.set_defaults(func=cmd_credit_approve)
    dn = crsub.add_parser("deny", help="deny a request with a reason")
    dn.add_argument("id", type=int)
    dn.add_argument("--reason", required=True)
    dn.add_argument("--staff", required=True)
    dn.set_defaults(func=cmd_credit_deny)
    from .cage_cmds import register_credit
    register_credit(crsub)  # grant-temporary, history (issue 17)

    sh = sub.add_parser("shift", help="open, close (blind count), sign off, report")
    shsub = sh.add_subparsers(dest="shift_command", required=True)
    op = shsub.add_parser("open", help="open a shift on this terminal")
    op.add_argument("--staff", required=True)
    g = op.add_mutually_exclusive_group(required=True)
    g.add_argument("--float", dest="float_amount", help="opening float as an amount")
    g.add_argument("--count", help="opening float counted: DENOM=QTY,…")
    op.set_defaults(func=cmd_shift_open)
    cs = shsub.add_parser("close", help="close this terminal's shift with the blind count")
    cs.add_argument("--staff", required=True)
    cs.add_argument("--count", required=True, help="DENOM=QTY,…")
    cs.add_argument("--foreign", help="the foreign cash counted too: USD:100=3,20=1; EUR:50=2 "
                                      "(a currency the drawer holds and not given counts as none)")
    cs.add_argument("--json", action="store_true")
    cs.set_defaults(func=cmd_shift_close)
    so = shsub.add_parser("signoff", help="supervisor sign-off of a counted shift")
    so.add_argument("id", type=int)
    so.add_argument("--staff", required=True)
    so.add_argument("--note", default="")
    so.set_defaults(func=cmd_shift_signoff)
    rep = shsub.add_parser("report", help="a shift's report (text, or CSV)")
    rep.add_argument("id", type=int)
    rep.add_argument("--csv", action="store_true")
    rep.set_defaults(func=cmd_shift_report)
    sl = shsub.add_parser("list", help="recent shifts")
    sl.add_argument("--status", choices=["open", "closed", "signed_off"])
    sl.add_argument("--json", action="store_true")
    sl.set_defaults(func=cmd_shift_list)

    rp2 = sub.add_parser("report", help="large-cash reports (CSV)")
    rp2.add_argument("which", choices=["mtl", "ctr"])
    rp2.add_argument("--gaming-day", required=True, help="YYYY-MM-DD")
    rp2.set_defaults(func=cmd_report)


def _login(args, services):
    from ..terminal.session import login
    return login(services, args.staff, read_pin("CASHIER_PIN", f"PIN for {args.staff}: "))


def _with_session(args, fn):
    services = open_from_args(args)
    try:
        session = _login(args, services)
        try:
            return fn(services, session)
        finally:
            from ..terminal.session import logout
            logout(services, session)
    finally:
        services.close()


def _with_services(args, fn):
    services = open_from_args(args)
    try:
        return fn(services)
    finally:
        services.close()


def cmd_staff_add(args) -> int:
    from ..terminal.staff_admin import add_staff
    pin = read_pin("CASHIER_NEW_PIN", f"New PIN for {args.id}: ")
    _with_session(args, lambda s, sess: add_staff(s, sess, args.id, args.name, args.role, pin,
                                                   approval_limit=args.approval_limit))
    print(f"staff {args.id} added as {args.role.replace('_', ' ')}")
    return 0


def cmd_staff_disable(args) -> int:
    from ..terminal.staff_admin import disable_staff
    _with_session(args, lambda s, sess: disable_staff(s, sess, args.id))
    print(f"staff {args.id} disabled")
    return 0


def cmd_staff_reset_pin(args) -> int:
    from ..terminal.staff_admin import reset_pin
    pin = read_pin("CASHIER_NEW_PIN", f"New PIN for {args.id}: ")
    _with_session(args, lambda s, sess: reset_pin(s, sess, args.id, pin))
    print(f"PIN of {args.id} reset")
    return 0


def cmd_staff_list(args) -> int:
    from ..terminal.staff_admin import staff_list
    rows = _with_services(args, staff_list)
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(f"{r['id']:<10} {r['role']:<14} {'active' if r['active'] else 'disabled':<9} {r['name']}")
    return 0


def money_text(services, value: Money | Decimal) -> str:
    """Money in its own currency; a bare figure in the terminal's."""
    if isinstance(value, Money):
        return format_money(value, services.currency if value.currency == services.currency.code
                            else profile_for(value.currency))
    return format_money(Money(value, services.currency.code), services.currency)


def cmd_credit_request(args) -> int:
    from ..terminal.credit import request_credit

    def work(services, session):
        req = request_credit(services, session, args.player, args.limit, args.note)
        print(f"credit request {req.id} filed: player {req.player_id}, limit {money_text(services, req.requested_limit)}")
    _with_session(args, work)
    return 0


def cmd_credit_list(args) -> int:
    from ..terminal.credit import list_credit_requests

    def work(services):
        rows = list_credit_requests(services, status=None if (args.all or args.player) else "pending",
                                    player_id=args.player, limit=10_000)
        if args.json:
            print_json([r.to_json() for r in rows])
            return
        if not rows:
            print("no credit requests")
        for r in rows:
            decided = (f" by {r.decided_by}" + (f" at {money_text(services, r.approved_limit)}" if r.approved_limit is not None else "")
                       + (f": {r.decision_reason}" if r.decision_reason else "")) if r.decided_by else ""
            print(f"{r.id:>6}  {r.status:<8} player {r.player_id:<14} {money_text(services, r.requested_limit):>16}  "
                  f"from {r.requested_by}{decided}" + (f"  ({r.note})" if r.note else ""))
    _with_services(args, work)
    return 0


def cmd_credit_approve(args) -> int:
    from ..terminal.credit import approve_credit

    def work(services, session):
        req, receipt = approve_credit(services, session, args.id, args.limit)
        print(f"credit request {req.id} approved: player {req.player_id} limit "
              f"{money_text(services, req.approved_limit)}; posting {receipt.id}")
    _with_session(args, work)
    return 0


def cmd_credit_deny(args) -> int:
    from ..terminal.credit import deny_credit

    def work(services, session):
        req = deny_credit(services, session, args.id, args.reason)
        print(f"credit request {req.id} denied")
    _with_session(args, work)
    return 0


def cmd_shift_open(args) -> int:
    from ..terminal.shifts import open_shift

    def work(services, session):
        shift = open_shift(services, session, float_amount=args.float_amount, counts=args.count)
        print(f"shift {shift.id} open on terminal {shift.terminal_id}, float {money_text(services, shift.opening_float)}")
    _with_session(args, work)
    return 0


def closing_foreign_counts(services, shift_id: int):
    """A closed shift's foreign cash as counted at its close or handover (0032)."""
    return [f for f in services.ledger.foreign_counts(shift_id) if f.moment == "close"]


def foreign_json(counts) -> dict:
    return {f.currency: {"counted": str(f.counted.amount), "expected": str(f.expected.amount),
                         "variance": str(f.variance.amount)} for f in counts}


def print_foreign_counts(services, counts) -> None:
    for f in counts:
        print(f"  {f.currency}: counted {money_text(services, f.counted)}, expected "
              f"{money_text(services, f.expected)}, variance {money_text(services, f.variance)}")


def cmd_shift_close(args) -> int:
    from ..terminal.shifts import close_shift

    def work(services, session):
        s = close_shift(services, session, args.count, foreign=args.foreign)
        foreign = closing_foreign_counts(services, s.id)
        if args.json:
            print_json({"shift_id": s.id, "counted": str(s.counted.amount), "expected": str(s.expected.amount),
                        "variance": str(s.variance.amount), "currency": s.currency, "needs_signoff": s.needs_signoff,
                        "foreign": foreign_json(foreign)})
            return
        print(f"shift {s.id} closed: counted {money_text(services, s.counted)}, expected {money_text(services, s.expected)}, "
              f"variance {money_text(services, s.variance)}")
        print_foreign_counts(services, foreign)
        if s.needs_signoff:
            print("the variance is at or over the threshold: a supervisor must sign off with a note "
                  f"(cashier-desktop shift signoff {s.id} --staff … --note …)")
    _with_session(args, work)
    return 0


def cmd_shift_signoff(args) -> int:
    from ..terminal.shifts import signoff_shift

    def work(services, session):
        s = signoff_shift(services, session, args.id, args.note)
        print(f"shift {s.id} signed off by {s.signed_off_by}")
    _with_session(args, work)
    return 0


def cmd_shift_report(args) -> int:
    from ..terminal.shifts import render_csv, render_text, shift_report

    def work(services):
        report = shift_report(services, args.id)
        sys.stdout.write(render_csv(report) if args.csv else render_text(report, services.currency))
    _with_services(args, work)
    return 0


def cmd_shift_list(args) -> int:
    from ..terminal.shifts import list_shifts

    def work(services):
        rows = list_shifts(services, status=args.status)
        if args.json:
            print_json([{"id": s.id, "terminal_id": s.terminal_id, "staff_id": s.staff_id, "status": s.status,
                         "opened_at": s.opened_at, "closed_at": s.closed_at,
                         "needs_signoff": s.needs_signoff} for s in rows])
            return
        for s in rows:
            print(f"{s.id:>6}  {s.status:<10} {s.terminal_id:<16} {s.staff_id:<8} opened {s.opened_at:%Y-%m-%d %H:%M}"
                  + ("  sign-off required" if s.needs_signoff and s.status == "closed" else ""))
    _with_services(args, work)
    return 0


def cmd_report(args) -> int:
    from ..terminal import reports

    def work(services):
        day = reports.parse_day(args.gaming_day)
        if args.which == "mtl":
            sys.stdout.write(reports.to_csv(reports.mtl_report(services, day), reports.MTL_COLUMNS))
        else:
            sys.stdout.write(reports.to_csv(reports.ctr_report(services, day), reports.CTR_COLUMNS))
    _with_services(args, work)
    return 0
