"""Receipts carry Money in the posting's currency, through the journal's JSON and back."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from decimal import Decimal
from uuid import uuid4

import pytest

from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.receipts import Balance, PendingReceipt, Receipt, balance_after


def _usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def _receipt(**kw) -> Receipt:
    base = dict(id=uuid4(), seq=7, kind=Kind.DEPOSIT, player_id="179", amount=_usd("250.00"),
                cash_before=_usd("100.00"), cash_after=_usd("350.00"), credit_before=_usd("0"),
                credit_after=_usd("0"), limit_after=_usd("0"), approved_after=False, staff_id="C100",
                approver_id=None, terminal_id="CAGE-1", shift_id=3, reverses_id=None, reason=None,
                created_at=datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc), hash="h",
                shift_sequence=12, staff_name="Asha Rao")
    base.update(kw)
    return Receipt(**base)


def test_a_receipt_goes_through_json_as_money_in_its_currency_with_its_number():
    r = _receipt()
    j = r.to_json()
    assert (j["amount"], j["cash_after"], j["currency"]) == ("250.00", "350.00", "USD")
    back = Receipt.from_json(j)
    assert back == r and back.cash_after == _usd("350.00") and back.currency == "USD"
    assert (back.shift_sequence, back.staff_name, back.has_facts) == (12, "Asha Rao", True)


def test_the_receipts_facts_are_not_part_of_the_postings_identity():
    r = _receipt()
    assert dataclasses.replace(r, shift_sequence=None, staff_name="") == r
    assert not dataclasses.replace(r, staff_name="").has_facts


@pytest.mark.parametrize("field, value", [("amount", Decimal("250.00")), ("cash_after", Decimal("350.00")),
                                          ("limit_after", Money(Decimal("0"), "INR"))])
def test_a_receipt_refuses_a_bare_decimal_or_another_currency(field, value):
    with pytest.raises(TypeError):
        _receipt(**{field: value})


def test_a_pending_receipt_carries_money_and_its_last_known_cash_in_the_same_currency():
    p = PendingReceipt(id=uuid4(), kind=Kind.DEPOSIT, player_id="179", amount=_usd("40.00"), staff_id="C100",
                       terminal_id="CAGE-1", shift_id=3, taken_at=datetime.now(timezone.utc),
                       last_known_cash=_usd("100.00"))
    back = PendingReceipt.from_json(p.to_json())
    assert back == p and back.currency == "USD" and back.last_known_cash == _usd("100.00")
    with pytest.raises(TypeError):
        dataclasses.replace(p, last_known_cash=Money(Decimal("100.00"), "INR"))
    with pytest.raises(TypeError):
        dataclasses.replace(p, amount=Decimal("40.00"))


def _shown(currency: str = "USD", **kw) -> Balance:
    base = dict(player_id="179", version=4, cash=Decimal("100.00"), credit=Decimal("0.00"),
                credit_limit=Decimal("0.00"), credit_approved=False, total_deposits=Decimal("100.00"),
                total_withdrawals=Decimal("0.00"), name="Rahul")
    base.update(kw)
    return Balance.of_amounts(currency, **base)


def test_the_balance_after_a_receipt_comes_from_its_money():
    after = balance_after(_shown(), _receipt())
    assert after is not None and (after.version, after.cash, after.total_deposits, after.currency) == (
        5, _usd("350.00"), _usd("350.00"), "USD")


def test_a_receipt_in_another_currency_than_the_balance_shown_is_not_applied_to_it():
    assert balance_after(_shown("INR"), _receipt()) is None  # refetched instead


def test_a_balance_carries_money_in_one_currency():
    b = _shown(credit_limit=Decimal("500.00"), credit=Decimal("200.00"), credit_approved=True)
    assert (b.total, b.available_credit) == (_usd("300.00"), _usd("300.00"))
    assert dataclasses.replace(b, credit_approved=False).available_credit == _usd("0.00")
    assert b.portal_json() == {"playerId": "179", "version": 4, "cashBalance": "100.00", "creditBalance": "200.00",
                               "creditLimit": "500.00", "creditApproved": True, "totalBalance": "300.00"}
    with pytest.raises(TypeError):
        dataclasses.replace(b, cash=Decimal("100.00"))
    with pytest.raises(TypeError):
        dataclasses.replace(b, credit_limit=Money(Decimal("500.00"), "INR"))
