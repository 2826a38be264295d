"""A curated mutant: one textual change to one file, and the tests that must notice it.

Declared as data so that a reader sees, in one line each, which invariant a test guards;
and so that a refactor that moves the guarded line makes the mutant *stale* (the run
fails) instead of silently testing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mutant:
    """One mutation.

    Attributes:
        id: short stable name (used on the command line: `-k <id>`).
        file: path relative to the repository root.
        original: a snippet that occurs exactly once in `file`.
        replacement: what replaces it.
        invariant: the rule the mutation breaks, in one sentence.
        tests: pytest node ids (relative to the repository root) that must fail.
    """

    id: str
    file: str
    original: str
    replacement: str
    invariant: str
    tests: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.original == self.replacement:
            raise ValueError(f"mutant {self.id} changes nothing")
        if not self.tests:
            raise ValueError(f"mutant {self.id} names no killing test")
