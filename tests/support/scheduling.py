"""How `make test` hands test files to its pytest-xdist workers (a pytest plugin, loaded by
tests/conftest.py; used with `--dist loadfile` only).

xdist's `loadfile` hands out whole files, the files with the most tests first. Our longest
files hold one to three tests (the soaks, the failover tests, the shared journal, the
PyInstaller build), so they went out last, and the run ended with one worker in a minute-long
soak while the other had nothing left. Here the files holding a test marked `slow` or
`failover` go out first (longest processing time first: the short files then even out the
end), and the rest in xdist's own order.

The packaging tests share session-scoped builds (PyInstaller, about 30 s; the wheel): their
files are one unit, so the program is built once, not once per worker that gets one of them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

# Files under these directories go to one worker together (they share a session build).
SHARED_BUILD_DIRS = ("tests/packaging/",)
_LONG_RUNNING = re.compile(r"pytest\.mark\.(slow|failover)\b")


@cache
def holds_long_tests(path: str) -> bool:
    """Whether the test file (or any file of a shared unit) marks a test `slow` or `failover`."""
    target = Path(path)
    files = sorted(target.glob("test_*.py")) if target.is_dir() else [target]
    return any(_LONG_RUNNING.search(f.read_text(encoding="utf-8")) for f in files if f.is_file())


def file_unit(nodeid: str) -> str:
    """The unit a test goes out in: its file, or the shared-build directory it is under."""
    path = nodeid.split("::", 1)[0]
    for directory in SHARED_BUILD_DIRS:
        if path.startswith(directory):
            return directory.rstrip("/")
    return path


def _scheduler_class(rootdir: Path):
    from xdist.scheduler import LoadFileScheduling

    class LongFilesFirst(LoadFileScheduling):
        """`loadfile`, with the units holding long-running tests at the front of the queue."""

        _ordered = False

        def _split_scope(self, nodeid: str) -> str:
            return file_unit(nodeid)

        def _assign_work_unit(self, node) -> None:
            if not self._ordered:  # the queue is complete when the first unit goes out
                self._ordered = True
                long_units = [u for u in self.workqueue if holds_long_tests(str(rootdir / u))]
                for unit in reversed(long_units):
                    self.workqueue.move_to_end(unit, last=False)
            super()._assign_work_unit(node)

    return LongFilesFirst


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    return _scheduler_class(config.rootpath)(config, log)
