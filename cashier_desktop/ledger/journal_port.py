"""The ledger as the journal's replay and reconciliation see it (`journal.replay.LedgerPort`).

`post_batch` sends consecutive postings in ONE ledger transaction, in order, each with its
own UUID as primary key (so idempotency is per posting, exactly as in `posting.post`): the
first statement that changes nothing, or fails, ends the batch there; what came before it
is committed, and replay posts the offending one alone through `posting.post`, which gives
its receipt or its sentence. One commit per batch instead of one per posting is what
makes replay faster than posting live.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.commands import PostingCommand
from ..domain.errors import LedgerUnavailable
from ..domain.receipts import Receipt
from . import posting
from .db import map_error, reading, warn_if_gui_thread
from .posting import RECEIPT_COLUMNS, api_params, receipt_of_row
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
        rows = self._rows(f"SELECT {RECEIPT_COLUMNS} FROM ledger_transactions WHERE id = ANY(:ids)",
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
        (unknown) is not sure either. `started_before` (asked later, by replay): only a process
        that started before then can be the one that ran the send — a newer one with the same
        pid is someone else's, and is left alone.
        """
        if not pid:
            return False
        rows = self._rows(
            "SELECT pg_terminate_backend(pid, :wait) FROM pg_stat_activity "
            "WHERE pid = :pid AND usename = current_user AND backend_type = 'client backend' "
            "AND pid <> pg_backend_pid() "
            "AND (CAST(:before AS timestamptz) IS NULL OR backend_start <= CAST(:before AS timestamptz))",
            {"pid": pid, "wait": wait_ms, "before": started_before})
        return not rows or bool(rows[0][0])

    def probe(self) -> None:
        """LedgerUnavailable unless one round trip to the ledger succeeds."""
        self._rows("SELECT 1", {})
