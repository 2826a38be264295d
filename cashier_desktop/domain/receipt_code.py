"""What a receipt carries for checking it later: the short human number and the QR payload.

The QR payload is the posting id and the ledger row's hash (`ledger_transactions.hash`, the
link of the player's hash chain). Anyone holding the receipt can ask the ledger whether it
still holds exactly that posting (`cashier-desktop verify-receipt`), the way fiscal receipts
are checked in Austria (RKSV) or Germany (TSE). Pure values: no I/O here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import UUID

from .errors import InvalidInput

PREFIX = "CDR1"  # cashier-desktop receipt, payload version 1
_HASH = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class ReceiptCode:
    """The posting id and its ledger hash, as printed in the QR code."""

    posting_id: UUID
    hash: str

    def payload(self) -> str:
        return f"{PREFIX}:{self.posting_id}:{self.hash}"


def parse_payload(text: str) -> ReceiptCode:
    """A scanned or pasted payload → `ReceiptCode`; `InvalidInput` with one sentence otherwise.

    Args:
        text: `CDR1:<posting uuid>:<64 hex digits>`, as the QR code holds it (surrounding
            whitespace and letter case are forgiven: scanners differ).
    Returns:
        The parsed code.
    """
    parts = (text or "").strip().split(":")
    if len(parts) != 3 or parts[0].upper() != PREFIX:
        raise InvalidInput("That is not a receipt code (it should start with “CDR1:” as printed in the QR code).")
    try:
        posting_id = UUID(parts[1])
    except ValueError:
        raise InvalidInput("The receipt code's posting id is damaged.") from None
    digest = parts[2].lower()
    if not _HASH.match(digest):
        raise InvalidInput("The receipt code's hash is damaged (it should be 64 hexadecimal digits).")
    return ReceiptCode(posting_id, digest)


def receipt_number(terminal_id: str, shift_id: int | None, sequence: int | None) -> str:
    """The short number a person reads aloud: terminal-shift-sequence, e.g. `CAGE-01-12-0007`.

    `sequence` is the posting's place in its shift (1 = first), derived from the ledger's
    order; a posting without a shift or not yet in the ledger has none (`-`).
    """
    shift = str(shift_id) if shift_id is not None else "-"
    seq = f"{sequence:04d}" if sequence is not None else "-"
    return f"{terminal_id}-{shift}-{seq}"
