"""The GUI's entry point: wire services, feed and windows together once, then run Qt.

`run(args)` is what `cashier-desktop` / `cashier-desktop gui` call. `Terminal` is the same
wiring without the event loop, for tests and the screenshot script.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .context import AppContext
from .feed_bridge import FeedBridge, connect_status
from .login import LoginWindow
from .ops import Op, sentence_for

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

    changed = Signal(bool, int, str, object)

    def __init__(self, link: Any, status: Any) -> None:
        super().__init__()
        self.changed.connect(lambda online, pending, reason, refused: (
            status.set_online(online, reason), status.set_pending(pending), status.set_refused(refused)))
        self._remove = link.add_listener(
            lambda st: self.changed.emit(st.online, st.pending, st.reason, st.refused))
        st = link.status()
        status.set_online(st.online, st.reason)
        status.set_pending(st.pending)
        status.set_refused(st.refused)

    def close(self) -> None:
        self._remove()


def open_feed_bridge(services: Any = None, ctx: AppContext | None = None) -> FeedBridge:
    """The live feed for this terminal (Pusher if configured, else LISTEN/NOTIFY).

    Built now; the feed itself is made at `start()`, from `services` or, when the services
    are still opening, from `ctx.services` by then.
    """
    def make(on_balance, on_state):
        from ..terminal.live import open_live_feed
        return open_live_feed(services if services is not None else ctx.services, on_balance, on_state)
    return FeedBridge(make)


def _warm_imports() -> None:
    """Import the feed's stack off the GUI thread, so starting it later does not stall a frame."""
    from ..terminal import live
    live.warm_imports()
    from ..terminal import counter, credit, lookups, session, shifts  # noqa: F401
    from . import main_window  # noqa: F401 - the windows after login, not needed to show it


class Terminal:
    """One terminal's GUI: the login window, and a main window per logged-in session.

    Give it open `services`, or a `config` and an `opener` that opens them: then the login
    window shows at once and the ledger is opened on a worker meanwhile.
    """

    def __init__(self, services: Any = None, *, config: Any = None, opener: Any = None,
                 feed: FeedBridge | None = None, live_feed: bool = False, start_feed: bool = True,
                 replay_interval: float = 5.0) -> None:
        self.ctx = AppContext(services, config=config, feed=feed)
        if feed is None and live_feed:
            self.ctx.feed = open_feed_bridge(services, ctx=self.ctx)
        self.link_bridge = None
        self.replayer = None
        self.replay_interval = replay_interval
        self.start_feed = start_feed
        if self.ctx.feed is not None:
            connect_status(self.ctx.feed, self.ctx.status)
        self.login = LoginWindow(self.ctx)
        self._connect_login(self.login)
        self._old_logins: list = []  # replaced by a language switch; kept: their ops still run
        self.windows: list = []  # MainWindow, one per logged-in session
        if services is not None:
            self._wire(services)
        else:
            def open_all():
                opened = opener()
                _warm_imports()
                return opened
            # Start once the login window is on screen, so the import of the database stack
            # does not compete with drawing it; ops queued meanwhile wait on a worker.
            self.login.painted.connect(lambda: self.ctx.runner.open_services(open_all),
                                       Qt.SingleShotConnection)
            Op(parent=self.login, work=lambda s: s).success(self._wire) \
                .failure(lambda exc: self.login.problem.setText(sentence_for(exc))).run()

    def _connect_login(self, login: LoginWindow) -> None:
        from .language_choice import LanguageChoice
        login.logged_in.connect(self.on_logged_in)
        chooser = login.findChild(LanguageChoice)
        if chooser is not None:
            chooser.chosen.connect(self.switch_language)

    def switch_language(self, language: str) -> None:
        """Another language chosen at login: install it and show the login window anew in it
        (windows opened from now on are in it too; open ones keep theirs until closed)."""
        from .i18n import current_language, set_language
        if language == current_language():
            return
        set_language(language)
        old = self.login
        self.login = LoginWindow(self.ctx)
        self._connect_login(self.login)
        self.login.setGeometry(old.geometry())
        self.login.show()
        old.hide()
        self._old_logins.append(old)

    def _wire(self, services: Any) -> None:
        """Connect what needs the open services: journal link, background replay, live feed."""
        local = services.local
        if local.link is not None:
            self.link_bridge = _LinkBridge(local.link, self.ctx.status)
            # Pending journal entries go out by themselves when the ledger is back (the
            # journal owns the thread; it stops when the services close).
            self.replayer = local.start_background_replay(self.replay_interval)
        if self.ctx.feed is not None and self.start_feed:
            self.ctx.feed.start()
        seconds = services.config.get("monitor.heartbeat_seconds", 15)
        self.heartbeat_timer = QTimer(interval=int(seconds * 1000), timeout=self.beat)
        self.heartbeat_timer.start()
        self.beat()

    def beat(self) -> None:
        """Heartbeat for the supervisor's dashboard, on a worker (it writes to the ledger)."""
        staff = self.windows[-1].session.staff.id if self.windows else None

        def work(services):
            from ..terminal.live import send_heartbeat
            return send_heartbeat(services, staff_id=staff)  # the feed's state: services.live_feed
        # A missed beat is only a late dot on the dashboard: never a dialog at the counter.
        Op(parent=self.login, work=work).failure(lambda exc: log.info("heartbeat failed: %s", exc)).run()

    def on_logged_in(self, session: Any) -> "MainWindow":
        from .main_window import MainWindow
        window = MainWindow(self.ctx, session)
        window.logged_out.connect(lambda: self.on_logged_out(window))
        self.windows.append(window)
        window.show()
        self.login.hide()
        return window

    def on_logged_out(self, window: "MainWindow") -> None:
        if window in self.windows:
            self.windows.remove(window)
        self.login.reset()
        if getattr(window, "leaving_note", ""):
            self.login.problem.show_note(window.leaving_note)
        self.login.show()

    def close(self) -> None:
        """Close every window and stop background work (postings in flight finish first)."""
        for w in list(self.windows):
            w.hide()
            w.deleteLater()  # its timers (credit queue refresh) stop with it
        self.windows.clear()
        if getattr(self, "heartbeat_timer", None) is not None:
            self.heartbeat_timer.stop()
        for login in [self.login, *self._old_logins]:
            login.hide()
            login.deleteLater()
        if self.replayer is not None:
            self.replayer.stop()  # idempotent; the services' close would stop it too
        if self.link_bridge is not None:
            self.link_bridge.close()
        self.ctx.shutdown()


def quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C and SIGTERM close the terminal properly (postings in flight finish, the
    embedded ledger stops) instead of killing it or being swallowed by a Qt callback."""
    def on_signal(*_args) -> None:
        app.quit()
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    # Python runs signal handlers only when it runs: wake it from Qt's loop regularly.
    timer = QTimer(app, interval=250)
    timer.timeout.connect(lambda: None)
    timer.start()
    return timer


def run(config) -> int:
    """The terminal window until it is closed, for `config` (loaded by the command line)."""
    from .pyside_refcount import keep_none_alive
    keep_none_alive()  # PySide6 6.12.0 on Python 3.11 (see the module)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("cashier-desktop")
    from . import gui_thread_gc
    gui_thread_gc.install(app)  # cycles (and the Qt objects in them) die on this thread only
    apply_style(app)
    from .i18n import set_language
    try:
        set_language(config.get("terminal.language", "en"))  # this workstation's language
    except (OSError, subprocess.SubprocessError) as exc:  # a broken install: English, and say so
        log.warning("the %s translation could not be loaded (%s); the windows stay in English",
                    config.get("terminal.language"), exc)

    def opener():
        from ..terminal.services import open_services
        return open_services(config)
    terminal = Terminal(config=config, opener=opener, live_feed=True)
    terminal.login.show()
    quit_on_signals(app)
    try:
        return app.exec()
    finally:
        terminal.close()
        services = terminal.ctx.services
        if services is not None:
            services.close()
