"""Live balances: sync latency through relay and soketi, and relay throughput from a backlog.

Sync latency: postings at a steady rate; for each, the time from its commit (the moment
`post()` returns to the poster) to its arrival at a pysher subscriber on `private-cage`,
through the relay (a separate process, `cashier-desktop relay`, as deployed) and soketi.
Reference, measured in the same run: the bare hop, an HTTP trigger straight to the same
subscriber (time from the start of the call to the arrival). The two are measured in
alternating rounds, so the machine's moments of load fall on both; each percentile is over
all of its path's samples.

Throughput: a backlog of outbox rows (1,000 players × 50 versions), drained by one relay
(in this process, 4 lanes, batch 500); events per second from the first claim to the
last commit.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


class _Arrivals:
    def __init__(self) -> None:
        self.at: dict[tuple, float] = {}
        self.lock = threading.Lock()

    def on_event(self, _channel: str, data: dict) -> None:
        now = time.perf_counter()
        key = (data.get("playerId"), data.get("version"))
        with self.lock:
            self.at.setdefault(key, now)

    def wait(self, keys: list[tuple], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if all(k in self.at for k in keys):
                    return
            time.sleep(0.01)
        missing = [k for k in keys if k not in self.at]
        raise RuntimeError(f"{len(missing)} events never arrived, e.g. {missing[:3]}")


def _paced(n: int, rate: float, fn) -> None:
    start = time.perf_counter()
    for i in range(n):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        fn(i)


def _bare_hop(publisher, arrivals: _Arrivals, n: int, rate: float, first: int) -> list[float]:
    """`n` HTTP triggers straight to the subscriber at `rate`: start of the call → arrival."""
    from cashier_desktop.realtime.publisher import CAGE_CHANNEL, EVENT

    sent: dict[tuple, float] = {}

    def one(i: int) -> None:
        key = ("bare", first + i)
        sent[key] = time.perf_counter()
        publisher.trigger(CAGE_CHANNEL, EVENT, {"playerId": "bare", "version": first + i})

    _paced(n, rate, one)
    arrivals.wait(list(sent), 30)
    return [(arrivals.at[k] - t) * 1000 for k, t in sent.items()]


def _relayed(engine, players: list[str], version: dict, arrivals: _Arrivals, n: int, rate: float) -> list[float]:
    """`n` postings at `rate` through the running relay: commit (post() returns) → arrival."""
    from cashier_desktop.ledger.posting import post
    from tests.support.factories import cmd

    committed: dict[tuple, float] = {}

    def one(i: int) -> None:
        p = players[i % len(players)]
        post(engine, cmd("deposit", p, "1"))
        t = time.perf_counter()
        version[p] += 1
        committed[(p, version[p])] = t

    _paced(n, rate, one)
    arrivals.wait(list(committed), 60)
    return [(arrivals.at[k] - t) * 1000 for k, t in committed.items()]


def _sync_and_bare(server, url: str, engine, arrivals: _Arrivals, n: int, rate: float,
                   rounds: int = 4) -> tuple[list[float], list[float]]:
    """Both paths in alternating rounds (bare, relayed, bare, …) with the relay (a separate
    process, as deployed) running throughout: a disturbance of this shared machine lands on
    both samples alike rather than on whichever path was being measured at the time."""
    from cashier_desktop.ledger.posting import post
    from cashier_desktop.realtime.publisher import Publisher
    from tests.realtime.conftest import settings_of
    from tests.support.factories import cmd, make_player

    players = [make_player(engine) for _ in range(50)]
    version = {p: 0 for p in players}
    cfg = Path(tempfile.mkdtemp(prefix="bench-rt-")) / "config.toml"
    cfg.write_text("")
    env = {**os.environ, **server.pusher_env(), "CASHIER_DATABASE_URL": url, "CASHIER_CONFIG": str(cfg)}
    relay = subprocess.Popen([sys.executable, "-m", "cashier_desktop", "relay"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    publisher = Publisher(settings_of(server))
    bare: list[float] = []
    synced: list[float] = []
    try:
        assert "relay: running" in relay.stderr.readline()
        # Warm up: the relay's connections and HTTP keep-alive, the subscriber's path.
        warm = players[0]
        post(engine, cmd("deposit", warm, "1"))
        version[warm] += 1
        arrivals.wait([(warm, 1)], 30)
        per = n // rounds
        for r in range(rounds):
            bare += _bare_hop(publisher, arrivals, per, rate, r * per)
            synced += _relayed(engine, players, version, arrivals, per, rate)
    finally:
        publisher.close()
        relay.terminate()
        try:
            relay.wait(10)
        except subprocess.TimeoutExpired:
            relay.kill()
            relay.wait()
    return synced, bare


def _throughput(server, engine, backlog: int) -> tuple[float, int]:
    from tests.realtime.conftest import RelayRunner

    players, versions = 1000, max(1, backlog // 1000)
    with engine.begin() as conn:
        conn.execute(text("""
            INSERT INTO balance_events (player_id, version, payload)
            SELECT 'tp-' || p, v, jsonb_build_object('playerId', 'tp-' || p, 'version', v,
                'cashBalance', (v * 10)::numeric(14,2)::text, 'creditBalance', '0.00',
                'creditLimit', '0.00', 'creditApproved', false,
                'totalBalance', (v * 10)::numeric(14,2)::text,
                'totalDeposits', (v * 10)::numeric(14,2)::text, 'totalWithdrawals', '0.00')
            FROM generate_series(1, :v) v, generate_series(1, :p) p
            ORDER BY v, p"""), {"v": versions, "p": players})
    runner = RelayRunner()
    relay = runner.make(engine, server, batch_size=500, lanes=4)
    try:
        t0 = time.perf_counter()
        published = relay.drain()
        elapsed = time.perf_counter() - t0
    finally:
        relay.close()
    return published / elapsed, published


def run(quick: bool) -> list[dict]:
    from cashier_desktop.ledger.seed import seed_staff
    from cashier_desktop.realtime.publisher import CAGE_CHANNEL
    from cashier_desktop.realtime.pusher_feed import PusherChannels
    from tests.realtime.conftest import settings_of
    from tests.support.databases import DatabaseFactory
    from tests.support.soketi import Soketi

    n, rate, backlog = (200, 100.0, 5_000) if quick else (2_000, 200.0, 50_000)
    server = Soketi().start()
    databases = DatabaseFactory()
    arrivals = _Arrivals()
    subscribed = threading.Event()
    sub = PusherChannels(settings_of(server), [CAGE_CHANNEL], on_event=arrivals.on_event,
                         on_subscribed=subscribed.set)
    try:
        url, engine = databases.create()
        seed_staff(engine)
        sub.start()
        if not subscribed.wait(20):
            raise RuntimeError("the subscriber never got subscribed")
        synced, bare = _sync_and_bare(server, url, engine, arrivals, n, rate)
        sub.stop()
        tput, published = _throughput(server, engine, backlog)
    finally:
        sub.stop()
        databases.close()
        server.stop()
    b50, b99 = _pct(bare, 50), _pct(bare, 99)
    s50, s99, smax = _pct(synced, 50), _pct(synced, 99), max(synced)
    rows = [
        {"name": f"sync latency p50 ({n} postings at {rate:.0f}/s)", "value": s50, "unit": "ms",
         "reference": b50, "ratio": s50 / b50},
        {"name": "sync latency p99 (commit → pysher subscriber)", "value": s99, "unit": "ms",
         "reference": b99, "ratio": s99 / b99, "target": "< 25 ms and < 3× bare hop p99"},
        {"name": "sync latency max", "value": smax, "unit": "ms", "reference": max(bare),
         "ratio": smax / max(bare)},
        {"name": "bare hop p50 (HTTP trigger → subscriber)", "value": b50, "unit": "ms"},
        {"name": "bare hop p99", "value": b99, "unit": "ms"},
        {"name": f"relay throughput (backlog {published:,}, 4 lanes, batch 500)", "value": tput,
         "unit": "events/s", "target": "≥ 2,000/s"},
    ]
    print(json.dumps({"sync_mean_ms": statistics.mean(synced), "bare_mean_ms": statistics.mean(bare)}))
    return rows
