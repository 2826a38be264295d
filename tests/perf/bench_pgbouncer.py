"""Hundreds of terminals through PgBouncer: 200 simulated terminals against one server.

PgBouncer 1.18 (Debian's) in transaction mode, run by this benchmark on 127.0.0.1 in front
of a PostgreSQL it owns (tests/support/faults.py `OwnedPostgres`). Each simulated terminal
has its own connection to PgBouncer and posts deposits at a cashier's pace (a posting every
3 s on average, exponential gaps, and one time in six a burst of four back to back); the
terminals run as threads in four processes (spawned), so one interpreter's GIL does not
serialise them all. The engines are made with `prepared_statements=False` (config
`ledger.prepared_statements = false`): 1.18 cannot carry protocol-level prepared
statements in transaction mode.

Figures: counter latency (one `post()` call, what the cashier waits for) p50 and p99 with
200 terminals, against the same with 1 terminal alone through the same PgBouncer (the
ratio); the most server connections in use at once (sampled on the server); the share of
postings answered "ledger unavailable", i.e. a false "offline" (must be 0).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pwd
import random
import shutil
import statistics
import subprocess
import threading
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, text

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.errors import LedgerUnavailable
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import seed_staff
from tests.support.faults import OwnedPostgres, free_port, wait_until

PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
TERMINALS = 200
PROCESSES = 4
POOL_SIZE = 20  # server connections PgBouncer may open for the ledger database
MEAN_GAP_S = 3.0


def available() -> bool:
    return Path(PGBOUNCER).exists()


class PgBouncer:
    """PgBouncer in transaction mode on a free 127.0.0.1 port, in front of `server`."""

    def __init__(self, server: OwnedPostgres, database: str, *, pool_size: int = POOL_SIZE) -> None:
        self.port = free_port()
        self.dir = server.dir / "pgbouncer"
        self.dir.mkdir()
        (self.dir / "userlist.txt").write_text('"postgres" ""\n')
        (self.dir / "pgbouncer.ini").write_text(f"""[databases]
{database} = host=127.0.0.1 port={server.port} dbname={database}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {self.port}
unix_socket_dir =
auth_type = trust
auth_file = {self.dir / 'userlist.txt'}
pool_mode = transaction
default_pool_size = {pool_size}
max_client_conn = {TERMINALS * 2}
max_db_connections = {pool_size}
logfile = {self.dir / 'pgbouncer.log'}
pidfile = {self.dir / 'pgbouncer.pid'}
admin_users = postgres
""")
        if server.user:
            pw = pwd.getpwnam(server.user)
            for p in (self.dir, *self.dir.iterdir()):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        argv = [PGBOUNCER, str(self.dir / "pgbouncer.ini")]
        if server.user:
            argv = ["runuser", "-u", server.user, "--", *argv]
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.database = database
        wait_until(self._ready, 30, what="PgBouncer listening")

    def _ready(self) -> bool:
        r = subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True,
                           timeout=10)
        return r.returncode == 0

    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{self.database}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


def _terminal(url: str, player: str, seconds: float, start_at: float, seed: int, out: list, mean_gap: float) -> None:
    """One counter: its own connection; deposits at a cashier's pace, with bursts."""
    engine = make_engine(url, pool_size=1, application_name=f"bench-terminal-{seed}", prepared_statements=False)
    rng = random.Random(seed)
    one = Money(Decimal("1.00"), "INR")
    latencies: list[float] = []
    offline = errors = 0

    def once() -> None:
        nonlocal offline, errors
        t0 = time.perf_counter()
        try:
            post(engine, PostingCommand(kind=Kind.DEPOSIT, player_id=player, amount=one, staff_id="C100",
                                        terminal_id=f"BENCH-{seed}"))
        except LedgerUnavailable:
            offline += 1
            return
        except Exception:  # noqa: BLE001 - counted: any other failure is a finding too
            errors += 1
            return
        latencies.append((time.perf_counter() - t0) * 1000.0)

    once()  # connected before the clock starts
    latencies.clear()
    stop = threading.Event()
    time.sleep(max(0.0, start_at - time.time()))
    deadline = time.monotonic() + seconds
    # A random phase, so 200 counters do not all post in the same instant.
    stop.wait(rng.uniform(0, mean_gap))
    while time.monotonic() < deadline:
        for _ in range(4 if rng.random() < 1 / 6 else 1):
            once()
        stop.wait(rng.expovariate(1 / mean_gap))  # the cashier's pace, not a wait for a condition
    engine.dispose()
    out.append((latencies, offline, errors))


def _process(url: str, players: list[str], first_seed: int, seconds: float, start_at: float, mean_gap: float,
             results) -> None:
    out: list = []
    threads = [threading.Thread(target=_terminal, args=(url, p, seconds, start_at, first_seed + i, out, mean_gap))
               for i, p in enumerate(players)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies = [x for lat, _, _ in out for x in lat]
    results.put((latencies, sum(o for _, o, _ in out), sum(e for _, _, e in out), len(out)))


def _run(url: str, players: list[str], processes: int, seconds: float, mean_gap: float,
         server_url: str) -> tuple[list[float], int, int, int]:
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    start_at = time.time() + 8.0 + len(players) * 0.02  # every terminal connected by then
    per = (len(players) + processes - 1) // processes
    procs = [ctx.Process(target=_process, args=(url, players[i * per:(i + 1) * per], i * per, seconds, start_at,
                                                mean_gap, results)) for i in range(processes) if players[i * per:]]
    for p in procs:
        p.start()
    peak = 0
    sampler = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        end = start_at + seconds + 10
        while time.time() < end and any(p.is_alive() for p in procs):
            with sampler.connect() as conn:
                peak = max(peak, conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = 'bench' "
                    "AND backend_type = 'client backend' AND application_name <> 'bench-sampler'")).scalar_one())
            time.sleep(0.5)  # sampling interval
    finally:
        sampler.dispose()
    got = [results.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join(30)
    latencies = [x for lat, _, _, _ in got for x in lat]
    return latencies, sum(g[1] for g in got), sum(g[2] for g in got), peak


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) >= 2 else float("nan")


def run(quick: bool) -> list[dict]:
    if not available():
        return [{"name": "200 terminals through PgBouncer", "value": None, "unit": "",
                 "target": "pgbouncer not installed (apt-get install pgbouncer)", "met": False}]
    seconds = 20.0 if quick else 60.0
    server = OwnedPostgres()
    bouncer = None
    try:
        server.start()
        server_url = server.create_database("bench")
        engine = make_engine(server_url)
        migrate.upgrade(engine)
        seed_staff(engine)
        players = [f"bench-{i:03d}" for i in range(TERMINALS)]
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO players (id, name) VALUES (:id, :name)"),
                         [{"id": p, "name": f"Bench player {p}"} for p in players])
        engine.dispose()
        bouncer = PgBouncer(server, "bench")
        url = bouncer.url()
        sampler_url = server.url("bench") + "?application_name=bench-sampler"

        alone, alone_off, alone_err, _ = _run(url, players[:1], 1, 15.0 if quick else 30.0, 0.1, sampler_url)
        many, many_off, many_err, peak = _run(url, players, PROCESSES, seconds, MEAN_GAP_S, sampler_url)
        total = len(many) + many_off + many_err
        p50_1, p99_1 = _pct(alone, 50), _pct(alone, 99)
        p50_n, p99_n = _pct(many, 50), _pct(many, 99)
        name = f"{TERMINALS} terminals via PgBouncer"
        return [
            {"name": f"{name}: counter latency p50", "value": p50_n, "unit": "ms", "reference": p50_1,
             "ratio": p50_n / p50_1, "target": "≤ 3×"},
            {"name": f"{name}: counter latency p99", "value": p99_n, "unit": "ms", "reference": p99_1,
             "ratio": p99_n / p99_1, "target": "≤ 5×"},
            {"name": f"{name}: postings", "value": len(many), "unit": f"in {seconds:.0f} s",
             "reference": len(alone) + alone_off + alone_err},
            {"name": f"{name}: server connections used (most at once)", "value": peak, "unit": "connections",
             "target": f"≤ {POOL_SIZE}"},
            {"name": f"{name}: share answered offline", "value": (many_off + alone_off) / max(1, total + len(alone)),
             "unit": "share", "target": "≤ 0", "met": many_off + alone_off == 0},
            {"name": f"{name}: other failures", "value": many_err + alone_err, "unit": "postings", "target": "≤ 0"},
        ]
    finally:
        if bouncer is not None:
            bouncer.stop()
        server.destroy()


if __name__ == "__main__":
    import sys
    for r in run(quick="--quick" in sys.argv):
        print(r)
