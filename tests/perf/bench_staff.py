"""Staff-control benchmarks: what the controls cost a posting, and the large-cash report.

(a) `ledger.posting.post` into an open shift with an approver, with the 0002 control
    trigger (approver checks + key-share lock on the shift row) against the same postings with
    that trigger disabled, in the same database: median latency ratio.
(b) `counter.submit` as a terminal login bound to its terminal, with a staff session (the
    client's quick checks, then ONE call of the posting API that checks the session, rights,
    shift and large cash and writes the MTL and audit rows) against the bare `post` of the
    same deposit by the same login and session: median latency ratio (target ≤ 1.5×).
(c) `report ctr` for one gaming day against the ledger's postings of that day.

Single client, sequential: these are per-posting overheads, not throughput.
"""

from __future__ import annotations

import statistics
import time
from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.policy import gaming_day, period_of_day
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import seed_staff
from cashier_desktop.terminal import reports
from cashier_desktop.terminal.auth import StaffMember, policy_of
from cashier_desktop.terminal.counter import submit
from tests.support.databases import DatabaseFactory
from tests.support.shifts import make_services, open_test_shift


def _players(engine, n: int) -> list[str]:
    ids = [f"b{i}" for i in range(n)]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO players (id, name) SELECT unnest(CAST(:ids AS text[])), 'Bench'"), {"ids": ids})
    return ids


def _timed(fn, count: int) -> list[float]:
    out = []
    for i in range(count):
        t0 = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _ctr(engine, services, players: list[str], extra: int) -> dict:
    """`report ctr` over a gaming day holding `extra` more cash postings (bulk-inserted rows:
    the report reads amounts and times, not hash chains) against a plain aggregate of the day."""
    with engine.begin() as conn:
        # Set-up, not a measurement: half a million rows through the ledger's triggers (the cash
        # totals since 0012) take longer than the ledger's 30 s statement timeout.
        conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
        conn.execute(text("""
            INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency, cash_delta,
                credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after, credit_after,
                limit_after, approved_after, staff_id, hash)
            SELECT gen_random_uuid(), 'bench', CASE WHEN g % 3 = 0 THEN 'withdrawal' ELSE 'deposit' END,
                   (CAST(:p AS text[]))[1 + g % 200], 100 + (g::bigint * 7919) % 90000, 'INR', 0, 0, 0, 0, 0, 0, 0, 0, false,
                   'C100', 'bench'
            FROM generate_series(1, CAST(:n AS int)) g"""), {"p": players, "n": extra})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE ledger_transactions")
        now, total = conn.execute(text("SELECT now(), count(*) FROM ledger_transactions")).one()
    policy_hour, tz = services.config["policy.gaming_day_start_hour"], services.config["policy.timezone"]
    day = gaming_day(now, policy_hour, tz)
    period = period_of_day(day, policy_of(services))

    def ours() -> int:
        return len(reports.ctr_report(services, day))

    def plain() -> int:
        with engine.connect() as conn:
            return len(conn.execute(text("""SELECT player_id, kind, sum(amount) FROM ledger_transactions
                WHERE created_at >= :s AND created_at < :e AND kind IN ('deposit', 'withdrawal', 'marker_redeem')
                GROUP BY player_id, kind"""), {"s": period.start, "e": period.end}).fetchall())
    found = ours()
    plain()
    ctr_ms = statistics.median(_timed(lambda i: ours(), 5))
    agg_ms = statistics.median(_timed(lambda i: plain(), 5))
    return {"name": f"report ctr over {total:,} postings ({found} player-directions over the threshold)",
            "value": round(ctr_ms, 1), "unit": "ms", "reference": round(agg_ms, 1),
            "ratio": round(ctr_ms / agg_ms, 2), "target": "≤ 3×"}


class _AtCounter:
    """A terminal login bound to T-BENCH-API, C100 logged in through the database, its shift open."""

    def __init__(self, admin, players: list[str]) -> None:
        import uuid as _uuid
        from cashier_desktop.ledger import roles
        from cashier_desktop.ledger.api_tables import store_policy
        self.admin, self.players = admin, players
        self.prefix, password = f"b{_uuid.uuid4().hex[:8]}", _uuid.uuid4().hex + "Aa1"
        self.login, self.terminal = f"{self.prefix}_t", "T-BENCH-API"
        roles.create_roles(admin, prefix=self.prefix)
        roles.add_login(admin, self.login, "terminal", password, prefix=self.prefix, terminal_id=self.terminal)
        self.services = make_services(admin, self.terminal, login=None)
        with admin.begin() as conn:
            store_policy(conn, policy_of(self.services))
        url = admin.url.set(username=self.login, password=password)
        from cashier_desktop.ledger.db import make_engine
        self.engine = make_engine(url.render_as_string(hide_password=False), pool_size=2)
        self.services = make_services(self.engine, self.terminal, login=None)  # its own login
        with self.engine.begin() as conn:
            token = conn.execute(text("SELECT cage.staff_login('C100', '1111')")).scalar_one()
        with self.engine.begin() as conn:
            conn.execute(text("SELECT cage.open_shift(:t, 0)"), {"t": token})
        self.cashier = StaffMember("C100", "Asha Rao", "cashier", session_token=token)

    def _cmd(self, i: int) -> PostingCommand:
        return PostingCommand(kind=Kind.DEPOSIT, player_id=self.players[i % 200], amount=Money(Decimal("100"), "INR"),
                              staff_id="C100", terminal_id=self.terminal)

    def plain(self, i: int) -> None:
        import dataclasses
        post(self.engine, dataclasses.replace(self._cmd(i), session=self.cashier.session_token))

    def counter(self, i: int) -> None:
        submit(self.services, self.cashier, self._cmd(i))

    def close(self) -> None:
        self.engine.dispose()
        from cashier_desktop.ledger import roles
        with self.admin.begin() as conn:
            for name in [self.login] + [roles.role_name(self.prefix, g) for g in roles.GROUPS]:
                conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                conn.exec_driver_sql(f'DROP ROLE "{name}"')
            from cashier_desktop.ledger.api_owner import drop_api_owner
            drop_api_owner(conn, self.prefix)


def _terminal_login(factory, engine, players: list[str]) -> _AtCounter:
    at = _AtCounter(engine, players)
    at.plain(0)
    at.counter(1)
    _timed(at.plain, 30)  # warm-up: pool, prepared statement, the bound-terminal lookup
    _timed(at.counter, 30)
    return at


def run(quick: bool) -> list[dict]:
    n = 300 if quick else 3000
    factory = DatabaseFactory()
    try:
        _, engine = factory.create(pool_size=4)
        seed_staff(engine)
        players = _players(engine, 200)
        terminal = "T-BENCH"
        shift_id = open_test_shift(engine, terminal, "C100")
        services = make_services(engine, terminal, login=None)  # the trusted path, for comparison
        cashier = StaffMember("C100", "Asha Rao", "cashier")

        def bare(i: int) -> None:
            post(engine, PostingCommand(kind=Kind.DEPOSIT, player_id=players[i % 200], amount=Money(Decimal("100"), "INR"),
                                        staff_id="C100", terminal_id=terminal, shift_id=shift_id, approver_id="F200"))

        def counter(i: int) -> None:
            submit(services, cashier, PostingCommand(kind=Kind.DEPOSIT, player_id=players[i % 200],
                                                     amount=Money(Decimal("100"), "INR"), staff_id="C100",
                                                     terminal_id=terminal))
        _timed(bare, 50)  # warm-up: pools, plans
        with_trigger, without = [], []
        for _ in range(3):  # alternate, so drift on a busy machine hits both sides alike
            with_trigger += _timed(bare, n // 3)
            with engine.begin() as conn:
                conn.exec_driver_sql("ALTER TABLE ledger_transactions DISABLE TRIGGER ledger_controls")
            without += _timed(bare, n // 3)
            with engine.begin() as conn:
                conn.exec_driver_sql("ALTER TABLE ledger_transactions ENABLE TRIGGER ledger_controls")

        at_counter = _terminal_login(factory, engine, players)
        bare_again, through_counter = [], []
        for _ in range(3):
            bare_again += _timed(at_counter.plain, n // 3)
            through_counter += _timed(at_counter.counter, n // 3)
        at_counter.close()
        med = statistics.median
        rows = [
            {"name": "post with the control trigger, median", "value": round(med(with_trigger), 3), "unit": "ms",
             "reference": round(med(without), 3), "ratio": round(med(with_trigger) / med(without), 2),
             "target": "≤ 1.3×"},
            {"name": "counter.submit as a bound terminal login with a staff session (one API call), median",
             "value": round(med(through_counter), 3), "unit": "ms", "reference": round(med(bare_again), 3),
             "ratio": round(med(through_counter) / med(bare_again), 2), "target": "≤ 1.5×"},
        ]
        rows.append(_ctr(engine, services, players, 20_000 if quick else 500_000))
        return rows
    finally:
        factory.close()
