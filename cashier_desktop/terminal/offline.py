"""The terminal with the ledger unreachable: what may still be posted, who may still log in.

`authorize_offline` is what `authorize` can still check without the ledger;
`authenticate_offline` logs in staff who logged in here before, by the verifier the journal
keeps (`remember_login`); `send_offline_logins` puts those attempts into the audit log once
the ledger is back (the poster's replay calls it). `JournaledSide` (terminal/local.py) is
the only caller outside tests.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from ..domain.commands import PostingCommand
from ..domain.errors import NotAuthorized, ShiftNotOpen
from ..domain.kinds import Kind
from ..journal.store import Journal
from ..ledger.journal_port import PostgresLedger
from .online import Link

log = logging.getLogger(__name__)

OFFLINE_KINDS = (Kind.DEPOSIT, Kind.WITHDRAWAL)


def authorize_offline(link: Link, staff, cmd: PostingCommand) -> PostingCommand:
    """What `authorize` can still check with the ledger unreachable.

    Only deposits and withdrawals can be taken offline, which every role may make; the
    posting joins the shift this terminal last saw open. Policy caps come after, in the
    poster.
    """
    if cmd.staff_id != staff.id:
        raise NotAuthorized.not_own_id()
    if cmd.kind not in OFFLINE_KINDS:
        link.policy.check(cmd, taken_in_shift=0, last_known_cash=None, pending_withdrawals=0)
    shift = cmd.shift_id if cmd.shift_id is not None else link.known_shift()
    if shift is None:
        raise ShiftNotOpen("The ledger is offline and no open shift is known on this terminal; "
                           "nothing can be taken until a shift is open.")
    # Only the drawer's cashier posts cash into it (0021): refused here, in the ledger's own
    # sentence, rather than taken and refused on replay.
    link.check_shift_cashier(shift, staff.id)
    return replace(cmd, shift_id=shift)


def authenticate_offline(journal: Journal, link: Link, staff_id: str, pin: str, *,
                         attempts: int = 5, minutes: int = 5):
    """Log in with the ledger unreachable: only staff who logged in on this terminal while
    it was online, by the offline verifier and role cached then (`session.login` calls
    this). Offline logins lock out like online ones (`attempts` wrong PINs lock for
    `minutes`, doubling with each lockout in a row), and every attempt is journaled and
    sent to the audit log on replay (`send_offline_logins`)."""
    from datetime import datetime, timedelta, timezone

    from ..domain.errors import AccountLocked, AuthenticationFailed
    from ..domain.pins import pin_matches
    from .auth import StaffMember
    link.went_offline("login while the ledger is unreachable")
    ledger = link.ledger_name
    pending = _remembering.get(id(journal))
    if pending is not None:
        pending.join(timeout=10)  # a verifier still being computed after the last online login
    failed, lockouts, until = journal.offline_lockout(ledger, staff_id)
    now = datetime.now(timezone.utc)
    if until is not None and datetime.fromisoformat(until) > now:
        journal.note_offline_login(ledger, staff_id, "locked", failed=failed, lockouts=lockouts, locked_until=until)
        raise AccountLocked(f"{staff_id} is locked after too many wrong PINs on this terminal until "
                            f"{until[11:16]} UTC; the ledger is offline.")
    cached = journal.cached_staff(ledger, staff_id)
    if cached is not None and pin_matches(cached[2], pin or ""):
        journal.note_offline_login(ledger, staff_id, "ok", failed=0, lockouts=0, locked_until=None)
        return StaffMember(staff_id, cached[0], cached[1])
    if failed + 1 >= attempts:
        until = (now + timedelta(minutes=minutes * 2 ** min(lockouts, 8))).isoformat()
        journal.note_offline_login(ledger, staff_id, "locked", failed=0, lockouts=lockouts + 1, locked_until=until)
        raise AccountLocked(f"Too many wrong PINs: {staff_id} is locked on this terminal until {until[11:16]} UTC.")
    journal.note_offline_login(ledger, staff_id, "wrong_pin", failed=failed + 1, lockouts=lockouts, locked_until=until)
    raise AuthenticationFailed("Staff id or PIN not recognised. The ledger is offline: only staff who "
                               "have logged in on this terminal before can log in now.")


def remember_login(journal: Journal, ledger: str, staff, pin: str) -> None:
    """After an online login the database accepted: keep an offline verifier of this PIN
    (Argon2id, about a second a guess: see domain/pins.py), computed here from what was
    typed; the ledger's own verifier never leaves the database. Best effort."""
    from ..domain.pins import hash_pin, pin_matches
    try:
        cached = journal.cached_staff(ledger, staff.id)
        if cached is not None and cached[:2] == (staff.name, staff.role) and pin_matches(cached[2], pin):
            return
        journal.remember_staff(ledger, staff.id, staff.name, staff.role, hash_pin(pin))
    except Exception:  # noqa: BLE001 - a login never fails for the cache's sake
        log.warning("could not cache staff %s for offline login", staff.id, exc_info=True)


_remembering: dict[int, threading.Thread] = {}


def remember_login_later(journal: Journal, ledger: str, staff, pin: str) -> None:
    """`remember_login` on a thread of its own: the verifier costs about a second, which an
    online login need not wait for (an offline login waits for it instead)."""
    previous = _remembering.get(id(journal))

    def work() -> None:
        if previous is not None:
            previous.join()
        remember_login(journal, ledger, staff, pin)
    thread = threading.Thread(target=work, name="remember-login", daemon=True)
    _remembering[id(journal)] = thread
    thread.start()


def finish_remembering(journal: Journal, timeout: float = 30.0) -> None:
    """Wait for a verifier still being computed (before the journal closes)."""
    pending = _remembering.pop(id(journal), None)
    if pending is not None:
        pending.join(timeout)


def send_offline_logins(journal: Journal, port: PostgresLedger) -> int:
    """Offline login attempts into the audit log (`offline_login`, with the terminal's
    time as `offline_at`; the database stamps its own time and login). Returns how many."""
    rows = journal.unsent_offline_logins(port.name)
    if not rows:
        return 0
    port.record_offline_logins(journal.terminal_id, [(staff_id, at, outcome) for _seq, staff_id, at, outcome in rows])
    journal.mark_offline_logins_sent(r[0] for r in rows)
    return len(rows)
