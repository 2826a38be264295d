"""What the terminal last saw online, kept in its journal's file for offline decisions.

The last cash seen per player (an offline withdrawal is judged against it), the terminal's
open shift (offline postings join it), its database login's offline allowance (nothing is
taken offline that the ledger's replay would refuse), the staff who logged in here online (their offline
verifier and role) and the offline login attempts with their lockouts (sent to the audit
log on replay). A part of `Journal` (journal/store.py), which owns the file, its lock and
its transactions; the tables are created there.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from decimal import Decimal


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")  # as journal/store.py


class SeenOnline:
    """The journal's memory of the online ledger (methods of `Journal`)."""

    def remember_balance(self, ledger: str, player_id: str, cash: Decimal) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO known_balances VALUES (?, ?, ?, ?)",
                             (ledger, player_id, str(cash), _now()))

    def known_balance(self, ledger: str, player_id: str) -> Decimal | None:
        with self._lock:
            row = self._db.execute("SELECT cash FROM known_balances WHERE ledger = ? AND player_id = ?",
                                   (ledger, player_id)).fetchone()
        return Decimal(row[0]) if row else None

    def remember_shift(self, ledger: str, terminal_id: str, shift_id: int | None,
                       staff_id: str | None = None) -> None:
        """The terminal's open shift (None: none), and its cashier when the caller knows it."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO known_shifts VALUES (?, ?, ?, ?)",
                             (ledger, terminal_id, shift_id, _now()))
            if staff_id is not None or shift_id is None:
                self._db.execute("INSERT OR REPLACE INTO known_shift_cashiers VALUES (?, ?, ?, ?, ?)",
                                 (ledger, terminal_id, shift_id, staff_id, _now()))

    def known_shift_cashier(self, ledger: str, terminal_id: str) -> tuple[int, str] | None:
        """(shift, its cashier) of the terminal's known open shift, when its cashier is known
        (a cashier remembered for an earlier shift is not this one's)."""
        with self._lock:
            row = self._db.execute(
                "SELECT c.shift_id, c.staff_id FROM known_shift_cashiers c JOIN known_shifts s "
                "ON s.ledger = c.ledger AND s.terminal_id = c.terminal_id AND s.shift_id = c.shift_id "
                "WHERE c.ledger = ? AND c.terminal_id = ? AND c.staff_id IS NOT NULL",
                (ledger, terminal_id)).fetchone()
        return (row[0], row[1]) if row else None

    def known_shift(self, ledger: str, terminal_id: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT shift_id FROM known_shifts WHERE ledger = ? AND terminal_id = ?",
                                   (ledger, terminal_id)).fetchone()
        return row[0] if row else None

    def remember_allowance(self, ledger: str, terminal_id: str, limit: Decimal | None,
                           total: Decimal | None) -> None:
        """The login's offline allowance as the ledger said it (None, None: it sets none)."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO known_allowances VALUES (?, ?, ?, ?, ?)",
                             (ledger, terminal_id, None if limit is None else str(limit),
                              None if total is None else str(total), _now()))

    def known_allowance(self, ledger: str, terminal_id: str) -> tuple[Decimal | None, Decimal | None] | None:
        """(per posting, per shift) last learned online; None if never learned here."""
        with self._lock:
            row = self._db.execute("SELECT offline_limit, offline_total FROM known_allowances "
                                   "WHERE ledger = ? AND terminal_id = ?", (ledger, terminal_id)).fetchone()
        if row is None:
            return None
        return tuple(None if v is None else Decimal(v) for v in row)

    def remember_staff(self, ledger: str, staff_id: str, name: str, role: str, pin_hash: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO staff_cache VALUES (?, ?, ?, ?, ?, ?)",
                             (ledger, staff_id, name, role, pin_hash, _now()))

    def forget_staff(self, ledger: str, staff_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM staff_cache WHERE ledger = ? AND id = ?", (ledger, staff_id))

    def offline_lockout(self, ledger: str, staff_id: str) -> tuple[int, int, str | None]:
        """(failed attempts, lockouts in a row, locked until ISO) of offline logins here."""
        with self._lock:
            row = self._db.execute("SELECT failed, lockouts, locked_until FROM offline_lockouts "
                                   "WHERE ledger = ? AND id = ?", (ledger, staff_id)).fetchone()
        return (row[0], row[1], row[2]) if row else (0, 0, None)

    def note_offline_login(self, ledger: str, staff_id: str, outcome: str, *, failed: int, lockouts: int,
                           locked_until: str | None) -> None:
        """One offline login attempt (sent to the audit log on replay) and the lockout state."""
        with self._tx():
            self._db.execute("INSERT INTO offline_logins (ledger, id, at, outcome) VALUES (?, ?, ?, ?)",
                             (ledger, staff_id, _now(), outcome))
            self._db.execute("INSERT OR REPLACE INTO offline_lockouts VALUES (?, ?, ?, ?, ?)",
                             (ledger, staff_id, failed, lockouts, locked_until))

    def unsent_offline_logins(self, ledger: str) -> list[tuple[int, str, str, str]]:
        """(seq, staff id, at, outcome) of offline login attempts not yet in the audit log."""
        with self._lock:
            return [tuple(r) for r in self._db.execute(
                "SELECT seq, id, at, outcome FROM offline_logins WHERE ledger = ? AND sent = 0 ORDER BY seq",
                (ledger,)).fetchall()]

    def mark_offline_logins_sent(self, seqs: Iterable[int]) -> None:
        with self._tx():
            self._db.executemany("UPDATE offline_logins SET sent = 1 WHERE seq = ?", [(s,) for s in seqs])

    def cached_staff(self, ledger: str, staff_id: str) -> tuple[str, str, str] | None:
        """(name, role, pin_hash) of a staff member last authenticated here online."""
        with self._lock:
            row = self._db.execute("SELECT name, role, pin_hash FROM staff_cache WHERE ledger = ? AND id = ?",
                                   (ledger, staff_id)).fetchone()
        return tuple(row) if row else None
