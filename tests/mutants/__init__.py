"""Curated mutation testing: one-line breaks of the invariants that protect money and evidence.

`make mutants` / `python -m tests.mutants`; see catalog.py for the mutants, runner.py for how
each is applied to a temporary copy and run against its own tests, and docs/mutants.md for the
last report.
"""
