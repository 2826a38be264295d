"""A hypothesis state machine: the real ledger against a few lines of Python model.

Every step posts to the real PostgreSQL ledger and to the model; the model predicts the
receipt's balances or the exact refusal, and after every step the players' columns equal
the model and the database's own checks are clean for these players.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, \
    run_state_machine_as_test
from sqlalchemy import text

from cashier_desktop.domain import errors as E
from cashier_desktop.domain.kinds import REVERSIBLE, Kind, effects_of
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from tests.support.factories import cmd, make_player

D = Decimal
ZERO = D("0.00")
amounts = st.integers(min_value=1, max_value=300_00).map(lambda c: D(c) / 100)


@dataclass
class Account:
    cash: Decimal = ZERO
    credit: Decimal = ZERO
    limit: Decimal = ZERO
    approved: bool = False
    deposits: Decimal = ZERO
    withdrawals: Decimal = ZERO
    version: int = 0


@dataclass
class Posted:
    command: object
    receipt: object
    kind: Kind
    player: int
    amount: Decimal
    reversed: bool = False
    extra: dict = field(default_factory=dict)


ENGINE = None


def predict(acct: Account, kind: Kind, amount: Decimal, original: Posted | None = None):
    """The refusal the ledger must give, or the new account state."""
    if kind is Kind.REVERSAL:
        if original.kind not in REVERSIBLE:
            return E.NotReversible
        if original.reversed:
            return E.AlreadyReversed
        fx = -effects_of(original.kind, amount)
    else:
        fx = effects_of(kind, amount)
    new_limit = amount if kind is Kind.CREDIT_LINE else acct.limit
    if acct.cash + fx.cash < 0:
        return E.InsufficientFunds
    if kind is Kind.MARKER_ISSUE and not acct.approved:
        return E.CreditNotApproved
    if acct.credit + fx.credit > new_limit:
        return E.CreditLimitExceeded
    if acct.credit + fx.credit < 0:
        return E.MarkerOverpaid
    after = Account(cash=acct.cash + fx.cash, credit=acct.credit + fx.credit, limit=new_limit,
                    approved=(amount > 0) if kind is Kind.CREDIT_LINE else acct.approved,
                    deposits=acct.deposits + fx.deposits, withdrawals=acct.withdrawals + fx.withdrawals,
                    version=acct.version)
    # the version orders balance changes: a posting that changes no column (a credit line
    # set to what it already is) is a ledger row but not a new version
    if after != acct:
        after.version += 1
    return after


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.engine = ENGINE
        self.players: list[str] = []
        self.model: list[Account] = []
        self.posted: list[Posted] = []

    @initialize()
    def players_exist(self) -> None:
        for _ in range(3):
            self.players.append(make_player(self.engine))
            self.model.append(Account())

    def _apply(self, i: int, kind: Kind, amount: Decimal, original: Posted | None = None, **extra) -> None:
        player = self.players[i]
        c = cmd(kind, player, amount, **extra)
        expected = predict(self.model[i], kind, amount, original)
        if isinstance(expected, type):
            with pytest.raises(expected):
                post(self.engine, c)
            return
        r = post(self.engine, c)
        assert not r.replayed
        before = self.model[i]
        assert (r.cash_before.amount, r.credit_before.amount) == (before.cash, before.credit)
        assert (r.cash_after.amount, r.credit_after.amount, r.limit_after.amount, r.approved_after) == \
            (expected.cash, expected.credit, expected.limit, expected.approved)
        self.model[i] = expected
        if original is not None:
            original.reversed = True
        self.posted.append(Posted(c, r, kind, i, amount))

    @rule(i=st.integers(0, 2), amount=amounts)
    def deposit(self, i, amount):
        self._apply(i, Kind.DEPOSIT, amount)

    @rule(i=st.integers(0, 2), amount=amounts)
    def withdraw(self, i, amount):
        self._apply(i, Kind.WITHDRAWAL, amount)

    @rule(i=st.integers(0, 2), fraction=st.sampled_from(["any", "all"]), amount=amounts)
    def withdraw_everything_or_any(self, i, fraction, amount):
        amt = self.model[i].cash if fraction == "all" and self.model[i].cash > 0 else amount
        self._apply(i, Kind.WITHDRAWAL, amt)

    @rule(i=st.integers(0, 2), limit=st.integers(0, 500).map(lambda x: D(x * 10)))
    def credit_line(self, i, limit):
        self._apply(i, Kind.CREDIT_LINE, limit, staff="F200", approver_id="F200")

    @rule(i=st.integers(0, 2), amount=amounts)
    def marker_issue(self, i, amount):
        self._apply(i, Kind.MARKER_ISSUE, amount)

    @rule(i=st.integers(0, 2), amount=amounts)
    def marker_redeem(self, i, amount):
        self._apply(i, Kind.MARKER_REDEEM, amount)

    @rule(i=st.integers(0, 2), amount=amounts, out=st.booleans())
    def adjust(self, i, amount, out):
        self._apply(i, Kind.ADJUST_OUT if out else Kind.ADJUST_IN, amount, staff="S300",
                    approver_id="S300", reason="model")

    @precondition(lambda self: self.posted)
    @rule(data=st.data())
    def reverse(self, data):
        original = data.draw(st.sampled_from(self.posted))
        if original.amount == 0:  # a credit line withdrawn to zero: not even a valid reversal command
            with pytest.raises(E.InvalidAmount):
                cmd(Kind.REVERSAL, self.players[original.player], original.amount, staff="S300",
                    approver_id="S300", reverses_id=original.receipt.id, reason="model")
            return
        self._apply(original.player, Kind.REVERSAL, original.amount, original, staff="S300",
                    approver_id="S300", reverses_id=original.receipt.id, reason="model")

    @precondition(lambda self: self.posted)
    @rule(data=st.data())
    def replay(self, data):
        """A duplicate returns the original receipt, whatever happened since."""
        p = data.draw(st.sampled_from(self.posted))
        r = post(self.engine, p.command)
        assert r.replayed and (r.seq, r.hash, r.cash_after) == (p.receipt.seq, p.receipt.hash, p.receipt.cash_after)

    @precondition(lambda self: self.posted)
    @rule(data=st.data(), amount=amounts)
    def mismatched_replay(self, data, amount):
        p = data.draw(st.sampled_from(self.posted))
        if amount == p.amount:
            amount += D("0.01")
        with pytest.raises(E.IdempotencyConflict):
            post(self.engine, cmd(Kind.DEPOSIT, self.players[p.player], amount, id=p.command.id))

    @invariant()
    def the_ledger_agrees_with_the_model(self):
        for pid, m in zip(self.players, self.model):
            b = get_balance(self.engine, pid, currency="INR")
            assert (b.cash.amount, b.credit.amount, b.credit_limit.amount, b.credit_approved, b.total_deposits.amount,
                    b.total_withdrawals.amount, b.version) == \
                (m.cash, m.credit, m.limit, m.approved, m.deposits, m.withdrawals, m.version)
            assert b.cash.amount == b.total_deposits.amount - b.total_withdrawals.amount

    def teardown(self) -> None:
        if not self.players:
            return
        with self.engine.connect() as conn:
            findings = conn.execute(text("SELECT * FROM check_balance_integrity() WHERE player_id = ANY(:p)"),
                                    {"p": self.players}).fetchall()
            chain = conn.execute(text("SELECT * FROM verify_ledger_chain() WHERE player_id = ANY(:p)"),
                                 {"p": self.players}).fetchall()
            count = conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = ANY(:p)"),
                                 {"p": self.players}).scalar_one()
        assert findings == [] and chain == []
        assert count == len(self.posted)


@pytest.mark.slow  # 60 runs of 40 steps, 15-30 s: `make test` starts it early (tests/support/scheduling.py)
def test_the_ledger_behaves_like_the_model(engine):
    global ENGINE
    ENGINE = engine
    run_state_machine_as_test(LedgerMachine, settings=settings(
        max_examples=60, stateful_step_count=40, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
