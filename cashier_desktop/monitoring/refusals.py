"""Refused and failed postings, recorded for the dashboard and the health report.

`terminal.counter.submit` calls `note_refusal` when a posting does not go through. A
refusal (`CashierError`: insufficient funds, not authorised, …) is recorded with its
code; an unexpected error as `failed`. `LedgerUnavailable` is neither: the request stays
in the journal and is replayed. Recording is best effort, never hides the refusal, and
happens on a background thread: a refusal taken while the ledger is slow or gone must not
keep the cashier waiting for a connect timeout. That thread is a daemon, owned by the
services (`Services.refusal_log`) and drained for at most `DRAIN_AT_EXIT_S` when they close:
a record stuck on a dead ledger must not keep the process alive (a `ThreadPoolExecutor`
worker is joined at exit without a time limit).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future
from typing import Any, Callable

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.commands import PostingCommand
from ..domain.errors import CashierError, LedgerUnavailable, PostingInDoubt

log = logging.getLogger(__name__)
# A record still queued after this long is dropped (logged): a ledger that was slow or gone
# must not leave a backlog of connect timeouts in front of every later refusal.
STALE_AFTER_S = 30.0
# How long the process waits at exit for records still queued before it leaves without them.
DRAIN_AT_EXIT_S = 2.0


class BackgroundWriter:
    """One daemon thread running submitted calls in order; `submit` returns their Future.

    Unlike a `ThreadPoolExecutor`, whose workers the interpreter joins at exit however
    long they block, this thread never holds the process: `close(timeout)` waits at most
    `timeout` for the queue to empty and then lets the process go. Callers must not rely
    on a record submitted after `close` being written.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.Queue[tuple[Future, Callable[..., Any], tuple] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        with self._lock:
            if self._closed:
                future.cancel()
                return future
            if self._thread is None:  # started on first use: importing the module starts nothing
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
            self._queue.put((future, fn, args))
        return future

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            future, fn, args = item
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args))
                except BaseException as err:  # noqa: BLE001 - handed to whoever waits on it
                    future.set_exception(err)

    def close(self, timeout: float = DRAIN_AT_EXIT_S) -> bool:
        """Stop taking work and wait up to `timeout` for what is queued; True if it all ran."""
        with self._lock:
            self._closed = True
            thread = self._thread
            if thread is not None:
                self._queue.put(None)
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()


def record_refusal(engine: Engine, cmd: PostingCommand | None, exc: BaseException) -> None:
    """Write one `refused_postings` row for `exc`; swallow (and log) any failure to do so."""
    if isinstance(exc, LedgerUnavailable):
        return
    if isinstance(exc, CashierError):
        outcome, code, message = "refused", exc.code, str(exc)
    elif isinstance(exc, PostingInDoubt):  # not a refusal: it may have posted
        outcome, code, message = "failed", exc.code, str(exc)
    else:
        outcome, code, message = "failed", type(exc).__name__, (str(exc).splitlines() or [""])[0][:500]
    params = {"o": outcome, "c": code, "m": message, "id": None, "k": None, "p": None, "a": None,
              "cur": None, "s": None, "t": None}
    if cmd is not None:
        params.update({"id": cmd.id, "k": cmd.kind.value, "p": cmd.player_id, "a": cmd.amount.amount,
                       "cur": cmd.amount.currency, "s": cmd.staff_id, "t": cmd.terminal_id or None})
    try:
        with engine.begin() as conn:
            # Through the database API (migration 0011), which stamps the calling login.
            conn.execute(text("""SELECT cage.note_refused_posting(:o, :c, :m, CAST(:id AS uuid), :k, :p,
                    CAST(:a AS numeric), :cur, :s, :t)"""), params)
    except Exception as err:  # noqa: BLE001 - the refusal itself must still reach the cashier
        log.warning("could not record a refused posting (%s): %s", code, err)


class RefusalLog:
    """One ledger's refusal records, written by a `BackgroundWriter` of its own (its daemon
    thread starts with the first refusal: nothing runs at import). The services own it and
    `close()` it, which drains it for at most `DRAIN_AT_EXIT_S`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = BackgroundWriter("refusal-log")

    def note(self, cmd: PostingCommand | None, exc: BaseException) -> Future | None:
        """Record `exc` in the background (not a `LedgerUnavailable`: that one is replayed)."""
        if isinstance(exc, LedgerUnavailable):
            return None
        return self._writer.submit(_record_unless_stale, time.monotonic(), self.engine, cmd, exc)

    def close(self, timeout: float = DRAIN_AT_EXIT_S) -> bool:
        """Write what is queued (each record is dropped once stale), for at most `timeout`."""
        return self._writer.close(timeout)


def note_refusal(services, cmd: PostingCommand | None, exc: BaseException) -> Future | None:
    """The hook `submit` calls: record against the services' ledger, in the background."""
    return services.refusal_log.note(cmd, exc)


def _record_unless_stale(queued_at: float, engine: Engine, cmd: PostingCommand | None,
                         exc: BaseException) -> None:
    if time.monotonic() - queued_at > STALE_AFTER_S:
        log.warning("dropped a refused-posting record queued %.0f s ago (%s)",
                    time.monotonic() - queued_at, getattr(exc, "code", type(exc).__name__))
        return
    record_refusal(engine, cmd, exc)
