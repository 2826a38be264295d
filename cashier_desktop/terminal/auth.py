"""Staff authentication: who is at the counter, proven by their PIN."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from ..domain.commands import check_staff_id
from ..domain.errors import AuthenticationFailed
from ..domain.pins import pin_matches
from ..ledger.db import map_error
from ..ledger.staff import get_staff


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: str
    name: str
    role: str


def authenticate(engine: Engine, staff_id: str, pin: str) -> StaffMember:
    """The active staff member whose PIN this is, or AuthenticationFailed."""
    staff_id = check_staff_id(staff_id)
    try:
        with engine.connect() as conn:
            rec = get_staff(conn, staff_id)
    except Exception as exc:  # noqa: BLE001
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
    if rec is None or not rec.active or not pin_matches(rec.pin_hash, pin or ""):
        raise AuthenticationFailed("Staff id or PIN not recognised.")
    return StaffMember(rec.id, rec.name, rec.role)
