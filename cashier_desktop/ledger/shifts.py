"""Shifts in the ledger database: open, close with a counted drawer, sign off.

A shift is one drawer on one terminal (at most one open per terminal, by a unique index).
Its expected cash is computed from the ledger at close: opening float + the sum of the
drawer side of every posting in the shift. Closing locks the shift row FOR UPDATE, and the
0002 trigger makes every posting into a shift take a key-share lock on the same row, so no
posting can slip into a shift after its expected figure was computed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Connection, Engine

from ..domain.errors import ShiftError
from ..domain.money import Money
from .db import map_error, reading, sqlstate, warn_if_gui_thread
from .queries import posting_rows

_COLUMNS = """id, terminal_id, staff_id, currency, status, opened_at, opening_float, opening_count,
    closed_at, closed_by, closing_count, counted, expected, variance, signed_off_by, signed_off_at,
    signoff_note, needs_signoff"""


@dataclass(frozen=True, slots=True)
class ShiftRecord:
    """One drawer's shift; its figures are `Money` in the shift's currency (None until counted)."""

    id: int
    terminal_id: str
    staff_id: str
    currency: str
    status: str
    opened_at: datetime
    opening_float: Money
    opening_count: dict | None
    closed_at: datetime | None
    closed_by: str | None
    closing_count: dict | None
    counted: Money | None
    expected: Money | None
    variance: Money | None
    signed_off_by: str | None
    signed_off_at: datetime | None
    signoff_note: str | None
    needs_signoff: bool

    @property
    def is_open(self) -> bool:
        return self.status == "open"


_FIGURES = ("opening_float", "counted", "expected", "variance")


def _record(row) -> ShiftRecord:
    m = dict(row._mapping)
    m["currency"] = m["currency"].strip()
    for name in _FIGURES:
        if m[name] is not None:
            m[name] = Money(m[name], m["currency"])
    return ShiftRecord(**m)


def insert_shift(conn: Connection, *, terminal_id: str, staff_id: str, currency: str,
                 opening_float: Decimal, opening_count: dict | None = None, session=None) -> int:
    """Open a shift through the posting API (`cage.open_shift`); ShiftError if the terminal
    already has one open. A bound terminal login opens on its own terminal with a staff
    `session`; the schema owner may name the terminal and staff member."""
    try:
        with conn.begin_nested():
            return conn.execute(text("""SELECT cage.open_shift(:session, :f, CAST(:oc AS jsonb), :c, :s, :t)"""),
                {"session": session, "t": terminal_id, "s": staff_id, "c": currency, "f": opening_float,
                 "oc": json.dumps(opening_count) if opening_count is not None else None}).scalar_one()
    except saexc.IntegrityError as exc:
        if sqlstate(exc) == "23505":
            raise ShiftError(f"Terminal {terminal_id} already has an open shift; close it first.") from None
        raise
    except saexc.DBAPIError as exc:
        raise _refusal(exc) from None


def _refusal(exc: saexc.DBAPIError) -> BaseException:
    mapped = map_error(exc)
    return mapped if mapped is not exc else exc


def get_shift(conn: Connection, shift_id: int, *, for_update: bool = False) -> ShiftRecord | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM shifts WHERE id = :id"
                            + (" FOR UPDATE" if for_update else "")), {"id": shift_id}).first()
    return _record(row) if row else None


def open_shift_of(conn: Connection, terminal_id: str) -> ShiftRecord | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM shifts WHERE terminal_id = :t AND status = 'open'"),
                       {"t": terminal_id}).first()
    return _record(row) if row else None


def find_open_shift(engine: Engine, terminal_id: str) -> ShiftRecord | None:
    """The open shift of a terminal, or None (a lookup for the counter)."""
    warn_if_gui_thread("find_open_shift")
    with reading(engine) as conn:
        return open_shift_of(conn, terminal_id)


@dataclass(frozen=True, slots=True)
class DrawerTotals:
    """The drawer side of a shift's postings: cash in, cash out, and how many postings."""

    cash_in: Decimal
    cash_out: Decimal
    postings: int


def drawer_totals(conn: Connection, shift_id: int) -> DrawerTotals:
    row = conn.execute(text("""
        SELECT COALESCE(sum(drawer_delta) FILTER (WHERE drawer_delta > 0), 0),
               COALESCE(-sum(drawer_delta) FILTER (WHERE drawer_delta < 0), 0),
               count(*)
        FROM ledger_transactions WHERE shift_id = :s"""), {"s": shift_id}).first()
    return DrawerTotals(Decimal(row[0]), Decimal(row[1]), int(row[2]))


def close_shift_row(conn: Connection, shift_id: int, *, closed_by: str, counted: Decimal,
                    closing_count: dict | None, variance_threshold: Decimal, session=None,
                    foreign: dict | None = None) -> ShiftRecord:
    """Close an open shift with its counted cash through `cage.close_shift`: the database
    computes expected and variance from the ledger under the shift's row lock (no posting
    slips in after the figure), and a bound terminal closes only its own shifts. `foreign`
    is the foreign cash counted, `{"USD": {"100": 3}}` (0032): a currency the drawer should
    hold and not counted is recorded as 0, and any foreign variance needs a sign-off."""
    try:
        row = conn.execute(text(f"""SELECT {_COLUMNS} FROM cage.close_shift(:session, :id, :counted,
                CAST(:cc AS jsonb), :by, :vt, CAST(:fc AS jsonb))"""),
            {"session": session, "id": shift_id, "counted": counted, "by": closed_by, "vt": variance_threshold,
             "cc": json.dumps(closing_count) if closing_count is not None else None,
             "fc": json.dumps(foreign) if foreign else None}).first()
    except saexc.DBAPIError as exc:
        raise _refusal(exc) from None
    return _record(row)


def signoff_shift_row(conn: Connection, shift_id: int, *, by: str, note: str | None, session=None) -> ShiftRecord:
    """A supervisor signs a counted shift off through `cage.signoff_shift`."""
    try:
        row = conn.execute(text(f"SELECT {_COLUMNS} FROM cage.signoff_shift(:session, :id, :note, :by)"),
                           {"session": session, "id": shift_id, "note": note, "by": by}).first()
    except saexc.DBAPIError as exc:
        raise _refusal(exc) from None
    return _record(row)


def list_shift_rows(conn: Connection, *, terminal_id: str | None = None, status: str | None = None,
                    staff_id: str | None = None, limit: int = 100) -> list[ShiftRecord]:
    rows = conn.execute(text(f"""
        SELECT {_COLUMNS} FROM shifts
        WHERE (CAST(:t AS text) IS NULL OR terminal_id = :t)
          AND (CAST(:st AS text) IS NULL OR status = :st)
          AND (CAST(:s AS text) IS NULL OR staff_id = :s)
        ORDER BY id DESC LIMIT :n"""), {"t": terminal_id, "st": status, "s": staff_id, "n": limit}).fetchall()
    return [_record(r) for r in rows]


@dataclass(frozen=True, slots=True)
class ShiftPosting:
    """One posting of a shift as the shift report shows it, with its drawer effect."""

    id: str
    seq: int
    created_at: datetime
    kind: str
    player_id: str
    amount: Decimal
    drawer_delta: Decimal
    staff_id: str
    approver_id: str | None


def shift_postings(conn: Connection, shift_id: int) -> list[ShiftPosting]:
    """A shift's postings as its report shows them, from the one reader of a shift's postings
    (`queries.posting_rows`, which the shift's screen and reconciliation read too)."""
    return [ShiftPosting(str(m["id"]), m["seq"], m["created_at"], m["kind"], m["player_id"], m["amount"],
                         m["drawer_delta"], m["staff_id"], m["approver_id"])
            for m in (r._mapping for r in posting_rows(conn, shift_id=shift_id))]


def counter_context(conn: Connection, staff_ids: list[str], terminal_id: str) -> tuple[dict, int | None]:
    """In one round trip: the staff records of `staff_ids` (id → StaffRecord) and the id of
    the terminal's open shift (None if none). What every posting's authorization reads."""
    from .staff import StaffRecord
    rows = conn.execute(text("""
        SELECT s.id, s.name, s.role, s.active, s.approval_limit,
               (SELECT id FROM shifts WHERE terminal_id = :t AND status = 'open')
        FROM (SELECT 1) one LEFT JOIN staff s ON s.id = ANY(:ids)"""),
        {"ids": list(staff_ids), "t": terminal_id}).fetchall()
    staff = {r[0]: StaffRecord(*r[:5]) for r in rows if r[0] is not None}
    return staff, rows[0][5]
