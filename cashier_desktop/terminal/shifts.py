"""Shifts at the counter: open with a counted float, close with a blind count, sign off.

Blind count: nothing here returns a shift's expected cash while the shift is open; the
expected figure and the variance exist only once the count has been submitted. A variance
at or over `policy.variance_threshold` needs a supervisor's note and sign-off.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

from ..domain.amounts import parse_amount
from ..domain.counts import DrawerCount, foreign_counts_json, parse_counts, parse_foreign_counts
from ..domain.currency import profile_for
from ..domain.errors import InvalidInput, LedgerUnavailable, NotAuthorized, ShiftError, ShiftNotOpen
from ..domain.formatting import format_money
from ..domain.money import Money, to_decimal
from ..domain.kinds import Kind
from ..domain.roles import Action, Role, can, require
from ..ledger.db import warn_if_gui_thread
from ..ledger.shifts import DrawerTotals, ShiftPosting, ShiftRecord
from .auth import policy_of
from .session import Session


def _denominations(services) -> list[str]:
    """The notes and coins a drawer count may hold: the currency's set as the ledger stores it
    (migration 0016, what `cage.note_pieces` checks); the configured list if the ledger is
    unreachable or stores none for this currency."""
    cfg = services.config
    try:
        stored = services.ledger.cash_denominations(cfg["currency.code"])
    except LedgerUnavailable:
        stored = []
    return [str(d) for d in stored] or list(cfg["currency.denominations"] or [])


def _count(services, counts) -> DrawerCount:
    cfg = services.config
    if isinstance(counts, DrawerCount):
        if counts.currency != cfg["currency.code"]:
            raise InvalidInput(f"The count is in {counts.currency}; this cage works in {cfg['currency.code']}.")
        allowed = {to_decimal(Decimal(d)) for d in _denominations(services)}
        for d, _q in counts.pieces:
            if allowed and d not in allowed:
                raise InvalidInput(f"{d:f} is not a denomination of {counts.currency}.")
        return counts
    if isinstance(counts, str):
        return parse_counts(counts, cfg["currency.code"], _denominations(services))
    if isinstance(counts, Mapping):
        return DrawerCount.from_mapping(counts, cfg["currency.code"], _denominations(services))
    raise InvalidInput("Give the count by denomination, e.g. 500=10,100=3.")


def _float_value(services, amount) -> Decimal:
    """An opening float as typed ("₹5,000", "0") or given (Money, Decimal)."""
    if isinstance(amount, Money):
        return amount.amount
    if isinstance(amount, str):
        if amount.strip() in ("0", "0.0", "0.00"):
            return Decimal("0.00")
        return parse_amount(amount, services.currency).amount
    return to_decimal(amount)


def current_shift(services, terminal_id: str) -> ShiftRecord | None:
    """The open shift of a terminal, or None. Carries no expected figure (blind count)."""
    return services.ledger.open_shift_of(terminal_id)


def open_shift(services, session: Session, *, float_amount=None, counts=None) -> ShiftRecord:
    """Open a shift on the session's terminal with its opening float.

    The float is given as counted notes (`counts`: "500=10,100=3", a mapping or a
    DrawerCount) or as an amount; with both, they must agree.
    """
    warn_if_gui_thread("open_shift")
    require(session.staff.role, Action.OPEN_SHIFT)
    currency = services.config["currency.code"]
    count = _count(services, counts) if counts is not None else None
    if float_amount is None and count is None:
        raise InvalidInput("Give the opening float: an amount or a count by denomination.")
    if float_amount is not None:
        value = _float_value(services, float_amount)
        if value < 0:
            raise InvalidInput("The opening float cannot be negative.")
        if count is not None and count.total.amount != value:
            raise InvalidInput(f"The count adds up to {format_money(count.total)}, not "
                               f"{format_money(Money(value, currency))}.")
    else:
        value = count.total.amount

    # the API checks the session and right, takes the login's terminal and audits it
    shift = services.ledger.open_shift(terminal_id=session.terminal_id, staff_id=session.staff.id,
                                       currency=currency, opening_float=value,
                                       opening_count=count.to_json() if count else None,
                                       session=session.staff.session_token)
    session.shift = shift
    _remember_shift(services, shift.id, shift.staff_id)
    return shift


def _remember_shift(services, shift_id: int | None, staff_id: str | None = None) -> None:
    """The journal learns the terminal's shift the moment it opens or closes, so a posting
    taken offline a second later joins it (not only after a later online posting), and its
    cashier, so an offline posting by anyone else is refused at the counter (0021's rule)."""
    services.local.remember_shift(shift_id, staff_id)


def _foreign(services, counts) -> dict[str, dict[str, int]] | None:
    """Foreign cash counted (`USD:100=3; EUR:50=2`, or a mapping currency → count) as the
    ledger records it; None for none. Each currency's notes are checked by the ledger."""
    local = services.config["currency.code"]
    if not counts:
        return None
    if isinstance(counts, str):
        return foreign_counts_json(parse_foreign_counts(counts, local))
    if isinstance(counts, Mapping):
        parsed = {}
        for code, count in counts.items():
            code = str(code).strip().upper()
            if code == local:
                raise InvalidInput.own_currency_as_foreign(code)
            parsed[code] = (count if isinstance(count, DrawerCount) else
                            parse_counts(count, code) if isinstance(count, str) else
                            DrawerCount.from_mapping(count, code))
        return foreign_counts_json({c: n for c, n in parsed.items() if n.pieces})
    raise InvalidInput("Give the foreign cash by currency, e.g. USD:100=3,20=1; EUR:50=2.")


def close_shift(services, session: Session, counts, foreign=None) -> ShiftRecord:
    """Close the terminal's open shift with the blind count; returns expected and variance.

    `foreign`: the foreign cash in the drawer, counted too (`USD:100=3`, or a mapping); a
    currency the drawer should hold and not counted is recorded as none, and any foreign
    variance goes to the supervisor (migration 0032).
    Refused while the terminal's journal still holds postings not yet in the ledger.
    """
    warn_if_gui_thread("close_shift")
    require(session.staff.role, Action.CLOSE_SHIFT)
    count = _count(services, counts)
    foreign_count = _foreign(services, foreign)
    shift = services.ledger.open_shift_of(session.terminal_id)
    if shift is None:
        raise ShiftNotOpen(f"Terminal {session.terminal_id} has no open shift to close.")
    if shift.staff_id != session.staff.id and session.staff.role != Role.SUPERVISOR.value:
        raise NotAuthorized(f"Shift {shift.id} belongs to {shift.staff_id}; only they or a supervisor can close it.")
    pending = services.local.pending_count(shift.id)
    if pending > 0:
        raise ShiftError(f"{pending} posting{'s are' if pending != 1 else ' is'} still waiting for the "
                         "ledger; the shift can be closed once they are posted.")
    policy = policy_of(services)
    closed = services.ledger.close_shift(shift.id, closed_by=session.staff.id, counted=count.total.amount,
                                         closing_count=count.to_json(),
                                         variance_threshold=policy.variance_threshold,
                                         session=session.staff.session_token, foreign=foreign_count)
    session.shift = None
    _remember_shift(services, None)
    return closed


def signoff_shift(services, session: Session, shift_id: int, note: str | None) -> ShiftRecord:
    """A supervisor signs a counted shift off (with a note; required when the variance is large)."""
    warn_if_gui_thread("signoff_shift")
    require(session.staff.role, Action.SIGN_OFF_SHIFT)
    note = (note or "").strip()
    shift = services.ledger.shift(shift_id)  # a worded answer first; cage.signoff_shift decides again
    if shift is None:
        raise ShiftNotOpen.no_shift(shift_id)
    if shift.staff_id == session.staff.id:
        raise NotAuthorized("You cannot sign off your own shift; another supervisor must.")
    if shift.needs_signoff and not note:
        raise InvalidInput(f"Shift {shift_id} has a variance of "
                           f"{variance_words(shift, services.ledger.foreign_counts(shift_id))}: "
                           "write what was found before signing off.")
    return services.ledger.sign_off_shift(shift_id, by=session.staff.id, note=note or None,
                                          session=session.staff.session_token)


def list_shifts(services, *, terminal_id: str | None = None, status: str | None = None,
                staff_id: str | None = None, limit: int = 100) -> list[ShiftRecord]:
    """Shifts newest first; `status` one of open, closed, signed_off."""
    if status not in (None, "open", "closed", "signed_off"):
        raise InvalidInput("A shift's status is open, closed or signed_off.")
    return services.ledger.shifts(terminal_id=terminal_id, status=status, staff_id=staff_id, limit=limit)


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """A shift with its postings; figures only once counted (blind count)."""

    shift: ShiftRecord
    postings: tuple[ShiftPosting, ...]
    totals: DrawerTotals | None
    foreign: tuple = ()  # ledger.foreign_counts.ForeignCount: carried in, counted at close (0032)

    @property
    def blind(self) -> bool:
        return self.shift.is_open

    @property
    def foreign_off(self) -> tuple:
        return foreign_off(self.foreign)


def foreign_off(foreign) -> tuple:
    """The foreign currencies whose count at close differs from what the drawer held."""
    return tuple(f for f in foreign if f.moment == "close" and f.variance is not None and f.variance.amount != 0)


def shift_report(services, shift_id: int, *, session: Session | None = None) -> ShiftReport:
    """The report of one shift. With a session, only a supervisor or the shift's own cashier."""
    warn_if_gui_thread("shift_report")
    shift = services.ledger.shift(shift_id)
    if shift is None:
        raise ShiftNotOpen.no_shift(shift_id)
    totals: DrawerTotals | None = None
    postings: tuple[ShiftPosting, ...] = ()
    foreign: tuple = ()
    if session is not None and not can(session.staff.role, Action.RUN_REPORTS) \
            and session.staff.id != shift.staff_id:
        raise NotAuthorized("You cannot see another cashier's shift report; ask a supervisor.")
    if not shift.is_open:  # blind count: no figure of an open shift is even read
        totals, postings = services.ledger.closed_shift_figures(shift_id)
        foreign = services.ledger.foreign_counts(shift_id)
    return ShiftReport(shift, postings, totals, foreign)


def variance_words(shift: ShiftRecord, foreign=()) -> str:
    """`₹-1,000.00`, and each foreign currency's variance that is not zero: `₹0.00, $-70.00`."""
    return ", ".join([format_money(shift.variance), *(format_money(f.variance) for f in foreign_off(foreign))])


def _m(value: Money | Decimal | None, shift: ShiftRecord, profile) -> str:
    """A figure of the shift in the shift's currency (its own profile, unless it is the terminal's)."""
    if value is None:
        return ""
    money = value if isinstance(value, Money) else Money(value, shift.currency)
    return format_money(money, profile if profile is not None and profile.code == money.currency
                        else profile_for(money.currency))


def render_text(report: ShiftReport, profile=None) -> str:
    s = report.shift
    lines = [f"Shift {s.id} — terminal {s.terminal_id} — {s.staff_id}",
             f"status          {s.status.replace('_', ' ')}",
             f"opened          {s.opened_at:%Y-%m-%d %H:%M:%S %Z}",
             f"opening float   {_m(s.opening_float, s, profile)}"]
    if s.opening_count:
        lines.append("  count         " + ", ".join(f"{d}×{q}" for d, q in s.opening_count.items()))
    if report.blind:
        lines.append("figures         shown after the closing count (blind count)")
        return "\n".join(lines) + "\n"
    t = report.totals
    lines += [f"closed          {s.closed_at:%Y-%m-%d %H:%M:%S %Z} by {s.closed_by}",
              f"cash in         {_m(t.cash_in, s, profile)}",
              f"cash out        {_m(t.cash_out, s, profile)}",
              f"expected        {_m(s.expected, s, profile)}",
              f"counted         {_m(s.counted, s, profile)}"]
    if s.closing_count:
        lines.append("  count         " + ", ".join(f"{d}×{q}" for d, q in s.closing_count.items()))
    lines.append(f"variance        {_m(s.variance, s, profile)}"
                 + ("  (at or over the threshold: supervisor sign-off required)" if s.needs_signoff else ""))
    for f in report.foreign:
        if f.moment == "open":
            lines.append(f"{f.currency} handed in   {format_money(f.counted)}")
        else:
            lines.append(f"{f.currency} counted     {format_money(f.counted)}, expected {format_money(f.expected)}, "
                         f"variance {format_money(f.variance)}")
    if s.status == "signed_off":
        lines.append(f"signed off      {s.signed_off_at:%Y-%m-%d %H:%M:%S %Z} by {s.signed_off_by}: "
                     f"{s.signoff_note or ''}".rstrip(": "))
    elif s.needs_signoff:
        lines.append("signed off      NOT YET — a supervisor must sign off with a note")
    lines.append(f"postings        {len(report.postings)}")
    for r in report.postings:
        lines.append(f"  {r.created_at:%H:%M:%S}  {Kind(r.kind).label:<18} {r.player_id:<14} "
                     f"{_m(r.amount, s, profile):>16}  {r.staff_id}"
                     + (f" / {r.approver_id}" if r.approver_id else "") + f"  {r.id}")
    return "\n".join(lines) + "\n"


def _amount(value: Money | None) -> Decimal | str:
    """A figure's amount for the CSV (its currency is the shift's), or "" when there is none."""
    return "" if value is None else value.amount


CSV_COLUMNS = ["shift_id", "terminal_id", "staff_id", "status", "opened_at", "closed_at", "opening_float",
               "cash_in", "cash_out", "expected", "counted", "variance", "needs_signoff", "signed_off_by",
               "signoff_note", "foreign_cash", "posting_id", "posted_at", "kind", "player_id", "amount",
               "drawer_effect", "posting_staff", "approver"]


def foreign_cash_text(report: ShiftReport) -> str:
    """The shift's foreign cash in one cell (0032): `USD handed in 370.00; USD counted 300.00
    expected 370.00 variance -70.00`, or empty."""
    return "; ".join(f"{f.currency} handed in {f.counted.amount}" if f.moment == "open" else
                     f"{f.currency} counted {f.counted.amount} expected {f.expected.amount} "
                     f"variance {f.variance.amount}" for f in report.foreign)


def render_csv(report: ShiftReport) -> str:
    """One header row per shift field and one row per posting (the shift fields repeated)."""
    s, t = report.shift, report.totals
    base = [s.id, s.terminal_id, s.staff_id, s.status, s.opened_at.isoformat(),
            s.closed_at.isoformat() if s.closed_at else "", s.opening_float.amount,
            t.cash_in if t else "", t.cash_out if t else "", _amount(s.expected) if not report.blind else "",
            _amount(s.counted), _amount(s.variance),
            s.needs_signoff, s.signed_off_by or "", s.signoff_note or "", foreign_cash_text(report)]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    if not report.postings:
        w.writerow(base + [""] * 8)
    for r in report.postings:
        w.writerow(base + [r.id, r.created_at.isoformat(), r.kind, r.player_id, r.amount, r.drawer_delta,
                           r.staff_id, r.approver_id or ""])
    return out.getvalue()

