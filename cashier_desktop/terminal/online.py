"""Online or offline: the terminal's link to the ledger, and what it may take offline.

`Link` turns offline the moment the ledger cannot be reached (connection refused, timeout,
connection lost mid-transaction) and online again when a probe or replay succeeds. It
tells listeners (plain callables, called on the thread where the change happened — the
GUI must hand them to its own thread). `OfflinePolicy` is the rule for offline postings:
deposits within a per-transaction and a per-shift cap; withdrawals only if enabled,
within a cap, against the last known balance minus withdrawals already pending; credit
never. `OfflineAllowance` is what the terminal's database login may have replayed
(`cage.replay_offline` refuses beyond it): learned whenever the terminal reaches the ledger,
kept in the journal, and applied on top of the configured caps — so a posting the ledger
will refuse is never taken.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..domain.commands import PostingCommand
from ..domain.errors import NotAuthorized, OfflineNotAllowed
from ..domain.formatting import format_money
from ..domain.kinds import Kind
from ..domain.money import Money
from ..journal.chain import REJECTED_ON_REPLAY

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
class OfflineAllowance:
    """The database login's offline allowance (`add-login --offline-limit/--offline-total`):
    per posting and per shift, deposits and withdrawals together, as the ledger counts them."""

    limit: Decimal
    total: Decimal

    def check(self, cmd: PostingCommand, *, taken_in_shift: Decimal) -> None:
        """Refuse, with a sentence naming the login's limit, what the ledger's replay would refuse.

        Args:
            cmd: a deposit or withdrawal asked for offline.
            taken_in_shift: deposits and withdrawals already taken offline in this shift.
        Raises:
            OfflineNotAllowed: nothing is taken.
        """
        amount, cur = cmd.amount.amount, cmd.amount.currency
        fmt = lambda a: format_money(Money(a, cur))  # noqa: E731
        if self.limit <= 0 or self.total <= 0:
            raise OfflineNotAllowed("The ledger is offline and this terminal's database login allows no offline "
                                    "postings, so nothing can be taken until the ledger is back.")
        if amount > self.limit:
            raise OfflineNotAllowed(
                f"The ledger is offline and this terminal's database login allows at most {fmt(self.limit)} "
                f"per posting offline ({fmt(amount)} asked).")
        if taken_in_shift + amount > self.total:
            left = max(self.total - taken_in_shift, Decimal("0"))
            raise OfflineNotAllowed(
                f"The ledger is offline and this terminal's database login allows {fmt(self.total)} offline "
                f"per shift; {fmt(taken_in_shift)} is taken already, so at most {fmt(left)} more.")


@dataclass(frozen=True, slots=True)
class RefusedOnReplay:
    """A posting taken offline that the ledger refused when it was replayed: its cash is in
    the drawer and on no account until a supervisor resolves it (`journal resolve`)."""

    id: object
    kind: Kind
    player_id: str
    amount: Decimal
    currency: str
    staff_id: str
    shift_id: int | None
    taken_at: object
    reason: str

    @classmethod
    def of(cls, entry) -> "RefusedOnReplay":
        c = entry.command
        return cls(entry.id, c.kind, c.player_id, c.amount.amount, c.amount.currency, c.staff_id, c.shift_id,
                   entry.created_at, entry.reason or "")


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """A snapshot for display: `state` is "online" or "offline"."""

    state: str
    pending: int
    needs_attention: int  # refused on replay (or posted after a refusal), not yet resolved
    reason: str = ""
    # Postings taken offline that the ledger refused on replay, no supervisor resolved yet:
    # cash in the drawer that is on no account (journal entries, oldest first).
    refused: tuple = ()

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
        attention = self.journal.needing_attention()
        refused = tuple(RefusedOnReplay.of(e) for e in attention
                        if e.state == REJECTED_ON_REPLAY and e.ledger == self.ledger_name)
        return LinkStatus(self._state, self.pending_count(), len(attention), self._reason, refused)

    def notify(self) -> LinkStatus:
        """Tell every listener the status now (also what another process, e.g. `journal
        resolve`, changed in the journal); returns it."""
        status = self.status()
        for fn in list(self._listeners):
            try:
                fn(status)
            except Exception:  # noqa: BLE001 - a broken listener must not stop a posting
                log.exception("link listener failed")
        return status

    # -- journal figures --------------------------------------------------------------

    def pending_count(self, shift_id: int | None = None) -> int:
        return self.journal.pending_count(shift_id=shift_id, ledger=self.ledger_name)

    def known_shift(self) -> int | None:
        shift = self.journal.known_shift(self.ledger_name, self.terminal_id)
        self._last_shift = shift
        return shift

    def remember_shift(self, shift_id: int | None, staff_id: str | None = None) -> None:
        self.journal.remember_shift(self.ledger_name, self.terminal_id, shift_id, staff_id)
        self._last_shift = shift_id

    def known_shift_cashier(self) -> tuple[int, str] | None:
        """(the known open shift, its cashier), if the cashier is known here."""
        return self.journal.known_shift_cashier(self.ledger_name, self.terminal_id)

    def check_shift_cashier(self, shift_id: int | None, staff_id: str) -> None:
        """NotAuthorized, in the ledger's own sentence (0021), when `shift_id` is the known
        shift and its known cashier is someone else: refused at the counter, not on replay."""
        known = self.known_shift_cashier()
        if known is not None and known[0] == shift_id and known[1] != staff_id:
            raise NotAuthorized(f"Shift {shift_id} at terminal {self.terminal_id} is {known[1]}'s drawer and only "
                                "they post into it: hand the drawer over first (a handover); nothing was posted.")

    def note_shift(self, shift_id: int | None) -> None:
        """A receipt's shift: written to the journal only when it differs from the shift this
        link last read or wrote (the common posting then costs no journal operation here; a
        shift another process of this terminal wrote since is newer than this receipt's)."""
        if shift_id is not None and shift_id != self._last_shift:
            self.remember_shift(shift_id)

    def remember_balance(self, player_id: str, cash: Decimal) -> None:
        """The GUI/lookups call this with balances seen online (offline withdrawals use it)."""
        self.journal.remember_balance(self.ledger_name, player_id, cash)

    def learn_allowance(self, allowance: tuple | None) -> None:
        """What the ledger said this login may take offline (`PostgresLedger.offline_allowance`),
        kept in the journal so a restart while offline still knows it. None: it could not say."""
        if allowance is None:
            return
        limit, total = (None if v is None else Decimal(v) for v in allowance)
        if self.journal.known_allowance(self.ledger_name, self.terminal_id) != (limit, total):
            self.journal.remember_allowance(self.ledger_name, self.terminal_id, limit, total)

    def allowance(self) -> OfflineAllowance | None:
        """The login's allowance last learned, or None (never learned, or the database's owner,
        which sets none: the configured caps alone apply)."""
        known = self.journal.known_allowance(self.ledger_name, self.terminal_id)
        if known is None or known[0] is None or known[1] is None:
            return None
        return OfflineAllowance(known[0], known[1])

    def check_offline(self, cmd: PostingCommand, *, journaled: bool = False) -> None:
        """OfflineNotAllowed unless policy lets `cmd` be taken offline now.

        `journaled`: `cmd` is already in the journal as pending (its send just failed), so it
        must not count against itself.
        """
        self.check_shift_cashier(cmd.shift_id, cmd.staff_id)
        j, name = self.journal, self.ledger_name
        pending_out = j.pending_total(ledger=name, player_id=cmd.player_id, kind=Kind.WITHDRAWAL.value)
        if journaled and cmd.kind is Kind.WITHDRAWAL:
            pending_out -= cmd.amount.amount
        allowance = self.allowance() if cmd.kind in (Kind.DEPOSIT, Kind.WITHDRAWAL) else None
        cap = self.policy.deposit_cap if cmd.kind is Kind.DEPOSIT else self.policy.withdrawal_cap
        stricter = allowance is not None and (allowance.limit < cap or allowance.total <= 0)
        if stricter:  # the login's limit is the one that binds: its sentence, not the config's
            allowance.check(cmd, taken_in_shift=j.offline_total(ledger=name, shift_id=cmd.shift_id, kind=None))
        self.policy.check(
            cmd,
            taken_in_shift=j.offline_total(ledger=name, shift_id=cmd.shift_id, kind=Kind.DEPOSIT.value),
            last_known_cash=j.known_balance(name, cmd.player_id),
            pending_withdrawals=pending_out)
        if allowance is not None and not stricter:
            allowance.check(cmd, taken_in_shift=j.offline_total(ledger=name, shift_id=cmd.shift_id, kind=None))
