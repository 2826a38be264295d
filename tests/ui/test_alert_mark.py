"""A balance under an open integrity alert is marked wherever the counter shows it: the
panel (also when the alert is raised while the player is on screen) and the posting dialog;
the mark goes when a supervisor resolves the alert."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.domain.kinds import Kind
from tests.support.databases import login_as
from tests.support.factories import make_player
from tests.support.shifts import open_test_shift
from tests.ui.conftest import find_player, log_in, wait_until
from tests.ui.other_counter import OtherCounter, request_credit_elsewhere


def _raise_alert(engine, player: str) -> int:
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
                found = conn.execute(text("SELECT id FROM integrity_alerts WHERE player_id = :p "
                                          "AND status = 'open'"), {"p": player}).scalar()
            if found:
                return found
        raise AssertionError("no alert raised")
    finally:
        watch.close()


def test_an_alert_raised_while_the_player_is_shown_marks_the_panel_and_the_dialog(qtbot, terminal, engine,
                                                                                  terminal_id):
    player = make_player(engine, name="Meera Nair")
    open_test_shift(engine, terminal_id, "C100", "1000")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    tab.alert_poll.setInterval(100)
    find_player(qtbot, window, player)
    wait_until(qtbot, lambda: tab.recent.rowCount() == 0 and tab.panel.balance is not None, what="player")
    assert not tab.panel.alert_label.isVisible()

    alert_id = _raise_alert(engine, player)
    wait_until(qtbot, lambda: tab.panel.alert_label.isVisible(), what="the panel marked")
    assert f"Integrity alert {alert_id}" in tab.panel.alert_label.text()
    assert "supervisor" in tab.panel.alert_label.text()

    dialog = tab.start(Kind.WITHDRAWAL)
    qtbot.waitExposed(dialog)
    assert dialog.alert_label.isVisible() and str(alert_id) in dialog.alert_label.text()
    qtbot.keyClick(dialog, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.dialog is None, what="dialog closed")
    tab.show_history()
    wait_until(qtbot, lambda: tab.dialog is not None and tab.dialog.isVisible(), what="history")
    assert tab.dialog.alert_label.isVisible() and str(alert_id) in tab.dialog.alert_label.text()
    tab.dialog.reject()
    wait_until(qtbot, lambda: tab.dialog is None, what="history closed")

    # a supervisor at another desk reverts the outside change (the correction is tested in tests/monitoring)
    OtherCounter(engine).revert_alert(alert_id, "hand-written balance restored from the ledger")
    wait_until(qtbot, lambda: not tab.panel.alert_label.isVisible(), what="the mark gone")


def test_the_credit_queue_marks_a_request_whose_balance_is_under_an_alert(qtbot, terminal, engine):
    player = make_player(engine, name="Kabir Bose")
    alert_id = _raise_alert(engine, player)
    req = request_credit_elsewhere(engine, player, "30000", "weekend")
    fm = log_in(qtbot, terminal, "F200", "2222")
    queue = fm.credit_queue
    fm.tabs.setCurrentWidget(queue)
    wait_until(qtbot, lambda: queue.select_request(req.id), what="request listed")
    wait_until(qtbot, lambda: queue.alert_label.isVisible(), what="alert marked in the queue")
    assert f"Integrity alert {alert_id}" in queue.alert_label.text()
