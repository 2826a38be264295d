"""Reconciliation: the terminal's journal and the ledger side by side, posting by posting.

Each posting id seen on either side gets one line: matched, only in the journal, only in
the ledger, different amounts, refused at the counter (informational), or rejected on
replay. Findings are returned, not raised; `unresolved` is what a supervisor must look at.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable
from uuid import UUID

from ..domain.receipts import Receipt
from .chain import PENDING, POSTED, REJECTED, REJECTED_ON_REPLAY
from .store import Entry

MATCHED = "matched"
ONLY_IN_JOURNAL = "only_in_journal"
ONLY_IN_LEDGER = "only_in_ledger"
DIFFERENT_AMOUNTS = "different_amounts"
REFUSED = "refused"                       # refused at the counter, never in the ledger: fine
REPLAY_REJECTED = "rejected_on_replay"    # needs a supervisor until resolved

FIELDS = ["status", "unresolved", "id", "kind", "player_id", "journal_amount", "ledger_amount", "currency",
          "journal_state", "ledger_seq", "shift_id", "staff_id", "note"]


@dataclass(frozen=True, slots=True)
class ReconLine:
    status: str
    unresolved: bool
    id: str
    kind: str
    player_id: str
    journal_amount: str | None
    ledger_amount: str | None
    currency: str
    journal_state: str | None
    ledger_seq: int | None
    shift_id: int | None
    staff_id: str
    note: str = ""

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Reconciliation:
    scope: str
    lines: list[ReconLine] = field(default_factory=list)

    @property
    def unresolved(self) -> list[ReconLine]:
        return [ln for ln in self.lines if ln.unresolved]

    @property
    def clean(self) -> bool:
        return not self.unresolved

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for ln in self.lines:
            out[ln.status] = out.get(ln.status, 0) + 1
        return out

    def to_json(self) -> dict:
        return {"scope": self.scope, "clean": self.clean, "counts": self.counts(),
                "unresolved": len(self.unresolved), "lines": [ln.to_json() for ln in self.lines]}

    def write_csv(self, path: str | Path) -> None:
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS)
            w.writeheader()
            for ln in self.lines:
                w.writerow(ln.to_json())


def _same(entry: Entry, r: Receipt) -> bool:
    c = entry.command
    return (c.amount == r.amount and c.kind == r.kind
            and c.player_id == r.player_id)


def _line(status: str, unresolved: bool, e: Entry | None, r: Receipt | None, note: str = "") -> ReconLine:
    c = e.command if e else None
    return ReconLine(
        status=status, unresolved=unresolved, id=str(e.id if e else r.id),
        kind=(c.kind.value if c else r.kind.value), player_id=(c.player_id if c else r.player_id),
        journal_amount=str(c.amount.amount) if c else None, ledger_amount=str(r.amount.amount) if r else None,
        currency=(c.amount.currency if c else r.currency), journal_state=e.state if e else None,
        ledger_seq=r.seq if r else None, shift_id=(c.shift_id if c else r.shift_id),
        staff_id=(c.staff_id if c else r.staff_id), note=note)


def reconcile(scope: str, entries: Iterable[Entry], receipts: Iterable[Receipt]) -> Reconciliation:
    """Pair journal entries and ledger postings by id and classify each pair.

    Args:
        scope: what is being reconciled, for the heading ("shift 12", "terminal T1 …").
        entries: the journal's entries in scope (plus any the ledger side refers to).
        receipts: the ledger's postings in scope (plus any the journal side refers to).
    Returns:
        One line per posting id, in journal order then ledger order.
    """
    by_id: dict[UUID, Receipt] = {r.id: r for r in receipts}
    seen: set[UUID] = set()
    out = Reconciliation(scope)
    for e in entries:
        if e.id in seen:
            continue
        seen.add(e.id)
        r = by_id.get(e.id)
        if r is not None and not _same(e, r):
            out.lines.append(_line(DIFFERENT_AMOUNTS, True, e, r, "the ledger's posting differs from the journal's"))
        elif e.state in (POSTED, PENDING):
            if r is None:
                note = ("pending: not sent yet — replay it" if e.state == PENDING
                        else "the journal has a receipt the ledger does not know")
                out.lines.append(_line(ONLY_IN_JOURNAL, True, e, None, note))
            elif e.code == "posted_after_refusal" and not e.resolved_by:
                out.lines.append(_line(MATCHED, True, e, r, e.reason or ""))
            else:
                note = "journal still pending; the ledger has it" if e.state == PENDING else ""
                out.lines.append(_line(MATCHED, False, e, r, note))
        elif e.state == REJECTED:
            if r is None:
                out.lines.append(_line(REFUSED, bool(e.in_doubt), e, None, e.reason or ""))
            else:
                out.lines.append(_line(ONLY_IN_LEDGER, True, e, r, "the journal says it was refused"))
        elif e.state == REJECTED_ON_REPLAY:
            if r is not None:
                out.lines.append(_line(ONLY_IN_LEDGER, True, e, r, "the journal says it was rejected on replay"))
            else:
                note = (f"resolved by {e.resolved_by}: {e.resolution}" if e.resolved_by
                        else f"{e.reason} — a supervisor must resolve it")
                out.lines.append(_line(REPLAY_REJECTED, not e.resolved_by, e, None, note))
    for r in by_id.values():
        if r.id not in seen:
            seen.add(r.id)
            out.lines.append(_line(ONLY_IN_LEDGER, True, None, r, "posted with this terminal or shift, "
                                   "but this journal has no record of it"))
    return out

