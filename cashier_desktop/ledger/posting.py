"""Postings: the only way money moves, decided by the database's posting API.

One posting is one call of `cage.post` (migration 0010) in autocommit: the database
authenticates the staff session, checks rights, approvals, the calling login's terminal
and shift, funds and the identification threshold, derives the deltas from the kind, and
writes the ledger row, the cached balances, the MTL entry and the audit rows in one
transaction; the common path costs one round trip. The caller's UUID is the primary key
of the ledger row, which makes every posting idempotent: a second attempt with the same id
either returns the original receipt (same request) or is refused (`IdempotencyConflict`).
A refusal comes back as a private SQLSTATE with a sentence (ledger/db.py maps it).
"""

from __future__ import annotations

import json
import logging
import re
import select
import time
from collections.abc import Mapping
from uuid import UUID

import psycopg
from sqlalchemy import text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Connection, Engine

from ..domain import errors as E
from ..domain.commands import PostingCommand
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.notes import normalized, notes_json
from ..domain.receipts import Receipt
from .db import (DOMAIN_SQLSTATES, invalidate_after_disconnect, is_retryable, map_error, sqlstate,
                 server_pid, warn_if_gui_thread)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8

RECEIPT_COLUMNS = """seq, id, kind, player_id, amount, currency, cash_delta, credit_delta,
    cash_after, credit_after, limit_after, approved_after, staff_id, approver_id, terminal_id,
    shift_id, reverses_id, reason, created_at, hash, request_hash"""

# The posting API (migration 0010): one call, one transaction, decided by the database.
# `cage.post` authenticates the staff sessions, checks rights, approvals, the terminal's
# shift, funds and the identification threshold, and writes the ledger row, the MTL entry
# and the audit rows; `cage.replay_offline` takes a journal entry the terminal took offline.
# Since 0017 both also answer with what the receipt prints beyond the row (its place in
# the shift, the staff names): the counter needs no second round trip for them.
_ARGS = """:id, :request_hash, :kind, :player_id, :amount, :currency"""
FACT_COLUMNS = ("shift_sequence", "staff_name", "approver_name")
_ANSWER = (f"""r.replayed, {", ".join(f"(r.posting).{c.strip()}" for c in RECEIPT_COLUMNS.split(","))}, """
           + ", ".join(f"r.{c}" for c in FACT_COLUMNS))
_POST_SQL = f"""SELECT {_ANSWER}
FROM cage.post({_ARGS}, p_session => :session, p_approver_session => :approver_session,
    p_reverses => :reverses_id, p_reason => :reason, p_id_type => :id_type, p_id_number => :id_number,
    p_staff => :staff_id, p_approver => :approver_id, p_terminal => :terminal_id, p_shift => :shift_id) r"""
_OFFLINE_SQL = f"""SELECT {_ANSWER}
FROM cage.replay_offline({_ARGS}, p_staff => :staff_id, p_approver => :approver_id,
    p_id_type => :id_type, p_id_number => :id_number, p_terminal => :terminal_id, p_shift => :shift_id) r"""
# A cash posting with its notes (issue 17, migration 0022): the same call with the notes in
# and out, answered the same way (one round trip); and its offline twin for the journal.
_NOTES = "p_notes_in => CAST(:notes_in AS jsonb), p_notes_out => CAST(:notes_out AS jsonb)"
_NOTES_SQL = f"""SELECT {_ANSWER}
FROM cage.post_with_notes({_ARGS}, p_session => :session, {_NOTES},
    p_approver_session => :approver_session, p_reason => :reason, p_id_type => :id_type,
    p_id_number => :id_number, p_staff => :staff_id, p_approver => :approver_id, p_terminal => :terminal_id,
    p_shift => :shift_id) r"""
_OFFLINE_NOTES_SQL = f"""SELECT {_ANSWER}
FROM cage.replay_offline_with_notes({_ARGS}, p_staff => :staff_id, {_NOTES}, p_approver => :approver_id,
    p_id_type => :id_type, p_id_number => :id_number, p_terminal => :terminal_id, p_shift => :shift_id) r"""
_POST = text(_POST_SQL)
_OFFLINE = text(_OFFLINE_SQL)

# The same statements in psycopg's own parameter style, run on the driver connection and
# prepared once per connection (see `_run_post`).
_POST_DRIVER_SQL = re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", _POST_SQL)
_OFFLINE_DRIVER_SQL = re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", _OFFLINE_SQL)
_NOTES_DRIVER_SQL = re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", _NOTES_SQL)
_OFFLINE_NOTES_DRIVER_SQL = re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", _OFFLINE_NOTES_SQL)
_POSTED_NAMES = ("replayed", *(c.strip() for c in RECEIPT_COLUMNS.split(",")), *FACT_COLUMNS)

# A posting read back by its id (a retry, an in-doubt journal entry) carries the same facts
# as the API's answer, counted the same way (migration 0017, `receipt_facts`).
_FACTS_OF_T = """CASE WHEN t.shift_id IS NULL THEN NULL ELSE
        (SELECT count(*) FROM ledger_transactions o WHERE o.shift_id = t.shift_id AND o.seq <= t.seq) END
        AS shift_sequence,
    coalesce((SELECT s.name FROM staff s WHERE s.id = t.staff_id), '') AS staff_name,
    coalesce((SELECT a.name FROM staff a WHERE a.id = t.approver_id), '') AS approver_name"""
# Its notes come in the same statement (migration 0026: no login reads posting_notes, the
# definer function answers one posting's), as {"500.00": 4, …} or NULL when it recorded none.
NOTES_OF_T = """(SELECT jsonb_object_agg(n.denomination, n.pieces_in) FILTER (WHERE n.pieces_in > 0)
        FROM cage.posting_notes(t.id) n) AS notes_in,
    (SELECT jsonb_object_agg(n.denomination, n.pieces_out) FILTER (WHERE n.pieces_out > 0)
        FROM cage.posting_notes(t.id) n) AS notes_out"""
_BY_ID = text(f"SELECT {RECEIPT_COLUMNS}, {_FACTS_OF_T}, {NOTES_OF_T} FROM ledger_transactions t WHERE id = :id")


def _receipt(row, replayed: bool = False) -> Receipt:
    return _receipt_of(row._mapping, replayed)


def _receipt_of(m: Mapping, replayed: bool = False) -> Receipt:
    currency = m["currency"].strip()  # the row's: the database refuses any but the cage's

    def money(value) -> Money:
        return Money(value, currency)
    return Receipt(
        id=m["id"], seq=m["seq"], kind=Kind(m["kind"]), player_id=m["player_id"],
        amount=money(m["amount"]),
        cash_before=money(m["cash_after"] - m["cash_delta"]), cash_after=money(m["cash_after"]),
        credit_before=money(m["credit_after"] - m["credit_delta"]), credit_after=money(m["credit_after"]),
        limit_after=money(m["limit_after"]), approved_after=m["approved_after"], staff_id=m["staff_id"],
        approver_id=m["approver_id"], terminal_id=m["terminal_id"], shift_id=m["shift_id"],
        reverses_id=m["reverses_id"], reason=m["reason"], created_at=m["created_at"],
        hash=m["hash"], replayed=replayed,
        shift_sequence=None if m.get("shift_sequence") is None else int(m["shift_sequence"]),
        staff_name=m.get("staff_name") or "", approver_name=m.get("approver_name") or "",
        notes_in=normalized(m.get("notes_in") or {}), notes_out=normalized(m.get("notes_out") or {}))


def find_posting(conn: Connection, posting_id: UUID) -> Receipt | None:
    """The receipt of an accepted posting, or None (used for in-doubt journal entries)."""
    row = conn.execute(_BY_ID, {"id": posting_id}).first()
    return _receipt(row, replayed=True) if row else None


def _params(cmd: PostingCommand) -> dict:
    """The API's arguments for `cmd`. The database derives the effect from the kind."""
    return {
        "id": cmd.id, "request_hash": cmd.request_hash(), "kind": cmd.kind.value,
        "player_id": cmd.player_id, "amount": cmd.amount.amount, "currency": cmd.amount.currency,
        "session": cmd.session, "approver_session": cmd.approver_session,
        "staff_id": cmd.staff_id, "approver_id": cmd.approver_id, "terminal_id": cmd.terminal_id or "",
        "shift_id": cmd.shift_id, "reverses_id": cmd.reverses_id, "reason": cmd.reason,
        "id_type": cmd.id_type, "id_number": cmd.id_number,
        "notes_in": json.dumps(notes_json(cmd.notes_in)) if cmd.has_notes else None,
        "notes_out": json.dumps(notes_json(cmd.notes_out)) if cmd.has_notes else None,
    }


def statement_for(cmd: PostingCommand, *, offline: bool) -> str:
    """The driver-style SQL that posts `cmd`: live through `cage.post`, or a journal entry
    taken offline through `cage.replay_offline` (only when it carries no staff session);
    with notes, through their `…_with_notes` twins."""
    replaying = offline and cmd.session is None
    if cmd.has_notes:
        return _OFFLINE_NOTES_DRIVER_SQL if replaying else _NOTES_DRIVER_SQL
    return _OFFLINE_DRIVER_SQL if replaying else _POST_DRIVER_SQL


def receipt_from_row(row) -> Receipt:
    """A receipt from one row of the API's answer (`replayed` first, then RECEIPT_COLUMNS,
    then FACT_COLUMNS when the function answers with them: `cage.post`, `replay_offline`)."""
    m = dict(zip(_POSTED_NAMES, row))
    return _receipt_of(m, bool(m["replayed"]))


def _run_post(engine: Engine, sql: str, params: dict) -> Receipt:
    """Call the posting API in autocommit; its receipt.

    This is the hot path of every posting, so it takes a pooled connection and talks to
    psycopg directly, with the statement prepared server-side once per connection (through
    SQLAlchemy's Connection and result objects the client's CPU cost was larger than the
    database's). Errors come out as SQLAlchemy's would (its DBAPIError family; on a lost
    connection the pool is invalidated the way SQLAlchemy does it).
    """
    try:
        fairy = engine.raw_connection()
    except psycopg.Error as err:  # could not connect
        wrapped = saexc.DBAPIError.instance(None, None, err, psycopg.Error)
        wrapped.statement_sent = False  # nothing left the terminal: it cannot have posted
        raise wrapped from err
    except saexc.DBAPIError as err:
        err.statement_sent = False
        raise
    driver = fairy.driver_connection
    if _closed_by_server(driver):
        # A pooled connection the server closed (a restart, an idle timeout): nothing has
        # been sent on it, so take a fresh one — the whole pool is renewed as SQLAlchemy does.
        invalidate_after_disconnect(engine, fairy, psycopg.OperationalError("closed by the server"))
        fairy.close()
        return _run_post(engine, sql, params)
    backend_pid = server_pid(fairy)  # the server process that will run it, if known (see `settle`)
    try:
        try:
            driver.autocommit = True
            try:
                row = driver.execute(sql, params, prepare=True).fetchone()
            finally:
                if not (driver.broken or driver.closed):
                    driver.autocommit = False  # the pool's connections are transactional by default
        except psycopg.Error as err:
            broken = driver.broken or driver.closed
            if broken:
                invalidate_after_disconnect(engine, fairy, err)
            wrapped = saexc.DBAPIError.instance(sql, None, err, psycopg.Error,
                                                connection_invalidated=broken)
            wrapped.backend_pid = backend_pid
            raise wrapped from err
    finally:
        fairy.close()  # back to the pool (or discarded, when invalidated)
    return receipt_from_row(row)


def _closed_by_server(driver: psycopg.Connection) -> bool:
    """Whether the server has already closed this idle connection, without a round trip: an
    idle connection has nothing to read unless the server said goodbye (EOF or a fatal
    error); anything else it may have sent (a NOTIFY) stays buffered for its reader."""
    if driver.closed or driver.broken:
        return True
    try:
        for _ in range(3):  # a goodbye is an error message, then EOF: read until nothing is left
            readable, _, _ = select.select([driver.fileno()], [], [], 0)
            if not readable:
                break
            driver.pgconn.consume_input()
        else:
            return True  # still readable after three reads: not an idle connection any more
    except (OSError, ValueError, psycopg.Error):
        return True
    return driver.pgconn.status != psycopg.pq.ConnStatus.OK


def _existing_on(engine: Engine, cmd: PostingCommand) -> Receipt | None:
    with engine.connect() as conn:
        return _existing(conn, cmd)


def _existing(conn: Connection, cmd: PostingCommand) -> Receipt | None:
    """The original receipt for this id, or IdempotencyConflict if the request differs."""
    row = conn.execute(_BY_ID, {"id": cmd.id}).first()
    if row is None:
        return None
    if row._mapping["request_hash"] != cmd.request_hash():
        raise E.IdempotencyConflict.of(cmd.id)
    return _receipt(row, replayed=True)


def post(engine: Engine, cmd: PostingCommand, *, offline: bool = False) -> Receipt:
    """Post `cmd` exactly once through the database's posting API and return its receipt.

    Args:
        engine: the ledger engine.
        cmd: the posting; `cmd.id` is the idempotency key; `cmd.session` the staff session.
        offline: a journal entry the terminal took while offline (no session): the
            database accepts it only within the terminal's offline allowance.
    Returns:
        The receipt (with `replayed=True` if this id had been posted before).
    Raises:
        CashierError: a refusal with a sentence; nothing was posted.
        LedgerUnavailable: the ledger could not be reached; the outcome may be in doubt.
    """
    warn_if_gui_thread("post")
    sql, params = statement_for(cmd, offline=offline), _params(cmd)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            try:
                return _run_post(engine, sql, params)
            except saexc.IntegrityError as exc:
                state, constraint = sqlstate(exc), _constraint(exc)
                if state == "23505" and constraint == "ledger_transactions_pkey":
                    existing = _existing_on(engine, cmd)  # the same id raced in: its receipt
                    if existing is not None:
                        return existing
                    continue
                if state == "23505" and constraint == "ledger_reversed_once":
                    raise E.AlreadyReversed(f"Posting {cmd.reverses_id} has already been reversed.") from None
                if state == "23503":
                    raise _foreign_key_refusal(constraint, cmd) from None
                if state == "23514":
                    raise _check_refusal(exc, cmd) from None
                raise
            except saexc.DBAPIError as exc:
                # The database refused it. A retry of a posting it accepted earlier still
                # gets its receipt back, whatever changed since (its shift may have closed,
                # the money may be gone); a different request under that id is a conflict.
                if sqlstate(exc) in DOMAIN_SQLSTATES and not exc.connection_invalidated:
                    existing = _existing_on(engine, cmd)
                    if existing is not None:
                        return existing
                raise
        except saexc.DBAPIError as exc:
            if is_retryable(exc) and attempt < MAX_ATTEMPTS:
                time.sleep(0.005 * attempt)
                continue
            mapped = map_error(exc)
            if mapped is exc:
                raise
            raise mapped from exc
    raise E.CashierError("The posting could not be completed after repeated conflicts; nothing was posted.")


def _constraint(exc: saexc.IntegrityError) -> str | None:
    diag = getattr(exc.orig, "diag", None)
    return getattr(diag, "constraint_name", None)


def _foreign_key_refusal(constraint: str | None, cmd: PostingCommand) -> E.CashierError:
    if constraint and "approver" in constraint:
        return E.NotAuthorized(f"There is no staff member “{cmd.approver_id}” to approve this.")
    if constraint and "staff" in constraint:
        return E.NotAuthorized(f"There is no staff member “{cmd.staff_id}”.")
    if constraint and "shift" in constraint:
        return E.ShiftNotOpen(f"Shift {cmd.shift_id} does not exist.")
    if constraint and "player" in constraint:
        return E.PlayerNotFound.of(cmd.player_id)
    return E.CashierError("The posting refers to something that does not exist; nothing was posted.")


def _check_refusal(exc: saexc.IntegrityError, cmd: PostingCommand) -> E.CashierError:
    constraint = _constraint(exc) or ""
    if "balance" in constraint:
        return E.InsufficientFunds(f"Player {cmd.player_id} does not have enough cash for this.")
    if "credit" in constraint:
        return E.CreditLimitExceeded(f"This would take player {cmd.player_id} over the credit limit.")
    log.error("unexpected check violation: %s", exc)
    return E.CashierError("The ledger refused this posting; nothing was posted.")


# The public names of the row mapping and the API's arguments, for the ledger's other
# readers and adapters (queries, history, the journal's port): none reaches for a private one.
receipt_of_row = _receipt
api_params = _params
