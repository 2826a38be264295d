"""A fill above the bank signer's authority limit at the window (migration 0029), by keys
alone: the database refuses it, the dialog then shows a third person's staff id and PIN, and
the fill posts with them, the approver kept with the transfer."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import authority, transfers
from tests.support.logins import add_staff_member, staff_session
from tests.ui.conftest import activate, log_in, wait_until
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the fixture


def test_a_fill_above_the_bank_signers_limit_asks_for_a_third_pin_and_posts_with_it(qtbot, counter):
    term, engine, owner = counter
    floor = f"F{uuid.uuid4().hex[:6]}"  # a limit on F200 would reach the other tests
    add_staff_member(owner, floor, "floor_manager", "6666")
    sup = staff_session(engine, "S300", "3333")
    authority.set_limit(engine, session=sup, staff_id=floor, kind="fill", limit=Decimal("1000"), reason="runner cap")
    transfers.transfer(engine, kind="fund", amount=Money(Decimal("2500"), "INR"), sender_session=sup,
                       receiver_session=staff_session(engine, "F200", "2222"), reason="test: count room")
    window = log_in(qtbot, term, "C100", "1111")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="shift seen")
    activate(qtbot, window)
    said: list[str] = []
    window.show_message = lambda message, **_: said.append(message)
    window.bank("fill")
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    assert not dialog.approver_box.isVisible()
    qtbot.keyClicks(dialog.amount.edit, "2500")
    qtbot.keyClick(dialog, Qt.Key_S, Qt.AltModifier)
    qtbot.keyClicks(dialog.bank_id, floor)
    qtbot.keyClick(dialog, Qt.Key_P, Qt.AltModifier)
    qtbot.keyClicks(dialog.bank_pin, "6666")
    qtbot.keyClick(dialog.bank_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.approver_box.isVisible(), what="the third person asked for")
    assert f"above the authority of {floor}" in dialog.problem.text()
    qtbot.keyClicks(dialog.bank_pin, "6666")
    qtbot.keyClick(dialog, Qt.Key_V, Qt.AltModifier)
    assert dialog.focusWidget() is dialog.approver_id
    qtbot.keyClicks(dialog.approver_id, "S300")
    qtbot.keyClick(dialog, Qt.Key_N, Qt.AltModifier)
    qtbot.keyClicks(dialog.approver_pin, "3333")
    qtbot.keyClick(dialog.approver_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: said, what="the fill posted")
    assert said[-1].startswith("Fill of ₹2,500.00")
    with owner.connect() as conn:
        assert conn.execute(text("SELECT approver_id FROM bank_transfers WHERE sender_id = :f"),
                            {"f": floor}).scalar() == "S300"
