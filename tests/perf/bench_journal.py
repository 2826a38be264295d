"""Journal benchmarks: append latency with synchronous=FULL, and replay against live posting.

(a) Journal append latency (the intent written durably before anything is sent): p50 and
    p99 over N appends to a journal file on disk (WAL, `synchronous=FULL`), against the
    bare fsync of a small write to a file in the same directory (what durability costs).
(b) Replay of 10,000 pending entries into the ledger (entries per second, one connection,
    in-doubt lookup included) against the online posting rate at one connection measured
    in the same run (`ledger.posting.post`, one posting per round trip and commit; the better
    of a run before and a run after the replay). Target
    ≥ 1.0×: replay batches postings into one ledger transaction each (per-posting
    idempotency and order kept), and records each batch in one journal transaction.
(c) For information: the journaled live posting rate (journal → ledger → journal).

`quick=True` uses small sizes. Data lives in databases of its own, dropped at the end.
"""

from __future__ import annotations

import os
import statistics
import shutil
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.journal.replay import replay
from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import seed_staff
from cashier_desktop.terminal.journaled import JournaledPoster
from cashier_desktop.ledger.journal_port import PostgresLedger
from cashier_desktop.terminal.online import Link, OfflinePolicy

HERE = Path(__file__).parent
PLAYERS = 200


def _cmd(i: int, terminal: str = "T-BENCH") -> PostingCommand:
    return PostingCommand(kind=Kind.DEPOSIT, player_id=f"bp-{i % PLAYERS}", amount=Money(Decimal("10.00"), "INR"),
                          staff_id="C100", terminal_id=terminal)


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_append(n: int, where: Path) -> list[dict]:
    path = where / "bench-journal.sqlite"
    lat = []
    with Journal(path, terminal_id="T-BENCH") as j:
        for i in range(n):
            c = _cmd(i)
            t0 = time.perf_counter()
            j.append_pending(c, ledger="bench")
            lat.append((time.perf_counter() - t0) * 1000)
    fs = []
    fd = os.open(where / "fsync-probe", os.O_WRONLY | os.O_CREAT)
    try:
        for _ in range(min(n, 500)):
            t0 = time.perf_counter()
            os.write(fd, b"x" * 256)
            os.fsync(fd)
            fs.append((time.perf_counter() - t0) * 1000)
    finally:
        os.close(fd)
    ref50 = statistics.median(fs)
    p50, p99 = statistics.median(lat), _pct(lat, 0.99)
    return [
        {"name": f"journal append p50 ({n} appends, synchronous=FULL)", "value": p50, "unit": "ms",
         "reference": ref50, "ratio": p50 / ref50 if ref50 else None, "target": "info (vs one bare fsync)"},
        {"name": "journal append p99", "value": p99, "unit": "ms", "reference": _pct(fs, 0.99),
         "ratio": None, "target": "info"},
    ]


def _prepare(engine) -> None:
    seed_staff(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO players (id, name) SELECT 'bp-' || g, 'Bench ' || g "
                          "FROM generate_series(0, :n - 1) g"), {"n": PLAYERS})


def bench_replay(n_replay: int, n_live: int, where: Path) -> list[dict]:
    from tests.support.databases import DatabaseFactory
    factory = DatabaseFactory()
    try:
        url, admin_engine = factory.create()
        _prepare(admin_engine)
        engine = make_engine(url, pool_size=1)
        engine.pool._max_overflow = 0  # one connection, for both sides
        try:
            def live() -> float:
                """Live postings, one per round trip and commit, one connection."""
                t0 = time.perf_counter()
                for i in range(n_live):
                    post(engine, _cmd(i, "T-LIVE"))
                return n_live / (time.perf_counter() - t0)
            live_before = live()

            # replay: n_replay pending entries taken offline, then sent
            path = where / "bench-replay.sqlite"
            with Journal(path, terminal_id="T-BENCH") as j:
                port = PostgresLedger(engine)
                for i in range(n_replay):
                    j.append_pending(_cmd(i), ledger=port.name, offline=True)
                t0 = time.perf_counter()
                report = replay(j, port, batch_size=200)
                replay_rate = n_replay / (time.perf_counter() - t0)
                assert report.complete and report.posted == n_replay, report
                assert j.pending_count() == 0

            # the reference is the better of two live runs, before and after the replay (the
            # machine is shared: this keeps a load spike during the live run from flattering replay)
            live_rate = max(live_before, live())

            # information: live postings through the journal (two durable journal writes each)
            with Journal(where / "bench-live.sqlite", terminal_id="T-BENCH") as j:
                port = PostgresLedger(engine)
                poster = JournaledPoster(j, port, Link(j, port.name, OfflinePolicy(
                    Decimal(0), Decimal(0), False, Decimal(0)), terminal_id="T-BENCH"), hook=lambda _p: None)
                t0 = time.perf_counter()
                for i in range(n_live):
                    poster(_cmd(i, "T-BENCH"))
                journaled_rate = n_live / (time.perf_counter() - t0)
            with admin_engine.connect() as conn:
                rows = conn.execute(text("SELECT count(*) FROM ledger_transactions")).scalar()
            assert rows == n_replay + 3 * n_live
        finally:
            engine.dispose()
    finally:
        factory.close()
    return [
        {"name": f"replay of {n_replay:,} pending entries, 1 connection", "value": replay_rate,
         "unit": "entries/s", "reference": live_rate, "ratio": replay_rate / live_rate,
         "target": "≥ 1.0× live posting"},
        {"name": "journaled live posting (journal → ledger → journal), 1 connection", "value": journaled_rate,
         "unit": "postings/s", "reference": live_rate, "ratio": journaled_rate / live_rate, "target": "info"},
    ]


def run(quick: bool) -> list[dict]:
    where = Path(tempfile.mkdtemp(prefix="bench-journal-", dir=HERE.parent.parent / "perf-results")
                 if (HERE.parent.parent / "perf-results").is_dir() else tempfile.mkdtemp(prefix="bench-journal-"))
    try:
        rows = bench_append(300 if quick else 3000, where)
        rows += bench_replay(1000 if quick else 10_000, 300 if quick else 2000, where)
        return rows
    finally:
        shutil.rmtree(where, ignore_errors=True)  # the journals' files and their `.owners` folders
