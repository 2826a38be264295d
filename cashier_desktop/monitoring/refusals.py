"""Refused and failed postings, recorded for the dashboard and the health report.

`terminal.counter.submit` calls `note_refusal` when a posting does not go through. A
refusal (`CashierError`: insufficient funds, not authorised, …) is recorded with its
code; an unexpected error as `failed`. `LedgerUnavailable` is neither: the request stays
in the journal and is replayed. Recording is best effort, never hides the refusal, and
happens on a background thread: a refusal taken while the ledger is slow or gone must not
keep the cashier waiting for a connect timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.commands import PostingCommand
from ..domain.errors import CashierError, LedgerUnavailable, PostingInDoubt

log = logging.getLogger(__name__)
# A record still queued after this long is dropped (logged): a ledger that was slow or gone
# must not leave a backlog of connect timeouts in front of every later refusal.
STALE_AFTER_S = 30.0


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
    """One ledger's refusal records, written on a background thread of its own that starts
    with the first refusal (nothing runs at import) and stops with `close()`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def note(self, cmd: PostingCommand | None, exc: BaseException) -> Future | None:
        """Record `exc` in the background (not a `LedgerUnavailable`: that one is replayed)."""
        if isinstance(exc, LedgerUnavailable):
            return None
        with self._lock:
            if self._writer is None:
                self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="refusal-log")
            return self._writer.submit(_record_unless_stale, time.monotonic(), self.engine, cmd, exc)

    def close(self) -> None:
        """Write what is queued (each record is dropped once stale) and stop the thread."""
        with self._lock:
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.shutdown(wait=True)


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
