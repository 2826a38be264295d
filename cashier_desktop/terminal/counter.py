"""The counter's one posting service: the CLI, the journal and the GUI all come here.

`submit` is the only path from a person's request to the ledger: `authorize` checks who
is asking and what policy requires (roles, shift, dual control); then the services'
poster sends it (straight to the ledger, or through the terminal's journal when one is
configured).

When the staff member logged in through the database (`StaffMember.session_token`), the
database's posting API decides everything again in the posting's own transaction (rights,
approvals, this login's terminal and shift, ID threshold, MTL, audit): the client checks
only what it can without the ledger, for a quick answer, and the counter action is ONE
round trip. Without a session (the schema owner's tools) the client checks online first.
"""

from __future__ import annotations

import dataclasses

from ..domain.commands import PostingCommand
from ..domain.errors import LedgerUnavailable
from ..domain.receipts import Receipt
from ..ledger.posting import post
from ..monitoring.refusals import note_refusal
from .auth import StaffMember
from .authorize import after_posting, authorize
from .services import Services


def submit(services: Services, staff: StaffMember, cmd: PostingCommand,
           approver: StaffMember | None = None) -> Receipt:
    """Post `cmd` on behalf of the authenticated `staff`; exactly once by `cmd.id`."""
    session = getattr(staff, "session_token", None)
    if session is not None:
        cmd = dataclasses.replace(cmd, session=session, approver_session=getattr(approver, "session_token", None))
    decides = session is not None and _database_decides(services)
    try:
        try:
            checked = authorize(services, staff, cmd, approver, database_decides=decides)
        except LedgerUnavailable:
            offline = services.extras.get("authorize_offline")  # what can be checked offline
            if offline is None:
                raise
            checked = offline(staff, cmd, approver)
        poster = services.extras.get("poster")
        result = poster(checked) if poster is not None else post(services.engine, checked)
    except Exception as exc:
        note_refusal(services, cmd, exc)  # refused/failed postings by reason (monitoring)
        raise
    if not decides:  # a bound terminal's posting wrote its MTL entry in its own transaction
        after_posting(services, staff, checked, approver, result)
    return result


def _database_decides(services) -> bool:
    """True when this terminal's login is bound to a terminal (`add-login --terminal-id`):
    the posting API then checks staff, shift and large cash itself, so the client's online
    pre-check would only add a round trip. Asked once per services."""
    known = services.extras.get("database_decides")
    if known is None:
        from ..ledger.api_tables import bound_terminal
        known = services.extras["database_decides"] = bound_terminal(services.engine) is not None
    return known
