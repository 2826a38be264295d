"""The floor's Markers tab by its Alt letters alone (issue 17: keyboard flows for each screen):
Alt+K opens it, each field of the temporary-line form is one Alt letter away, Enter grants."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashier_desktop.ledger import credit_lines
from tests.support.factories import make_player
from tests.ui.conftest import activate, log_in, wait_until
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the fixture

ALT = Qt.AltModifier


def test_a_temporary_line_granted_by_alt_letters_alone(qtbot, counter):
    term, _engine, owner = counter
    player = make_player(owner)
    fm = log_in(qtbot, term, "F200", "2222")
    tab = fm.markers
    activate(qtbot, fm)
    qtbot.keyClick(fm, Qt.Key_K, ALT)  # Mar&kers
    wait_until(qtbot, lambda: fm.tabs.currentWidget() is tab, what="markers tab")
    for key, field, text in ((Qt.Key_P, tab.player, player), (Qt.Key_L, tab.limit.edit, "20000"),
                             (Qt.Key_D, tab.days, None), (Qt.Key_R, tab.reason, "tournament week"),
                             (Qt.Key_A, tab.approver_id, "S300"), (Qt.Key_I, tab.approver_pin, "3333")):
        qtbot.keyClick(fm, key, ALT)
        focused = QApplication.focusWidget()
        assert focused is field or focused.parent() is field, f"Alt+{chr(key)} went to {focused!r}"
        if text is not None:
            qtbot.keyClicks(field, text)
    qtbot.keyClick(tab.approver_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "approved by S300" in tab.message.text(), what="line granted")
    assert credit_lines.effective_limit(owner, player) == Decimal("20000.00")
