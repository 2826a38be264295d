"""The GUI's entry point: wire services, feed and windows together once, then run Qt.

`run(args)` is what `cashier-desktop` / `cashier-desktop gui` call. `Terminal` is the same
wiring without the event loop, for tests and the screenshot script.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .context import AppContext
from .feed_bridge import FeedBridge, connect_status
from .login import LoginWindow
from .main_window import MainWindow

log = logging.getLogger(__name__)


def apply_style(app: QApplication) -> None:
    """The high-contrast stylesheet and the icon, from resources/ (missing ones are logged)."""
    from .. import resources
    try:
        app.setStyleSheet(resources.read_text("style.qss"))
    except FileNotFoundError as exc:
        log.warning("%s", exc)
    try:
        app.setWindowIcon(QIcon(str(resources.resource_path("icons", "cashier-desktop.svg"))))
    except FileNotFoundError:
        pass


class _LinkBridge(QObject):
    """The journal link's listener (any thread) → the status model (GUI thread)."""

    changed = Signal(bool, int, str)

    def __init__(self, link: Any, status: Any) -> None:
        super().__init__()
        self.changed.connect(lambda online, pending, reason: (status.set_online(online, reason),
                                                               status.set_pending(pending)))
        self._remove = link.add_listener(
            lambda st: self.changed.emit(st.online, st.pending, st.reason))
        st = link.status()
        status.set_online(st.online, st.reason)
        status.set_pending(st.pending)

    def close(self) -> None:
        self._remove()


def open_feed_bridge(services: Any) -> FeedBridge:
    """The live feed for this terminal (Pusher if configured, else LISTEN/NOTIFY)."""
    from ..realtime.feeds import open_feed
    return FeedBridge(lambda on_balance, on_state: open_feed(services.config, services.engine,
                                                             on_balance, on_state))


class Terminal:
    """One terminal's GUI: the login window, and a main window per logged-in session."""

    def __init__(self, services: Any, *, feed: FeedBridge | None = None, start_feed: bool = True,
                 replay_interval: float = 5.0) -> None:
        self.ctx = AppContext(services, feed=feed)
        self.link_bridge = None
        self.replayer = None
        link = services.extras.get("link")
        if link is not None:
            self.link_bridge = _LinkBridge(link, self.ctx.status)
        if services.extras.get("poster") is not None:
            # Pending journal entries go out by themselves when the ledger is back.
            from ..terminal.journaled import BackgroundReplayer
            self.replayer = BackgroundReplayer(services.extras["poster"], interval=replay_interval).start()
        if feed is not None:
            connect_status(feed, self.ctx.status)
            if start_feed:
                feed.start()
        self.login = LoginWindow(self.ctx)
        self.login.logged_in.connect(self.on_logged_in)
        self.windows: list[MainWindow] = []

    def on_logged_in(self, session: Any) -> MainWindow:
        window = MainWindow(self.ctx, session)
        window.logged_out.connect(lambda: self.on_logged_out(window))
        self.windows.append(window)
        window.show()
        self.login.hide()
        return window

    def on_logged_out(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
        self.login.reset()
        self.login.show()

    def close(self) -> None:
        """Close every window and stop background work (postings in flight finish first)."""
        for w in list(self.windows):
            w.hide()
            w.deleteLater()  # its timers (credit queue refresh) stop with it
        self.windows.clear()
        self.login.hide()
        self.login.deleteLater()
        if self.replayer is not None:
            self.replayer.stop()
        if self.link_bridge is not None:
            self.link_bridge.close()
        self.ctx.shutdown()


def run(args) -> int:
    from ..cli import load
    from ..terminal.services import open_services

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("cashier-desktop")
    apply_style(app)
    services = open_services(load(args))
    terminal = None
    try:
        terminal = Terminal(services, feed=open_feed_bridge(services))
        terminal.login.show()
        return app.exec()
    finally:
        if terminal is not None:
            terminal.close()
        services.close()
