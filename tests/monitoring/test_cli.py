"""The monitoring commands as a script uses them: exit statuses, JSON, sentences, the PDF."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from tests.support.factories import cmd, make_player

ROOT = Path(__file__).resolve().parents[2]


def cli(url: str, tmp_path: Path, *args: str, pin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, CASHIER_DATABASE_URL=url, CASHIER_CONFIG="/dev/null",
               CASHIER_TERMINAL_ID="T-CLI", CASHIER_TERMINAL_DATA_DIR=str(tmp_path))
    env.pop("CASHIER_PIN", None)
    if pin:
        env["CASHIER_PIN"] = pin
    return subprocess.run([sys.executable, "-m", "cashier_desktop", *args], env=env, cwd=str(ROOT),
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_the_alert_commands_find_refuse_and_adopt_a_hand_made_change(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    assert cli(url, tmp_path, "watch", "--once").returncode == 0  # the watch's cursor starts here
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = 900, total_deposits = 900 WHERE id = :p"), {"p": player})
    assert cli(url, tmp_path, "watch", "--once").returncode == 0
    listed = cli(url, tmp_path, "alerts", "list", "--json")
    alerts = json.loads(listed.stdout)
    assert [a["playerId"] for a in alerts] == [player]
    alert_id = str(alerts[0]["id"])
    monitor = cli(url, tmp_path, "monitor", "--json")
    assert monitor.returncode == 1 and json.loads(monitor.stdout)["open_alerts"][0]["player_id"] == player
    refused = cli(url, tmp_path, "alerts", "dismiss", alert_id, "--staff", "S300", "--reason", "ok", pin="3333")
    assert refused.returncode == 2 and "still holds" in refused.stderr
    cashier = cli(url, tmp_path, "alerts", "adopt", alert_id, "--staff", "C100", "--reason", "mine", pin="1111")
    assert cashier.returncode == 2 and "cannot adjust a balance" in cashier.stderr
    adopted = cli(url, tmp_path, "alerts", "adopt", alert_id, "--staff", "S300",
                  "--reason", "confirmed with the portal team", "--json", pin="3333")
    assert adopted.returncode == 0, adopted.stderr
    assert json.loads(adopted.stdout)["kind"] == "adjust_in"
    assert run_integrity(engine) == []
    assert cli(url, tmp_path, "monitor").returncode == 0


def test_report_health_prints_markdown_and_writes_a_pdf(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    post(engine, cmd("deposit", make_player(engine), "1234"))
    pdf = tmp_path / "week.pdf"
    done = cli(url, tmp_path, "report", "health", "--period", "week", "--pdf", str(pdf))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Cage health report — week") and "| deposit | 1 | ₹1,234.00 |" in done.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    bad = cli(url, tmp_path, "report", "ctr")
    assert bad.returncode == 2 and "--gaming-day" in bad.stderr
