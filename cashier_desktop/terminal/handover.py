"""Handover at the counter: the outgoing cashier hands the drawer to the incoming one without
closing the terminal.

Both count the drawer (the incoming cashier blind: nothing here shows them the expected
figure or the outgoing count), both enter their PINs; the database closes the outgoing
shift exactly as at close (its variance goes to the supervisor's review) and opens the
incoming cashier's shift with the count as its float, in one transaction
(`cage.handover_shift`). The outgoing cashier's session ends with it.

Each attempt has an id (0024): the caller keeps it while the answer is unknown (the ledger
unreachable, or in doubt) and sends it again, and the database answers a resend with the
first handover instead of handing over twice; after a refusal nothing happened and the next
attempt takes a new id.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..domain.errors import NotAuthorized, ShiftError, ShiftNotOpen
from ..domain.roles import Action, require
from ..ledger.db import warn_if_gui_thread
from ..ledger.shifts import ShiftRecord
from .auth import authenticate_at
from .session import Session
from .shifts import _count, _foreign, _remember_shift  # noqa: PLC2701 - one count parser, one journal hook
from .verbs import Credentials


@dataclass(frozen=True, slots=True)
class Handover:
    """What a handover did: the outgoing shift as closed (expected, variance, needs sign-off)
    and the incoming cashier's session with their new shift."""

    closed: ShiftRecord
    opened: ShiftRecord
    incoming: Session
    replayed: bool = False  # the answer to a resend of an id already handed over


def hand_over(services, session: Session, incoming: Credentials, counts, incoming_counts, *,
              handover_id: uuid.UUID | None = None, foreign=None, incoming_foreign=None) -> Handover:
    """Hand the terminal's drawer from `session`'s cashier to `incoming`.

    Args:
        counts: the outgoing cashier's count by denomination ("500=10,100=3", a mapping).
        incoming_counts: the incoming cashier's own count of the same drawer; the two must
            agree, or nothing changes (count again together).
        foreign, incoming_foreign: the two counts of the drawer's foreign cash
            ("USD:100=3; EUR:50=2", a mapping), which must agree too; the incoming shift
            holds it (migration 0032).
        handover_id: this attempt's id; the same one when sending again after an unknown
            answer (else a fresh one: this call alone).
    Raises:
        ShiftNotOpen, NotAuthorized, InvalidInput, ShiftError: with one sentence.
    """
    warn_if_gui_thread("hand_over")
    require(session.staff.role, Action.CLOSE_SHIFT)
    out_count, in_count = _count(services, counts), _count(services, incoming_counts)
    out_foreign, in_foreign = _foreign(services, foreign), _foreign(services, incoming_foreign)
    # A resend after a handover that did go through finds the incoming cashier's shift open:
    # it names the shift its id handed over (the database then answers with the first).
    earlier = services.ledger.handed_over_shift(handover_id) if handover_id is not None else None
    handover_id = handover_id or uuid.uuid4()
    shift = earlier or session.shift or services.ledger.open_shift_of(session.terminal_id)
    if shift is None:
        raise ShiftNotOpen(f"Terminal {session.terminal_id} has no open shift to hand over.")
    if shift.staff_id != session.staff.id:
        raise NotAuthorized(f"Shift {shift.id} belongs to {shift.staff_id}; only they can hand it over.")
    if incoming.staff_id == session.staff.id:
        raise NotAuthorized("The incoming cashier must be someone other than the outgoing one.")
    pending = services.local.pending_count(shift.id)
    if pending > 0:
        raise ShiftError(f"{pending} posting{'s are' if pending != 1 else ' is'} still waiting for the "
                         "ledger; the drawer can be handed over once they are posted.")
    member = authenticate_at(services.ledger, incoming.staff_id, incoming.pin, terminal_id=session.terminal_id)
    require(member.role, Action.OPEN_SHIFT)
    closed, opened, replayed = services.ledger.hand_over(
        handover_id=handover_id, shift_id=shift.id,
        outgoing_session=session.staff.session_token, incoming_session=member.session_token,
        outgoing_counted=out_count.total.amount, outgoing_count=out_count.to_json(),
        incoming_counted=in_count.total.amount, incoming_count=in_count.to_json(),
        outgoing_foreign=out_foreign, incoming_foreign=in_foreign)
    session.shift = None
    session.active = False  # the database ended the outgoing session
    _remember_shift(services, opened.id, opened.staff_id)
    services.local.remember_login(member, incoming.pin)
    return Handover(closed, opened, Session(staff=member, terminal_id=session.terminal_id, shift=opened), replayed)
