"""`python -m tests.support.crash_terminal <cashier-desktop arguments>`: the terminal's
command line with the crash windows armed, for tests/e2e/test_crash_windows.py.

With `CASHIER_CRASH_AT=<point>` (one of `journaled.PROTOCOL_POINTS`), the process writes
`CASHIER_CRASH_READY` (a file path) when it reaches that point and blocks there until it is
killed; `CASHIER_CRASH_SKIP=n` lets the first n passes through. The shipped terminal has
no such code: this runner installs the hook before the terminal is opened.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from cashier_desktop.terminal import journaled

_passes: dict[str, int] = {}


def crash_point(name: str) -> None:
    """Block at `name` when CASHIER_CRASH_AT says so (inert otherwise)."""
    if os.environ.get("CASHIER_CRASH_AT") != name:
        return
    _passes[name] = _passes.get(name, 0) + 1
    if _passes[name] <= int(os.environ.get("CASHIER_CRASH_SKIP", "0")):
        return
    ready = os.environ.get("CASHIER_CRASH_READY")
    if ready:
        tmp = Path(ready + ".tmp")
        tmp.write_text(name)
        tmp.replace(ready)
    threading.Event().wait()  # until SIGKILL


if __name__ == "__main__":
    journaled.point_hook = crash_point
    from cashier_desktop.cli import main
    sys.exit(main(sys.argv[1:]))
