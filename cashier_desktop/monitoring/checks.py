"""Integrity checks the watch runs: per changed player within seconds, and the full check.

Both return findings as lists (an empty list is clean). The per-player check is the SQL
function `player_checks(players)` from migration 0005, so the player's row and the ledger
sums are read in one statement, one snapshot: a posting is one statement too, so a
check can never see half of one (no false alert under load). The full check adds the
ledger-wide hash-chain verification of `ledger.integrity` and records each run.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from ..ledger.integrity import run_integrity

_CHECK_SOME = text("""SELECT d.player_id, d.check_name, d.expected, d.actual
    FROM players p CROSS JOIN LATERAL player_checks(p) d
    WHERE p.id = ANY(:ids) ORDER BY 1, 2""")
_CHECK_ALL = text("""SELECT d.player_id, d.check_name, d.expected, d.actual
    FROM players p CROSS JOIN LATERAL player_checks(p) d ORDER BY 1, 2""")


DRAWER_CHECK = "drawer_matches_ledger"
DRAWER_KEY = "drawer of shift "  # a drawer's findings sit beside the players', under this key


def players_failing(findings: dict) -> int:
    """Players with findings: a drawer's findings sit beside them but are not a player's."""
    return sum(1 for key in findings if not key.startswith(DRAWER_KEY))


@dataclass(frozen=True, slots=True)
class PlayerFinding:
    """One failed check of one player: what the ledger says, what the row holds."""

    player_id: str
    check: str
    expected: str | None = None
    actual: str | None = None

    def sentence(self) -> str:
        if self.check == DRAWER_CHECK:  # keyed by the drawer, not a player (ledger/integrity.py)
            return f"{self.player_id}: running figure {self.actual}, its rows add up to {self.expected}"
        if self.actual is None:
            return f"player {self.player_id}: {self.check.replace('_', ' ')}: {self.expected}"
        return (f"player {self.player_id}: {self.check.replace('_', ' ')}: "
                f"ledger says {self.expected}, row holds {self.actual}")

    def to_json(self) -> dict:
        return asdict(self)


def _group(rows) -> dict[str, list[PlayerFinding]]:
    out: dict[str, list[PlayerFinding]] = defaultdict(list)
    for pid, check, expected, actual in rows:
        out[pid].append(PlayerFinding(pid, check, expected, actual))
    return dict(out)


def check_players(conn: Connection, player_ids: list[str]) -> dict[str, list[PlayerFinding]]:
    """Findings of the given players, by player (players that pass are absent)."""
    if not player_ids:
        return {}
    return _group(conn.execute(_CHECK_SOME, {"ids": list(player_ids)}).fetchall())


def check_all_players(conn: Connection) -> dict[str, list[PlayerFinding]]:
    return _group(conn.execute(_CHECK_ALL).fetchall())


@dataclass
class IntegrityRun:
    """One full check: how many players, which failed and why."""

    id: int | None
    trigger: str
    started_at: datetime
    finished_at: datetime | None
    players_total: int
    findings: dict[str, list[PlayerFinding]] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None

    @property
    def players_failing(self) -> int:
        return players_failing(self.findings)

    @property
    def clean(self) -> bool:
        return self.error is None and not self.findings

    @property
    def consistency_score(self) -> float | None:
        """Share of players passing every check (the report's "data consistency score")."""
        if not self.players_total:
            return None if self.error else 1.0
        return (self.players_total - self.players_failing) / self.players_total

    def to_json(self) -> dict:
        return {"id": self.id, "trigger": self.trigger, "started_at": self.started_at.isoformat(),
                "finished_at": self.finished_at.isoformat() if self.finished_at else None,
                "players_total": self.players_total, "players_failing": self.players_failing,
                "clean": self.clean, "consistency_score": self.consistency_score,
                "seconds": round(self.seconds, 3), "error": self.error,
                "findings": [f.to_json() for fs in self.findings.values() for f in fs]}


MAX_STORED_FINDINGS = 1000


def run_full_check(engine: Engine, *, trigger: str = "manual", anchor=None) -> IntegrityRun:
    """Check every player and every hash chain; record the run in `integrity_runs`.

    With `anchor` (monitoring/anchor.py), the chain heads are also compared with the signed
    anchors kept outside the database: a ledger re-chained by a DBA is found there.
    """
    t0 = time.perf_counter()
    with engine.begin() as conn:
        started = conn.execute(text("SELECT clock_timestamp()")).scalar()
        run_id = conn.execute(text("""INSERT INTO integrity_runs (trigger, started_at)
            VALUES (:t, :s) RETURNING id"""), {"t": trigger, "s": started}).scalar()
    findings: dict[str, list[PlayerFinding]] = {}
    total, error = 0, None
    try:
        with engine.connect() as conn:
            total = conn.execute(text("SELECT count(*) FROM players")).scalar()
            findings = check_all_players(conn)
        for f in run_integrity(engine, chains=True):
            if f.check == "hash_chain":
                detail = f.expected + (f" (posting {f.posting_id})" if f.posting_id else "")
                findings.setdefault(f.player_id, []).append(PlayerFinding(f.player_id, "hash_chain", detail))
            elif f.check == DRAWER_CHECK:
                key = f"{DRAWER_KEY}{f.shift_id} ({f.currency})"
                findings.setdefault(key, []).append(PlayerFinding(key, DRAWER_CHECK, f.expected, f.actual))
        if anchor is not None:
            for f in anchor.verify(engine):
                detail = f.expected + (f" (posting {f.posting_id})" if f.posting_id else "")
                findings.setdefault(f.player_id, []).append(PlayerFinding(f.player_id, "chain_anchor", detail,
                                                                          f.actual))
    except Exception as exc:  # noqa: BLE001 - the run is recorded as failed, then re-raised
        error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _finish(engine, run_id, total, findings, error)
        raise
    finished = _finish(engine, run_id, total, findings, None)
    return IntegrityRun(run_id, trigger, started, finished, total, findings,
                        time.perf_counter() - t0, error)


def _finish(engine: Engine, run_id: int, total: int, findings: dict, error: str | None) -> datetime:
    flat = [f.to_json() for fs in findings.values() for f in fs]
    with engine.begin() as conn:
        return conn.execute(text("""UPDATE integrity_runs SET finished_at = clock_timestamp(),
                players_total = :n, players_failing = :f, findings_count = :c, clean = :ok,
                findings = CAST(:j AS jsonb), error = :e
            WHERE id = :id RETURNING finished_at"""), {
            "id": run_id, "n": total, "f": players_failing(findings), "c": len(flat),
            "ok": error is None and not findings, "j": json.dumps(flat[:MAX_STORED_FINDINGS]),
            "e": error}).scalar()


def last_run(engine: Engine, *, trigger: str | None = None) -> dict | None:
    """The newest finished run (optionally of one trigger), as a dict.

    Runs dated in the future are ignored (issue 14, attack 6): a `clean` run dated 2099 must
    neither stand for the last check nor stop the schedule.
    """
    with engine.connect() as conn:
        row = conn.execute(text("""SELECT id, trigger, started_at, finished_at, players_total,
                players_failing, findings_count, clean, error FROM integrity_runs
            WHERE finished_at IS NOT NULL AND (CAST(:t AS text) IS NULL OR trigger = :t)
              AND started_at <= now() AND finished_at <= now()  -- a future-dated run is forged: ignored
            ORDER BY started_at DESC LIMIT 1"""), {"t": trigger}).first()
    return dict(row._mapping) if row else None
