"""The PySide6 6.12.0 / Python 3.11 None-refcount guard keeps a busy GUI process alive."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
{guard}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(50_000):
    label.setText("a")  # one void Qt call each
print("alive")
"""


def _run(guard: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(guard=guard)], capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


def test_fifty_thousand_void_qt_calls_do_not_abort_the_process_with_the_guard():
    done = _run("from cashier_desktop.ui.pyside_refcount import keep_none_alive; keep_none_alive()")
    assert done.returncode == 0 and "alive" in done.stdout, done.stderr[-500:]
