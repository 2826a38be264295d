"""Receipts at the counter: the facts a printed receipt needs, and checking a receipt's QR code."""

from __future__ import annotations

from uuid import UUID

from ..domain.currency import profile_for
from ..domain.errors import LedgerUnavailable
from ..domain.formatting import format_money
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.notes import Notes
from ..domain.receipt_code import parse_payload
from ..ledger.receipt_check import ReceiptFacts, Verification
from .services import Services


def receipt_facts(services: Services, posting_id: UUID) -> ReceiptFacts:
    """Sequence in the shift and staff names for a posting that is in the ledger."""
    return services.ledger.receipt_facts(posting_id)


def facts_and_notes(services: Services, posting_id: UUID) -> tuple[ReceiptFacts | None, Notes, Notes]:
    """For a reprint: the ledger's facts of a posting and its notes (any terminal's posting,
    one round trip); with the ledger unreachable, no facts and the notes this terminal's
    journal recorded (its fallback, never used while the ledger answers)."""
    try:
        facts = services.ledger.receipt_facts(posting_id)
    except LedgerUnavailable:
        return (None, *recorded_notes(services, posting_id))
    return facts, facts.notes_in, facts.notes_out


def recorded_notes(services: Services, posting_id: UUID) -> tuple[Notes, Notes]:
    """The notes (in, out) a posting recorded, for its reprint when the ledger cannot be
    asked: from this terminal's journal, which holds the command as it was posted (same id,
    same request: the ledger accepted its notes whole). A posting made elsewhere gives
    ((), ()). With the ledger reachable, `receipt_facts` answers them for any posting."""
    journal = getattr(services.local, "journal", None)
    entry = journal.entry(posting_id) if journal is not None else None
    if entry is None:
        return (), ()
    return entry.command.notes_in, entry.command.notes_out


def staff_names(services: Services, staff_ids: list[str]) -> dict[str, str]:
    return services.ledger.staff_names(staff_ids)


def verify_receipt(services: Services, payload: str) -> Verification:
    """Check a scanned or pasted receipt code; `InvalidInput` if it is not one."""
    return services.ledger.verify_receipt(parse_payload(payload))


def verification_sentence(v: Verification) -> str:
    """One sentence for the CLI (the GUI words the same facts through its translations)."""
    if v.problem == "missing":
        return f"The ledger holds no posting {v.posting_id}: this receipt does not match the ledger."
    if v.problem == "hash_differs":
        return (f"The ledger's posting {v.posting_id} is not the one on this receipt: its hash differs "
                "(the row was changed or the receipt is forged).")
    if v.problem == "row_altered":
        return (f"The ledger's posting {v.posting_id} was altered after it was posted: its content no "
                "longer matches its hash.")
    try:
        label = Kind(v.kind).label
    except ValueError:
        label = str(v.kind)
    amount = format_money(Money(v.amount, v.currency), profile_for(v.currency))
    return (f"The ledger holds exactly this posting: {label.lower()} of {amount} for player {v.player_id}, "
            f"{v.created_at.astimezone().strftime('%Y-%m-%d %H:%M:%S')} (posting {v.posting_id}).")
