"""A pg_auto_failover formation owned by one test (tests/support/autofailover.py), with the
ledger's database created, migrated and seeded on it."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.seed import seed_staff
from tests.support import autofailover


@pytest.fixture
def cluster():
    c = autofailover.AutoFailoverCluster()
    try:
        c.start()
        yield c
    finally:
        c.destroy()


def cluster_ledger(cluster: autofailover.AutoFailoverCluster, database: str = "cashier"):
    """(multi-host url, engine) of a migrated ledger with the demo staff on the formation."""
    admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{database}"')
    admin.dispose()
    url = cluster.url(database)
    engine = make_engine(url)
    migrate.upgrade(engine)
    seed_staff(engine)
    return url, engine
