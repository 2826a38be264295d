"""The amount parser: what a cashier types becomes exact Money, or a sentence says why not."""

from decimal import Decimal

import pytest

from cashier_desktop.domain.amounts import parse_amount
from cashier_desktop.domain.currency import profile_for
from cashier_desktop.domain.errors import InvalidAmount
from cashier_desktop.domain.money import Money

INR = profile_for("INR")


@pytest.mark.parametrize("typed, expected", [
    ("10000", "10000.00"),
    ("10,000.50", "10000.50"),
    ("₹10,000", "10000.00"),
    ("1,00,000", "100000.00"),
    ("₹ 1,00,000.05", "100000.05"),
    ("10,00,000", "1000000.00"),
    ("1,000,000", "1000000.00"),
    ("Rs 500", "500.00"),
    ("Rs. 500", "500.00"),
    ("INR 500", "500.00"),
    (" 1,000 ", "1000.00"),
    ("0.01", "0.01"),
    ("1.5", "1.50"),
    ("+5", "5.00"),
    ("10000000", "10000000.00"),  # exactly the INR maximum is allowed
])
def test_what_a_cashier_types_is_read_exactly(typed, expected):
    money = parse_amount(typed, INR)
    assert money == Money(Decimal(expected), "INR")
    assert isinstance(money.amount, Decimal)
    assert str(money.amount) == expected


@pytest.mark.parametrize("typed, sentence", [
    ("", "Enter an amount"),
    ("   ", "Enter an amount"),
    (None, "Enter an amount"),
    ("₹", "after the currency sign"),
    ("0", "more than zero"),
    ("0.00", "more than zero"),
    ("-5", "positive"),
    ("−5", "positive"),
    ("(5)", "positive"),
    ("1.234", "two decimal places"),
    ("10,000.505", "two decimal places"),
    ("1e9", "exponent"),
    ("1E9", "exponent"),
    ("2.5e3", "exponent"),
    ("NaN", "not a number"),
    ("nan", "not a number"),
    ("Infinity", "not a number"),
    ("inf", "not a number"),
    ("-Infinity", "positive"),
    ("abc", "not an amount"),
    ("12abc", "not an amount"),
    ("0x10", "not an amount"),
    ("1_000", "not an amount"),
    ("5 000", "not an amount"),
    ("$5", "not an amount"),
    ("١٢٣", "digits 0–9"),        # Arabic-Indic digits
    ("१२३", "digits 0–9"),        # Devanagari digits
    ("１２３", "digits 0–9"),      # full-width digits
    ("₹१,०००", "digits 0–9"),
    ("²", "digits 0–9"),
    ("12,34", "well-formed"),
    ("1,0000", "well-formed"),
    ("1,000,00", "well-formed"),
    (",100", "well-formed"),
    ("100,", "well-formed"),
    ("1.2.3", "well-formed"),
    ("10000000.01", "per-transaction maximum"),
    ("12,345,678", "per-transaction maximum"),
    ("9" * 40, "too large|per-transaction maximum"),
])
def test_bad_input_is_refused_with_a_sentence(typed, sentence):
    with pytest.raises(InvalidAmount, match=sentence) as info:
        parse_amount(typed, INR)
    text = str(info.value)
    assert text and (text[0].isupper() or text[0] in "“₹") and text.endswith(".")
    assert "Traceback" not in text and "Decimal" not in text


def test_the_configured_maximum_is_enforced_and_named_in_the_sentence():
    profile = profile_for("INR", Decimal("50000"))
    assert parse_amount("50,000", profile).amount == Decimal("50000.00")
    with pytest.raises(InvalidAmount, match=r"₹50,000\.01 is above the per-transaction maximum of ₹50,000\.00"):
        parse_amount("50,000.01", profile)


def test_another_currency_uses_its_own_symbol_and_code():
    usd = profile_for("USD")
    assert parse_amount("$1,250.75", usd) == Money(Decimal("1250.75"), "USD")
    assert parse_amount("USD 10", usd).currency == "USD"
    with pytest.raises(InvalidAmount):
        parse_amount("₹10", usd)


def test_a_typed_amount_is_read_in_the_currency_the_caller_names_never_a_default():
    """No amount lands in INR because nobody said otherwise (a USD cage's offline limit was)."""
    with pytest.raises(TypeError):
        parse_amount("500")  # type: ignore[call-arg]
    assert parse_amount("500", profile_for("USD")) == Money(Decimal("500"), "USD")
