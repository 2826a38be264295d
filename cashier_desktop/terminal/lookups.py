"""Reads the counter screens need: player search, balances, recent postings, integrity.

Thin and Qt-free so the GUI (through ui/ops.py) never reaches the ledger package itself.
"""

from __future__ import annotations

from uuid import UUID

from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.policy import Requirements
from ..domain.receipts import Balance, Receipt
from .services import Services


def search_players(services: Services, query: str, limit: int = 20) -> list[Balance]:
    """Players whose id, card number or name starts with `query`."""
    return services.ledger.search_players(query, limit=limit, currency=services.currency.code)


def player_balance(services: Services, player_id: str) -> Balance:
    """One player's balances; PlayerNotFound if there is none.

    The cash seen is remembered (by a journal): offline withdrawals are judged against it.
    """
    balance = services.ledger.balance(player_id, currency=services.currency.code)
    services.local.remember_balance(balance.player_id, balance.cash.amount)
    return balance


def open_alert_id(services: Services, player_id: str) -> int | None:
    """The open integrity alert on this player's balance, if any: every screen showing the
    balance marks it (the figure may not be what the ledger says)."""
    return services.ledger.open_alert_id(player_id)


def player_balances(services: Services, player_ids: list[str]) -> list[Balance]:
    return services.ledger.balances(list(player_ids), currency=services.currency.code)


def recent_postings(services: Services, player_id: str, limit: int = 20) -> list[Receipt]:
    return services.ledger.recent_postings(player_id, limit=limit)


def shift_postings(services: Services, shift_id: int) -> list[Receipt]:
    return services.ledger.shift_receipts(shift_id)


def posting(services: Services, posting_id: UUID | str) -> Receipt | None:
    return services.ledger.posting(posting_id)


def integrity_findings(services: Services) -> list[str]:
    """Every discrepancy as a sentence, anchors included (`verbs.integrity`, as the CLI's);
    an empty list means the ledger is clean."""
    from .verbs import integrity
    return [f.sentence() for f in integrity(services)]


def posting_requirements(services: Services, staff, kind: Kind, player_id: str, amount: Money) -> Requirements:
    """`authorize.posting_requirements`, with a lost connection reported as LedgerUnavailable
    (the GUI then falls back to what the local policy alone can say)."""
    from .authorize import posting_requirements as requirements_of
    return requirements_of(services, staff, kind, player_id, amount)  # its reads map errors (ledger.db.reading)
