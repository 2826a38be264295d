"""What a supervisor sees of a drawer during its shift: the expected holding by denomination
(the cashier's own count stays blind: `cage.drawer_holding` answers a supervisor only)."""

from __future__ import annotations

from ..domain.roles import Action, require
from ..ledger import drawer_holding as ledger_holding
from ..ledger.db import warn_if_gui_thread
from .auth import StaffMember
from .fx import require_session

Holding = ledger_holding.Holding
ForeignHolding = ledger_holding.ForeignHolding


def holding(services, staff: StaffMember, shift_id: int) -> list[Holding]:
    """The drawer of shift `shift_id` by denomination, largest note first."""
    warn_if_gui_thread("drawer_holding")
    require(staff.role, Action.SIGN_OFF_SHIFT)
    return services.ledger.drawer_holding(require_session(staff), int(shift_id))


def exchanges(services, staff: StaffMember, shift_id: int) -> list:
    """The shift's exchanges, oldest first: what moved its local and foreign cash besides postings."""
    warn_if_gui_thread("shift_exchanges")
    require(staff.role, Action.SIGN_OFF_SHIFT)
    return services.ledger.shift_exchanges(int(shift_id))


def foreign_holding(services, staff: StaffMember, shift_id: int) -> list[ForeignHolding]:
    """The drawer's foreign cash by note, per currency: its exchanges' notes, and the foreign
    cash moved without notes on a row of its own (a supervisor's read)."""
    warn_if_gui_thread("drawer_foreign_holding")
    require(staff.role, Action.SIGN_OFF_SHIFT)
    return services.ledger.drawer_foreign_holding(require_session(staff), int(shift_id))
