"""Staff administration through the database's functions (migration 0009).

Adding staff, disabling them and setting a PIN are `cage.staff_add`, `cage.staff_set_active`
and `cage.staff_reset_pin`: each checks that the session it is given is a supervisor's,
hashes the PIN inside the database, and writes the audit row itself. Failure counts and
lockouts are changed only by `cage.staff_login` (and cleared by a new PIN).

`set_active` without a session is the schema owner's path (tests, an administrator in
psql): login roles have no UPDATE on `staff`.
"""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import Connection


def add(conn: Connection, session: UUID, staff_id: str, name: str, role: str, pin: str,
        approval_limit: Decimal | None = None) -> None:
    conn.execute(text("SELECT cage.staff_add(:tok, :id, :n, :r, :p, :a)"),
                 {"tok": session, "id": staff_id, "n": name, "r": role, "p": pin, "a": approval_limit})


def set_active_as(conn: Connection, session: UUID, staff_id: str, active: bool) -> bool:
    return conn.execute(text("SELECT cage.staff_set_active(:tok, :id, :a)"),
                        {"tok": session, "id": staff_id, "a": active}).scalar_one()


def reset_pin_as(conn: Connection, session: UUID, staff_id: str, pin: str) -> bool:
    """A new PIN also clears failures, lockouts and the member's open sessions."""
    return conn.execute(text("SELECT cage.staff_reset_pin(:tok, :id, :p)"),
                        {"tok": session, "id": staff_id, "p": pin}).scalar_one()


def set_active(conn: Connection, staff_id: str, active: bool) -> bool:
    """The owner's path (no session): enable or disable directly."""
    return conn.execute(text("UPDATE staff SET active = :a WHERE id = :id"),
                        {"a": active, "id": staff_id}).rowcount == 1


def list_staff(conn: Connection) -> list[tuple]:
    """(id, name, role, active, approval_limit, locked_until, pin_reset_required) by id."""
    return conn.execute(text("""
        SELECT s.id, s.name, s.role, s.active, s.approval_limit,
               CASE WHEN l.locked_until > clock_timestamp() THEN l.locked_until END,
               coalesce(l.pin_reset_required, false)
        FROM staff s LEFT JOIN cage.staff_locks() l ON l.staff_id = s.id
        ORDER BY s.id""")).fetchall()
