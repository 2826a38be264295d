"""Drawer by denomination, database side (issue 17): a cash posting records the notes in and
out in the same call, and a supervisor sees each drawer's expected holding during the shift
while the cashier's count stays blind. As the terminal login on `db create-roles`."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import api_post
from tests.support.factories import make_player


def post_with_notes(engine, kind: str, player: str, amount: str, cashier, notes_in=None, notes_out=None):
    with engine.begin() as conn:
        return conn.execute(text("""SELECT (r.posting).id, (r.posting).drawer_delta FROM cage.post_with_notes(
            :id, 'h', :k, :p, :a, 'INR', :s, CAST(:ni AS jsonb), CAST(:no AS jsonb)) r"""),
            {"id": uuid.uuid4(), "k": kind, "p": player, "a": Decimal(amount), "s": cashier,
             "ni": json.dumps(notes_in) if notes_in else None,
             "no": json.dumps(notes_out) if notes_out else None}).one()


def holding(engine, staff_session, shift):
    with engine.begin() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT * FROM cage.drawer_holding(:s, :id)"),
                                               {"s": staff_session, "id": shift})]


@pytest.fixture
def drawer(secure, terminal):
    cashier = session(terminal, "C100", "1111")
    with terminal.begin() as conn:
        shift = conn.execute(text("SELECT cage.open_shift(:s, 1000, CAST(:c AS jsonb))"),
                             {"s": cashier, "c": json.dumps({"500": 2})}).scalar_one()
    return {"cashier": cashier, "shift": shift, "player": make_player(secure.admin)}


def test_the_supervisor_sees_the_drawers_expected_notes_during_the_shift(secure, terminal, drawer):
    player, cashier = drawer["player"], drawer["cashier"]
    post_with_notes(terminal, "deposit", player, "1200", cashier, notes_in={"500": 1, "200": 3, "100": 1})
    post_with_notes(terminal, "withdrawal", player, "300", cashier, notes_out={"200": 1, "100": 1})
    api_post(terminal, "deposit", player, "70", session_id=cashier)  # no notes recorded
    supervisor = session(terminal, "S300", "3333")
    assert holding(terminal, supervisor, drawer["shift"]) == [
        (Decimal("500.00"), 3, Decimal("1500.00")), (Decimal("200.00"), 2, Decimal("400.00")),
        (None, None, Decimal("70.00"))]


def test_notes_that_do_not_add_up_to_the_posting_refuse_it_whole(secure, terminal, drawer):
    with pytest.raises(Exception) as info:
        post_with_notes(terminal, "deposit", drawer["player"], "100", drawer["cashier"], notes_in={"50": 1})
    assert getattr(info.value.orig, "sqlstate", None) == "CA014"
    assert "come to 50.00" in str(info.value.orig)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": drawer["player"]}).scalar() == 0


def test_the_cashiers_count_stays_blind(secure, terminal, drawer):
    with pytest.raises(Exception) as info:
        holding(terminal, drawer["cashier"], drawer["shift"])
    assert getattr(info.value.orig, "sqlstate", None) == "CA001"
    assert "permission denied" in refused(terminal, "SELECT * FROM posting_notes")
