"""The CLI contract, through real `cashier-desktop` processes against a fresh database.

Exit status 0 done, 1 findings, 2 refused (one sentence on stderr), 3 ledger unreachable.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.support.databases import login_url

ROOT = Path(__file__).resolve().parents[2]
EXE = ROOT / ".venv" / "bin" / "cashier-desktop"
TERMINAL = "T-CLI"


def _argv() -> list[str]:
    return [str(EXE)] if EXE.exists() else [sys.executable, "-m", "cashier_desktop"]


class Cli:
    def __init__(self, url: str, home: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("CASHIER_")}
        self.env.update({
            "CASHIER_DATABASE_URL": url, "CASHIER_TERMINAL_ID": TERMINAL,
            "CASHIER_ARGON2_PROFILE": "cheap", "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "CASHIER_TERMINAL_DATA_DIR": str(home / "data"), "QT_QPA_PLATFORM": "offscreen",
        })

    def __call__(self, *args: str, pin: str | None = None, stdin: str = "", **env: str):
        e = dict(self.env, **env)
        if pin is not None:
            e["CASHIER_PIN"] = pin
        return subprocess.run(_argv() + list(args), env=e, input=stdin, capture_output=True, text=True,
                              timeout=120, cwd=ROOT)

    def has_command(self, name: str) -> bool:
        return re.search(rf"^\s+{name}\s", self("--help").stdout, re.M) is not None


@pytest.fixture(scope="module")
def cli(databases, tmp_path_factory):
    """A migrated, seeded database of its own, and a shift open on the CLI's terminal."""
    url, engine = databases.create(migrated=False)
    run = Cli(url, tmp_path_factory.mktemp("cli-home"))
    first = run("db", "upgrade")
    assert first.returncode == 0, first.stderr
    assert "schema up to date" in first.stdout
    again = run("db", "upgrade")
    assert again.returncode == 0, again.stderr
    seeded = run("db", "seed-demo", "--players", "5")
    assert seeded.returncode == 0, seeded.stderr
    # From here the CLI runs as at a counter: as the terminal login bound to T-CLI (`db
    # create-roles` + `add-login`); admin commands pass CASHIER_DATABASE_URL=cli.owner_url.
    run.owner_url = url
    run.env["CASHIER_DATABASE_URL"] = login_url(url, "terminal", terminal_id=TERMINAL)
    # postings need an open shift on the terminal (issue 3): through the CLI once it has
    # `shift open`, else straight through the ledger code
    if run.has_command("shift"):
        opened = run("shift", "open", "--staff", "C100", "--float", "0", pin="1111")
        assert opened.returncode == 0, opened.stderr
    else:
        from tests.support.shifts import open_test_shift
        open_test_shift(engine, TERMINAL)
    run.engine = engine
    return run


def rows(cli, posting_id=None) -> int:
    with cli.engine.connect() as conn:
        if posting_id:
            return conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE id = :i"),
                                {"i": posting_id}).scalar_one()
        return conn.execute(text("SELECT count(*) FROM ledger_transactions")).scalar_one()


def balance(cli, player: str) -> dict:
    out = cli("balance", player, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def assert_refused(result, sentence: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert sentence in result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("cashier-desktop: ") and last.endswith(".")


def test_seed_demo_creates_player_179_and_the_three_staff(cli):
    with cli.engine.connect() as conn:
        staff = dict(conn.execute(text("SELECT id, role FROM staff")).fetchall())
        players = {r[0] for r in conn.execute(text("SELECT id FROM players")).fetchall()}
    assert staff == {"C100": "cashier", "F200": "floor_manager", "S300": "supervisor"}
    assert {"179", "101", "102", "103", "104", "105"} <= players
    again = cli("db", "seed-demo", "--players", "5", CASHIER_DATABASE_URL=cli.owner_url)
    assert again.returncode == 0  # twice is harmless
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM staff")).scalar_one() == 3
        # the main bank opens once with the demo's cash, signed by two people, through the API
        funds = conn.execute(text("SELECT amount, sender_id, receiver_id FROM bank_transfers WHERE kind = 'fund'")).all()
    assert [tuple(f) for f in funds] == [(Decimal("1000000.00"), "S300", "F200")]


def test_balance_json_is_the_portals_shape(cli):
    b = balance(cli, "179")
    assert set(b) >= {"cashBalance", "creditBalance", "creditLimit", "creditApproved", "totalBalance"}
    assert b["playerId"] == "179"
    for key in ("cashBalance", "creditBalance", "creditLimit", "totalBalance"):
        assert isinstance(b[key], str) and Decimal(b[key]) >= 0
    assert isinstance(b["creditApproved"], bool)
    human = cli("balance", "179")
    assert human.returncode == 0 and "cash balance" in human.stdout and "₹" in human.stdout


def test_post_with_an_id_is_idempotent_and_moves_the_balance_once(cli):
    before = Decimal(balance(cli, "179")["cashBalance"])
    posting_id = str(uuid.uuid4())
    args = ("post", "deposit", "--player", "179", "--amount", "₹10,000", "--staff", "C100", "--id", posting_id,
            "--json")
    first = cli(*args, pin="1111")
    assert first.returncode == 0, first.stderr
    receipt = json.loads(first.stdout)
    assert (receipt["status"], receipt["id"], receipt["amount"], receipt["replayed"]) == \
        ("posted", posting_id, "10000.00", False)
    assert receipt["terminal_id"] == TERMINAL
    second = cli(*args, pin="1111")
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)
    assert again["replayed"] is True and again["seq"] == receipt["seq"] and again["hash"] == receipt["hash"]
    assert rows(cli, posting_id) == 1
    assert Decimal(balance(cli, "179")["cashBalance"]) == before + 10000
    human = cli(*args[:-1], pin="1111")
    assert human.returncode == 0 and "already posted" in human.stdout and posting_id in human.stdout


def test_post_without_an_id_generates_one_and_prints_it(cli):
    out = cli("post", "deposit", "--player", "101", "--amount", "10", "--staff", "C100", pin="1111")
    assert out.returncode == 0, out.stderr
    printed = out.stdout.rsplit("; id ", 1)[1].split()[0]
    assert rows(cli, str(uuid.UUID(printed))) == 1
    assert "posting id" not in out.stderr  # said only when the outcome is unknown (a retry needs it)


def test_the_pin_can_come_from_stdin(cli):
    out = cli("post", "deposit", "--player", "102", "--amount", "1", "--staff", "C100", stdin="1111\n")
    assert out.returncode == 0, out.stderr


def test_the_same_id_for_a_different_request_is_refused(cli):
    posting_id = str(uuid.uuid4())
    base = ("post", "deposit", "--player", "103", "--staff", "C100", "--id", posting_id)
    assert cli(*base, "--amount", "100", pin="1111").returncode == 0
    total = rows(cli)
    assert_refused(cli(*base, "--amount", "101", pin="1111"), "already used for a different request")
    assert rows(cli) == total


@pytest.mark.parametrize("args, sentence", [
    (("withdraw", "--player", "104", "--amount", "30,000"), "cannot take"),
    (("deposit", "--player", "104", "--amount", "1e9"), "exponent"),
    (("deposit", "--player", "104", "--amount", "१२३"), "digits 0–9"),
    (("deposit", "--player", "104", "--amount", "2,00,00,000"), "per-transaction maximum"),
    (("deposit", "--player", "nobody-404", "--amount", "10"), "no player"),
    (("deposit", "--player", "179'; DROP TABLE players; --", "--amount", "10"), "not a player id"),
    (("marker-issue", "--player", "104", "--amount", "10"), "no approved credit line"),
    (("deposit", "--player", "104", "--amount", "10", "--id", "not-a-uuid"), "not a UUID"),
])
def test_refusals_exit_2_with_a_sentence_and_post_nothing(cli, args, sentence):
    total = rows(cli)
    assert_refused(cli("post", *args, "--staff", "C100", pin="1111"), sentence)
    assert rows(cli) == total


def test_a_bad_pin_is_refused_and_posts_nothing(cli):
    total = rows(cli)
    assert_refused(cli("post", "deposit", "--player", "104", "--amount", "10", "--staff", "C100", pin="9999"),
                   "not recognised")
    assert_refused(cli("post", "deposit", "--player", "104", "--amount", "10", "--staff", "C100"),
                   "No PIN given")
    assert rows(cli) == total


def test_balance_of_an_unknown_player_exits_2(cli):
    assert_refused(cli("balance", "nobody-404"), "no player")


def test_an_unreachable_ledger_exits_3(cli):
    out = cli("balance", "179", CASHIER_DATABASE_URL="postgresql://postgres@127.0.0.1:1/none")
    assert out.returncode == 3, (out.stdout, out.stderr)
    assert "cannot be reached" in out.stderr


def test_integrity_exits_0_when_clean_and_1_with_each_discrepancy(cli):
    clean = cli("integrity")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "integrity: clean" in clean.stdout
    as_json = cli("integrity", "--json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout) == {"clean": True, "findings": []}

    with cli.engine.begin() as conn:  # the incident: a hand-written balance "fix"
        conn.execute(text("UPDATE players SET balance = balance + 10000 WHERE id = '105'"))
    try:
        dirty = cli("integrity")
        assert dirty.returncode == 1
        assert "player 105: cash matches ledger" in dirty.stdout
        assert "player 105: balance is deposits minus withdrawals" in dirty.stdout
        assert "discrepancies" in dirty.stdout
        report = cli("integrity", "--json")
        assert report.returncode == 1
        data = json.loads(report.stdout)
        assert data["clean"] is False
        assert {(f["player_id"], f["check"]) for f in data["findings"]} >= {
            ("105", "cash_matches_ledger"), ("105", "balance_is_deposits_minus_withdrawals"), ("105", "hash_chain")}
    finally:
        with cli.engine.begin() as conn:
            conn.execute(text("UPDATE players SET balance = balance - 10000 WHERE id = '105'"))
    assert cli("integrity").returncode == 0


def test_a_database_without_the_schema_is_refused_with_what_to_do(databases, tmp_path):
    url, _ = databases.create(migrated=False)
    out = Cli(url, tmp_path)("balance", "179")
    assert out.returncode == 2, out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("cashier-desktop: ") and "db upgrade" in last


def test_credit_line_markers_adjustment_and_reversal_through_the_cli(cli):
    def post_json(*args, pin="1111", **env):
        out = cli("post", *args, "--json", pin=pin, **env)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    # Self-approved postings at the terminal's own login: the issuer's session is the approver's.
    owner: dict[str, str] = {}
    line = post_json("credit-line", "--player", "103", "--amount", "50,000", "--staff", "F200",
                     "--approver", "F200", pin="2222", **owner)  # a floor manager sets the line
    assert (line["limit_after"], line["approved_after"], line["approver_id"]) == ("50000.00", True, "F200")
    post_json("marker-issue", "--player", "103", "--amount", "20,000", "--staff", "C100")
    post_json("marker-redeem", "--player", "103", "--amount", "5,000", "--staff", "C100")
    b = balance(cli, "103")
    assert (b["creditBalance"], b["creditLimit"], b["creditApproved"]) == ("15000.00", "50000.00", True)
    assert_refused(cli("post", "marker-issue", "--player", "103", "--amount", "35,000.01", "--staff", "C100",
                       pin="1111"), "of credit available")

    deposit = post_json("deposit", "--player", "103", "--amount", "700", "--staff", "C100")
    cash = Decimal(balance(cli, "103")["cashBalance"])
    reversal = post_json("reverse", "--player", "103", "--reverses", deposit["id"], "--reason", "wrong player",
                         "--staff", "S300", "--approver", "S300", pin="3333", **owner)  # corrections: a supervisor
    assert (reversal["kind"], reversal["reverses_id"], reversal["amount"]) == ("reversal", deposit["id"], "700.00")
    assert Decimal(balance(cli, "103")["cashBalance"]) == cash - 700
    assert_refused(cli("post", "reverse", "--player", "103", "--reverses", deposit["id"], "--reason", "again",
                       "--staff", "S300", "--approver", "S300", pin="3333", **owner), "already been reversed")
    adj = post_json("adjust-in", "--player", "103", "--amount", "5", "--reason", "count error", "--staff", "S300",
                    "--approver", "S300", pin="3333", **owner)
    assert adj["reason"] == "count error"
    assert cli("integrity").returncode == 0


def test_a_self_approved_posting_through_the_cli_at_a_terminal_login(cli):
    out = cli("post", "adjust-in", "--player", "104", "--amount", "5", "--reason", "count error", "--staff", "S300",
              "--approver", "S300", "--json", pin="3333")
    assert out.returncode == 0, out.stderr
