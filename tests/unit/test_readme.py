"""The README states the rules the code enforces: keep the two equal."""

from pathlib import Path

from cashier_desktop.domain.roles import matrix_markdown

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_permission_matrix_is_the_one_the_code_enforces():
    assert matrix_markdown().strip() in README.read_text(encoding="utf-8")


def test_the_readme_names_the_two_commands_and_the_ci_script_runs_the_test_one():
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "\nmake test" in ci


def test_an_xfail_the_readme_points_to_exists():
    """The README once said a strict xfail showed a refusal that migration 0014 had removed;
    no such test existed. A README that names an xfail must have one to point to."""
    text = README.read_text(encoding="utf-8")
    tests = README.parent / "tests"
    me = Path(__file__).resolve()
    marked = any("mark.xfail" in f.read_text(encoding="utf-8") for f in tests.rglob("test_*.py") if f.resolve() != me)
    assert "xfail" not in text or marked
