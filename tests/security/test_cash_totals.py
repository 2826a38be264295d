"""The running cash totals the posting API reads for the identification threshold and the MTL
(migration 0012) say what the ledger says: every deposit, marker redemption and withdrawal
row is counted on its gaming day, whoever inserted it, and a change of gaming day regroups
them."""

from __future__ import annotations

import dataclasses
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.ledger.api_tables import store_policy
from tests.security.conftest import session
from tests.support.login_fixtures import POLICY
from tests.security.test_posting_api_attacks import api_post, api_refusal, open_shift
from tests.support.factories import make_player

FROM_LEDGER = """
SELECT l.player_id, CASE WHEN l.kind = 'withdrawal' THEN 'out' ELSE 'in' END AS direction,
       cage.gaming_day(l.created_at, p.timezone, p.gaming_day_start_hour) AS gaming_day, sum(l.amount) AS total
FROM ledger_transactions l CROSS JOIN cage.policy p
WHERE l.kind IN ('deposit', 'marker_redeem', 'withdrawal')
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""
TOTALS = "SELECT player_id, direction, gaming_day, total FROM cage.cash_totals ORDER BY 1, 2, 3"


def _owner_deposit(admin, player: str, amount: str, at_sql: str) -> None:
    """A ledger row written by the owner by hand (no login role can): it is counted too."""
    with admin.begin() as conn:
        conn.execute(text(f"""INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency,
            cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after, credit_after,
            limit_after, approved_after, staff_id, terminal_id, created_at, hash)
            VALUES (:id, 'x', 'deposit', :p, :a, 'INR', :a, 0, 0, :a, 0, :a, 0, 0, false, 'C100', '',
                    {at_sql}, 'h')"""), {"id": uuid.uuid4(), "p": player, "a": Decimal(amount)})


def test_the_totals_are_the_ledgers_and_follow_a_change_of_gaming_day(secure, terminal):
    players = [make_player(secure.admin) for _ in range(2)]
    cashier = session(terminal, "C100", "1111")
    open_shift(terminal, cashier)
    for p in players:
        api_post(terminal, "deposit", p, "700", session_id=cashier)
        api_post(terminal, "deposit", p, "300.50", session_id=cashier)
        api_post(terminal, "withdrawal", p, "200", session_id=cashier)
    _owner_deposit(secure.admin, players[0], "50", "now() - interval '20 hours'")
    with secure.admin.connect() as conn:
        assert conn.execute(text(TOTALS)).all() == conn.execute(text(FROM_LEDGER)).all()
        assert len(conn.execute(text(TOTALS)).all()) >= 4
    for hour, zone in ((23, POLICY.timezone), (0, "America/Los_Angeles")):
        with secure.admin.begin() as conn:
            store_policy(conn, dataclasses.replace(POLICY, gaming_day_start_hour=hour, timezone=zone))
        with secure.admin.connect() as conn:
            assert conn.execute(text(TOTALS)).all() == conn.execute(text(FROM_LEDGER)).all()


@pytest.mark.parametrize("aggregation", ["gaming_day", "month"])
def test_the_identification_threshold_counts_the_period_the_policy_names(secure, terminal, aggregation):
    with secure.admin.begin() as conn:
        store_policy(conn, dataclasses.replace(POLICY, aggregation=aggregation))
        first_day = conn.execute(text("""SELECT cage.gaming_day(now(), timezone, gaming_day_start_hour)
            = CAST(date_trunc('month', cage.gaming_day(now(), timezone, gaming_day_start_hour)) AS date)
            FROM cage.policy""")).scalar_one()
    if first_day:
        pytest.skip("today is the month's first gaming day: no earlier day of the month to count")
    player = make_player(secure.admin)
    _owner_deposit(secure.admin, player, "600000", "now() - interval '1 day'")  # yesterday, same month
    cashier = session(terminal, "C100", "1111")
    open_shift(terminal, cashier)
    if aggregation == "month":  # 6 + 6 lakh this month: over the 10 lakh threshold
        assert "identification" in api_refusal(terminal, "CA009", "deposit", player, "600000", session_id=cashier)
    else:
        assert api_post(terminal, "deposit", player, "600000", session_id=cashier).cash_delta == Decimal("600000.00")
