"""A pytest plugin for the mutation runner: end the process as soon as pytest is done.

Some test leaves a non-daemon thread running (the interpreter then waits for it forever
after "N passed"); the runner needs pytest's verdict, not that wait. The threads still alive
are named on stderr so that the leak can be found.
"""

from __future__ import annotations

import os
import sys
import threading

_STATUS = {"code": None}


def pytest_sessionfinish(session, exitstatus) -> None:
    _STATUS["code"] = int(exitstatus)


def pytest_unconfigure(config) -> None:
    left = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if left:
        print("mutants: non-daemon threads still alive at exit: " + ", ".join(t.name for t in left), file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    if _STATUS["code"] is not None:
        os._exit(_STATUS["code"])
