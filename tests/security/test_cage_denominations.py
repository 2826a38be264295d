"""Denominations per currency (issue 17, part C), as the terminal login on a database made
by `db create-roles`: the database stores the notes and coins of INR, USD and EUR and a chip
set per profile, and refuses a posting's note that is not a denomination of its currency."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.ledger.denominations import cash_denominations, currency_denominations
from tests.security.conftest import refused, session
from tests.security.test_cage_drawer_notes import post_with_notes
from tests.security.test_posting_api_attacks import open_shift
from tests.support.factories import make_player


@pytest.fixture
def drawer(secure, terminal):
    cashier = session(terminal, "C100", "1111")
    return {"cashier": cashier, "shift": open_shift(terminal, cashier, "0"), "player": make_player(secure.admin)}


def test_a_note_that_is_not_a_denomination_of_the_currency_is_refused_and_nothing_is_posted(
        secure, terminal, drawer):
    with pytest.raises(Exception) as info:  # ₹300 notes do not exist
        post_with_notes(terminal, "deposit", drawer["player"], "600", drawer["cashier"], notes_in={"300": 2})
    assert getattr(info.value.orig, "sqlstate", None) == "CA014"
    assert "300 is not a note or coin of INR (2000, 500, 200, 100, 50, 20, 10, 5, 2, 1)" in str(info.value.orig)
    with pytest.raises(Exception) as info:  # a US quarter is not an INR coin
        post_with_notes(terminal, "deposit", drawer["player"], "1", drawer["cashier"], notes_in={"0.25": 4})
    assert getattr(info.value.orig, "sqlstate", None) == "CA014"
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": drawer["player"]}).scalar() == 0
    posted = post_with_notes(terminal, "deposit", drawer["player"], "2700", drawer["cashier"],
                             notes_in={"2000": 1, "500": 1, "200": 1})
    assert posted.drawer_delta == Decimal("2700.00")


def test_the_screens_read_each_currencys_notes_coins_and_chips(secure, terminal):
    inr = currency_denominations(terminal, "INR")
    assert inr["note"][:3] == [Decimal("2000.00"), Decimal("500.00"), Decimal("200.00")]
    assert Decimal("100000.00") in inr["chip"] and Decimal("1.00") in inr["coin"]
    assert Decimal("0.50") in cash_denominations(terminal, "USD")
    assert cash_denominations(terminal, "EUR")[0] == Decimal("500.00")
    assert currency_denominations(terminal, "XYZ") == {"note": [], "coin": [], "chip": []}


def test_a_terminal_login_cannot_change_the_denominations(secure, terminal):
    assert "permission denied" in refused(terminal, "INSERT INTO cage.denominations VALUES ('INR', 'note', 300)")
    assert "permission denied" in refused(terminal, "DELETE FROM cage.denominations")


def test_posting_notes_keep_their_shape_rule(secure, terminal, drawer):
    with terminal.begin() as conn:  # the old one-argument form still refuses a non-count
        with pytest.raises(Exception):
            conn.execute(text("SELECT * FROM cage.post_with_notes(:id, 'h', 'deposit', :p, 10, 'INR', :s, "
                              "CAST(:n AS jsonb), NULL)"),
                         {"id": uuid.uuid4(), "p": drawer["player"], "s": drawer["cashier"],
                          "n": json.dumps({"10": "x"})})


def test_the_database_refuses_a_drawer_count_with_a_note_the_currency_does_not_have(secure, terminal):
    cashier = session(terminal, "C100", "1111")
    with pytest.raises(Exception) as info:
        with terminal.begin() as conn:
            conn.execute(text("SELECT cage.open_shift(:s, 600, CAST(:c AS jsonb))"),
                         {"s": cashier, "c": json.dumps({"300": 2})})
    assert getattr(info.value.orig, "sqlstate", None) == "CA014" and "300 is not a note or coin of INR" in str(
        info.value.orig)
    shift = open_shift(terminal, cashier, "0")
    with pytest.raises(Exception) as info:
        with terminal.begin() as conn:
            conn.execute(text("SELECT * FROM cage.close_shift(:s, :id, 1000, CAST(:c AS jsonb))"),
                         {"s": cashier, "id": shift, "c": json.dumps({"1000": 1})})
    assert getattr(info.value.orig, "sqlstate", None) == "CA014"
    with terminal.begin() as conn:  # still open; a count in the currency's notes closes it
        closed = conn.execute(text("SELECT status FROM cage.close_shift(:s, :id, 0, CAST(:c AS jsonb))"),
                              {"s": cashier, "id": shift, "c": json.dumps({"500": 0})}).scalar_one()
    assert closed == "closed"


def test_the_cheques_the_cage_takes_are_stored_per_currency_beside_the_chips(secure, terminal):
    """Migration 0030: traveller's cheques by face value, drafts and cheques for any amount."""
    from cashier_desktop.ledger.denominations import currency_cheques
    assert currency_cheques(terminal, "inr") == {"bank_draft": None, "bankers_cheque": None, "casino_cheque": None}
    usd = currency_cheques(terminal, "USD")
    assert usd["travellers_cheque"] == tuple(Decimal(v) for v in ("1000.00", "500.00", "100.00", "50.00", "20.00"))
    assert usd["bank_draft"] is None
    assert currency_cheques(terminal, "EUR")["travellers_cheque"][0] == Decimal("500.00")
    assert currency_cheques(terminal, "XYZ") == {}
    assert "permission denied" in refused(terminal, "INSERT INTO cage.cheque_instruments VALUES ('INR', 'bank_draft', "
                                                    "NULL)")
    assert "permission denied" in refused(terminal, "SELECT * FROM cage.cheque_instruments")
    with secure.admin.begin() as conn:
        with pytest.raises(Exception):  # a cheque is no piece of zero value, and no other instrument is stored
            with conn.begin_nested():
                conn.execute(text("INSERT INTO cage.cheque_instruments VALUES ('GBP', 'travellers_cheque', '{0}')"))
        with pytest.raises(Exception):
            with conn.begin_nested():
                conn.execute(text("INSERT INTO cage.cheque_instruments VALUES ('GBP', 'i_o_u', NULL)"))
