"""The Cage settings' limits form sets a limit for the types migration 0029 added, by keys
alone: Alt+F the staff member, Alt+Y the type (a fill, by the arrow keys), Alt+I the limit,
Alt+O the reason, Enter saves; the grid's column for fills shows it and the ledger keeps it."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from tests.support.logins import add_staff_member
from tests.ui.conftest import activate, log_in, wait_until
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the fixture

ALT = Qt.AltModifier


def _arrow_to(qtbot, combo, data) -> None:
    qtbot.keyClick(combo, Qt.Key_Home)
    while combo.currentData() != data:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key_Down)
        assert combo.currentIndex() != before, f"{data} not reachable by the arrow keys"


def test_a_fill_limit_is_set_by_keys_alone_and_shown_in_its_column(qtbot, counter):
    term, _engine, owner = counter
    floor = f"F{uuid.uuid4().hex[:6]}"
    add_staff_member(owner, floor, "floor_manager", "6666")
    sup = log_in(qtbot, term, "S300", "3333")
    settings = sup.cage_settings
    activate(qtbot, sup)
    qtbot.keyClick(sup, Qt.Key_T, ALT)
    wait_until(qtbot, lambda: settings.member.findData(floor) >= 0, what="loaded")
    qtbot.keyClick(sup, Qt.Key_A, ALT)
    assert settings.pages.currentIndex() == 0
    for t in ("fill", "credit", "fund", "remit", "temporary_credit", "reversal", "adjust_in", "adjust_out"):
        assert settings.kind.findData(t) >= 0, t
    col = 1 + settings.types.index("fill")
    assert settings.grid.horizontalHeaderItem(col).text() == "Fill"

    qtbot.keyClick(sup, Qt.Key_F, ALT)
    assert QApplication.focusWidget() is settings.member
    _arrow_to(qtbot, settings.member, floor)
    qtbot.keyClick(sup, Qt.Key_Y, ALT)
    assert QApplication.focusWidget() is settings.kind
    _arrow_to(qtbot, settings.kind, "fill")
    qtbot.keyClick(sup, Qt.Key_I, ALT)
    assert QApplication.focusWidget() is settings.limit.edit
    qtbot.keyClicks(settings.limit.edit, "7500")
    qtbot.keyClick(sup, Qt.Key_O, ALT)
    qtbot.keyClicks(settings.reason, "bank runner cap")
    qtbot.keyClick(settings.reason, Qt.Key_Return)
    row = next(i for i, r in enumerate(settings.staff_rows) if r[0] == floor)
    wait_until(qtbot, lambda: settings.grid.item(row, col).text() == "₹7,500.00", what="fill limit in the grid")
    with owner.connect() as conn:
        kept = conn.execute(text("SELECT max_amount, set_by FROM cage.authority_limits "
                                 "WHERE staff_id = :s AND kind = 'fill'"), {"s": floor}).one()
    assert (str(kept.max_amount), kept.set_by) == ("7500.00", "S300")
