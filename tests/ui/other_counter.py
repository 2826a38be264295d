"""Another counter of the test's database, doing what people there do, at its own terminal login.

A GUI test drives one terminal (its own services, bound to its terminal id). What the rest
of the cage does before the test looks at it — a cashier's shift with a variance, a credit
request filed at another window — is made here as it is in production: at that counter's
own terminal login (`add-login --terminal-id`), by staff who logged in there with their PIN,
through the same terminal services the GUI calls. The database decides it all, so set-up
cannot do what no counter could (the superuser `engine` is for what no terminal does:
players, a hand-written incident).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.engine import Engine

from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.receipts import Receipt
from cashier_desktop.ledger.credit import CreditRequest
from cashier_desktop.ledger.shifts import ShiftRecord
from cashier_desktop.monitoring.corrections import Correction
from cashier_desktop.terminal import counter, credit, monitoring, shifts
from cashier_desktop.terminal.session import Session, login
from tests.support.counter import DEMO_PINS
from tests.support.factories import cmd
from tests.support.shifts import make_services


class OtherCounter:
    """A terminal of the database of `admin` (a superuser engine, used only to find the
    database), with services connected as the login bound to it."""

    def __init__(self, admin: Engine, terminal_id: str | None = None) -> None:
        self.terminal_id = terminal_id or f"T-OTHER-{uuid.uuid4().hex[:8]}"
        self.services = make_services(admin, self.terminal_id)

    def log_in(self, staff_id: str = "C100") -> Session:
        """A demo staff member logs in here with their PIN (the database opens the session)."""
        return login(self.services, staff_id, DEMO_PINS[staff_id])

    def open_shift(self, staff_id: str = "C100", float_amount: str = "0") -> Session:
        """`staff_id` logs in and opens this counter's shift with `float_amount`."""
        session = self.log_in(staff_id)
        shifts.open_shift(self.services, session, float_amount=float_amount)
        return session

    def deposit(self, session: Session, player_id: str, amount: str) -> Receipt:
        """A cash deposit taken by `session` in its shift."""
        command = cmd(Kind.DEPOSIT, player_id, amount, staff=session.staff.id, terminal_id=self.terminal_id,
                      shift_id=session.shift.id)
        return counter.submit(self.services, session.staff, command)

    def close_shift(self, session: Session, counts: dict[str, int]) -> ShiftRecord:
        """The blind count (denomination -> pieces) closes the shift; the database works out
        expected and variance."""
        return shifts.close_shift(self.services, session, counts)

    def request_credit(self, player_id: str, limit: str | Decimal, note: str, staff_id: str = "C100",
                       ) -> CreditRequest:
        """`staff_id` logs in here and files a credit request for the player."""
        return credit.request_credit(self.services, self.log_in(staff_id), player_id, limit, note)

    def revert_alert(self, alert_id: int, reason: str, staff_id: str = "S300") -> Correction:
        """A supervisor here reverts an integrity alert's outside change (their PIN, their session)."""
        return monitoring.revert_alert(self.services, alert_id, staff_id=staff_id, pin=DEMO_PINS[staff_id],
                                       reason=reason)


def closed_shift_with_variance(admin: Engine, player_id: str, *, deposit: str, counts: dict[str, int],
                               float_amount: str = "1000", terminal_id: str | None = None) -> int:
    """A cashier's shift at another counter: opened with `float_amount`, one deposit from the
    player, then closed with the blind count `counts` (a variance when it falls short).
    Returns the shift's id."""
    other = OtherCounter(admin, terminal_id)
    session = other.open_shift("C100", float_amount)
    shift_id = session.shift.id
    other.deposit(session, player_id, deposit)
    other.close_shift(session, counts)
    return shift_id


def request_credit_elsewhere(admin: Engine, player_id: str, limit: str | Decimal, note: str,
                             staff_id: str = "C100") -> CreditRequest:
    """A credit request filed by `staff_id` at another counter (they log in there)."""
    return OtherCounter(admin).request_credit(player_id, limit, note, staff_id)
