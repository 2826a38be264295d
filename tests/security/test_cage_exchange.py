"""Foreign currency exchange (issue 17), as the terminal login on a database made by
`db create-roles`: one API call, the rate in force read under a lock, rounding in the
cage's favour, and foreign cash counted toward the identification threshold in INR."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import (IdempotencyConflict, IdentificationRequired, NotAuthorized, RateChanged,
                                           ShiftNotOpen)
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger.cash_reports import ctr_rows
from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import api_post, api_refusal, open_shift
from tests.support.factories import make_player
from tests.support.drawer_fills import fill_drawer

CENT = Decimal("0.01")


def _wait_until_blocked(admin, login: str) -> None:
    """Until a backend of `login` waits on a lock (the condition, not a sleep)."""
    from tests.support.role_logins import within_a_second

    def blocked():
        with admin.connect() as conn:
            return conn.execute(text("""SELECT 1 FROM pg_stat_activity
                WHERE usename = :u AND wait_event_type = 'Lock'"""), {"u": login}).first()
    within_a_second(blocked, f"{login} waiting on the rate's lock", timeout=5)


@pytest.fixture
def cage(secure, terminal):
    """A terminal with an open shift (float ₹1,00,000) and a USD rate set by S300."""
    supervisor = session(terminal, "S300", "3333")
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "100000")
    rate = fx.set_rate(terminal, supervisor, "USD", Decimal("83.123456"), Decimal("84.981234"))
    return {"supervisor": supervisor, "cashier": cashier, "shift": shift, "rate": rate}


def test_an_exchange_posts_foreign_in_and_inr_out_in_one_row_and_the_drawer_expects_both(secure, terminal, cage):
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("100.01"), "USD"),
                       quoted_rate=cage["rate"])
    assert done.local == Money(Decimal("8313.17"), "INR")  # 100.01 × 83.123456 = 8313.17683… paid down
    assert (done.rate, done.rate_id, done.shift_id) == (Decimal("83.123456"), cage["rate"], cage["shift"])
    assert fx.shift_foreign_cash(terminal, cage["shift"]) == {"USD": Money(Decimal("100.01"), "USD")}
    with terminal.begin() as conn:
        closed = conn.execute(text("SELECT expected, variance FROM cage.close_shift(:s, :id, :c)"),
                              {"s": cage["cashier"], "id": cage["shift"], "c": Decimal("91686.83")}).one()
    assert closed == (Decimal("91686.83"), Decimal("0.00"))


def test_the_inr_amount_is_rounded_to_the_paisa_in_the_cages_favour(secure, terminal, cage):
    foreign = Decimal("10.01")
    bought = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(foreign, "USD"))
    sold = fx.exchange(terminal, session=cage["cashier"], direction="sell", foreign=Money(foreign, "USD"))
    # 10.01 × 83.123456 = 832.0657…: down to 832.06, where rounding to nearest would give 832.07
    assert bought.local.amount == (foreign * Decimal("83.123456")).quantize(CENT, ROUND_FLOOR) == Decimal("832.06")
    # 10.01 × 84.981234 = 850.662…: up to 850.67, where rounding to nearest would give 850.66
    assert sold.local.amount == (foreign * Decimal("84.981234")).quantize(CENT, ROUND_CEILING) == Decimal("850.67")
    assert fx.shift_foreign_cash(terminal, cage["shift"]) == {"USD": Money(Decimal("0"), "USD")}


def test_a_rate_changed_mid_posting_applies_wholly_or_not_at_all(secure, terminal, cage):
    fill_drawer(terminal, cage["cashier"], "100000")  # two purchases of $1,000 (0023)
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        row = conn.execute(text("""SELECT (r.exchange).rate, (r.exchange).local_amount, (r.exchange).rate_id
            FROM cage.exchange(:id, 'h', 'buy', 'USD', 1000, :s) r"""),
                           {"id": uuid.uuid4(), "s": cage["cashier"]}).one()

        def change_rate():
            try:
                outcome["rate"] = fx.set_rate(terminal, cage["supervisor"], "USD", Decimal("90"), Decimal("91"))
            except Exception as exc:  # noqa: BLE001 - reported to the test below
                outcome["error"] = exc
        changer = threading.Thread(target=change_rate)
        changer.start()
        _wait_until_blocked(secure.admin, terminal.login)  # the new rate waits for the exchange
        assert "rate" not in outcome
        tx.commit()
    changer.join(10)
    assert "error" not in outcome, outcome
    assert row == (Decimal("83.123456"), Decimal("83123.45"), cage["rate"])  # both legs at the old rate
    with pytest.raises(RateChanged):  # the old quote is refused once the new rate is stored
        fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("1000"), "USD"),
                    quoted_rate=cage["rate"])
    after = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("1000"), "USD"),
                        quoted_rate=outcome["rate"])
    assert after.local == Money(Decimal("90000"), "INR")


def test_an_exchange_waits_for_a_rate_change_in_progress_and_then_uses_the_new_rate(secure, terminal, cage):
    done: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT cage.set_fx_rate(:s, 'USD', 70, 71)"), {"s": cage["supervisor"]})

        def exchange():
            done["x"] = fx.exchange(terminal, session=cage["cashier"], direction="buy",
                                    foreign=Money(Decimal("10"), "USD"))
        worker = threading.Thread(target=exchange)
        worker.start()
        _wait_until_blocked(secure.admin, terminal.login)
        tx.commit()
    worker.join(10)
    assert (done["x"].rate, done["x"].local) == (Decimal("70"), Money(Decimal("700"), "INR"))


def test_foreign_cash_counts_toward_the_identification_threshold_in_inr(secure, terminal, cage):
    player = make_player(secure.admin)
    api_post(terminal, "deposit", player, "600000", session_id=cage["cashier"])
    usd = Money(Decimal("5000"), "USD")  # ₹4,15,617.28 at 83.123456: ₹10,15,617.28 in this month
    with pytest.raises(IdentificationRequired):
        fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=usd, player_id=player)
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=usd, player_id=player,
                       id_type="passport", id_number="Z1234567")
    with secure.admin.connect() as conn:  # the MTL logs it in both directions, with the day's totals
        logged = conn.execute(text("""SELECT direction, kind, amount, day_total FROM mtl_entries
            WHERE exchange_id = :i ORDER BY direction"""), {"i": done.id}).all()
    assert [tuple(r) for r in logged] == [("in", "exchange_buy", Decimal("415617.28"), Decimal("1015617.28")),
                                          ("out", "exchange_buy", Decimal("415617.28"), Decimal("415617.28"))]
    # and a later deposit of one rupee counts the exchange too
    api_refusal(terminal, "CA009", "deposit", player, "1", session_id=cage["cashier"])
    with secure.admin.connect() as conn:  # and the CTR report lists the player's cash in with it
        now, threshold = conn.execute(text("SELECT now(), ctr_threshold FROM cage.policy")).one()
        rows = [r for r in ctr_rows(conn, start=now - timedelta(days=1), end=now + timedelta(days=1),
                                    threshold=threshold, label="test") if r.player_id == player]
    assert [(r.direction, r.total, r.postings) for r in rows] == [("in", Decimal("1015617.28"), 2)]


def test_a_retried_exchange_posts_once_and_a_reused_id_with_other_details_is_refused(secure, terminal, cage):
    pid = uuid.uuid4()
    fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("20"), "USD"))  # to sell
    first = fx.exchange(terminal, session=cage["cashier"], direction="sell", foreign=Money(Decimal("20"), "USD"),
                        posting_id=pid)
    again = fx.exchange(terminal, session=cage["cashier"], direction="sell", foreign=Money(Decimal("20"), "USD"),
                        posting_id=pid)
    assert (first.replayed, again.replayed, again.local) == (False, True, first.local)
    with pytest.raises(IdempotencyConflict):
        fx.exchange(terminal, session=cage["cashier"], direction="sell", foreign=Money(Decimal("21"), "USD"),
                    posting_id=pid)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges WHERE id = :i"), {"i": pid}).scalar() == 1


def test_a_terminal_login_cannot_write_rates_or_exchanges_and_a_cashier_cannot_set_a_rate(secure, terminal, cage):
    assert "permission denied" in refused(terminal, "INSERT INTO cage.fx_rates (currency, buy_rate, sell_rate, "
                                                    "valid_from, set_by) VALUES ('USD', 1, 1, now(), 'S300')")
    assert "permission denied" in refused(terminal, "UPDATE fx_exchanges SET local_amount = 1")
    with pytest.raises(NotAuthorized):
        fx.set_rate(terminal, cage["cashier"], "USD", Decimal("1"), Decimal("2"))


def test_the_demo_seed_gives_usd_and_eur_rates_once(secure, terminal):
    from cashier_desktop.ledger.seed import seed_fx_rates
    seed_fx_rates(secure.admin)
    seed_fx_rates(secure.admin)
    assert {c: (r.buy, r.sell) for c in ("USD", "EUR") for r in [fx.rate_in_force(terminal, c)]} == {
        "USD": (Decimal("83.000000"), Decimal("84.500000")), "EUR": (Decimal("89.500000"), Decimal("91.500000"))}
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cage.fx_rates")).scalar() == 2


def test_an_exchange_below_the_mtl_threshold_is_not_logged(secure, terminal, cage):
    player = make_player(secure.admin)
    fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("10"), "USD"))  # to sell
    fx.exchange(terminal, session=cage["cashier"], direction="sell", foreign=Money(Decimal("10"), "USD"),
                player_id=player)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM mtl_entries WHERE player_id = :p"), {"p": player}).scalar() == 0


def test_two_terminals_exchanging_for_one_player_at_once_are_decided_one_after_the_other(
        secure, terminal, terminal_b, cage):
    player = make_player(secure.admin)
    cashier_b = session(terminal_b, "C100", "1111")
    open_shift(terminal_b, cashier_b)
    fill_drawer(terminal, cage["cashier"], "600000")  # each drawer pays out ₹6 lakh (0023)
    fill_drawer(terminal_b, cashier_b, "700000")
    usd = Decimal("7218.35")  # ₹6,00,011.18 each at 83.123456: the two together pass ₹10 lakh
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT * FROM cage.exchange(:id, 'h', 'buy', 'USD', :a, :s, p_player => :p)"),
                     {"id": uuid.uuid4(), "a": usd, "s": cage["cashier"], "p": player})

        def second():
            try:
                outcome["x"] = fx.exchange(terminal_b, session=cashier_b, direction="buy", foreign=Money(usd, "USD"),
                                           player_id=player)
            except Exception as exc:  # noqa: BLE001 - asserted below
                outcome["error"] = exc
        worker = threading.Thread(target=second)
        worker.start()
        _wait_until_blocked(secure.admin, terminal_b.login)  # the player's row lock
        tx.commit()
    worker.join(10)
    assert isinstance(outcome.get("error"), IdentificationRequired), outcome


def test_an_exchange_while_the_drawer_closes_lands_before_the_count_or_is_refused(secure, terminal, cage):
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        closed = conn.execute(text("SELECT expected FROM cage.close_shift(:s, :id, 100000)"),
                              {"s": cage["cashier"], "id": cage["shift"]}).scalar_one()

        def exchange():
            try:
                outcome["x"] = fx.exchange(terminal, session=cage["cashier"], direction="buy",
                                           foreign=Money(Decimal("10"), "USD"))
            except Exception as exc:  # noqa: BLE001 - asserted below
                outcome["error"] = exc
        worker = threading.Thread(target=exchange)
        worker.start()
        _wait_until_blocked(secure.admin, terminal.login)  # the shift row, locked by the close
        tx.commit()
    worker.join(10)
    assert closed == Decimal("100000.00")
    assert isinstance(outcome.get("error"), ShiftNotOpen), outcome
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges WHERE shift_id = :s"),
                            {"s": cage["shift"]}).scalar() == 0


def test_a_rate_valid_from_later_is_kept_with_who_set_it_and_not_used_before_then(secure, terminal, cage):
    """The rates table keeps buy, sell, who set it, when and from when it is valid: a rate
    stored today for tomorrow leaves today's in force (quotes and exchanges alike)."""
    with secure.admin.connect() as conn:
        tomorrow = conn.execute(text("SELECT now() + interval '1 day'")).scalar_one()
    later = fx.set_rate(terminal, cage["supervisor"], "USD", Decimal("70"), Decimal("71"), valid_from=tomorrow)
    now = fx.rate_in_force(terminal, "USD")
    assert (now.id, now.buy, now.sell, now.set_by) == (cage["rate"], Decimal("83.123456"), Decimal("84.981234"), "S300")
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("10"), "USD"))
    assert (done.rate_id, done.rate) == (cage["rate"], Decimal("83.123456"))
    with secure.admin.connect() as conn:
        stored = conn.execute(text("SELECT buy_rate, sell_rate, set_by, valid_from, set_at IS NOT NULL FROM cage.fx_rates "
                                   "WHERE id = :i"), {"i": later}).one()
    assert tuple(stored) == (Decimal("70"), Decimal("71"), "S300", tomorrow, True)
