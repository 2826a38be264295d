"""`cashier-desktop relay` and `cashier-desktop feed watch` as an operator runs them."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cashier_desktop.ledger.posting import post
from cashier_desktop.realtime.publisher import CAGE_CHANNEL
from tests.realtime.conftest import wait_until
from tests.support.factories import cmd, make_player

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli_env(rt_ledger, tmp_path):
    url, _ = rt_ledger
    empty = tmp_path / "config.toml"
    empty.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASHIER_PUSHER_")}
    env.update({"CASHIER_DATABASE_URL": url, "CASHIER_CONFIG": str(empty)})
    return env


def run_cli(args: list[str], env: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cashier_desktop", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


class Lines:
    """A running `feed watch`, its stdout read line by line without blocking the test."""

    def __init__(self, args: list[str], env: dict) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "cashier_desktop", *args], env=env, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)

    def next(self, timeout: float = 30) -> dict:
        try:
            return json.loads(self.lines.get(timeout=timeout))
        except queue.Empty:
            raise AssertionError(f"no line within {timeout}s; stderr: {self.stderr_now()}") from None

    def stderr_now(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        return self.proc.stderr.read()

    def finish(self, timeout: float = 30) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


@pytest.mark.parametrize("transport", ["listen-notify", "pusher"])
def test_feed_watch_prints_the_players_balance_then_each_change_as_json_lines(
        transport, cli_env, rt_engine, soketi, relays):
    player = make_player(rt_engine)
    other = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "10000"))
    env = dict(cli_env)
    if transport == "pusher":
        env.update(soketi.pusher_env())
        relays.start(rt_engine, soketi)
    watch = Lines(["feed", "watch", player, "--count", "2", "--timeout", "60"], env)
    try:
        first = watch.next()
        assert first["playerId"] == player and first["cashBalance"] == "10000.00" and first["version"] == 1
        post(rt_engine, cmd("deposit", other, "1"))  # someone else: not printed
        post(rt_engine, cmd("withdrawal", player, "2500"))
        second = watch.next()
        assert second == {**second, "playerId": player, "version": 2, "cashBalance": "7500.00",
                          "totalWithdrawals": "2500.00"}
        assert watch.finish() == 0
    finally:
        if watch.proc.poll() is None:
            watch.proc.kill()


def test_relay_once_publishes_the_backlog_and_exits(cli_env, rt_engine, soketi, subscribers):
    heard, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL])
    player = make_player(rt_engine)
    for _ in range(3):
        post(rt_engine, cmd("deposit", player, "1"))
    result = run_cli(["relay", "--once"], {**cli_env, **soketi.pusher_env()})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"published": 3, "pruned": 0}
    wait_until(lambda: [d["version"] for d in heard.on(CAGE_CHANNEL)] == [1, 2, 3], 10, "all three heard")
    again = run_cli(["relay", "--once"], {**cli_env, **soketi.pusher_env()})
    assert json.loads(again.stdout) == {"published": 0, "pruned": 0}


def test_relay_without_pusher_configured_refuses_with_a_sentence(cli_env):
    result = run_cli(["relay", "--once"], cli_env)
    assert result.returncode == 2
    assert "Pusher is not configured" in result.stderr


def test_relay_once_with_pusher_unreachable_exits_3_and_marks_nothing(cli_env, rt_engine, soketi):
    from tests.support.ports import refused_port

    player = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "1"))
    with refused_port() as port:  # held (bound, not listening) until the relay has tried it
        env = {**cli_env, **soketi.pusher_env(), "CASHIER_PUSHER_PORT": str(port)}
        result = run_cli(["relay", "--once"], env)
    assert result.returncode == 3, result.stderr
    assert "nothing unpublished was marked" in result.stderr
    with rt_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM balance_events WHERE published_at IS NULL").scalar() == 1
