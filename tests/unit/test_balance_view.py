"""The version rules of the balance view, as pure logic (a fake ledger is a dict): a unit test,
so it lives in tests/unit (issue 20: no fakes outside it)."""

from decimal import Decimal

import pytest

from cashier_desktop.domain.money import Money
from cashier_desktop.domain.receipts import Balance
from cashier_desktop.realtime.view import BalanceView, balance_from_payload


def bal(pid: str, version: int, cash: str = "0.00") -> Balance:
    c = Decimal(cash)
    return Balance.of_amounts("INR", player_id=pid, version=version, cash=c, credit=Decimal("0.00"),
                              credit_limit=Decimal("0.00"), credit_approved=False, total_deposits=c,
                              total_withdrawals=Decimal("0.00"))


class FakeLedger:
    def __init__(self) -> None:
        self.rows: dict[str, Balance] = {}
        self.calls: list[list[str]] = []
        self.fail = False

    def fetch(self, ids: list[str]) -> list[Balance]:
        self.calls.append(list(ids))
        if self.fail:
            raise ConnectionError("ledger down")
        return [self.rows[i] for i in ids if i in self.rows]


@pytest.fixture
def world():
    ledger = FakeLedger()
    seen: list[Balance] = []
    return ledger, seen, BalanceView(ledger.fetch, seen.append)


def test_the_next_version_is_accepted_and_stale_or_equal_ones_are_ignored(world):
    ledger, seen, view = world
    assert view.apply(bal("179", 1, "10")) == "accepted"
    assert view.apply(bal("179", 2, "20")) == "accepted"
    assert view.apply(bal("179", 2, "20")) == "ignored"
    assert view.apply(bal("179", 1, "10")) == "ignored"
    assert [b.version for b in seen] == [1, 2]
    assert ledger.calls == []
    assert view.stats.ignored == 2


def test_a_jump_of_more_than_one_version_refetches_and_the_view_ends_at_the_ledger(world):
    ledger, seen, view = world
    view.apply(bal("179", 1, "10"))
    ledger.rows["179"] = bal("179", 4, "40")
    assert view.apply(bal("179", 3, "30")) == "refetched"
    assert ledger.calls == [["179"]]
    assert seen[-1] == ledger.rows["179"]
    assert view.known["179"] == 4
    assert view.apply(bal("179", 4, "40")) == "ignored"


def test_when_the_ledger_cannot_be_asked_the_newer_event_is_shown_and_fetched_again_later(world):
    ledger, seen, view = world
    view.apply(bal("179", 1, "10"))
    ledger.fail = True
    view.apply(bal("179", 3, "30"))
    assert seen[-1].version == 3 and "179" in view.stale
    ledger.fail = False
    ledger.rows["179"] = bal("179", 5, "50")
    assert view.reconnected()
    assert seen[-1].version == 5 and not view.stale


def test_a_reconnect_refetches_the_watched_players_and_reports_only_newer_balances(world):
    ledger, seen, view = world
    ledger.rows.update({"101": bal("101", 2, "5"), "102": bal("102", 7, "9")})
    assert view.watch({"101", "102"}) == {"101", "102"}
    view.refetch({"101", "102"})
    assert sorted(b.player_id for b in seen) == ["101", "102"]
    view.reconnected()
    assert len(seen) == 2  # nothing newer: nothing reported twice
    ledger.rows["101"] = bal("101", 3, "6")
    view.reconnected()
    assert seen[-1] == ledger.rows["101"]
    assert view.watch({"101"}) == set()


PAYLOAD = {"playerId": "179", "version": 3, "cashBalance": "10000.00", "creditBalance": "0.00",
           "creditLimit": "0.00", "creditApproved": False, "totalBalance": "10000.00",
           "totalDeposits": "10000.00", "totalWithdrawals": "0.00"}


def test_an_event_payload_becomes_a_balance_in_the_feeds_currency_and_a_malformed_one_is_refused():
    b = balance_from_payload(PAYLOAD, "USD")
    assert b.cash == Money(Decimal("10000.00"), "USD") and b.version == 3 and b.currency == "USD"
    assert b.portal_json() == {k: v for k, v in PAYLOAD.items() if not k.startswith("total")} | {
        "totalBalance": "10000.00"}  # the wire format is the payload's, amounts as decimal strings
    for bad in ({"playerId": "179", "version": 3, "cashBalance": "1.00"},
                PAYLOAD | {"cashBalance": "1.005"}, PAYLOAD | {"creditLimit": "lots"}):
        with pytest.raises(ValueError):
            balance_from_payload(bad, "USD")


def test_a_view_of_every_player_fetches_all_it_has_heard_of_after_a_reconnect(world):
    """`feed watch` with no player: the last events of a player missed while disconnected are
    recovered at the reconnect, not only at that player's next event."""
    ledger, seen, view = world
    view.follow_all = True
    view.apply(bal("179", 1, "10"))
    view.apply(bal("180", 1, "5"))
    ledger.rows = {"179": bal("179", 4, "40"), "180": bal("180", 1, "5")}  # 2..4 were missed
    assert view.reconnected()
    assert sorted(ledger.calls[-1]) == ["179", "180"]
    assert view.known == {"179": 4, "180": 1}
    assert seen[-1].version == 4


def test_a_view_of_watched_players_fetches_only_those_after_a_reconnect(world):
    ledger, seen, view = world
    view.apply(bal("179", 1, "10"))
    view.apply(bal("180", 1, "5"))
    view.watch({"180"})
    ledger.rows = {"179": bal("179", 4, "40"), "180": bal("180", 2, "6")}
    assert view.reconnected()
    assert ledger.calls[-1] == ["180"]
    assert view.known == {"179": 1, "180": 2}


def test_players_whose_refetch_failed_are_fetched_again_when_retried(world):
    ledger, seen, view = world
    view.follow_all = True
    view.apply(bal("179", 1, "10"))
    ledger.fail = True
    assert not view.reconnected()
    assert view.stale == {"179"}
    assert not view.retry_stale()  # still down
    ledger.fail = False
    ledger.rows = {"179": bal("179", 3, "30")}
    assert view.retry_stale()
    assert view.stale == set() and view.known == {"179": 3}
    calls = len(ledger.calls)
    assert view.retry_stale() and len(ledger.calls) == calls, "nothing stale: nothing fetched"


def test_a_forged_version_above_the_ledger_is_dropped_and_real_events_go_on(world):
    """Issue 14, attack 10: a fake balance.updated with version 1,000,000 froze the feed."""
    ledger, seen, view = world
    view.apply(bal("179", 5, "50"))
    ledger.rows["179"] = bal("179", 5, "50")
    assert view.apply(bal("179", 1_000_000, "9999999")) == "refetched"
    assert view.known["179"] == 5 and seen[-1].cash.amount == Decimal("50")
    assert view.apply(bal("179", 6, "60")) == "accepted"
    assert seen[-1].version == 6


def test_a_refetch_takes_the_ledgers_version_even_below_what_a_forged_event_set(world):
    ledger, seen, view = world
    # The ledger could not be asked when the forged event came: it was shown for the moment.
    ledger.fail = True
    view.apply(bal("179", 5, "50"))
    assert view.apply(bal("179", 1_000_000, "9999999")) == "refetched"
    assert view.known["179"] == 1_000_000
    ledger.fail = False
    ledger.rows["179"] = bal("179", 6, "60")
    assert view.retry_stale()
    assert view.known["179"] == 6 and seen[-1].cash.amount == Decimal("60")
    assert view.apply(bal("179", 7, "70")) == "accepted"
