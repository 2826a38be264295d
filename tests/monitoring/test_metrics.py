"""`/metrics` fetched over HTTP: the counters move after postings."""

from __future__ import annotations

import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from cashier_desktop.domain.errors import NotAuthorized
from cashier_desktop.ledger.posting import post
from cashier_desktop.monitoring.metrics import MonitorMetrics
from cashier_desktop.terminal.auth import StaffMember
from cashier_desktop.terminal.counter import submit
from tests.monitoring.conftest import wait_until
from tests.support.factories import cmd, make_player


def scrape(port: int) -> dict[tuple[str, tuple], float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        body = r.read().decode()
    out = {}
    for fam in text_string_to_metric_families(body):
        for s in fam.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_over_http_show_the_counters_move_after_postings(fresh_ledger, soketi, relays, watches,
                                                                 make_services):
    url, engine = fresh_ledger
    metrics = MonitorMetrics(engine)
    port = metrics.serve(0)
    watches.start(engine, metrics=metrics, poll_seconds=0.2)
    before = scrape(port)
    assert value(before, "cashier_monitor_ledger_up") == 1
    relays.start(engine, soketi)
    player = make_player(engine)
    for amount in ("100", "200", "300"):
        post(engine, cmd("deposit", player, amount))
    services = make_services(url)
    # Refusals are recorded by a background writer of the services' own (so refusal records
    # earlier tests left queued, to ledgers since dropped, cannot hold ours back).
    with pytest.raises(NotAuthorized):
        submit(services, StaffMember("C100", "Asha Rao", "cashier"),
               cmd("adjust_in", player, "50", staff="C100", approver_id="C100", reason="try"))
    services.refusal_log.close()  # our refusal is written

    def moved() -> bool:
        now = scrape(port)
        return (value(now, "cashier_watch_events_checked_total") >= 3
                and value(now, "cashier_outbox_events_published_total") >= 3
                and value(now, "cashier_publish_latency_seconds_count") >= 3
                and value(now, "cashier_postings_refused_total", outcome="refused", reason="not_authorized") == 1)
    wait_until(moved, timeout=15, what="metrics moved", interval=0.2)
    assert value(scrape(port), "cashier_journal_refused_on_replay") == 0
    with engine.begin() as conn:  # two terminals' heartbeats: entries refused on replay
        conn.execute(text("INSERT INTO terminal_heartbeats (terminal_id, seen_at, pending_entries, refused_entries) "
                          "VALUES ('T-M1', now(), 0, 2), ('T-M2', now(), 1, 1)"))
    after = scrape(port)
    assert value(after, "cashier_journal_refused_on_replay") == 3
    assert value(after, "cashier_outbox_backlog") == 0
    assert value(after, "cashier_integrity_alerts_open") == 0
    assert value(before, "cashier_watch_events_checked_total") == 0
