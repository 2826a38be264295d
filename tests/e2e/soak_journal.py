"""The soak terminal's view of the journal and shift services, whichever have landed.

The soak drives the terminal exactly as the GUI does; this module is the one place that
knows how the journal layer (issue 4) is installed as `services.local` and how
a shift is opened (issue 3), so the worker itself does not change when they do. Without
a journal the worker still runs: it resends an in-doubt operation with its own UUID.
"""

from __future__ import annotations

import importlib
import logging
import time
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("soak.journal")


def _optional(module: str):
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


@dataclass
class JournalHandle:
    """What the worker needs from the journal: recover, replay, count, summarise.

    Without a journal layer every method is a no-op and `installed` is False.
    """

    installed: bool = False
    kind: str = "none"
    services: Any = None

    def _journaled(self):
        local = getattr(self.services, "local", None)
        return local if getattr(local, "journal", None) is not None else None

    def knows(self, posting_id) -> bool:
        local = self._journaled()
        return local is not None and local.journal.entry(posting_id) is not None

    def recover(self) -> dict:
        """Resolve in-doubt entries and replay pending ones (the journal's start-up step)."""
        local = self._journaled()
        return local.replay().to_json() if local is not None else {}

    def pending(self) -> int:
        local = self._journaled()
        return local.link.pending_count() if local is not None else 0

    def tick(self) -> None:
        """Between operations: what the GUI's background replayer does every few seconds."""
        local = self._journaled()
        link = local.link if local is not None else None
        if link is not None and (not link.online or link.pending_count()) and link.due_for_retry():
            self.recover()

    def unsettled(self) -> int:
        """Refusals whose send broke, not yet settled by replay (`journal pending` counts them:
        the ledger may still have them until SETTLE_AFTER_S has passed)."""
        local = self._journaled()
        return len(local.journal.unsettled_refusals()) if local is not None else 0

    def drain(self, deadline: float) -> dict:
        """Replay until nothing is pending nor in doubt, or `deadline`; return the journal's
        summary. A refusal in doubt settles only once the ledger could no longer be running
        its statement (replay.SETTLE_AFTER_S): a send broken by the last fault keeps the
        drain waiting that long, as `journal pending` would list it until then."""
        if not self.installed:
            return {"installed": False}
        report: dict = {}
        while True:
            report = self.recover()
            pending, unsettled = self.pending(), self.unsettled()
            if (pending == 0 and unsettled == 0) or time.time() > deadline:
                break
            time.sleep(0.2 if pending else 1.0)  # only in doubt: nothing changes before it settles
        journal = self._journaled().journal
        states: dict[str, int] = {}
        for e in journal.entries():
            states[e.state] = states.get(e.state, 0) + 1
        return {"installed": True, "pending": self.pending(), "in_doubt": self.unsettled(), "states": states,
                "last_replay": report,
                "needs_attention": len(journal.needing_attention())}


def available() -> bool:
    wiring = _optional("cashier_desktop.terminal.services")
    return wiring is not None and hasattr(wiring, "open_journal")


def install(services) -> JournalHandle:
    """Install the terminal's journal as the poster, as the GUI's start-up does."""
    if getattr(getattr(services, "local", None), "journal", None) is not None:
        # `open_services` installed it already (and resolved what was in doubt).
        return JournalHandle(installed=True, kind="journaled poster", services=services)
    wiring = _optional("cashier_desktop.terminal.services")
    if wiring is None or not hasattr(wiring, "open_journal"):
        return JournalHandle()
    wiring.open_journal(services, start_replay=True)
    return JournalHandle(installed=True, kind="journaled poster", services=services)


SOAK_FLOAT = "1000000"  # ₹10,00,000 per terminal's drawer


def start_session(services, staff_id: str, pin: str) -> tuple[Any, int | None]:
    """Log in and make sure the terminal has an open shift, as a cashier starting up does.

    Returns (staff member, shift id or None). Uses `terminal.session.login` (online, or
    offline against the journal's staff cache) and `terminal.shifts` when they exist.
    Raises LedgerUnavailable or a CashierError when it cannot be done yet (the caller
    retries): offline, a shift can only be continued if the journal knows it.
    """
    session_mod = _optional("cashier_desktop.terminal.session")
    shifts = _optional("cashier_desktop.terminal.shifts")
    if session_mod is None:
        from cashier_desktop.terminal.auth import authenticate as online_login
        return online_login(services.engine, staff_id, pin), None
    terminal = services.config.terminal_id
    local = services.local
    if local.journal is not None:
        local.replay()  # probes the ledger: the link says online or offline from here on
    session = session_mod.login(services, staff_id, pin, terminal_id=terminal)
    link = local.link
    if link is not None and not link.online:
        shift = link.known_shift()
        if shift is None:
            from cashier_desktop.domain.errors import LedgerUnavailable
            raise LedgerUnavailable("offline at start-up and no shift known to the journal")
        return session.staff, shift
    shift = session.shift
    if shift is None and shifts is not None:
        try:
            # a float that pays the soak's withdrawals (up to ₹15,000 each) out: a drawer pays
            # out only what it holds (0023); deposits keep adding to it
            shift = shifts.open_shift(services, session, float_amount=SOAK_FLOAT)
        except Exception:  # noqa: BLE001 - lost a race with our own earlier life: reuse it
            shift = shifts.current_shift(services, terminal)
            if shift is None:
                raise
    poster = getattr(local, "poster", None)
    if hasattr(poster, "refresh_shift"):
        poster.refresh_shift()  # offline postings join the shift the journal knows
    return session.staff, shift.id if shift is not None else None


def entries(path) -> dict[str, dict]:
    """Every entry of a terminal's journal file: {posting id: {status, code, reason}}."""
    from pathlib import Path
    if not Path(path).exists():
        return {}
    store = _optional("cashier_desktop.journal.store")
    if store is None:
        return {}
    with store.Journal(path) as journal:
        return {str(e.id): {"status": e.state, "code": e.code, "reason": e.reason} for e in journal.entries()}


def pending_from_json(stdout: str) -> tuple[int, list[str]]:
    """(pending count, ids of entries needing a supervisor) from `journal pending --json`; the
    count includes refusals still in doubt (their send broke: replay settles them later)."""
    import json
    data = json.loads(stdout or "{}")
    if isinstance(data, list):
        return len(data), []
    pending = data.get("pending", data.get("entries", []))
    pending = pending if isinstance(pending, int) else len(pending)
    pending += int(data.get("in_doubt", 0))
    attention = data.get("attention", [])
    return pending, [str(e["id"]) if isinstance(e, dict) else str(e) for e in attention]
