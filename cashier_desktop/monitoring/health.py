"""The daily, weekly and monthly health review (`cashier-desktop report health`).

The dashboard's figures over a period (ending now, or at `until`): postings by kind,
balance updates and sync latency, refused and failed postings by reason, the balance
accuracy rate, every full integrity run, every alert and how it was resolved, and the
status of the shifts' reconciliation. Markdown for the terminal; `ui/markdown_pdf.write_pdf` renders the
same Markdown through Qt (QTextDocument + QPdfWriter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.errors import InvalidInput
from ..ledger.db import map_error, warn_if_gui_thread

PERIODS = {"day": timedelta(days=1), "week": timedelta(days=7), "month": timedelta(days=30)}


@dataclass
class HealthReport:
    period: str
    start: datetime
    end: datetime
    postings: dict[str, tuple[int, Decimal]]  # kind -> (count, amount)
    balance_updates: int
    publish_p50_ms: float | None
    publish_p99_ms: float | None
    terminal_p50_ms: float | None
    terminal_p99_ms: float | None
    refused: dict[str, int]
    failed: dict[str, int]
    checks: int
    discrepant: int
    runs: list[dict] = field(default_factory=list)
    alerts: list[dict] = field(default_factory=list)
    shifts: dict[str, int] = field(default_factory=dict)
    shifts_needing_signoff: list[dict] = field(default_factory=list)
    currency: str = "INR"  # the cage's: amounts read ₹1,23,456.00, as everywhere else

    @property
    def postings_total(self) -> int:
        return sum(n for n, _ in self.postings.values())

    @property
    def accuracy_rate(self) -> float | None:
        return None if not self.checks else (self.checks - self.discrepant) / self.checks

    @property
    def consistency_score(self) -> float | None:
        done = [r for r in self.runs if r["players_total"] is not None]
        if not done:
            return None
        r = done[-1]
        return 1.0 if not r["players_total"] else (r["players_total"] - r["players_failing"]) / r["players_total"]

    def to_json(self) -> dict:
        return {"period": self.period, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "postings": {k: {"count": n, "amount": str(a)} for k, (n, a) in self.postings.items()},
                "postings_total": self.postings_total, "balance_updates": self.balance_updates,
                "publish_p50_ms": self.publish_p50_ms, "publish_p99_ms": self.publish_p99_ms,
                "terminal_p50_ms": self.terminal_p50_ms, "terminal_p99_ms": self.terminal_p99_ms,
                "refused": self.refused, "failed": self.failed, "checks": self.checks,
                "discrepant": self.discrepant, "accuracy_rate": self.accuracy_rate,
                "consistency_score": self.consistency_score,
                "integrity_runs": self.runs, "alerts": self.alerts, "shifts": self.shifts,
                "shifts_needing_signoff": self.shifts_needing_signoff}

    def to_markdown(self) -> str:
        def pct(v: float | None) -> str:
            return "—" if v is None else f"{v * 100:.2f}%"

        def ms(v: float | None) -> str:
            return "—" if v is None else f"{v:.0f} ms"
        ok_runs = sum(1 for r in self.runs if r["clean"])
        md = [f"# Cage health report — {self.period}",
              "", f"Period: {self.start:%Y-%m-%d %H:%M} to {self.end:%Y-%m-%d %H:%M} UTC", "",
              "## Figures", "", "| figure | value |", "|---|---|",
              f"| postings | {self.postings_total} |",
              f"| balance updates | {self.balance_updates} |",
              f"| sync latency commit → published (p50 / p99) | {ms(self.publish_p50_ms)} / {ms(self.publish_p99_ms)} |",
              f"| sync latency commit → terminal (p50 / p99) | {ms(self.terminal_p50_ms)} / {ms(self.terminal_p99_ms)} |",
              f"| refused postings | {sum(self.refused.values())} |",
              f"| failed postings | {sum(self.failed.values())} |",
              f"| balance accuracy rate | {pct(self.accuracy_rate)} ({self.checks - self.discrepant} of {self.checks} checks) |",
              f"| consistency score (last full check) | {pct(self.consistency_score)} |",
              f"| integrity runs (clean / total) | {ok_runs} / {len(self.runs)} |",
              f"| alerts raised | {len(self.alerts)} |",
              "", "## Postings by kind", "", "| kind | count | amount |", "|---|---|---|"]
        from ..domain.formatting import format_money
        from ..domain.money import Money
        md += [f"| {k} | {n} | {format_money(Money(Decimal(a), self.currency))} |"
               for k, (n, a) in sorted(self.postings.items())] or ["| — | 0 | — |"]
        md += ["", "## Refused and failed postings by reason", "", "| outcome | reason | count |", "|---|---|---|"]
        rows = [f"| refused | {k} | {v} |" for k, v in sorted(self.refused.items())]
        rows += [f"| failed | {k} | {v} |" for k, v in sorted(self.failed.items())]
        md += rows or ["| — | — | 0 |"]
        md += ["", "## Integrity runs", "", "| started | trigger | players | failing | result |", "|---|---|---|---|---|"]
        md += [f"| {r['started_at'][:19]} | {r['trigger']} | {r['players_total'] if r['players_total'] is not None else '—'} | "
               f"{r['players_failing'] if r['players_failing'] is not None else '—'} | "
               f"{'clean' if r['clean'] else (r['error'] or 'findings')} |" for r in self.runs] or ["| — | — | — | — | none |"]
        md += ["", "## Alerts and their resolution", "", "| alert | player | raised | checks | resolution |",
               "|---|---|---|---|---|"]
        md += [f"| {a['id']} | {a['player_id']} | {a['raised_at'][:19]} | {', '.join(a['checks'])} | "
               f"{a['status']}" + (f" by {a['resolved_by']}: {a['resolution_reason']}" if a['resolved_by'] else "")
               + (f" (posting {a['posting_id']})" if a['posting_id'] else "") + " |"
               for a in self.alerts] or ["| — | — | — | — | none |"]
        md += ["", "## Shift reconciliation", "", "| status | shifts |", "|---|---|"]
        md += [f"| {k} | {v} |" for k, v in sorted(self.shifts.items())] or ["| — | 0 |"]
        if self.shifts_needing_signoff:
            md += ["", "Closed shifts with a variance still awaiting a supervisor's sign-off:", ""]
            md += [f"- shift {s['id']} ({s['terminal_id']}, {s['staff_id']}): variance {s['variance']}"
                   for s in self.shifts_needing_signoff]
        return "\n".join(md) + "\n"


def _ms(v) -> float | None:
    return None if v is None else float(v) * 1000.0


def build_report(engine: Engine, period: str, *, until: datetime | None = None,
                 variance_threshold: Decimal = Decimal("0")) -> HealthReport:
    """The health report for the `period` ("day", "week", "month") ending at `until` (now)."""
    warn_if_gui_thread("health report")
    if period not in PERIODS:
        raise InvalidInput(f"The period must be day, week or month, not “{period}”.")
    end = until or datetime.now(timezone.utc)
    start = end - PERIODS[period]
    p = {"a": start, "b": end}
    try:
        with engine.connect() as conn:
            currency = conn.execute(text("SELECT min(currency) FROM ledger_transactions "
                                         "WHERE created_at >= :a AND created_at < :b"), p).scalar()
            postings = {k: (n, a) for k, n, a in conn.execute(text("""SELECT kind, count(*), coalesce(sum(amount), 0)
                FROM ledger_transactions WHERE created_at >= :a AND created_at < :b GROUP BY 1"""), p)}
            updates, pub50, pub99 = conn.execute(text("""SELECT count(*),
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)),
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at))
                FROM balance_events WHERE created_at >= :a AND created_at < :b"""), p).one()
            t50, t99 = conn.execute(text("""SELECT
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.received_at - e.created_at)),
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM a.received_at - e.created_at))
                FROM feed_acks a JOIN balance_events e ON e.player_id = a.player_id AND e.version = a.version
                WHERE a.received_at >= :a AND a.received_at < :b"""), p).one()
            refused: dict[str, dict[str, int]] = {"refused": {}, "failed": {}}
            for outcome, code, n in conn.execute(text("""SELECT outcome, code, count(*) FROM refused_postings
                    WHERE at >= :a AND at < :b GROUP BY 1, 2"""), p):
                refused[outcome][code] = n
            checks, bad = conn.execute(text("""SELECT coalesce(sum(checks), 0), coalesce(sum(discrepant), 0)
                FROM watch_hourly WHERE hour >= date_trunc('hour', CAST(:a AS timestamptz)) AND hour < :b"""), p).one()
            runs = [{"id": r.id, "trigger": r.trigger, "started_at": r.started_at.isoformat(),
                     "players_total": r.players_total, "players_failing": r.players_failing,
                     "findings_count": r.findings_count, "clean": bool(r.clean), "error": r.error}
                    for r in conn.execute(text("""SELECT id, trigger, started_at, players_total, players_failing,
                            findings_count, clean, error FROM integrity_runs
                        WHERE started_at >= :a AND started_at < :b AND finished_at IS NOT NULL
                        ORDER BY started_at"""), p)]
            alerts = [{"id": r.id, "player_id": r.player_id, "raised_at": r.raised_at.isoformat(),
                       "checks": list(r.checks), "source": r.source, "status": r.status,
                       "resolved_by": r.resolved_by, "resolution_reason": r.resolution_reason,
                       "posting_id": str(r.posting_id) if r.posting_id else None}
                      for r in conn.execute(text("""SELECT id, player_id, raised_at, checks, source, status,
                            resolved_by, resolution_reason, posting_id FROM integrity_alerts
                        WHERE raised_at >= :a AND raised_at < :b ORDER BY id"""), p)]
            shifts = {s: n for s, n in conn.execute(text("""SELECT status, count(*) FROM shifts
                WHERE opened_at >= :a AND opened_at < :b GROUP BY 1"""), p)}
            pending = [{"id": r.id, "terminal_id": r.terminal_id, "staff_id": r.staff_id, "variance": str(r.variance)}
                       for r in conn.execute(text("""SELECT id, terminal_id, staff_id, variance FROM shifts
                            WHERE opened_at >= :a AND opened_at < :b AND status = 'closed'
                              AND abs(coalesce(variance, 0)) >= :t AND abs(coalesce(variance, 0)) > 0
                            ORDER BY id"""), {**p, "t": variance_threshold})]
    except Exception as exc:  # noqa: BLE001 - driver errors become domain errors
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
    return HealthReport(period, start, end, postings, updates, _ms(pub50), _ms(pub99), _ms(t50), _ms(t99),
                        refused["refused"], refused["failed"], int(checks), int(bad), runs, alerts, shifts, pending,
                        (currency or "INR").strip())
