"""Every window and dialog at a cage PC's 1366×768 and at 1920×1080, in every state a cashier,
floor manager or supervisor meets (normal, integrity alert, offline, refused): nothing clipped,
nothing off screen, every text readable (tests/ui/layout_checks.py measures)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from PySide6.QtCore import QCoreApplication

from cashier_desktop.domain.errors import LedgerUnavailable
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.ui import messages
from tests.support.databases import login_as
from tests.support.factories import cmd, make_player
from tests.support.shifts import open_test_shift
from tests.ui.conftest import find_player, log_in, post_as_owner, wait_until
from tests.ui.layout_checks import SCREENS, maximise, problems
from tests.ui.other_counter import closed_shift_with_variance, request_credit_elsewhere

pytestmark = pytest.mark.parametrize("screen_name", list(SCREENS))
translate = QCoreApplication.translate  # the Hindi runs (test_layout_fit_hindi.py) reuse these tests



@pytest.fixture(autouse=True)
def english_system_font(qapp):
    """These are the English layouts, in the system's font. A test that switched to Hindi
    leaves the application font with the Devanagari family added, which draws Latin text
    taller too; the Hindi layouts are checked with the translations, not here."""
    from PySide6.QtGui import QFontDatabase
    from cashier_desktop.ui.i18n import current_language
    assert current_language() == "en"
    before = qapp.font()
    qapp.setFont(QFontDatabase.systemFont(QFontDatabase.GeneralFont))
    yield
    qapp.setFont(before)


def _check(window, screen_name: str, state: str) -> None:
    found = problems(window, SCREENS[screen_name])
    shots = os.environ.get("LAYOUT_SHOTS")  # a folder: keep what was checked, to look at
    if shots:
        name = re.sub(r"[^a-z0-9]+", "-", f"{type(window).__name__}-{state}-{screen_name}".lower())
        Path(shots).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(shots) / f"{name}.png"))
    assert not found, f"{type(window).__name__} at {screen_name}, {state}:\n  " + "\n  ".join(found)


def _main(qtbot, terminal, staff: str, pin: str, screen_name: str):
    window = log_in(qtbot, terminal, staff, pin)
    maximise(window, SCREENS[screen_name])
    return window


def _closed_shift_with_variance(engine, player: str) -> int:
    """A cashier's shift at another counter, 6,19,000 short (wide figures on the desk)."""
    return closed_shift_with_variance(engine, player, deposit="620000", counts={"2000": 1},
                                      terminal_id=f"T-VAR-{player[-6:]}")


def _raise_alert(engine, player: str) -> None:
    """The incident: a balance written by hand, caught by the integrity watch."""
    from cashier_desktop.monitoring.watch import Watch
    watch = Watch(login_as(engine, "monitor"))
    watch.step()
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = balance + 10000, total_deposits = total_deposits + 10000 "
                          "WHERE id = :p"), {"p": player})
    try:
        for _ in range(200):
            watch.step()
            with engine.connect() as conn:
                if conn.execute(text("SELECT 1 FROM integrity_alerts WHERE player_id = :p AND status = 'open'"),
                                {"p": player}).first():
                    return
        raise AssertionError("no alert raised")
    finally:
        watch.close()


def test_login_window_normal_and_locked_out(qtbot, terminal, engine, screen_name):
    import uuid

    from cashier_desktop.ledger.staff import add_staff
    staff_id = f"L{uuid.uuid4().hex[:6]}"
    add_staff(engine, staff_id, "Lockout Test", "cashier", "4321")
    _check(terminal.login, screen_name, "normal")
    for _ in range(6):
        terminal.login.staff_id.setText(staff_id)
        terminal.login.pin.setText("0000")
        terminal.login.submit()
        wait_until(qtbot, lambda: terminal.login.problem.text() not in ("", translate("LoginWindow", "Checking…")),
                   what="refusal")
        if staff_id in terminal.login.problem.text():  # only the lockout names the staff id (either language)
            break
    assert staff_id in terminal.login.problem.text(), terminal.login.problem.text()
    _check(terminal.login, screen_name, "refused: locked out")
    terminal.ctx.status.set_online(False, "test")
    terminal.ctx.status.set_pending(4)
    _check(terminal.login, screen_name, "offline")


def test_cashier_window_normal_refused_offline_and_alert(qtbot, terminal, engine, services, terminal_id,
                                                         screen_name):
    player = make_player(engine, name="Meera Nair")
    post_as_owner(engine, cmd("deposit", player, "125000", terminal_id=terminal_id))
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    _check(window, screen_name, "no shift, no player")
    find_player(qtbot, window, player)
    wait_until(qtbot, lambda: window.cashier.recent.rowCount() >= 1, what="recent postings")
    _check(window, screen_name, "player shown")
    window.cashier.start(Kind.DEPOSIT)  # refused: no shift open
    assert window.cashier.message.property("error") == "true"
    _check(window, screen_name, "refused")
    terminal.ctx.status.set_online(False, "test")
    terminal.ctx.status.set_pending(3)
    terminal.ctx.status.set_feed_state("reconnecting")
    _check(window, screen_name, "offline")
    terminal.ctx.status.set_online(True)
    terminal.ctx.status.set_pending(0)
    _raise_alert(engine, player)
    window.cashier.refresh_player()
    wait_until(qtbot, lambda: window.cashier.panel.alert_label.isVisible(), what="alert marked")
    _check(window, screen_name, "integrity alert")


def test_floor_manager_window_and_credit_queue(qtbot, terminal, engine, screen_name):
    player = make_player(engine, name="Vikram Chandrasekhar Venkataraman")
    request_credit_elsewhere(engine, player, "250000",
                             "regular for six years, pays markers on time; asks for a higher line for the weekend")
    window = _main(qtbot, terminal, "F200", "2222", screen_name)
    _check(window, screen_name, "normal")
    queue = window.credit_queue
    window.tabs.setCurrentWidget(queue)
    wait_until(qtbot, lambda: any(r.player_id == player for r in queue.requests), what="request in queue")
    assert queue.select_request(next(r.id for r in queue.requests if r.player_id == player))
    qtbot.wait(50)
    _check(window, screen_name, "credit queue")
    _raise_alert(engine, player)
    queue._limit_for = None  # show the request anew, as selecting it again does
    queue._on_selected()
    wait_until(qtbot, lambda: queue.alert_label.isVisible(), what="alert marked in the queue")
    _check(window, screen_name, "credit queue, alert")
    terminal.ctx.status.set_online(False, "test")
    terminal.ctx.status.set_pending(12)
    _check(window, screen_name, "offline")


def test_supervisor_shift_review_shows_the_variance_and_the_alert(qtbot, terminal, engine, screen_name):
    player = make_player(engine, name="Kabir Bose")
    shift_id = _closed_shift_with_variance(engine, player)
    window = _main(qtbot, terminal, "S300", "3333", screen_name)
    desk = window.supervisor
    window.tabs.setCurrentWidget(desk)
    wait_until(qtbot, lambda: desk.select_shift(shift_id), what="shift listed")
    wait_until(qtbot, lambda: desk.report is not None and desk.report.shift.id == shift_id, what="report")
    _check(window, screen_name, "shift review")
    # Every column of the shift list is on screen without scrolling; the variance is too.
    header = desk.shift_table.horizontalHeader()
    right = header.sectionViewportPosition(header.count() - 1) + header.sectionSize(header.count() - 1)
    assert right <= desk.shift_table.viewport().width() + 1, "shift list columns scrolled off"
    for context, label in (("ShiftReport", "Variance"), ("ShiftReport", "Count"), ("ShiftReport", "Signed off"),
                           ("SupervisorTab", "Reconciliation")):
        assert translate(context, label) in desk.figures.text(), label
    assert desk.postings.viewport().height() >= 3 * desk.postings.verticalHeader().defaultSectionSize()
    assert desk.signoff_button.isEnabled() and desk.variance_value.isVisible()
    assert "−₹" in desk.variance_value.text() or "-₹" in desk.variance_value.text()
    _raise_alert(engine, player)
    wait_until(qtbot, lambda: window.monitor.banner.isVisible(), what="alert banner")
    _check(window, screen_name, "integrity alert")
    desk.info_refusal("Give the reason for the reversal first.")
    _check(window, screen_name, "refused")
    desk.receipt_check.field.setText("not a receipt code")
    desk.receipt_check.check()
    wait_until(qtbot, lambda: desk.receipt_check.button.isEnabled() and desk.receipt_check.result.isVisible()
               and desk.receipt_check.result.property("error") == "true", what="receipt check refused")
    _check(window, screen_name, "receipt check refused")
    desk.run_integrity()  # the alert's balance: findings listed under the desk
    wait_until(qtbot, lambda: desk.findings.isVisible() and desk.integrity_button.isEnabled(), what="findings")
    _check(window, screen_name, "integrity findings")
    _check(desk.findings_window, screen_name, "integrity findings")
    desk.findings_window.close()
    terminal.ctx.status.set_online(False, "test")
    terminal.ctx.status.set_pending(7)
    _check(window, screen_name, "offline")
    terminal.ctx.status.set_online(True)
    terminal.ctx.status.set_pending(0)
    window.tabs.setCurrentWidget(window.monitor)
    wait_until(qtbot, lambda: window.monitor.alerts.rowCount() >= 1, what="alerts listed")
    _check(window, screen_name, "monitor with an alert")


def _posting_dialog(qtbot, terminal, engine, terminal_id, screen_name, amount: str):
    player = make_player(engine, name="Rohan Iyer")
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    find_player(qtbot, window, player)
    dialog = window.cashier.start(Kind.DEPOSIT)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.amount.edit, amount)
    return window, dialog


def test_posting_dialog_large_amount_second_staff_and_id(qtbot, terminal, engine, terminal_id, screen_name):
    _window, dialog = _posting_dialog(qtbot, terminal, engine, terminal_id, screen_name, "900000")
    _check(dialog, screen_name, "amount typed")
    dialog.advance()
    wait_until(qtbot, lambda: dialog.confirm_box.isVisible(), what="large-amount warning")
    _check(dialog, screen_name, "large-amount warning")
    # Both further steps at once (the tallest the dialog gets), with the hint for the next one.
    dialog.need_approver = dialog.need_id = True
    dialog._sync_sections()
    dialog.problem.setText("A second staff member must enter their id and PIN.")
    _check(dialog, screen_name, "second staff and ID")


def test_posting_dialog_for_a_balance_under_an_alert(qtbot, terminal, engine, terminal_id, screen_name):
    player = make_player(engine, name="Kabir Bose")
    _raise_alert(engine, player)
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    find_player(qtbot, window, player)
    wait_until(qtbot, lambda: window.cashier.panel.alert_label.isVisible(), what="panel marked")
    dialog = window.cashier.start(Kind.WITHDRAWAL)
    qtbot.waitExposed(dialog)
    assert dialog.alert_label.isVisible()
    _check(dialog, screen_name, "alert")


def test_posting_dialog_refused(qtbot, terminal, engine, terminal_id, screen_name):
    _window, dialog = _posting_dialog(qtbot, terminal, engine, terminal_id, screen_name, "12.345")
    dialog.advance()
    assert dialog.amount.problem.text() and dialog.amount.problem.is_refusal()
    assert dialog.amount.edit.property("invalid") == "true"  # its border turns dark red, and stays
    _check(dialog, screen_name, "refused amount")
    dialog._on_refused(LedgerUnavailable("down"))
    _check(dialog, screen_name, "refused: ledger down")


def test_shift_dialogs(qtbot, terminal, engine, terminal_id, screen_name):
    from cashier_desktop.ui.shift_dialogs import CloseShiftDialog, OpenShiftDialog
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    opening = OpenShiftDialog(terminal.ctx, window.session, window)
    opening.show()
    qtbot.waitExposed(opening)
    opening.grid.set_pieces({"2000": 5, "500": 20, "100": 10})
    _check(opening, screen_name, "open shift")
    opening._refused(LedgerUnavailable("down"))
    _check(opening, screen_name, "open shift refused")
    opening.reject()
    open_test_shift(engine, terminal_id, "C100", "1000")
    closing = CloseShiftDialog(terminal.ctx, window.session, window)
    closing.show()
    qtbot.waitExposed(closing)
    _check(closing, screen_name, "close shift")
    closing.reject()


def test_adopt_dialog(qtbot, qapp, screen_name):
    from cashier_desktop.ui.app import apply_style
    from cashier_desktop.ui.monitor_view import CorrectionDialog
    apply_style(qapp)
    summary = ("Alert 12: player 179 disagrees with the ledger (cash balance, total deposits); changed by "
               "an outside session at 2026-12-04 10:42:07.")
    for verb in ("adopt", "revert", "dismiss"):
        dialog = CorrectionDialog(verb, {"id": 12, "summary": summary}, "S300")
        dialog.show()
        qtbot.waitExposed(dialog)
        _check(dialog, screen_name, verb)
        dialog.close()


def test_receipt_and_credit_request_dialogs(qtbot, terminal, engine, terminal_id, screen_name):
    window, dialog = _posting_dialog(qtbot, terminal, engine, terminal_id, screen_name, "2500")
    tab = window.cashier
    dialog.advance()
    wait_until(qtbot, lambda: tab.receipt_dialog is not None and tab.receipt_dialog.isVisible(), what="receipt")
    _check(tab.receipt_dialog, screen_name, "receipt")
    tab.receipt_dialog.accept()
    wait_until(qtbot, lambda: tab.receipt_dialog is None, what="receipt closed")
    _check(window, screen_name, "after a posting")
    tab.request_credit()
    wait_until(qtbot, lambda: tab.dialog is not None and tab.dialog.isVisible(), what="credit request")
    _check(tab.dialog, screen_name, "credit request")
    if hasattr(tab.dialog, "problem"):
        tab.dialog.problem.setText(messages.LEDGER_UNAVAILABLE)
        _check(tab.dialog, screen_name, "credit request refused")


def test_player_history(qtbot, terminal, engine, terminal_id, screen_name):
    player = make_player(engine, name="Meera Nair")
    for amount in ("1000", "250000", "75"):
        post_as_owner(engine, cmd("deposit", player, amount, terminal_id=terminal_id))
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    tab = window.cashier
    find_player(qtbot, window, player)
    tab.show_history()
    wait_until(qtbot, lambda: tab.dialog is not None and tab.dialog.isVisible(), what="history")
    wait_until(qtbot, lambda: tab.dialog.page is not None, what="history page")
    _check(tab.dialog, screen_name, "history")
