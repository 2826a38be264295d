"""`shift handover`, `bank fill|credit|fund|remit` and `report accountability` as scripts call
them at a terminal login: exit 0 and what happened, or exit 2 and one sentence."""

from __future__ import annotations

import csv
import io
import json
import uuid

from sqlalchemy import text

from cashier_desktop.ledger.staff import add_staff
from tests.integration.test_cli_staff import _refused, cli  # noqa: F401 - the fixture
from tests.support.factories import make_player


def _second_cashier(engine) -> str:
    sid = f"C{uuid.uuid4().hex[:6]}"
    add_staff(engine, sid, "Second Cashier", "cashier", "5555")
    return sid


def _open(cli, count: str = "500=20") -> None:
    code, _out, err = cli("shift", "open", "--staff", "C100", "--count", count, pin="1111")
    assert code == 0, err


def test_a_handover_from_the_command_line_closes_one_shift_and_opens_the_next(cli):
    incoming = _second_cashier(cli.engine)
    _open(cli)
    code, out, err = cli("shift", "handover", "--staff", "C100", "--count", "500=10", "--incoming", incoming,
                         "--incoming-count", "500=10", "--json", pin="1111", approver_pin="5555")
    assert code == 0, err
    done = json.loads(out)
    assert (done["expected"], done["variance"], done["staff_id"], done["opening_float"]) == (
        "10000.00", "-5000.00", incoming, "5000.00")
    assert done["needs_signoff"] is True
    pid = make_player(cli.engine)
    code, out, err = cli("post", "deposit", "--player", pid, "--amount", "100", "--staff", incoming, "--json",
                         pin="5555")
    assert code == 0, err
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT shift_id FROM ledger_transactions WHERE player_id = :p"),
                            {"p": pid}).scalar() == done["opened_shift"]


def test_a_handover_whose_counts_differ_or_without_the_incoming_pin_is_refused_with_a_sentence(cli):
    incoming = _second_cashier(cli.engine)
    _open(cli)
    _refused(cli("shift", "handover", "--staff", "C100", "--count", "500=20", "--incoming", incoming,
                 "--incoming-count", "500=19", pin="1111", approver_pin="5555"), "The two counts differ")
    _refused(cli("shift", "handover", "--staff", "C100", "--count", "500=20", "--incoming", incoming,
                 "--incoming-count", "500=20", pin="1111", approver_pin="0000"), "not recognised")
    _refused(cli("shift", "handover", "--staff", "C100", "--count", "500=20", "--incoming", "C100",
                 "--incoming-count", "500=20", pin="1111", approver_pin="1111"), "someone other than the outgoing")
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM shifts WHERE terminal_id = :t AND status = 'open'"),
                            {"t": cli.terminal}).scalar() == 1


def test_fund_fill_credit_and_the_accountability_report(cli):
    _open(cli)
    code, out, err = cli("bank", "fund", "50000", "--staff", "S300", "--witness", "F200",
                         "--reason", "count room", pin="3333", approver_pin="2222")
    assert code == 0, err
    assert "; the main bank holds ₹" in out
    code, out, err = cli("bank", "fill", "20000", "--staff", "C100", "--bank-staff", "F200",
                         pin="1111", approver_pin="2222")
    assert code == 0, err
    assert "sent by F200, received by C100" in out
    code, out, err = cli("bank", "credit", "5000", "--staff", "C100", "--bank-staff", "F200",
                         pin="1111", approver_pin="2222")
    assert code == 0, err
    code, out, err = cli("report", "accountability", "--staff", "S300", "--json", pin="3333")
    assert code == 0, err
    rows = json.loads(out)  # the session's ledger is shared: other tests' drawers are open too
    (mine,) = [r for r in rows if r["section"] == "drawer" and r["terminal_id"] == cli.terminal]
    assert (mine["staff_id"], mine["amount"]) == ("C100", "25000.00")
    (bank,) = [r for r in rows if r["section"] == "bank"]
    assert bank["amount"] == bank["ledger"]
    assert all(r["reconciles"] for r in rows)
    code, out, err = cli("report", "accountability", "--staff", "S300", pin="3333")
    assert code == 0, err
    assert "cage accountability" in out and "₹25,000.00" in out


def test_bank_commands_refuse_with_one_sentence(cli):
    _open(cli)
    _refused(cli("bank", "fill", "5000000", "--staff", "C100", "--bank-staff", "F200", pin="1111",
                 approver_pin="2222"), "The main bank holds")
    _refused(cli("bank", "fill", "100", "--staff", "C100", "--bank-staff", "C100", pin="1111",
                 approver_pin="1111"), "someone other than you")
    _refused(cli("bank", "fill", "-5", "--staff", "C100", "--bank-staff", "F200", pin="1111",
                 approver_pin="2222"), "")
    _refused(cli("bank", "fund", "100", "--staff", "C100", "--witness", "F200", "--reason", "x",
                 pin="1111", approver_pin="2222"), "As a cashier you cannot sign for the main bank")
    _refused(cli("report", "accountability", "--staff", "C100", pin="1111"), "As a cashier you cannot run reports")
    _refused(cli("report", "accountability", pin="1111"), "needs --staff")
    _refused(cli("report", "accountability", "--staff", "S300", "--gaming-day", "yesterday", pin="3333"),
             "is not a date")


def test_a_bank_balance_written_by_hand_makes_the_accountability_report_exit_1(cli):
    code, _out, err = cli("bank", "fund", "1000", "--staff", "S300", "--witness", "F200", "--reason", "count room",
                          pin="3333", approver_pin="2222")
    assert code == 0, err
    with cli.engine.begin() as conn:  # the incident's kind of fix: a balance written by hand
        conn.execute(text("UPDATE bank_balances SET balance = balance + 10000 WHERE currency = 'INR'"))
    try:
        code, out, err = cli("report", "accountability", "--staff", "S300", pin="3333")
        assert code == 1, (code, out, err)
        assert "LEDGER SAYS" in out
    finally:
        with cli.engine.begin() as conn:
            conn.execute(text("UPDATE bank_balances SET balance = balance - 10000 WHERE currency = 'INR'"))


def test_a_payout_the_drawer_cannot_hold_is_refused_with_one_sentence_and_a_fill_makes_room(cli):
    """Withdrawal, credit to the bank and an exchange's payout (0023): exit 2, one line on
    stderr asking for a fill, nothing posted; after a fill the same withdrawal posts."""
    assert cli("shift", "open", "--staff", "C100", "--float", "1000", pin="1111")[0] == 0
    pid = make_player(cli.engine)
    with cli.engine.begin() as conn:  # the player's cash from another window (the owner's posting)
        conn.execute(text("SELECT * FROM cage.post(gen_random_uuid(), 'h', 'adjust_in', :p, 5000, 'INR', NULL, "
                          "p_staff => 'S300', p_reason => 'opening balance')"), {"p": pid})
    sentence = "The drawer cannot pay out ₹1,500.00: that is more than it should hold. Request a fill"
    _refused(cli("post", "withdraw", "--player", pid, "--amount", "1500", "--staff", "C100", pin="1111"), sentence)
    _refused(cli("bank", "credit", "1500", "--staff", "C100", "--bank-staff", "F200", pin="1111",
                 approver_pin="2222"), sentence)
    assert cli("rates", "set", "--currency", "EUR", "--buy", "90", "--sell", "92", "--staff", "S300",
               pin="3333")[0] == 0
    _refused(cli("exchange", "sell", "--currency", "EUR", "--amount", "1", "--staff", "C100", pin="1111"),
             "The drawer cannot pay out €1.00")
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": pid}).scalar() == 5000
    assert cli("bank", "fund", "1000", "--staff", "S300", "--witness", "F200", "--reason", "count room",
               pin="3333", approver_pin="2222")[0] == 0
    assert cli("bank", "fill", "1000", "--staff", "C100", "--bank-staff", "F200", pin="1111",
               approver_pin="2222")[0] == 0
    code, _out, err = cli("post", "withdraw", "--player", pid, "--amount", "1500", "--staff", "C100", pin="1111")
    assert code == 0, err


def test_a_handover_run_again_with_its_id_answers_with_the_first_and_other_counts_are_refused(cli):
    """A script whose handover's answer was lost runs it again with `--id` (0024): the first
    handover is the answer, nothing is handed over twice; the id with other counts is refused."""
    incoming = _second_cashier(cli.engine)
    _open(cli)
    hid = str(uuid.uuid4())
    args = ("shift", "handover", "--staff", "C100", "--count", "500=20", "--incoming", incoming,
            "--incoming-count", "500=20", "--id", hid)
    code, out, err = cli(*args, "--json", pin="1111", approver_pin="5555")
    assert code == 0, err
    first = json.loads(out)
    assert (first["id"], first["replayed"]) == (hid, False)
    code, out, err = cli(*args, pin="1111", approver_pin="5555")
    assert code == 0, err
    assert f"shift {first['closed_shift']} was already handed over" in out and f"handover id {hid}" in out
    _refused(cli("shift", "handover", "--staff", "C100", "--count", "500=19", "--incoming", incoming,
                 "--incoming-count", "500=19", "--id", hid, pin="1111", approver_pin="5555"),
             "already made with different details")
    _refused(cli(*args[:-1], "not-a-uuid", pin="1111", approver_pin="5555"), "is not a UUID")
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM shift_handovers WHERE from_shift = :s"),
                            {"s": first["closed_shift"]}).scalar() == 1
        assert conn.execute(text("SELECT id FROM shifts WHERE terminal_id = :t AND status = 'open'"),
                            {"t": cli.terminal}).scalar() == first["opened_shift"]


def test_the_foreign_cash_is_counted_at_a_handover_and_at_close_and_the_report_shows_it(cli):
    """Migration 0032 from the command line: USD bought in one shift goes with the drawer at a
    handover counted by both cashiers; the next close counts fewer dollars, the report shows
    the foreign variance, and the supervisor's sign-off names it."""
    incoming = _second_cashier(cli.engine)
    _open(cli, "500=100")
    cli("rates", "set", "--currency", "USD", "--buy", "80", "--sell", "85", "--staff", "S300", pin="3333")
    code, _out, err = cli("exchange", "buy", "--currency", "USD", "--amount", "150", "--staff", "C100", pin="1111")
    assert code == 0, err  # ₹12,000 paid out: ₹38,000 left
    # the dollars are in the cage's accountability, a line and a total of their own (0034)
    code, out, err = cli("report", "accountability", "--staff", "S300", "--json", pin="3333")
    assert code == 0, err
    mine = [(r["currency"], r["amount"], r["reconciles"]) for r in json.loads(out) if r["terminal_id"] == cli.terminal]
    assert mine == [("INR", "38000.00", True), ("USD", "150.00", True)]
    code, out, err = cli("report", "accountability", "--staff", "S300", pin="3333")
    assert code == 0, err
    assert f"at {cli.terminal} (C100), USD" in out and "foreign cash in the drawers, USD" in out, out
    _refused(cli("shift", "handover", "--staff", "C100", "--count", "500=76", "--incoming", incoming,
                 "--incoming-count", "500=76", "--foreign", "USD:100=1,50=1", "--incoming-foreign", "USD:100=1",
                 pin="1111", approver_pin="5555"), "The two counts of the foreign cash differ (USD 150.00 and USD 100.00)")
    code, out, err = cli("shift", "handover", "--staff", "C100", "--count", "500=76", "--incoming", incoming,
                         "--incoming-count", "500=76", "--foreign", "usd:100=1,50=1",
                         "--incoming-foreign", "USD:50=1, 100=1", "--json", pin="1111", approver_pin="5555")
    assert code == 0, err
    done = json.loads(out)
    assert done["foreign"] == {"USD": {"counted": "150.00", "expected": "150.00", "variance": "0.00"}}
    code, out, err = cli("shift", "close", "--staff", incoming, "--count", "500=76", "--foreign", "USD:100=1",
                         pin="5555")
    assert code == 0, err
    assert "USD: counted $100.00, expected $150.00, variance -$50.00" in out.replace("−", "-"), out
    assert "a supervisor must sign off" in out
    _refused(cli("shift", "signoff", str(done["opened_shift"]), "--staff", "S300", pin="3333"),
             "has a variance of ₹0.00, ")
    code, out, err = cli("shift", "report", str(done["opened_shift"]))
    assert code == 0, err
    assert "USD handed in   $150.00" in out and "USD counted     $100.00, expected $150.00" in out, out
    code, out, err = cli("shift", "report", str(done["opened_shift"]), "--csv")
    assert code == 0, err
    assert {r["foreign_cash"] for r in csv.DictReader(io.StringIO(out))} == {
        "USD handed in 150.00; USD counted 100.00 expected 150.00 variance -50.00"}
    _refused(cli("shift", "close", "--staff", "C100", "--count", "500=1", "--foreign", "INR:500=1", pin="1111"),
             "INR is this cage's own currency")
