"""Foreign exchange at the counter (issue 17): quote, exchange, and the supervisor's rates.

An exchange is never taken offline: the rate in force, the identification threshold and
the drawer are the database's to decide in the exchange's one call (`cage.exchange`), so
a staff member without a database session is refused here with a sentence.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING
from uuid import UUID

from ..domain.errors import InvalidInput, NotAuthorized
from ..domain.fx import check_direction, parse_rate
from ..domain.money import Money
from ..domain.notes import notes_json
from ..domain.roles import Action, require
from ..ledger import exchange as ledger_fx
from ..ledger.db import warn_if_gui_thread
from .auth import StaffMember, verify_approver

if TYPE_CHECKING:
    from ..domain.notes import Notes
    from .verbs import Credentials

Exchange = ledger_fx.Exchange
CurrencyRate = ledger_fx.CurrencyRate


def require_session(staff: StaffMember) -> UUID:
    """The database session the cage-operation APIs act for (none offline: refused)."""
    if staff.session_token is None:
        raise NotAuthorized("This needs the ledger: log in again when the terminal is back online.")
    return staff.session_token


def rates(services) -> list[CurrencyRate]:
    """Every currency the cage exchanges with the rate in force now."""
    warn_if_gui_thread("rates")
    return services.ledger.rates_in_force()


def exchange(services, staff: StaffMember, direction: str, foreign: Money, *, player_id: str | None = None,
             quoted_rate: int | None = None, posting_id: UUID | None = None,
             approver: "Credentials | None" = None, id_type: str | None = None,
             id_number: str | None = None, notes: "Notes" = ()) -> Exchange:
    """Buy (`buy`: foreign cash in, the cage's currency out) or sell foreign cash, ONE call.

    `notes`: the foreign notes taken in (buy) or paid out (sell); empty: not recorded.

    `quoted_rate` is the id of the rate the player was shown: a changed rate is refused
    (RateChanged), never applied silently. The same `posting_id` sent again answers with
    the first exchange."""
    warn_if_gui_thread("exchange")
    direction = check_direction(direction)
    require(staff.role, Action.WITHDRAW if direction == "buy" else Action.DEPOSIT)
    if foreign.currency == services.currency.code:
        raise InvalidInput(f"An exchange is between {services.currency.code} and a foreign currency.")
    session = require_session(staff)
    second = None
    if approver is not None:
        second = verify_approver(services, approver.staff_id, approver.pin)
    return services.ledger.exchange(
        session=session, direction=direction, foreign=foreign, posting_id=posting_id,
        approver_session=second.session_token if second else None, player_id=(player_id or "").strip() or None,
        quoted_rate=quoted_rate, id_type=(id_type or "").strip() or None,
        id_number=(id_number or "").strip() or None, notes=notes_json(notes) if notes else None)


def set_rate(services, staff: StaffMember, currency: str, buy: str | Decimal, sell: str | Decimal) -> int:
    """A supervisor stores a new buy and sell rate for `currency`, in force at once."""
    warn_if_gui_thread("set_rate")
    if staff.role != "supervisor":  # the database checks the role again (cage.set_fx_rate)
        raise NotAuthorized(f"As a {staff.role_enum.label.lower()} you cannot set an exchange rate; ask a supervisor.")
    code = (currency or "").strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise InvalidInput(f"“{currency}” is not a currency code such as USD.")
    buy_rate = buy if isinstance(buy, Decimal) else parse_rate(str(buy), "buy rate")
    sell_rate = sell if isinstance(sell, Decimal) else parse_rate(str(sell), "sell rate")
    if buy_rate > sell_rate:
        raise InvalidInput("The buy rate cannot be higher than the sell rate: the cage would lose on every pair.")
    return services.ledger.set_rate(require_session(staff), code, buy_rate, sell_rate)


def shift_exchanges(services, shift_id: int) -> list[Exchange]:
    """A shift's exchanges, oldest first: the counter reprints their receipts from these."""
    warn_if_gui_thread("shift_exchanges")
    return services.ledger.shift_exchanges(int(shift_id))
