"""Cyclic garbage collection on the GUI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a generation's
threshold is reached. In the terminal that is often a worker of `ui/ops.py` in the middle of
a posting; if the cycles it collects hold a Qt object (a dialog and its lambdas, a closed
window), the object is destroyed on that worker while the GUI thread may be painting it — a
segmentation fault seen in CI as "Garbage-collecting" under `open_staff_session` on a
`cage-lookup` thread. A terminal that dies while a player waits is the second-worst bug.

So the GUI disables automatic collection and collects on the GUI thread from a timer, with
the interpreter's own thresholds (the generation that is due, as the interpreter would have
chosen). Reference counting still frees everything that is not in a cycle at once; only
cycles wait, at most one timer period. Install once, on the GUI thread, after the
QApplication (`ui/app.py`, the tests' `qapp`, the screenshot tool).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 200
_installed: "GuiThreadCollector | None" = None


class GuiThreadCollector(QObject):
    """Owns the timer that collects due generations; lives as long as the application."""

    def __init__(self, parent: QObject, interval_ms: int = _INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thread = threading.get_ident()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is reached; the number collected."""
        if threading.get_ident() != self._thread:
            return 0  # never collect off the GUI thread: that is the whole point
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0


def install(app: QObject) -> GuiThreadCollector:
    """Turn automatic collection off and collect on this (the GUI) thread from now on."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
    gc.disable()
    return _installed


def collect_due() -> int:
    """Collect what is due now, if installed (tests call it between tests, on the GUI thread)."""
    return _installed.collect_due() if _installed is not None else 0
