"""The foreign notes of an exchange (issue 17, migration 0031), by keys alone: the foreign
amount is split by the currency's preferred notes, edited with Alt+O, and posted with them;
the supervisor's Drawers page then shows the drawer's dollars by note."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.support.factories import make_player
from tests.ui.conftest import active_dialog, find_player, log_in, wait_until
from tests.ui.test_exchange_flow import _open_exchange, _set_rate, counter  # noqa: F401 - the fixture


def test_an_exchanges_notes_are_split_edited_posted_and_shown_by_note_on_the_drawers_page(qtbot, counter):
    term, engine, owner = counter
    _set_rate(engine, "83", "84")
    player = make_player(owner)
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "370")
    assert dialog.notes.edit.text() == "100x3, 20x3, 10x1"  # the preferred notes, largest first
    assert dialog.notes.label.text().replace("&", "") == "Foreign notes taken in"
    qtbot.keyClick(dialog, Qt.Key_O, Qt.AltModifier)
    assert dialog.focusWidget() is dialog.notes.edit
    dialog.notes.edit.selectAll()
    qtbot.keyClicks(dialog.notes.edit, "100x3, 50x1, 20x1")
    assert dialog.notes.sum_label.text() == "= $370.00"
    qtbot.keyClick(dialog.notes.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, window.cashier, "receipt_dialog")
    qtbot.keyClick(receipt, Qt.Key_Escape)
    with owner.connect() as conn:
        kept = conn.execute(text("""SELECT n.denomination, n.pieces_in, n.pieces_out FROM exchange_notes n
            JOIN fx_exchanges x ON x.id = n.exchange_id WHERE x.player_id = :p ORDER BY n.denomination DESC"""),
                            {"p": player}).all()
    assert [tuple(r) for r in kept] == [(Decimal("100.00"), 3, 0), (Decimal("50.00"), 1, 0), (Decimal("20.00"), 1, 0)]

    sup = log_in(qtbot, term, "S300", "3333")
    settings = sup.cage_settings
    sup.tabs.setCurrentWidget(settings)
    settings.pages.setCurrentIndex(2)
    wait_until(qtbot, lambda: any(s.terminal_id == term.ctx.terminal_id for s in settings.open_shifts),
               what="open drawer listed")
    row = next(i for i, s in enumerate(settings.open_shifts) if s.terminal_id == term.ctx.terminal_id)
    settings.drawers.setFocus()
    settings.drawers.setCurrentCell(row, 0)
    wait_until(qtbot, lambda: settings.holding.rowCount() == 4, what="holding shown")
    shown = [[settings.holding.item(r, c).text() for c in range(3)] for r in range(settings.holding.rowCount())]
    assert shown[1:] == [["$100.00", "3", "$300.00"], ["$50.00", "1", "$50.00"], ["$20.00", "1", "$20.00"]]
