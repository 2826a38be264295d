"""Reversing a foreign exchange, as a supervisor at the counter does it (the dialog and
`exchange reverse` both call this): the approver's PIN is checked first when one is named;
the database decides the right, the authority limits, once-only and the drawer."""

from __future__ import annotations

from uuid import UUID

from ..domain.errors import InvalidInput, NotAuthorized
from ..ledger.exchange import Exchange
from .auth import StaffMember, verify_approver
from .verbs import Credentials


def parse_exchange_id(text: str | UUID) -> UUID:
    if isinstance(text, UUID):
        return text
    try:
        return UUID((text or "").strip())
    except ValueError:
        raise InvalidInput(f"“{text}” is not an exchange id.") from None


def reverse_exchange(services, staff: StaffMember, exchange_id: str | UUID, reason: str, *,
                     approver: Credentials | None = None, reversal_id: UUID | None = None) -> Exchange:
    """Undo exchange `exchange_id` (foreign and local cash back, at its rate), once."""
    original = parse_exchange_id(exchange_id)
    if not (reason or "").strip():
        raise InvalidInput("A reversal needs a reason.")
    if staff.session_token is None:
        raise NotAuthorized("An exchange is reversed only online: log in again when the ledger is back.")
    second = None
    if approver is not None and approver.staff_id != staff.id:
        second = verify_approver(services, approver.staff_id, approver.pin).session_token
    return services.ledger.reverse_exchange(session=staff.session_token, original_id=original,
                                            reason=reason.strip(), reversal_id=reversal_id, approver_session=second)
