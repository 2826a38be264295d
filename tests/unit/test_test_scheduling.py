"""The order `make test` hands files to its workers in (tests/support/scheduling.py)."""

from __future__ import annotations

from pathlib import Path

from tests.support.scheduling import file_unit, holds_long_tests

ROOT = Path(__file__).resolve().parents[2]


def test_the_soaks_and_the_failover_tests_are_found_long_and_a_unit_test_file_is_not():
    for path in ("tests/e2e/test_soak.py", "tests/e2e/test_soak_failover.py", "tests/ops/test_failover.py",
                 "tests/integration/test_ledger_model.py", "tests/packaging"):
        assert holds_long_tests(str(ROOT / path)), path
    assert not holds_long_tests(str(ROOT / "tests/unit/test_money.py"))


def test_the_packaging_files_are_one_unit_and_other_files_their_own():
    assert file_unit("tests/packaging/test_build.py::test_x") == "tests/packaging"
    assert file_unit("tests/packaging/test_install.py::test_y[a::b]") == "tests/packaging"
    assert file_unit("tests/e2e/test_soak.py::test_z") == "tests/e2e/test_soak.py"
