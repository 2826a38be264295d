"""A player's history at the counter: paged postings with filters, credit line, ID on file."""

from __future__ import annotations

from ..ledger.history import HistoryFilter, HistoryPage, IdOnFile
from .credit import credit_history
from .services import Services

__all__ = ["HistoryFilter", "HistoryPage", "IdOnFile", "player_history", "player_overview"]


def player_history(services: Services, player_id: str, flt: HistoryFilter, *, offset: int = 0,
                   limit: int = 50) -> HistoryPage:
    return services.ledger.player_history(player_id, flt, offset=offset, limit=limit)


def player_overview(services: Services, player_id: str) -> tuple[list, IdOnFile | None]:
    """The player's credit-line history (every request, oldest first) and the ID on file."""
    return credit_history(services, player_id), services.ledger.identification_on_file(player_id)
