"""The ledger port stays one shape: the PostgreSQL adapter and the unit tests' fake each
have every method of `CageLedger` with the same parameters, so a service tested against the
fake calls what the adapter answers. Also the counter's reads (`lookups`) against the fake."""

from __future__ import annotations

import inspect
from decimal import Decimal

import pytest

from cashier_desktop.ledger.api import Ledger
from cashier_desktop.terminal import lookups
from cashier_desktop.terminal.ledger_port import CageLedger
from tests.unit.fake_ledger import FakeLedger, FakeLocal, balance, services

PORT = {name: fn for name, fn in vars(CageLedger).items() if inspect.isfunction(fn) and not name.startswith("_")}


def _parameters(fn) -> list[tuple[str, str, bool]]:
    return [(p.name, p.kind.name, p.default is inspect.Parameter.empty)
            for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize("implementation", [Ledger, FakeLedger])
def test_every_method_of_the_port_is_there_with_the_ports_parameters(implementation):
    assert len(PORT) > 20
    for name, fn in PORT.items():
        assert _parameters(getattr(implementation, name)) == _parameters(fn), name


def test_the_services_are_wired_to_the_postgres_adapter_unless_given_a_port():
    from cashier_desktop.config import load_config
    from cashier_desktop.terminal.services import Services
    config = load_config(env={"CASHIER_CONFIG": ""}, overrides={"ledger.url": None})
    engine = object()
    built = Services(config, engine=engine)  # type: ignore[arg-type]
    assert isinstance(built.ledger, Ledger) and built.ledger.engine is engine
    fake = FakeLedger()
    assert Services(config, engine=engine, ledger=fake).ledger is fake  # type: ignore[arg-type]


def test_a_balance_seen_at_the_counter_is_remembered_for_offline_withdrawals():
    ledger, local = FakeLedger(players={"101": balance("101", "700")}), FakeLocal()
    seen = lookups.player_balance(services(ledger, local), "101")
    assert seen.cash.amount == Decimal("700.00") and local.balances == [("101", Decimal("700.00"))]
    assert ledger.sent["balance"] == {"player_id": "101", "currency": "INR"}  # the cage's currency


def test_the_counters_reads_ask_in_the_cages_currency():
    ledger = FakeLedger(players={"101": balance("101"), "102": balance("102"), "201": balance("201")})
    s = services(ledger)
    assert [b.player_id for b in lookups.search_players(s, "10")] == ["101", "102"]
    assert ledger.sent["search_players"]["currency"] == "INR"
    assert [b.player_id for b in lookups.player_balances(s, ["201", "999"])] == ["201"]
    assert lookups.open_alert_id(s, "101") is None and lookups.recent_postings(s, "101") == []
