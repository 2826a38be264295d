"""Staff rows that change: PIN failures and lockouts, disabling, PIN resets, new staff.

Lockout bookkeeping runs in the caller's transaction with the staff row locked, so two
terminals typing wrong PINs for the same person count every failure exactly once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Connection

from ..domain.errors import InvalidInput
from ..domain.pins import hash_pin
from .db import sqlstate


def db_now(conn: Connection) -> datetime:
    return conn.execute(text("SELECT clock_timestamp()")).scalar_one()


def record_failure(conn: Connection, staff_id: str, *, attempts: int, minutes: int,
                   now: datetime) -> datetime | None:
    """Count one wrong PIN; returns the lock expiry if this failure locks the account."""
    row = conn.execute(text("""
        UPDATE staff SET
            failed_attempts = CASE WHEN failed_attempts + 1 >= :n THEN 0 ELSE failed_attempts + 1 END,
            locked_until = CASE WHEN failed_attempts + 1 >= :n THEN CAST(:until AS timestamptz)
                                ELSE locked_until END
        WHERE id = :id RETURNING locked_until, failed_attempts"""),
        {"n": attempts, "until": now + timedelta(minutes=minutes), "id": staff_id}).first()
    if row and row[1] == 0 and row[0] is not None and row[0] > now:
        return row[0]
    return None


def record_success(conn: Connection, staff_id: str) -> None:
    conn.execute(text("""UPDATE staff SET failed_attempts = 0, locked_until = NULL
                         WHERE id = :id AND (failed_attempts <> 0 OR locked_until IS NOT NULL)"""),
                 {"id": staff_id})


def insert_staff(conn: Connection, staff_id: str, name: str, role: str, pin: str, approval_limit=None) -> None:
    try:
        with conn.begin_nested():
            conn.execute(text("""INSERT INTO staff (id, name, role, pin_hash, approval_limit)
                                 VALUES (:id, :n, :r, :h, :a)"""),
                         {"id": staff_id, "n": name, "r": role, "h": hash_pin(pin), "a": approval_limit})
    except saexc.IntegrityError as exc:
        if sqlstate(exc) == "23505":
            raise InvalidInput(f"There is already a staff member {staff_id}.") from None
        raise


def set_active(conn: Connection, staff_id: str, active: bool) -> bool:
    return conn.execute(text("UPDATE staff SET active = :a WHERE id = :id"),
                        {"a": active, "id": staff_id}).rowcount == 1


def set_pin(conn: Connection, staff_id: str, pin: str) -> bool:
    """A new PIN also clears failures and any lockout."""
    return conn.execute(text("""UPDATE staff SET pin_hash = :h, failed_attempts = 0, locked_until = NULL
                                WHERE id = :id"""), {"h": hash_pin(pin), "id": staff_id}).rowcount == 1


def list_staff(conn: Connection) -> list[tuple]:
    return conn.execute(text("""SELECT id, name, role, active, approval_limit, locked_until
                                FROM staff ORDER BY id""")).fetchall()
