"""Receipts: what the ledger answers for an accepted posting, and the balance view."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from .kinds import Kind
from .money import Money
from .notes import Notes, normalized, notes_json


_RECEIPT_MONEY = ("amount", "cash_before", "cash_after", "credit_before", "credit_after", "limit_after")


@dataclass(frozen=True, slots=True)
class Receipt:
    """An accepted posting. `replayed` is true when this id had already been posted.

    Every amount is `Money` in the posting's currency (the ledger keeps a player's account
    in the currency the posting was made in: the cage's, which the database enforces), so
    whatever shows or prints it formats it in that currency, not in the terminal's.
    """

    id: UUID
    seq: int
    kind: Kind
    player_id: str
    amount: Money
    cash_before: Money
    cash_after: Money
    credit_before: Money
    credit_after: Money
    limit_after: Money
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
    # What the receipt prints beyond the posting, answered by the posting API in the same
    # call: its place in the shift (ledger order) and the staff names. Not part of the
    # posting's identity: a receipt read back without them is the same posting.
    shift_sequence: int | None = field(default=None, compare=False)
    staff_name: str = field(default="", compare=False)
    approver_name: str = field(default="", compare=False)
    # The notes the posting recorded (issue 17), as the command gave them and the ledger
    # accepted them whole; printed on the receipt. Empty when none were recorded, or when
    # the receipt was read back from the ledger (which no terminal login reads notes from).
    notes_in: Notes = field(default=(), compare=False)
    notes_out: Notes = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Money):
            raise TypeError(f"Receipt.amount must be Money, not {self.amount!r}")
        currency = self.amount.currency
        for name in _RECEIPT_MONEY:
            value = getattr(self, name)
            if not isinstance(value, Money) or value.currency != currency:
                raise TypeError(f"Receipt.{name} must be Money in {currency}, not {value!r}")

    @property
    def currency(self) -> str:
        return self.amount.currency

    @property
    def has_facts(self) -> bool:
        """Whether it carries the receipt's facts (the posting API's answer always names the
        staff member: the ledger row's staff id is a foreign key); a row read elsewhere does not."""
        return bool(self.staff_name)

    def to_json(self) -> dict:
        """Flat and stable: amounts as decimal strings beside one `currency`."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}  # flat scalars: no deep copy
        out["currency"] = self.currency
        _notes_to_json(out, self.notes_in, self.notes_out)
        for k, v in out.items():
            if isinstance(v, Money):
                out[k] = str(v.amount)
            elif isinstance(v, (Decimal, UUID)):
                out[k] = str(v)
            elif isinstance(v, datetime):
                out[k] = v.isoformat()
            elif isinstance(v, Kind):
                out[k] = v.value
        return out

    @classmethod
    def from_json(cls, d: dict) -> "Receipt":
        cur = d["currency"]
        money = {k: Money(Decimal(d[k]), cur) for k in _RECEIPT_MONEY}
        return cls(
            id=UUID(d["id"]), seq=int(d["seq"]), kind=Kind(d["kind"]), player_id=d["player_id"],
            **money, approved_after=bool(d["approved_after"]),
            staff_id=d["staff_id"], approver_id=d.get("approver_id"), terminal_id=d.get("terminal_id") or "",
            shift_id=d.get("shift_id"),
            reverses_id=UUID(d["reverses_id"]) if d.get("reverses_id") else None,
            reason=d.get("reason"), created_at=datetime.fromisoformat(d["created_at"]),
            hash=d["hash"], replayed=bool(d.get("replayed", False)),
            shift_sequence=d.get("shift_sequence"), staff_name=d.get("staff_name") or "",
            approver_name=d.get("approver_name") or "",
            notes_in=normalized(d.get("notes_in") or {}), notes_out=normalized(d.get("notes_out") or {}))


def _notes_to_json(out: dict, notes_in: Notes, notes_out: Notes) -> None:
    """The notes as `{"500": 4}` beside the rest, and only when there are any: a receipt
    without notes keeps the JSON shape it had before notes were recorded."""
    out.pop("notes_in", None)
    out.pop("notes_out", None)
    if notes_in or notes_out:
        out["notes_in"], out["notes_out"] = notes_json(notes_in), notes_json(notes_out)


_BALANCE_MONEY = ("cash", "credit", "credit_limit", "total_deposits", "total_withdrawals")


@dataclass(frozen=True, slots=True)
class Balance:
    """A player's balances in the portal's shape, with the version that orders changes.

    Every amount is `Money` in the account's currency (the currency the ledger holds the
    player's postings in: the cage's, which the posting API enforces), so a screen formats
    it in that currency and cannot add it to an amount in another.
    """

    player_id: str
    version: int
    cash: Money
    credit: Money
    credit_limit: Money
    credit_approved: bool
    total_deposits: Money
    total_withdrawals: Money
    name: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.cash, Money):
            raise TypeError(f"Balance.cash must be Money, not {self.cash!r}")
        currency = self.cash.currency
        for name in _BALANCE_MONEY:
            value = getattr(self, name)
            if not isinstance(value, Money) or value.currency != currency:
                raise TypeError(f"Balance.{name} must be Money in {currency}, not {value!r}")

    @classmethod
    def of_amounts(cls, currency: str, *, player_id: str, version: int, cash: Decimal | str,
                   credit: Decimal | str, credit_limit: Decimal | str, credit_approved: bool,
                   total_deposits: Decimal | str, total_withdrawals: Decimal | str, name: str = "") -> "Balance":
        """From the ledger's bare figures (a row, an event), all in `currency`: no currency is assumed."""
        return cls(player_id=player_id, version=version, cash=Money(cash, currency),
                   credit=Money(credit, currency), credit_limit=Money(credit_limit, currency),
                   credit_approved=credit_approved, total_deposits=Money(total_deposits, currency),
                   total_withdrawals=Money(total_withdrawals, currency), name=name)

    @property
    def currency(self) -> str:
        return self.cash.currency

    @property
    def total(self) -> Money:
        return self.cash + self.credit

    @property
    def available_credit(self) -> Money:
        return self.credit_limit - self.credit if self.credit_approved else Money.zero(self.currency)

    def portal_json(self) -> dict:
        """The player portal's shape: amounts as decimal strings (the wire format the portal
        and the feed's subscribers read; the currency is the cage's, so it is not repeated)."""
        return {
            "playerId": self.player_id,
            "version": self.version,
            "cashBalance": str(self.cash.amount),
            "creditBalance": str(self.credit.amount),
            "creditLimit": str(self.credit_limit.amount),
            "creditApproved": self.credit_approved,
            "totalBalance": str(self.total.amount),
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
    amount: Money
    staff_id: str
    terminal_id: str
    shift_id: int | None
    taken_at: datetime
    last_known_cash: Money | None = None
    offline: bool = True
    status: str = "pending"
    notes_in: Notes = ()  # as the command recorded them (issue 17); printed on the receipt
    notes_out: Notes = ()

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Money):
            raise TypeError(f"PendingReceipt.amount must be Money, not {self.amount!r}")
        known = self.last_known_cash
        if known is not None and (not isinstance(known, Money) or known.currency != self.amount.currency):
            raise TypeError(f"PendingReceipt.last_known_cash must be Money in {self.amount.currency}")

    @property
    def currency(self) -> str:
        return self.amount.currency

    @property
    def banner(self) -> str:
        return OFFLINE_PENDING

    def to_json(self) -> dict:
        return {
            "status": self.status, "offline": self.offline, "banner": OFFLINE_PENDING,
            "id": str(self.id), "kind": self.kind.value, "player_id": self.player_id,
            "amount": str(self.amount.amount), "currency": self.currency, "staff_id": self.staff_id,
            "terminal_id": self.terminal_id, "shift_id": self.shift_id,
            "taken_at": self.taken_at.isoformat(),
            "last_known_cash": None if self.last_known_cash is None else str(self.last_known_cash.amount),
        } | ({"notes_in": notes_json(self.notes_in), "notes_out": notes_json(self.notes_out)}
             if self.notes_in or self.notes_out else {})

    @classmethod
    def from_json(cls, d: dict) -> "PendingReceipt":
        cur = d["currency"]
        return cls(
            id=UUID(d["id"]), kind=Kind(d["kind"]), player_id=d["player_id"], amount=Money(Decimal(d["amount"]), cur),
            staff_id=d["staff_id"], terminal_id=d.get("terminal_id") or "",
            shift_id=d.get("shift_id"), taken_at=datetime.fromisoformat(d["taken_at"]),
            last_known_cash=Money(Decimal(d["last_known_cash"]), cur) if d.get("last_known_cash") else None,
            notes_in=normalized(d.get("notes_in") or {}), notes_out=normalized(d.get("notes_out") or {}))


def with_notes(receipt: "Receipt | PendingReceipt", notes_in: Notes, notes_out: Notes) -> "Receipt | PendingReceipt":
    """`receipt` carrying the notes its command recorded (the ledger accepted them whole,
    or refused the posting: a receipt exists only for notes that were recorded)."""
    if not notes_in and not notes_out:
        return receipt
    return replace(receipt, notes_in=notes_in, notes_out=notes_out)


def balance_after(shown: Balance, receipt: Receipt) -> Balance | None:
    """The player's balances after `receipt`, from what the receipt carries, when `shown` is
    the state just before it (the posting then bumped the version by one): the counter shows
    the new balance without asking the ledger again, and the feed's event confirms it.

    None when that cannot be known from the two (another change came in between, a replayed
    receipt, a correction whose effect on the totals is the ledger's to say, a receipt in
    another currency than the account shown): refetch then.
    """
    if (shown.player_id != receipt.player_id or receipt.replayed or shown.currency != receipt.currency
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
