"""The supervisor's cage settings and the floor's markers tab, by keys, at a bound terminal
login: a rate set in the form is the rate the counter quotes; an authority limit set in the
grid makes the next exchange above it ask for a second PIN; a temporary line granted with a
second PIN shows in the player's credit history; markers due and their aging."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt

from cashier_desktop.domain.kinds import Kind
from cashier_desktop.ledger import credit_lines
from tests.support.factories import make_player
from tests.support.logins import add_staff_member
from tests.ui.conftest import activate, active_dialog, find_player, log_in, wait_until
from tests.ui.test_exchange_flow import _open_exchange, counter, hand_drawer_to  # noqa: F401 - the fixture


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.clear() if hasattr(widget, "clear") else None
    qtbot.keyClicks(widget, text)


def test_a_supervisor_sets_a_rate_and_a_limit_and_the_counter_follows_them(qtbot, counter):
    term, engine, owner = counter
    cashier = f"C{uuid.uuid4().hex[:6]}"
    add_staff_member(owner, cashier, "cashier", "5555")
    sup = log_in(qtbot, term, "S300", "3333")
    settings = sup.cage_settings
    assert settings is not None and sup.markers is not None
    sup.tabs.setCurrentWidget(settings)
    wait_until(qtbot, lambda: settings.rate_currency.findData("EUR") >= 0, what="rates loaded")
    settings.pages.setCurrentIndex(1)  # the rates' page
    settings.rate_currency.setCurrentIndex(settings.rate_currency.findData("EUR"))
    _type(qtbot, settings.buy, "95")
    _type(qtbot, settings.sell, "90")
    qtbot.keyClick(settings.sell, Qt.Key_Return)
    wait_until(qtbot, lambda: "cannot be higher" in settings.message.text(), what="refusal")
    _type(qtbot, settings.buy, "89.5")
    _type(qtbot, settings.sell, "91.25")
    qtbot.keyClick(settings.sell, Qt.Key_Return)
    wait_until(qtbot, lambda: "The EUR rate is in force" in settings.message.text(), what="rate saved")
    wait_until(qtbot, lambda: any("₹89.50" == (settings.rates.item(r, 1).text() if settings.rates.item(r, 1)
                                                       else "") for r in range(settings.rates.rowCount())),
               what="rate listed")
    # the limit: the cashier's exchange cell, ₹5,000, a reason, Enter
    settings.pages.setCurrentIndex(0)
    row = next(i for i, r in enumerate(settings.staff_rows) if r[0] == cashier)
    col = 1 + settings.types.index("exchange")
    settings.grid.setCurrentCell(row, col)
    assert settings.member.currentData() == cashier and settings.kind.currentData() == "exchange"
    _type(qtbot, settings.limit.edit, "5000")
    _type(qtbot, settings.reason, "new starter")
    qtbot.keyClick(settings.reason, Qt.Key_Return)
    wait_until(qtbot, lambda: settings.grid.item(row, col).text() == "₹5,000.00", what="limit in the grid")
    assert "limit is now ₹5,000.00" in settings.message.text()
    # own limit: refused with the database's sentence
    own = next(i for i, r in enumerate(settings.staff_rows) if r[0] == "S300")
    settings.grid.setCurrentCell(own, col)
    _type(qtbot, settings.limit.edit, "1")
    _type(qtbot, settings.reason, "me")
    qtbot.keyClick(settings.reason, Qt.Key_Return)
    wait_until(qtbot, lambda: "your own authority limit" in settings.message.text(), what="own limit refused")

    # the counter: the new rate quoted, the limit enforced (in the cashier's own drawer)
    hand_drawer_to(engine, term, cashier, "5555")
    term.login.show()
    window = log_in(qtbot, term, cashier, "5555")
    player = make_player(owner)
    find_player(qtbot, window, player)
    dialog = _open_exchange(qtbot, window, "100", "EUR")
    assert dialog.quote.text() == "The player gets ₹8,950.00 for €100.00."
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.approver_box.isVisible(), what="second PIN asked")


def test_the_floor_grants_a_temporary_line_and_sees_markers_due_and_aging(qtbot, counter):
    term, engine, owner = counter
    player = make_player(owner, name="Kabir Iyer")
    hand_drawer_to(engine, term, "F200", "2222")  # the floor manager issues the marker from their own drawer
    fm = log_in(qtbot, term, "F200", "2222")
    tab = fm.markers
    fm.tabs.setCurrentWidget(tab)
    _type(qtbot, tab.player, player)
    _type(qtbot, tab.limit.edit, "20000")
    _type(qtbot, tab.reason, "tournament week")
    _type(qtbot, tab.approver_id, "F200")
    _type(qtbot, tab.approver_pin, "2222")
    qtbot.keyClick(tab.approver_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "someone other than who asked" in tab.message.text(), what="own approval refused")
    _type(qtbot, tab.approver_id, "S300")
    _type(qtbot, tab.approver_pin, "3333")
    qtbot.keyClick(tab.approver_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "approved by S300" in tab.message.text(), what="line granted")
    assert credit_lines.effective_limit(owner, player) == Decimal("20000.00")

    # a cashier asks for a permanent line: the floor's queue shows the temporary one in force
    from cashier_desktop.terminal import credit
    from cashier_desktop.terminal.auth import StaffMember
    from cashier_desktop.terminal.session import Session
    from tests.support.logins import staff_session
    asking = Session(staff=StaffMember("C100", "Asha Rao", "cashier", session_token=staff_session(engine, "C100", "1111")),
                     terminal_id=term.ctx.terminal_id)
    credit.request_credit(term.ctx.services, asking, player, "30000", "regular")
    queue = fm.credit_queue
    fm.tabs.setCurrentWidget(queue)
    queue.refresh()
    wait_until(qtbot, lambda: any(r.player_id == player for r in queue.requests), what="request in the queue")
    assert queue.select_request(next(r.id for r in queue.requests if r.player_id == player))
    wait_until(qtbot, lambda: "temporary line ₹20,000.00 in force" in queue.player_head.text(),
               what="the temporary line in the queue's player panel")

    # at the counter: the line in force is the temporary one, and F7 issues a marker on it
    window = fm
    find_player(qtbot, window, player)
    counter_tab = window.cashier
    wait_until(qtbot, lambda: counter_tab.panel.values["limit"].text() == "₹20,000.00", what="line on the panel")
    wait_until(qtbot, lambda: counter_tab.buttons[Kind.MARKER_ISSUE].isEnabled(), what="F7 enabled")
    activate(qtbot, counter_tab)
    qtbot.keyClick(counter_tab, Qt.Key_F7)
    dialog = active_dialog(qtbot, counter_tab)
    qtbot.keyClicks(dialog.amount.edit, "4000")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    receipt = active_dialog(qtbot, counter_tab, "receipt_dialog")
    qtbot.keyClick(receipt, Qt.Key_Escape)
    wait_until(qtbot, lambda: counter_tab.panel.values["available"].text() == "₹16,000.00", what="credit left")
    fm.tabs.setCurrentWidget(tab)
    activate(qtbot, tab)
    qtbot.keyClick(tab.due, Qt.Key_F5, Qt.ControlModifier)
    wait_until(qtbot, lambda: any(tab.aging.item(r, 0).text() == player for r in range(tab.aging.rowCount())),
               what="aging row")
    assert all(tab.due.item(r, 1).text() != player for r in range(tab.due.rowCount()))  # due in 30 days
    tab.due_days.setFocus()
    tab.due_days.selectAll()
    qtbot.keyClicks(tab.due_days, "31")
    wait_until(qtbot, lambda: any(tab.due.item(r, 1).text() == player for r in range(tab.due.rowCount())),
               what="marker due within 31 days")
    assert "due)" in fm.tabs.tabText(fm.tabs.indexOf(tab))
    row = next(r for r in range(tab.aging.rowCount()) if tab.aging.item(r, 0).text() == player)
    assert [tab.aging.item(row, c).text() for c in range(1, 6)] == ["₹4,000.00", "₹0.00", "₹0.00", "₹0.00", "₹0.00"]

    # the player's history: the line's change and the marker with its due date
    activate(qtbot, counter_tab)
    fm.tabs.setCurrentWidget(counter_tab)
    qtbot.keyClick(counter_tab, Qt.Key_H, Qt.ControlModifier)
    history = active_dialog(qtbot, counter_tab)
    view = history.credit_lines
    wait_until(qtbot, lambda: view.changes.rowCount() == 1 and view.markers.rowCount() == 1, what="history loaded")
    assert [view.changes.item(0, c).text() for c in (1, 2, 3, 5, 6, 7)] == [
        "temporary", "₹0.00", "₹20,000.00", "F200", "S300", "tournament week"]
    assert view.markers.item(0, 3).text() == "₹4,000.00"
    assert "₹20,000.00" in view.summary.text()


def test_the_supervisor_sees_an_open_drawer_by_denomination(qtbot, counter):
    import json
    from sqlalchemy import text
    from tests.support.logins import staff_session
    term, engine, owner = counter
    player = make_player(owner)
    cashier = staff_session(engine, "C100", "1111")
    with engine.begin() as conn:  # a deposit with its notes, as the counter's login posts it
        conn.execute(text("""SELECT * FROM cage.post_with_notes(:id, 'h', 'deposit', :p, 1200, 'INR', :s,
            CAST(:n AS jsonb), NULL)"""), {"id": uuid.uuid4(), "p": player, "s": cashier,
                                           "n": json.dumps({"500": 2, "100": 2})})
    from cashier_desktop.domain.money import Money
    from cashier_desktop.ledger import exchange as fx
    fx.set_rate(engine, staff_session(engine, "S300", "3333"), "USD", Decimal("83"), Decimal("84"))
    fx.exchange(engine, session=cashier, direction="buy", foreign=Money(Decimal("100"), "USD"))  # ₹8,300 out
    sup = log_in(qtbot, term, "S300", "3333")
    settings = sup.cage_settings
    sup.tabs.setCurrentWidget(settings)
    settings.pages.setCurrentIndex(2)
    wait_until(qtbot, lambda: any(s.terminal_id == term.ctx.terminal_id for s in settings.open_shifts),
               what="open drawer listed")
    row = next(i for i, s in enumerate(settings.open_shifts) if s.terminal_id == term.ctx.terminal_id)
    shift = settings.open_shifts[row].id
    settings.drawers.setFocus()
    settings.drawers.setCurrentCell(row, 0)
    wait_until(qtbot, lambda: settings.holding.rowCount() == 4, what="holding shown")
    assert [[settings.holding.item(r, c).text() for c in range(3)] for r in range(4)] == [
        ["₹500.00", "2", "₹1,000.00"], ["₹100.00", "2", "₹200.00"], ["without notes", "—", "₹91,700.00"],
        ["USD — US dollar", "—", "$100.00"]]
    assert settings.holding_total.text() == f"Shift #{shift} should hold ₹92,900.00."
    assert [settings.exchanges.item(0, c).text() for c in range(1, 7)] == [
        "Player buys INR with USD", "$100.00", "₹8,300.00", "₹83.00", "—", "C100"]
    # closed, the drawer stays listed until signed off: its figures explain the variance
    with engine.begin() as conn:
        conn.execute(text("SELECT * FROM cage.close_shift(:s, :id, :c)"),
                     {"s": cashier, "id": shift, "c": Decimal("92900.00")})
    settings.refresh()
    wait_until(qtbot, lambda: any(s.id == shift and s.status == "closed" for s in settings.open_shifts),
               what="closed drawer listed")
    row = next(i for i, s in enumerate(settings.open_shifts) if s.id == shift)
    assert settings.drawers.item(row, 4).text() == "closed"
