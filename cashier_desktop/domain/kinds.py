"""Posting kinds and the fixed effect each has on the three balances.

Every ledger row is both sides of one movement: the player's cash, the player's drawn
credit and the drawer of the shift it was posted in. `total_deposits` and
`total_withdrawals` move so that `balance == total_deposits - total_withdrawals` after
every posting (the report's rule), reversals and adjustments included.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

ZERO = Decimal("0.00")


class Kind(str, Enum):
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    MARKER_ISSUE = "marker_issue"
    MARKER_REDEEM = "marker_redeem"
    CREDIT_LINE = "credit_line"
    REVERSAL = "reversal"
    ADJUST_IN = "adjust_in"
    ADJUST_OUT = "adjust_out"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def with_article(self) -> str:
        """"a deposit", "an adjustment": the label in a sentence (never "A adjustment")."""
        word = _LABELS[self].lower()
        return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"

    @property
    def moves_cash_in(self) -> bool:
        """Cash handed over the counter by the player (large-cash aggregation)."""
        return self in (Kind.DEPOSIT, Kind.MARKER_REDEEM)

    @property
    def moves_cash_out(self) -> bool:
        return self is Kind.WITHDRAWAL


_LABELS = {
    Kind.DEPOSIT: "Deposit",
    Kind.WITHDRAWAL: "Withdrawal",
    Kind.MARKER_ISSUE: "Marker issue",
    Kind.MARKER_REDEEM: "Marker redemption",
    Kind.CREDIT_LINE: "Credit line",
    Kind.REVERSAL: "Reversal",
    Kind.ADJUST_IN: "Adjustment (in)",
    Kind.ADJUST_OUT: "Adjustment (out)",
}

# Kinds a reversal may undo: a credit line is changed by a new approval, not reversed.
REVERSIBLE = frozenset({Kind.DEPOSIT, Kind.WITHDRAWAL, Kind.MARKER_ISSUE, Kind.MARKER_REDEEM,
                        Kind.ADJUST_IN, Kind.ADJUST_OUT})


@dataclass(frozen=True, slots=True)
class Effects:
    """Signed changes to the player's cash, drawn credit, drawer cash and running totals."""

    cash: Decimal = ZERO
    credit: Decimal = ZERO
    drawer: Decimal = ZERO
    deposits: Decimal = ZERO
    withdrawals: Decimal = ZERO

    def __neg__(self) -> "Effects":
        return Effects(-self.cash, -self.credit, -self.drawer, -self.deposits, -self.withdrawals)


def effects_of(kind: Kind, amount: Decimal) -> Effects:
    """The fixed effect of a posting of `kind` for a positive `amount`.

    Args:
        kind: any kind but REVERSAL (whose effect is the opposite of its original).
        amount: the posting's positive amount (for CREDIT_LINE, the new limit).
    Returns:
        The signed deltas to apply.
    """
    a = amount
    if kind is Kind.DEPOSIT:
        return Effects(cash=a, drawer=a, deposits=a)
    if kind is Kind.WITHDRAWAL:
        return Effects(cash=-a, drawer=-a, withdrawals=a)
    if kind is Kind.MARKER_ISSUE:
        return Effects(credit=a)
    if kind is Kind.MARKER_REDEEM:
        return Effects(credit=-a, drawer=a)
    if kind is Kind.ADJUST_IN:
        return Effects(cash=a, deposits=a)
    if kind is Kind.ADJUST_OUT:
        return Effects(cash=-a, withdrawals=a)
    if kind is Kind.CREDIT_LINE:
        return Effects()
    raise ValueError("a reversal's effect is the opposite of the posting it reverses")


def reversal_effects(original_kind: Kind, amount: Decimal) -> Effects:
    """The exact opposite of the original posting, totals included (undoing, not re-booking)."""
    return -effects_of(original_kind, amount)
