"""The counter's one posting service: the CLI, the journal and the GUI all come here.

`submit` is the only path from a person's request to the ledger: `authorize` checks who
is asking and what policy requires (roles, shift, dual control, or what can be checked
offline); then the services' local side posts it (through the terminal's journal, or
straight to the ledger for tools without one).

When the staff member logged in through the database (`StaffMember.session_token`), the
database's posting API decides everything again in the posting's own transaction (rights,
approvals, this login's terminal and shift, ID threshold, MTL, audit): the client checks
only what it can without the ledger, for a quick answer, and the counter action is ONE
round trip. Without a session (the schema owner's tools) the client checks online first.
"""

from __future__ import annotations

import dataclasses

from ..domain.commands import PostingCommand
from ..domain.receipts import PendingReceipt, Receipt, with_notes
from ..monitoring.refusals import note_refusal
from .auth import StaffMember
from .authorize import after_posting, authorize
from .services import Services


def submit(services: Services, staff: StaffMember, cmd: PostingCommand,
           approver: StaffMember | None = None) -> Receipt | PendingReceipt:
    """Post `cmd` on behalf of the authenticated `staff`; exactly once by `cmd.id`."""
    session = getattr(staff, "session_token", None)
    if session is not None:
        # The issuer who approves their own correction (cmd.approver_id is theirs) entered their
        # PIN once: their session is the approver's too (the database decides whether they may).
        second = getattr(approver, "session_token", None)
        if second is None and approver is None and cmd.approver_id == staff.id:
            second = session
        cmd = dataclasses.replace(cmd, session=session, approver_session=second)
    decides = session is not None and services.database_decides
    try:
        checked = authorize(services, staff, cmd, approver, database_decides=decides)
        # the notes the ledger recorded with it, for the receipt (the API answers without them)
        result = with_notes(services.local.post(checked), checked.notes_in, checked.notes_out)
    except Exception as exc:
        note_refusal(services, cmd, exc)  # refused/failed postings by reason (monitoring)
        raise
    if not decides:  # a bound terminal's posting wrote its MTL entry in its own transaction
        after_posting(services, staff, checked, approver, result)
    return result

