"""The relay (outbox → soketi) and the integrity watch follow the promoted node: both run as
the real `cashier-desktop relay` and `cashier-desktop watch` processes on the formation's
multi-host URL (`target_session_attrs=read-write`); the primary's machine dies (SIGKILL of
its keeper and postmaster) and, without being restarted, the relay publishes the balance
changes made on the promoted standby and the watch raises an alert for a balance written
there by hand. Nothing committed before the failure stays unpublished."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import LedgerUnavailable
from cashier_desktop.ledger.posting import post
from cashier_desktop.realtime.publisher import player_channel
from tests.ops.conftest import cluster_ledger
from tests.realtime.conftest import soketi, subscribers  # noqa: F401 - fixtures
from tests.support import autofailover
from tests.support.factories import cmd, make_player
from tests.ops.test_failover import waited
from tests.support.faults import Child

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.failover,
              pytest.mark.skipif(not autofailover.available(), reason="pg_auto_failover is not installed "
                                 "(apt-get install postgresql-15-auto-failover pg-auto-failover-cli)")]


def _env(url: str, soketi, tmp_path: Path) -> dict[str, str]:  # noqa: F811 - the fixture's value
    (tmp_path / "empty.toml").write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASHIER_", "PYTEST_"))}
    env.update({"PYTHONPATH": str(ROOT), "CASHIER_ARGON2_PROFILE": "cheap", "QT_QPA_PLATFORM": "offscreen",
                "PYTHONUNBUFFERED": "1", "CASHIER_CONFIG": str(tmp_path / "empty.toml"),
                "CASHIER_TERMINAL_DATA_DIR": str(tmp_path / "data"), "CASHIER_DATABASE_URL": url,
                **soketi.pusher_env()})
    return env


def _post(engine, player: str, amount: str) -> None:
    """One deposit; the pool's connections to a dead primary fail once each, then a fresh one
    finds the promoted node (the id makes the retry exactly-once)."""
    c = cmd("deposit", player, amount)
    waited(lambda: _try(engine, c), 60, interval=0.2, what=f"a deposit of {amount} on the writable node")


def _try(engine, c) -> bool:
    try:
        post(engine, c)
        return True
    except LedgerUnavailable:
        return False


def _clients_on(engine, port: int) -> set[str]:
    """Application names of the clients connected to the node the engine reaches."""
    with engine.connect() as conn:
        assert conn.execute(text("SELECT inet_server_port()")).scalar_one() == port
        return set(conn.execute(text("SELECT application_name FROM pg_stat_activity")).scalars())


def _unpublished(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM balance_events WHERE published_at IS NULL")).scalar_one()


def _open_alerts(engine, player: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM integrity_alerts WHERE player_id = :p AND status = 'open'"),
                            {"p": player}).scalar_one()


def test_the_relay_and_the_watch_follow_the_promoted_node(cluster, soketi, subscribers, tmp_path):  # noqa: F811
    url, engine = cluster_ledger(cluster)
    player, tampered = make_player(engine), make_player(engine)
    heard, _ = subscribers.subscribe(soketi, [player_channel(player)])
    env = _env(url, soketi, tmp_path)
    cli = [sys.executable, "-m", "cashier_desktop"]
    relay = Child("relay", [*cli, "relay"], env=env, log=tmp_path / "relay.log", cwd=str(ROOT)).start()
    watch = Child("watch", [*cli, "watch"], env=env, log=tmp_path / "watch.log", cwd=str(ROOT)).start()
    try:
        _post(engine, player, "100")
        waited(lambda: [d["version"] for d in heard.on(player_channel(player))][-1:] == [1], 60,
                   what="version 1 published before the failure")
        old = cluster.primary()
        waited(lambda: {"cashier-desktop relay", "cashier-desktop watch"} <= _clients_on(engine, old.port),
                   30, what="the relay and the watch connected to the primary")

        cluster.kill_primary()
        start = time.monotonic()
        new = cluster.wait_promoted(old)
        print(f"phase promoted: {time.monotonic() - start:.1f} s", flush=True)
        _post(engine, player, "25")
        _post(engine, player, "5")
        waited(lambda: [d["version"] for d in heard.on(player_channel(player))][-1:] == [3], 60,
                   what="versions 2 and 3, posted on the promoted node, published by the same relay")
        last = heard.on(player_channel(player))[-1]
        assert last["cashBalance"] == "130.00", last
        # The incident, on the promoted node: a balance written by hand is caught by the watch.
        with engine.begin() as conn:
            conn.execute(text("UPDATE players SET balance = balance + 10000 WHERE id = :p"), {"p": tampered})
        waited(lambda: _open_alerts(engine, tampered) == 1, 60, what="the watch's alert on the promoted node")
        assert {"cashier-desktop relay", "cashier-desktop watch"} <= _clients_on(engine, new.port)
        waited(lambda: _unpublished(engine) == 0, 30, what="the whole outbox published")
        assert relay.alive() and watch.alive(), "neither process was restarted: they reconnected"
        assert relay.starts == 1 and watch.starts == 1
    finally:
        relay.terminate()
        watch.terminate()
        engine.dispose()
