"""The ledger as the journal's replay and reconciliation see it (`journal.replay.LedgerPort`).

`post_batch` sends consecutive postings in ONE ledger transaction, in order, each with its
own UUID as primary key (so idempotency is per posting, exactly as in `posting.post`): the
first statement that changes nothing, or fails, ends the batch there; what came before it
is committed, and replay posts the offending one alone through `posting.post`, which gives
its receipt or its sentence. One commit per batch instead of one per posting is what
makes replay faster than posting live.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.commands import PostingCommand
from ..domain.errors import LedgerUnavailable
from ..domain.receipts import Receipt
from . import audit, posting
from .db import map_error, reading, warn_if_gui_thread
from .posting import NOTES_OF_T, RECEIPT_COLUMNS, api_params, receipt_of_row
from .queries import postings_where
from .shifts import open_shift_of


def ledger_name(engine: Engine) -> str:
    """Which ledger a journal entry belongs to: the database's name (not host or port)."""
    return engine.url.database or ""


def _pipeline_supported() -> bool:
    try:
        import psycopg
        return bool(psycopg.Pipeline.is_supported())
    except Exception:  # noqa: BLE001 - no pipeline: one statement at a time
        return False


def _mapped(exc: BaseException) -> BaseException:
    mapped = map_error(exc)
    return mapped


# The server process of a broken send, if it is still inside a transaction (an idle one can
# no longer commit anything) and is this login's.
_RUNNING_TRANSACTION = (
    "SELECT xact_start, clock_timestamp() FROM pg_stat_activity "
    "WHERE pid = :pid AND usename = current_user AND backend_type = 'client backend' "
    "AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle' AND xact_start IS NOT NULL")
# Ended only while it still runs the transaction judged (`xact_start`; any, when None).
_END_IF_RUNNING = (
    "SELECT pg_terminate_backend(pid, :wait) FROM pg_stat_activity "
    "WHERE pid = :pid AND usename = current_user AND backend_type = 'client backend' "
    "AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle' "
    "AND (CAST(:xact_start AS timestamptz) IS NULL OR xact_start = CAST(:xact_start AS timestamptz))")


def _age(moment: datetime) -> float:
    """Seconds since `moment` on this terminal's clock (never negative)."""
    return max(0.0, (datetime.now(timezone.utc) - moment).total_seconds())


class PostgresLedger:
    """Replay's and reconciliation's view of the PostgreSQL ledger."""

    def __init__(self, engine: Engine, *, pipeline: bool = True) -> None:
        self.engine = engine
        self.name = ledger_name(engine)
        self._pipeline = pipeline and engine.dialect.name == "postgresql" and _pipeline_supported()
        self._allowance_usable = False  # cage.offline_allowance() found callable (migration 0020)

    def _rows(self, sql: str, params: dict):
        return self._read(lambda conn: conn.execute(text(sql), params).fetchall())

    def _read(self, fn):
        warn_if_gui_thread("journal ledger port")
        with reading(self.engine) as conn:
            return fn(conn)

    def find_many(self, ids: list[UUID]) -> dict[UUID, Receipt]:
        if not ids:
            return {}
        rows = self._rows(f"SELECT {RECEIPT_COLUMNS}, {NOTES_OF_T} FROM ledger_transactions t WHERE id = ANY(:ids)",
                          {"ids": list(ids)})
        return {r.id: r for r in (receipt_of_row(row, replayed=True) for row in rows)}

    def post(self, cmd: PostingCommand) -> Receipt:
        """Live (the command carries the staff session) or, replayed from the journal
        without one, as a posting the terminal attests it took offline."""
        return posting.post(self.engine, cmd, offline=cmd.session is None)

    def post_batch(self, cmds: list[PostingCommand]) -> list[Receipt]:
        """A prefix of `cmds` posted in order in one transaction (see the module docstring)."""
        while cmds:
            receipts, failed_at = self._try_pipelined(cmds) if self._pipeline else self._try(cmds)
            if failed_at is None or receipts:
                return receipts
            if failed_at == 0:
                return []
            cmds = cmds[:failed_at]  # everything before the failure, again, without it
        return []

    def _try(self, cmds: list[PostingCommand]) -> tuple[list[Receipt], int | None]:
        """(receipts, None) all applied and committed; (prefix receipts, i) stopped at i.

        A statement that raises aborts the transaction: nothing is committed and the
        receipts list is empty, with the index of the failing statement.
        """
        warn_if_gui_thread("post_batch")
        receipts: list[Receipt] = []
        try:
            with self.engine.connect() as conn:
                trans = conn.begin()
                driver = conn.connection.driver_connection
                for i, cmd in enumerate(cmds):
                    try:
                        row = driver.execute(posting.statement_for(cmd, offline=True),
                                             api_params(cmd)).fetchone()
                    except Exception as exc:  # noqa: BLE001 - unavailability re-raised below
                        trans.rollback()
                        if isinstance(_mapped(exc), LedgerUnavailable):
                            raise
                        return [], i
                    receipts.append(posting.receipt_from_row(row))
                trans.commit()
                return receipts, None
        except Exception as exc:  # noqa: BLE001
            mapped = _mapped(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    def _try_pipelined(self, cmds: list[PostingCommand]) -> tuple[list[Receipt], int | None]:
        """As `_try`, but every statement of the batch goes out in one libpq pipeline (executemany).

        The statements still run one after another in one transaction, so each sees the
        effect of the ones before it. If one changes nothing, the ones after it ran too:
        the transaction is rolled back and the prefix before it is sent again. If one
        fails, the batch is redone statement by statement to find which.
        """
        warn_if_gui_thread("post_batch")
        try:
            with self.engine.connect() as conn:
                trans = conn.begin()
                cur = conn.connection.driver_connection.cursor()
                rows = []
                try:
                    # psycopg sends an executemany as one pipeline; one result set per posting
                    # one statement for the whole batch: replayed entries carry no session
                    if len({posting.statement_for(c, offline=True) for c in cmds}) != 1:
                        return self._try(cmds)
                    params = [api_params(cmd) for cmd in cmds]
                    cur.executemany(posting.statement_for(cmds[0], offline=True), params, returning=True)
                    while True:
                        rows.append(cur.fetchone())
                        if not cur.nextset():
                            break
                except Exception as exc:  # noqa: BLE001 - unavailability re-raised below
                    trans.rollback()
                    if isinstance(_mapped(exc), LedgerUnavailable):
                        raise
                    return self._try(cmds)
                if len(rows) != len(cmds):
                    raise RuntimeError(f"the ledger answered {len(rows)} of {len(cmds)} postings")
                stop = next((i for i, row in enumerate(rows) if row is None), None)
                if stop is not None:
                    trans.rollback()
                    if stop == 0:
                        return [], 0
                    receipts, _ = self._try_pipelined(cmds[:stop])
                    return receipts, stop
                trans.commit()
                return [posting.receipt_from_row(row) for row in rows], None
        except LedgerUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001
            mapped = _mapped(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    # -- for the terminal and reconciliation --------------------------------------------

    def postings(self, *, shift_id: int | None = None, terminal_id: str | None = None,
                 since: datetime | None = None, until: datetime | None = None) -> list[Receipt]:
        return self._read(lambda conn: postings_where(conn, shift_id=shift_id, terminal_id=terminal_id,
                                                      since=since, until=until))

    def open_shift(self, terminal_id: str) -> int | None:
        """The id of the terminal's open shift, or None (the one open-shift lookup)."""
        shift = self._read(lambda conn: open_shift_of(conn, terminal_id))
        return shift.id if shift is not None else None

    def open_shift_cashier(self, terminal_id: str) -> tuple[int, str] | None:
        """(id, cashier) of the terminal's open shift, or None."""
        shift = self._read(lambda conn: open_shift_of(conn, terminal_id))
        return (shift.id, shift.staff_id) if shift is not None else None

    def record_offline_logins(self, terminal_id: str, attempts: list[tuple[str, object, str]]) -> None:
        """Offline login attempts (staff id, the terminal's time, outcome) into the audit log as
        `offline_login`, in one transaction (the database stamps its own time and login)."""
        with self.engine.begin() as conn:
            for staff_id, at, outcome in attempts:
                audit.append(conn, "offline_login", staff_id=staff_id, terminal_id=terminal_id,
                             detail={"outcome": outcome, "offline_at": at})

    def offline_allowance(self) -> tuple[object, object] | None:
        """(per posting, per shift) this login may have replayed offline (`cage.replay_offline`
        refuses beyond them); (None, None) when the database sets none (its owner, which is
        trusted); None when this ledger cannot say (no migration 0020, or no grant yet)."""
        def read(conn):
            if not self._allowance_usable:  # asked until it is there (then one round trip a call)
                self._allowance_usable = bool(conn.execute(text(
                    "SELECT coalesce(has_function_privilege(to_regprocedure('cage.offline_allowance()'), "
                    "'EXECUTE'), false)")).scalar())
                if not self._allowance_usable:
                    return None
            row = conn.execute(text("SELECT offline_limit, offline_total FROM cage.offline_allowance()")).first()
            return (None, None) if row is None else (row[0], row[1])
        return self._read(read)

    def backend_gone(self, pid: int | None, *, wait_ms: int = 5000, started_before=None) -> bool:
        """True once the server process that ran a broken send can no longer commit it.

        A connection can break on the terminal's side (a timeout, a reset) while its server
        process still runs the statement — waiting for a lock, say — and commits it later. So
        before "absent from the ledger" may be read as "not posted", that process must be
        gone: if it is still there (same login), it is terminated and waited for (a
        terminated transaction rolls back). False when that cannot be made sure; None pid
        (unknown, as behind a transaction-mode pooler) is not sure either.

        Only a process still inside a transaction can commit, so one that is idle is left
        alone and counts as gone. `started_before` (asked later, by replay): only a
        transaction that began before then can be the broken send's. Behind PgBouncer in
        transaction mode a server process serves one client per transaction, so once our
        statement ended the same pid may run another terminal's transaction: that one began
        later, is left alone, and ours is over. The time is the terminal's; it is compared as
        an age (seconds ago on the terminal's clock, counted back from the server's clock), so
        a terminal whose clock is off does not spare its own statement; and the age is taken
        on both sides of the round trip that reads the server's clock, so a slow round trip
        makes the answer "not sure" (wait for the statement timeout), never a wrong end or a
        wrong "gone" (a one-sided age once ended another terminal's transaction under load).
        """
        if not pid:
            return False
        if started_before is None:
            rows = self._rows(_END_IF_RUNNING, {"pid": pid, "wait": wait_ms, "xact_start": None})
            return not rows or bool(rows[0][0])
        if started_before.tzinfo is None:
            started_before = started_before.replace(tzinfo=timezone.utc)
        # The candidate's transaction start and the server's clock, then the age of the break
        # measured on both sides of that round trip: the break lies between `server_now -
        # age_after` and `server_now - age_before` on the server's clock. A transaction begun
        # before that window is (or may be) ours: ended. One begun after it is someone
        # else's, and ours is over. One begun inside it cannot be told apart (the round trip
        # was slow): not sure, and the entry waits for the statement timeout.
        age_before = _age(started_before)
        rows = self._rows(_RUNNING_TRANSACTION, {"pid": pid})
        age_after = _age(started_before)
        if not rows:
            return True  # no such process, or idle: it can no longer commit
        xact_start, server_now = rows[0]
        if xact_start > server_now - timedelta(seconds=age_before):
            return True  # began after the send broke: another client's, behind a pooler
        if xact_start > server_now - timedelta(seconds=age_after):
            return False
        rows = self._rows(_END_IF_RUNNING, {"pid": pid, "wait": wait_ms, "xact_start": xact_start})
        return not rows or bool(rows[0][0])

    def probe(self) -> None:
        """LedgerUnavailable unless one round trip to the ledger succeeds."""
        self._rows("SELECT 1", {})
