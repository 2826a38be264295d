"""Posting commands: what a terminal asks the ledger to do, with its idempotency key.

A command is immutable. Its `id` (a UUID chosen by the caller) is the idempotency key;
`request_hash()` fingerprints everything else, so a replay of the same id with a
different request is detected and refused.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from .errors import InvalidInput, InvalidAmount
from .kinds import Kind
from .money import Money
from .notes import Notes, check_adds_up, normalized, notes_json

_PLAYER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
_STAFF_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}")

NEEDS_REASON = frozenset({Kind.REVERSAL, Kind.ADJUST_IN, Kind.ADJUST_OUT})
NEEDS_APPROVER = frozenset({Kind.REVERSAL, Kind.ADJUST_IN, Kind.ADJUST_OUT, Kind.CREDIT_LINE})


def check_player_id(player_id: str) -> str:
    """A player id as the portal spells it: letters, digits, `_ . -`, at most 64."""
    if not isinstance(player_id, str) or not _PLAYER_ID.fullmatch(player_id.strip()):
        raise InvalidInput("That is not a player id (letters, digits, “-”, “_” or “.”, at most 64).")
    return player_id.strip()


def check_staff_id(staff_id: str) -> str:
    if not isinstance(staff_id, str) or not _STAFF_ID.fullmatch(staff_id.strip()):
        raise InvalidInput("That is not a staff id.")
    return staff_id.strip()


def new_id() -> UUID:
    return uuid.uuid4()


@dataclass(frozen=True, slots=True)
class PostingCommand:
    """One request to move money (or set a credit line), exactly once by `id`."""

    kind: Kind
    player_id: str
    amount: Money
    staff_id: str
    id: UUID = field(default_factory=new_id)
    terminal_id: str = ""
    shift_id: int | None = None
    approver_id: str | None = None
    reverses_id: UUID | None = None
    reason: str | None = None
    id_type: str | None = None
    id_number: str | None = None
    # The notes taken into the drawer and paid out of it (issue 17), largest first; empty when
    # none were recorded. Journaled with the intent and part of the request (so a replay posts
    # the same notes), and left out of both when empty (records made before notes still verify).
    notes_in: Notes = ()
    notes_out: Notes = ()
    # The staff sessions the database authenticates (cage.staff_login); never journaled,
    # never part of the request: a replay from the journal has none (cage.replay_offline).
    session: UUID | None = field(default=None, compare=False, repr=False)
    approver_session: UUID | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "player_id", check_player_id(self.player_id))
        object.__setattr__(self, "staff_id", check_staff_id(self.staff_id))
        if not isinstance(self.id, UUID):
            try:
                object.__setattr__(self, "id", UUID(str(self.id)))
            except ValueError:
                raise InvalidInput("The posting id must be a UUID.") from None
        if not isinstance(self.amount, Money):
            raise InvalidAmount("The amount must be Money.")
        if self.kind is Kind.CREDIT_LINE:
            if self.amount.amount < 0:
                raise InvalidAmount("A credit limit cannot be negative.")
        elif self.amount.amount <= 0:
            raise InvalidAmount.not_positive()
        if self.approver_id is not None:
            object.__setattr__(self, "approver_id", check_staff_id(self.approver_id))
        if self.kind in NEEDS_REASON and not (self.reason and self.reason.strip()):
            raise InvalidInput(f"A {self.kind.label.lower()} needs a reason.")
        if self.kind in NEEDS_APPROVER and not self.approver_id:
            raise InvalidInput(f"A {self.kind.label.lower()} needs an approver.")
        if self.kind is Kind.REVERSAL and self.reverses_id is None:
            raise InvalidInput("Say which posting to reverse.")
        if self.reverses_id is not None and not isinstance(self.reverses_id, UUID):
            try:
                object.__setattr__(self, "reverses_id", UUID(str(self.reverses_id)))
            except ValueError:
                raise InvalidInput("The posting to reverse must be given by its id (a UUID).") from None
        if self.kind is not Kind.REVERSAL and self.reverses_id is not None:
            raise InvalidInput("Only a reversal refers to another posting.")
        for name in ("notes_in", "notes_out"):
            value = getattr(self, name)
            object.__setattr__(self, name, normalized(dict(value) if value else {}))
        check_adds_up(self.kind, self.amount, self.notes_in, self.notes_out)

    @property
    def has_notes(self) -> bool:
        return bool(self.notes_in or self.notes_out)

    def canonical(self) -> dict:
        """Every field but `id`, in a stable JSON-able form."""
        return {
            "kind": self.kind.value,
            "player_id": self.player_id,
            "amount": str(self.amount.amount),
            "currency": self.amount.currency,
            "staff_id": self.staff_id,
            "terminal_id": self.terminal_id or "",
            "shift_id": self.shift_id,
            "approver_id": self.approver_id,
            "reverses_id": str(self.reverses_id) if self.reverses_id else None,
            "reason": self.reason,
            "id_type": self.id_type,
            "id_number": self.id_number,
        } | ({"notes_in": notes_json(self.notes_in), "notes_out": notes_json(self.notes_out)}
             if self.has_notes else {})

    def request_hash(self) -> str:
        """Fingerprint of the request; same id + different hash = IdempotencyConflict.

        The shift is left out: a replayed journal entry may be resent after its terminal's
        shift record changed, and the shift does not change what the request asks for.
        """
        body = dict(self.canonical())
        body.pop("shift_id")
        raw = json.dumps(body, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode()).hexdigest()

    def to_json(self) -> dict:
        return {"id": str(self.id), **self.canonical()}

    @classmethod
    def from_json(cls, data: dict) -> "PostingCommand":
        return cls(
            id=UUID(data["id"]), kind=Kind(data["kind"]), player_id=data["player_id"],
            amount=Money(Decimal(data["amount"]), data["currency"]), staff_id=data["staff_id"],
            terminal_id=data.get("terminal_id") or "", shift_id=data.get("shift_id"),
            approver_id=data.get("approver_id"),
            reverses_id=UUID(data["reverses_id"]) if data.get("reverses_id") else None,
            reason=data.get("reason"), id_type=data.get("id_type"), id_number=data.get("id_number"),
            notes_in=data.get("notes_in") or (), notes_out=data.get("notes_out") or ())
