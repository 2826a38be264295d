"""Managing staff: add, disable, reset a PIN. Supervisors only; every change audited."""

from __future__ import annotations

from decimal import Decimal

from ..domain.amounts import parse_amount
from ..domain.commands import check_staff_id
from ..domain.errors import InvalidInput
from ..domain.money import to_decimal
from ..domain.pins import check_pin_format
from ..domain.roles import Action, require, to_role
from ..ledger import audit
from ..ledger.db import in_transaction, warn_if_gui_thread
from ..ledger.staff_admin import insert_staff, list_staff, set_active, set_pin
from .session import Session


def _run(services, fn):
    return in_transaction(services.engine, fn)


def add_staff(services, session: Session, staff_id: str, name: str, role: str, pin: str, *,
              approval_limit: Decimal | str | None = None) -> None:
    warn_if_gui_thread("add_staff")
    require(session.staff.role, Action.MANAGE_STAFF)
    staff_id = check_staff_id(staff_id)
    role_enum = to_role(role)
    check_pin_format(pin)
    if not (name or "").strip():
        raise InvalidInput("Give the staff member's name.")
    if approval_limit in (None, ""):
        limit = None
    elif isinstance(approval_limit, str):
        limit = parse_amount(approval_limit, services.currency).amount  # "2,50,000" as typed
    else:
        limit = to_decimal(approval_limit)

    def work(conn):
        insert_staff(conn, staff_id, name.strip(), role_enum.value, pin, limit)
        audit.append(conn, "staff_add", staff_id=session.staff.id, terminal_id=session.terminal_id,
                     detail={"staff": staff_id, "role": role_enum.value,
                             "approval_limit": str(limit) if limit is not None else None})
    _run(services, work)


def disable_staff(services, session: Session, staff_id: str) -> None:
    warn_if_gui_thread("disable_staff")
    require(session.staff.role, Action.MANAGE_STAFF)
    staff_id = check_staff_id(staff_id)
    if staff_id == session.staff.id:
        raise InvalidInput("You cannot disable yourself; another supervisor must.")

    def work(conn):
        if not set_active(conn, staff_id, False):
            raise InvalidInput(f"There is no staff member {staff_id}.")
        audit.append(conn, "staff_disable", staff_id=session.staff.id, terminal_id=session.terminal_id,
                     detail={"staff": staff_id})
    _run(services, work)


def reset_pin(services, session: Session, staff_id: str, new_pin: str) -> None:
    """Set a new PIN; clears failed attempts and any lockout."""
    warn_if_gui_thread("reset_pin")
    require(session.staff.role, Action.MANAGE_STAFF)
    staff_id = check_staff_id(staff_id)
    check_pin_format(new_pin)

    def work(conn):
        if not set_pin(conn, staff_id, new_pin):
            raise InvalidInput(f"There is no staff member {staff_id}.")
        audit.append(conn, "staff_reset_pin", staff_id=session.staff.id, terminal_id=session.terminal_id,
                     detail={"staff": staff_id})
    _run(services, work)


def staff_list(services) -> list[dict]:
    rows = _run(services, list_staff)
    return [{"id": r[0], "name": r[1], "role": r[2], "active": r[3],
             "approval_limit": str(r[4]) if r[4] is not None else None,
             "locked_until": r[5].isoformat() if r[5] else None} for r in rows]
