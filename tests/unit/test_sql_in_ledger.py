"""Every SQL statement the application sends lives in an adapter (ledger/, or the realtime
and monitoring adapters that own their I/O): the application layer (terminal/), the GUI
(ui/) and the CLI (cli/) call those adapters' functions and hold no statement of their own.

Read from the source (no database): a module of those three layers may not import
SQLAlchemy's `text`, nor call `execute`/`exec_driver_sql` on anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "cashier_desktop"
NO_SQL_LAYERS = ("terminal", "ui", "cli")
RUNS_SQL = {"execute", "exec_driver_sql", "executemany"}


def sql_sites(path: Path) -> list[str]:
    """Where `path` writes SQL itself: `text` imported from SQLAlchemy, or a statement run."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found += [f"{path.name}:{node.lineno} imports sqlalchemy {a.name}" for a in node.names
                      if a.name == "text"]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNS_SQL:
            found.append(f"{path.name}:{node.lineno} calls .{node.func.attr}()")
    return found


@pytest.mark.parametrize("layer", NO_SQL_LAYERS)
def test_the_layer_holds_no_sql_of_its_own(layer):
    sites = [s for path in sorted((PACKAGE / layer).rglob("*.py")) for s in sql_sites(path)]
    assert sites == [], f"SQL outside the adapters, in {layer}/: {sites}"


def test_the_scan_sees_a_statement_written_in_place(tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text("from sqlalchemy import text\n\n"
                     "def f(engine):\n"
                     "    with engine.connect() as conn:\n"
                     "        return conn.execute(text('SELECT 1')).scalar()\n")
    assert sql_sites(wrong) == ["wrong.py:1 imports sqlalchemy text", "wrong.py:5 calls .execute()"]
