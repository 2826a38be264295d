"""The supervisor's monitor names the ledger server the terminals reached and its standbys'
lag (issue 19), readable at a cage PC's 1366×768: the real server first, then the states a
pg_auto_failover pair goes through (synchronous, a standby NOT synchronous, lag unknown, a
standby reached). The cluster's own figures are read from a real formation in
tests/ops/test_failover.py; here the window is checked with each state."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cashier_desktop.ops.failover import LAG_ALERT_SECONDS, lag_over_threshold
from tests.ui.conftest import log_in, wait_until
from tests.ui.layout_checks import SCREENS, maximise, problems

SCREEN = SCREENS["1366x768"]


@pytest.fixture(autouse=True)
def english_system_font(qapp):
    """The English layout in the system's font (a Hindi test leaves a Devanagari family on)."""
    from PySide6.QtGui import QFontDatabase
    before = qapp.font()
    qapp.setFont(QFontDatabase.systemFont(QFontDatabase.GeneralFont))
    yield
    qapp.setFont(before)


def _standby(name: str, *, state: str = "streaming", sync: str = "sync", lag: int | None = 0,
             seconds: float | None = 0.004) -> dict:
    return {"name": name, "state": state, "sync_state": sync, "lag_bytes": lag, "lag_seconds": seconds}


def _monitor(qtbot, terminal):
    window = log_in(qtbot, terminal, "S300", "3333")
    maximise(window, SCREEN)
    window.tabs.setCurrentWidget(window.monitor)
    wait_until(qtbot, lambda: window.monitor.dashboard is not None, timeout=30, what="the dashboard read")
    return window, window.monitor


def _fits(window, state: str) -> None:
    found = problems(window, SCREEN)
    assert not found, f"monitor at 1366x768, {state}:\n  " + "\n  ".join(found)


def test_the_monitor_shows_the_ledger_server_it_reached_and_alerts_that_it_has_no_standby(qtbot, terminal):
    """Real data: the dashboard read of a plain server, which has no standby to fail over to."""
    window, view = _monitor(qtbot, terminal)
    reached = view.dashboard.replication
    assert reached["role"] == "primary" and reached["standbys"] == [] and not reached["synchronous"]
    wait_until(qtbot, lambda: view.replication.text()
               == f"{reached['server']}, primary; NO STANDBY: postings are on this server only",
               what="the ledger server shown")
    assert view.replication.isVisible() and view.replication.attention
    assert "#8b0000" in view.replication.styleSheet()
    _fits(window, "one server")


def test_on_the_demo_ledger_the_missing_standby_is_said_plainly_not_as_an_alarm(qtbot, terminal):
    """The demo's embedded ledger is one server by design: the same real read of a plain
    server, on a terminal whose services run the embedded ledger, is not drawn in dark red
    (a figure that is always red teaches the supervisor to ignore red). A configured server
    without a standby still is (the test above)."""
    window, view = _monitor(qtbot, terminal)
    services = window.ctx.services
    assert services.embedded is None
    services.embedded = object()  # what open_services sets when no ledger is configured
    try:
        reached = view.dashboard.replication
        wait_until(qtbot, lambda: view.replication.text()
                   == f"{reached['server']}, primary; the demo ledger on this PC, without a standby (demo mode)",
                   timeout=15, what="the demo's ledger server shown")
        assert not view.replication.attention and "#8b0000" not in view.replication.styleSheet()
        _fits(window, "demo ledger")
    finally:
        services.embedded = None
    wait_until(qtbot, lambda: view.replication.attention, timeout=15, what="the alarm back on a configured server")


def test_the_monitor_shows_each_standbys_lag_and_marks_a_pair_that_is_not_synchronous(qtbot, terminal):
    window, view = _monitor(qtbot, terminal)
    view.timer.stop()  # the states below are shown one by one, not overwritten by the next read
    wait_until(qtbot, lambda: not view._busy, what="the last read done")
    pair = {"server": "10.0.0.12:5432", "role": "primary", "synchronous": True,
            "standbys": [_standby("node_1", lag=1024, seconds=0.012)]}
    view._show(replace(view.dashboard, replication=pair))
    assert view.replication.text() == "10.0.0.12:5432, primary; standby node_1 synchronous, lag 1024 bytes, 12 ms"
    assert not view.replication.attention
    _fits(window, "synchronous pair")

    unsafe = dict(pair, synchronous=False, standbys=[_standby("node_1", sync="async", lag=None, seconds=None),
                                                     _standby("node_3", state="catchup", sync="async")])
    view._show(replace(view.dashboard, replication=unsafe))
    text = view.replication.text()
    assert "standby node_1 NOT synchronous, lag unknown (the login needs pg_read_all_stats)" in text, text
    assert "standby node_3 not streaming (catchup)" in text, text
    assert view.replication.attention and "#8b0000" in view.replication.styleSheet()
    _fits(window, "pair not synchronous")  # the dark red is measured against the window's white

    reached_standby = {"server": "10.0.0.13:5432", "role": "standby", "synchronous": False, "standbys": []}
    view._show(replace(view.dashboard, replication=reached_standby))
    assert view.replication.text() == "10.0.0.13:5432, a read-only standby: postings cannot be taken"
    assert view.replication.attention
    _fits(window, "standby reached")

    view._show(replace(view.dashboard, replication=pair))
    assert not view.replication.attention and view.replication.styleSheet() == ""

    # Synchronous, but the standby replays far behind: a failover would wait for it.
    behind = _standby("node_1", lag=3 * 1024 * 1024, seconds=LAG_ALERT_SECONDS + 2.5)
    behind["over_threshold"] = lag_over_threshold(behind)
    view._show(replace(view.dashboard, replication=dict(pair, standbys=[behind])))
    assert view.replication.text() == ("10.0.0.12:5432, primary; standby node_1 synchronous, lag 3145728 bytes, "
                                       "7500 ms; standby node_1 LAG OVER THE ALERT THRESHOLD")
    assert view.replication.attention and "#8b0000" in view.replication.styleSheet()
    _fits(window, "standby lagging")
    view._show(replace(view.dashboard, replication=pair))
    assert not view.replication.attention


def test_a_day_of_every_refusal_reason_still_fits_and_the_tooltip_names_them_all(qtbot, terminal):
    """A full suite leaves a dozen refusal reasons on the shared ledger: listed in full, the
    figure overflowed its cell at 1366×768. It names the three most frequent and counts the rest."""
    from cashier_desktop.ui.domain_text import ERROR_CODES
    window, view = _monitor(qtbot, terminal)
    view.timer.stop()
    wait_until(qtbot, lambda: not view._busy, what="the last read done")
    reasons = {code: n + 1 for n, code in enumerate(sorted(ERROR_CODES))}
    assert len(reasons) > 10
    view._show(replace(view.dashboard, refused_by_reason=reasons, failed_by_reason=reasons))
    figure = view.figures["refused"]
    top = sorted(reasons.items(), key=lambda kv: -kv[1])[:3]
    assert figure.text().startswith(f"{sum(reasons.values())}: ")
    assert figure.text().endswith(f", +{len(reasons) - 3} more")
    assert all(f" {n}" in figure.text() for _code, n in top)
    assert figure.toolTip().count("\n") == len(reasons) - 1
    _fits(window, "every refusal reason")


def test_many_terminals_with_entries_refused_on_replay_still_fit(qtbot, terminal):
    """A busy cage after a bad night: dozens of terminals offline, with entries pending and
    refused on replay. The figure names the worst and counts the rest; the window still fits."""
    from datetime import datetime, timezone
    from cashier_desktop.monitoring.dashboard import TerminalStatus
    window, view = _monitor(qtbot, terminal)
    view.timer.stop()
    wait_until(qtbot, lambda: not view._busy, what="the last read done")
    now = datetime.now(timezone.utc)
    terminals = [TerminalStatus(f"T-UI-{n:08x}", "C100", now, False, 100 + n, None, refused_entries=10 + n)
                 for n in range(30)]
    not_synchronous = {"server": "10.0.0.12:5432", "role": "primary", "synchronous": False,
                       "standbys": [_standby("node_1", sync="async", lag=1024, seconds=0.012)]}
    view._show(replace(view.dashboard, terminals=terminals, replication=not_synchronous))
    figure = view.figures["terminals"].text()
    assert "T-UI-0000001d" in figure and "REFUSED" in figure  # the most refused first
    assert view.figures["terminals"].toolTip().count("\n") == 29
    _fits(window, "30 terminals offline with refused entries")
