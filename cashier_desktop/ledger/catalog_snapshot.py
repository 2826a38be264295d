"""One read of the catalog for `db create-roles`.

Granting asks, table by table, which columns exist and which sequences a table owns: about
140 small catalog queries, each a round trip. Under load a round trip is what costs (the
test suite makes a few hundred ledgers with their roles). Nothing create-roles does changes
tables, columns or sequences, so one snapshot read at its start answers every question.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

KEY = "cashier_catalog_snapshot"  # Connection.info: set for the length of one create-roles


@dataclass(frozen=True)
class CatalogSnapshot:
    """Relations of some schemas: their columns, and the sequences each owns."""

    columns: dict[tuple[str, str], frozenset[str]]
    sequences: dict[tuple[str, str], tuple[tuple[str, str], ...]]

    def has(self, schema: str, name: str) -> bool:
        return (schema, name) in self.columns


def read(conn: Connection, schemas: tuple[str, ...]) -> CatalogSnapshot:
    columns: dict[tuple[str, str], set[str]] = {}
    for schema, rel, col in conn.execute(text("""
            SELECT n.nspname, c.relname, a.attname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = ANY(:s)"""), {"s": list(schemas)}):
        cols = columns.setdefault((schema, rel), set())
        if col is not None:
            cols.add(col)
    sequences: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for t_schema, t_name, s_schema, s_name in conn.execute(text("""
            SELECT tn.nspname, t.relname, sn.nspname, s.relname FROM pg_catalog.pg_class s
            JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
            JOIN pg_catalog.pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
            JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
            JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
            WHERE s.relkind = 'S' AND tn.nspname = ANY(:s)
            ORDER BY s.relname"""), {"s": list(schemas)}):
        sequences.setdefault((t_schema, t_name), []).append((s_schema, s_name))
    return CatalogSnapshot({k: frozenset(v) for k, v in columns.items()},
                           {k: tuple(v) for k, v in sequences.items()})


def current(conn: Connection) -> CatalogSnapshot | None:
    """The snapshot of the create-roles running on `conn`, or None (then ask the catalog)."""
    return conn.info.get(KEY)
