"""Every window and dialog at a cage PC's 1366×768 and at 1920×1080, in every state a cashier,
floor manager or supervisor meets (normal, integrity alert, offline, refused): nothing clipped,
nothing off screen, every text readable (tests/ui/layout_checks.py measures)."""

from __future__ import annotations

import time

import os
import re
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from PySide6.QtCore import QCoreApplication, Qt

from cashier_desktop.domain.errors import LedgerUnavailable
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.terminal import shifts
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
    terminal.ctx.status.set_refused(_refused_on_replay(player, 12))  # counter, Recent row, sentence
    assert window.status_bar.pending.property("state") == "bad" and window.cashier.message.is_refusal()
    _check(window, screen_name, "offline, postings refused on replay")
    terminal.ctx.status.set_online(True)
    terminal.ctx.status.set_pending(0)
    # the feed's age as long as it gets ("last event 10.5 h ago"): in a slow run a longer age
    # once made the bar, not the counter, 1 px wider than the screen
    terminal.ctx.status.last_event_at = time.monotonic() - 37800
    window.status_bar.refresh()
    _check(window, screen_name, "postings refused on replay")
    terminal.ctx.status.set_refused(())
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
    # Terminals whose offline postings the ledger refused on replay, named first (set-up: the
    # heartbeat rows such terminals would have written).
    import uuid
    with engine.begin() as conn:
        for n in (1, 12, 3, 4):
            conn.execute(text("INSERT INTO terminal_heartbeats (terminal_id, staff_id, seen_at, pending_entries, "
                              "feed_state, refused_entries) VALUES (:t, 'C100', now(), 2, 'connected', :n)"),
                         {"t": f"T-REF-{uuid.uuid4().hex[:8]}", "n": n})
    window.monitor.refresh()
    refused = translate("MonitorView", "✖ %1 REFUSED on replay").replace("%1", "12")
    wait_until(qtbot, lambda: refused in window.monitor.figures["terminals"].text(), what="refused named")
    _check(window, screen_name, "monitor with postings refused on replay")


def test_cage_accountability_window(qtbot, terminal, engine, services, screen_name):
    from cashier_desktop.ledger.api_tables import store_policy
    with engine.begin() as conn:
        store_policy(conn, services.policy)
    for i in range(3):  # three drawers open beside the bank and the markers
        open_test_shift(engine, f"T-ACC-{i}-{uuid.uuid4().hex[:6]}", "C100", str(1000 * (i + 1)))
    window = _main(qtbot, terminal, "S300", "3333", screen_name)
    desk = window.supervisor
    window.tabs.setCurrentWidget(desk)
    desk.show_accountability()
    shown = desk.accountability_window
    wait_until(qtbot, lambda: shown.lines and shown.show_button.isEnabled(), what="accountability lines")
    _check(shown, screen_name, "accountability")
    shown.info.show_refusal(translate("AccountabilityWindow", "%1 lines do not agree with the ledger.").replace("%1", "2"))
    _check(shown, screen_name, "accountability, lines disagree")
    from dataclasses import replace
    first = shown.lines[0]  # a drawer's foreign cash (0034), long figures, one that disagrees
    shown._show(list(shown.lines) + [
        replace(first, amount=Decimal("1234567.89"), ledger=Decimal("1234567.89"), currency="USD"),
        replace(first, amount=Decimal("99999.50"), ledger=Decimal("1250.50"), currency="EUR")])
    _check(shown, screen_name, "accountability with foreign cash")
    _check(window, screen_name, "supervisor desk with the accountability open")
    shown.close()


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


def test_posting_dialog_with_notes_that_do_not_add_up(qtbot, terminal, engine, terminal_id, screen_name):
    _window, dialog = _posting_dialog(qtbot, terminal, engine, terminal_id, screen_name, "2300")
    assert dialog.notes_line.edit.text() == "500x4, 100x3"
    _check(dialog, screen_name, "notes split")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Tab)
    qtbot.keyClick(dialog.notes_line.edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(dialog.notes_line.edit, "500x4, 100x2")
    dialog.advance()
    assert dialog.problem.text() and dialog.problem.is_refusal()
    _check(dialog, screen_name, "notes do not add up")


def test_marker_redemption_dialog_with_its_notes_line(qtbot, terminal, engine, terminal_id, screen_name):
    from tests.ui.test_notes_flow import _marker
    player = make_player(engine, name="Rohan Iyer")
    _marker(engine, player, "5000")
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    find_player(qtbot, window, player)
    wait_until(qtbot, lambda: window.cashier.buttons[Kind.MARKER_REDEEM].isEnabled(), what="F8 enabled")
    dialog = window.cashier.start(Kind.MARKER_REDEEM)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.amount.edit, "4880")
    assert dialog.notes_line.edit.text() == "500x9, 100x3, 50x1, 10x3"
    _check(dialog, screen_name, "redemption notes split")


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
    _with_foreign_lines(qtbot, closing)
    _check(closing, screen_name, "close shift")
    closing.foreign.state, closing.foreign.error = "failed", LedgerUnavailable("down")
    closing.submit()  # the longest sentence this dialog says before anything is sent
    closing.foreign.state = "ready"  # (the list is loaded again by that Enter: no check waits on it)
    _check(closing, screen_name, "close shift: foreign currencies did not load")
    closing.reject()
    from cashier_desktop.ui.handover_dialog import HandoverDialog
    terminal.ctx.set_shift(shifts.current_shift(terminal.ctx.services, terminal_id))
    handing = HandoverDialog(terminal.ctx, window.session, window)
    handing.show()
    qtbot.waitExposed(handing)
    _with_foreign_lines(qtbot, handing)
    handing.grid.set_pieces({"2000": 5, "500": 20})
    _check(handing, screen_name, "handover: outgoing count")
    handing.submit()
    handing.grid.set_pieces({"2000": 5, "500": 19})
    handing.incoming_id.setText("C101")
    _check(handing, screen_name, "handover: incoming count")
    handing._refused(ValueError("x"))  # the generic sentence, the longest a refusal gets here
    handing.problem.setText(translate("messages", "The two counts differ (11000.00 and 10500.00): count the drawer "
                                                  "again together. Nothing was changed."))
    _check(handing, screen_name, "handover refused")
    handing.problem.setText(translate("DomainText", "The two counts of the foreign cash differ (%1 and %2): count it "
                                                    "again together. Nothing was changed.")
                            .replace("%1", "EUR 1250.50, USD 12370.00").replace("%2", "EUR 1250.50, USD 12350.00"))
    _check(handing, screen_name, "handover: foreign counts differ")
    handing.reject()
    from cashier_desktop.ui.bank_dialog import BankTransferDialog
    for kind in ("fill", "credit", "fund", "remit"):  # fund and remit: from the accountability window
        moving = BankTransferDialog(terminal.ctx, window.session, kind, lambda _t: None, window)
        moving.show()
        qtbot.waitExposed(moving)
        moving.bank_id.setText("F200")
        moving.reason.setText("Treasury, armoured car 12, sealed bags 4471–4478")
        _check(moving, screen_name, kind)
        moving.problem.setText(translate("messages", "The main bank holds 100000.00 INR, less than 250000.00 INR; "
                                                     "nothing was posted."))
        _check(moving, screen_name, f"{kind} refused")
        moving.approver_box.setVisible(True)  # above a signer's authority limit (0029)
        moving.problem.setText(translate("DomainText", "A %1 of %2 is above the authority of %3 (%4): a second "
                                                       "person must approve it with their PIN. Nothing was posted."))
        _check(moving, screen_name, f"{kind} above a signer's authority")
        moving.reject()
    terminal.ctx.status.set_refused(_refused_on_replay("p-layout", 3))
    warned = CloseShiftDialog(terminal.ctx, window.session, window)
    warned.show()
    qtbot.waitExposed(warned)
    _with_foreign_lines(qtbot, warned)
    assert warned.refused_warning.isVisible()
    _check(warned, screen_name, "close shift with postings refused on replay")
    warned.reject()
    terminal.ctx.status.set_refused(())


def _with_foreign_lines(qtbot, dialog) -> None:
    """The foreign cash lines (0032) loaded and filled with long counts, as a cashier sees them."""
    wait_until(qtbot, lambda: dialog.foreign.isVisible() and len(dialog.foreign.edits) >= 2, what="foreign lines")
    for edit in dialog.foreign.edits.values():
        edit.setText("100x123, 50x45, 20x67, 10x89, 5x12, 2x3, 1x4")


def _refused_on_replay(player: str, count: int) -> tuple:
    """`count` deposits taken offline that the ledger refused on replay (the link's figures)."""
    import uuid
    from datetime import datetime, timezone
    from decimal import Decimal
    from cashier_desktop.terminal.online import RefusedOnReplay
    reason = ("Terminal T-UI may take at most 0.00 per posting and 0.00 per shift offline; "
              "nothing was posted.")
    return tuple(RefusedOnReplay(uuid.uuid4(), Kind.DEPOSIT, player, Decimal("125000.00"), "INR", "C100", None,
                                 datetime.now(timezone.utc), reason) for _ in range(count))


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


def test_id_on_file_dialog_and_the_offer_in_the_posting_dialog(qtbot, terminal, engine, terminal_id, screen_name):
    player = make_player(engine, name="Kavya Subramanian")
    with engine.begin() as conn:
        for kind, number, days in (("Passport", "Z1234567", 400), ("Driving licence", "KA0120190001234", -30)):
            conn.execute(text("""INSERT INTO player_id_documents (player_id, doc_type, doc_number, expires_on,
                captured_by, terminal_id) VALUES (:p, :t, :n, current_date + :d, 'C100', 'x')"""),
                         {"p": player, "t": kind, "n": number, "d": days})
    open_test_shift(engine, terminal_id, "C100", "0")
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    tab = window.cashier
    find_player(qtbot, window, player)
    tab.show_id_documents()
    wait_until(qtbot, lambda: tab.dialog is not None and tab.dialog.isVisible(), what="ID on file")
    dialog = tab.dialog
    wait_until(qtbot, lambda: dialog.documents is not None and len(dialog.documents) == 2, what="documents")
    _check(dialog, screen_name, "ID on file")
    dialog.problem.setText("This Driving licence expired on 2026-01-31; an expired document cannot be put on file.")
    _check(dialog, screen_name, "ID on file refused")
    dialog.reject()
    wait_until(qtbot, lambda: tab.dialog is None, what="ID on file closed")
    posting = tab.start(Kind.DEPOSIT)
    qtbot.waitExposed(posting)
    qtbot.keyClicks(posting.amount.edit, "1500000")
    posting.need_id = True
    posting._sync_sections()
    wait_until(qtbot, lambda: posting.on_file_button.isVisible(), what="the document on file offered")
    _check(posting, screen_name, "ID step with the document on file")


# -- cage operations (issue 17): exchange, its receipt, cage settings, markers, line changes --
def _usd_rate(engine) -> None:
    with engine.begin() as conn:  # set-up as the owner; the form that sets it is tested in test_cage_settings_flow
        conn.execute(text("INSERT INTO cage.fx_rates (currency, buy_rate, sell_rate, valid_from, set_by) "
                          "VALUES ('USD', 83.123456, 84.981234, now() - interval '1 minute', 'S300')"))


def test_exchange_dialog_quote_second_staff_id_and_refusal(qtbot, terminal, engine, terminal_id, screen_name):
    from cashier_desktop.domain.errors import ApprovalRequired, IdentificationRequired
    _usd_rate(engine)
    open_test_shift(engine, terminal_id, "C100", "0")
    player = make_player(engine, name="Vikram Chandrasekhar Venkataraman")
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    tab = window.cashier
    find_player(qtbot, window, player)
    tab.exchange()
    wait_until(qtbot, lambda: tab.dialog is not None and tab.dialog.currency.findData("USD") >= 0, what="rates")
    dialog = tab.dialog
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    qtbot.keyClicks(dialog.amount.edit, "12500.50")
    assert dialog.quote.text().strip()
    _check(dialog, screen_name, "quote")
    dialog._refused(ApprovalRequired("A exchange of 1039108.50 INR is above the authority of C100 (5000.00 INR): "
                                     "a second person must approve it with their PIN. Nothing was posted."))
    dialog._refused(IdentificationRequired("This takes the player's cash this gaming day to 1039108.50 INR, over "
                                           "the reporting threshold of 1000000.00 INR: this exchange needs the "
                                           "player's identification (type and number). Nothing was posted."))
    _check(dialog, screen_name, "second staff and ID")
    dialog._refused(LedgerUnavailable("test"))
    _check(dialog, screen_name, "refused: ledger down")


def test_exchange_receipt(qtbot, terminal, engine, terminal_id, screen_name):
    import uuid
    from datetime import datetime, timezone
    from decimal import Decimal
    from cashier_desktop.domain.money import Money
    from cashier_desktop.ledger.exchange import Exchange
    open_test_shift(engine, terminal_id, "C100", "0")
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    tab = window.cashier
    done = Exchange(uuid.uuid4(), "sell", Money(Decimal("12500.50"), "USD"), Money(Decimal("1062305.16"), "INR"),
                    Decimal("84.981234"), 1, 1, "p-layout", False, datetime.now(timezone.utc), "C100", "F200",
                    terminal_id)
    tab._on_exchanged(done)
    wait_until(qtbot, lambda: tab.receipt_dialog is not None and tab.receipt_dialog.isVisible(), what="receipt")
    _check(tab.receipt_dialog, screen_name, "exchange receipt")
    _check(window, screen_name, "after an exchange")
    tab.receipt_dialog.accept()
    wait_until(qtbot, lambda: tab.receipt_dialog is None, what="receipt closed")
    tab.show_exchanges()
    wait_until(qtbot, lambda: tab.dialog is not None and tab.dialog.message.text() != "Loading…"
               and tab.dialog.isVisible(), what="the shift's exchanges")
    _check(tab.dialog, screen_name, "the shift's exchanges")


def test_cage_settings_and_markers_tabs(qtbot, terminal, engine, screen_name):
    _usd_rate(engine)
    window = _main(qtbot, terminal, "S300", "3333", screen_name)
    settings = window.cage_settings
    window.tabs.setCurrentWidget(settings)
    wait_until(qtbot, lambda: settings.grid.rowCount() > 0, what="settings loaded")
    _check(window, screen_name, "cage settings")
    settings.message.show_refusal(translate("DomainText", "You cannot set your own authority limit; "
                                                          "another supervisor must."))
    _check(window, screen_name, "cage settings refused")
    settings.pages.setCurrentIndex(1)
    _check(window, screen_name, "cage settings, rates")
    settings.pages.setCurrentIndex(2)
    wait_until(qtbot, lambda: settings.drawers.rowCount() >= 0, what="drawers")
    if settings.drawers.rowCount():
        settings.drawers.setCurrentCell(0, 0)
        wait_until(qtbot, lambda: settings.holding_total.text() != "", what="holding")
    _check(window, screen_name, "cage settings, drawers")
    window.tabs.setCurrentWidget(window.markers)
    wait_until(qtbot, lambda: window.markers.message.text() == "" or window.markers.aging.rowCount() >= 0,
               what="markers loaded")
    _check(window, screen_name, "markers")


def test_player_history_line_changes_and_markers(qtbot, terminal, engine, terminal_id, screen_name):
    player = make_player(engine, name="Meera Nair")
    post_as_owner(engine, cmd("credit_line", player, "50000", staff="F200", approver_id="F200", terminal_id=terminal_id))
    post_as_owner(engine, cmd("marker_issue", player, "12000", terminal_id=terminal_id))
    window = _main(qtbot, terminal, "C100", "1111", screen_name)
    tab = window.cashier
    find_player(qtbot, window, player)
    tab.show_history()
    wait_until(qtbot, lambda: tab.dialog is not None and tab.dialog.isVisible(), what="history")
    view = tab.dialog.credit_lines
    tab.dialog.tabs.setCurrentWidget(view)
    wait_until(qtbot, lambda: view.markers.rowCount() == 1, what="line changes loaded")
    _check(tab.dialog, screen_name, "line changes and markers")
