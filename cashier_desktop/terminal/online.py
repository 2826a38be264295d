"""Online or offline: the terminal's link to the ledger, and what it may take offline.

`Link` turns offline the moment the ledger cannot be reached (connection refused, timeout,
connection lost mid-transaction) and online again when a probe or replay succeeds. It
tells listeners (plain callables, called on the thread where the change happened — the
GUI must hand them to its own thread). `OfflinePolicy` is the rule for offline postings:
deposits within a per-transaction and a per-shift cap; withdrawals only if enabled,
within a cap, against the last known balance minus withdrawals already pending; credit
never.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..domain.commands import PostingCommand
from ..domain.errors import OfflineNotAllowed
from ..domain.formatting import format_money
from ..domain.kinds import Kind
from ..domain.money import Money

log = logging.getLogger(__name__)

ONLINE, OFFLINE = "online", "offline"
_UNSEEN = object()


@dataclass(frozen=True, slots=True)
class OfflinePolicy:
    """Caps for postings taken while the ledger is unreachable (config `offline.*`)."""

    deposit_cap: Decimal
    shift_cap: Decimal
    withdrawals: bool
    withdrawal_cap: Decimal

    @classmethod
    def from_config(cls, config) -> "OfflinePolicy":
        return cls(deposit_cap=Decimal(config["offline.deposit_cap"]),
                   shift_cap=Decimal(config["offline.shift_cap"]),
                   withdrawals=bool(config.get("offline.withdrawals", False)),
                   withdrawal_cap=Decimal(config["offline.withdrawal_cap"]))

    def check(self, cmd: PostingCommand, *, taken_in_shift: Decimal, last_known_cash: Decimal | None,
              pending_withdrawals: Decimal) -> None:
        """Refuse, with a sentence, what may not be taken offline.

        Args:
            cmd: the posting asked for.
            taken_in_shift: deposits already taken offline in this shift (not refused).
            last_known_cash: the player's cash as last seen online, or None if never seen.
            pending_withdrawals: this player's offline withdrawals not yet in the ledger.
        Raises:
            OfflineNotAllowed: with the reason; nothing is posted.
        """
        amount, cur = cmd.amount.amount, cmd.amount.currency
        fmt = lambda a: format_money(Money(a, cur))  # noqa: E731
        if cmd.kind is Kind.DEPOSIT:
            if amount > self.deposit_cap:
                raise OfflineNotAllowed(
                    f"The ledger is offline: deposits above {fmt(self.deposit_cap)} cannot be taken until it "
                    f"is back ({fmt(amount)} asked).")
            if taken_in_shift + amount > self.shift_cap:
                left = max(self.shift_cap - taken_in_shift, Decimal("0"))
                raise OfflineNotAllowed(
                    f"The ledger is offline and this shift has taken {fmt(taken_in_shift)} offline; the limit "
                    f"is {fmt(self.shift_cap)}, so at most {fmt(left)} more can be taken.")
            return
        if cmd.kind is Kind.WITHDRAWAL:
            if not self.withdrawals:
                raise OfflineNotAllowed("The ledger is offline: withdrawals cannot be paid until it is back.")
            if amount > self.withdrawal_cap:
                raise OfflineNotAllowed(
                    f"The ledger is offline: withdrawals above {fmt(self.withdrawal_cap)} cannot be paid until "
                    f"it is back ({fmt(amount)} asked).")
            if last_known_cash is None:
                raise OfflineNotAllowed(
                    f"The ledger is offline and player {cmd.player_id}'s balance has not been seen on this "
                    "terminal, so no withdrawal can be paid.")
            available = last_known_cash - pending_withdrawals
            if amount > available:
                raise OfflineNotAllowed(
                    f"The ledger is offline: player {cmd.player_id}'s last known balance allows at most "
                    f"{fmt(max(available, Decimal('0')))} (after withdrawals already pending).")
            return
        if cmd.kind in (Kind.MARKER_ISSUE, Kind.CREDIT_LINE, Kind.MARKER_REDEEM):
            raise OfflineNotAllowed("The ledger is offline: credit cannot be issued, changed or redeemed "
                                    "until it is back.")
        raise OfflineNotAllowed(f"The ledger is offline: a {cmd.kind.label.lower()} cannot be made until it "
                                "is back.")


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """A snapshot for display: `state` is "online" or "offline"."""

    state: str
    pending: int
    needs_attention: int
    reason: str = ""

    @property
    def online(self) -> bool:
        return self.state == ONLINE


Listener = Callable[[LinkStatus], None]


class Link:
    """The online/offline state machine of one terminal (thread-safe).

    Callers must not block inside a listener: it runs on the thread that changed the state.
    """

    def __init__(self, journal, ledger_name: str, policy: OfflinePolicy, *, terminal_id: str,
                 retry_interval: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.journal = journal
        self.ledger_name = ledger_name
        self.policy = policy
        self.terminal_id = terminal_id
        self.retry_interval = retry_interval
        self._clock = clock
        self._state = ONLINE
        self._reason = ""
        self._last_attempt = clock()
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._last_shift: object = _UNSEEN  # the shift this link last read or wrote

    # -- state ------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def online(self) -> bool:
        return self._state == ONLINE

    def went_offline(self, reason: BaseException | str) -> None:
        with self._lock:
            changed = self._state != OFFLINE
            self._state, self._reason = OFFLINE, str(reason)
            self._last_attempt = self._clock()
        if changed:
            log.warning("terminal %s offline: %s", self.terminal_id, reason)
            self.notify()

    def went_online(self) -> None:
        with self._lock:
            changed = self._state != ONLINE
            self._state, self._reason = ONLINE, ""
            self._last_attempt = self._clock()
        if changed:
            log.warning("terminal %s back online", self.terminal_id)
            self.notify()

    def attempted(self) -> None:
        self._last_attempt = self._clock()

    def due_for_retry(self) -> bool:
        """Offline and long enough since the last attempt to try the ledger again."""
        return self._state == OFFLINE and self._clock() - self._last_attempt >= self.retry_interval

    # -- listeners --------------------------------------------------------------------

    def add_listener(self, fn: Listener) -> Callable[[], None]:
        """Call `fn(status)` on every change of state or pending count; returns the remover."""
        with self._lock:
            self._listeners.append(fn)

        def remove() -> None:
            with self._lock:
                if fn in self._listeners:
                    self._listeners.remove(fn)
        return remove

    def status(self) -> LinkStatus:
        return LinkStatus(self._state, self.pending_count(), len(self.journal.needing_attention()),
                          self._reason)

    def notify(self) -> None:
        status = self.status()
        for fn in list(self._listeners):
            try:
                fn(status)
            except Exception:  # noqa: BLE001 - a broken listener must not stop a posting
                log.exception("link listener failed")

    # -- journal figures --------------------------------------------------------------

    def pending_count(self, shift_id: int | None = None) -> int:
        return self.journal.pending_count(shift_id=shift_id, ledger=self.ledger_name)

    def known_shift(self) -> int | None:
        shift = self.journal.known_shift(self.ledger_name, self.terminal_id)
        self._last_shift = shift
        return shift

    def remember_shift(self, shift_id: int | None) -> None:
        self.journal.remember_shift(self.ledger_name, self.terminal_id, shift_id)
        self._last_shift = shift_id

    def note_shift(self, shift_id: int | None) -> None:
        """A receipt's shift: written to the journal only when it differs from the shift this
        link last read or wrote (the common posting then costs no journal operation here; a
        shift another process of this terminal wrote since is newer than this receipt's)."""
        if shift_id is not None and shift_id != self._last_shift:
            self.remember_shift(shift_id)

    def remember_balance(self, player_id: str, cash: Decimal) -> None:
        """The GUI/lookups call this with balances seen online (offline withdrawals use it)."""
        self.journal.remember_balance(self.ledger_name, player_id, cash)

    def check_offline(self, cmd: PostingCommand, *, journaled: bool = False) -> None:
        """OfflineNotAllowed unless policy lets `cmd` be taken offline now.

        `journaled`: `cmd` is already in the journal as pending (its send just failed), so it
        must not count against itself.
        """
        j, name = self.journal, self.ledger_name
        pending_out = j.pending_total(ledger=name, player_id=cmd.player_id, kind=Kind.WITHDRAWAL.value)
        if journaled and cmd.kind is Kind.WITHDRAWAL:
            pending_out -= cmd.amount.amount
        self.policy.check(
            cmd,
            taken_in_shift=j.offline_total(ledger=name, shift_id=cmd.shift_id, kind=Kind.DEPOSIT.value),
            last_known_cash=j.known_balance(name, cmd.player_id),
            pending_withdrawals=pending_out)
