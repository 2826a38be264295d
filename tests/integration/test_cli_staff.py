"""The staff, credit, shift and report commands, as scripts call them (exit 0 / 2 + a sentence).

Most run in-process through `cashier_desktop.cli.main` (same parser, same exit codes) to keep
the suite fast; one runs as a real process to prove PINs are read from stdin, never argv.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.cli import main
from tests.support.databases import login_url
from tests.support.factories import make_player

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(ledger, monkeypatch, tmp_path, capsys):
    url, engine = ledger
    terminal = f"T-{uuid.uuid4().hex[:8]}"
    for k in list(os.environ):
        if k.startswith("CASHIER_") and k != "CASHIER_ARGON2_PROFILE":
            monkeypatch.delenv(k)
    # As at a counter: the CLI connects as the terminal login bound to its terminal; staff are
    # managed at a staff-admin login (`login="staff_admin"`, its own office terminal: one login
    # per terminal); `login="owner"` is the superuser.
    office = f"{terminal}-OFFICE"
    desks = {"terminal": lambda: (login_url(url, "terminal", terminal_id=terminal), terminal),
             "staff_admin": lambda: (login_url(url, "staff_admin", terminal_id=office), office),
             "owner": lambda: (url, terminal)}
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    def run(*args: str, pin: str | None = None, approver_pin: str | None = None, new_pin: str | None = None,
            login: str = "terminal"):
        db_url, terminal_id = desks[login]()
        monkeypatch.setenv("CASHIER_DATABASE_URL", db_url)
        monkeypatch.setenv("CASHIER_TERMINAL_ID", terminal_id)
        for var, value in (("CASHIER_PIN", pin), ("CASHIER_APPROVER_PIN", approver_pin), ("CASHIER_NEW_PIN", new_pin)):
            if value is None:
                monkeypatch.delenv(var, raising=False)
            else:
                monkeypatch.setenv(var, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err
    run.engine = engine
    run.terminal = terminal
    run.url = desks["terminal"]()[0]
    return run


def _refused(result, sentence):
    code, out, err = result
    assert code == 2, (code, out, err)
    assert sentence in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("cashier-desktop: ")


def test_post_needs_an_open_shift_then_works_with_one(cli):
    pid = make_player(cli.engine)
    _refused(cli("post", "deposit", "--player", pid, "--amount", "100", "--staff", "C100", pin="1111"),
             "has no open shift")
    code, out, err = cli("shift", "open", "--staff", "C100", "--count", "500=10,100=5", pin="1111")
    assert code == 0, err
    assert "float ₹5,500.00" in out
    code, out, err = cli("post", "deposit", "--player", pid, "--amount", "100", "--staff", "C100", "--json", pin="1111")
    assert code == 0, err
    assert json.loads(out)["shift_id"] is not None


def test_dual_control_through_the_cli_with_the_approvers_pin_from_the_environment(cli):
    cli("shift", "open", "--staff", "C100", "--float", "0", pin="1111")
    pid = make_player(cli.engine)
    assert cli("post", "deposit", "--player", pid, "--amount", "600000", "--staff", "C100",
               "--id-type", "passport", "--id-number", "X1", pin="1111")[0] == 0
    args = ("post", "withdraw", "--player", pid, "--amount", "₹5,00,000", "--staff", "C100")
    _refused(cli(*args, pin="1111"), "needs a second person")
    _refused(cli(*args, "--approver", "F200", pin="1111", approver_pin="9999"), "not recognised")
    _refused(cli(*args, "--approver", "C100", pin="1111"), "cannot approve your own")
    code, out, err = cli(*args, "--approver", "F200", "--json", pin="1111", approver_pin="2222")
    assert code == 0, err
    assert json.loads(out)["approver_id"] == "F200"


def test_the_shift_cycle_blind_close_signoff_and_report(cli):
    assert cli("shift", "open", "--staff", "C100", "--float", "10000", pin="1111")[0] == 0
    pid = make_player(cli.engine)
    assert cli("post", "deposit", "--player", pid, "--amount", "2500", "--staff", "C100", pin="1111")[0] == 0
    code, out, err = cli("shift", "close", "--staff", "C100", "--count", "2000=4", "--json", pin="1111")
    assert code == 0, err
    closed = json.loads(out)
    assert (closed["expected"], closed["counted"], closed["variance"], closed["needs_signoff"]) == (
        "12500.00", "8000.00", "-4500.00", True)
    shift_id = str(closed["shift_id"])
    _refused(cli("shift", "signoff", shift_id, "--staff", "F200", "--note", "ok", pin="2222"),
             "cannot sign off a shift")
    _refused(cli("shift", "signoff", shift_id, "--staff", "S300", pin="3333"), "write what was found")
    code, out, err = cli("shift", "signoff", shift_id, "--staff", "S300", "--note", "short 4,500: recount ordered",
                         pin="3333")
    assert code == 0 and "signed off by S300" in out, err
    code, out, _ = cli("shift", "report", shift_id)
    assert code == 0
    assert "expected        ₹12,500.00" in out and "variance        -₹4,500.00" in out and "recount ordered" in out
    code, out, _ = cli("shift", "report", shift_id, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["variance"] == "-4500.00" and rows[0]["kind"] == "deposit"


def test_staff_add_disable_and_reset_pin_are_supervisor_only(cli):
    new_id = f"N{uuid.uuid4().hex[:6]}"
    _refused(cli("staff", "add", new_id, "--name", "Nina", "--role", "cashier", "--staff", "F200",
                 pin="2222", new_pin="444444", login="staff_admin"), "cannot manage staff")
    _refused(cli("staff", "add", new_id, "--name", "Nina", "--role", "cashier", "--staff", "S300",
                 pin="3333", new_pin="4444", login="staff_admin"), "6 to 12 digits")  # new PINs: at least 6 digits
    code, out, err = cli("staff", "add", new_id, "--name", "Nina", "--role", "cashier", "--staff", "S300",
                         pin="3333", new_pin="444444", login="staff_admin")
    assert code == 0, err
    assert cli("shift", "open", "--staff", new_id, "--float", "0", pin="444444")[0] == 0
    assert cli("staff", "reset-pin", new_id, "--staff", "S300", pin="3333", new_pin="555555",
               login="staff_admin")[0] == 0
    _refused(cli("shift", "close", "--staff", new_id, "--count", "500=0", pin="444444"), "not recognised")  # old PIN
    assert cli("staff", "disable", new_id, "--staff", "S300", pin="3333", login="staff_admin")[0] == 0
    _refused(cli("shift", "close", "--staff", new_id, "--count", "500=0", pin="555555"), "not recognised")
    code, out, _ = cli("staff", "list", "--json", login="staff_admin")
    assert {s["id"]: s["active"] for s in json.loads(out)}[new_id] is False


def test_credit_request_list_approve_and_deny(cli):
    pid, other = make_player(cli.engine), make_player(cli.engine)
    code, out, err = cli("credit", "request", "--player", pid, "--limit", "₹2,00,000", "--staff", "C100",
                         "--note", "known player", pin="1111")
    assert code == 0, err
    req_id = out.split()[2]
    assert cli("credit", "request", "--player", other, "--limit", "5000", "--staff", "C100", pin="1111")[0] == 0
    code, out, _ = cli("credit", "list", "--json")
    pending = {r["player_id"]: r for r in json.loads(out)}
    assert pending[pid]["requested_limit"] == "200000.00" and pending[pid]["status"] == "pending"
    _refused(cli("credit", "approve", req_id, "--limit", "150000", "--staff", "C100", pin="1111"),
             "cannot approve credit")
    # Decided at the terminal's own login, as at a real counter.
    code, out, err = cli("credit", "approve", req_id, "--limit", "150000", "--staff", "F200", pin="2222")
    assert code == 0 and "approved" in out, err
    code, out, err = cli("credit", "deny", str(pending[other]["id"]), "--reason", "no history", "--staff", "F200",
                         pin="2222")
    assert code == 0, err
    code, out, _ = cli("credit", "list", "--player", pid, "--json")
    assert [(r["status"], r["approved_limit"]) for r in json.loads(out)] == [("approved", "150000.00")]
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT credit_limit FROM players WHERE id = :p"), {"p": pid}).scalar() == Decimal("150000.00")


def test_mtl_and_ctr_reports_are_csv_for_a_gaming_day(cli):
    cli("shift", "open", "--staff", "C100", "--float", "0", pin="1111")
    pid = make_player(cli.engine)
    assert cli("post", "deposit", "--player", pid, "--amount", "600000", "--staff", "C100", pin="1111")[0] == 0
    assert cli("post", "deposit", "--player", pid, "--amount", "500000", "--staff", "C100",
               "--id-type", "passport", "--id-number", "M-77", pin="1111")[0] == 0
    from cashier_desktop.domain.policy import gaming_day
    with cli.engine.connect() as conn:
        now = conn.execute(text("SELECT now()")).scalar()
    day = gaming_day(now, 6, "Asia/Kolkata").isoformat()
    code, out, _ = cli("report", "mtl", "--gaming-day", day)  # at the terminal's own login
    mtl = [r for r in csv.DictReader(io.StringIO(out)) if r["player_id"] == pid]
    assert code == 0 and [r["day_total"] for r in mtl] == ["600000.00", "1100000.00"]
    code, out, _ = cli("report", "ctr", "--gaming-day", day)
    ctr = [r for r in csv.DictReader(io.StringIO(out)) if r["player_id"] == pid]
    assert [(r["direction"], r["total"], r["id_number"]) for r in ctr] == [("in", "1100000.00", "M-77")]
    _refused(cli("report", "ctr", "--gaming-day", "26/11/2026"), "YYYY-MM-DD")


def test_a_real_process_reads_the_pin_from_stdin_not_from_arguments(cli, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASHIER_")}
    env.update({"CASHIER_DATABASE_URL": cli.url, "CASHIER_TERMINAL_ID": cli.terminal, "CASHIER_ARGON2_PROFILE": "cheap",
                "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_DATA_HOME": str(tmp_path / "d")})
    exe = ROOT / ".venv" / "bin" / "cashier-desktop"
    argv = [str(exe)] if exe.exists() else [sys.executable, "-m", "cashier_desktop"]
    done = subprocess.run(argv + ["shift", "open", "--staff", "C100", "--float", "0"], input="1111\n", env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "open on terminal" in done.stdout and "1111" not in done.stdout
