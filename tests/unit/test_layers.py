"""The layers of docs/architecture.md, enforced by import-linter (contracts in pyproject.toml).

The contracts run against the package as it is, and against a copy with one deliberate
wrong import each, which they must refuse: a contract that cannot fail proves nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = "import sys; from importlinter.cli import lint_imports_command; sys.argv[0] = 'lint-imports'; " \
       "sys.exit(lint_imports_command())"


def _lint(root: Path, *contracts: str) -> subprocess.CompletedProcess:
    """`lint-imports` on the package under `root` (its own pyproject.toml), no cache."""
    args = [sys.executable, "-c", LINT, "--no-cache"] + [a for c in contracts for a in ("--contract", c)]
    return subprocess.run(args, cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=300)


def test_the_package_keeps_every_layer_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The package and its contracts, copied, to add wrong imports to."""
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "cashier_desktop", root / "cashier_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.mark.parametrize("module, line, contract", [
    ("ui/wrong_import.py", "from ..ledger import queries  # noqa\n", "ui-through-terminal"),
    ("ui/wrong_import.py", "from ..cli import load  # noqa\n", "layers"),
    ("domain/wrong_import.py", "from ..ledger import db  # noqa\n", "layers"),
    ("ledger/wrong_import.py", "from ..terminal import services  # noqa\n", "layers"),
    ("domain/wrong_import.py", "import sqlalchemy  # noqa\n", "domain-pure"),
    ("monitoring/wrong_import.py", "from PySide6 import QtGui  # noqa\n", "qt-only-in-ui"),
])
def test_a_deliberate_wrong_import_breaks_its_contract(copy, module, line, contract):
    path = copy / "cashier_desktop" / module
    path.write_text(line)
    try:
        result = _lint(copy, contract)
    finally:
        path.unlink()
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout and f"cashier_desktop.{module[:-3].replace('/', '.')}" in result.stdout
