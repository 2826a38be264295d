"""What a terminal knows of each player's balance, kept in version order.

Pure logic, no I/O: the feeds hand it events and a `fetch` callable. The rules
(ARCHITECTURE.md, "Live balances"):

- an event whose version is lower than or equal to the known one is a duplicate or
  arrives late: ignored;
- the next version (known + 1), or the first one heard for a player: accepted;
- a jump of more than one means events were missed: the player is fetched from the
  ledger, never trusted from the event alone; an event above the version the ledger
  returns is dropped (nothing in the ledger says it happened);
- what a refetch returns is the truth: the ledger's version replaces whatever was known,
  even a higher one — a forged event with version 1,000,000 must not make every real
  event after it look stale (issue 14, attack 10);
- after every (re)connect the watched players are fetched again (Pusher keeps no history).

Not thread-safe by itself: each feed drives its view from one worker thread.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Callable, Iterable

from ..domain.errors import InvalidAmount
from ..domain.receipts import Balance

log = logging.getLogger(__name__)

Fetch = Callable[[list[str]], list[Balance]]
OnBalance = Callable[[Balance], None]


def balance_from_payload(payload: dict, currency: str) -> Balance:
    """A `Balance` from an event payload (portal keys plus running totals, migration 0003).

    The payload carries amounts as decimal strings and no currency: the feed names the
    cage's (`currency`), the one every posting is in. It carries no name (`name` is ""). A
    payload without totals (written before 0003) or otherwise malformed raises `ValueError`:
    the feed then fetches the player.
    """
    try:
        return Balance.of_amounts(
            currency, player_id=str(payload["playerId"]), version=int(payload["version"]),
            cash=payload["cashBalance"], credit=payload["creditBalance"],
            credit_limit=payload["creditLimit"], credit_approved=bool(payload["creditApproved"]),
            total_deposits=payload["totalDeposits"], total_withdrawals=payload["totalWithdrawals"])
    except (KeyError, TypeError, ArithmeticError, InvalidAmount) as exc:
        raise ValueError(f"not a balance event payload: {payload!r:.200}") from exc


@dataclass
class ViewStats:
    accepted: int = 0
    ignored: int = 0
    gaps: int = 0
    refetches: int = 0
    fetch_failures: int = 0


class BalanceView:
    """Per-player known versions; calls `on_balance` only with something newer."""

    def __init__(self, fetch: Fetch, on_balance: OnBalance) -> None:
        self.fetch = fetch
        self.on_balance = on_balance
        self.known: dict[str, int] = {}
        self.names: dict[str, str] = {}  # events carry no name: keep the one last fetched
        self.watched: set[str] = set()
        self.stale: set[str] = set()  # a refetch failed: fetch again at the next chance
        # A view of every player (`feed watch` with no player): after a reconnect it fetches
        # every player it has heard of, not only the watched ones. Without this, the last
        # events of a player missed while disconnected stayed missed until that player's
        # next event (the soak caught a subscriber 12 versions behind at the end).
        self.follow_all = False
        self.stats = ViewStats()

    def _accept(self, balance: Balance) -> None:
        if balance.name:
            self.names[balance.player_id] = balance.name
        elif self.names.get(balance.player_id):
            balance = dataclasses.replace(balance, name=self.names[balance.player_id])
        self.known[balance.player_id] = balance.version
        self.stats.accepted += 1
        self.on_balance(balance)

    def apply(self, balance: Balance) -> str:
        """One event. Returns what happened: 'accepted', 'ignored' or 'refetched'."""
        pid = balance.player_id
        known = self.known.get(pid)
        if known is not None and balance.version <= known:
            self.stats.ignored += 1
            return "ignored"
        if known is None or balance.version == known + 1:
            if pid in self.stale and self.refetch([pid]):
                return self.apply(balance) if self.known.get(pid, -1) < balance.version else "refetched"
            self._accept(balance)
            return "accepted"
        self.stats.gaps += 1
        log.info("player %s: version %s after %s, events missed: refetching", pid, balance.version, known)
        if not self.refetch([pid]):
            # The ledger cannot be asked now: the event is a complete, newer snapshot, so show
            # it, and fetch again at the next chance.
            self._accept(balance)
            self.stale.add(pid)
        elif self.known.get(pid, -1) < balance.version:
            # The ledger has no such version: the event is not a committed change. Drop it.
            log.warning("player %s: event version %s is above the ledger's %s: dropped",
                        pid, balance.version, self.known.get(pid))
            self.stats.ignored += 1
        return "refetched"

    def refetch(self, player_ids: Iterable[str]) -> bool:
        """Fetch players from the ledger and accept whatever is newer. False if it failed."""
        ids = sorted(set(player_ids))
        if not ids:
            return True
        self.stats.refetches += 1
        try:
            balances = self.fetch(ids)
        except Exception:  # noqa: BLE001 - any failure: keep what we have, retry later
            self.stats.fetch_failures += 1
            self.stale.update(ids)
            log.warning("refetching %d players failed; will retry", len(ids), exc_info=True)
            return False
        self.stale.difference_update(ids)
        for b in balances:
            # The ledger's version wins, lower or higher: only a forged event can be above it.
            if b.version != self.known.get(b.player_id):
                self._accept(b)
        return True

    def watch(self, player_ids: Iterable[str]) -> set[str]:
        """Set the players on screen; returns the newly added ones (to be fetched)."""
        new = set(player_ids)
        added = new - self.watched
        self.watched = new
        return added

    def reconnected(self) -> bool:
        """After a (re)connect: anything may have been missed, fetch the watched players
        (with `follow_all`, every player heard of)."""
        return self.refetch(self.watched | self.stale | (set(self.known) if self.follow_all else set()))

    def retry_stale(self) -> bool:
        """Fetch again the players whose last refetch failed (the feed calls this while idle,
        so a view left stale by a ledger outage does not wait for the player's next event)."""
        return self.refetch(self.stale) if self.stale else True
