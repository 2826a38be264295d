"""The one worker pattern of the GUI: run terminal work off the GUI thread, answer by signal.

    Op(parent=button_owner, work=lambda s: deposit(s, ...), lane="posting")
        .success(show_receipt).failure(show_refusal).disabling(ok_button).run()

`work` receives the terminal `Services` and must never touch a widget. It runs on a
`ThreadPoolExecutor`: postings on one single worker (so a terminal's postings stay in
order), lookups on a small pool. The outcome comes back through a Qt signal of a QObject
living on the GUI thread, so `success`/`failure` always run there, and only while their
parent widget still exists. Buttons passed to `disabling` stay disabled until the op ends.
The runner counts ops in flight so a window can wait for them before it closes.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, InvalidStateError, ThreadPoolExecutor
from typing import Any, Callable, Literal

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..domain.errors import CounterError, LedgerUnavailable
from . import messages

log = logging.getLogger(__name__)

Lane = Literal["posting", "lookup"]


class OpRunner(QObject):
    """Owns the two executors and routes every outcome back to the GUI thread.

    Create exactly one, on the GUI thread, after the QApplication. Callers must not
    call `Future.result()` on the GUI thread themselves.
    """

    done = Signal(object, object)  # (Op, Future) — emitted from a worker, delivered queued
    in_flight_changed = Signal(int)
    ledger_unavailable = Signal(str)
    ledger_reached = Signal()

    def __init__(self, services: Any = None, lookup_workers: int = 4) -> None:
        super().__init__()
        self._services: Future = Future()
        if services is not None:
            self._services.set_result(services)
        self._lanes = {
            "posting": ThreadPoolExecutor(max_workers=1, thread_name_prefix="cage-posting"),
            "lookup": ThreadPoolExecutor(max_workers=lookup_workers, thread_name_prefix="cage-lookup"),
        }
        self._live: set[Op] = set()
        self._closed = False
        self.done.connect(self._on_done)

    @property
    def in_flight(self) -> int:
        return len(self._live)

    @property
    def services(self) -> Any:
        """The services once open (None before): for wiring on the GUI thread, not for I/O."""
        return self._services.result() if self._services.done() and not self._services.exception() else None

    def open_services(self, opener: Callable[[], Any]) -> Future:
        """Open the services on a worker; ops submitted meanwhile wait for them there.

        The GUI can show the login window at once: opening the ledger (and importing the
        database stack) happens off the GUI thread.
        """
        def run() -> Any:
            try:
                services = opener()
            except BaseException as exc:
                if not self._services.done():
                    self._services.set_exception(exc)
                raise
            try:
                self._services.set_result(services)
            except InvalidStateError:  # the GUI closed while the ledger was opening
                services.close()
            return services
        return self._lanes["lookup"].submit(run)

    def _call(self, work: Callable[[Any], Any]) -> Any:
        return work(self._services.result())

    def submit(self, op: "Op") -> None:
        if self._closed:
            log.warning("op submitted after shutdown; ignored")
            return
        self._live.add(op)
        self.in_flight_changed.emit(len(self._live))
        fut = self._lanes[op.lane].submit(self._call, op.work)
        fut.add_done_callback(lambda f, op=op: self._emit_done(op, f))

    def _emit_done(self, op: "Op", fut: Future) -> None:
        if shiboken6.isValid(self):
            self.done.emit(op, fut)

    def _on_done(self, op: "Op", fut: Future) -> None:
        self._live.discard(op)
        self.in_flight_changed.emit(len(self._live))
        op._finish(fut)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work; with `wait`, let what is running (postings above all) finish."""
        self._closed = True
        if not self._services.done():  # never opened: ops waiting for the services give up
            self._services.set_exception(RuntimeError("the terminal closed before the ledger was opened"))
        for pool in self._lanes.values():
            pool.shutdown(wait=wait, cancel_futures=False)


_runner: OpRunner | None = None


def install(runner: OpRunner | None) -> None:
    """Make `runner` the one every Op uses (set once by ui/app.py, or by a test)."""
    global _runner
    _runner = runner


def runner() -> OpRunner:
    if _runner is None:
        raise RuntimeError("ui.ops.install() was not called")
    return _runner


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


class Op:
    """One piece of terminal work with its GUI-thread callbacks.

    Guarantees: `success(value)` or `failure(exc)` runs exactly once, on the GUI thread,
    unless the parent widget was destroyed meanwhile (then neither runs, but disabled
    buttons that still exist are re-enabled). Callers must not reuse an Op.
    """

    def __init__(self, *, parent: QWidget, work: Callable[[Any], Any], lane: Lane = "lookup") -> None:
        self.parent = parent
        self.work = work
        self.lane: Lane = lane
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._buttons: list[QWidget] = []
        self._runner: OpRunner | None = None

    def success(self, fn: Callable[[Any], None]) -> "Op":
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> "Op":
        self._failure = fn
        return self

    def disabling(self, *widgets: QWidget) -> "Op":
        self._buttons.extend(w for w in widgets if w is not None)
        return self

    def run(self) -> "Op":
        if _runner is None or _runner._closed:
            log.debug("op after shutdown ignored: %s", self.work)
            return self
        for b in self._buttons:
            b.setEnabled(False)
        self._runner = _runner
        _runner.submit(self)
        return self

    def _finish(self, fut: Future) -> None:
        for b in self._buttons:
            if shiboken6.isValid(b):
                b.setEnabled(True)
        exc = fut.exception()
        r = self._runner
        if exc is None:
            r.ledger_reached.emit()
        elif isinstance(exc, LedgerUnavailable):
            r.ledger_unavailable.emit(str(exc))
        if not shiboken6.isValid(self.parent):
            return
        try:
            if exc is None:
                if self._success is not None:
                    self._success(fut.result())
            elif self._failure is not None:
                self._failure(exc)
            else:
                default_failure(self.parent, exc)
        except Exception:  # noqa: BLE001 - a callback bug must not kill the event loop
            log.exception("op callback failed")


def sentence_for(exc: BaseException) -> str:
    """What the person at the counter reads for `exc`: never a repr or a traceback."""
    if isinstance(exc, CounterError):  # a refusal, or a posting in doubt
        from .display import cage_sentence
        from .domain_text import translate_sentence
        return translate_sentence(cage_sentence(str(exc)))  # in the terminal's language  # "has 100.00 INR" reads "has ₹100.00" at the counter
    if isinstance(exc, LedgerUnavailable):
        return messages.LEDGER_UNAVAILABLE
    log.error("unexpected error in background work", exc_info=(type(exc), exc, exc.__traceback__))
    return messages.UNEXPECTED


def default_failure(parent: QWidget, exc: BaseException) -> None:
    """The default failure: show the sentence where the parent's window shows messages.

    The offline switch itself happens in the runner's `ledger_unavailable` signal, which
    the status model listens to.
    """
    text = sentence_for(exc)
    window = parent.window()
    show = getattr(window, "show_message", None)
    if callable(show):
        show(text, error=True)
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Warning, messages.APP_TITLE, text, QMessageBox.Ok, window)
    box.setAttribute(Qt.WA_DeleteOnClose, True)
    box.open()
