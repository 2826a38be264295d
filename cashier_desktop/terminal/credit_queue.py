"""The floor manager's queue: every pending credit request with the player's standing."""

from __future__ import annotations

from dataclasses import dataclass

from ..ledger.credit import CreditRequest
from ..ledger.credit_context import CreditContext
from .credit import list_credit_requests
from .services import Services


@dataclass(frozen=True, slots=True)
class QueueItem:
    request: CreditRequest
    context: CreditContext | None  # None only if the player vanished (never in practice)
    requested_by_name: str


def credit_queue(services: Services) -> list[QueueItem]:
    """Pending requests, oldest first, each with what the decision needs (three reads)."""
    requests = list_credit_requests(services, status="pending")
    contexts = services.ledger.credit_contexts([r.player_id for r in requests])
    names = services.ledger.staff_names([r.requested_by for r in requests])
    return [QueueItem(r, contexts.get(r.player_id), names.get(r.requested_by, "")) for r in requests]
