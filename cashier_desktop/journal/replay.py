"""Replay: resolve entries in doubt, then send what is pending, in order, with original ids.

In doubt first: every pending entry (and every refusal whose send broke) is looked up by
its UUID in the ledger before anything is resent, so a terminal killed between the
ledger's commit and the journal's update neither loses nor doubles the posting. Replay
touches only what it has claimed (`Journal.claim_in_doubt`): an entry another live process
of this terminal is sending right now is that process's to settle. Then
pending entries go out oldest first, in batches where the ledger allows it (one ledger
transaction and one journal fsync per batch); an entry the ledger refuses becomes
`rejected_on_replay` with its sentence, for a supervisor — never dropped.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from dataclasses import asdict, dataclass, field
from typing import Callable, Protocol
from uuid import UUID

from ..domain.commands import PostingCommand
from ..domain.errors import CashierError, LedgerBusy, LedgerUnavailable
from ..domain.kinds import Kind
from ..domain.receipts import Receipt
from .store import Journal

log = logging.getLogger(__name__)

Hook = Callable[[str], None]


class LedgerPort(Protocol):
    """What replay needs from the ledger; `terminal/` provides it. Errors: domain ones only."""

    name: str  # which ledger (database) entries belong to

    def find_many(self, ids: list[UUID]) -> dict[UUID, Receipt]: ...

    # Optional: `backend_gone(pid, started_before=...)`, True once the server process that ran
    # a broken send can no longer commit it (PostgresLedger has it; fakes need not).

    def post(self, cmd: PostingCommand) -> Receipt: ...

    def post_batch(self, cmds: list[PostingCommand]) -> list[Receipt]:
        """Post a prefix of `cmds` in order in one transaction; the first one left out (if
        any) must be posted alone, which gives its own receipt or refusal."""
        ...


@dataclass
class ReplayReport:
    """What one replay did; `remaining` > 0 means the ledger went away again."""

    found: int = 0            # in doubt, already in the ledger: journal updated, nothing resent
    confirmed_refused: int = 0  # refused while in doubt, and indeed not in the ledger
    still_in_doubt: int = 0     # refused while in doubt, absent, but too recent to be sure
    posted: int = 0
    rejected: list[dict] = field(default_factory=list)
    remaining: int = 0
    unavailable: str | None = None
    busy: str | None = None     # the ledger answered "not now": stopped, still pending, not offline

    @property
    def complete(self) -> bool:
        return self.unavailable is None and self.busy is None and self.remaining == 0

    def to_json(self) -> dict:
        return asdict(self) | {"complete": self.complete}


def _noop(_point: str) -> None:
    return None


LOOKUP_CHUNK = 1000
# A refusal whose send broke is confirmed "not posted" only once no statement sent before the
# break can still be running on the server: the ledger cancels every statement after its
# statement timeout (30 s, ledger/db.py), so absence is conclusive after this long.
SETTLE_AFTER_S = 45.0


def resolve_in_doubt(journal: Journal, port: LedgerPort, report: ReplayReport | None = None, *,
                     doubtful: list[tuple[UUID, str]] | None = None,
                     settle_after: float = SETTLE_AFTER_S) -> ReplayReport:
    """Look every in-doubt entry up by UUID; record the ledger's answer in the journal.

    Args:
        doubtful: entries this process has already claimed; None claims them here (and
            releases them afterwards).
        settle_after: seconds after which a broken send's refusal, still absent from the
            ledger, is confirmed refused; younger ones stay in doubt.
    Raises:
        LedgerUnavailable: the ledger could not be asked; what was already settled stays recorded.
    """
    report = report or ReplayReport()
    if doubtful is None:
        doubtful = journal.claim_in_doubt(ledger=port.name)
        try:
            return resolve_in_doubt(journal, port, report, doubtful=doubtful, settle_after=settle_after)
        finally:
            journal.release(entry_id for entry_id, _ in doubtful)
    now = datetime.now(timezone.utc)
    for i in range(0, len(doubtful), LOOKUP_CHUNK):
        chunk = doubtful[i:i + LOOKUP_CHUNK]
        found = port.find_many([entry_id for entry_id, _ in chunk])
        pending = [(entry_id, found[entry_id]) for entry_id, state in chunk
                   if entry_id in found and state == "pending"]
        if pending:
            report.found += journal.mark_posted_many(pending, how="found")
        for entry_id, state in chunk:
            if state != "rejected":
                continue
            if entry_id in found:
                if journal.mark_posted(entry_id, found[entry_id], how="found"):
                    report.found += 1
            else:
                e = journal.entry(entry_id)
                if (now - e.updated_at).total_seconds() < settle_after:
                    if not _statement_gone(journal, port, entry_id):
                        report.still_in_doubt += 1  # its statement may still be running: ask again later
                        continue
                    late = port.find_many([entry_id]).get(entry_id)  # a commit just before it ended
                    if late is not None:
                        if journal.mark_posted(entry_id, late, how="found"):
                            report.found += 1
                        continue
                journal.mark_rejected(entry_id, e.code or "refused", e.reason or "Refused.", in_doubt=False)
                report.confirmed_refused += 1
    return report


def _statement_gone(journal: Journal, port: LedgerPort, entry_id: UUID) -> bool:
    """True when the server process that ran the entry's broken send is known and gone (ended
    now if it was still running: its transaction rolls back). Then absence from the ledger is
    conclusive at once, not only after the statement timeout; the caller looks once more, for
    a commit that came just before the end."""
    sent = journal.broken_send(entry_id)
    gone = getattr(port, "backend_gone", None)
    if sent is None or gone is None:
        return False
    pid, recorded_at = sent
    return bool(gone(pid, started_before=recorded_at))


def replay(journal: Journal, port: LedgerPort, *, batch_size: int = 200, hook: Hook = _noop,
           on_progress: Callable[[ReplayReport], None] | None = None,
           settle_after: float = SETTLE_AFTER_S) -> ReplayReport:
    """Resolve what is in doubt, then send every pending entry of `port.name`, oldest first.

    Never raises `LedgerUnavailable`: the report says how far it got (`unavailable`).
    Other exceptions (bugs) propagate with the journal still consistent.
    """
    report = ReplayReport()
    held: list[UUID] = []
    try:
        doubtful = journal.claim_in_doubt(ledger=port.name)
        held = [entry_id for entry_id, _ in doubtful]
        resolve_in_doubt(journal, port, report, doubtful=doubtful, settle_after=settle_after)
        queue = journal.claimed_pending(ledger=port.name)
        i = 0
        while i < len(queue):
            batch = []
            while i + len(batch) < len(queue) and len(batch) < batch_size:
                e = queue[i + len(batch)]
                if e.command.kind is Kind.REVERSAL and batch:
                    break  # a reversal reads its original: send it on its own
                batch.append(e)
                if e.command.kind is Kind.REVERSAL:
                    break
            receipts = port.post_batch([e.command for e in batch]) if len(batch) > 1 else []
            if receipts:
                hook("replay_after_ledger")
                report.posted += journal.mark_posted_many(
                    [(e.id, r) for e, r in zip(batch, receipts)], how="replay")
                i += len(receipts)
            if len(receipts) < len(batch):
                e = batch[len(receipts)]
                try:
                    receipt = port.post(e.command)
                except LedgerBusy as exc:  # rolled back, not refused: it stays pending
                    report.busy = str(exc)
                    break
                except CashierError as exc:
                    journal.mark_rejected_on_replay(e.id, exc.code, str(exc))
                    report.rejected.append({"id": str(e.id), "code": exc.code, "reason": str(exc)})
                else:
                    hook("replay_after_ledger")
                    if journal.mark_posted(e.id, receipt, how="replay"):
                        report.posted += 1
                i += 1
            if on_progress is not None:
                report.remaining = len(queue) - i
                on_progress(report)
        report.remaining = journal.pending_count(ledger=port.name) if report.busy else 0
    except LedgerUnavailable as exc:
        report.unavailable = str(exc)
        report.remaining = journal.pending_count(ledger=port.name)
        log.info("replay stopped: %s (%d pending)", exc, report.remaining)
    finally:
        journal.release(held)  # what is still pending goes back to the queue, for anyone
    return report
