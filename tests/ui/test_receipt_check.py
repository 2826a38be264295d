"""The supervisor scans (types + Enter) a receipt's code: genuine, then the row is tampered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.domain.receipt_code import ReceiptCode
from cashier_desktop.ui.app import Terminal
from tests.support.counter import post_at_terminal
from tests.support.factories import cmd, make_player
from tests.ui.conftest import log_in, make_services, wait_until


@pytest.fixture
def desk(qapp, fresh_ledger, terminal_id):
    url, engine = fresh_ledger
    services = make_services(url, engine, terminal_id)
    term = Terminal(services)
    term.login.show()
    yield term, engine
    term.close()


def _scan(qtbot, check, payload: str) -> None:
    check.field.clear()
    check.field.setFocus()
    qtbot.keyClicks(check.field, payload)
    results = []
    check.checked.connect(results.append)
    qtbot.keyClick(check.field, Qt.Key_Return)
    wait_until(qtbot, lambda: bool(results), what="receipt checked")


def test_a_scanned_receipt_is_genuine_until_its_ledger_row_is_altered(qtbot, desk):
    terminal, engine = desk
    player = make_player(engine, name="Meera Nair")
    r = post_at_terminal(engine, cmd("deposit", player, "7500"))  # a receipt another counter printed
    window = log_in(qtbot, terminal, "S300", "3333")
    window.tabs.setCurrentWidget(window.supervisor)
    check = window.supervisor.receipt_check
    payload = ReceiptCode(r.id, r.hash).payload()

    _scan(qtbot, check, payload)
    assert check.result.text().startswith("Genuine") and "₹7,500.00" in check.result.text()
    assert check.result.property("error") == "false"

    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE ledger_transactions DISABLE TRIGGER USER")
        conn.execute(text("UPDATE ledger_transactions SET amount = 75, cash_delta = 75 WHERE id = :id"),
                     {"id": r.id})
        conn.exec_driver_sql("ALTER TABLE ledger_transactions ENABLE TRIGGER USER")
    _scan(qtbot, check, payload)
    assert check.result.text().startswith("ALTERED") and str(r.id) in check.result.text()
    assert check.result.property("error") == "true"

    _scan(qtbot, check, "hello")
    assert "not a receipt code" in check.result.text() and check.result.property("error") == "true"
