"""The soak's observers and final checks: feed subscribers, CLI checks, ledger accounting.

`Subscriber` runs `cashier-desktop feed watch [PLAYER]` (the terminal's own feed code) and
stamps each JSON line with its arrival time as it comes, so the proof can compare what
every subscriber ended up believing with the ledger, and measure sync latency against
the outbox row's creation time. `prove()` fills the report table; each check uses the
product's own command-line contract where one exists (`integrity --json`,
`journal verify`, `journal pending --json`, `reconcile`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from tests.e2e import soak_journal
from tests.e2e.soak_portal import PORTAL_TERMINAL
from tests.e2e import soak_cage
from tests.e2e.soak_proof import (Report, accountability_check, account, cage_account, collect_cage_ops, collect_ops,
                                  latency_figures, outcome_mix, versions_complete, window_tally)
from tests.e2e.soak_terminal import read_results
from tests.support.faults import die_with_parent

BALANCE_FIELDS = ("cashBalance", "creditBalance", "creditLimit", "creditApproved", "totalDeposits",
                  "totalWithdrawals")


class Subscriber:
    """A `feed watch` process whose every output line is stamped on arrival and kept."""

    def __init__(self, name: str, player: str | None, *, env: dict, path: Path, cwd: str) -> None:
        self.name, self.player, self.env, self.path, self.cwd = name, player, env, path, cwd
        self.proc: subprocess.Popen | None = None
        self.thread: threading.Thread | None = None
        self.crashes = 0
        self.lines: list[tuple[float, dict]] = []
        self._lock = threading.Lock()

    def start(self) -> "Subscriber":
        argv = [sys.executable, "-m", "cashier_desktop", "feed", "watch"] + ([self.player] if self.player else [])
        err = open(self.path.with_suffix(".stderr"), "ab")
        self.proc = subprocess.Popen(argv, env=self.env, cwd=self.cwd, stdout=subprocess.PIPE, stderr=err,
                                     stdin=subprocess.DEVNULL, start_new_session=True,
                                     preexec_fn=die_with_parent if sys.platform == "linux" else None)
        err.close()
        self.thread = threading.Thread(target=self._read, args=(self.proc,), daemon=True, name=self.name)
        self.thread.start()
        return self

    def _read(self, proc: subprocess.Popen) -> None:
        with open(self.path, "a") as out:
            for raw in proc.stdout:
                t = time.time()
                try:
                    data = json.loads(raw)
                except ValueError:
                    continue
                with self._lock:
                    self.lines.append((t, data))
                out.write(json.dumps({"arrived": t, **data}) + "\n")
                out.flush()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def connected(self) -> bool:
        """The feed said `connected` at least once (its state lines go to stderr)."""
        try:
            return "feed: connected" in self.path.with_suffix(".stderr").read_text()
        except OSError:
            return False

    def view(self) -> dict[str, dict]:
        """Per player, the newest state this subscriber was told (highest version)."""
        out: dict[str, dict] = {}
        with self._lock:
            lines = list(self.lines)
        for _, d in lines:
            pid, v = d.get("playerId"), d.get("version")
            if pid is None or v is None:
                continue
            if pid not in out or int(v) > int(out[pid]["version"]):
                out[pid] = d
        return out

    def deliveries(self) -> list[tuple[float, dict]]:
        with self._lock:
            return [(t, d) for t, d in self.lines if d.get("playerId") is not None and d.get("version") is not None]

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=5)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=5)
        if self.thread is not None:
            self.thread.join(timeout=5)


def cli(soak, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `cashier-desktop ARGS` against the soak's ledger, as an operator would."""
    full_env = {**soak._base_env(), "CASHIER_DATABASE_URL": soak.url, **(env or {})}
    return subprocess.run([sys.executable, "-m", "cashier_desktop", *args], env=full_env, cwd=str(soak.dir),
                          capture_output=True, text=True, timeout=timeout)


def _ledger_state(soak) -> tuple[dict, dict, dict]:
    writers = set(soak.terminal_ids) | {PORTAL_TERMINAL}
    with soak.engine.connect() as conn:
        rows = conn.execute(text("""SELECT id::text, kind, player_id, amount, terminal_id FROM ledger_transactions
                                    WHERE terminal_id = ANY(:w)"""), {"w": sorted(writers)}).mappings().all()
        players = {r["id"]: dict(r) for r in conn.execute(text(
            "SELECT id, version, balance, current_credit, credit_limit, credit_approved, total_deposits, "
            "total_withdrawals FROM players "
            "WHERE id = ANY(:p)"), {"p": soak.players}).mappings()}
        counts = dict(conn.execute(text("SELECT player_id, count(*) FROM ledger_transactions "
                                        "WHERE player_id = ANY(:p) GROUP BY player_id"), {"p": soak.players}).all())
    return {r["id"]: dict(r) for r in rows}, players, counts


def prove(soak, report: Report) -> None:
    """Fill `report` with every line of the final proof."""
    kinds = soak.fault_kinds()
    total = sum(v for k, v in soak.faults.items() if not k.startswith("("))
    report.add("faults injected", total, total > 0 or not kinds, "" if kinds else "a fault-free run (--faults none)")
    for k in kinds:
        n = soak.faults.get(k, 0)
        report.add(f"  fault: {k}", n, True if n else None, "" if n else "never drawn: the run was too short")
    for k in ("(unplanned exits)", "(writers that would not stop)"):
        report.add(f"  {k.strip('()')}", soak.faults.get(k, 0), soak.faults.get(k, 0) == 0)

    ops, touches, restarts = [], 0, 0
    for writer in [*soak.writer_names, "portal"]:
        writer_ops, marks = collect_ops(writer, read_results(soak.dir / f"{writer}.jsonl"))
        ops += writer_ops.values()
        touches += marks["touches"]
        restarts += max(0, marks["start"] - 1)
    journals = None
    if soak.features["journal"]:
        journals = {tid: soak_journal.entries(soak.dir / f"{tid}.journal.sqlite") for tid in soak.terminal_ids}
    ledger_rows, players, counts = _ledger_state(soak)
    account(report, ops, ledger_rows, journals, set(soak.terminal_ids) | {PORTAL_TERMINAL})
    report.add("  outcomes as the writers saw them", len(ops), True, outcome_mix(ops))
    shared = [op for op in ops if op.writer.endswith("-second-process")]
    report.add("  of which by a second process sharing a terminal's journal", len(shared),
               bool(shared) or not soak.features["journal"], outcome_mix(shared))
    report.add("  writer restarts (after SIGKILL)", restarts, True)
    report.add("  portal touch-UPDATEs (no balance change)", touches, True)
    if soak.cli_writer is None:
        report.add("CLI contract under fire (`post --json` exit 0/2/3/4 only)", "-", None,
                   "no `shift`/`journal` commands in this build")
    else:
        codes = soak.cli_writer.exit_codes
        report.add("CLI contract under fire (`post --json` exit 0/2/3/4 only)", sum(codes.values()),
                   bool(codes) and set(codes) <= {0, 2, 3, 4},
                   ", ".join(f"exit {k}: {v}" for k, v in sorted(codes.items())))

    r = cli(soak, "integrity", "--json")
    try:
        clean = json.loads(r.stdout).get("clean") is True
    except ValueError:
        clean = False
    report.add("integrity clean (`integrity --json`)", f"exit {r.returncode}", r.returncode == 0 and clean,
               "" if clean else (r.stdout + r.stderr)[-400:])

    unexplained = [p for p, row in players.items() if row["version"] != counts.get(p, 0)]
    report.add("every balance version explained by a posting", f"{len(players)} players", not unexplained,
               ", ".join(f"{p}: version {players[p]['version']} vs {counts.get(p, 0)} postings"
                         for p in unexplained[:5]))

    _cage_checks(soak, report)
    _journal_checks(soak, report)
    _outbox_and_feed_checks(soak, report, players)


def _cage_rows(conn) -> dict[str, dict]:
    """The cage window's exchanges, transfers and handovers in the ledger, by key (soak_proof.cage_key)."""
    rows: dict[str, dict] = {}
    t = {"t": soak_cage.TERMINAL}
    for r in conn.execute(text("""SELECT id::text, direction, btrim(currency) AS currency, foreign_amount
                                  FROM fx_exchanges WHERE terminal_id = :t"""), t).mappings():
        rows[r["id"]] = {"kind": f"fx_{r['direction']}", "amount": r["foreign_amount"], "currency": r["currency"]}
    for r in conn.execute(text("""SELECT id::text, kind, btrim(currency) AS currency, amount FROM bank_transfers
                                  WHERE terminal_id = :t"""), t).mappings():
        rows[r["id"]] = {"kind": r["kind"], "amount": r["amount"], "currency": r["currency"]}
    for r in conn.execute(text("""SELECT q.id::text AS id, h.from_shift, h.incoming_staff, h.counted, s.expected
                                  FROM shift_handovers h JOIN shifts s ON s.id = h.from_shift
                                  JOIN handover_requests q ON q.from_shift = h.from_shift
                                  WHERE h.terminal_id = :t"""), t).mappings():
        rows[r["id"]] = {"kind": "handover", "amount": r["counted"], "currency": "INR",
                         "incoming": r["incoming_staff"], "expected": r["expected"],
                         "foreign": _foreign_at_close(conn, r["from_shift"])}
    return rows


def _foreign_at_close(conn, shift_id: int) -> dict[str, tuple[Decimal, Decimal]]:
    """A handed-over shift's foreign cash as counted and as the ledger expected it (0032)."""
    return {r.currency: (r.counted, r.expected) for r in conn.execute(text(
        """SELECT btrim(currency) AS currency, counted, expected FROM shift_foreign_counts
           WHERE shift_id = :s AND moment = 'close'"""), {"s": shift_id})}


def _independent_accountability(conn) -> dict:
    """Every open drawer, the bank and the markers outstanding, summed here from the ledger's
    tables (not through cage.drawer_expected or cage.accountability)."""
    drawers = {sid: Decimal(v) for sid, v in conn.execute(text("""
        SELECT s.id, s.opening_float
             + coalesce((SELECT sum(l.drawer_delta) FROM ledger_transactions l WHERE l.shift_id = s.id), 0)
             + coalesce((SELECT sum(x.drawer_local_delta) FROM fx_exchanges x WHERE x.shift_id = s.id), 0)
             + coalesce((SELECT sum(b.drawer_delta) FROM bank_transfers b WHERE b.shift_id = s.id), 0)
        FROM shifts s WHERE s.status = 'open'""")).all()}
    bank = conn.execute(text("SELECT coalesce(sum(bank_delta), 0) FROM bank_transfers WHERE currency = 'INR'")).scalar()
    markers = conn.execute(text("SELECT coalesce(sum(amount), 0) FROM markers")).scalar() - conn.execute(
        text("SELECT coalesce(sum(amount), 0) FROM marker_allocations")).scalar()
    return {"drawers": drawers, "bank": Decimal(bank), "markers": Decimal(markers)}


def _cage_checks(soak, report: Report) -> None:
    """The cage window's operations against the ledger, and the cage's total accountability
    for the gaming day against sums computed independently from the ledger's tables."""
    if soak.cage is None:
        report.add("cage operations attempted (exchanges, fills, credits, handovers)", "-", None,
                   "the cage window did not run (Settings.cage_writer)")
        return
    from cashier_desktop.ledger.transfers import accountability
    lines = read_results(soak.dir / f"{soak_cage.TERMINAL}.jsonl")
    with soak.engine.connect() as conn:
        rows = _cage_rows(conn)
    cage_account(report, list(collect_cage_ops(lines).values()), rows)
    with soak.engine.begin() as conn:  # a supervisor's session (the report is theirs)
        supervisor = conn.execute(text("SELECT cage.staff_login('S300', '3333')")).scalar_one()
    with soak.engine.connect() as conn:
        day = conn.execute(text("SELECT CAST(w.gaming_day AS date) FROM cage.cash_windows(now()) w")).scalar_one()
    api = [{"section": ln.section, "shift_id": ln.shift_id, "terminal_id": ln.terminal_id, "amount": ln.amount,
            "ledger": ln.ledger} for ln in accountability(soak.engine, supervisor, day)]
    with soak.engine.connect() as conn:
        independent = _independent_accountability(conn)
    accountability_check(report, api, independent, window_tally(lines, soak_cage.OPENING_FLOAT), str(day))


def _journal_checks(soak, report: Report) -> None:
    if not soak.features["journal_cli"]:
        report.add("every journal verifies (`journal verify`)", "-", None, "no `journal` command in this build")
        report.add("nothing left pending (`journal pending --json`)", "-", None, "no `journal` command in this build")
        report.add("flagged entries signed off by a supervisor (`journal resolve`)", "-", None,
                   "no `journal` command in this build")
        report.add("reconciliation clean (`reconcile`)", "-", None, "no `journal` command in this build")
        return
    bad, pending, flagged, resolve_failures = [], [], [], []
    for tid in soak.terminal_ids:
        env = {"CASHIER_JOURNAL": str(soak.dir / f"{tid}.journal.sqlite"), "CASHIER_TERMINAL_ID": tid}
        r = cli(soak, "journal", "verify", env=env)
        if r.returncode != 0:
            bad.append(f"{tid}: exit {r.returncode} {(r.stdout + r.stderr).strip()[-200:]}")
        r = cli(soak, "journal", "pending", "--json", env=env)
        try:
            n, ids = soak_journal.pending_from_json(r.stdout)
        except ValueError:
            n, ids = -1, []
        if r.returncode != 0 or n != 0:
            pending.append(f"{tid}: {n} pending (exit {r.returncode})")
        # What the journal flags for a supervisor (rejected on replay, posted after the
        # cashier was told it was refused): the soak's supervisor signs each one off.
        for pid in ids:
            flagged.append(f"{tid}:{pid}")
            r = cli(soak, "journal", "resolve", pid, "--staff", "S300", "--note", "soak: checked against the ledger",
                    env={**env, "CASHIER_PIN": "3333"})
            if r.returncode != 0:
                resolve_failures.append(f"{tid}:{pid}: exit {r.returncode} {(r.stdout + r.stderr).strip()[-200:]}")
    report.add("every journal verifies (`journal verify`)", f"{len(soak.terminal_ids)} journals", not bad, "; ".join(bad))
    report.add("nothing left pending (`journal pending --json`)", f"{len(soak.terminal_ids)} journals", not pending,
               "; ".join(pending))
    report.add("flagged entries signed off by a supervisor (`journal resolve`)", len(flagged), not resolve_failures,
               "; ".join(resolve_failures or flagged[:5]))
    if not soak.features["reconcile"]:
        report.add("reconciliation clean (`reconcile --terminal`)", "-", None, "no reconcile command in this build")
        return
    unresolved = []
    # Whole dates a day either side: `reconcile` reads them in the cage's time zone.
    frm = time.strftime("%Y-%m-%d", time.gmtime(soak.started_at - 86400))
    to = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86400))
    for tid in soak.terminal_ids:
        env = {"CASHIER_JOURNAL": str(soak.dir / f"{tid}.journal.sqlite"), "CASHIER_TERMINAL_ID": tid}
        r = cli(soak, "reconcile", "--terminal", tid, "--from", frm, "--to", to, env=env)
        if r.returncode != 0:
            unresolved.append(f"{tid}: exit {r.returncode} {(r.stdout + r.stderr).strip()[-300:]}")
    report.add("reconciliation clean (`reconcile --terminal`)", f"{len(soak.terminal_ids)} terminals", not unresolved,
               "; ".join(unresolved))


def _outbox_and_feed_checks(soak, report: Report, players: dict) -> None:
    with soak.engine.connect() as conn:
        events = conn.execute(text("SELECT player_id, version, created_at FROM balance_events "
                                   "WHERE player_id = ANY(:p)"), {"p": soak.players}).all()
    with open(soak.dir / "balance_events.jsonl", "w") as out:  # kept with --keep, for digging
        for pid, v, at in events:
            out.write(json.dumps({"playerId": pid, "version": v, "created": at.timestamp()}) + "\n")
    by_player: dict[str, list[int]] = {}
    created: dict[tuple[str, int], float] = {}
    for pid, v, at in events:
        by_player.setdefault(pid, []).append(v)
        created[(pid, v)] = at.timestamp()
    gaps = versions_complete(by_player, {p: row["version"] for p, row in players.items()})
    report.add("outbox: one event per version, none missing", f"{len(events)} events", not gaps, "; ".join(gaps[:5]))

    if not soak.features["realtime"]:
        for name in ("outbox fully published by the relay", "every subscriber's final view equals the ledger",
                     "per-player versions complete after refetch", "sync latency during the run"):
            report.add(name, "-", None, "no relay/feed in this build")
        return

    def unpublished() -> int:
        with soak.engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM balance_events WHERE published_at IS NULL")).scalar()
    deadline = time.time() + 60
    while unpublished() and time.time() < deadline:
        time.sleep(0.2)
    left = unpublished()
    report.add("outbox fully published by the relay", f"{left} unpublished", left == 0)

    def expected_for(sub) -> dict[str, dict]:
        ids = [sub.player] if sub.player else soak.players
        return {p: players[p] for p in ids}

    def differences(sub) -> list[str]:
        view, out = sub.view(), []
        for pid, row in expected_for(sub).items():
            got = view.get(pid)
            want = {"version": row["version"], "cashBalance": str(row["balance"]),
                    "creditBalance": str(row["current_credit"]), "creditLimit": str(row["credit_limit"]),
                    "creditApproved": row["credit_approved"], "totalDeposits": str(row["total_deposits"]),
                    "totalWithdrawals": str(row["total_withdrawals"])}
            if got is None:
                out.append(f"{pid}: nothing received")
                continue
            have = {"version": int(got["version"]), **{k: _norm(got.get(k)) for k in BALANCE_FIELDS}}
            want = {k: _norm(v) if k != "version" else v for k, v in want.items()}
            if have != want:
                out.append(f"{pid}: saw {have}, ledger {want}")
        return out

    deadline = time.time() + 60
    while any(differences(s) for s in soak.subscribers) and time.time() < deadline:
        time.sleep(0.2)
    diffs = {s.name: differences(s) for s in soak.subscribers}
    report.add("every subscriber's final view equals the ledger", f"{len(soak.subscribers)} subscribers",
               not any(diffs.values()), "; ".join(f"{k}: {v[:3]}" for k, v in diffs.items() if v))

    problems, refetched = [], 0
    for s in soak.subscribers:
        seen: dict[str, int] = {}
        for _, d in s.deliveries():
            pid, v = d["playerId"], int(d["version"])
            if pid in seen and v <= seen[pid]:
                problems.append(f"{s.name} {pid}: version {v} after {seen[pid]}")
            elif pid in seen and v > seen[pid] + 1:
                refetched += 1
            seen[pid] = max(seen.get(pid, 0), v)
    report.add("per-player versions complete after refetch", f"{refetched} gaps repaired by refetch",
               not problems and not any(diffs.values()), "; ".join(problems[:5]))

    samples, calm = [], []
    settle = 3.0  # seconds after a fault is healed during which it still counts as the fault's
    windows = [(a - 0.5, b + settle) for a, b in soak.windows]
    for s in soak.subscribers:
        for t, d in s.deliveries():
            c = created.get((d["playerId"], int(d["version"])))
            if c is None or c < soak.writers_started_at:
                continue  # the set-up's credit lines were committed before the relay started
            samples.append((t - c) * 1000)
            if not any(a <= c <= b for a, b in windows):
                calm.append((t - c) * 1000)
    soak.latency_ms = {"run": samples, "calm": calm}
    report.add("sync latency during the run (commit → subscriber)", latency_figures(samples), bool(samples),
               f"away from faults (no fault within {settle:.0f} s): {latency_figures(calm)}")


def _norm(v):
    if isinstance(v, bool) or v is None:
        return v
    try:
        return str(Decimal(str(v)).quantize(Decimal("0.01")))
    except ArithmeticError:
        return str(v)
