"""A fill for a test's drawer: since 0023 a drawer pays out only the cash it should hold, so a
test that pays out more than its shift's float asks the main bank for a fill, as a cage does."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.engine import Engine

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import transfers
from tests.support.logins import staff_session


def fill_drawer(engine: Engine, cashier_session: uuid.UUID, amount: str, *, currency: str = "INR") -> None:
    """Fund the main bank from the count room with `amount`, then fill the open drawer of
    `engine`'s terminal with it (signed by the floor manager F200 and the drawer's cashier)."""
    money = Money(Decimal(amount), currency)
    supervisor, floor = staff_session(engine, "S300", "3333"), staff_session(engine, "F200", "2222")
    transfers.transfer(engine, kind="fund", amount=money, sender_session=supervisor, receiver_session=floor,
                       reason="test: from the count room")
    transfers.transfer(engine, kind="fill", amount=money, sender_session=floor, receiver_session=cashier_session)
