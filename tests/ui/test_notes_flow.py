"""Notes at the counter (issue 17), by keys, at a bound terminal login: a deposit's amount
splits into the drawer's preferred notes, the cashier edits them before Enter, and the
supervisor's Drawers page shows the drawer holding them; a split that does not add up is
one sentence and posts nothing."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from cashier_desktop.ledger.queries import get_balance
from tests.support.factories import make_player
from tests.ui.conftest import activate, active_dialog, find_player, log_in, wait_until
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the fixture


def _open_deposit(qtbot, window, amount: str):
    tab = window.cashier
    activate(qtbot, window)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, amount)
    return dialog


def _retype_notes(qtbot, dialog, text: str) -> None:
    """Tab from the amount to the notes, select what is there, type over it."""
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.notes_line.edit
    qtbot.keyClick(dialog.notes_line.edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(dialog.notes_line.edit, text)


def test_a_deposit_splits_into_notes_the_cashier_edits_and_the_supervisor_sees_them(qtbot, counter):
    term, engine, owner = counter
    player = make_player(owner)
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_deposit(qtbot, window, "2300")
    assert dialog.notes_line.edit.text() == "500x4, 100x3"  # the preferred notes, largest first
    assert dialog.notes_line.sum_label.text() == "= ₹2,300.00"
    _retype_notes(qtbot, dialog, "500x3, 200x2, 100x4")
    assert dialog.notes_line.sum_label.text() == "= ₹2,300.00"
    qtbot.keyClick(dialog.notes_line.edit, Qt.Key_Return)
    tab = window.cashier
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    assert ("Notes taken in\n500 × 3: ₹1,500.00\n200 × 2: ₹400.00\n100 × 4: ₹400.00\n"
            "Notes total: ₹2,300.00") in receipt.plain_text()  # as edited, not as split
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹2,300.00", what="balance shown")
    qtbot.keyClick(tab.receipt_dialog, Qt.Key_Escape)

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier | Qt.ShiftModifier)
    wait_until(qtbot, lambda: term.login.isVisible() and not window.isVisible(), what="logged out")
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
    # the float of ₹1,00,000 was opened without a count: cash without notes
    assert [[settings.holding.item(r, c).text() for c in range(3)] for r in range(4)] == [
        ["₹500.00", "3", "₹1,500.00"], ["₹200.00", "2", "₹400.00"], ["₹100.00", "4", "₹400.00"],
        ["without notes", "—", "₹1,00,000.00"]]


def test_notes_that_do_not_add_up_are_one_sentence_and_post_nothing(qtbot, counter):
    term, engine, owner = counter
    player = make_player(owner)
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_deposit(qtbot, window, "2300")
    _retype_notes(qtbot, dialog, "500x4, 100x2")
    assert dialog.notes_line.sum_label.text() == "= ₹2,200.00, not the amount"
    qtbot.keyClick(dialog.notes_line.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.problem.text() != "", what="refusal")
    assert dialog.problem.text() == ("The notes come to ₹2,200.00 but the amount is ₹2,300.00; "
                                     "nothing was posted.")
    assert dialog.isVisible() and dialog.focusWidget() is dialog.notes_line.edit
    assert get_balance(owner, player, currency="INR").cash.amount == Decimal("0")
    # put right, the same dialog posts
    qtbot.keyClick(dialog.notes_line.edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(dialog.notes_line.edit, "500x4, 100x3")
    qtbot.keyClick(dialog.notes_line.edit, Qt.Key_Return)
    active_dialog(qtbot, window.cashier, "receipt_dialog")
    assert get_balance(owner, player, currency="INR").cash.amount == Decimal("2300")


def test_a_withdrawal_pays_out_notes_and_an_unsplittable_amount_records_none(qtbot, counter):
    term, engine, owner = counter
    player = make_player(owner)  # nothing is posted: the line is what is tested
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    tab = window.cashier
    activate(qtbot, window)
    qtbot.keyClick(tab, Qt.Key_F6)
    dialog = active_dialog(qtbot, tab)
    assert dialog.notes_line.label.text().replace("&", "") == "Notes paid out"
    qtbot.keyClicks(dialog.amount.edit, "1250.50")  # no note or coin makes the 50 paise
    assert dialog.notes_line.edit.text() == "" and dialog.notes_line.sum_label.text() == "not recorded"
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Backspace)
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Backspace)
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Backspace)
    assert dialog.notes_line.edit.text() == "500x2, 100x2, 50x1"


def test_a_reprint_read_back_from_the_ledger_prints_its_notes(qtbot, counter):
    from cashier_desktop.terminal.services import open_journal
    term, engine, owner = counter
    open_journal(term.ctx.services, start_replay=False)  # a cage terminal's postings go through its journal
    player, other = make_player(owner), make_player(owner)
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    dialog = _open_deposit(qtbot, window, "600")
    assert dialog.notes_line.edit.text() == "500x1, 100x1"
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    tab = window.cashier
    qtbot.keyClick(active_dialog(qtbot, tab, "receipt_dialog"), Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.receipt_dialog is None, what="receipt closed")
    find_player(qtbot, window, other)
    find_player(qtbot, window, player)  # the list read back from the ledger: rows without notes
    wait_until(qtbot, lambda: tab.recent.rowCount() == 1 and not tab.recent.receipts[0].notes_in,
               what="the ledger's row listed")
    tab.recent.setFocus()
    tab.recent.selectRow(0)
    activate(qtbot, tab)
    qtbot.keyClick(tab.recent, Qt.Key_R, Qt.ControlModifier)
    again = active_dialog(qtbot, tab, "receipt_dialog")
    assert "REPRINT" in again.plain_text()
    assert "Notes taken in\n500 × 1: ₹500.00\n100 × 1: ₹100.00\nNotes total: ₹600.00" in again.plain_text()


def test_a_reprint_of_a_posting_made_at_another_terminal_prints_its_notes_from_the_ledger(qtbot, counter):
    """Made at terminal B's own login, reprinted here: this terminal's journal never saw it, so
    the notes come from the ledger (`cage.posting_notes`, migration 0026) with the facts."""
    import uuid

    from cashier_desktop.ledger.posting import post
    from tests.support.databases import login_as
    from tests.support.factories import cmd
    from tests.support.logins import staff_session
    from tests.support.shifts import open_test_shift
    term, engine, owner = counter
    player = make_player(owner)
    other = f"T-NB-{uuid.uuid4().hex[:6]}"
    open_test_shift(owner, other, "C100", "0")
    b = login_as(owner, "terminal", terminal_id=other)
    made = post(b, cmd("deposit", player, "1200", terminal_id=other, notes_in={"500": 2, "200": 1},
                       session=staff_session(b, "C100", "1111")))
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    tab = window.cashier
    wait_until(qtbot, lambda: tab.recent.rowCount() == 1 and tab.recent.receipts[0].id == made.id,
               what="B's posting listed")
    assert not tab.recent.receipts[0].notes_in  # the list's row carries none
    tab.recent.setFocus()
    tab.recent.selectRow(0)
    activate(qtbot, tab)
    qtbot.keyClick(tab.recent, Qt.Key_R, Qt.ControlModifier)
    again = active_dialog(qtbot, tab, "receipt_dialog")
    assert "REPRINT" in again.plain_text() and other in again.plain_text()
    assert "Notes taken in\n500 × 2: ₹1,000.00\n200 × 1: ₹200.00\nNotes total: ₹1,200.00" in again.plain_text()


def _marker(owner, player: str, amount: str) -> None:
    """Set-up as the schema owner: a credit line of ₹10,000 and a marker of `amount` drawn on it."""
    import uuid

    from sqlalchemy import text
    with owner.begin() as conn:
        conn.execute(text("""SELECT * FROM cage.post(:id, 'h', 'credit_line', :p, 10000, 'INR',
            p_staff => 'F200', p_approver => 'F200', p_reason => 'annual review')"""),
                     {"id": uuid.uuid4(), "p": player})
        conn.execute(text("""SELECT * FROM cage.post(:id, 'h', 'marker_issue', :p, :a, 'INR',
            p_staff => 'C100', p_approver => 'F200')"""), {"id": uuid.uuid4(), "p": player, "a": amount})


def test_a_marker_redemption_paid_in_cash_records_its_notes_in_the_ledger(qtbot, counter):
    from sqlalchemy import text

    from cashier_desktop.domain.kinds import Kind
    term, engine, owner = counter
    player = make_player(owner)
    _marker(owner, player, "5000")
    window = log_in(qtbot, term, "C100", "1111")
    find_player(qtbot, window, player)
    tab = window.cashier
    wait_until(qtbot, lambda: tab.buttons[Kind.MARKER_REDEEM].isEnabled(), what="F8 enabled with a marker")
    activate(qtbot, window)
    qtbot.keyClick(tab, Qt.Key_F8)
    dialog = active_dialog(qtbot, tab)
    assert dialog.kind is Kind.MARKER_REDEEM
    assert dialog.notes_line.label.text() == "Notes &taken in"
    qtbot.keyClicks(dialog.amount.edit, "2300")
    assert dialog.notes_line.edit.text() == "500x4, 100x3"  # split by the preferred notes
    _retype_notes(qtbot, dialog, "500x2, 200x5, 100x3")
    assert dialog.notes_line.sum_label.text() == "= ₹2,300.00"
    qtbot.keyClick(dialog.notes_line.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    assert "Transaction: Marker redemption" in receipt.plain_text()
    assert "500 × 2: ₹1,000.00\n200 × 5: ₹1,000.00\n100 × 3: ₹300.00" in receipt.plain_text()
    with owner.connect() as conn:  # the ledger's record, through the same posting API
        rows = conn.execute(text("""SELECT n.denomination, n.pieces_in, n.pieces_out, t.kind, t.drawer_delta
            FROM posting_notes n JOIN ledger_transactions t ON t.id = n.posting_id
            WHERE t.player_id = :p ORDER BY n.denomination DESC"""), {"p": player}).all()
        credit = conn.execute(text("SELECT current_credit FROM players WHERE id = :p"), {"p": player}).scalar_one()
    assert [(format(r.denomination.normalize(), "f"), r.pieces_in, r.pieces_out) for r in rows] == [
        ("500", 2, 0), ("200", 5, 0), ("100", 3, 0)]
    assert {(r.kind, r.drawer_delta) for r in rows} == {("marker_redeem", Decimal("2300.00"))}
    assert credit == Decimal("2700.00")
