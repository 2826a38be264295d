"""The same exchange id sent twice at once (a retry racing its own first attempt, from a lost
connection): the second waits on the key, and then answers with the first exchange — one
exchange, no raw unique-key error (issue 17's noticed race). As the terminal login."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from tests.security.conftest import session
from tests.security.test_cage_exchange import _wait_until_blocked
from tests.security.test_posting_api_attacks import open_shift


def test_a_retry_racing_its_first_attempt_answers_with_the_first_exchange(secure, terminal):
    cashier, supervisor = session(terminal, "C100", "1111"), session(terminal, "S300", "3333")
    shift = open_shift(terminal, cashier, "100000")
    fx.set_rate(terminal, supervisor, "USD", Decimal("83"), Decimal("84"))
    exchange_id = uuid.uuid4()
    usd = Money(Decimal("100"), "USD")
    request_hash = f"fx:buy:USD:{usd.amount}:None:None"  # what ledger/exchange.py sends for these details
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()  # the first attempt: inserted, not yet committed
        conn.execute(text("SELECT * FROM cage.exchange(:id, :h, 'buy', 'USD', :a, :s)"),
                     {"id": exchange_id, "h": request_hash, "a": usd.amount, "s": cashier})

        def retry():
            try:
                outcome["x"] = fx.exchange(terminal, session=cashier, direction="buy", foreign=usd,
                                           posting_id=exchange_id)
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc
        worker = threading.Thread(target=retry)
        worker.start()
        _wait_until_blocked(secure.admin, terminal.login)  # the retry waits on the exchange's key
        tx.commit()
    worker.join(10)
    assert "error" not in outcome, outcome
    assert (outcome["x"].id, outcome["x"].replayed, outcome["x"].local) == (
        exchange_id, True, Money(Decimal("8300.00"), "INR"))
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges WHERE shift_id = :s"), {"s": shift}).scalar() == 1
