"""Prometheus metrics for operators (`prometheus-client`), served on a local port.

Two kinds of figures:
- what the watch observes as it runs (counters and histograms in this process): outbox
  events seen published by the relay and their commit → published latency, events and
  players checked, alerts raised;
- what the database knows whoever wrote it (read at scrape time by `LedgerCollector`):
  relay backlog and its age, open alerts, the last full integrity run and its result,
  refused and failed postings by reason (rows are never deleted, so these are counters),
  terminals online.
Each `MonitorMetrics` has its own registry, so two in one process never collide.
"""

from __future__ import annotations

import logging
from typing import Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
ONLINE_SECONDS = 60  # a terminal whose last heartbeat is older is shown offline


class LedgerCollector(Collector):
    """Figures read from the ledger at every scrape (true across all processes)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterable:
        up = GaugeMetricFamily("cashier_monitor_ledger_up", "1 when the ledger answered this scrape")
        try:
            with self.engine.connect() as conn:
                backlog, age = conn.execute(text("""SELECT count(*),
                    coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
                    FROM balance_events WHERE published_at IS NULL""")).one()
                open_alerts = conn.execute(text(
                    "SELECT count(*) FROM integrity_alerts WHERE status = 'open'")).scalar()
                run = conn.execute(text("""SELECT extract(epoch FROM finished_at), clean, findings_count,
                        players_total, players_failing FROM integrity_runs
                    WHERE finished_at IS NOT NULL AND started_at <= now()  -- a future-dated run is forged
                    ORDER BY started_at DESC LIMIT 1""")).first()
                refused = conn.execute(text("""SELECT outcome, code, count(*) FROM refused_postings
                    GROUP BY 1, 2""")).fetchall()
                online = conn.execute(text("""SELECT count(*) FILTER (WHERE seen_at > now() - make_interval(secs => :s)),
                        count(*), coalesce(sum(refused_entries), 0) FROM terminal_heartbeats"""),
                                      {"s": ONLINE_SECONDS}).one()
        except Exception as exc:  # noqa: BLE001 - a scrape must answer even when the ledger is down
            log.warning("metrics: ledger unreachable: %s", exc)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily("cashier_outbox_backlog", "outbox rows not yet published", value=backlog)
        yield GaugeMetricFamily("cashier_outbox_backlog_age_seconds",
                                "age of the oldest unpublished outbox row", value=float(age))
        yield GaugeMetricFamily("cashier_integrity_alerts_open", "integrity alerts awaiting a supervisor",
                                value=open_alerts)
        if run is not None:
            yield GaugeMetricFamily("cashier_integrity_last_run_timestamp_seconds",
                                    "when the last full integrity check finished", value=float(run[0]))
            yield GaugeMetricFamily("cashier_integrity_last_run_clean", "1 if the last full check was clean",
                                    value=1 if run[1] else 0)
            yield GaugeMetricFamily("cashier_integrity_last_run_findings", "findings of the last full check",
                                    value=run[2] or 0)
            if run[3]:
                yield GaugeMetricFamily("cashier_integrity_consistency_score",
                                        "share of players passing the last full check",
                                        value=(run[3] - (run[4] or 0)) / run[3])
        fam = CounterMetricFamily("cashier_postings_refused", "postings refused or failed, by reason",
                                  labels=["outcome", "reason"])
        for outcome, code, n in refused:
            fam.add_metric([outcome, code], n)
        yield fam
        yield GaugeMetricFamily("cashier_terminals_online", "terminals with a recent heartbeat", value=online[0])
        yield GaugeMetricFamily("cashier_terminals_known", "terminals that ever sent a heartbeat", value=online[1])
        yield GaugeMetricFamily("cashier_journal_refused_on_replay",
                                "offline postings the ledger refused on replay, not yet resolved (cash in "
                                "drawers on no account), as the terminals' last heartbeats say", value=online[2])


class MonitorMetrics:
    """The watch's metrics and their HTTP endpoint (`/metrics`, loopback only)."""

    def __init__(self, engine: Engine | None = None) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.events_published = Counter("cashier_outbox_events_published",
                                        "outbox events seen published by the relay", registry=r)
        self.publish_latency = Histogram("cashier_publish_latency_seconds",
                                         "outbox row written (commit) to published by the relay",
                                         buckets=LATENCY_BUCKETS, registry=r)
        self.events_checked = Counter("cashier_watch_events_checked", "outbox events the watch checked",
                                      registry=r)
        self.players_checked = Counter("cashier_watch_players_checked",
                                       "player checks run by the watch", registry=r)
        self.check_latency = Histogram("cashier_watch_check_latency_seconds",
                                       "outbox row written to its player checked", buckets=LATENCY_BUCKETS,
                                       registry=r)
        self.alerts_raised = Counter("cashier_integrity_alerts_raised", "alerts newly raised", registry=r)
        self.full_checks = Counter("cashier_integrity_full_checks", "full integrity checks run",
                                   ["result"], registry=r)
        self.watch_errors = Counter("cashier_watch_errors", "errors in the watch loop (it retries)",
                                    registry=r)
        if engine is not None:
            r.register(LedgerCollector(engine))
        self._server = None

    def serve(self, port: int, addr: str = "127.0.0.1") -> int:
        """Start `/metrics` on `addr:port` (port 0 picks a free one); returns the port."""
        server, _thread = start_http_server(port, addr=addr, registry=self.registry)
        self._server = server
        return server.server_address[1]

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
