"""Staff records in the ledger database (ids, names, roles, authority).

PIN verifiers, failure counts and lockouts are not here: they live in `cage.staff_auth`
(migration 0009), which no login role can read or write; only the database's own
functions (`cage.staff_login`, the staff-administration functions) touch them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from ..domain.commands import check_staff_id
from ..domain.pins import check_pin_format
from .db import reading, warn_if_gui_thread

ROLES = ("cashier", "floor_manager", "supervisor")


@dataclass(frozen=True, slots=True)
class StaffRecord:
    id: str
    name: str
    role: str
    active: bool
    approval_limit: Decimal | None


_COLUMNS = "id, name, role, active, approval_limit"


def get_staff(conn: Connection, staff_id: str, *, for_update: bool = False) -> StaffRecord | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM staff WHERE id = :id"
                            + (" FOR UPDATE" if for_update else "")), {"id": staff_id}).first()
    return StaffRecord(*row) if row else None


def staff_names(engine: Engine, staff_ids: list[str]) -> dict[str, str]:
    """id → name for the given staff (unknown ids are left out), in one read."""
    ids = sorted({s for s in staff_ids if s})
    if not ids:
        return {}
    warn_if_gui_thread("staff_names")
    with reading(engine) as conn:
        return dict(conn.execute(text("SELECT id, name FROM staff WHERE id = ANY(:ids)"), {"ids": ids}).all())


def add_staff(engine: Engine, staff_id: str, name: str, role: str, pin: str, *,
              approval_limit: Decimal | None = None, exist_ok: bool = False, min_digits: int = 4) -> None:
    """The administrator's path (schema owner: `db seed-demo`, the first supervisor, tests):
    the row, then the PIN through `cage.owner_set_pin`, which only the owner may execute.
    With `exist_ok` an existing member keeps their record but gets this PIN again (the demo
    staff keep 1111/2222/3333 after an upgrade re-set every pre-0009 PIN)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role}")
    staff_id = check_staff_id(staff_id)
    check_pin_format(pin, min_digits=min_digits)
    sql = ("INSERT INTO staff (id, name, role, approval_limit) VALUES (:id, :n, :r, :a)"
           + (" ON CONFLICT (id) DO NOTHING" if exist_ok else ""))
    with engine.begin() as conn:
        conn.execute(text(sql), {"id": staff_id, "n": name, "r": role, "a": approval_limit})
        conn.execute(text("SELECT cage.owner_set_pin(:id, :p, :m)"),
                     {"id": staff_id, "p": pin, "m": min_digits})
