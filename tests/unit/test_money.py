"""Money: exact, two places, one currency; floats and inexact values are refused."""

from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import CurrencyMismatch, InvalidAmount
from cashier_desktop.domain.money import STORABLE_MAX, Money, to_decimal


def test_money_is_quantized_to_cents_at_creation():
    assert Money(Decimal("10"), "INR").amount == Decimal("10.00")
    assert str(Money(Decimal("10"), "INR").amount) == "10.00"
    assert Money(5, "INR").amount == Decimal("5.00")
    assert Money("7.5", "INR").amount == Decimal("7.50")


@pytest.mark.parametrize("bad", [0.1, 1.0, True, False])
def test_floats_and_bools_are_refused(bad):
    with pytest.raises(InvalidAmount):
        Money(bad, "INR")


@pytest.mark.parametrize("bad", [Decimal("1.001"), "0.005", Decimal("NaN"), Decimal("Infinity"),
                                 Decimal("-Infinity"), "abc", "", None])
def test_inexact_or_non_finite_values_are_refused(bad):
    with pytest.raises(InvalidAmount):
        to_decimal(bad)


def test_an_amount_too_large_for_numeric_14_2_is_refused():
    assert Money(STORABLE_MAX, "INR").amount == STORABLE_MAX
    with pytest.raises(InvalidAmount, match="too large"):
        Money(STORABLE_MAX + Decimal("0.01"), "INR")


@pytest.mark.parametrize("code", ["inr", "RUPEE", "R$", "", 123])
def test_a_bad_currency_code_is_refused(code):
    with pytest.raises(InvalidAmount):
        Money(Decimal("1"), code)


def test_arithmetic_stays_exact_and_in_one_currency():
    a, b = Money(Decimal("0.10"), "INR"), Money(Decimal("0.20"), "INR")
    assert (a + b).amount == Decimal("0.30")
    assert (b - a).amount == Decimal("0.10")
    assert (-a).amount == Decimal("-0.10")
    assert a < b and b > a and a <= a and b >= b
    assert Money.zero("USD") == Money(Decimal("0"), "USD")
    assert not Money.zero("INR").is_positive and a.is_positive


def test_mixing_currencies_raises():
    with pytest.raises(CurrencyMismatch, match="INR with USD"):
        Money(Decimal("1"), "INR") + Money(Decimal("1"), "USD")
    with pytest.raises(CurrencyMismatch):
        Money(Decimal("1"), "INR") < Money(Decimal("1"), "USD")
    with pytest.raises(TypeError):
        Money(Decimal("1"), "INR") + Decimal("1")


def test_money_is_immutable_and_hashable():
    m = Money(Decimal("1"), "INR")
    with pytest.raises(AttributeError):
        m.amount = Decimal("2")  # type: ignore[misc]
    assert {m, Money(Decimal("1.00"), "INR")} == {m}


@pytest.mark.parametrize("huge", ["9" * 40, Decimal("1E+40"), 10 ** 30])
def test_a_huge_value_is_refused_with_a_sentence_not_a_decimal_error(huge):
    with pytest.raises(InvalidAmount, match="too large"):
        to_decimal(huge)


def test_money_names_its_currency_always():
    with pytest.raises(TypeError):
        Money(Decimal("1"))  # type: ignore[call-arg] - no cage's currency is assumed
    with pytest.raises(TypeError):
        Money.zero()  # type: ignore[call-arg]


def test_money_compared_with_a_bare_number_raises_instead_of_answering_false():
    """`balance.cash == Decimal("0")` after Balance began carrying Money would be false for ever;
    it raises, so such a check cannot hide."""
    import pytest as _pytest
    m = Money(Decimal("10"), "INR")
    for bare in (Decimal("10"), 10, 10.0):
        with _pytest.raises(TypeError, match="bare number"):
            m == bare  # noqa: B015 - the comparison is the test
    assert m == Money(Decimal("10.00"), "INR") and m != Money(Decimal("10"), "USD")
    assert len({m, Money(Decimal("10.00"), "INR")}) == 1
    assert (m == None) is False  # noqa: E711 - not a number: simply not equal
