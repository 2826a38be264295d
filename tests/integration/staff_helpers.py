"""Helpers for the staff/roles/shifts integration tests: fresh staff, sessions, funded players."""

from __future__ import annotations

import uuid
from decimal import Decimal

from cashier_desktop.domain.kinds import Kind
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.staff import add_staff
from cashier_desktop.terminal.auth import StaffMember, authenticate
from cashier_desktop.terminal.session import Session
from tests.support.factories import cmd, make_player
from tests.support.shifts import _terminal_logins, staff_at

PIN = "4321"
_pins: dict[str, str] = {}  # staff id -> PIN, to log them in again at a terminal's own login


def new_staff(engine, role: str, *, approval_limit: Decimal | None = None, pin: str = PIN,
              terminal: str | None = None) -> StaffMember:
    """A fresh staff member of `role` (random id), so tests never share lockout counters,
    logged in through the database (`cage.staff_login`): the member carries a session
    token of `terminal`'s login (made by `make_services`), or else of `engine`'s."""
    sid = f"{role[0].upper()}{uuid.uuid4().hex[:8]}"
    add_staff(engine, sid, f"Test {role}", role, pin, approval_limit=approval_limit)
    _pins[sid] = pin
    staff = authenticate(engine, sid, pin)
    return at_terminal(staff, terminal) if terminal is not None else staff


def at_terminal(staff: StaffMember, terminal_id: str) -> StaffMember:
    """`staff` (made by `new_staff`) logged in at the login of `terminal_id`, when the test
    made one (`make_services`): the session the database accepts from that terminal."""
    if terminal_id in _terminal_logins and staff.id in _pins:
        return staff_at(staff, terminal_id, _pins[staff.id])
    return staff


def session_for(staff: StaffMember, terminal_id: str) -> Session:
    return Session(staff=at_terminal(staff, terminal_id), terminal_id=terminal_id)


def new_terminal() -> str:
    return f"T-{uuid.uuid4().hex[:8]}"


def funded_player(engine, amount: str = "100000") -> str:
    """A new player with cash on account (posted at ledger level, no shift involved)."""
    pid = make_player(engine)
    post(engine, cmd(Kind.DEPOSIT, pid, amount, terminal_id="SEED"))
    return pid


def player_with_credit(engine, limit: str = "50000", drawn: str | None = None) -> str:
    pid = make_player(engine)
    post(engine, cmd(Kind.CREDIT_LINE, pid, limit, staff="F200", approver_id="F200", terminal_id="SEED"))
    if drawn:
        post(engine, cmd(Kind.MARKER_ISSUE, pid, drawn, terminal_id="SEED"))
    return pid
