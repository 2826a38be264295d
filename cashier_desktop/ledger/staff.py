"""Staff records in the ledger database (ids, roles, PIN hashes, lockout counters)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from ..domain.commands import check_staff_id
from ..domain.pins import hash_pin

ROLES = ("cashier", "floor_manager", "supervisor")


@dataclass(frozen=True, slots=True)
class StaffRecord:
    id: str
    name: str
    role: str
    active: bool
    pin_hash: str
    approval_limit: Decimal | None
    failed_attempts: int
    locked_until: datetime | None


_COLUMNS = "id, name, role, active, pin_hash, approval_limit, failed_attempts, locked_until"


def get_staff(conn: Connection, staff_id: str, *, for_update: bool = False) -> StaffRecord | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM staff WHERE id = :id"
                            + (" FOR UPDATE" if for_update else "")), {"id": staff_id}).first()
    return StaffRecord(*row) if row else None


def add_staff(engine: Engine, staff_id: str, name: str, role: str, pin: str, *,
              approval_limit: Decimal | None = None, exist_ok: bool = False) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role}")
    sql = (f"INSERT INTO staff (id, name, role, pin_hash, approval_limit) VALUES (:id, :n, :r, :h, :a)"
           + (" ON CONFLICT (id) DO NOTHING" if exist_ok else ""))
    with engine.begin() as conn:
        conn.execute(text(sql), {"id": check_staff_id(staff_id), "n": name, "r": role,
                                 "h": hash_pin(pin), "a": approval_limit})
