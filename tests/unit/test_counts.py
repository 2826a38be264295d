"""Drawer counts typed as DENOM=QTY pairs."""

from decimal import Decimal

import pytest

from cashier_desktop.config import DENOMINATIONS
from cashier_desktop.domain.counts import DrawerCount, parse_counts
from cashier_desktop.domain.errors import InvalidInput

INR = DENOMINATIONS["INR"]
USD = DENOMINATIONS["USD"]


def test_a_count_adds_up_exactly():
    c = parse_counts("500=10,100=3, 2000=1", "INR", INR)
    assert c.total.amount == Decimal("7300.00")
    assert c.to_json() == {"2000": 1, "500": 10, "100": 3}


def test_coins_add_up_to_the_cent():
    c = parse_counts("0.25=3,0.10=1,0.01=4,100=1", "USD", USD)
    assert c.total.amount == Decimal("100.89")
    assert c.to_json()["0.1"] == 1


def test_zero_quantities_are_allowed_and_an_empty_drawer_is_zero():
    assert parse_counts("500=0", "INR", INR).total.amount == Decimal("0.00")


@pytest.mark.parametrize("text, message", [
    ("", "Enter the count"),
    ("500", "is not DENOMINATION=QUANTITY"),
    ("500=-1", "is not DENOMINATION=QUANTITY"),
    ("500=1.5", "is not DENOMINATION=QUANTITY"),
    ("300=1", "not a denomination of this currency"),
    ("500=1,500=2", "counted twice"),
    ("abc=1", "is not DENOMINATION=QUANTITY"),
])
def test_a_bad_count_is_refused_with_a_sentence(text, message):
    with pytest.raises(InvalidInput, match=message):
        parse_counts(text, "INR", INR)


def test_a_mapping_from_the_gui_grid_is_checked_too():
    c = DrawerCount.from_mapping({"500": 2, Decimal("100"): "3"}, "INR", INR)
    assert c.total.amount == Decimal("1300.00")
    with pytest.raises(InvalidInput, match="cannot be negative"):
        DrawerCount.from_mapping({"500": -2}, "INR", INR)
    with pytest.raises(InvalidInput, match="plausible"):
        DrawerCount.from_mapping({"500": 10**9}, "INR", INR)
