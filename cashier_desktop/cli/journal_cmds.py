"""Journal commands: journal pending|replay|verify|resolve, and reconcile.

`journal pending` and `journal verify` read only the journal file (they work with the
ledger down); `journal replay`, `journal resolve` and `reconcile` need the ledger.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from ..domain.errors import InvalidInput, NotAuthorized
from ..domain.formatting import format_money
from ..domain.money import Money
from . import EXIT_FINDINGS, EXIT_UNAVAILABLE, load, open_from_args, print_json
from .prompts import read_pin


def register(sub: argparse._SubParsersAction) -> None:
    j = sub.add_parser("journal", help="the terminal's write-ahead journal")
    jsub = j.add_subparsers(dest="journal_command", required=True)
    p = jsub.add_parser("pending", help="entries not yet in the ledger, and those needing a supervisor")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_pending)
    r = jsub.add_parser("replay", help="resolve entries in doubt and send pending ones to the ledger")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_replay)
    v = jsub.add_parser("verify", help="check the journal's hash chain (exit 1 if tampered)")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_verify)
    s = jsub.add_parser("resolve", help="a supervisor's note on an entry rejected on replay")
    s.add_argument("id", help="the posting id")
    s.add_argument("--staff", required=True, help="supervisor (PIN from CASHIER_PIN or prompt)")
    s.add_argument("--note", required=True)
    s.set_defaults(func=cmd_resolve)

    rc = sub.add_parser("reconcile", help="journal and ledger side by side (exit 1 if anything is unresolved)")
    rc.add_argument("--shift", type=int, help="shift id")
    rc.add_argument("--terminal", dest="rec_terminal", help="terminal id (with --from and --to)")
    rc.add_argument("--from", dest="since", help="start date or date-time (policy time zone)")
    rc.add_argument("--to", dest="until", help="end date (inclusive) or date-time (exclusive)")
    rc.add_argument("--csv", help="also write the lines to this CSV file")
    rc.add_argument("--json", action="store_true")
    rc.set_defaults(func=cmd_reconcile)


def _journal(args):
    from ..journal.store import Journal
    config = load(args)
    return config, Journal(config["terminal.journal"], terminal_id=config.terminal_id)


def _amount(e) -> str:
    return format_money(Money(e.amount, e.command.amount.currency))


def cmd_pending(args) -> int:
    config, journal = _journal(args)
    try:
        pending, attention = journal.pending(), journal.needing_attention()
        doubtful = journal.unsettled_refusals()
    finally:
        journal.close()
    if args.json:
        print_json({"journal": str(config["terminal.journal"]), "pending": len(pending),
                    "in_doubt": len(doubtful), "needs_attention": len(attention),
                    "entries": [e.to_json() for e in pending],
                    "in_doubt_entries": [e.to_json() for e in doubtful],
                    "attention": [e.to_json() for e in attention]})
        return 0
    for e in pending:
        c = e.command
        print(f"pending  {e.id}  {c.kind.value:<12} player {c.player_id:<12} {_amount(e):>16}  "
              f"shift {c.shift_id}  {'offline ' if e.offline else ''}taken {e.created_at:%Y-%m-%d %H:%M:%S}")
    for e in doubtful:
        c = e.command
        print(f"in doubt {e.id}  {c.kind.value:<12} player {c.player_id:<12} {_amount(e):>16}  "
              f"its send broke {e.updated_at:%Y-%m-%d %H:%M:%S}: `journal replay` settles it by its id")
    for e in attention:
        print(f"ATTENTION {e.id}  {e.command.kind.value} player {e.command.player_id} {_amount(e)}: {e.reason}")
    print(f"{len(pending)} pending, {len(doubtful)} in doubt, {len(attention)} needing a supervisor")
    return 0


def cmd_replay(args) -> int:
    services = open_from_args(args)  # start-up already resolves what is in doubt and replays
    try:
        report = services.local.replay()
        attention = services.local.journal.needing_attention()
    finally:
        services.close()
    if args.json:
        print_json(report.to_json() | {"needs_attention": len(attention)})
    else:
        print(f"found in the ledger {report.found}, posted {report.posted}, rejected {len(report.rejected)}, "
              f"still pending {report.remaining}")
        for r in report.rejected:
            print(f"rejected on replay {r['id']}: {r['reason']}")
        if report.unavailable:
            print(f"the ledger cannot be reached: {report.unavailable}")
    if report.unavailable:
        return EXIT_UNAVAILABLE
    return EXIT_FINDINGS if attention else 0


def cmd_verify(args) -> int:
    config, journal = _journal(args)
    try:
        findings, records = journal.verify(), journal.record_count()
    finally:
        journal.close()
    if args.json:
        print_json({"journal": str(config["terminal.journal"]), "records": records, "intact": not findings,
                    "findings": [f.to_json() for f in findings]})
    else:
        for f in findings:
            print(f.sentence())
        print(f"journal: {records} records, intact" if not findings
              else f"journal: {len(findings)} problems — it was edited outside the terminal")
    return EXIT_FINDINGS if findings else 0


def cmd_resolve(args) -> int:
    from ..terminal.session import login, logout
    try:
        entry_id = UUID(args.id)
    except ValueError:
        raise InvalidInput.not_a_posting_id(args.id) from None
    if not args.note.strip():
        raise InvalidInput("Say how it was resolved with --note.")
    services = open_from_args(args)
    try:
        session = login(services, args.staff, read_pin("CASHIER_PIN", f"PIN for {args.staff}: "))
        try:
            if session.staff.role != "supervisor":
                raise NotAuthorized("Only a supervisor can resolve a journal entry.")
            journal = services.local.journal
            e = journal.entry(entry_id)
            if e is None or not e.needs_attention:
                raise InvalidInput(f"Posting {entry_id} does not need resolving in this journal.")
            journal.resolve(entry_id, session.staff.id, args.note.strip())
        finally:
            logout(services, session)
    finally:
        services.close()
    print(f"resolved {entry_id}")
    return 0


def _when(text: str, tz: ZoneInfo, *, end: bool) -> datetime:
    try:
        if len(text) == 10:
            d = date.fromisoformat(text)
            at = datetime.combine(d + timedelta(days=1) if end else d, time(0), tz)
            return at
        at = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"“{text}” is not a date (YYYY-MM-DD) or date-time.") from None
    return at if at.tzinfo else at.replace(tzinfo=tz)


def cmd_reconcile(args) -> int:
    from ..terminal.reconciling import reconcile_shift, reconcile_terminal
    if (args.shift is None) == (args.rec_terminal is None):
        raise InvalidInput("Reconcile either --shift ID or --terminal T --from DATE --to DATE.")
    if args.rec_terminal is not None and not (args.since and args.until):
        raise InvalidInput("With --terminal, give the period with --from and --to.")
    services = open_from_args(args)
    try:
        if args.shift is not None:
            rec = reconcile_shift(services, args.shift)
        else:
            tz = ZoneInfo(services.config.get("policy.timezone", "UTC"))
            rec = reconcile_terminal(services, args.rec_terminal, _when(args.since, tz, end=False),
                                     _when(args.until, tz, end=True))
    finally:
        services.close()
    if args.csv:
        rec.write_csv(args.csv)
    if args.json:
        print_json(rec.to_json())
    else:
        print(f"reconciliation of {rec.scope}")
        for ln in rec.lines:
            mark = "!!" if ln.unresolved else "  "
            print(f"{mark} {ln.status:<18} {ln.id}  {ln.kind:<12} player {ln.player_id:<12} "
                  f"{_line_amounts(ln)}  {ln.note}".rstrip())
        counts = ", ".join(f"{k} {v}" for k, v in sorted(rec.counts().items())) or "nothing"
        print(f"{counts}; " + ("clean" if rec.clean else f"{len(rec.unresolved)} unresolved"))
    return EXIT_FINDINGS if not rec.clean else 0


def _line_amounts(ln) -> str:
    """The amount in the cage's format; where journal and ledger differ, both, and a side
    that has no row says so ("not in the ledger", never "ledger None INR")."""
    from decimal import Decimal

    from ..domain.formatting import format_money
    from ..domain.money import Money

    def side(amount) -> str | None:
        return None if amount is None else format_money(Money(Decimal(amount), ln.currency))
    journal, ledger = side(ln.journal_amount), side(ln.ledger_amount)
    if journal == ledger:
        return journal or "—"
    return f"journal {journal or 'none'} / " + (f"ledger {ledger}" if ledger else "not in the ledger")
