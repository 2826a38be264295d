"""The supervisor's monitor (pytest-qt, offscreen): the alert appears within 5 s and is adopted."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import text

from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from tests.support.factories import cmd, make_player


def wait_for(qtbot, condition, timeout: float = 10.0, what: str = "condition") -> float:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"timed out waiting for {what}")
        qtbot.wait(20)
    return time.monotonic() - start


@pytest.fixture
def monitor(qtbot, fresh_ledger, make_services):
    from cashier_desktop.ui.context import AppContext
    from cashier_desktop.ui.monitor_view import MonitorView
    url, engine = fresh_ledger
    ctx = AppContext(make_services(url))
    view = MonitorView(ctx, refresh_ms=500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    yield view, engine
    view.timer.stop()
    ctx.shutdown()


def test_a_plain_update_shows_in_the_supervisors_view_and_is_adopted_there(monitor, qtbot, watches):
    view, engine = monitor
    watches.start(engine)
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    wait_for(qtbot, lambda: view.dashboard is not None, what="first refresh")
    assert not view.banner.isVisible()
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = balance + 10000 WHERE id = :p"), {"p": player})
    # The 5 s figure is a benchmark (tests/perf/bench_monitoring.py); the wait here is a bound.
    wait_for(qtbot, lambda: view.banner.isVisible() and player in view.banner.label.text(),
             timeout=30, what="the alert banner")
    assert view.alerts.rowCount() == 1 and view.alerts.item(0, 1).text() == player
    assert view.figures["open"].text() == "1"

    qtbot.mouseClick(view.buttons["adopt"], Qt.LeftButton)
    wait_for(qtbot, lambda: view.dialog is not None and view.dialog.isVisible(), what="the PIN dialog")
    dialog = view.dialog
    qtbot.keyClicks(dialog.staff, "S300")
    qtbot.keyClicks(dialog.pin, "3333")
    qtbot.keyClicks(dialog.reason, "top-up confirmed with the portal team")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    wait_for(qtbot, lambda: "adopted" in view.info.text(), what="the adoption")
    wait_for(qtbot, lambda: not view.banner.isVisible() and view.alerts.rowCount() == 0, what="banner cleared")
    assert run_integrity(engine) == []


def test_a_wrong_pin_is_refused_with_a_sentence_and_the_alert_stays_open(monitor, qtbot, watches):
    view, engine = monitor
    watches.start(engine)
    player = make_player(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = 5 WHERE id = :p"), {"p": player})
    wait_for(qtbot, lambda: view.alerts.rowCount() == 1, timeout=5, what="the alert")
    view.ask("dismiss")
    dialog = view.dialog
    qtbot.keyClicks(dialog.staff, "S300")
    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClicks(dialog.reason, "no idea")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    wait_for(qtbot, lambda: "not recognised" in view.info.text(), what="the refusal")
    assert view.alerts.rowCount() == 1 and view.banner.isVisible()


def test_the_banner_alone_on_another_screen_polls_and_shows_an_open_alert(qtbot, fresh_ledger, make_services,
                                                                            watches):
    from cashier_desktop.ui.context import AppContext
    from cashier_desktop.ui.monitor_view import AlertBanner
    url, engine = fresh_ledger
    ctx = AppContext(make_services(url))
    try:
        banner = AlertBanner()
        qtbot.addWidget(banner)
        banner.start_polling(ctx, interval_ms=300)
        watches.start(engine)
        player = make_player(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE players SET balance = 42 WHERE id = :p"), {"p": player})
        wait_for(qtbot, lambda: not banner.isHidden() and player in banner.label.text(),
                 timeout=5, what="the standalone banner")
        assert banner.label.text().startswith("⚠ 1 integrity alert:")
        banner._timer.stop()
    finally:
        ctx.shutdown()
