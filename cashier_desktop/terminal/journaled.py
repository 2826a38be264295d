"""The journaled poster: journal first, then the ledger, then the journal again.

`JournaledPoster(cmd)` writes the intent to the journal (durable), sends it to the ledger
and records the receipt or the refusal. When the ledger cannot be reached the entry stays
`pending`: if the offline policy allows it the caller gets a `PendingReceipt` ("OFFLINE —
PENDING") and replay sends it later with the same id; otherwise the entry is marked
refused and `OfflineNotAllowed` says why. Offline, new postings queue behind the pending
ones so the ledger sees them in the order they were taken.

`hook(point)` is called at each of `PROTOCOL_POINTS` (nothing happens by default; the
end-to-end crash tests kill the process there).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from datetime import datetime, timezone
from typing import Callable

from ..domain.commands import PostingCommand
from ..domain.errors import (AlreadyRefused, CashierError, IdempotencyConflict, JournalBusy, LedgerUnavailable,
                             NotAuthorized, OfflineNotAllowed, PostingInDoubt)
from ..domain.money import Money
from ..domain.receipts import PendingReceipt, Receipt
from ..journal.replay import SETTLE_AFTER_S, ReplayReport, replay
from ..journal.store import AlreadyJournaled, Journal
from ..ledger.journal_port import PostgresLedger
from .offline import send_offline_logins
from .online import Link

log = logging.getLogger(__name__)

# How long a posting re-sent with an id another process of this terminal is sending waits
# for that process's answer before it says "in doubt".
OTHER_SENDER_WAIT_S = 35.0
# The protocol's points, in order: the intent is durable, the ledger committed, a replayed
# posting committed. A hook sees each one pass (the crash tests' runner,
# tests/support/crash_terminal.py, kills the process there); by default nothing happens.
PROTOCOL_POINTS = ("after_journal_write", "after_ledger_commit", "replay_after_ledger")


def no_hook(point: str) -> None:
    """The default: a protocol point passes unobserved."""


# What a poster built without an explicit `hook` calls (only a test runner replaces it,
# before the terminal is opened).
point_hook: Callable[[str], None] = no_hook


class JournaledPoster:
    """`poster(cmd) -> Receipt | PendingReceipt`; one posting at a time per terminal.

    Callers must not post the same command through another path at the same time; the
    journal refuses a second intent with the same id.
    """

    def __init__(self, journal: Journal, port: PostgresLedger, link: Link, *, batch_size: int = 200,
                 hook: Callable[[str], None] | None = None) -> None:
        self.journal, self.port, self.link = journal, port, link
        self.batch_size = batch_size
        self.hook = hook if hook is not None else point_hook
        self.settle_after = SETTLE_AFTER_S
        self._lock = threading.RLock()

    def __call__(self, cmd: PostingCommand) -> Receipt | PendingReceipt:
        with self._lock:
            queued = self._catch_up()
            if not self.link.online or queued > 0:
                return self._take_offline(cmd)
            return self._send(cmd)

    def _queued(self) -> int:
        """Entries waiting for replay. Another process's posting in flight is not one: only
        the ledger being unreachable, or what it left behind, puts new postings in a queue."""
        return self.journal.queued_count(ledger=self.link.ledger_name)

    # -- replay -----------------------------------------------------------------------

    def replay(self, on_progress: Callable[[ReplayReport], None] | None = None) -> ReplayReport:
        """Probe the ledger, resolve what is in doubt, send what is pending; update the link."""
        with self._lock:
            self.link.attempted()
            try:
                self.port.probe()
            except LedgerUnavailable as exc:
                self.link.went_offline(exc)
                return ReplayReport(unavailable=str(exc), remaining=self.link.pending_count())

            def progress(report: ReplayReport) -> None:
                self.link.notify()
                if on_progress is not None:
                    on_progress(report)
            report = replay(self.journal, self.port, batch_size=self.batch_size, hook=self.hook,
                            on_progress=progress, settle_after=self.settle_after)
            if report.unavailable:
                self.link.went_offline(report.unavailable)
            else:
                self.link.went_online()
                self.refresh_shift()
                try:
                    send_offline_logins(self.journal, self.port)
                except Exception:  # noqa: BLE001 - retried at the next replay
                    log.warning("offline login attempts not yet audited", exc_info=True)
            self.link.notify()
            return report

    def refresh_shift(self) -> None:
        """Remember this terminal's open shift (offline postings belong to it) and its login's
        offline allowance (nothing the ledger would refuse on replay is taken offline). Runs
        at every start-up and after every replay that reached the ledger, so it is always
        passed before the terminal can be offline in a shift (the heartbeat re-learns the
        allowance too, so an operator's change reaches a terminal that stays online)."""
        try:
            known = self.port.open_shift_cashier(self.link.terminal_id)
            self.link.learn_allowance(self.port.offline_allowance())
        except LedgerUnavailable as exc:
            self.link.went_offline(exc)
            return
        shift, cashier = known if known is not None else (None, None)
        if shift != self.link.known_shift() or (shift is not None and self.link.known_shift_cashier() != known):
            self.link.remember_shift(shift, cashier)

    def _catch_up(self) -> int:
        """Replay first if anything is queued (or, offline, when a retry is due); returns
        how many entries are still queued ahead of a new posting (0 when offline: it is
        taken offline without asking). One journal read on the common path."""
        if self.link.online:
            queued = self._queued()
            if queued == 0:
                return 0
        elif not self.link.due_for_retry():
            return 0
        self.replay()
        return self._queued() if self.link.online else 0

    # -- one posting ------------------------------------------------------------------

    def _intent(self, cmd: PostingCommand, *, offline: bool) -> Receipt | PendingReceipt | None:
        """Journal the intent; for an id already journaled, its outcome instead (idempotent)."""
        try:  # the common case first: a new id, one journal write
            self.journal.append_pending(cmd, ledger=self.port.name, offline=offline)
            return None
        except AlreadyJournaled:  # a retry of this id, or another process of this terminal just now
            e = self.journal.entry(cmd.id)
        if e.command.request_hash() != cmd.request_hash():
            raise IdempotencyConflict.of(cmd.id)
        if e.state == "pending" and self.journal.claim_owner(cmd.id) not in (None, self.journal.owner):
            e = self._await_other_sender(cmd)
        if e.state == "pending" and not offline and self.journal.claim_owner(cmd.id) is None:
            self.replay()  # queued (a dead process left it): settle it now rather than say "pending"
            e = self.journal.entry(cmd.id)
        if e.state == "posted" and e.receipt is not None:
            return replace(e.receipt, replayed=True)
        if e.state == "pending":
            return self._pending_receipt(e.command)
        if e.state == "rejected" and e.in_doubt:  # its send broke: it may be in the ledger; never "refused"
            raise PostingInDoubt(
                f"Posting {cmd.id} is in doubt: its send broke and the ledger has not confirmed it either "
                "way yet. Do not hand over or take the cash yet: the terminal checks it with the ledger.")
        # "Refused" is final: the same id is never sent again (the cashier starts a new posting).
        raise AlreadyRefused(f"Posting {cmd.id} was refused: {e.reason}"
                             + (" A supervisor must resolve it." if e.state == "rejected_on_replay"
                                else " Nothing was posted; start it again as a new posting."))

    def _await_other_sender(self, cmd: PostingCommand, timeout: float = OTHER_SENDER_WAIT_S):
        """The same id is being sent by another live process of this terminal right now: wait
        for its outcome (bounded), and answer with it. Never send it a second time, never call
        it refused while it may still post."""
        deadline = time.monotonic() + timeout
        while self.journal.claim_owner(cmd.id) not in (None, self.journal.owner):
            if time.monotonic() >= deadline:
                raise PostingInDoubt(
                    f"Posting {cmd.id} is being sent by another program on this terminal and has no answer "
                    "yet. Do not hand over or take the cash yet: look it up again in a moment.")
            time.sleep(0.02)
        return self.journal.entry(cmd.id)

    def _send(self, cmd: PostingCommand) -> Receipt | PendingReceipt:
        earlier = self._intent(cmd, offline=False)
        if earlier is not None:
            return earlier
        self.hook("after_journal_write")
        try:
            receipt = self.port.post(cmd)
        except CashierError as exc:  # a refusal, or LedgerBusy: rolled back, nothing posted
            self._record(self.journal.mark_rejected, cmd.id, exc.code, str(exc))
            raise
        except LedgerUnavailable as exc:
            self.link.went_offline(exc)
            if cmd.shift_id is None:  # the database would have chosen it; offline, the shift known here
                cmd = replace(cmd, shift_id=self.link.known_shift())
            try:
                self.link.check_offline(cmd, journaled=True)
            except (OfflineNotAllowed, NotAuthorized) as refusal:
                # The send broke: the ledger may have it after all. Ask it by the id before
                # answering the cashier: "refused" would be a lie if it committed.
                try:
                    return self._settle_in_doubt(cmd, refusal, exc)
                finally:
                    self.link.notify()  # it is no longer pending: the count shown says so
            self._record(self.journal.mark_offline, cmd.id, shift_id=cmd.shift_id)
            self.link.notify()
            return self._pending_receipt(cmd)
        except BaseException as exc:
            self._record(self.journal.mark_rejected, cmd.id, "in_doubt", "The posting failed unexpectedly "
                         "while it was being sent; the replay settles it by its id.", in_doubt=True)
            if isinstance(exc, Exception):
                raise PostingInDoubt(
                    f"This {cmd.kind.label.lower()} failed unexpectedly while it was being sent, so it may "
                    f"have gone through. Do not hand over or take the cash yet: the terminal checks posting "
                    f"{cmd.id} with the ledger.") from exc
            raise
        self.hook("after_ledger_commit")
        self._record(self.journal.mark_posted, cmd.id, receipt)
        self.link.note_shift(receipt.shift_id)
        return receipt

    def _record(self, mark: Callable[..., bool], *args, **kw) -> None:
        """Write an outcome to the journal, retrying while another program holds the file.

        If it still cannot be written, the entry stays pending and claimed by this process;
        its claim dies with the process and replay settles it by its id — so the answer
        already decided (a receipt, a refusal) stands and is never contradicted.
        """
        for attempt in range(1, 4):
            try:
                mark(*args, **kw)
                return
            except JournalBusy:
                if attempt == 3:
                    log.error("journal busy: could not record the outcome of %s; replay will settle it",
                              args[0])
                    return

    def _settle_in_doubt(self, cmd: PostingCommand, refusal: CashierError,
                         cause: LedgerUnavailable) -> Receipt:
        """A send that broke, for something not allowed offline: posted, not posted, or unknown.

        "Not posted" is said only when it is certain: nothing was sent (no connection could
        be made), or the server process that ran the statement is gone and the ledger has no
        row with this id. Otherwise the cashier hears "in doubt" and replay settles it."""
        found: Receipt | None | bool
        if not cause.sent:
            found = None  # never left the terminal
        else:
            try:
                found = self.port.find_many([cmd.id]).get(cmd.id)
                if found is None and not self.port.backend_gone(cause.backend_pid):
                    found = False  # its statement may still be running: cannot tell yet
                elif found is None:  # gone now: a commit just before it ended shows on a second look
                    found = self.port.find_many([cmd.id]).get(cmd.id)
            except (LedgerUnavailable, CashierError):
                found = False  # cannot tell
        if found:
            self._record(self.journal.mark_posted, cmd.id, found)
            return found
        if found is None:
            # The ledger answered and has no such posting: it was not posted. Say no plainly.
            self._record(self.journal.mark_rejected, cmd.id, refusal.code, str(refusal))
            raise refusal from cause
        self._record(self.journal.mark_rejected, cmd.id, "in_doubt", "The connection broke while sending; "
                     "the replay settles it by its id.", in_doubt=True, backend_pid=cause.backend_pid)
        raise PostingInDoubt(
            f"The connection to the ledger broke while this {cmd.kind.label.lower()} was being sent, "
            f"so it may have gone through. Do not hand over or take the cash yet: the terminal "
            f"checks posting {cmd.id} as soon as the ledger is back.") from cause

    def _take_offline(self, cmd: PostingCommand) -> PendingReceipt:
        e = self.journal.entry(cmd.id)
        if e is not None and e.state != "rejected":
            earlier = self._intent(cmd, offline=True)
            if earlier is not None:
                return earlier
        try:
            self.link.check_offline(cmd)
        except (OfflineNotAllowed, NotAuthorized) as refusal:
            if e is None:  # intent and refusal in one transaction: never visible as pending
                try:
                    self.journal.append_refused(cmd, refusal.code, str(refusal), ledger=self.port.name,
                                                offline=True)
                except AlreadyJournaled:  # another process took it first: its answer is the answer
                    earlier = self._intent(cmd, offline=True)
                    if earlier is not None:
                        return earlier
                    self._record(self.journal.mark_rejected, cmd.id, refusal.code, str(refusal))
            elif self._intent(cmd, offline=True) is None:
                self._record(self.journal.mark_rejected, cmd.id, refusal.code, str(refusal))
            raise
        earlier = self._intent(cmd, offline=True)
        if earlier is not None:
            return earlier
        self.journal.release([cmd.id])  # queued: replay sends it, whichever process runs it
        self.hook("after_journal_write")
        self.link.notify()
        return self._pending_receipt(cmd)

    def _pending_receipt(self, cmd: PostingCommand) -> PendingReceipt:
        known = self.journal.known_balance(self.port.name, cmd.player_id)
        return PendingReceipt(
            id=cmd.id, kind=cmd.kind, player_id=cmd.player_id, amount=cmd.amount,
            staff_id=cmd.staff_id, terminal_id=cmd.terminal_id,
            shift_id=cmd.shift_id, taken_at=datetime.now(timezone.utc),
            last_known_cash=None if known is None else Money(known, cmd.amount.currency))


class BackgroundReplayer:
    """Retries the ledger every `interval` seconds while offline or while anything is pending.

    Qt-free: the GUI starts it once and hears about progress through the link's listeners.
    """

    def __init__(self, poster: JournaledPoster, interval: float = 5.0) -> None:
        self.poster, self.interval = poster, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journal-replay", daemon=True)

    def start(self) -> "BackgroundReplayer":
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            link = self.poster.link
            if link.online and self.poster.journal.unsettled_count(ledger=link.ledger_name) == 0:
                continue  # nothing pending, nothing in doubt
            try:
                self.poster.replay()
            except Exception:  # noqa: BLE001 - keep retrying; the journal stays consistent
                log.exception("background replay failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)
