"""Fills and credits between a window and the main bank, and the cage's total accountability
(`cage.bank_transfer`, `cage.accountability`, migration 0019).

The database decides everything that protects money: both signatures (two staff sessions
of two different people, the bank's side with the `bank_transfer` right, the window's by
the drawer's own cashier), the open shift (under the key-share lock a close must wait
for), the bank's balance (under its row lock, never below zero), each signer's authority
limit for the transfer's kind (above it a third person approves, migration 0029). This module
only calls it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.money import Money
from .db import in_transaction

KINDS = ("fill", "credit", "fund", "remit")


@dataclass(frozen=True, slots=True)
class Transfer:
    """One movement of cash with the main bank, as posted (both signatures on it)."""

    id: uuid.UUID
    kind: str
    amount: Money
    shift_id: int | None
    sender_id: str
    receiver_id: str
    bank_after: Money
    created_at: datetime
    replayed: bool
    approver_id: str | None = None  # a third person, when a signer's authority limit was exceeded


@dataclass(frozen=True, slots=True)
class AccountabilityLine:
    """One part of the cage's accountability: what the stored state says (`amount`) and what
    the ledger's rows add up to (`ledger`); they agree unless something is wrong."""

    section: str   # drawer, bank, markers
    shift_id: int | None     # a drawer's shift and terminal
    terminal_id: str | None
    staff_id: str | None
    amount: Decimal
    ledger: Decimal
    currency: str | None = None  # None: the cage's own; a drawer's foreign cash names its currency (0034)

    @property
    def reconciles(self) -> bool:
        return self.amount == self.ledger


def transfer(engine: Engine, *, kind: str, amount: Money, sender_session: uuid.UUID | None,
             receiver_session: uuid.UUID | None, transfer_id: uuid.UUID | None = None,
             reason: str | None = None, terminal_id: str | None = None,
             approver_session: uuid.UUID | None = None) -> Transfer:
    """Post one fill (bank → window), credit (window → bank), fund or remit (outside ↔ bank).

    The window is the login's terminal; only the schema owner names it (`terminal_id`).
    `approver_session`: a third person's, needed when the amount is above a signer's limit.

    A retry with the same `transfer_id` and details returns the original transfer."""
    tid = transfer_id or uuid.uuid4()
    request_hash = f"bank:{kind}:{amount.currency}:{amount.amount}:{(reason or '').strip()}"
    row = in_transaction(engine, lambda conn: conn.execute(text("""
        SELECT r.replayed, (r.transfer).* FROM cage.bank_transfer(:id, :h, :k, :a, :s, :r, :why, :t, :ap) r"""),
        {"id": tid, "h": request_hash, "k": kind, "a": amount.amount, "s": sender_session, "r": receiver_session,
         "why": reason, "t": terminal_id, "ap": approver_session}).one())
    currency = row.currency.strip()
    return Transfer(id=row.id, kind=row.kind, amount=Money(row.amount, currency), shift_id=row.shift_id,
                    sender_id=row.sender_id, receiver_id=row.receiver_id, bank_after=Money(row.bank_after, currency),
                    created_at=row.created_at, replayed=row.replayed, approver_id=row.approver_id)


def accountability(engine: Engine, session: uuid.UUID | None, day: date | None = None) -> list[AccountabilityLine]:
    """Every drawer open at the end of gaming day `day` (or now), the bank and the markers
    outstanding (a supervisor's session: open drawers' expected cash is not for the counter)."""
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT section, shift_id, terminal_id, staff_id, amount, ledger FROM cage.accountability(:s, :d)"),
        {"s": session, "d": day}).all())
    return [AccountabilityLine(r.section, r.shift_id, r.terminal_id, r.staff_id, Decimal(r.amount), Decimal(r.ledger))
            for r in rows]


def foreign_accountability(engine: Engine, session: uuid.UUID | None,
                           day: date | None = None) -> list[AccountabilityLine]:
    """Every open drawer's foreign cash per currency at the end of gaming day `day` (or now):
    its stored row beside the figure its rows give (`cage.foreign_accountability`, 0034)."""
    rows = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT currency, shift_id, terminal_id, staff_id, amount, ledger "
             "FROM cage.foreign_accountability(:s, :d)"), {"s": session, "d": day}).all())
    return [AccountabilityLine("drawer", r.shift_id, r.terminal_id, r.staff_id, Decimal(r.amount), Decimal(r.ledger),
                               currency=r.currency) for r in rows]
