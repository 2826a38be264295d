"""Engines and the one place where driver errors become domain errors."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors as pgerr
from sqlalchemy import create_engine, event
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Connection, Engine

from ..domain import errors as E
from ..domain.errors import ConfigError, CounterError, LedgerBusy, LedgerUnavailable, NotAuthorized, ShiftNotOpen

log = logging.getLogger(__name__)

# serialization failure, deadlock: rolled back, nothing happened; the same statement with
# the same posting id may simply be sent again.
RETRYABLE_SQLSTATES = {"40001", "40P01"}
# lock_timeout / statement_timeout (set per connection below) and the retryable ones when
# retries run out: the ledger answered and rolled the statement back. That is "busy,
# nothing was posted", never "unreachable": the terminal must not turn offline for it.
BUSY_SQLSTATES = {"55P03", "57014", "40001", "40P01"}
STATEMENT_TIMEOUT_S = 30
# Private SQLSTATEs raised by the staff-control triggers (migration 0002) and the posting
# API (migration 0010), each with a sentence for the counter as its message.
DOMAIN_SQLSTATES = {
    "CA001": NotAuthorized, "CA002": ShiftNotOpen, "CA003": E.IdempotencyConflict,
    "CA004": E.PlayerNotFound, "CA005": E.InsufficientFunds, "CA006": E.CreditLimitExceeded,
    "CA007": E.CreditNotApproved, "CA008": E.MarkerOverpaid, "CA009": E.IdentificationRequired,
    "CA010": E.ApprovalRequired, "CA011": E.PostingNotFound, "CA012": E.NotReversible,
    "CA013": E.AlreadyReversed, "CA014": E.InvalidInput, "CA015": E.CurrencyMismatch,
    "CA016": E.OfflineNotAllowed, "CA017": E.ShiftError,
    # cage operations (migration 0013): a rate changed since its quote, an exchange id reused
    "CA018": E.RateChanged, "CA019": E.IdempotencyConflict,
    # identification on file (migration 0016): the document typed or on file has expired
    "CAI01": E.DocumentExpired,
}

# Staff authentication (migration 0009): PIN not recognised, locked, session not accepted,
# a pre-0009 PIN that must be re-set, a PIN or staff record that breaks the rules.
DOMAIN_SQLSTATES.update({
    "CA021": E.AuthenticationFailed, "CA022": E.AccountLocked, "CA023": E.SessionInvalid,
    "CA024": E.AuthenticationFailed, "CA025": E.InvalidInput,
})

# A payout the drawer cannot hold (migration 0023): request a fill.
DOMAIN_SQLSTATES["CA026"] = E.DrawerShort

# A supervisor's decision on an integrity alert (the correction functions, migration 0005).
DOMAIN_SQLSTATES.update({
    "CDA01": E.AlertNotOpen, "CDA02": E.NothingToCorrect, "CDA03": E.ChainBroken,
    "CDA04": E.RevertNotPossible, "CDA05": E.AlertStillHolds,
})


def make_engine(url: str, *, pool_size: int = 5, application_name: str = "cashier-desktop",
                connect_timeout: int = 5, prepared_statements: bool = True) -> Engine:
    """An engine for the ledger. Postings use AUTOCOMMIT single statements on it.

    `prepared_statements=False` (config `ledger.prepared_statements = false`) is for a
    connection pooler in transaction mode such as PgBouncer 1.18, where consecutive
    statements of one client may run on different server connections, so a statement
    prepared on one is unknown on the next. psycopg then prepares nothing, not even a call
    with `prepare=True` (its `prepare_threshold=None` overrides that); `uses_prepared_statements`
    tells the posting code which it is.
    """
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    elif url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    engine = create_engine(
        url, pool_size=pool_size, max_overflow=pool_size * 2, pool_pre_ping=False,
        # The most recently used connection first: it holds the posting statement prepared
        # (`posting._run_post`), and connections left idle can time out.
        pool_use_lifo=True,
        pool_recycle=1800,
        # An error or a log record never carries a statement's parameters (PINs, documents).
        hide_parameters=True,
        connect_args={"connect_timeout": connect_timeout, "application_name": application_name,
                      # A network that goes silent (no reset, no answer) must not freeze the
                      # counter: the kernel gives up on the peer after ~15 s and the terminal
                      # turns offline. Ignored on Unix sockets (the embedded demo ledger).
                      "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
                      "keepalives_count": 3, "tcp_user_timeout": 15000,
                      **({} if prepared_statements else {"prepare_threshold": None})},
    )
    engine._cashier_prepared_statements = prepared_statements  # noqa: SLF001 - read by uses_prepared_statements

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, record) -> None:  # noqa: ANN001
        # Statements wait at most this long: a stuck lock must not freeze a terminal forever.
        # (Behind a transaction-mode pooler these SETs reach one pooled server connection,
        # not ours: such sites set the timeouts per role, see the README.)
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT_S}s'; SET lock_timeout = '10s'; "
                        "SELECT pg_backend_pid()")
            while cur.nextset():
                pass
            server_pid = cur.fetchone()[0]
        dbapi_conn.commit()
        # A pooler (PgBouncer) answers the login with a process id of its own invention:
        # the server process that will run a statement is then unknown (see `server_pid`).
        record.info["server_pid_known"] = server_pid == dbapi_conn.info.backend_pid

    return engine


def server_pid(fairy) -> int | None:  # noqa: ANN001 - a pooled connection
    """The server process that runs this pooled connection's statements, or None when it is
    not known: behind a pooler the id the login reported is the pooler's, and ending a
    process by it would end nobody's statement, or someone else's."""
    if not fairy.info.get("server_pid_known", False):
        return None
    return fairy.driver_connection.info.backend_pid


def uses_prepared_statements(engine: Engine) -> bool:
    """False when the engine was made for a transaction-mode pooler (see `make_engine`)."""
    return getattr(engine, "_cashier_prepared_statements", True)


def sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None)


def is_retryable(exc: BaseException) -> bool:
    return sqlstate(exc) in RETRYABLE_SQLSTATES


def is_unavailable(exc: BaseException) -> bool:
    """Connection refused, dropped, timed out, or the server shutting down."""
    orig = getattr(exc, "orig", exc)
    if isinstance(exc, saexc.DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(orig, (pgerr.AdminShutdown, pgerr.CrashShutdown, pgerr.CannotConnectNow,
                         pgerr.ConnectionException)):
        return True
    if isinstance(orig, psycopg.OperationalError) and sqlstate(orig) in (None, "08000", "08003",
                                                                        "08006", "57P01", "57P02",
                                                                        "57P03"):
        return True
    return False


def is_busy(exc: BaseException) -> bool:
    """The ledger answered "not now" (see BUSY_SQLSTATES), or no pooled connection was free."""
    return sqlstate(exc) in BUSY_SQLSTATES or isinstance(exc, saexc.TimeoutError)


def map_error(exc: BaseException) -> BaseException:
    """Translate a driver/SQLAlchemy error into a domain error (or return it unchanged)."""
    if isinstance(exc, (CounterError, LedgerUnavailable)):
        return exc
    refusal = DOMAIN_SQLSTATES.get(sqlstate(exc) or "")
    if refusal is not None:  # raised by a ledger trigger (0002) with a sentence as message
        diag = getattr(getattr(exc, "orig", exc), "diag", None)
        return refusal(getattr(diag, "message_primary", None) or "The ledger refused this posting.")
    if is_busy(exc):
        return LedgerBusy("The ledger is busy and did not take this request (it was rolled back); "
                          "nothing was posted. Try again.")
    if is_unavailable(exc):
        unavailable = LedgerUnavailable(str(getattr(exc, "orig", exc)).splitlines()[0] if str(exc) else "")
        unavailable.sent = getattr(exc, "statement_sent", True)
        unavailable.backend_pid = getattr(exc, "backend_pid", None)
        return unavailable
    if sqlstate(exc) == "42P01":  # undefined table: a database nobody migrated
        return ConfigError("The ledger database has no schema yet; run “cashier-desktop db upgrade” first.")
    return exc


def invalidate_after_disconnect(engine: Engine, fairy, err: BaseException) -> None:  # noqa: ANN001
    """What SQLAlchemy does when `execute` meets a lost connection, for code that talked to
    the driver directly (the posting's hot path): this pooled connection (`fairy`) is
    dropped and every connection the pool opened before now is reconnected at its next
    checkout (after a server restart they are all dead, and each would otherwise fail one
    posting). `Pool._invalidate` is SQLAlchemy's own private step for this."""
    invalidate = getattr(engine.pool, "_invalidate", None)
    if invalidate is not None:
        invalidate(fairy, err)
    else:
        fairy.invalidate(err)


def warn_if_gui_thread(name: str) -> None:
    """Adapters call this: ledger I/O on the Qt GUI thread would freeze the counter."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return
    app = qtcore.QCoreApplication.instance()
    if app is not None and qtcore.QThread.currentThread() is app.thread():
        log.warning("ledger call %s on the GUI thread: this blocks the counter", name)


def in_transaction(engine: Engine, fn):
    """Run `fn(conn)` in one transaction; driver errors come out as domain errors."""
    try:
        with engine.begin() as conn:
            return fn(conn)
    except Exception as exc:  # noqa: BLE001 - mapped or re-raised
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A pooled connection for reads in autocommit: one statement is one round trip (psycopg
    would send BEGIN and ROLLBACK around it otherwise), and no ROLLBACK makes psycopg drop
    the posting statement prepared on that connection (`posting._run_post`). Driver errors
    come out as domain errors (`map_error`): this is the adapters' edge."""
    try:
        with engine.connect() as conn:
            yield conn.execution_options(isolation_level="AUTOCOMMIT")
    except Exception as exc:  # noqa: BLE001 - mapped or re-raised
        mapped = map_error(exc)
        if mapped is exc:
            raise
        raise mapped from exc
