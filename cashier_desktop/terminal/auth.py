"""Staff authentication: who is at the counter, proven by their PIN — checked by the database.

The PIN goes to `cage.staff_login` (migration 0009), which verifies it inside PostgreSQL
against a verifier no login role can read, counts failures and lockouts where no login can
reset them, writes the audit row, and returns a session token bound to this terminal's
database login. Whether the PIN was right is learnt from `cage.session_staff` in a second
transaction: the login always commits before its outcome can be seen, so a terminal that
rolls back cannot guess without every guess being counted. The lockout rule is the
database's (`cage.auth_rules`: 5 wrong PINs lock for 5 minutes, doubling with each lockout
in a row, alerting from the second).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from ..domain.commands import check_staff_id
from ..domain.errors import AuthenticationFailed, InvalidInput
from ..domain.policy import Policy
from ..domain.roles import Role
from ..ledger.db import warn_if_gui_thread
from ..ledger.api import Ledger

if TYPE_CHECKING:
    from .ledger_port import CageLedger

NOT_RECOGNISED = "Staff id or PIN not recognised."



@dataclass(frozen=True, slots=True)
class StaffMember:
    """A staff member who proved their PIN. `approval_limit` None = role default.

    `session_token` is the database's proof of that PIN (`cage.staff_login`): the posting
    API acts only for a session it can check. None for an offline login (the journal's
    verifier), whose postings are replayed as attested by the terminal."""

    id: str
    name: str
    role: str
    approval_limit: Decimal | None = None
    session_token: UUID | None = None

    @property
    def role_enum(self) -> Role:
        return Role(self.role)


def policy_of(services) -> Policy:
    """The cage policy from the services' configuration (built once, then cached)."""
    return services.policy


def authenticate(engine: Engine, staff_id: str, pin: str, *, terminal_id: str | None = None,
                 purpose: str = "login") -> StaffMember:
    """The active staff member whose PIN this is, with a database session for them.

    Args:
        engine: the ledger.
        staff_id, pin: what was typed.
        terminal_id: recorded in the audit row (the database records its login itself).
        purpose: "login" (a session for the shift) or "approval" (an approver's PIN for
            one dual-control step: a session of two minutes).
    Raises:
        AuthenticationFailed: unknown id, disabled, or wrong PIN (one sentence for all),
            or a PIN from before migration 0009 that a supervisor must re-set.
        AccountLocked: too many wrong PINs; says until when.
    """
    return authenticate_at(Ledger(engine), staff_id, pin, terminal_id=terminal_id, purpose=purpose)


def authenticate_at(ledger: "CageLedger", staff_id: str, pin: str, *, terminal_id: str | None = None,
                    purpose: str = "login") -> StaffMember:
    """`authenticate` through the services' ledger port (`Services.ledger`): the same rules,
    so a fake of the port can stand in for the database."""
    warn_if_gui_thread("authenticate")
    try:
        staff_id = check_staff_id(staff_id)
    except InvalidInput:
        raise AuthenticationFailed(NOT_RECOGNISED) from None
    token, sid, name, role, limit = ledger.open_staff_session(
        staff_id, pin or "", terminal_id=terminal_id, purpose="approval" if purpose == "approval" else "login")
    return StaffMember(sid, name, role, limit, token)


def end_session(ledger: "CageLedger", member: StaffMember) -> None:
    """End the member's database session (audited by the database); nothing if offline."""
    if member.session_token is None:
        return
    ledger.close_staff_session(member.session_token)


def verify_approver(services, staff_id: str, pin: str, *, terminal_id: str | None = None) -> StaffMember:
    """A second person's PIN for a dual-control step (same lockout and audit as a login):
    a two-minute session for this action. Whether this person may approve *this* posting
    is decided by `authorize` (and again by the database's posting function).
    """
    return authenticate_at(services.ledger, staff_id, pin,
                           terminal_id=terminal_id or services.config.terminal_id, purpose="approval")
