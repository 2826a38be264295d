"""Many terminals at once: no lost update, no overdraft, no marker above its line.

Each worker thread has its own engine with one connection, as separate terminals would;
a barrier releases them together so the postings really race on a few hot players.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain import errors as E
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance, get_posting
from tests.support.factories import cmd, make_player

D = Decimal
EXPECTED_REFUSALS = (E.InsufficientFunds, E.CreditLimitExceeded, E.MarkerOverpaid)


def _run_workers(url: str, n: int, work) -> list:
    engines = [make_engine(url, pool_size=1) for _ in range(n)]
    for e in engines:
        with e.connect():
            pass
    barrier = threading.Barrier(n)
    out: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            out[i] = work(i, engines[i])
        except BaseException as exc:  # noqa: BLE001 - asserted on below
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,), name=f"terminal-{i}") for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    for e in engines:
        e.dispose()
    assert not any(t.is_alive() for t in threads), "a worker hung"
    for r in out:
        if isinstance(r, BaseException):
            raise r
    return out


def test_a_hammer_of_eight_terminals_on_hot_players_keeps_the_ledger_exact(fresh_ledger):
    url, engine = fresh_ledger
    players = [make_player(engine) for _ in range(3)]
    for p in players:
        post(engine, cmd("deposit", p, "1000"))
        post(engine, cmd("credit_line", p, "2000", staff="F200", approver_id="F200"))
    with engine.connect() as conn:
        setup_rows = conn.execute(text("SELECT count(*) FROM ledger_transactions")).scalar_one()

    def work(i: int, e):
        rng = random.Random(1000 + i)
        accepted, refused = [], Counter()
        for _ in range(60):
            p = rng.choice(players)
            kind = rng.choice(["deposit", "withdrawal", "withdrawal", "marker_issue", "marker_redeem"])
            amount = D(rng.choice(["50", "100", "250", "400.50", "0.01"]))
            try:
                r = post(e, cmd(kind, p, amount, terminal_id=f"T{i}"))
            except EXPECTED_REFUSALS as exc:
                refused[type(exc).__name__] += 1
                continue
            assert not r.replayed
            accepted.append(r)
        return accepted, refused

    results = _run_workers(url, 8, work)
    accepted = [r for rs, _ in results for r in rs]
    refusals = sum((c for _, c in results), Counter())
    assert len(accepted) > 100 and sum(refusals.values()) > 0, (len(accepted), refusals)

    assert run_integrity(engine) == []
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM ledger_transactions")).scalar_one()
        worst = conn.execute(text("""SELECT min(balance), bool_and(current_credit <= credit_limit),
                                      min(current_credit) FROM players""")).one()
    assert rows - setup_rows == len(accepted)
    assert worst[0] >= 0 and worst[1] and worst[2] >= 0
    for p in players:  # the cached balance is exactly the sum of what was accepted
        mine = [r for r in accepted if r.player_id == p]
        cash = D("1000") + sum((r.cash_after.amount - r.cash_before.amount for r in mine), D(0))
        credit = sum((r.credit_after.amount - r.credit_before.amount for r in mine), D(0))
        b = get_balance(engine, p, currency="INR")
        assert (b.cash.amount, b.credit.amount) == (cash, credit)
        assert b.version == 2 + len(mine)
        # every receipt's before/after chains into the next: no lost update
        ordered = sorted(mine, key=lambda r: r.seq)
        for prev, nxt in zip(ordered, ordered[1:]):
            assert nxt.cash_before == prev.cash_after and nxt.credit_before == prev.credit_after


def test_a_withdrawal_race_that_would_overdraw_lets_exactly_the_affordable_number_through(ledger):
    url, engine = ledger
    p = make_player(engine)
    post(engine, cmd("deposit", p, "550"))

    def work(i: int, e):
        outcomes = []
        for _ in range(2):
            try:
                outcomes.append(post(e, cmd("withdrawal", p, "100", terminal_id=f"T{i}")))
            except E.InsufficientFunds:
                outcomes.append(None)
        return outcomes

    results = [o for os_ in _run_workers(url, 8, work) for o in os_]
    assert sum(o is not None for o in results) == 5
    assert get_balance(engine, p, currency="INR").cash.amount == D("50.00")
    assert sorted(o.cash_after.amount for o in results if o) == [D(x) for x in ("50.00", "150.00", "250.00",
                                                                        "350.00", "450.00")]


def test_a_marker_race_never_draws_more_than_the_line(ledger):
    url, engine = ledger
    p = make_player(engine)
    post(engine, cmd("credit_line", p, "1000", staff="F200", approver_id="F200"))

    def work(i: int, e):
        try:
            return post(e, cmd("marker_issue", p, "300", terminal_id=f"T{i}"))
        except E.CreditLimitExceeded:
            return None

    results = _run_workers(url, 8, work)
    assert sum(r is not None for r in results) == 3
    b = get_balance(engine, p, currency="INR")
    assert (b.credit.amount, b.credit_limit.amount) == (D("900.00"), D("1000.00"))


def test_a_credit_line_cut_racing_markers_never_leaves_credit_above_the_limit(ledger):
    url, engine = ledger
    p = make_player(engine)
    post(engine, cmd("credit_line", p, "1000", staff="F200", approver_id="F200"))

    def work(i: int, e):
        try:
            if i == 0:
                return post(e, cmd("credit_line", p, "200", staff="F200", approver_id="F200"))
            return post(e, cmd("marker_issue", p, "150", terminal_id=f"T{i}"))
        except (E.CreditLimitExceeded,):
            return None

    _run_workers(url, 8, work)
    b = get_balance(engine, p, currency="INR")
    assert b.credit.amount <= b.credit_limit.amount
    assert b.credit_limit.amount in (D("200.00"), D("1000.00"))


def test_racing_reversals_of_one_posting_let_exactly_one_through(ledger):
    url, engine = ledger
    p = make_player(engine)
    post(engine, cmd("deposit", p, "1000"))
    original = post(engine, cmd("deposit", p, "100"))

    def work(i: int, e):
        try:
            return post(e, cmd("reversal", p, "100", staff="S300", approver_id="S300",
                               reverses_id=original.id, reason=f"terminal {i}"))
        except E.AlreadyReversed:
            return None

    results = _run_workers(url, 8, work)
    assert sum(r is not None for r in results) == 1
    assert get_balance(engine, p, currency="INR").cash.amount == D("1000.00")


def test_a_player_row_locked_too_long_is_a_busy_refusal_not_offline(ledger):
    """A stuck lock (a DBA's open transaction) times out as LedgerBusy — a refusal that says
    nothing was posted — never as "the ledger is unreachable" (which would turn the terminal
    offline and queue postings while it is up); the same id goes through afterwards."""
    from sqlalchemy import event
    url, engine = ledger
    p = make_player(engine)
    impatient = make_engine(url, pool_size=1)

    @event.listens_for(impatient, "connect")
    def _short_lock_timeout(dbapi_conn, _record):  # noqa: ANN001
        with dbapi_conn.cursor() as cur:
            cur.execute("SET lock_timeout = '200ms'")
        dbapi_conn.commit()

    c = cmd("deposit", p, "10")
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT 1 FROM players WHERE id = :p FOR UPDATE"), {"p": p})
            try:
                post(impatient, c)
                raise AssertionError("posted through a held lock")
            except E.LedgerBusy as busy:
                assert "nothing was posted" in str(busy)
            assert get_posting(engine, c.id) is None
        assert post(impatient, c).cash_after.amount == D("10.00")  # the same id goes through afterwards
    finally:
        impatient.dispose()
