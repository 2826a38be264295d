"""The replication lag alert's rule (ops/failover.py): a standby is marked past either figure,
never for a lag it cannot read; the dashboard's summary of a plain server says no standby."""

from __future__ import annotations

from cashier_desktop.ops.failover import (LAG_ALERT_BYTES, LAG_ALERT_SECONDS, Standby, lag_over_threshold,
                                          replication_summary)


def _sb(lag_bytes, lag_seconds) -> dict:
    return {"name": "node_2", "state": "streaming", "sync_state": "sync", "lag_bytes": lag_bytes,
            "lag_seconds": lag_seconds}


def test_a_standby_is_over_the_threshold_past_either_figure_and_never_for_an_unknown_lag():
    assert not lag_over_threshold(_sb(LAG_ALERT_BYTES, LAG_ALERT_SECONDS))
    assert lag_over_threshold(_sb(LAG_ALERT_BYTES + 1, 0.0))
    assert lag_over_threshold(_sb(0, LAG_ALERT_SECONDS + 0.001))
    assert lag_over_threshold(_sb(None, LAG_ALERT_SECONDS + 1))
    assert not lag_over_threshold(_sb(None, None))


def test_selfchecks_standby_line_says_when_the_lag_is_over_the_threshold():
    assert Standby("node_2", "streaming", "sync", 10, 0.001).line().endswith("lag 10 bytes, 1 ms")
    assert Standby("node_2", "streaming", "sync", LAG_ALERT_BYTES * 2, 9.0).line().endswith(
        "OVER the alert threshold")


def test_the_dashboard_summary_of_a_plain_server_names_it_primary_with_no_standby(fresh_ledger):
    _url, engine = fresh_ledger
    with engine.connect() as conn:
        summary = replication_summary(conn)
    assert summary["role"] == "primary" and summary["standbys"] == [] and summary["synchronous"] is False
    assert summary["lag_alert"] == {"seconds": LAG_ALERT_SECONDS, "bytes": LAG_ALERT_BYTES}
