"""Authority limits per staff member and transaction type (issue 17): a supervisor reads and
sets them; the posting API enforces them (above the limit a second person approves)."""

from __future__ import annotations

from decimal import Decimal

from ..domain.errors import InvalidInput
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.roles import Action, require
from ..ledger import authority as ledger_authority
from ..ledger.db import warn_if_gui_thread
from .auth import StaffMember
from .fx import require_session

AuthorityLimit = ledger_authority.AuthorityLimit
# The types a limit can be set for: every posting kind (the counter's, credit lines, reversals,
# adjustments), the exchange, a temporary line and each transfer with the main bank (0029).
TYPES = (Kind.DEPOSIT.value, Kind.WITHDRAWAL.value, Kind.MARKER_ISSUE.value, Kind.MARKER_REDEEM.value,
         ledger_authority.EXCHANGE, Kind.CREDIT_LINE.value, ledger_authority.TEMPORARY_CREDIT,
         Kind.REVERSAL.value, Kind.ADJUST_IN.value, Kind.ADJUST_OUT.value) + ledger_authority.TRANSFERS


def check_type(kind: str) -> str:
    k = (kind or "").strip().lower().replace("-", "_")
    if k not in TYPES:
        raise InvalidInput(f"“{kind}” is not a transaction type with an authority limit "
                           f"({', '.join(TYPES)}).")
    return k


def limits(services, staff: StaffMember) -> list[AuthorityLimit]:
    """Every limit in force (a supervisor)."""
    warn_if_gui_thread("authority_limits")
    require(staff.role, Action.MANAGE_STAFF)
    return services.ledger.authority_limits(require_session(staff))


def set_limit(services, staff: StaffMember, staff_id: str, kind: str, limit: Money | None, reason: str) -> int:
    """Set `staff_id`'s limit for `kind` (None removes it), with a reason; never one's own."""
    warn_if_gui_thread("set_authority_limit")
    require(staff.role, Action.MANAGE_STAFF)
    kind = check_type(kind)
    who = (staff_id or "").strip()
    if not who:
        raise InvalidInput("Say whose authority limit this is (a staff id).")
    if who == staff.id:
        raise InvalidInput("You cannot set your own authority limit; another supervisor must.")
    if not (reason or "").strip():
        raise InvalidInput("Give a reason for the authority limit.")
    amount: Decimal | None = None if limit is None else limit.amount
    return services.ledger.set_authority_limit(session=require_session(staff), staff_id=who, kind=kind,
                                               limit=amount, reason=reason.strip())


def staff_rows(services) -> list[tuple[str, str, str]]:
    """(id, name, role) of every active staff member (the limits screen's rows)."""
    return services.ledger.active_staff()
