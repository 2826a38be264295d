"""Managing staff: add, disable, reset a PIN. Supervisors only; every change audited.

The checks here give the counter its sentence early; the database's functions decide
(they check the supervisor's session and write the audit rows themselves).
"""

from __future__ import annotations

from decimal import Decimal

from ..domain.amounts import parse_amount
from ..domain.commands import check_staff_id
from ..domain.errors import InvalidInput
from ..domain.money import to_decimal
from ..domain.errors import NotAuthorized
from ..domain.pins import NEW_PIN_DIGITS, check_pin_format
from ..domain.roles import Action, require, to_role
from ..ledger.db import warn_if_gui_thread
from .session import Session


def _token(session: Session):
    if session.staff.session_token is None:
        raise NotAuthorized("Staff can be managed only while the ledger is online.")
    return session.staff.session_token


def add_staff(services, session: Session, staff_id: str, name: str, role: str, pin: str, *,
              approval_limit: Decimal | str | None = None) -> None:
    warn_if_gui_thread("add_staff")
    require(session.staff.role, Action.MANAGE_STAFF)
    staff_id = check_staff_id(staff_id)
    role_enum = to_role(role)
    check_pin_format(pin, min_digits=NEW_PIN_DIGITS)
    if not (name or "").strip():
        raise InvalidInput("Give the staff member's name.")
    if approval_limit in (None, ""):
        limit = None
    elif isinstance(approval_limit, str):
        limit = parse_amount(approval_limit, services.currency).amount  # "2,50,000" as typed
    else:
        limit = to_decimal(approval_limit)

    services.ledger.add_staff(_token(session), staff_id, name.strip(), role_enum.value, pin, limit)


def disable_staff(services, session: Session, staff_id: str) -> None:
    warn_if_gui_thread("disable_staff")
    require(session.staff.role, Action.MANAGE_STAFF)
    staff_id = check_staff_id(staff_id)
    if staff_id == session.staff.id:
        raise InvalidInput("You cannot disable yourself; another supervisor must.")

    if not services.ledger.set_staff_active(_token(session), staff_id, False):
        raise InvalidInput.no_staff_member(staff_id)


def reset_pin(services, session: Session, staff_id: str, new_pin: str) -> None:
    """Set a new PIN (6 to 12 digits); clears failed attempts, lockouts and open sessions."""
    warn_if_gui_thread("reset_pin")
    require(session.staff.role, Action.MANAGE_STAFF)
    staff_id = check_staff_id(staff_id)
    check_pin_format(new_pin, min_digits=NEW_PIN_DIGITS)
    if not services.ledger.reset_staff_pin(_token(session), staff_id, new_pin):
        raise InvalidInput.no_staff_member(staff_id)


def staff_list(services) -> list[dict]:
    rows = services.ledger.staff_list()
    return [{"id": r[0], "name": r[1], "role": r[2], "active": r[3],
             "approval_limit": str(r[4]) if r[4] is not None else None,
             "locked_until": r[5].isoformat() if r[5] else None,
             "pin_reset_required": r[6]} for r in rows]
