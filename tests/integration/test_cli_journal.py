"""The headless terminal: `post` goes through the journal exactly like the GUI, and the
journal commands report, replay and verify. Real processes, real PostgreSQL, a TCP proxy
the test cuts."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import pytest

from cashier_desktop.ledger.queries import get_balance
from tests.support.databases import login_url
from tests.support.factories import make_player
from tests.support.journal_terminal import cli, proxy_for
from tests.support.shifts import open_test_shift


@pytest.fixture
def setup(ledger, tmp_path):
    url, engine = ledger
    proxy = proxy_for(url)
    terminal = f"T-CLI-{tmp_path.name[-8:]}"
    shift = open_test_shift(engine, terminal)
    # The CLI connects as the terminal's own login, through the proxy the test cuts; the login
    # may journal offline up to the profile's caps (add-login --offline-limit/--offline-total).
    login = login_url(url, "terminal", terminal_id=terminal, offline_limit=Decimal("50000"),
                      offline_total=Decimal("500000"))
    kw = dict(url=proxy.url(login), journal=tmp_path / "journal.sqlite", terminal_id=terminal)
    yield engine, proxy, shift, kw
    proxy.close()


def post(kw, *args, **extra):
    return cli(["post", *args, "--staff", "C100", "--json"], **kw, **extra)


def test_post_answers_pending_offline_and_the_journal_replays_it_when_the_ledger_is_back(setup, tmp_path):
    engine, proxy, shift, kw = setup
    player = make_player(engine)
    online = post(kw, "deposit", "--player", player, "--amount", "100")
    assert online.returncode == 0, online.stderr
    assert json.loads(online.stdout)["status"] == "posted"

    proxy.refuse()
    offline = post(kw, "deposit", "--player", player, "--amount", "250")
    assert offline.returncode == 0, offline.stderr
    pending = json.loads(offline.stdout)
    assert pending["status"] == "pending" and pending["banner"] == "OFFLINE — PENDING"
    assert pending["shift_id"] == shift

    listed = cli(["journal", "pending", "--json"], **kw)
    assert listed.returncode == 0, listed.stderr
    assert [e["id"] for e in json.loads(listed.stdout)["entries"]] == [pending["id"]]

    replay = cli(["journal", "replay", "--json"], **kw)
    assert replay.returncode == 3, "the ledger is still unreachable"

    proxy.accept()
    replay = cli(["journal", "replay", "--json"], **kw)
    assert replay.returncode == 0, replay.stderr
    assert json.loads(cli(["journal", "pending", "--json"], **kw).stdout)["pending"] == 0
    assert str(get_balance(engine, player, currency="INR").cash.amount) == "350.00"

    out_csv = tmp_path / "shift.csv"
    rec = cli(["reconcile", "--shift", str(shift), "--csv", str(out_csv)], **kw)
    assert rec.returncode == 0, rec.stdout + rec.stderr
    rows = list(csv.DictReader(out_csv.open()))
    assert sorted(r["status"] for r in rows) == ["matched", "matched"]
    assert cli(["journal", "verify"], **kw).returncode == 0


def test_post_refuses_with_exit_2_what_policy_does_not_allow_offline(setup):
    engine, proxy, shift, kw = setup
    player = make_player(engine)
    assert post(kw, "deposit", "--player", player, "--amount", "10").returncode == 0
    proxy.refuse()
    withdrawal = post(kw, "withdraw", "--player", player, "--amount", "5")
    assert withdrawal.returncode == 2 and "withdrawals cannot be paid" in withdrawal.stderr
    too_big = post(kw, "deposit", "--player", player, "--amount", "50000.01")
    assert too_big.returncode == 2 and "above ₹50,000.00" in too_big.stderr
    credit = post(kw, "marker-issue", "--player", player, "--amount", "5")
    assert credit.returncode == 2 and "credit" in credit.stderr
    listed = json.loads(cli(["journal", "pending", "--json"], **kw).stdout)
    assert listed["pending"] == 0


def test_offline_login_needs_a_previous_online_login_on_this_terminal(setup):
    engine, proxy, shift, kw = setup
    player = make_player(engine)
    proxy.refuse()
    never_seen = post(kw, "deposit", "--player", player, "--amount", "10")
    assert never_seen.returncode == 2 and "logged in on this terminal before" in never_seen.stderr


def test_a_wrong_pin_offline_is_refused(setup):
    engine, proxy, shift, kw = setup
    player = make_player(engine)
    assert post(kw, "deposit", "--player", player, "--amount", "10").returncode == 0
    proxy.refuse()
    wrong = post(kw, "deposit", "--player", player, "--amount", "10", pin="9999")
    assert wrong.returncode == 2 and "not recognised" in wrong.stderr


def test_reconcile_by_terminal_and_period(setup):
    engine, proxy, shift, kw = setup
    player = make_player(engine)
    assert post(kw, "deposit", "--player", player, "--amount", "12").returncode == 0
    rec = cli(["reconcile", "--terminal", kw["terminal_id"], "--from", "2000-01-01", "--to", "2100-01-01",
               "--json"], **kw)
    assert rec.returncode == 0, rec.stdout + rec.stderr
    body = json.loads(rec.stdout)
    assert body["clean"] and body["counts"] == {"matched": 1}


def test_only_a_supervisor_resolves_an_entry_rejected_on_replay(setup):
    from cashier_desktop.journal.store import Journal
    from tests.support.factories import cmd
    engine, proxy, shift, kw = setup
    c = cmd("withdrawal", make_player(engine), "5", terminal_id=kw["terminal_id"], shift_id=shift)
    with Journal(kw["journal"], terminal_id=kw["terminal_id"]) as j:
        j.append_pending(c, ledger=engine.url.database, offline=True)
        j.mark_rejected_on_replay(c.id, "insufficient_funds", "Not enough cash.")
    listed = json.loads(cli(["journal", "pending", "--json"], **kw).stdout)
    assert listed["needs_attention"] == 1
    assert cli(["reconcile", "--shift", str(shift)], **kw).returncode == 1
    cashier = cli(["journal", "resolve", str(c.id), "--staff", "C100", "--note", "x"], **kw)
    assert cashier.returncode == 2 and "Only a supervisor" in cashier.stderr
    ok = cli(["journal", "resolve", str(c.id), "--staff", "S300", "--note", "player repaid"], pin="3333", **kw)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(cli(["journal", "pending", "--json"], **kw).stdout)["needs_attention"] == 0
    assert cli(["reconcile", "--shift", str(shift)], **kw).returncode == 0
    assert cli(["journal", "verify"], **kw).returncode == 0


def test_a_refusal_in_doubt_is_listed_until_replay_settles_it_by_its_id(setup):
    """A send that broke mid-way was answered "in doubt" (exit 4): the ledger may have it. An
    operator's `journal pending` must not say "nothing left" while it is unsettled — a drain
    that stopped there left the soak's CLI terminal unreconciled."""
    from cashier_desktop.journal.store import Journal
    from cashier_desktop.ledger.posting import post as post_to_ledger
    from tests.support.factories import cmd
    engine, proxy, shift, kw = setup
    c = cmd("deposit", make_player(engine), "40", terminal_id=kw["terminal_id"], shift_id=shift)
    with Journal(kw["journal"], terminal_id=kw["terminal_id"]) as j:
        j.append_pending(c, ledger=engine.url.database, offline=False)
        j.mark_rejected(c.id, "in_doubt", "The send broke.", in_doubt=True)
    listed = json.loads(cli(["journal", "pending", "--json"], **kw).stdout)
    assert (listed["pending"], listed["in_doubt"]) == (0, 1)
    assert [e["id"] for e in listed["in_doubt_entries"]] == [str(c.id)]
    text = cli(["journal", "pending"], **kw).stdout
    assert f"in doubt {c.id}" in text and "0 pending, 1 in doubt" in text

    assert cli(["journal", "replay"], **kw).returncode == 0
    still = json.loads(cli(["journal", "pending", "--json"], **kw).stdout)
    assert still["in_doubt"] == 1, "absent but too recent to be sure: it stays in doubt"

    post_to_ledger(engine, c)  # the broken send's statement committed after all
    found = cli(["journal", "replay"], **kw)
    assert found.returncode == 1, "found after the counter had no clean answer: a supervisor looks"
    settled = json.loads(cli(["journal", "pending", "--json"], **kw).stdout)
    assert (settled["in_doubt"], settled["needs_attention"]) == (0, 1)
