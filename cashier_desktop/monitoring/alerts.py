"""Integrity alerts: the table, the evidence each one carries, and their announcement.

An alert is raised for a player whose cached columns disagree with the ledger. It freezes
the evidence a supervisor needs to decide: the cached columns, what the ledger says,
which checks fail, and the recent changes of the row from the outbox — who (database
role, application, client address), when, old and new values, and which posting (if
any) explains each one. At most one alert per player is open; further changes while it
is open are appended to `integrity_alert_evidence` (migration 0011: append-only; the
alert's own evidence is frozen when raised) and readers see the newest. Only a
supervisor closes it (`corrections.py`), through the database's `cage.*` functions.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from ..domain.errors import (AlertNotOpen, AlertStillHolds, ChainBroken,  # noqa: F401 - where callers find them
                             NothingToCorrect, RevertNotPossible)
from .checks import PlayerFinding

log = logging.getLogger(__name__)

ALERT_EVENT = "integrity.alert"
RESOLVED_EVENT = "integrity.resolved"
CAGE_CHANNEL = "private-cage"
MAX_CHANGES = 50


@dataclass(frozen=True)
class Alert:
    id: int
    player_id: str
    status: str
    source: str
    checks: list[str]
    evidence: dict
    event_id: int | None
    raised_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    resolution_reason: str | None
    posting_id: Any
    announced_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def summary(self) -> str:
        """One line for a banner, in a supervisor's words: whose balance, which checks fail,
        and when and by which database login it was changed without a posting (or, for an
        authentication alert raised by `cage.staff_login`, whose PIN keeps being guessed)."""
        if self.source == "auth":
            e = self.evidence
            return (f"Alert {self.id}: staff {e.get('staff_id')} locked out {e.get('lockouts')} times in a row "
                    f"(wrong PINs; last from login {e.get('db_login')}"
                    f"{' at ' + e['terminal_id'] if e.get('terminal_id') else ''}), locked until "
                    f"{str(e.get('locked_until', ''))[:19]}.")
        checks = ", ".join(c.replace("_", " ") for c in self.checks[:3]) or "balance check"
        text = (f"Alert {self.id}: the balance of player {self.player_id} disagrees with the ledger "
                f"(failed: {checks})")
        unexplained = [c for c in self.evidence.get("changes", []) if not c.get("explained_by")]
        if unexplained:
            c = unexplained[0]
            at = str(c.get("at", ""))[:19].replace("T", " ")
            text += (f". It was changed without a posting at {at}, by the database login "
                     f"“{c.get('changed_by') or 'unknown'}”")
            if c.get("client_addr"):
                text += f" from the computer {c['client_addr']}"
        return text + "."

    def to_json(self) -> dict:
        return {"id": self.id, "playerId": self.player_id, "status": self.status, "source": self.source,
                "checks": list(self.checks), "evidence": self.evidence, "eventId": self.event_id,
                "raisedAt": self.raised_at.isoformat(), "updatedAt": self.updated_at.isoformat(),
                "resolvedAt": self.resolved_at.isoformat() if self.resolved_at else None,
                "resolvedBy": self.resolved_by, "resolutionReason": self.resolution_reason,
                "postingId": str(self.posting_id) if self.posting_id else None,
                "summary": self.summary()}

    def announcement(self) -> dict:
        """The small payload broadcast on `private-cage` (the evidence stays in the table)."""
        return {"alertId": self.id, "playerId": self.player_id, "status": self.status,
                "source": self.source, "checks": list(self.checks), "raisedAt": self.raised_at.isoformat(),
                "summary": self.summary(),
                "cached": self.evidence.get("cached", {}), "ledger": self.evidence.get("ledger", {})}


_COLUMNS = """id, player_id, status, source, checks, evidence, event_id, raised_at, updated_at,
    resolved_at, resolved_by, resolution_reason, posting_id, announced_at"""
# An alert as readers see it: its row, with the newest appended evidence (migration 0011:
# the row's own evidence is frozen when it is raised; later evidence is appended).
_ALERTS = """(SELECT a.id, a.player_id, a.status, a.source, coalesce(e.checks, a.checks) AS checks,
        coalesce(e.evidence, a.evidence) AS evidence, coalesce(e.event_id, a.event_id) AS event_id,
        a.raised_at, greatest(a.updated_at, e.at) AS updated_at, a.resolved_at, a.resolved_by,
        a.resolution_reason, a.posting_id, a.announced_at
    FROM integrity_alerts a LEFT JOIN LATERAL (
        SELECT x.checks, x.evidence, x.event_id, x.at FROM integrity_alert_evidence x
        WHERE x.alert_id = a.id ORDER BY x.id DESC LIMIT 1) e ON true) AS alerts"""


def _alert(row) -> Alert:
    m = dict(row._mapping)
    m["checks"] = list(m["checks"] or [])
    return Alert(**m)


def get_alert(conn: Connection, alert_id: int) -> Alert | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM {_ALERTS} WHERE id = :id"), {"id": alert_id}).first()
    return _alert(row) if row else None


def alert_by_id(engine: Engine, alert_id: int) -> Alert | None:
    """One alert, or None (a connection of its own: what the supervisor's screens ask)."""
    with engine.connect() as conn:
        return get_alert(conn, alert_id)


def list_alerts(engine: Engine, *, status: str | None = "open", limit: int = 100,
                since: datetime | None = None) -> list[Alert]:
    """Alerts newest first; `status=None` for every status."""
    with engine.connect() as conn:
        rows = conn.execute(text(f"""SELECT {_COLUMNS} FROM {_ALERTS}
            WHERE (CAST(:s AS text) IS NULL OR status = :s)
              AND (CAST(:since AS timestamptz) IS NULL OR raised_at >= :since)
            ORDER BY id DESC LIMIT :n"""), {"s": status, "n": limit, "since": since}).fetchall()
    return [_alert(r) for r in rows]


def open_alert_count(conn: Connection) -> int:
    return conn.execute(text("SELECT count(*) FROM integrity_alerts WHERE status = 'open'")).scalar()


def _s(v: Any) -> Any:
    return None if v is None else str(v)


def gather_evidence(conn: Connection, player_id: str, findings: list[PlayerFinding]) -> dict:
    """Cached columns, ledger state, failing checks and the row's recent changes."""
    p = conn.execute(text("""SELECT balance, current_credit, credit_limit, credit_approved,
            total_deposits, total_withdrawals, version, last_hash, updated_at
        FROM players WHERE id = :p"""), {"p": player_id}).first()
    s = conn.execute(text("SELECT * FROM ledger_state(:p)"), {"p": player_id}).first()
    changes = conn.execute(text("""
        SELECT e.id, e.version, e.created_at, e.changed_by, e.application_name,
               host(e.client_addr) AS client_addr, e.txid, e.old_values, e.payload,
               (SELECT t.id FROM ledger_transactions t
                 WHERE t.player_id = e.player_id
                   AND t.cash_after = CAST(e.payload->>'cashBalance' AS numeric)
                   AND t.credit_after = CAST(e.payload->>'creditBalance' AS numeric)
                   AND t.limit_after = CAST(e.payload->>'creditLimit' AS numeric)
                   AND t.approved_after = CAST(e.payload->>'creditApproved' AS boolean)
                   AND t.cash_after - t.cash_delta = CAST(e.old_values->>'cashBalance' AS numeric)
                   AND t.credit_after - t.credit_delta = CAST(e.old_values->>'creditBalance' AS numeric)
                 ORDER BY t.seq DESC LIMIT 1) AS explained_by
        FROM balance_events e WHERE e.player_id = :p ORDER BY e.id DESC LIMIT 10"""),
        {"p": player_id}).fetchall()
    cached = {} if p is None else {
        "cash": _s(p.balance), "credit": _s(p.current_credit), "creditLimit": _s(p.credit_limit),
        "creditApproved": p.credit_approved, "totalDeposits": _s(p.total_deposits),
        "totalWithdrawals": _s(p.total_withdrawals), "version": p.version, "lastHash": p.last_hash,
        "updatedAt": p.updated_at.isoformat()}
    ledger = {} if s is None else {
        "cash": _s(s.cash), "credit": _s(s.credit), "creditLimit": _s(s.limit_after),
        "creditApproved": s.approved_after, "totalDeposits": _s(s.dep), "totalWithdrawals": _s(s.wd),
        "lastHash": s.last_hash, "postings": s.rows, "chainIntact": s.chain_ok}
    return {
        "cached": cached, "ledger": ledger,
        "findings": [f.to_json() for f in findings],
        "changes": [{"event_id": c.id, "version": c.version, "at": c.created_at.isoformat(),
                     "changed_by": c.changed_by, "application_name": c.application_name,
                     "client_addr": c.client_addr, "txid": c.txid, "old": c.old_values, "new": c.payload,
                     "explained_by": _s(c.explained_by)} for c in changes],
    }


def _merge_changes(old: list[dict], new: list[dict]) -> list[dict]:
    by_id = {c["event_id"]: c for c in old}
    for c in new:
        by_id.setdefault(c["event_id"], c)
    return sorted(by_id.values(), key=lambda c: c["event_id"], reverse=True)[:MAX_CHANGES]


# The watch never waits on a lock someone else holds on an alert (attack 7): it takes none
# on existing alerts, and a statement that would wait gives up after this.
LOCK_TIMEOUT = "500ms"


def raise_alert(engine: Engine, player_id: str, findings: list[PlayerFinding], *, source: str,
                event_id: int | None = None) -> tuple[Alert, bool]:
    """Open an alert for the player, or append evidence to the open one. Returns (alert, newly_raised).

    Takes no row lock on an existing alert: a session holding `FOR UPDATE` on the alerts
    cannot stall the watch. An open alert's row is never rewritten; what is new since it was
    raised goes to `integrity_alert_evidence` (append-only).
    """
    checks = sorted({f.check for f in findings})
    for _attempt in range(3):
        with engine.begin() as conn:
            conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
            evidence = gather_evidence(conn, player_id, findings)
            new = conn.execute(text(f"""INSERT INTO integrity_alerts (player_id, source, checks, evidence, event_id)
                VALUES (:p, :src, :checks, CAST(:ev AS jsonb), :e)
                ON CONFLICT (player_id) WHERE status = 'open' DO NOTHING RETURNING {_COLUMNS}"""),
                {"p": player_id, "src": source, "checks": checks,
                 "ev": json.dumps(evidence, default=str), "e": event_id}).first()
            if new is not None:
                return _alert(new), True
            row = conn.execute(text(f"""SELECT {_COLUMNS} FROM {_ALERTS}
                WHERE player_id = :p AND status = 'open'"""), {"p": player_id}).first()
            if row is None:
                continue  # resolved between the two statements: raise a new one
            current = _alert(row)
            merged = _merge_changes(current.evidence.get("changes", []), evidence["changes"])
            if checks == sorted(current.checks) and len(merged) == len(current.evidence.get("changes", [])):
                return current, False
            evidence["changes"] = merged
            evidence["first_seen"] = {k: current.evidence.get(k) for k in ("cached", "ledger")} \
                if "first_seen" not in current.evidence else current.evidence["first_seen"]
            conn.execute(text("""INSERT INTO integrity_alert_evidence (alert_id, checks, evidence, event_id)
                VALUES (:id, :checks, CAST(:ev AS jsonb), :e)"""),
                {"id": current.id, "checks": checks, "ev": json.dumps(evidence, default=str),
                 "e": event_id if event_id is not None else current.event_id})
            return get_alert(conn, current.id), False
    raise RuntimeError(f"could not raise an alert for player {player_id}: it kept being resolved meanwhile")


Announcer = Callable[[str, str, dict], None]


def announce_pending(engine: Engine, publish: Announcer | None) -> int:
    """Broadcast every open alert not yet announced (a failed publish is retried later)."""
    if publish is None:
        return 0
    done = 0
    with engine.connect() as conn:
        rows = conn.execute(text(f"""SELECT {_COLUMNS} FROM {_ALERTS}
            WHERE status = 'open' AND announced_at IS NULL ORDER BY id LIMIT 50""")).fetchall()
    for row in rows:
        alert = _alert(row)
        try:
            publish(CAGE_CHANNEL, ALERT_EVENT, alert.announcement())
        except Exception as exc:  # noqa: BLE001 - the row stays unannounced and is retried
            log.warning("could not announce alert %s: %s", alert.id, exc)
            break
        with engine.begin() as conn:
            # SKIP LOCKED: a row someone holds is marked on a later round (announced twice at worst).
            conn.execute(text("""UPDATE integrity_alerts SET announced_at = clock_timestamp()
                WHERE id = (SELECT id FROM integrity_alerts WHERE id = :id FOR UPDATE SKIP LOCKED)"""),
                         {"id": alert.id})
        done += 1
    return done
