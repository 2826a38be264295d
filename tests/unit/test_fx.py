"""The counter's quote uses the database's rounding (cage.fx_local_amount): to the paisa, in
the cage's favour; rates as typed are checked before they are sent."""

from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import InvalidInput
from cashier_desktop.domain.fx import local_amount, parse_rate


def test_the_cage_pays_rounded_down_and_is_paid_rounded_up():
    assert local_amount("buy", Decimal("100.01"), Decimal("83.123456")) == Decimal("8313.17")  # 8313.1768…
    assert local_amount("sell", Decimal("10.01"), Decimal("84.981234")) == Decimal("850.67")   # 850.6621…
    assert local_amount("sell", Decimal("10"), Decimal("85")) == Decimal("850.00")            # exact stays exact
    with pytest.raises(InvalidInput, match="buys foreign cash"):
        local_amount("swap", Decimal("1"), Decimal("1"))


def test_a_rate_is_positive_with_six_places_at_most():
    assert parse_rate(" 83.25 ") == Decimal("83.25")
    assert parse_rate("1,083.123456") == Decimal("1083.123456")
    for bad, sentence in (("abc", "is not a rate"), ("0", "positive"), ("-1", "positive"),
                          ("1.1234567", "at most 6 decimal places"), ("NaN", "positive"), ("1e9", "too large")):
        with pytest.raises(InvalidInput, match=sentence):
            parse_rate(bad)
