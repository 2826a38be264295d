"""Postings through PgBouncer 1.18 in transaction mode: with `ledger.prepared_statements =
false` every posting of many interleaved terminals goes through; with server-side prepared
statements (the default, for direct connections) a statement prepared on one server
connection is unknown on the next, which is why the key exists."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine, uses_prepared_statements
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import seed_staff
from tests.perf import bench_pgbouncer
from tests.perf.bench_pgbouncer import PgBouncer
from tests.support.faults import OwnedPostgres

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not bench_pgbouncer.available(), reason="apt-get install pgbouncer")]

TERMINALS, EACH = 12, 8


@pytest.fixture(scope="module")
def bouncer():
    server = OwnedPostgres()
    bouncer = None
    try:
        server.start()
        engine = make_engine(server.create_database("bench"))
        migrate.upgrade(engine)
        seed_staff(engine)
        engine.dispose()
        bouncer = PgBouncer(server, "bench")
        yield server, bouncer
    finally:
        if bouncer is not None:
            bouncer.stop()
        server.destroy()


def _terminals(url: str, prepared: bool, player: str) -> tuple[int, list[str]]:
    """TERMINALS counters, each its own connection, posting EACH deposits at once."""
    posted, failures = [0], []
    lock = threading.Lock()

    def counter(n: int) -> None:
        engine = make_engine(url, pool_size=1, prepared_statements=prepared)
        assert uses_prepared_statements(engine) is prepared
        try:
            for _ in range(EACH):
                try:
                    post(engine, PostingCommand(kind=Kind.DEPOSIT, player_id=player,
                                                amount=Money(Decimal("1.00"), "INR"), staff_id="C100",
                                                terminal_id=f"PGB-{n}"))
                    with lock:
                        posted[0] += 1
                except Exception as exc:  # noqa: BLE001 - collected and asserted on
                    with lock:
                        failures.append(str(exc).splitlines()[0])
        finally:
            engine.dispose()
    threads = [threading.Thread(target=counter, args=(n,)) for n in range(TERMINALS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return posted[0], failures


def _player(server, name: str) -> None:
    engine = make_engine(server.url("bench"))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO players (id, name) VALUES (:p, 'x')"), {"p": name})
    engine.dispose()


def test_without_prepared_statements_every_posting_goes_through_pgbouncer(bouncer):
    server, pgb = bouncer
    _player(server, "pgb-off")
    posted, failures = _terminals(pgb.url(), False, "pgb-off")
    assert failures == [] and posted == TERMINALS * EACH
    engine = make_engine(server.url("bench"))
    with engine.connect() as conn:
        balance = conn.execute(text("SELECT balance FROM players WHERE id = 'pgb-off'")).scalar_one()
    assert balance == TERMINALS * EACH
    assert run_integrity(engine) == []
    engine.dispose()


def test_with_prepared_statements_transaction_mode_loses_them(bouncer):
    server, pgb = bouncer
    _player(server, "pgb-on")
    posted, failures = _terminals(pgb.url(), True, "pgb-on")
    assert any("prepared statement" in f for f in failures), (posted, failures[:3])
