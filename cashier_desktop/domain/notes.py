"""The notes a cash posting takes in or pays out (quick entry at the counter, issue 17).

The amount splits by the drawer's preferred notes, largest first; what those cannot make
falls to the currency's other notes and coins. The cashier may change the pieces before
Enter, but a split that does not add up to the amount is refused here, before anything is
journaled or sent (the ledger's `cage.post_with_notes` refuses it again).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from .counts import MAX_PIECES, _ITEM, _denomination
from .errors import InvalidAmount, InvalidInput
from .kinds import Kind
from .formatting import format_money
from .money import Money, to_decimal

# Pieces per denomination, largest denomination first; no zero pieces.
Notes = tuple[tuple[Decimal, int], ...]

# Which kinds move notes across the counter, and which way (the drawer side of the kind).
NOTE_DIRECTION: dict[Kind, int] = {Kind.DEPOSIT: 1, Kind.WITHDRAWAL: -1, Kind.MARKER_REDEEM: 1}

# The notes a cage pays and takes by preference (the rest of the set makes what they cannot).
PREFERRED: dict[str, tuple[str, ...]] = {
    "INR": ("500", "100", "50", "10"),
    "USD": ("100", "20", "10", "5", "1"),
    "EUR": ("100", "50", "20", "10", "5"),
}


def preferred_notes(currency: str, configured: Iterable[str] | None) -> list[Decimal]:
    """The drawer's preferred notes: the configured list, else the currency's default."""
    chosen = list(configured) if configured else list(PREFERRED.get(currency.upper(), ()))
    return sorted({to_decimal(Decimal(str(d))) for d in chosen}, reverse=True)


def split(amount: Decimal, preferred: Sequence[Decimal], others: Sequence[Decimal] = ()) -> Notes:
    """`amount` as notes: greedy over `preferred`, the remainder greedy over `others`.

    Args:
        amount: what the notes must come to (positive).
        preferred: the drawer's preferred notes.
        others: the currency's full set of notes and coins, for what `preferred` cannot make.
    Returns:
        The pieces, largest first. Whatever no denomination can make is left out, so the
        split then falls short of the amount (the cashier sees it and edits it).
    """
    left = to_decimal(amount)
    pieces: dict[Decimal, int] = {}
    for group in (preferred, others):
        for d in sorted({to_decimal(x) for x in group}, reverse=True):
            if d <= 0 or left < d:
                continue
            n = int(left // d)
            pieces[d] = pieces.get(d, 0) + n
            left -= d * n
    return normalized(pieces)


def normalized(pieces: Mapping) -> Notes:
    """Pieces from `{denomination: n}` (keys strings or Decimals), checked, zeros dropped."""
    out: dict[Decimal, int] = {}
    for key, n in pieces.items():
        d = _denomination(str(key), None)
        if isinstance(n, bool) or not isinstance(n, int):
            try:
                n = int(str(n).strip())
            except ValueError:
                raise InvalidInput(f"The pieces of {key} must be a whole number.") from None
        if n < 0:
            raise InvalidInput(f"The pieces of {key} cannot be negative.")
        if n > MAX_PIECES:
            raise InvalidInput(f"{n} pieces of {key} is not a plausible number of notes.")
        if n:
            out[d] = out.get(d, 0) + n
    return tuple(sorted(out.items(), reverse=True))


def parse_notes(text: str, denominations: Iterable[str] | None = None) -> Notes:
    """`500x4,100x3` (also `500=4`, `500×4`) into pieces; InvalidInput names the bad part.

    Args:
        text: comma-separated DENOMINATIONxPIECES pairs.
        denominations: the currency's notes and coins; others are refused. None allows any.
    """
    allowed = {to_decimal(Decimal(str(x))) for x in denominations} if denominations else None
    if not text or not text.strip():
        raise InvalidInput("Give the notes as DENOMINATIONxPIECES pairs, e.g. 500x4,100x3.")
    pieces: dict[str, int] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        m = _ITEM.fullmatch(part)
        if not m:
            raise InvalidInput(f"“{part.strip()}” is not DENOMINATIONxPIECES (e.g. 500x4).")
        _denomination(m.group(1), allowed)
        if m.group(1) in pieces:
            raise InvalidInput(f"The notes of {m.group(1)} are given twice.")
        pieces[m.group(1)] = int(m.group(2))
    return normalized(pieces)


def notes_value(notes: Notes) -> Decimal:
    return sum((d * n for d, n in notes), Decimal("0.00"))


def denomination_text(d: Decimal) -> str:
    """500 for 500.00, 0.5 for 0.50: how a note is named on screen and in the ledger's JSON."""
    return format(d.normalize(), "f")


def notes_text(notes: Notes) -> str:
    """`500×4 + 100×3`, or `—` for none."""
    return " + ".join(f"{denomination_text(d)}×{n}" for d, n in notes) or "—"


def notes_json(notes: Notes) -> dict[str, int]:
    """`{"500": 4, "100": 3}`: the journal's and the posting API's form."""
    return {denomination_text(d): n for d, n in notes}


def check_adds_up(kind: Kind, amount: Money, notes_in: Notes, notes_out: Notes) -> None:
    """Refuse notes that do not come to the posting's movement of the drawer.

    Args:
        kind: the posting's kind; only kinds in NOTE_DIRECTION move notes.
        amount: the posting's amount (positive), in its currency.
        notes_in: taken into the drawer; notes_out: paid out of it.
    Raises:
        InvalidAmount: one sentence saying what the notes come to; nothing is posted.
    """
    if not notes_in and not notes_out:
        return
    direction = NOTE_DIRECTION.get(kind)
    if direction is None:
        raise InvalidInput(f"Notes are recorded only for a deposit, a withdrawal or a marker redemption, "
                           f"not for {kind.with_article}.")
    moved = direction * (notes_value(notes_in) - notes_value(notes_out))
    if moved != amount.amount:
        raise InvalidAmount(f"The notes come to {format_money(Money(moved, amount.currency))} but the amount is "
                            f"{format_money(amount)}; nothing was posted.")
