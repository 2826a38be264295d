"""Exactly once: the caller's UUID is the key; duplicates, sequential or racing, post once."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import IdempotencyConflict, InsufficientFunds
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from tests.support.factories import cmd, make_player

D = Decimal


def count_rows(engine, posting_id) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE id = :i"),
                            {"i": posting_id}).scalar_one()


def test_a_sequential_duplicate_returns_the_original_receipt_and_writes_nothing(engine):
    p = make_player(engine)
    c = cmd("deposit", p, "10000")
    first = post(engine, c)
    again = post(engine, c)
    assert again.replayed and not first.replayed
    assert (again.id, again.seq, again.hash, again.cash_after, again.created_at) == \
        (first.id, first.seq, first.hash, first.cash_after, first.created_at)
    assert get_balance(engine, p, currency="INR").cash.amount == D("10000.00")
    assert get_balance(engine, p, currency="INR").version == 1
    assert count_rows(engine, c.id) == 1


def test_a_replay_after_the_balance_moved_still_returns_the_original(engine):
    """A withdrawal resent after the money is gone is not refused: it was already posted."""
    p = make_player(engine)
    post(engine, cmd("deposit", p, "100"))
    w = cmd("withdrawal", p, "100")
    first = post(engine, w)
    again = post(engine, w)
    assert again.replayed and again.seq == first.seq and again.cash_after.amount == D("0.00")
    post(engine, cmd("deposit", p, "500"))
    assert post(engine, w).seq == first.seq  # now the guard would pass; still no second row
    assert get_balance(engine, p, currency="INR").cash.amount == D("500.00")


def test_a_replayed_reversal_returns_its_receipt_not_already_reversed(engine):
    p = make_player(engine)
    dep = post(engine, cmd("deposit", p, "100"))
    rv = cmd("reversal", p, "100", staff="S300", approver_id="S300", reverses_id=dep.id, reason="x")
    first = post(engine, rv)
    assert post(engine, rv).seq == first.seq
    assert get_balance(engine, p, currency="INR").cash.amount == D("0.00")


def test_a_shift_change_on_replay_is_the_same_request(engine):
    p = make_player(engine)
    c = cmd("deposit", p, "10")
    post(engine, c)
    import dataclasses
    assert post(engine, dataclasses.replace(c, shift_id=None)).replayed


@pytest.mark.parametrize("change", [
    {"amount": "10001"}, {"kind": "withdrawal"}, {"staff": "S300"}, {"terminal_id": "T-OTHER"},
])
def test_a_mismatched_replay_is_refused_and_writes_nothing(engine, change):
    p = make_player(engine)
    post(engine, cmd("deposit", p, "20000"))
    posting_id = uuid.uuid4()
    original = post(engine, cmd("deposit", p, "10000", id=posting_id))
    before = get_balance(engine, p, currency="INR")
    args = {"kind": "deposit", "amount": "10000", **change}
    kind, amount = args.pop("kind"), args.pop("amount")
    with pytest.raises(IdempotencyConflict, match="already used for a different request; nothing was posted"):
        post(engine, cmd(kind, p, amount, id=posting_id, **args))
    assert get_balance(engine, p, currency="INR") == before
    assert count_rows(engine, posting_id) == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT amount FROM ledger_transactions WHERE id = :i"),
                            {"i": posting_id}).scalar_one() == original.amount.amount


def test_a_mismatched_replay_for_another_player_is_refused(engine):
    p, q = make_player(engine), make_player(engine)
    posting_id = uuid.uuid4()
    post(engine, cmd("deposit", p, "10", id=posting_id))
    with pytest.raises(IdempotencyConflict):
        post(engine, cmd("deposit", q, "10", id=posting_id))
    assert get_balance(engine, q, currency="INR").cash.amount == D("0.00") and get_balance(engine, q, currency="INR").version == 0


def test_a_mismatched_replay_that_the_guard_would_refuse_is_still_a_conflict(engine):
    p = make_player(engine)
    posting_id = uuid.uuid4()
    post(engine, cmd("deposit", p, "10", id=posting_id))
    with pytest.raises(IdempotencyConflict):
        post(engine, cmd("withdrawal", p, "1000", id=posting_id))


def _race(url: str, n: int, work) -> list:
    """Run `work(i, engine)` in n threads, each with its own connection, released by a barrier."""
    engines = [make_engine(url, pool_size=1) for _ in range(n)]
    for e in engines:  # connect first, so the barrier releases n ready connections
        with e.connect():
            pass
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i, engines[i])
        except Exception as exc:  # noqa: BLE001 - collected and asserted on
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for e in engines:
        e.dispose()
    assert not any(t.is_alive() for t in threads)
    return results


@pytest.mark.parametrize("round_", range(3))
def test_concurrent_duplicates_produce_exactly_one_row_and_the_same_receipt(ledger, round_):
    url, engine = ledger
    p = make_player(engine)
    c = cmd("deposit", p, "10000")
    results = _race(url, 8, lambda i, e: post(e, c))
    assert all(not isinstance(r, Exception) for r in results), results
    assert len({(r.id, r.seq, r.hash) for r in results}) == 1
    assert sum(not r.replayed for r in results) == 1
    assert count_rows(engine, c.id) == 1
    b = get_balance(engine, p, currency="INR")
    assert (b.cash.amount, b.version) == (D("10000.00"), 1)


def test_concurrent_duplicate_withdrawals_take_the_money_once(ledger):
    url, engine = ledger
    p = make_player(engine)
    post(engine, cmd("deposit", p, "150"))
    w = cmd("withdrawal", p, "100")
    results = _race(url, 8, lambda i, e: post(e, w))
    assert all(not isinstance(r, Exception) for r in results), results
    assert len({r.seq for r in results}) == 1
    assert get_balance(engine, p, currency="INR").cash.amount == D("50.00")
    with pytest.raises(InsufficientFunds):
        post(engine, cmd("withdrawal", p, "100"))


def test_a_concurrent_mismatched_replay_never_writes_a_second_row(ledger):
    url, engine = ledger
    p = make_player(engine)
    posting_id = uuid.uuid4()
    a = cmd("deposit", p, "10", id=posting_id)
    b = cmd("deposit", p, "20", id=posting_id)
    results = _race(url, 8, lambda i, e: post(e, a if i % 2 else b))
    winners = {r.amount for r in results if not isinstance(r, Exception)}
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(winners) == 1 and all(isinstance(x, IdempotencyConflict) for x in errors)
    assert len(errors) >= 4  # the four that asked for the other amount
    assert count_rows(engine, posting_id) == 1
    assert get_balance(engine, p, currency="INR").cash.amount == winners.pop().amount
