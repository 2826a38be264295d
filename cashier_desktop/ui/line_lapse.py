"""One timer for the moment a temporary credit line lapses, for every view that shows a line.

A lapse is no posting, so no balance event announces it: a view that shows a player's line
reloads it just after the expiry, which the database gives as seconds from its own clock
(`credit_lines.line_in_force`), so a terminal clock that is off does not move the moment.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer

# Just after the expiry; QTimer takes at most ~24 days, so a longer wait fires early and the
# reload it triggers arms the timer again.
LAPSE_MARGIN_MS = 200
LAPSE_MAX_WAIT_MS = 24 * 3600 * 1000


class LapseTimer(QTimer):
    """Single shot: calls `on_lapse` once just after the line lapses. Callers arm it with every
    load of the line (`arm(None)` for a permanent line stops it) and must not start it otherwise."""

    def __init__(self, parent: QObject, on_lapse: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setSingleShot(True)
        self.timeout.connect(on_lapse)

    def arm(self, lapses_in: float | None) -> None:
        """Fire `lapses_in` seconds from now (plus a margin); None: no temporary line, stop."""
        if lapses_in is None:
            self.stop()
            return
        self.start(min(max(0, int(lapses_in * 1000)) + LAPSE_MARGIN_MS, LAPSE_MAX_WAIT_MS))
