"""What the terminal is connected to, shown where nobody can miss it.

`TerminalStatus` is the one GUI-thread model of ledger online/offline, feed state and the
age of its last event, pending journal entries, entries the ledger refused on replay, and who
is at the counter. The status bar and the offline banner only read it; windows of one
terminal share one instance.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar, QWidget

from . import messages
from .elided_label import ElidedLabel


class TerminalStatus(QObject):
    """Observable terminal state; change it only on the GUI thread."""

    changed = Signal()

    def __init__(self, terminal_id: str) -> None:
        super().__init__()
        self.terminal_id = terminal_id
        self.online = True
        self.offline_reason = ""
        self.feed_state = "off"  # realtime FeedState values (connected, reconnecting, down, …) or off
        self.last_event_at: float | None = None
        self.pending = 0
        self.refused: tuple = ()  # journal entries taken offline and refused on replay, unresolved

    def set_online(self, online: bool, reason: str = "") -> None:
        if online != self.online or reason != self.offline_reason:
            self.online, self.offline_reason = online, reason
            self.changed.emit()

    def set_pending(self, count: int) -> None:
        if count != self.pending:
            self.pending = count
            self.changed.emit()

    def set_refused(self, entries: tuple) -> None:
        entries = tuple(entries)
        if [e.id for e in entries] != [e.id for e in self.refused]:
            self.refused = entries
            self.changed.emit()

    def set_feed_state(self, state: str) -> None:
        if state != self.feed_state:
            self.feed_state = state
            self.changed.emit()

    def feed_event(self) -> None:
        self.last_event_at = time.monotonic()
        self.changed.emit()

    @property
    def live(self) -> bool:
        return self.feed_state == "connected"

    def feed_age_text(self) -> str:
        if self.last_event_at is None:
            return QCoreApplication.translate("StatusBar", "no event yet")
        age = time.monotonic() - self.last_event_at
        if age < 60:
            return QCoreApplication.translate("StatusBar", "last event %1 s ago").replace("%1", f"{age:.0f}")
        if age < 3600:
            return QCoreApplication.translate("StatusBar", "last event %1 min ago").replace("%1", f"{age / 60:.0f}")
        return QCoreApplication.translate("StatusBar", "last event %1 h ago").replace("%1", f"{age / 3600:.1f}")


class StatusBar(QStatusBar):
    """Ledger · feed · pending · staff · shift · terminal, refreshed every second."""

    def __init__(self, status: TerminalStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setSizeGripEnabled(False)
        self.ledger = self._label("ledgerState", self.tr("Ledger connection"))
        # The feed's age grows a digit at a time ("last event 10.5 h ago"): that end gives way
        # (whole text in the tooltip) so the bar stays within 1366 px; its state is its colour.
        self.feed = self._label("feedState", self.tr("Live feed"), elide=True, min_chars=18)
        self.pending = self._label("pendingState", self.tr("Pending journal entries"))
        self.staff = self._label("staffState", self.tr("Staff at the counter"), elide=True)
        self.shift = self._label("shiftState", self.tr("Shift"), elide=True)
        self.terminal = self._label("terminalState", self.tr("Terminal"))
        self.staff_text = ""
        self.shift_text = self.tr("no shift")
        status.changed.connect(self.refresh)
        self._tick = QTimer(self, interval=1000, timeout=self.refresh)
        self._tick.start()
        self.refresh()

    def _label(self, name: str, accessible: str, elide: bool = False, min_chars: int = 6) -> QLabel:
        """A permanent fact; an eliding one gives way so the bar never sets the window's width."""
        lab = ElidedLabel(self, min_chars=min_chars) if elide else QLabel(self)
        lab.setObjectName(name)
        lab.setAccessibleName(accessible)
        self.addPermanentWidget(lab)
        return lab

    def set_staff(self, text: str) -> None:
        self.staff_text = text
        self.refresh()

    def set_shift(self, text: str) -> None:
        self.shift_text = text
        self.refresh()

    def refresh(self) -> None:
        s = self.status
        self.ledger.setText(self.tr("Ledger: ONLINE") if s.online else self.tr("Ledger: OFFLINE"))
        self.ledger.setProperty("state", "ok" if s.online else "bad")
        feed = {"connected": self.tr("Live"), "connecting": self.tr("NOT LIVE, connecting"),
                "reconnecting": self.tr("NOT LIVE, reconnecting")}.get(s.feed_state, self.tr("NOT LIVE"))
        self.feed.setText(self.tr("Feed: %1, %2").replace("%1", feed).replace("%2", s.feed_age_text()))
        self.feed.setProperty("state", "ok" if s.live else "bad")
        # Entries refused on replay share the pending figure's place, in the refusal look: the
        # bar is full at 1366 px (the counter's sentence and the Recent rows say the rest).
        pending = self.tr("Pending: %1").replace("%1", str(s.pending))
        if s.refused:
            pending = self.tr("%1 · ✖ Refused: %2").replace("%1", pending).replace("%2", str(len(s.refused)))
        self.pending.setText(pending)
        self.pending.setProperty("state", "bad" if s.refused else "ok" if s.pending == 0 else "warn")
        self.pending.setToolTip(self.tr("Postings taken offline that the ledger refused on replay: their cash is "
                                        "in the drawer, not on the player's account. Call a supervisor.")
                                if s.refused else "")
        self.staff.setText(self.tr("Staff: %1").replace("%1", self.staff_text))
        self.shift.setText(self.tr("Shift: %1").replace("%1", self.shift_text))
        self.terminal.setText(self.tr("Terminal: %1").replace("%1", s.terminal_id))
        for lab in (self.ledger, self.feed, self.pending):
            lab.style().unpolish(lab)
            lab.style().polish(lab)


class OfflineBanner(QLabel):
    """A full-width red band while the ledger is unreachable; hidden otherwise."""

    def __init__(self, status: TerminalStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName("offlineBanner")
        self.setAccessibleName(self.tr("Offline warning"))
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignCenter)
        status.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        s = self.status
        text = messages.OFFLINE_BANNER
        if s.pending:
            text += "  " + self.tr("%1 waiting to be sent.").replace("%1", str(s.pending))
        self.setText(text)
        self.setVisible(not s.online)
        window = self.window()
        if not s.online and window is not self and not isinstance(window, QMainWindow) and window.isVisible():
            from .feedback import grow_to_fit
            grow_to_fit(window)  # the login window: the banner takes room, the form keeps its own
