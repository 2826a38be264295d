"""The benchmark table: targets read from their text, and the README section replaced."""

from tests.perf.run_all import BEGIN, END, KEPT, include_in_readme, kept_notes, table, target_met


def test_a_ratio_bound_is_checked_against_the_ratio_and_a_plain_bound_against_the_value():
    assert target_met({"ratio": 0.8, "value": 5, "target": "≥ 0.7×"}) is True
    assert target_met({"ratio": 0.6, "value": 5, "target": "≥ 0.7×"}) is False
    assert target_met({"value": 2500.0, "target": "≥ 2,000/s"}) is True
    assert target_met({"value": 12.0, "ratio": 2.0, "target": "< 25 ms and < 3× bare hop p99"}) is True
    assert target_met({"value": 12.0, "ratio": 3.5, "target": "< 25 ms and < 3× bare hop p99"}) is False


def test_an_explicit_verdict_wins_and_an_unreadable_target_gives_none():
    assert target_met({"value": 1, "target": "≥ 99", "met": True}) is True
    assert target_met({"value": 1, "target": "as fast as possible"}) is None
    assert target_met({"value": None, "target": "≥ 1"}) is None
    assert target_met({"value": 1}) is None


def test_the_table_marks_a_missed_target():
    md = table([{"bench": "x", "name": "p99", "value": 30.0, "unit": "ms", "target": "< 25 ms"}])
    assert md.splitlines()[2] == "| x | p99 | 30.000 | ms |  |  | < 25 ms | **no** |"


def test_the_readme_section_between_the_markers_is_replaced_and_nothing_else(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# title\n\nbefore\n{BEGIN}\nold table\n{END}\nafter\n")
    assert include_in_readme("## Benchmarks\n\nnew table\n", readme)
    assert readme.read_text() == f"# title\n\nbefore\n{BEGIN}\nnew table\n{END}\nafter\n"


def test_a_readme_without_markers_is_left_alone(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# title\n")
    assert not include_in_readme("## Benchmarks\n\nx\n", readme)
    assert readme.read_text() == "# title\n"


def test_the_notes_after_the_kept_line_survive_a_rewrite_of_the_table(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(f"## Benchmarks\n\nold table\n\n{KEPT}\n### Where the time goes\nprofile\n")
    assert kept_notes(docs) == f"{KEPT}\n### Where the time goes\nprofile\n"
    assert kept_notes(tmp_path / "absent.md") == ""
    docs.write_text("## Benchmarks\n\nold table\n")
    assert kept_notes(docs) == ""
