"""The report's scenario on a real PostgreSQL: ₹10,000 to player 179 is seen by everyone."""

from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import InsufficientFunds, PlayerNotFound
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from tests.support.factories import cmd, make_player


def test_a_deposit_moves_the_balance_and_the_integrity_check_stays_clean(fresh_ledger):
    _, engine = fresh_ledger
    player = make_player(engine)
    receipt = post(engine, cmd("deposit", player, "10000"))
    assert receipt.cash_before.amount == Decimal("0.00") and receipt.cash_after.amount == Decimal("10000.00")
    b = get_balance(engine, player, currency="INR")
    assert b.portal_json()["cashBalance"] == "10000.00"
    assert b.version == 1
    assert run_integrity(engine) == []


def test_a_withdrawal_larger_than_the_balance_is_refused_and_posts_nothing(engine):
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    with pytest.raises(InsufficientFunds, match="cannot take"):
        post(engine, cmd("withdrawal", player, "100.01"))
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("100.00")


def test_an_unknown_player_is_refused_with_a_sentence(engine):
    with pytest.raises(PlayerNotFound, match="no player"):
        post(engine, cmd("deposit", "nobody-here", "10"))
