"""The terminal's journal: one SQLite file, WAL, `synchronous=FULL`, append-only records.

Every posting is written here as `pending` before it is sent to the ledger; what happens
to it afterwards is appended as further records of the same entry (see `chain.py`). A
record is durable when `append`/`mark_*` returns. Nothing is ever deleted or pruned.

Safe to share between threads (one lock) and between processes on the same file
(each append is one `BEGIN IMMEDIATE` transaction). An entry is sent by one process at a
time: the process that writes or retries an intent *claims* it in the same transaction,
replay claims what it sends or settles, and every outcome releases the claim in the same
transaction as its record. A claim whose owner is alive (`owners.is_alive`) is never
touched by anyone else; a dead owner's claims are free. Claims are coordination, not
evidence: they live outside the hash chain.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Iterable
from uuid import UUID

from ..domain.commands import PostingCommand
from ..domain.receipts import Receipt
from ..domain.errors import JournalBusy
from . import chain
from .owners import Ownership, is_alive
from .seen_online import SeenOnline
from .chain import (ENTRY_COLUMNS, OFFLINE, PENDING, POSTED, REJECTED, REJECTED_ON_REPLAY, RESOLVED, RETRY,
                    JournalFinding, canonical, record_hash)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY, entry_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL,
    body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_by_entry ON records (entry_id, seq);
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, state TEXT NOT NULL, ledger TEXT NOT NULL,
    kind TEXT NOT NULL, player_id TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT NOT NULL,
    staff_id TEXT NOT NULL, terminal_id TEXT NOT NULL, shift_id INTEGER, offline INTEGER NOT NULL,
    in_doubt INTEGER NOT NULL, command TEXT NOT NULL, receipt TEXT, code TEXT, reason TEXT,
    resolved_by TEXT, resolution TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    last_seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS entries_by_state ON entries (state, seq);
CREATE INDEX IF NOT EXISTS entries_by_shift ON entries (shift_id, seq);
CREATE TABLE IF NOT EXISTS known_balances (
    ledger TEXT NOT NULL, player_id TEXT NOT NULL, cash TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (ledger, player_id));
CREATE TABLE IF NOT EXISTS known_shifts (
    ledger TEXT NOT NULL, terminal_id TEXT NOT NULL, shift_id INTEGER, at TEXT NOT NULL,
    PRIMARY KEY (ledger, terminal_id));
CREATE TABLE IF NOT EXISTS known_shift_cashiers (
    ledger TEXT NOT NULL, terminal_id TEXT NOT NULL, shift_id INTEGER, staff_id TEXT, at TEXT NOT NULL,
    PRIMARY KEY (ledger, terminal_id));
CREATE TABLE IF NOT EXISTS known_allowances (
    ledger TEXT NOT NULL, terminal_id TEXT NOT NULL, offline_limit TEXT, offline_total TEXT, at TEXT NOT NULL,
    PRIMARY KEY (ledger, terminal_id));
CREATE TABLE IF NOT EXISTS claims (
    entry_id TEXT PRIMARY KEY, owner TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS staff_cache (
    ledger TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
    pin_hash TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (ledger, id));
CREATE TABLE IF NOT EXISTS offline_lockouts (
    ledger TEXT NOT NULL, id TEXT NOT NULL, failed INTEGER NOT NULL, lockouts INTEGER NOT NULL,
    locked_until TEXT, PRIMARY KEY (ledger, id));
CREATE TABLE IF NOT EXISTS offline_logins (
    seq INTEGER PRIMARY KEY, ledger TEXT NOT NULL, id TEXT NOT NULL, at TEXT NOT NULL,
    outcome TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0);
"""


class AlreadyJournaled(ValueError):
    """The intent is in the journal already (another process may have written it just now)."""


def _private_file(path: Path) -> None:
    """The journal holds PIN verifiers and unsent postings: its folder is 0700 and the file
    (and SQLite's -wal/-shm, which take the file's mode) 0600, whatever the umask."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not (path.parent / "pgdata").exists():
        # The demo's embedded ledger keeps its data beside the journal; run as root, its
        # server is another OS user (pgserver) who must be able to reach it (to stop it
        # cleanly, to start it again): that folder keeps its mode; the file is still 0600.
        os.chmod(path.parent, 0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            os.chmod(p, 0o600)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class Entry:
    """One journaled posting and where it stands."""

    id: UUID
    seq: int
    state: str
    ledger: str
    command: PostingCommand
    receipt: Receipt | None
    offline: bool
    in_doubt: bool
    code: str | None
    reason: str | None
    resolved_by: str | None
    resolution: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def amount(self) -> Decimal:
        return self.command.amount.amount

    @property
    def needs_attention(self) -> bool:
        """Rejected on replay, or posted after a refusal, and no supervisor resolved it yet."""
        flagged = self.state == REJECTED_ON_REPLAY or self.code == "posted_after_refusal"
        return flagged and not self.resolved_by

    def to_json(self) -> dict:
        return {"id": str(self.id), "seq": self.seq, "state": self.state, "ledger": self.ledger,
                "offline": self.offline, "in_doubt": self.in_doubt, "code": self.code,
                "reason": self.reason, "resolved_by": self.resolved_by, "resolution": self.resolution,
                "created_at": self.created_at.isoformat(), "updated_at": self.updated_at.isoformat(),
                "command": self.command.to_json(),
                "receipt": self.receipt.to_json() if self.receipt else None}


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        id=UUID(row["id"]), seq=row["seq"], state=row["state"], ledger=row["ledger"],
        command=PostingCommand.from_json(json.loads(row["command"]) | {"id": row["id"]}),
        receipt=Receipt.from_json(json.loads(row["receipt"])) if row["receipt"] else None,
        offline=bool(row["offline"]), in_doubt=bool(row["in_doubt"]), code=row["code"],
        reason=row["reason"], resolved_by=row["resolved_by"], resolution=row["resolution"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]))


class Journal(SeenOnline):
    """An open journal file. Use `close()` (or `with`) when done.

    Callers must not write to the file by any other means: the chain makes that visible
    to `verify()`, which is the point.
    """

    def __init__(self, path: str | Path, *, terminal_id: str = "") -> None:
        self.path = Path(path)
        _private_file(self.path)
        self._lock = threading.RLock()
        self._head: tuple[int, str] | None = None
        self._db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False,
                                   timeout=30.0)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=30000")
        with self._tx():
            for stmt in SCHEMA.split(";"):
                if stmt.strip():
                    self._db.execute(stmt)
            if self._meta("created_at") is None:
                self._set_meta("created_at", _now())
                self._set_meta("terminal_id", terminal_id)
        self.terminal_id = self._meta("terminal_id") or terminal_id
        self.ownership = Ownership(self.path)
        self.owner = self.ownership.token

    # -- plumbing ---------------------------------------------------------------------

    def _tx(self):
        journal = self

        class _Tx:
            def __enter__(self_inner):
                journal._lock.acquire()
                try:
                    journal._db.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as exc:
                    journal._lock.release()
                    if "locked" in str(exc) or "busy" in str(exc):
                        raise JournalBusy("The terminal's journal is busy in another program; nothing was "
                                          "posted. Try again.") from exc
                    raise
                journal._head = None  # (seq, hash) once read in this transaction

            def __exit__(self_inner, exc_type, exc, tb):
                try:
                    if exc_type is None and journal._head is not None:
                        journal._set_meta("head_seq", str(journal._head[0]))
                        journal._set_meta("head_hash", journal._head[1])
                    journal._db.execute("COMMIT" if exc_type is None else "ROLLBACK")
                finally:
                    journal._head = None
                    journal._lock.release()
                return False
        return _Tx()

    def _meta(self, k: str) -> str | None:
        row = self._db.execute("SELECT v FROM meta WHERE k = ?", (k,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, k: str, v: str) -> None:
        self._db.execute("INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
                         (k, v))

    def _current(self, entry_id: str) -> dict | None:
        row = self._db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return dict(row) if row else None

    def _append(self, entry_id: str, rtype: str, body: dict, *, at: str | None = None) -> dict:
        """Append one record and update the index; call inside `_tx()`."""
        at = at or _now()
        if self._head is None:
            self._head = (int(self._meta("head_seq") or 0), self._meta("head_hash") or chain.GENESIS)
        head_seq, prev = self._head
        text = canonical(body)
        seq = head_seq + 1
        digest = record_hash(prev, entry_id, rtype, at, text)
        row = chain.apply(self._current(entry_id), entry_id, seq, rtype, at, body)
        self._db.execute("INSERT INTO records (seq, entry_id, type, at, body, prev_hash, hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", (seq, entry_id, rtype, at, text, prev, digest))
        cols = ", ".join(ENTRY_COLUMNS)
        marks = ", ".join("?" for _ in ENTRY_COLUMNS)
        self._db.execute(f"INSERT OR REPLACE INTO entries ({cols}) VALUES ({marks})",
                         [row[c] for c in ENTRY_COLUMNS])
        self._head = (seq, digest)  # written to meta when the transaction commits
        return row

    # -- writing ----------------------------------------------------------------------

    def append_pending(self, cmd: PostingCommand, *, ledger: str, offline: bool = False) -> Entry:
        """Write the intent, durably, before anything is sent. Returns the new entry."""
        with self._tx():
            if self._current(str(cmd.id)) is not None:
                raise AlreadyJournaled(f"posting {cmd.id} is already in the journal")
            self._append(str(cmd.id), PENDING, {"command": cmd.to_json(), "ledger": ledger,
                                                "offline": offline})
            self._claim(str(cmd.id))
        return self.entry(cmd.id)

    def append_refused(self, cmd: PostingCommand, code: str, reason: str, *, ledger: str,
                       offline: bool = False) -> Entry:
        """An intent refused before it was sent: its intent and its refusal in ONE transaction,
        so no other process can ever see it pending (and send it)."""
        with self._tx():
            if self._current(str(cmd.id)) is not None:
                raise AlreadyJournaled(f"posting {cmd.id} is already in the journal")
            self._append(str(cmd.id), PENDING, {"command": cmd.to_json(), "ledger": ledger,
                                                "offline": offline})
            self._append(str(cmd.id), REJECTED, {"code": code, "reason": reason, "in_doubt": False})
        return self.entry(cmd.id)

    def retry(self, cmd: PostingCommand, *, offline: bool = False) -> bool:
        """A refused entry submitted again with the same id: pending once more."""
        return self._transition(cmd.id, RETRY, {"command": cmd.to_json(), "offline": offline},
                                only_from=(REJECTED,))

    def _transition(self, entry_id: UUID, rtype: str, body: dict, *, only_from: Iterable[str]) -> bool:
        with self._tx():
            cur = self._current(str(entry_id))
            if cur is None:
                raise KeyError(f"posting {entry_id} is not in this journal")
            if cur["state"] not in only_from:
                return False
            if rtype in (POSTED, REJECTED) and cur["state"] == REJECTED and not cur["in_doubt"]:
                return False
            if rtype == RETRY and cur["in_doubt"]:
                return False
            self._append(str(entry_id), rtype, body)
            if rtype == RETRY:
                self._claim(str(entry_id))  # sent again, by this process only
            else:
                self._release(str(entry_id))  # an outcome, or queued for replay (offline)
            if rtype == POSTED:
                self._remember_receipt(cur["ledger"], body["receipt"])
            return True

    def _remember_receipt(self, ledger: str, receipt: dict) -> None:
        """The player's cash as the ledger just answered it (same transaction as the record)."""
        self._db.execute("INSERT OR REPLACE INTO known_balances VALUES (?, ?, ?, ?)",
                         (ledger, receipt["player_id"], receipt["cash_after"], _now()))

    def mark_offline(self, entry_id: UUID, *, shift_id: int | None = None) -> bool:
        """The send failed: queued for replay. `shift_id`: the shift it joins, when its intent
        left the choice to the database (it then counts in that shift's offline totals)."""
        return self._transition(entry_id, OFFLINE, {} if shift_id is None else {"shift_id": shift_id},
                                only_from=(PENDING,))

    def mark_posted(self, entry_id: UUID, receipt: Receipt, *, how: str = "live") -> bool:
        """Record the ledger's receipt. False if the entry had already left `pending`."""
        return self._transition(entry_id, POSTED, {"receipt": receipt.to_json(), "how": how},
                                only_from=(PENDING, REJECTED))

    def mark_posted_many(self, pairs: list[tuple[UUID, Receipt]], *, how: str = "replay") -> int:
        """Several receipts in one transaction (one fsync): replay's batches."""
        done = 0
        with self._tx():
            for entry_id, receipt in pairs:
                cur = self._current(str(entry_id))
                if cur is not None and cur["state"] == PENDING:
                    body = {"receipt": receipt.to_json(), "how": how}
                    self._append(str(entry_id), POSTED, body)
                    self._release(str(entry_id))
                    self._remember_receipt(cur["ledger"], body["receipt"])
                    done += 1
        return done

    def mark_rejected(self, entry_id: UUID, code: str, reason: str, *, in_doubt: bool = False,
                      backend_pid: int | None = None) -> bool:
        """Refused at the counter. `in_doubt`: the send broke, the ledger may still have it;
        `backend_pid`: the server process that ran the broken send, if known (replay settles
        the entry as soon as that process is gone, see `broken_send`)."""
        body = {"code": code, "reason": reason, "in_doubt": in_doubt}
        if in_doubt and backend_pid:
            body["backend_pid"] = int(backend_pid)
        return self._transition(entry_id, REJECTED, body, only_from=(PENDING, REJECTED))

    def broken_send(self, entry_id: UUID) -> tuple[int, datetime] | None:
        """(server process id, when it was recorded) of an entry in doubt whose broken send's
        server process is known; None otherwise."""
        with self._lock:
            row = self._db.execute("SELECT type, at, body FROM records WHERE entry_id = ? ORDER BY seq DESC LIMIT 1",
                                   (str(entry_id),)).fetchone()
        if row is None or row[0] != REJECTED:
            return None
        body = json.loads(row[2])
        if not body.get("in_doubt") or not body.get("backend_pid"):
            return None
        return int(body["backend_pid"]), datetime.fromisoformat(row[1])

    def mark_rejected_on_replay(self, entry_id: UUID, code: str, reason: str) -> bool:
        return self._transition(entry_id, REJECTED_ON_REPLAY, {"code": code, "reason": reason},
                                only_from=(PENDING,))

    def resolve(self, entry_id: UUID, staff_id: str, note: str) -> None:
        """A supervisor's note on a rejection on replay (or a posting found after a refusal)."""
        with self._tx():
            cur = self._current(str(entry_id))
            if cur is None:
                raise KeyError(f"posting {entry_id} is not in this journal")
            self._append(str(entry_id), RESOLVED, {"staff_id": staff_id, "note": note})

    # -- claims: one process sends an entry at a time ------------------------------------

    def _claim(self, entry_id: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO claims (entry_id, owner, at) VALUES (?, ?, ?)",
                         (entry_id, self.owner, _now()))

    def _release(self, entry_id: str) -> None:
        self._db.execute("DELETE FROM claims WHERE entry_id = ?", (entry_id,))

    def _held_elsewhere(self, owner: str | None) -> bool:
        return owner is not None and owner != self.owner and is_alive(self.path, owner)

    def claim_owner(self, entry_id: UUID) -> str | None:
        """The live process (token) sending this entry now, or None (nobody, or a dead one)."""
        with self._lock:
            row = self._db.execute("SELECT owner FROM claims WHERE entry_id = ?", (str(entry_id),)).fetchone()
        if row is None:
            return None
        return row[0] if row[0] == self.owner or is_alive(self.path, row[0]) else None

    def claim_in_doubt(self, *, ledger: str) -> list[tuple[UUID, str]]:
        """Claim, atomically, every entry in doubt (pending, or refused while the send broke)
        that no other live process holds; (id, state) of what this process now holds, oldest
        first. Entries another live process is sending are left to it."""
        with self._tx():
            rows = self._db.execute(
                "SELECT e.id, e.state, c.owner FROM entries e LEFT JOIN claims c ON c.entry_id = e.id "
                "WHERE (e.state = ? OR (e.state = ? AND e.in_doubt = 1)) AND e.ledger = ? ORDER BY e.seq",
                (PENDING, REJECTED, ledger)).fetchall()
            mine = []
            for entry_id, state, owner in rows:
                if self._held_elsewhere(owner):
                    continue
                if owner != self.owner:
                    self._claim(entry_id)
                mine.append((UUID(entry_id), state))
        return mine

    def claimed_pending(self, *, ledger: str) -> list[Entry]:
        """Pending entries this process holds, oldest first (replay's queue)."""
        return self._select("state = ? AND ledger = ? AND id IN (SELECT entry_id FROM claims WHERE owner = ?)",
                            (PENDING, ledger, self.owner))

    def release(self, entry_ids: Iterable[UUID]) -> None:
        """Give up this process's claims on `entry_ids` (what a replay did not get to)."""
        with self._tx():
            self._db.executemany("DELETE FROM claims WHERE entry_id = ? AND owner = ?",
                                 [(str(i), self.owner) for i in entry_ids])

    def queued_count(self, *, ledger: str, shift_id: int | None = None) -> int:
        """Pending entries waiting for replay: taken offline or left by a dead process — not
        the ones a live process is sending right now."""
        where, params = "e.state = ? AND e.ledger = ?", [PENDING, ledger]
        if shift_id is not None:
            where += " AND e.shift_id = ?"
            params.append(shift_id)
        with self._lock:
            rows = self._db.execute(f"SELECT c.owner FROM entries e LEFT JOIN claims c ON c.entry_id = e.id "
                                    f"WHERE {where}", params).fetchall()
        return sum(1 for (owner,) in rows if owner is None or not (owner == self.owner or is_alive(self.path, owner)))

    def unsettled_count(self, *, ledger: str) -> int:
        """Pending entries plus refusals still in doubt: work for the background replay."""
        with self._lock:
            return self._db.execute("SELECT count(*) FROM entries WHERE (state = ? OR (state = ? AND in_doubt = 1)) "
                                    "AND ledger = ?", (PENDING, REJECTED, ledger)).fetchone()[0]

    # -- reading ----------------------------------------------------------------------

    def _select(self, where: str = "1", params: tuple = ()) -> list[Entry]:
        with self._lock:
            rows = self._db.execute(f"SELECT * FROM entries WHERE {where} ORDER BY seq", params).fetchall()
        return [_entry(r) for r in rows]

    def entry(self, entry_id: UUID) -> Entry | None:
        found = self._select("id = ?", (str(entry_id),))
        return found[0] if found else None

    def entries(self, *, shift_id: int | None = None, terminal_id: str | None = None,
                since: datetime | None = None, until: datetime | None = None) -> list[Entry]:
        where, params = ["1"], []
        if shift_id is not None:
            where.append("shift_id = ?")
            params.append(shift_id)
        if terminal_id is not None:
            where.append("terminal_id = ?")
            params.append(terminal_id)
        out = self._select(" AND ".join(where), tuple(params))
        if since is not None:
            out = [e for e in out if e.created_at >= since]
        if until is not None:
            out = [e for e in out if e.created_at < until]
        return out

    def pending(self, *, ledger: str | None = None) -> list[Entry]:
        """Entries waiting to be sent, oldest first."""
        if ledger is None:
            return self._select("state = ?", (PENDING,))
        return self._select("state = ? AND ledger = ?", (PENDING, ledger))

    def unsettled_refusals(self) -> list[Entry]:
        """Refusals whose send broke and that replay has not settled yet: the ledger may still
        have them, so the cashier has no final answer ("pending" to an operator, too)."""
        return self._select("state = ? AND in_doubt = 1", (REJECTED,))

    def in_doubt_ids(self, *, ledger: str) -> list[tuple[UUID, str]]:
        """(id, state) of what `in_doubt` returns, without decoding the entries (replay's lookup)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, state FROM entries WHERE (state = ? OR (state = ? AND in_doubt = 1)) AND ledger = ? "
                "ORDER BY seq", (PENDING, REJECTED, ledger)).fetchall()
        return [(UUID(r[0]), r[1]) for r in rows]

    def in_doubt(self, *, ledger: str) -> list[Entry]:
        """Pending entries and refusals whose send broke: the ledger may have any of them."""
        return self._select("(state = ? OR (state = ? AND in_doubt = 1)) AND ledger = ?",
                            (PENDING, REJECTED, ledger))

    def needing_attention(self) -> list[Entry]:
        return [e for e in self._select("state = ? OR code = 'posted_after_refusal'", (REJECTED_ON_REPLAY,))
                if e.needs_attention]

    def pending_count(self, *, shift_id: int | None = None, ledger: str | None = None) -> int:
        where, params = ["state = ?"], [PENDING]
        if shift_id is not None:
            where.append("shift_id = ?")
            params.append(shift_id)
        if ledger is not None:
            where.append("ledger = ?")
            params.append(ledger)
        with self._lock:
            return self._db.execute(f"SELECT count(*) FROM entries WHERE {' AND '.join(where)}",
                                    params).fetchone()[0]

    def offline_total(self, *, ledger: str, shift_id: int | None, kind: str | None) -> Decimal:
        """What was taken offline in this shift (pending or since replayed; not refused);
        `kind` None: every kind (the ledger's per-shift allowance counts them all)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT amount FROM entries WHERE ledger = ? AND shift_id IS ? AND kind = coalesce(?, kind) "
                "AND offline = 1 AND state IN (?, ?)", (ledger, shift_id, kind, PENDING, POSTED)).fetchall()
        return sum((Decimal(r[0]) for r in rows), Decimal("0.00"))

    def pending_total(self, *, ledger: str, player_id: str, kind: str) -> Decimal:
        with self._lock:
            rows = self._db.execute(
                "SELECT amount FROM entries WHERE ledger = ? AND player_id = ? AND kind = ? AND state = ?",
                (ledger, player_id, kind, PENDING)).fetchall()
        return sum((Decimal(r[0]) for r in rows), Decimal("0.00"))

    # -- checking ---------------------------------------------------------------------

    def verify(self) -> list[JournalFinding]:
        """Every edited, inserted or deleted record or index row; empty when intact."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                records = self._db.execute(
                    "SELECT seq, entry_id, type, at, body, prev_hash, hash FROM records ORDER BY seq").fetchall()
                head_seq, head_hash = self._meta("head_seq"), self._meta("head_hash")
                stored = {r["id"]: dict(r) for r in self._db.execute("SELECT * FROM entries")}
            finally:
                self._db.execute("COMMIT")
        head = (int(head_seq), head_hash) if head_seq is not None else None
        return chain.verify_records([tuple(r) for r in records], head, stored)

    def record_count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM records").fetchone()[0]

    def close(self) -> None:
        """Release this process's claims (their entries are free for replay), then close."""
        with self._lock:
            if self.ownership is None:
                return
            try:
                self._db.execute("DELETE FROM claims WHERE owner = ?", (self.owner,))
            except sqlite3.Error:  # closing anyway: the dead owner's claims are free all the same
                pass
            self._db.close()
            self.ownership.close()
            self.ownership = None

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
