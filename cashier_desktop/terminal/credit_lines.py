"""Temporary credit lines, a player's credit history and the markers owed (issue 17).

A temporary line is asked for by one person and approved by another with their PIN, within
the approver's authority (the database decides: `cage.grant_temporary_credit`); it lapses
by itself at its expiry. Markers carry due dates; the floor's queue shows what falls due.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import TYPE_CHECKING

from ..domain.commands import check_player_id
from ..domain.errors import InvalidInput
from ..domain.money import Money
from ..domain.policy import Policy
from ..domain.roles import Action, require
from ..ledger import credit_lines as ledger_lines
from ..ledger.db import warn_if_gui_thread
from .auth import StaffMember, verify_approver
from .fx import require_session

if TYPE_CHECKING:
    from .verbs import Credentials

CreditChange = ledger_lines.CreditChange
Marker = ledger_lines.Marker
Aging = ledger_lines.Aging
AGING_BUCKETS = ledger_lines.AGING_BUCKETS
MAX_TEMPORARY_DAYS = 90  # a longer line is a permanent one: a credit request


def expiry_in(days: int, now: datetime | None = None) -> datetime:
    """The expiry `days` whole days from now (1…90)."""
    if not 1 <= days <= MAX_TEMPORARY_DAYS:
        raise InvalidInput(f"A temporary line lasts 1 to {MAX_TEMPORARY_DAYS} days.")
    return (now or datetime.now(timezone.utc)) + timedelta(days=days)


def grant_temporary(services, staff: StaffMember, player_id: str, limit: Money, expires_at: datetime,
                    reason: str, approver: "Credentials") -> int:
    """A temporary line of `limit` until `expires_at`, asked for by `staff`, approved by
    `approver` (their PIN, checked by the database); returns the line's id."""
    warn_if_gui_thread("grant_temporary")
    require(staff.role, Action.REQUEST_CREDIT)
    player_id = check_player_id(player_id)
    if not (reason or "").strip():
        raise InvalidInput("Give a reason for the temporary line.")
    if approver is None or not approver.staff_id.strip():
        raise InvalidInput("A temporary line is approved by a second person with their PIN.")
    if approver.staff_id.strip() == staff.id:
        raise InvalidInput("A temporary line is approved by someone other than who asked for it.")
    session = require_session(staff)
    second = verify_approver(services, approver.staff_id.strip(), approver.pin)
    return services.ledger.grant_temporary_credit(session=session, approver_session=second.session_token,
                                                  player_id=player_id, limit=limit.amount, expires_at=expires_at,
                                                  reason=reason.strip())


def history(services, player_id: str) -> list[CreditChange]:
    """Every change of the player's line, permanent and temporary, oldest first."""
    warn_if_gui_thread("credit_history")
    return services.ledger.credit_changes(check_player_id(player_id))


def effective_limit(services, player_id: str) -> Decimal:
    return services.ledger.effective_limit(check_player_id(player_id))


def line_in_force(services, player_id: str) -> tuple[Decimal, float | None]:
    """The line in force and the seconds until a temporary one lapses (None: permanent)."""
    return services.ledger.line_in_force(check_player_id(player_id))


def markers(services, player_id: str) -> list[Marker]:
    return services.ledger.markers(check_player_id(player_id))


def markers_due(services, staff: StaffMember, by: date | None = None) -> list[tuple[str, object, date, Decimal]]:
    """The floor's queue: (player, marker, due date, still owed) due by `by` (default: in a week)."""
    warn_if_gui_thread("markers_due")
    require(staff.role, Action.APPROVE_CREDIT)
    by = by or (Policy.from_values(services.config.values).today() + timedelta(days=7))
    return services.ledger.markers_due(require_session(staff), by)


def aging(services, staff: StaffMember, as_of: date | None = None) -> list[Aging]:
    """What each player owes in markers by days since issue, and how much is past due."""
    warn_if_gui_thread("marker_aging")
    require(staff.role, Action.APPROVE_CREDIT)
    return services.ledger.marker_aging(as_of)
