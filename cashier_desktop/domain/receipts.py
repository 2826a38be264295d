"""Receipts: what the ledger answers for an accepted posting, and the balance view."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from .kinds import Kind


@dataclass(frozen=True, slots=True)
class Receipt:
    """An accepted posting. `replayed` is true when this id had already been posted."""

    id: UUID
    seq: int
    kind: Kind
    player_id: str
    amount: Decimal
    currency: str
    cash_before: Decimal
    cash_after: Decimal
    credit_before: Decimal
    credit_after: Decimal
    limit_after: Decimal
    approved_after: bool
    staff_id: str
    approver_id: str | None
    terminal_id: str
    shift_id: int | None
    reverses_id: UUID | None
    reason: str | None
    created_at: datetime
    hash: str
    replayed: bool = False

    def to_json(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}  # flat scalars: no deep copy
        for k, v in out.items():
            if isinstance(v, (Decimal, UUID)):
                out[k] = str(v)
            elif isinstance(v, datetime):
                out[k] = v.isoformat()
            elif isinstance(v, Kind):
                out[k] = v.value
        return out

    @classmethod
    def from_json(cls, d: dict) -> "Receipt":
        return cls(
            id=UUID(d["id"]), seq=int(d["seq"]), kind=Kind(d["kind"]), player_id=d["player_id"],
            amount=Decimal(d["amount"]), currency=d["currency"],
            cash_before=Decimal(d["cash_before"]), cash_after=Decimal(d["cash_after"]),
            credit_before=Decimal(d["credit_before"]), credit_after=Decimal(d["credit_after"]),
            limit_after=Decimal(d["limit_after"]), approved_after=bool(d["approved_after"]),
            staff_id=d["staff_id"], approver_id=d.get("approver_id"), terminal_id=d.get("terminal_id") or "",
            shift_id=d.get("shift_id"),
            reverses_id=UUID(d["reverses_id"]) if d.get("reverses_id") else None,
            reason=d.get("reason"), created_at=datetime.fromisoformat(d["created_at"]),
            hash=d["hash"], replayed=bool(d.get("replayed", False)))


@dataclass(frozen=True, slots=True)
class Balance:
    """A player's balances in the portal's shape, with the version that orders changes."""

    player_id: str
    version: int
    cash: Decimal
    credit: Decimal
    credit_limit: Decimal
    credit_approved: bool
    total_deposits: Decimal
    total_withdrawals: Decimal
    name: str = ""

    @property
    def total(self) -> Decimal:
        return self.cash + self.credit

    @property
    def available_credit(self) -> Decimal:
        return self.credit_limit - self.credit if self.credit_approved else Decimal("0.00")

    def portal_json(self) -> dict:
        """The player portal's shape: amounts as decimal strings."""
        return {
            "playerId": self.player_id,
            "version": self.version,
            "cashBalance": str(self.cash),
            "creditBalance": str(self.credit),
            "creditLimit": str(self.credit_limit),
            "creditApproved": self.credit_approved,
            "totalBalance": str(self.total),
        }


OFFLINE_PENDING = "OFFLINE — PENDING"


@dataclass(frozen=True, slots=True)
class PendingReceipt:
    """A posting taken while the ledger was unreachable: journaled, not yet in the ledger.

    The terminal's journal holds it and replays it with this same `id` when the ledger is
    back; until then no balance has moved. Every printed or shown copy says
    `OFFLINE_PENDING`. `last_known_cash` is the player's cash as last seen online, if any.
    """

    id: UUID
    kind: Kind
    player_id: str
    amount: Decimal
    currency: str
    staff_id: str
    terminal_id: str
    shift_id: int | None
    taken_at: datetime
    last_known_cash: Decimal | None = None
    offline: bool = True
    status: str = "pending"

    @property
    def banner(self) -> str:
        return OFFLINE_PENDING

    def to_json(self) -> dict:
        return {
            "status": self.status, "offline": self.offline, "banner": OFFLINE_PENDING,
            "id": str(self.id), "kind": self.kind.value, "player_id": self.player_id,
            "amount": str(self.amount), "currency": self.currency, "staff_id": self.staff_id,
            "terminal_id": self.terminal_id, "shift_id": self.shift_id,
            "taken_at": self.taken_at.isoformat(),
            "last_known_cash": None if self.last_known_cash is None else str(self.last_known_cash),
        }

    @classmethod
    def from_json(cls, d: dict) -> "PendingReceipt":
        return cls(
            id=UUID(d["id"]), kind=Kind(d["kind"]), player_id=d["player_id"], amount=Decimal(d["amount"]),
            currency=d["currency"], staff_id=d["staff_id"], terminal_id=d.get("terminal_id") or "",
            shift_id=d.get("shift_id"), taken_at=datetime.fromisoformat(d["taken_at"]),
            last_known_cash=Decimal(d["last_known_cash"]) if d.get("last_known_cash") else None)


def balance_after(shown: Balance, receipt: Receipt) -> Balance | None:
    """The player's balances after `receipt`, from what the receipt carries, when `shown` is
    the state just before it (the posting then bumped the version by one): the counter shows
    the new balance without asking the ledger again, and the feed's event confirms it.

    None when that cannot be known from the two (another change came in between, a replayed
    receipt, a correction whose effect on the totals is the ledger's to say): refetch then.
    """
    if (shown.player_id != receipt.player_id or receipt.replayed
            or (shown.cash, shown.credit) != (receipt.cash_before, receipt.credit_before)):
        return None
    deposits, withdrawals = shown.total_deposits, shown.total_withdrawals
    if receipt.kind is Kind.DEPOSIT:
        deposits += receipt.amount
    elif receipt.kind is Kind.WITHDRAWAL:
        withdrawals += receipt.amount
    elif receipt.cash_after != receipt.cash_before:
        return None
    return Balance(player_id=shown.player_id, version=shown.version + 1, cash=receipt.cash_after,
                   credit=receipt.credit_after, credit_limit=receipt.limit_after,
                   credit_approved=receipt.approved_after, total_deposits=deposits,
                   total_withdrawals=withdrawals, name=shown.name)
