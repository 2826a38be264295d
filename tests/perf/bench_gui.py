"""GUI benchmarks: cold start to the login window, and memory after heavy searching.

(a) Cold start: a fresh `python` process running `cashier-desktop gui` against a configured
    ledger, timed from process start until the login window is on screen; the reference
    is a fresh `python` process showing one bare QLabel, measured alternately in the same
    run. Target ≤ 3×.
(b) Resident memory of a terminal process after searching 1,000,000 players (twenty
    searches as a cashier types them) and opening ten players (balances and recent
    postings), against the same process right after showing its login window. Target:
    under 250 MB. `quick=True` seeds 20,000 players.

Every child runs offscreen; the ledger is a database of its own, dropped at the end.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cashier_desktop.ledger.seed import seed_players, seed_staff
from tests.support.databases import DatabaseFactory

ROOT = Path(__file__).resolve().parents[2]

_BARE = r"""
import json, sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("bare")
w.show()
def shown():
    print(json.dumps({"shown": time.time() - t0}), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

_GUI = r"""
import json, sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
def poll():
    for w in app.topLevelWidgets():
        if w.objectName() == "loginWindow" and w.isVisible():
            print(json.dumps({"shown": time.time() - t0}), flush=True)
            app.quit()
            return
    QTimer.singleShot(5, poll)
QTimer.singleShot(0, poll)
from cashier_desktop.__main__ import main
main(["gui"])
"""

_MEMORY = r"""
import json, os, sys
from PySide6.QtWidgets import QApplication

def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

app = QApplication([])
from cashier_desktop.config import load_config
from cashier_desktop.terminal.services import open_services
from cashier_desktop.ui.app import Terminal, apply_style, open_feed_bridge
from tools.screenshots import Shooter
apply_style(app)
services = open_services(load_config())
terminal = Terminal(services, feed=open_feed_bridge(services))
terminal.login.show()
shot = Shooter(__import__("pathlib").Path(os.environ["BENCH_OUT"]))
shot.settle(300)
at_login = rss_mb()
terminal.login.staff_id.setText("C100")
terminal.login.pin.setText("1111")
terminal.login.submit()
shot.wait(lambda: bool(terminal.windows), "login")
tab = terminal.windows[-1].cashier
searches = ["1", "12", "123", "9", "98", "987", "5", "55", "555", "A", "Ar", "Aarav", "M", "Me",
            "Meera", "C0", "C00", "C0001", "4", "44"]
found = 0
for q in searches:
    tab.search.search(q)
    shot.wait(lambda: tab.search.answered == tab.search.generation, "search " + q)
    found += len(tab.search.rows)
opened = 0
for pid in [str(101 + i * 997) for i in range(10)]:
    tab.search.search(pid)
    shot.wait(lambda: tab.search.answered == tab.search.generation, "search " + pid)
    if tab.search.rows:
        tab.search._pick(0)
        shot.wait(lambda: tab.panel.player_id == pid and tab.ctx.runner.in_flight == 0, "open " + pid)
        opened += 1
shot.settle(300)
print(json.dumps({"at_login_mb": at_login, "after_mb": rss_mb(), "found": found, "opened": opened}),
      flush=True)
terminal.close()
services.close()
"""


def _env(url: str, scratch: str) -> dict[str, str]:
    cfg = Path(scratch) / "config.toml"
    cfg.write_text("")
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "CASHIER_DATABASE_URL": url, "CASHIER_CONFIG": str(cfg),
                "CASHIER_TERMINAL_ID": "BENCH-1", "CASHIER_TERMINAL_DATA_DIR": scratch,
                "CASHIER_ARGON2_PROFILE": "cheap", "BENCH_OUT": scratch, "PYTHONPATH": str(ROOT)})
    return env


def _child(code: str, env: dict[str, str], timeout: float = 300) -> dict:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code, repr(t0)], env=env, cwd=str(ROOT),
                         capture_output=True, text=True, timeout=timeout)
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"child failed ({out.returncode}): {out.stderr[-2000:]}")


def run(quick: bool) -> list[dict]:
    players = 20_000 if quick else 1_000_000
    rounds = 5 if quick else 9
    factory = DatabaseFactory()
    try:
        url, engine = factory.create()
        seed_staff(engine)
        seed_players(engine, players)
        with tempfile.TemporaryDirectory(prefix="bench-gui-") as scratch:
            env = _env(url, scratch)
            _child(_GUI, env)  # warm the OS file cache for both: cold means a new process
            _child(_BARE, env)
            bare, gui = [], []
            for _ in range(rounds):
                bare.append(_child(_BARE, env)["shown"])
                gui.append(_child(_GUI, env)["shown"])
            mem = _child(_MEMORY, env, timeout=900)
        b, g = statistics.median(bare), statistics.median(gui)
        return [
            {"name": "cold start to login window (median)", "value": g * 1000, "unit": "ms",
             "reference": b * 1000, "ratio": g / b, "target": "≤ 3×"},
            {"name": f"RSS after {players:,} players searched ×20, ten opened",
             "value": mem["after_mb"], "unit": "MB", "reference": mem["at_login_mb"],
             "ratio": mem["after_mb"] / mem["at_login_mb"], "target": "< 250 MB"},
        ]
    finally:
        factory.close()
