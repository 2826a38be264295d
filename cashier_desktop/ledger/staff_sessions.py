"""Staff sessions in the database (migration 0009): a PIN checked by `cage.staff_login`,
the session's staff read back by `cage.session_staff`, ended by `cage.staff_logout`.

The login commits before its outcome can be seen (two transactions), so a caller that
rolls back cannot guess PINs without every guess being counted.
"""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import map_error

_LOGIN = text("SELECT cage.staff_login(:s, :p, :purpose, :t)")
_WHO = text("""SELECT s.staff_id, st.name, s.role, s.approval_limit
               FROM cage.session_staff(:tok) s JOIN staff st ON st.id = s.staff_id""")
_LOGOUT = text("SELECT cage.staff_logout(:tok)")


def open_staff_session(engine: Engine, staff_id: str, pin: str, *, purpose: str, terminal_id: str | None
                       ) -> tuple[UUID, str, str, str, Decimal | None]:
    """(token, staff id, name, role, approval limit) of a new session, or the database's
    refusal mapped (AuthenticationFailed, AccountLocked, LedgerUnavailable)."""
    try:
        with engine.begin() as conn:  # committed before anyone can see whether it worked
            token = conn.execute(_LOGIN, {"s": staff_id, "p": pin, "t": terminal_id, "purpose": purpose}
                                 ).scalar_one()
        with engine.begin() as conn:
            sid, name, role, limit = conn.execute(_WHO, {"tok": token}).one()
    except Exception as exc:  # noqa: BLE001 - driver errors become domain errors
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
    return token, sid, name, role, limit


def close_staff_session(engine: Engine, token: UUID) -> None:
    """End a session (the database audits it)."""
    try:
        with engine.begin() as conn:
            conn.execute(_LOGOUT, {"tok": token})
    except Exception as exc:  # noqa: BLE001
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
