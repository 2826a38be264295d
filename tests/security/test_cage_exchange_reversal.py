"""Reversing a foreign exchange (issue 17, part C), as terminal logins on a database made by
`db create-roles`: one call moves the foreign and the local cash back at the original rate,
linked to the original, once only (two racing: exactly one wins), by a supervisor's session
with a second approver where the authority limits require one."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import (AlreadyReversed, ApprovalRequired, IdempotencyConflict, InvalidInput,
                                           NotAuthorized, NotReversible, PostingNotFound)
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger.cash_reports import ctr_rows
from cashier_desktop.ledger.exchange_reversal import reverse_exchange
from tests.security.conftest import refused, session
from tests.security.test_cage_exchange import _wait_until_blocked
from tests.security.test_posting_api_attacks import api_post, open_shift
from tests.support.factories import make_player
from tests.support.logins import add_staff_member


@pytest.fixture
def cage(secure, terminal, terminal_b):
    """Terminal 1: a cashier's shift with ₹1,00,000; terminal 2: a supervisor's shift; a USD rate."""
    supervisor = session(terminal, "S300", "3333")
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "100000")
    supervisor_b = session(terminal_b, "S300", "3333")
    shift_b = open_shift(terminal_b, supervisor_b, "50000")
    fx.set_rate(terminal, supervisor, "USD", Decimal("83.123456"), Decimal("84.981234"))
    return {"supervisor": supervisor, "cashier": cashier, "shift": shift, "supervisor_b": supervisor_b,
            "shift_b": shift_b}


def _stock_usd(engine, staff_session, usd: str):
    """The window buys `usd` dollars first: a drawer pays out only the USD it took in (0023)."""
    return fx.exchange(engine, session=staff_session, direction="buy", foreign=Money(Decimal(usd), "USD"))


def _drawer(admin, shift: int) -> tuple[Decimal, Decimal]:
    """(local cash moved by exchanges, USD held) of one shift's drawer."""
    with admin.connect() as conn:
        return tuple(conn.execute(text("""SELECT coalesce(sum(drawer_local_delta), 0),
            coalesce(sum(drawer_foreign_delta), 0) FROM fx_exchanges WHERE shift_id = :s"""), {"s": shift}).one())


def test_a_reversal_at_another_window_restores_both_drawers_holdings_together(secure, terminal, terminal_b, cage):
    stock = _stock_usd(terminal_b, cage["supervisor_b"], "100.01")  # window 2 pays the dollars back
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("100.01"), "USD"))
    assert _drawer(secure.admin, cage["shift"]) == (Decimal("-8313.17"), Decimal("100.01"))
    back = reverse_exchange(terminal_b, session=cage["supervisor_b"], original_id=done.id, reason="keyed twice")
    assert (back.foreign, back.local, back.rate, back.shift_id) == (done.foreign, done.local, done.rate,
                                                                    cage["shift_b"])
    assert _drawer(secure.admin, cage["shift_b"]) == (Decimal("8313.17") - stock.local.amount, Decimal("0"))
    assert fx.shift_foreign_cash(terminal, cage["shift_b"]) == {"USD": Money(Decimal("0"), "USD")}
    a, b = _drawer(secure.admin, cage["shift"]), _drawer(secure.admin, cage["shift_b"])
    assert (a[0] + b[0] + stock.local.amount, a[1] + b[1] - Decimal("100.01")) == (0, 0)
    with secure.admin.connect() as conn:
        linked = conn.execute(text("SELECT reverses_id, reason, staff_id FROM fx_exchanges WHERE id = :i"),
                              {"i": back.id}).one()
        audit = conn.execute(text("""SELECT staff_id, db_user FROM audit_log WHERE action = 'correction'
            AND detail->>'reverses_id' = :o"""), {"o": str(done.id)}).one()
    assert tuple(linked) == (done.id, "keyed twice", "S300")
    assert tuple(audit) == ("S300", terminal_b.login)


def test_a_reversal_at_the_same_window_leaves_its_drawer_as_before_the_exchange(secure, terminal, cage):
    stock = _stock_usd(terminal, cage["cashier"], "10.01")
    before = _drawer(secure.admin, cage["shift"])
    done = fx.exchange(terminal, session=cage["cashier"], direction="sell", foreign=Money(Decimal("10.01"), "USD"))
    reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="player changed mind")
    assert _drawer(secure.admin, cage["shift"]) == before == (-stock.local.amount, Decimal("10.01"))
    with terminal.begin() as conn:  # the close expects the float and the dollars' purchase alone
        closed = conn.execute(text("SELECT expected, variance FROM cage.close_shift(:s, :id, :c)"),
                              {"s": cage["cashier"], "id": cage["shift"],
                               "c": Decimal("100000") - stock.local.amount}).one()
    assert tuple(closed) == (Decimal("100000.00") - stock.local.amount, Decimal("0.00"))


def test_two_supervisors_reversing_one_exchange_at_once_exactly_one_wins(secure, terminal, terminal_b, cage):
    _stock_usd(terminal_b, cage["supervisor_b"], "50")  # either window can pay the dollars back
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("50"), "USD"))
    barrier = threading.Barrier(2)
    outcomes: list = []

    def reverse(engine, staff_session):
        barrier.wait()
        try:
            outcomes.append(reverse_exchange(engine, session=staff_session, original_id=done.id, reason="race"))
        except Exception as exc:  # noqa: BLE001 - asserted below
            outcomes.append(exc)
    workers = [threading.Thread(target=reverse, args=(terminal, cage["supervisor"])),
               threading.Thread(target=reverse, args=(terminal_b, cage["supervisor_b"]))]
    for w in workers:
        w.start()
    for w in workers:
        w.join(20)
    assert sorted(type(o).__name__ for o in outcomes) == ["AlreadyReversed", "Exchange"], outcomes
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges WHERE reverses_id = :o"),
                            {"o": done.id}).scalar() == 1


def test_a_reversal_waits_for_one_in_progress_and_is_then_refused(secure, terminal, terminal_b, cage):
    _stock_usd(terminal, cage["cashier"], "7")
    done = fx.exchange(terminal, session=cage["cashier"], direction="sell", foreign=Money(Decimal("7"), "USD"))
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT * FROM cage.reverse_exchange(:id, 'h', :o, :s, 'first')"),
                     {"id": uuid.uuid4(), "o": done.id, "s": cage["supervisor"]})

        def second():
            try:
                outcome["x"] = reverse_exchange(terminal_b, session=cage["supervisor_b"], original_id=done.id,
                                                reason="second")
            except Exception as exc:  # noqa: BLE001 - asserted below
                outcome["error"] = exc
        worker = threading.Thread(target=second)
        worker.start()
        _wait_until_blocked(secure.admin, terminal_b.login)
        tx.commit()
    worker.join(20)
    assert isinstance(outcome.get("error"), AlreadyReversed), outcome
    assert _drawer(secure.admin, cage["shift_b"]) == (0, 0)


def test_a_second_reversal_is_refused_and_a_retry_answers_with_the_first(secure, terminal, cage):
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("5"), "USD"))
    rid = uuid.uuid4()
    first = reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="x", reversal_id=rid)
    again = reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="x", reversal_id=rid)
    assert (first.replayed, again.replayed, again.id) == (False, True, first.id)
    with pytest.raises(AlreadyReversed):
        reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="again")
    with pytest.raises(NotReversible):  # a reversal is not reversed
        reverse_exchange(terminal, session=cage["supervisor"], original_id=first.id, reason="undo")
    with pytest.raises(IdempotencyConflict):  # the reversal's id reused for something else
        reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="other", reversal_id=rid)


def test_a_cashier_cannot_reverse_and_bad_requests_get_a_sentence(secure, terminal, cage):
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("5"), "USD"))
    with pytest.raises(NotAuthorized):
        reverse_exchange(terminal, session=cage["cashier"], original_id=done.id, reason="mine")
    with pytest.raises(InvalidInput, match="reason"):
        reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="  ")
    with pytest.raises(PostingNotFound):
        reverse_exchange(terminal, session=cage["supervisor"], original_id=uuid.uuid4(), reason="x")
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges WHERE reverses_id IS NOT NULL")).scalar() == 0
    assert "permission denied" in refused(terminal, """INSERT INTO fx_exchanges SELECT * FROM fx_exchanges
        WHERE id = :i""", {"i": done.id})


def test_above_the_supervisors_authority_a_second_supervisor_must_approve(secure, terminal, cage):
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=Money(Decimal("100"), "USD"))
    with secure.admin.begin() as conn:  # a second supervisor sets S300's limit for reversals
        conn.execute(text("""INSERT INTO cage.authority_limits (staff_id, kind, max_amount, set_by, reason)
            VALUES ('S300', 'reversal', 1000, 'S300', 'test')"""))
    with pytest.raises(ApprovalRequired):
        reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="x")
    second = _second_supervisor(secure, terminal)
    back = reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="x",
                            approver_session=second)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT approver_id FROM fx_exchanges WHERE id = :i"),
                            {"i": back.id}).scalar() == "S301"


def _second_supervisor(secure, terminal):
    add_staff_member(secure.admin, "S301", "supervisor", "3131")
    return session(terminal, "S301", "3131")


def test_a_reversal_is_not_cash_toward_the_threshold_as_a_posting_reversal_is_not(secure, terminal, cage):
    player = make_player(secure.admin)
    api_post(terminal, "deposit", player, "600000", session_id=cage["cashier"])
    usd = Money(Decimal("4000"), "USD")  # ₹3,32,493.82: ₹9,32,493.82 with the deposit
    done = fx.exchange(terminal, session=cage["cashier"], direction="buy", foreign=usd, player_id=player)
    reverse_exchange(terminal, session=cage["supervisor"], original_id=done.id, reason="x")
    # the reversal added nothing (₹9,32,493.82 still); the original still counts (₹67,506.18 more is the limit)
    api_post(terminal, "deposit", player, "67506.18", session_id=cage["cashier"])
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM mtl_entries WHERE exchange_id IN "
                                 "(SELECT id FROM fx_exchanges WHERE reverses_id IS NOT NULL)")).scalar() == 0
    with pytest.raises(Exception) as info:
        api_post(terminal, "deposit", player, "0.01", session_id=cage["cashier"])
    assert getattr(info.value.orig, "sqlstate", None) == "CA009"
    with secure.admin.connect() as conn:  # the CTR report counts the exchange once, not its reversal
        now = conn.execute(text("SELECT now()")).scalar()
        rows = [r for r in ctr_rows(conn, start=now - timedelta(days=1), end=now + timedelta(days=1),
                                    threshold=Decimal("0"), label="test") if r.player_id == player]
    assert [(r.direction, r.total, r.postings) for r in rows] == [
        ("in", Decimal("1000000.00"), 3), ("out", Decimal("332493.82"), 1)]
