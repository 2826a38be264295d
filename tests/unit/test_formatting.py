"""Formatting: Indian grouping for INR, Western for the others, always two decimals; dates as
ISO 8601 in local time, the one date format of every screen, receipt and PDF."""

import re
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from cashier_desktop.domain.currency import profile_for
from cashier_desktop.domain.formatting import (format_amount, format_clock, format_date, format_date_time,
                                               format_money, group_digits)
from cashier_desktop.domain.money import Money


@pytest.mark.parametrize("digits, indian, western", [
    ("1", "1", "1"),
    ("999", "999", "999"),
    ("1000", "1,000", "1,000"),
    ("100000", "1,00,000", "100,000"),
    ("1234567", "12,34,567", "1,234,567"),
    ("12345678", "1,23,45,678", "12,345,678"),
    ("123456789012", "1,23,45,67,89,012", "123,456,789,012"),
])
def test_digits_are_grouped_the_way_each_region_reads_them(digits, indian, western):
    assert group_digits(digits, "en-IN") == indian
    assert group_digits(digits, "en-US") == western


def test_amounts_always_show_two_decimals():
    assert format_amount(Decimal("123456.5")) == "1,23,456.50"
    assert format_amount(Decimal("0")) == "0.00"
    assert format_amount(Decimal("-1000")) == "-1,000.00"
    assert format_amount(Decimal("1000000"), "en-US") == "1,000,000.00"


def test_money_carries_the_currency_symbol():
    assert format_money(Money(Decimal("10000"), "INR")) == "₹10,000.00"
    assert format_money(Money(Decimal("-10000"), "INR")) == "-₹10,000.00"
    assert format_money(Money(Decimal("1234567.8"), "USD")) == "$1,234,567.80"
    assert format_money(Money(Decimal("5"), "EUR")) == "€5.00"
    assert format_money(Money(Decimal("100000"), "INR"), profile_for("INR")) == "₹1,00,000.00"


def test_formatting_and_parsing_agree():
    from cashier_desktop.domain.amounts import parse_amount
    for text in ["₹1,00,000.00", "₹12,34,567.89", "₹0.01"]:
        assert format_money(parse_amount(text, profile_for("INR"))) == text


def test_the_one_date_format_is_iso_in_local_time():
    at = datetime(2026, 12, 4, 9, 5, 7, tzinfo=timezone.utc)
    local = at.astimezone()
    assert format_date_time(at) == local.strftime("%Y-%m-%d %H:%M:%S")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", format_date_time(at))
    assert format_date(date(2026, 12, 4)) == "2026-12-04"
    assert format_clock(at, now=at) == local.strftime("%H:%M")
    assert format_clock(at, now=datetime(2026, 12, 9, tzinfo=timezone.utc)) == local.strftime("%Y-%m-%d %H:%M")
    assert format_date_time(None) == "—"
