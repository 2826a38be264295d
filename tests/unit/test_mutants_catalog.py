"""The curated mutation suite stays armed: `make test` fails as soon as a refactor moves a
guarded line (the mutant would be stale) or a killing test is renamed away."""

from __future__ import annotations

import pytest

from tests.mutants.catalog import MUTANTS
from tests.mutants.model import Mutant
from tests.mutants.runner import ROOT, STALE, locate, run_one


def test_at_least_forty_mutants_with_unique_ids():
    ids = [m.id for m in MUTANTS]
    assert len(ids) >= 40 and len(set(ids)) == len(ids)


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: m.id)
def test_each_mutants_snippet_occurs_exactly_once_and_its_tests_exist(mutant):
    text = (ROOT / mutant.file).read_text(encoding="utf-8")
    assert locate(text, mutant.original) is not None, (
        f"{mutant.id} is stale: its snippet occurs {text.count(mutant.original)} times in {mutant.file}; "
        "update tests/mutants/catalog.py to the line that now holds the invariant")
    for node in mutant.tests:
        path, _, name = node.partition("::")
        assert (ROOT / path).is_file(), f"{mutant.id}: no test file {path}"
        if name:
            assert f"def {name.split('[')[0]}(" in (ROOT / path).read_text(encoding="utf-8"), node


def test_a_stale_mutant_is_reported_stale_and_nothing_is_written(tmp_path):
    (tmp_path / "pkg").mkdir()
    target = tmp_path / "pkg" / "mod.py"
    target.write_text("x = 1\n")
    m = Mutant("gone", "pkg/mod.py", "y = 2", "y = 3", "a line that moved", ("tests/none.py",))
    result = run_one(tmp_path, m, timeout=5)
    assert result.outcome == STALE and "0 times" in result.detail
    assert target.read_text() == "x = 1\n"


def test_the_mutated_file_is_restored_after_the_run(tmp_path):
    (tmp_path / "pkg").mkdir()
    target = tmp_path / "pkg" / "mod.py"
    target.write_text("LIMIT = 5\n")
    (tmp_path / "test_mod.py").write_text("from pkg.mod import LIMIT\n\ndef test_limit():\n    assert LIMIT == 5\n")
    (tmp_path / "pkg" / "__init__.py").write_text("")
    plugin_dir = tmp_path / "tests" / "mutants"  # the runner loads its exit plugin from the copy
    plugin_dir.mkdir(parents=True)
    for init in (tmp_path / "tests" / "__init__.py", plugin_dir / "__init__.py"):
        init.write_text("")
    (plugin_dir / "exit_plugin.py").write_text((ROOT / "tests/mutants/exit_plugin.py").read_text())
    m = Mutant("limit", "pkg/mod.py", "LIMIT = 5", "LIMIT = 6", "the limit is five", ("test_mod.py",))
    result = run_one(tmp_path, m, timeout=60)
    assert result.outcome == "killed", result
    assert target.read_text() == "LIMIT = 5\n"
    survivor = Mutant("same", "pkg/mod.py", "LIMIT = 5", "LIMIT = 5  # unchanged value", "x", ("test_mod.py",))
    assert run_one(tmp_path, survivor, timeout=60).outcome == "survived"
