"""A person at a terminal: logged in with their PIN, until they log out.

`Session` is what the GUI holds: who (staff), where (terminal), and the terminal's open
shift as last seen (refresh it with `shifts.current_shift`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..domain.errors import LedgerUnavailable
from ..ledger.shifts import ShiftRecord
from .auth import StaffMember, authenticate_at, end_session

log = logging.getLogger(__name__)


@dataclass
class Session:
    staff: StaffMember
    terminal_id: str
    shift: ShiftRecord | None = None
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    active: bool = True


def login(services, staff_id: str, pin: str, *, terminal_id: str | None = None) -> Session:
    """Log in at this terminal; AuthenticationFailed / AccountLocked with a sentence.

    Online the database checks the PIN and opens a staff session (`auth.authenticate`);
    with the ledger unreachable, the journal's offline verifier and lockout decide."""
    terminal = terminal_id or services.config.terminal_id
    try:
        staff = authenticate_at(services.ledger, staff_id, pin, terminal_id=terminal, purpose="login")
        shift = services.ledger.open_shift_of(terminal)
    except LedgerUnavailable as exc:  # the journal's staff cache decides (a DirectSide re-raises)
        return Session(staff=services.local.authenticate_offline(staff_id, pin, exc), terminal_id=terminal)
    services.local.remember_login(staff, pin)
    if staff.session_token is not None:
        services.database_decides  # noqa: B018 - asked now, once, not in the first posting's time
    return Session(staff=staff, terminal_id=terminal, shift=shift)


def logout(services, session: Session) -> None:
    """End the session (audited). The shift stays open: closing it is a count, not a logout."""
    if not session.active:
        return
    try:
        if session.staff.session_token is not None:
            end_session(services.ledger, session.staff)  # the database audits it
        else:
            services.ledger.audit("logout", staff_id=session.staff.id, terminal_id=session.terminal_id)
    except LedgerUnavailable as exc:
        services.local.carry_on_offline(exc)  # a DirectSide re-raises it
        log.warning("logout of %s at %s not audited: the ledger is offline", session.staff.id,
                    session.terminal_id)
    session.active = False
