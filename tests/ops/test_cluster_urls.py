"""Which nodes a ledger URL names: libpq's multi-host form and SQLAlchemy's."""

from cashier_desktop.ops.failover import hosts


def test_multi_host_urls_in_both_forms_and_a_single_host():
    assert hosts("postgresql+psycopg://u@/cashier?host=db1,db2&port=5432,5433") == [("db1", 5432), ("db2", 5433)]
    assert hosts("postgresql+psycopg://u@/cashier?host=db1:5432&host=db2:5433") == [("db1", 5432), ("db2", 5433)]
    assert hosts("postgresql://u@/cashier?host=db1,db2&port=6432") == [("db1", 6432), ("db2", 6432)]
    assert hosts("postgresql://u@db:7000/cashier") == [("db", 7000)]
