"""One terminal's shared GUI state: services, the op runner, status, feed and the open shift.

Built once by ui/app.py (or a test) on the GUI thread. Every window of the terminal reads
it; only the GUI thread changes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from .ops import OpRunner, install
from .status import TerminalStatus


class AppContext(QObject):
    """What all windows of one terminal share. Close it last, with `shutdown()`."""

    shift_changed = Signal(object)  # the open shift record, or None
    logged_out = Signal(object)  # the window whose staff logged out

    def __init__(self, services: Any = None, *, config: Any = None, feed: Any = None) -> None:
        """With `services` already open, or with only `config` (then call `runner.open_services`)."""
        super().__init__()
        self.config = config if config is not None else services.config
        self.profile = self.config.currency
        self.terminal_id = self.config.terminal_id
        self.status = TerminalStatus(self.terminal_id)
        self.runner = OpRunner(services)
        install(self.runner)
        self.runner.ledger_unavailable.connect(self._on_ledger_unavailable)
        self.runner.ledger_reached.connect(self._on_ledger_reached)
        self.feed = feed
        self.shift: Any = None

    @property
    def services(self) -> Any:
        """The open services, or None while they are still opening (never do I/O with them here)."""
        return self.runner.services

    @property
    def shift_id(self) -> int | None:
        return getattr(self.shift, "id", None)

    def set_shift(self, shift: Any) -> None:
        self.shift = shift
        self.shift_changed.emit(shift)

    def _on_ledger_unavailable(self, reason: str) -> None:
        # With a journal, its link is the one state machine (its listener updates the status).
        link = self.services.local.link if self.services is not None else None
        if link is not None:
            link.went_offline(reason)
        else:
            self.status.set_online(False, reason)

    def _on_ledger_reached(self) -> None:
        # With a journal link, it decides (its replay must finish first); without, any answer
        # from the ledger means it is back.
        if self.services is not None and self.services.local.link is None:
            self.status.set_online(True)

    def shutdown(self) -> None:
        """Stop the feed and let running work (postings above all) finish."""
        if self.feed is not None:
            self.feed.stop()
        self.runner.shutdown(wait=True)
        install(None)
