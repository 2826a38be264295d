"""The cage operations of issue 17 at the command line, as the terminal login bound to its
terminal: exchange (with rates), temporary credit lines and history, markers due and aging,
authority limits. Refusals are one sentence on stderr and exit 2."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

from sqlalchemy import text

from tests.integration.test_cli_staff import _refused, cli  # noqa: F401 - the fixture
from tests.support.factories import make_player
from tests.support.logins import add_staff_member


def _new_cashier(cli) -> str:
    """A cashier of this test's own: an authority limit set on C100 would reach every other
    test of the session's shared ledger."""
    staff_id = f"C{uuid.uuid4().hex[:6]}"
    add_staff_member(cli.engine, staff_id, "cashier", "5555")
    return staff_id


def _open_shift(cli, staff: str = "C100", pin: str = "1111") -> None:
    code, _out, err = cli("shift", "open", "--staff", staff, "--float", "100000", pin=pin)
    assert code == 0, err


def test_rates_are_set_by_a_supervisor_and_shown_to_anyone(cli):
    _refused(cli("rates", "set", "--currency", "USD", "--buy", "83", "--sell", "84", "--staff", "C100", pin="1111"),
             "cannot set an exchange rate")
    _refused(cli("rates", "set", "--currency", "USD", "--buy", "85", "--sell", "84", "--staff", "S300", pin="3333"),
             "buy rate cannot be higher")
    _refused(cli("rates", "set", "--currency", "USD", "--buy", "abc", "--sell", "84", "--staff", "S300", pin="3333"),
             "is not a buy rate")
    _refused(cli("rates", "set", "--currency", "XYZ", "--buy", "1", "--sell", "2", "--staff", "S300", pin="3333"),
             "does not exchange XYZ")
    code, out, err = cli("rates", "set", "--currency", "usd", "--buy", "83.123456", "--sell", "84.98",
                         "--staff", "S300", pin="3333")
    assert code == 0 and "USD rate" in out, err
    code, out, _ = cli("rates", "show", "--json")
    shown = {r["currency"]: r["rate"] for r in json.loads(out)}
    assert shown["USD"]["buy"] == "83.123456" and shown["USD"]["set_by"] == "S300"
    assert "EUR" in shown  # with or without a rate: the session's ledger is shared (none: test_cage_screens)
    code, out, _ = cli("rates", "show")
    assert "USD  US dollar: buy 83.123456  sell 84.980000" in out and "EUR  Euro: " in out


def test_an_exchange_posts_at_the_quoted_rate_once_and_a_changed_rate_is_refused(cli):
    _open_shift(cli)
    cli("rates", "set", "--currency", "USD", "--buy", "83.123456", "--sell", "84.981234", "--staff", "S300",
        pin="3333")
    rate_id = json.loads(cli("rates", "show", "--json")[1])[1]["rate"]["id"]
    pid = make_player(cli.engine)
    exchange_id = "6f1c1d7e-4c1a-4f55-9a55-0e9f3d2b7a01"
    args = ("exchange", "buy", "--currency", "USD", "--amount", "100.01", "--staff", "C100", "--player", pid,
            "--rate-id", str(rate_id), "--id", exchange_id)
    code, out, err = cli(*args, "--json", pin="1111")
    assert code == 0, err
    done = json.loads(out)
    assert (done["local_amount"], done["rate"], done["replayed"]) == ("8313.17", "83.123456", False)  # paid down
    code, out, err = cli(*args, pin="1111")  # the same id again: the first exchange, not a second
    assert code == 0 and out.startswith("already exchanged: took $100.01, paid ₹8,313.17"), err
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges WHERE player_id = :p"), {"p": pid}).scalar() == 1
    cli("rates", "set", "--currency", "USD", "--buy", "83.5", "--sell", "85.000001", "--staff", "S300", pin="3333")
    _refused(cli("exchange", "sell", "--currency", "USD", "--amount", "10", "--staff", "C100",
                 "--rate-id", str(rate_id), pin="1111"), "rate changed since it was quoted")
    _refused(cli("exchange", "buy", "--currency", "INR", "--amount", "10", "--staff", "C100", pin="1111"),
             "between INR and a foreign currency")
    _refused(cli("exchange", "buy", "--currency", "USD", "--amount", "-5", "--staff", "C100", pin="1111"),
             "must be positive")
    code, out, err = cli("exchange", "sell", "--currency", "USD", "--amount", "10.01", "--staff", "C100", pin="1111")
    # 10.01 × 85.000001 = 850.8500100…: the cage is paid, so up to the next paisa
    assert code == 0 and "took ₹850.86, paid $10.01" in out, err


def test_an_exchange_with_its_notes_puts_them_in_the_drawer_by_note_and_wrong_notes_post_nothing(cli):
    """`exchange buy --notes`: the dollars are in the drawer's holding by note, as when the
    window records them (0031); notes that do not add up, that are not the currency's, or an
    empty `--notes`, are one sentence and exit 2, and nothing is exchanged."""
    cashier = _new_cashier(cli)
    _open_shift(cli, cashier, "5555")
    cli("rates", "set", "--currency", "USD", "--buy", "83", "--sell", "84", "--staff", "S300", pin="3333")
    args = ("exchange", "buy", "--currency", "USD", "--amount", "370", "--staff", cashier)
    _refused(cli(*args, "--notes", "100x3", pin="5555"), "The foreign notes add up to 300.00 USD, not the 370.00 USD")
    _refused(cli(*args, "--notes", "500x1, 20x3, 10x1", pin="5555"), "not a note or coin of USD")
    _refused(cli(*args, "--notes", " ", pin="5555"), "Give the notes as DENOMINATIONxPIECES pairs")
    _refused(cli(*args, "--notes", "100x3, 2Ox3", pin="5555"), "“2Ox3” is not DENOMINATIONxPIECES")
    with cli.engine.connect() as conn:
        assert conn.execute(text("""SELECT count(*) FROM fx_exchanges x JOIN shifts s ON s.id = x.shift_id
                                    WHERE s.staff_id = :c"""), {"c": cashier}).scalar() == 0
    code, out, err = cli(*args, "--notes", "100x3, 20x3, 10x1", "--json", pin="5555")
    assert code == 0, err
    done = json.loads(out)
    with cli.engine.connect() as conn:
        notes = conn.execute(text("""SELECT denomination, pieces_in, pieces_out FROM exchange_notes
                                     WHERE exchange_id = :x ORDER BY denomination DESC"""), {"x": done["id"]}).all()
    assert [tuple(n) for n in notes] == [(Decimal("100.00"), 3, 0), (Decimal("20.00"), 3, 0), (Decimal("10.00"), 1, 0)]


def test_an_exchange_above_the_cashiers_authority_needs_a_second_pin(cli):
    cashier = _new_cashier(cli)
    _open_shift(cli, cashier, "5555")  # only the drawer's cashier exchanges in it (0021)
    cli("rates", "set", "--currency", "EUR", "--buy", "90", "--sell", "92", "--staff", "S300", pin="3333")
    code, _, err = cli("authority", "set", "--for", cashier, "--type", "exchange", "--limit", "5000",
                       "--reason", "new starter", "--staff", "S300", pin="3333")
    assert code == 0, err
    args = ("exchange", "buy", "--currency", "EUR", "--amount", "100", "--staff", cashier)
    code, out, err = cli(*args[:-4], "--amount", "50", "--staff", cashier, pin="5555")  # ₹4,500: within it
    assert code == 0, err
    _refused(cli(*args, pin="5555"), "a second person must approve it")
    code, out, err = cli(*args, "--approver", "F200", "--json", pin="5555", approver_pin="2222")
    assert code == 0, err
    assert json.loads(out)["local_amount"] == "9000.00"


def test_authority_limits_are_shown_and_set_by_a_supervisor_only(cli):
    _refused(cli("authority", "show", "--staff", "C100", pin="1111"), "cannot manage staff")
    _refused(cli("authority", "set", "--for", "S300", "--type", "withdrawal", "--limit", "1000", "--reason", "x",
                 "--staff", "S300", pin="3333"), "your own authority limit")
    _refused(cli("authority", "set", "--for", "C100", "--type", "lunch", "--limit", "1000", "--reason", "x",
                 "--staff", "S300", pin="3333"), "is not a transaction type")
    cashier = _new_cashier(cli)
    code, out, err = cli("authority", "set", "--for", cashier, "--type", "withdrawal", "--limit", "₹50,000",
                         "--reason", "probation", "--staff", "S300", pin="3333")
    assert code == 0 and f"authority of {cashier} for withdrawal: ₹50,000.00" in out, err

    def shown():
        out = cli("authority", "show", "--staff", "S300", "--json", pin="3333")[1]
        return [(r["type"], r["limit"], r["set_by"], r["reason"]) for r in json.loads(out) if r["staff_id"] == cashier]
    assert shown() == [("withdrawal", "50000.00", "S300", "probation")]
    assert f"{cashier}" in cli("authority", "show", "--staff", "S300", pin="3333")[1]
    code, out, _ = cli("authority", "set", "--for", cashier, "--type", "withdrawal", "--limit", "none",
                       "--reason", "probation over", "--staff", "S300", pin="3333")
    assert code == 0 and "removed" in out
    assert shown() == []


def test_a_temporary_line_needs_a_second_person_and_shows_in_the_credit_history(cli):
    pid = make_player(cli.engine)
    base = ("credit", "grant-temporary", "--player", pid, "--limit", "25000", "--days", "3", "--reason",
            "tournament week")
    _refused(cli(*base, "--staff", "F200", "--approver", "F200", pin="2222", approver_pin="2222"),
             "someone other than who asked")
    _refused(cli(*base[:-1], "", "--staff", "C100", "--approver", "F200", pin="1111", approver_pin="2222"),
             "Give a reason")
    _refused(cli(*base[:7], "0", *base[8:], "--staff", "C100", "--approver", "F200", pin="1111",
                 approver_pin="2222"), "1 to 90 days")
    _refused(cli(*base, "--staff", "C100", "--approver", "C100", pin="1111", approver_pin="1111"),
             "someone other than who asked")
    _refused(cli("credit", "grant-temporary", "--player", pid, "--limit", "2000000", "--days", "3", "--reason", "vip",
                 "--staff", "C100", "--approver", "F200", pin="1111", approver_pin="2222"),
             "above the approval authority of F200")
    code, out, err = cli(*base, "--staff", "C100", "--approver", "F200", pin="1111", approver_pin="2222")
    assert code == 0 and "₹25,000.00 until" in out and "approved by F200" in out, err
    code, out, _ = cli("credit", "history", "--player", pid, "--json")
    [change] = json.loads(out)
    assert (change["line"], change["old_limit"], change["new_limit"], change["requested_by"],
            change["approved_by"], change["reason"]) == ("temporary", "0.00", "25000.00", "C100", "F200",
                                                           "tournament week")
    code, out, _ = cli("credit", "history", "--player", pid)
    assert "temporary ₹0.00 → ₹25,000.00 until" in out and "asked by C100, approved by F200" in out


def test_markers_due_and_aging_are_for_the_floor(cli):
    _open_shift(cli)
    pid = make_player(cli.engine)
    code, _, err = cli("credit", "grant-temporary", "--player", pid, "--limit", "25000", "--days", "3",
                       "--reason", "tournament", "--staff", "C100", "--approver", "F200", pin="1111",
                       approver_pin="2222")
    assert code == 0, err
    code, _, err = cli("post", "marker-issue", "--player", pid, "--amount", "4000", "--staff", "C100", pin="1111")
    assert code == 0, err
    _refused(cli("markers", "due", "--staff", "C100", pin="1111"), "cannot approve credit")
    _refused(cli("markers", "due", "--by", "next week", "--staff", "F200", pin="2222"), "YYYY-MM-DD")
    code, out, err = cli("markers", "due", "--by", "2999-01-01", "--staff", "F200", "--json", pin="2222")
    assert code == 0, err
    mine = [r for r in json.loads(out) if r["player_id"] == pid]
    assert [r["outstanding"] for r in mine] == ["4000.00"]
    code, out, err = cli("markers", "due", "--staff", "F200", "--json", pin="2222")  # a week from the cage's today
    assert code == 0 and all(r["player_id"] != pid for r in json.loads(out)), err  # due in 30 days
    code, out, err = cli("markers", "aging", "--staff", "F200", "--json", pin="2222")
    assert code == 0, err
    [row] = [r for r in json.loads(out) if r["player_id"] == pid]
    assert row["buckets"] == {"0–30": "4000.00", "31–60": "0", "61–90": "0", "90+": "0"}
    assert Decimal(row["overdue"]) == 0


def test_a_drawers_holding_by_denomination_is_for_a_supervisor(cli):
    code, _, err = cli("shift", "open", "--staff", "C100", "--count", "500=10,100=5", pin="1111")
    assert code == 0, err
    with cli.engine.connect() as conn:
        shift = conn.execute(text("SELECT id FROM shifts WHERE terminal_id = :t AND status = 'open'"),
                             {"t": cli.terminal}).scalar_one()
    _refused(cli("drawer", "holding", str(shift), "--staff", "C100", pin="1111"), "cannot sign off a shift")
    _refused(cli("drawer", "holding", "999999999", "--staff", "S300", pin="3333"), "There is no shift 999999999")
    code, out, err = cli("drawer", "holding", str(shift), "--staff", "S300", "--json", pin="3333")
    assert code == 0, err
    assert json.loads(out) == [{"denomination": "500.00", "pieces": 10, "amount": "5000.00"},
                               {"denomination": "100.00", "pieces": 5, "amount": "500.00"}]
    code, out, _ = cli("drawer", "holding", str(shift), "--staff", "S300", pin="3333")
    assert "expected" in out and "₹5,500.00" in out


def test_a_limit_on_a_fill_is_set_at_the_command_line_and_a_third_pin_lets_it_through(cli, monkeypatch):
    """Migration 0029: `authority set` takes every transaction type (here a fill and a temporary
    line); over the bank signer's limit `bank fill` needs `--approver` (PIN from CASHIER_THIRD_PIN)."""
    cashier, floor = _new_cashier(cli), f"F{uuid.uuid4().hex[:6]}"
    add_staff_member(cli.engine, floor, "floor_manager", "6666")  # a limit on F200 would reach other tests
    for kind in ("fill", "temporary_credit"):
        code, out, err = cli("authority", "set", "--for", floor, "--type", kind, "--limit", "10000",
                             "--reason", "floor cap", "--staff", "S300", pin="3333")
        assert code == 0 and f"authority of {floor} for {kind}: ₹10,000.00" in out, err
    shown = json.loads(cli("authority", "show", "--staff", "S300", "--json", pin="3333")[1])
    assert {(r["type"], r["limit"]) for r in shown if r["staff_id"] == floor} == {("fill", "10000.00"),
                                                                                 ("temporary_credit", "10000.00")}
    code, _, err = cli("bank", "fund", "20000", "--staff", "S300", "--witness", "F200", "--reason", "count room",
                       pin="3333", approver_pin="2222")
    assert code == 0, err
    _open_shift(cli, cashier, "5555")
    args = ("bank", "fill", "20000", "--staff", cashier, "--bank-staff", floor)
    _refused(cli(*args, pin="5555", approver_pin="6666"), f"is above the authority of {floor}")
    monkeypatch.setenv("CASHIER_THIRD_PIN", "3333")
    code, out, err = cli(*args, "--approver", "S300", pin="5555", approver_pin="6666")
    assert code == 0 and "approved by S300" in out, err
