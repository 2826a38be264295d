"""The supervisor's desk, driven by keys: a shift with a variance, a reversal with a reason,
sign-off, CSV and PDF exports, and the integrity check catching a hand-written UPDATE."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.ui.app import Terminal
from tests.support.databases import login_as
from tests.support.factories import make_player
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, log_in, make_services, wait_until
from tests.ui.other_counter import closed_shift_with_variance


@pytest.fixture
def desk_terminal(qapp, fresh_ledger, terminal_id):
    url, engine = fresh_ledger
    services = make_services(url, engine, terminal_id)
    term = Terminal(services)
    term.login.show()
    yield term, services, engine
    term.close()


def _closed_shift_with_variance(engine, cashier_terminal: str, player: str) -> int:
    """C100's shift at `cashier_terminal`: counted 40,000 of 51,000 expected."""
    return closed_shift_with_variance(engine, player, deposit="50000", counts={"2000": 20},
                                      terminal_id=cashier_terminal)


def test_supervisor_reverses_signs_off_exports_and_checks_integrity(qtbot, desk_terminal, terminal_id,
                                                                    tmp_path):
    terminal, services, engine = desk_terminal
    player = make_player(engine, name="Kabir Bose")
    shift_id = _closed_shift_with_variance(engine, "T-CAGE-7", player)
    # the supervisor's own drawer takes the reversal, and pays the deposit back out of it (0023)
    open_test_shift(engine, terminal_id, "S300", "100000")

    window = log_in(qtbot, terminal, "S300", "3333")
    desk = window.supervisor
    window.tabs.setCurrentWidget(desk)
    desk.cashier_filter.setText("C100")
    qtbot.keyClick(desk.cashier_filter, Qt.Key_Return)
    wait_until(qtbot, lambda: any(s.id == shift_id for s in desk.shifts), what="shift listed")
    row = next(i for i, s in enumerate(desk.shifts) if s.id == shift_id)
    assert desk.shift_table.item(row, 7).text() == "REQUIRED"
    assert desk.select_shift(shift_id)
    wait_until(qtbot, lambda: desk.report is not None and desk.report.shift.id == shift_id, what="report")
    figures = desk.figures.text()
    assert "₹51,000.00" in figures and "₹40,000.00" in figures and "-₹11,000.00" in figures
    assert "NOT YET" in figures

    # reverse the deposit, with a reason
    desk.postings.setFocus()
    desk.postings.selectRow(0)
    qtbot.keyClicks(desk.reason, "keyed twice by mistake")
    activate(qtbot, desk)
    qtbot.keyClick(desk.reason, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
    wait_until(qtbot, lambda: desk.info.text().startswith("Reversed"), what="reversal")
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("0.00")

    # sign-off needs a note for this variance
    qtbot.keyClick(desk.note, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    wait_until(qtbot, lambda: "write what was found" in desk.info.text(), what="note demanded")
    qtbot.keyClicks(desk.note, "recounted with C100: 11,000 short, incident 42")
    qtbot.keyClick(desk.note, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    wait_until(qtbot, lambda: desk.info.text() == f"Shift #{shift_id} signed off.", what="signed off")
    wait_until(qtbot, lambda: desk.report.shift.status == "signed_off", what="report refreshed")

    desk.export("csv", str(tmp_path / "shift.csv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "shift.csv").read_text())))
    assert rows[0]["shift_id"] == str(shift_id) and rows[0]["variance"] == "-11000.00"
    assert rows[0]["signed_off_by"] == "S300"
    desk.export("pdf", str(tmp_path / "shift.pdf"))
    assert (tmp_path / "shift.pdf").read_bytes().startswith(b"%PDF")

    # integrity: clean, then the incident's hand-written UPDATE is caught
    qtbot.keyClick(desk, Qt.Key_I, Qt.ControlModifier)
    wait_until(qtbot, lambda: desk.info.text().startswith("Integrity check"), what="integrity")
    assert "clean" in desk.info.text() and desk.findings.count() == 0
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = balance + 10000, "
                          "total_deposits = total_deposits + 10000 WHERE id = :p"), {"p": player})
    qtbot.keyClick(desk, Qt.Key_I, Qt.ControlModifier)
    wait_until(qtbot, lambda: desk.findings.count() > 0, what="findings")
    assert "discrepanc" in desk.info.text()
    assert any(player in desk.findings.item(i).text() for i in range(desk.findings.count()))


def test_a_cashier_cannot_sign_off_and_sees_no_supervisor_desk(qtbot, terminal):
    window = log_in(qtbot, terminal, "C100", "1111")
    assert window.supervisor is None and window.credit_queue is None
    assert window.tabs.count() == 1


def test_export_asks_where_to_save_without_blocking(qtbot, desk_terminal, tmp_path):
    from PySide6.QtWidgets import QFileDialog
    terminal, services, engine = desk_terminal
    player = make_player(engine)
    shift_id = _closed_shift_with_variance(engine, "T-CAGE-9", player)
    window = log_in(qtbot, terminal, "S300", "3333")
    desk = window.supervisor
    window.tabs.setCurrentWidget(desk)
    wait_until(qtbot, lambda: desk.select_shift(shift_id), what="shift listed")
    wait_until(qtbot, lambda: desk.report is not None, what="report")
    activate(qtbot, desk)
    desk.shift_table.setFocus()
    qtbot.keyClick(desk.shift_table, Qt.Key_E, Qt.ControlModifier)
    chooser = desk.findChildren(QFileDialog)[0]
    wait_until(qtbot, lambda: chooser.isVisible(), what="file dialog")
    chooser.fileSelected.emit(str(tmp_path / "s.csv"))
    assert f"{shift_id}," in (tmp_path / "s.csv").read_text()
    chooser.reject()


def test_an_integrity_alert_shows_on_the_supervisors_window_whichever_tab_is_open(qtbot, desk_terminal):
    from cashier_desktop.monitoring.watch import Watch

    terminal, services, engine = desk_terminal
    player = make_player(engine, name="Meera Nair")
    window = log_in(qtbot, terminal, "S300", "3333")
    window.tabs.setCurrentWidget(window.cashier)  # the Monitor tab is not open
    banner = window.monitor.banner
    assert banner.isHidden()
    watch = Watch(login_as(engine, "monitor"))
    watch.step()  # the watch follows the outbox from here
    with engine.begin() as conn:  # the incident: a hand-written balance with no posting
        conn.execute(text("UPDATE players SET balance = 10000, total_deposits = 10000 WHERE id = :p"),
                     {"p": player})
    try:
        wait_until(qtbot, lambda: (watch.step(), player in banner.label.text())[1], what="an alert")
    finally:
        watch.close()
    wait_until(qtbot, lambda: banner.isVisible(), what="the banner on the counter tab")
    qtbot.mouseClick(banner.button, Qt.LeftButton)
    assert window.tabs.currentWidget() is window.monitor
