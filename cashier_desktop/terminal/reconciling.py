"""Reconcile a shift, or a terminal over a period: this terminal's journal against the ledger.

Entries in doubt are resolved first (looked up by id), so a posting whose journal update
was lost in a crash shows as matched, not as a discrepancy. Both sides are then widened
by id — a journal entry's ledger row is found even if it lies outside the window, and a
ledger row's journal entry likewise — so clock skew between terminal and database never
invents a difference.
"""

from __future__ import annotations

from datetime import datetime

from ..domain.errors import InvalidInput, LedgerUnavailable
from ..journal.reconcile import Reconciliation, reconcile
from ..journal.replay import resolve_in_doubt
from ..journal.store import Entry, Journal
from ..domain.receipts import Receipt
from ..ledger.journal_port import PostgresLedger
from .local import JournaledSide


def _parts(services) -> tuple[Journal, PostgresLedger]:
    """The journal and ledger port of a journaled terminal (reconciling needs the journal)."""
    local = services.local
    if not isinstance(local, JournaledSide):
        raise InvalidInput("This program keeps no journal, so there is nothing to reconcile "
                           "here; reconcile on the terminal that took the postings.")
    return local.journal, local.port


def _widen(journal: Journal, port: PostgresLedger, entries: list[Entry], receipts: list[Receipt]
           ) -> tuple[list[Entry], list[Receipt]]:
    entries = [e for e in entries if e.ledger == port.name]
    have = {r.id for r in receipts}
    missing = [e.id for e in entries if e.id not in have]
    receipts = receipts + list(port.find_many(missing).values())
    known = {e.id for e in entries}
    for r in receipts:
        if r.id not in known:
            e = journal.entry(r.id)
            if e is not None and e.ledger == port.name:
                entries.append(e)
                known.add(e.id)
    entries.sort(key=lambda e: e.seq)
    return entries, receipts


def _settle(journal: Journal, port: PostgresLedger) -> None:
    resolve_in_doubt(journal, port)


def reconcile_shift(services, shift_id: int) -> Reconciliation:
    """Journal and ledger side by side for one shift. Raises LedgerUnavailable when offline."""
    journal, port = _parts(services)
    _settle(journal, port)
    entries, receipts = _widen(journal, port, journal.entries(shift_id=shift_id),
                               port.postings(shift_id=shift_id))
    return reconcile(f"shift {shift_id}", entries, receipts)


def reconcile_terminal(services, terminal_id: str, since: datetime, until: datetime) -> Reconciliation:
    """The same for a terminal over [since, until) (journal time on one side, ledger time on the other)."""
    journal, port = _parts(services)
    _settle(journal, port)
    entries, receipts = _widen(journal, port,
                               journal.entries(terminal_id=terminal_id, since=since, until=until),
                               port.postings(terminal_id=terminal_id, since=since, until=until))
    return reconcile(f"terminal {terminal_id} from {since.isoformat()} to {until.isoformat()}",
                     entries, receipts)


__all__ = ["reconcile_shift", "reconcile_terminal", "Reconciliation", "LedgerUnavailable"]
