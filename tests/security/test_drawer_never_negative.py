"""A drawer never pays out cash it should not hold (issue 17, migration 0023), as the terminal
login on a database made by `db create-roles`, calling the `cage.*` functions directly: the
refusal (CA026) comes from the database, per currency, for every kind of payout, and two
payouts racing for the last of a drawer cannot both post."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import DrawerShort
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger import transfers
from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import api_post, api_refusal, open_shift
from cashier_desktop.ledger.posting import post
from tests.support.factories import cmd, make_player
from tests.support.shifts import open_test_shift


@pytest.fixture
def window(secure, terminal):
    """C100's drawer on the terminal with a float of ₹10,000 and a player holding ₹50,000
    deposited at another window (the owner's posting into no shift)."""
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "10000")
    player = make_player(secure.admin)
    api_post(secure.admin, "adjust_in", player, "50000", staff="S300", reason="opening balance")
    return {"cashier": cashier, "shift": shift, "player": player}


def _balance(secure, player: str) -> Decimal:
    with secure.admin.connect() as conn:
        return conn.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": player}).scalar_one()


def _postings(secure, shift: int) -> int:
    with secure.admin.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE shift_id = :s"),
                            {"s": shift}).scalar_one()


def test_a_withdrawal_beyond_the_drawer_is_refused_by_the_database_and_moves_nothing(secure, terminal, window):
    msg = api_refusal(terminal, "CA026", "withdrawal", window["player"], "10000.01", session_id=window["cashier"])
    assert "The drawer cannot pay out ₹10,000.01" in msg and "Request a fill from the main bank" in msg
    assert "10,000.00" not in msg and "10000" not in msg  # the drawer's figure stays blind
    assert _balance(secure, window["player"]) == Decimal("50000.00")
    assert _postings(secure, window["shift"]) == 0
    # exactly what the drawer holds is paid; then not one paisa more
    api_post(terminal, "withdrawal", window["player"], "10000", session_id=window["cashier"])
    api_refusal(terminal, "CA026", "withdrawal", window["player"], "0.01", session_id=window["cashier"])
    # cash in makes room again
    api_post(terminal, "deposit", window["player"], "700", session_id=window["cashier"])
    api_post(terminal, "withdrawal", window["player"], "700", session_id=window["cashier"])
    assert _balance(secure, window["player"]) == Decimal("40000.00")


def test_a_reversal_that_takes_cash_back_out_of_a_drawer_that_no_longer_holds_it_is_refused(secure, terminal, window):
    deposit = uuid.uuid4()
    with terminal.begin() as conn:
        conn.execute(text("SELECT * FROM cage.post(:id, 'h', 'deposit', :p, 5000, 'INR', :s)"),
                     {"id": deposit, "p": window["player"], "s": window["cashier"]})
    api_post(terminal, "withdrawal", window["player"], "15000", session_id=window["cashier"])  # drawer now 0
    supervisor = session(terminal, "S300", "3333")
    with pytest.raises(Exception) as info, terminal.begin() as conn:
        conn.execute(text("""SELECT * FROM cage.post(:id, 'h2', 'reversal', :p, 5000, 'INR', :s,
                             p_reverses => :r, p_reason => 'keyed twice')"""),
                     {"id": uuid.uuid4(), "p": window["player"], "s": supervisor, "r": deposit})
    assert getattr(info.value, "orig", info.value).sqlstate == "CA026"


def test_a_credit_to_the_bank_and_an_exchange_payout_are_held_to_the_drawer_too(secure, terminal, window):
    supervisor, floor = session(terminal, "S300", "3333"), session(terminal, "F200", "2222")
    with pytest.raises(DrawerShort, match="Request a fill"):
        transfers.transfer(terminal, kind="credit", amount=Money(Decimal("10000.01"), "INR"),
                           sender_session=window["cashier"], receiver_session=floor)
    rate = fx.set_rate(terminal, supervisor, "USD", Decimal("80"), Decimal("85"))
    # buying $200 pays ₹16,000 from a ₹10,000 drawer
    with pytest.raises(DrawerShort, match="cannot pay out ₹16,000.00"):
        fx.exchange(terminal, session=window["cashier"], direction="buy", foreign=Money(Decimal("200"), "USD"),
                    quoted_rate=rate)
    with pytest.raises(DrawerShort, match="cannot pay out ₹1,60,000.00"):  # as the counter writes rupees
        fx.exchange(terminal, session=window["cashier"], direction="buy", foreign=Money(Decimal("2000"), "USD"))
    # selling dollars the drawer never took in
    with pytest.raises(DrawerShort, match="cannot pay out \\$1.00: .* only the USD it holds"):
        fx.exchange(terminal, session=window["cashier"], direction="sell", foreign=Money(Decimal("1"), "USD"))
    fx.exchange(terminal, session=window["cashier"], direction="buy", foreign=Money(Decimal("100"), "USD"))
    fx.exchange(terminal, session=window["cashier"], direction="sell", foreign=Money(Decimal("100"), "USD"))
    with pytest.raises(DrawerShort, match="pay out \\$0.01"):
        fx.exchange(terminal, session=window["cashier"], direction="sell", foreign=Money(Decimal("0.01"), "USD"))
    assert fx.shift_foreign_cash(terminal, window["shift"]) == {"USD": Money(Decimal("0"), "USD")}


def test_the_terminal_login_cannot_read_or_write_the_drawers_holding(secure, terminal, window):
    assert "permission denied" in refused(terminal, "SELECT holding FROM drawer_cash")
    assert "permission denied" in refused(terminal, "UPDATE drawer_cash SET holding = holding + 1000000")
    assert "permission denied" in refused(terminal, "SELECT cage.drawer_move(1, 'INR', 5)")


def test_two_withdrawals_racing_for_one_drawer_cannot_both_post(secure, terminal, window):
    """Two real connections, each ₹6,000 from the ₹10,000 drawer: exactly one posts."""
    other = make_player(secure.admin)
    api_post(secure.admin, "adjust_in", other, "50000", staff="S300", reason="opening balance")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def withdraw(player: str) -> None:
        start.wait()
        try:
            api_post(terminal, "withdrawal", player, "6000", session_id=window["cashier"])
            outcomes.append("posted")
        except Exception as exc:  # noqa: BLE001 - the refusal's state is the assertion
            outcomes.append(getattr(getattr(exc, "orig", exc), "sqlstate", repr(exc)))
    threads = [threading.Thread(target=withdraw, args=(p,)) for p in (window["player"], other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["CA026", "posted"]
    assert _balance(secure, window["player"]) + _balance(secure, other) == Decimal("94000.00")
    with secure.admin.connect() as conn:
        held = conn.execute(text("SELECT holding FROM drawer_cash WHERE shift_id = :s AND currency = 'INR'"),
                            {"s": window["shift"]}).scalar_one()
        expected = conn.execute(text("SELECT cage.drawer_expected(:s)"), {"s": window["shift"]}).scalar_one()
    assert held == expected == Decimal("4000.00")


def test_a_withdrawal_the_terminal_attests_it_paid_offline_is_recorded_and_the_drawer_shows_short(secure):
    """Attested offline (`cage.replay_offline`, no session, within the login's allowance): the
    cash has left the drawer, so the ledger records it even past the drawer's figure — refusing
    it would leave the player undebited — and the figure goes short for the close's variance.
    Past the allowance it is refused as before: the exemption is bounded by it."""
    terminal = secure.login("terminal", terminal_id="T-SEC-ATT", offline_limit=Decimal("500"),
                            offline_total=Decimal("600"))
    shift = open_test_shift(secure.admin, "T-SEC-ATT")  # float 0
    player = make_player(secure.admin)
    post(secure.admin, cmd("deposit", player, "2000"))  # the player's money, deposited elsewhere

    def replay(amount: str):
        with terminal.begin() as conn:
            return conn.execute(text(
                "SELECT (r.posting).offline_attested FROM cage.replay_offline(gen_random_uuid(), 'x', 'withdrawal', "
                ":p, :a, 'INR', 'C100') r"), {"p": player, "a": Decimal(amount)}).scalar_one()
    assert replay("400") is True
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT holding FROM drawer_cash WHERE shift_id = :s AND currency = 'INR'"),
                            {"s": shift}).scalar_one() == Decimal("-400.00")
    with pytest.raises(Exception) as info:  # the shift's offline total (600) bounds it
        replay("300")
    assert getattr(info.value.orig, "sqlstate", None) == "CA016"
    assert _balance(secure, player) == Decimal("1600.00")
