"""The dashboard's figures: the report's five, and what an operator needs beside them.

All read from the ledger database, so every supervisor's screen and `cashier-desktop
monitor` agree whoever is running the watch or the relay:
- balance updates per minute (outbox rows of the last five minutes);
- sync latency p50/p99, commit → published (outbox `published_at`) and commit → terminal
  (terminals' acknowledgements in `feed_acks`), over the last hour;
- refused and failed postings by reason (last 24 hours);
- consistency score: share of players passing the last full check;
- balance accuracy rate: share of the watch's checks (last 24 hours) that agreed;
- relay backlog and the age of its oldest row;
- terminals online/offline with their pending journal entries (heartbeats);
- open alerts; and small hourly series (last 12 hours) for charts;
- the ledger server it reached (primary or standby) and its standbys' replication lag
  (ops/failover.py; the lag needs pg_read_all_stats, else it reads as unknown).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from ..ledger.db import map_error, warn_if_gui_thread

SERIES_HOURS = 12


@dataclass(frozen=True)
class TerminalStatus:
    terminal_id: str
    staff_id: str | None
    seen_at: datetime
    online: bool
    pending_entries: int
    feed_state: str | None
    refused_entries: int = 0  # taken offline, refused by the ledger on replay, not yet resolved


@dataclass
class Dashboard:
    at: datetime
    updates_per_minute: float
    updates_last_hour: int
    publish_p50_ms: float | None
    publish_p99_ms: float | None
    terminal_p50_ms: float | None
    terminal_p99_ms: float | None
    refused_by_reason: dict[str, int]
    failed_by_reason: dict[str, int]
    consistency_score: float | None
    last_full_check: dict | None
    accuracy_rate: float | None
    backlog: int
    backlog_age_s: float
    terminals: list[TerminalStatus]
    open_alerts: list[dict]
    series: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    replication: dict | None = None  # ops.failover.replication_summary

    @property
    def terminals_online(self) -> int:
        return sum(1 for t in self.terminals if t.online)

    def to_json(self) -> dict:
        out = asdict(self)
        out["at"] = self.at.isoformat()
        out["terminals_online"] = self.terminals_online
        for t in out["terminals"]:
            t["seen_at"] = t["seen_at"].isoformat()
        if self.last_full_check:
            out["last_full_check"] = {k: (v.isoformat() if isinstance(v, datetime) else v)
                                      for k, v in self.last_full_check.items()}
        return out

    def lines(self) -> list[str]:
        """The dashboard as plain text lines (the CLI's `monitor`)."""
        def pct(v: float | None) -> str:
            return "—" if v is None else f"{v * 100:.2f}%"

        def ms(v: float | None) -> str:
            return "—" if v is None else f"{v:.0f} ms"
        run = self.last_full_check
        out = [
            f"at {self.at:%Y-%m-%d %H:%M:%S %Z}",
            f"balance updates       {self.updates_per_minute:.1f}/min ({self.updates_last_hour} in the last hour)",
            f"sync → published      p50 {ms(self.publish_p50_ms)}, p99 {ms(self.publish_p99_ms)}",
            f"sync → terminal       p50 {ms(self.terminal_p50_ms)}, p99 {ms(self.terminal_p99_ms)}",
            f"refused postings 24h  {sum(self.refused_by_reason.values())}"
            + "".join(f"; {k} {v}" for k, v in sorted(self.refused_by_reason.items())),
            f"failed postings 24h   {sum(self.failed_by_reason.values())}"
            + "".join(f"; {k} {v}" for k, v in sorted(self.failed_by_reason.items())),
            f"consistency score     {pct(self.consistency_score)}"
            + (f" (full check {run['finished_at']:%Y-%m-%d %H:%M}, "
               f"{run['players_failing']} of {run['players_total']} players failing)" if run else " (no full check yet)"),
            f"balance accuracy 24h  {pct(self.accuracy_rate)}",
            f"relay backlog         {self.backlog} rows, oldest {self.backlog_age_s:.1f} s",
            f"terminals             {self.terminals_online} online of {len(self.terminals)}",
        ]
        for t in self.terminals:
            out.append(f"  {t.terminal_id:<16} {'online ' if t.online else 'OFFLINE'} "
                       f"pending {t.pending_entries}, "
                       + (f"REFUSED ON REPLAY {t.refused_entries}, " if t.refused_entries else "")
                       + f"feed {t.feed_state or '—'}, staff {t.staff_id or '—'}, "
                       f"seen {t.seen_at:%H:%M:%S}")
        if self.replication:
            r = self.replication
            out.append(f"ledger server         {r['server']} ({r['role']}), "
                       f"{len(r['standbys'])} standby(s), {'synchronous' if r['synchronous'] else 'NOT synchronous'}")
            for sb in r["standbys"]:
                lag = "lag unknown" if sb["lag_bytes"] is None else f"lag {sb['lag_bytes']} bytes"
                over = ", LAG OVER THRESHOLD" if sb.get("over_threshold") else ""
                out.append(f"  {sb['name']:<16} {sb['state'] or '?'}, {sb['sync_state'] or '?'}, {lag}{over}")
        out.append(f"open alerts           {len(self.open_alerts)}")
        for a in self.open_alerts:
            out.append(f"  {a['summary']}")
        return out


def _ms(v) -> float | None:
    return None if v is None else float(v) * 1000.0


def _series(conn: Connection, sql: str, hours: int) -> list[tuple[str, float]]:
    rows = conn.execute(text(f"""
        WITH slots AS (SELECT generate_series(date_trunc('hour', now()) - make_interval(hours => :h - 1),
                                              date_trunc('hour', now()), interval '1 hour') AS hour),
             data AS ({sql})
        SELECT slots.hour, coalesce(data.v, 0) FROM slots LEFT JOIN data ON data.hour = slots.hour
        ORDER BY slots.hour"""), {"h": hours}).fetchall()
    return [(h.isoformat(), float(v)) for h, v in rows]


def series(conn: Connection, hours: int = SERIES_HOURS) -> dict[str, list[tuple[str, float]]]:
    """Per-hour figures of the last `hours` hours, oldest first, zero-filled."""
    since = "now() - make_interval(hours => :h)"
    return {
        "updates": _series(conn, f"""SELECT date_trunc('hour', created_at) AS hour, count(*) AS v
            FROM balance_events WHERE created_at > {since} GROUP BY 1""", hours),
        "publish_p99_ms": _series(conn, f"""SELECT date_trunc('hour', created_at) AS hour,
                1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)) AS v
            FROM balance_events WHERE created_at > {since} AND published_at IS NOT NULL GROUP BY 1""", hours),
        "refused": _series(conn, f"""SELECT date_trunc('hour', at) AS hour, count(*) AS v
            FROM refused_postings WHERE at > {since} GROUP BY 1""", hours),
        "alerts": _series(conn, f"""SELECT date_trunc('hour', raised_at) AS hour, count(*) AS v
            FROM integrity_alerts WHERE raised_at > {since} GROUP BY 1""", hours),
    }


def collect(engine: Engine, *, heartbeat_seconds: int = 15, hours: int = SERIES_HOURS) -> Dashboard:
    """Every figure of the dashboard, read now."""
    warn_if_gui_thread("dashboard")
    from .alerts import list_alerts
    from .checks import last_run
    try:
        with engine.connect() as conn:
            at = conn.execute(text("SELECT now()")).scalar()
            last5, last60 = conn.execute(text("""SELECT
                    count(*) FILTER (WHERE created_at > now() - interval '5 minutes'), count(*)
                FROM balance_events WHERE created_at > now() - interval '1 hour'""")).one()
            pub = conn.execute(text("""SELECT
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)),
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at))
                FROM balance_events WHERE created_at > now() - interval '1 hour' AND published_at IS NOT NULL""")).one()
            term = conn.execute(text("""SELECT
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.received_at - e.created_at)),
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM a.received_at - e.created_at))
                FROM feed_acks a JOIN balance_events e ON e.player_id = a.player_id AND e.version = a.version
                WHERE a.received_at > now() - interval '1 hour'""")).one()
            refused: dict[str, dict[str, int]] = {"refused": {}, "failed": {}}
            for outcome, code, n in conn.execute(text("""SELECT outcome, code, count(*) FROM refused_postings
                    WHERE at > now() - interval '24 hours' GROUP BY 1, 2""")):
                refused[outcome][code] = n
            checks, bad = conn.execute(text("""SELECT coalesce(sum(checks), 0), coalesce(sum(discrepant), 0)
                FROM watch_hourly WHERE hour > now() - interval '24 hours'""")).one()
            backlog, age = conn.execute(text("""SELECT count(*),
                    coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
                FROM balance_events WHERE published_at IS NULL""")).one()
            terminals = [TerminalStatus(r.terminal_id, r.staff_id, r.seen_at, r.online, r.pending_entries,
                                        r.feed_state, r.refused_entries)
                         for r in conn.execute(text("""SELECT terminal_id, staff_id, seen_at, pending_entries,
                                feed_state, refused_entries, seen_at > now() - make_interval(secs => :s) AS online
                            FROM terminal_heartbeats ORDER BY terminal_id"""), {"s": 4 * heartbeat_seconds})]
            hourly = series(conn, hours)
            from ..ops.failover import replication_summary
            replication = replication_summary(conn)
        run = last_run(engine)
        alerts = [{"id": a.id, "player_id": a.player_id, "raised_at": a.raised_at.isoformat(),
                   "checks": a.checks, "summary": a.summary()} for a in list_alerts(engine, status="open")]
    except Exception as exc:  # noqa: BLE001 - driver errors become domain errors
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
    score = None
    if run and run["players_total"] is not None:
        score = 1.0 if not run["players_total"] else \
            (run["players_total"] - (run["players_failing"] or 0)) / run["players_total"]
    return Dashboard(
        at=at, updates_per_minute=last5 / 5.0, updates_last_hour=last60,
        publish_p50_ms=_ms(pub[0]), publish_p99_ms=_ms(pub[1]),
        terminal_p50_ms=_ms(term[0]), terminal_p99_ms=_ms(term[1]),
        refused_by_reason=refused["refused"], failed_by_reason=refused["failed"],
        consistency_score=score, last_full_check=run,
        accuracy_rate=None if not checks else (checks - bad) / checks,
        backlog=backlog, backlog_age_s=float(age), terminals=terminals, open_alerts=alerts,
        series=hourly, replication=replication)
