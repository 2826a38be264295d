"""Cycles (and the Qt objects in them) are collected on the GUI thread, never on a worker.

The CI crash this guards against: a `cage-lookup` worker allocating during a login reached the
collector's threshold and collected a cycle that held widgets ("Garbage-collecting" in the
fault handler's trace), destroying them off the GUI thread. Each case runs in its own process
so the collector's global switch cannot leak into other tests.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import gc, threading
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
app = QApplication([])
{install}
died_on = []

class Cycle:
    def __init__(self):
        self.me = self
        self.qt = QObject()           # a Qt object inside the cycle, as a dialog's lambdas hold one
    def __del__(self):
        died_on.append(threading.current_thread().name)

def worker():
    for _ in range(200):
        Cycle()                        # garbage cycles, as a worker's allocations leave behind
        junk = [[] for _ in range(2000)]  # allocations that reach the collector's thresholds

t = threading.Thread(target=worker, name="cage-lookup")
t.start(); t.join()
{after}
print(sorted(set(died_on)), len(died_on))
"""


def _run(install: str, after: str) -> str:
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(install=install, after=after)],
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-800:]
    return done.stdout.strip()


def test_without_the_collector_a_worker_thread_collects_cycles_holding_qt_objects():
    """The hazard is real: the interpreter collects on whichever thread allocates."""
    out = _run("", "")
    assert "'cage-lookup'" in out, out


def test_with_the_collector_every_cycle_dies_on_the_gui_thread():
    out = _run("from cashier_desktop.ui import gui_thread_gc; gui_thread_gc.install(app)",
               "import time\n"
               "deadline = time.monotonic() + 10\n"
               "while len(died_on) < 200 and time.monotonic() < deadline:\n"
               "    app.processEvents(); gc.collect()  # the GUI thread's turn\n")
    assert out == "['MainThread'] 200", out


def test_the_timer_collects_a_due_generation_without_being_asked():
    """Collection does not depend on tests calling it: the GUI's timer does it in the event loop."""
    out = _run("from cashier_desktop.ui import gui_thread_gc; gui_thread_gc.install(app)",
               "import time\n"
               "deadline = time.monotonic() + 10\n"
               "while len(died_on) < 200 and time.monotonic() < deadline:\n"
               "    app.processEvents(); time.sleep(0.01)\n")
    assert out == "['MainThread'] 200", out
