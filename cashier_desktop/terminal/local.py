"""What this machine adds to the ledger: its journal, its online/offline link, its poster.

Two kinds, one shape (`LocalSide`), chosen once by the composition root
(`terminal/services.py`), so that no caller asks whether a journal exists:

- `JournaledSide`: a cage terminal. Postings go journal first, then the ledger; with the
  ledger unreachable, what the offline policy allows is still taken, and staff who logged in
  here before can still log in (the journal's verifier).
- `DirectSide`: the relay, admin tools and tests of the ledger alone. Postings go straight to
  the ledger; with the ledger unreachable nothing can be done, so every offline fallback
  re-raises the `LedgerUnavailable` it was given.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Callable, Protocol

from ..domain.commands import PostingCommand
from ..domain.errors import LedgerUnavailable
from ..domain.receipts import PendingReceipt, Receipt

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ..config import Config
    from ..journal.replay import ReplayReport
    from ..journal.store import Journal
    from .auth import StaffMember
    from .journaled import BackgroundReplayer, JournaledPoster
    from ..ledger.journal_port import PostgresLedger
    from .online import Link

log = logging.getLogger(__name__)


class LocalSide(Protocol):
    """The terminal-local half of every counter action (see the module docstring)."""

    journal: "Journal | None"
    link: "Link | None"

    def post(self, cmd: PostingCommand) -> Receipt | PendingReceipt: ...
    def authorize_offline(self, staff: "StaffMember", cmd: PostingCommand,
                          cause: LedgerUnavailable | None = None) -> PostingCommand: ...
    def authenticate_offline(self, staff_id: str, pin: str, cause: LedgerUnavailable) -> "StaffMember": ...
    def carry_on_offline(self, cause: LedgerUnavailable) -> None: ...
    def went_offline(self, cause: LedgerUnavailable) -> None: ...
    @property
    def online(self) -> bool: ...
    def remember_login(self, staff: "StaffMember", pin: str) -> None: ...
    def remember_balance(self, player_id: str, cash: Decimal) -> None: ...
    def remember_shift(self, shift_id: int | None, staff_id: str | None = None) -> None: ...
    def pending_count(self, shift_id: int | None = None) -> int: ...
    def close(self) -> None: ...


class DirectSide:
    """No journal: straight to the ledger, nothing possible offline."""

    journal = None
    link = None

    def __init__(self, engine: "Engine") -> None:
        self.engine = engine

    def post(self, cmd: PostingCommand) -> Receipt:
        from ..ledger.posting import post
        return post(self.engine, cmd)

    def authorize_offline(self, staff, cmd, cause=None):
        raise cause if cause is not None else LedgerUnavailable()

    def authenticate_offline(self, staff_id, pin, cause):
        raise cause

    def carry_on_offline(self, cause: LedgerUnavailable) -> None:
        raise cause

    def went_offline(self, cause: LedgerUnavailable) -> None:
        """Nothing to switch: without a journal every action simply fails while it lasts."""

    @property
    def online(self) -> bool:
        return True

    def remember_login(self, staff, pin) -> None:
        """No journal: no offline verifier to keep."""

    def remember_balance(self, player_id, cash) -> None:
        """No journal: no offline withdrawal to judge."""

    def remember_shift(self, shift_id, staff_id=None) -> None:
        """No journal: no offline posting to place in a shift."""

    def pending_count(self, shift_id: int | None = None) -> int:
        return 0

    def close(self) -> None:
        """Nothing of its own to close (the engine belongs to the services)."""


class JournaledSide:
    """A cage terminal's journal, link, ledger port and journaled poster, built once."""

    def __init__(self, journal: "Journal", port: "PostgresLedger", link: "Link", poster: "JournaledPoster",
                 *, lockout_attempts: int = 5, lockout_minutes: int = 5) -> None:
        self.journal, self.port, self.link, self.poster = journal, port, link, poster
        self.lockout_attempts, self.lockout_minutes = lockout_attempts, lockout_minutes
        self._replayer: "BackgroundReplayer | None" = None

    @classmethod
    def open(cls, config: "Config", engine: "Engine", *, batch_size: int = 200) -> "JournaledSide":
        """Open the terminal's journal file and wire the poster to the ledger."""
        from ..journal.store import Journal
        from .journaled import JournaledPoster
        from ..ledger.journal_port import PostgresLedger
        from .online import Link, OfflinePolicy
        terminal_id = config.terminal_id
        journal = Journal(config["terminal.journal"], terminal_id=terminal_id)
        try:
            port = PostgresLedger(engine)
            link = Link(journal, port.name, OfflinePolicy.from_config(config), terminal_id=terminal_id)
            poster = JournaledPoster(journal, port, link, batch_size=batch_size)
        except BaseException:
            journal.close()
            raise
        return cls(journal, port, link, poster,
                   lockout_attempts=int(config.get("policy.lockout_attempts") or 5),
                   lockout_minutes=int(config.get("policy.lockout_minutes") or 5))

    # -- postings ---------------------------------------------------------------------

    def post(self, cmd: PostingCommand) -> Receipt | PendingReceipt:
        return self.poster(cmd)

    def replay(self, on_progress: "Callable[[ReplayReport], None] | None" = None) -> "ReplayReport":
        """Probe the ledger, settle what is in doubt, send what is pending."""
        return self.poster.replay(on_progress)

    def start_background_replay(self, interval: float = 5.0) -> "BackgroundReplayer":
        """The one background replayer (started by the GUI once; stopped by `close`)."""
        if self._replayer is None:
            from .journaled import BackgroundReplayer
            self._replayer = BackgroundReplayer(self.poster, interval).start()
        return self._replayer

    # -- the offline fallback ---------------------------------------------------------

    def authorize_offline(self, staff, cmd: PostingCommand,
                          cause: LedgerUnavailable | None = None) -> PostingCommand:
        """What can be checked with the ledger away (`cause`: the failure just seen, if any)."""
        from .offline import authorize_offline
        if cause is not None:
            self.link.went_offline(cause)
        return authorize_offline(self.link, staff, cmd)

    def authenticate_offline(self, staff_id: str, pin: str, cause: LedgerUnavailable):
        from .offline import authenticate_offline
        return authenticate_offline(self.journal, self.link, staff_id, pin,
                                    attempts=self.lockout_attempts, minutes=self.lockout_minutes)

    def carry_on_offline(self, cause: LedgerUnavailable) -> None:
        """The journal carries on while the ledger is away (the caller logs what it skipped)."""
        self.link.went_offline(cause)

    def went_offline(self, cause: LedgerUnavailable) -> None:
        self.link.went_offline(cause)

    @property
    def online(self) -> bool:
        return self.link.online

    # -- what the journal remembers for offline work ---------------------------------

    def remember_login(self, staff, pin: str) -> None:
        from .offline import remember_login_later
        remember_login_later(self.journal, self.port.name, staff, pin)

    def remember_balance(self, player_id: str, cash: Decimal) -> None:
        self.link.remember_balance(player_id, cash)

    def remember_shift(self, shift_id: int | None, staff_id: str | None = None) -> None:
        self.link.remember_shift(shift_id, staff_id)

    def pending_count(self, shift_id: int | None = None) -> int:
        return self.link.pending_count(shift_id)

    def close(self) -> None:
        """Stop the replayer, wait for a verifier still being computed, close the journal."""
        from .offline import finish_remembering
        try:
            if self._replayer is not None:
                self._replayer.stop()
            finish_remembering(self.journal)
        finally:
            self.journal.close()
