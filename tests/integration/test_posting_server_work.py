"""The posting's server work (migration 0007): inlined functions, no ledger scans, versions.

A one-line SQL function that PostgreSQL cannot inline runs through the SQL function
executor on every call; for the hash chain and the outbox payload that cost more than the
rest of a posting's server work (migration 0007). These tests read the planner's own
output, so a future CREATE OR REPLACE that makes either function non-inlinable again fails
here rather than only in the benchmark.
"""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

_DIGEST_CALL = """ledger_digest('', gen_random_uuid(), 'p', 'deposit', 1.00, 'INR', 1.00, 0, 1.00,
    1.00, 0, 0, false, 'C100', NULL, 'T', NULL, NULL, NULL, NULL, NULL, now())"""


def _verbose_plan(engine, sql: str) -> str:
    with engine.connect() as conn:
        rows = conn.execute(text(f"EXPLAIN (VERBOSE, COSTS OFF) {sql}")).scalars().all()
    return "\n".join(rows)


def test_ledger_digest_is_inlined(engine):
    plan = _verbose_plan(engine, f"SELECT {_DIGEST_CALL}")
    assert "ledger_digest" not in plan, plan
    assert "sha256" in plan, plan


def test_balance_payload_is_inlined(engine):
    plan = _verbose_plan(engine, "SELECT balance_payload(p) FROM players p LIMIT 1")
    assert "balance_payload" not in plan, plan
    assert "jsonb_build_object" in plan, plan


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v).strip()


def test_stored_hashes_are_sha256_of_the_canonical_row(engine):
    """Recomputed in Python from the stored rows: inlining changed how the hash is computed,
    never what it is (and the chain links each row to the player's previous hash)."""
    from cashier_desktop.ledger.posting import post
    from tests.support.factories import cmd, make_player
    p = make_player(engine)
    post(engine, cmd("deposit", p, "125.50"))
    post(engine, cmd("withdrawal", p, "25.50"))
    with engine.connect() as conn:
        rows = conn.execute(text("""
            SELECT id, player_id, kind, amount, currency, cash_delta, credit_delta, drawer_delta,
                   cash_after, credit_after, limit_after, approved_after, staff_id, approver_id,
                   terminal_id, shift_id, reverses_id, reason, id_type, id_number,
                   extract(epoch FROM created_at)::text AS epoch, hash
            FROM ledger_transactions WHERE player_id = :p ORDER BY seq"""), {"p": p}).all()
        last_hash = conn.execute(text("SELECT last_hash FROM players WHERE id = :p"), {"p": p}).scalar_one()
    assert len(rows) == 2
    prev = ""
    for r in rows:
        fields = [prev, *(_text(v) for v in r[:-2]), r.epoch]
        expect = hashlib.sha256("|".join(fields).encode()).hexdigest()
        assert r.hash == expect
        prev = r.hash
    assert last_hash == prev


def _version(engine, p: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT version FROM players WHERE id = :p"), {"p": p}).scalar_one()


def _events(engine, p: str) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT version FROM balance_events WHERE player_id = :p ORDER BY id"),
                                 {"p": p}).scalars())


@pytest.mark.parametrize("sql", [
    "UPDATE players SET balance = balance + 10000, total_deposits = total_deposits + 10000 WHERE id = :p",
    # a hand-written UPDATE that also writes the version cannot set it back or skip one
    "UPDATE players SET balance = 10000, total_deposits = 10000, version = version - 7 WHERE id = :p",
    "UPDATE players SET balance = 10000, total_deposits = 10000, version = version + 5 WHERE id = :p",
])
def test_any_change_of_a_balance_gets_exactly_the_next_version_and_an_event(engine, sql):
    """The posting bumps the version itself and skips the trigger; everyone else gets it."""
    from cashier_desktop.ledger.posting import post
    from tests.support.factories import cmd, make_player
    p = make_player(engine)
    post(engine, cmd("deposit", p, "100"))
    assert _version(engine, p) == 1
    with engine.begin() as conn:
        conn.execute(text(sql), {"p": p})
    assert _version(engine, p) == 2
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET name = 'renamed' WHERE id = :p"), {"p": p})
    assert _version(engine, p) == 2, "a change of no balance column is not a new version"
    post(engine, cmd("deposit", p, "1"))
    assert _version(engine, p) == 3
    assert _events(engine, p) == [1, 2, 3]


def test_a_retry_after_its_shift_closed_gets_the_original_receipt(engine):
    """The controls trigger no longer looks the id up first; the client does, on a refusal."""
    from cashier_desktop.domain.errors import ShiftNotOpen
    from cashier_desktop.ledger.posting import post
    from tests.support.factories import cmd, make_player, random_player_id
    from tests.support.shifts import open_test_shift
    p, terminal = make_player(engine), random_player_id("T")
    shift = open_test_shift(engine, terminal)
    first = cmd("deposit", p, "500", terminal_id=terminal, shift_id=shift)
    receipt = post(engine, first)
    with engine.begin() as conn:
        conn.execute(text("UPDATE shifts SET status = 'closed', closed_at = now() WHERE id = :s"), {"s": shift})
    again = post(engine, first)
    assert again.replayed and again.id == receipt.id and again.seq == receipt.seq
    with pytest.raises(ShiftNotOpen):
        post(engine, cmd("deposit", p, "500", terminal_id=terminal, shift_id=shift))


def test_a_posting_never_scans_the_ledger(fresh_ledger):
    """Postings on a ledger that was empty when last analysed (a new install) touch the
    ledger only through indexes: the controls trigger's id lookup, planned once per
    connection while the ledger was empty, used to read the whole ledger every posting."""
    from cashier_desktop.ledger.db import make_engine
    from cashier_desktop.ledger.posting import post
    from tests.support.factories import cmd, make_player
    url, engine = fresh_ledger
    p = make_player(engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE ledger_transactions")
        # the migrations' own scans (e.g. 0012's rebuild of the cash totals) are not the
        # postings': report them now and count from here
        conn.exec_driver_sql("SELECT pg_stat_force_next_flush()")
    with engine.connect() as conn:
        before = conn.execute(text("SELECT seq_scan FROM pg_stat_user_tables "
                                   "WHERE relname = 'ledger_transactions'")).scalar_one()
    one = make_engine(url, pool_size=1)
    try:
        for _ in range(30):
            post(one, cmd("deposit", p, "1"))
        with one.connect() as conn:  # the posting backend reports its counters now
            conn.exec_driver_sql("SELECT pg_stat_force_next_flush()")
    finally:
        one.dispose()  # a backend also reports its counters when it exits
    with engine.connect() as conn:
        def scans() -> int | None:
            conn.rollback()
            return conn.execute(text("SELECT seq_scan FROM pg_stat_user_tables "
                                     "WHERE relname = 'ledger_transactions'")).scalar_one()
        n_rows = conn.execute(text("SELECT count(*) FROM ledger_transactions")).scalar_one()
        assert n_rows == 30
        assert scans() - before < 5, "postings read the ledger by sequential scan"


def test_after_a_server_restart_every_posting_goes_through_on_fresh_connections():
    """The first posting after a server restart meets a dead pooled connection before its
    statement is sent, and tries once more on a fresh one (the posting id keeps it
    exactly-once either way) instead of turning the terminal offline; the hot path talks to
    psycopg directly, yet a lost connection still invalidates the whole pool the way
    SQLAlchemy does, so the other dead pooled connections are not handed out one posting
    at a time."""
    import threading

    from cashier_desktop.domain.errors import LedgerUnavailable
    from cashier_desktop.ledger import migrate
    from cashier_desktop.ledger.db import make_engine
    from cashier_desktop.ledger.posting import post
    from cashier_desktop.ledger.seed import seed_staff
    from tests.support.factories import cmd, make_player
    from tests.support.faults import OwnedPostgres

    server = OwnedPostgres()
    server.start()
    engine = make_engine(server.create_database("restart"), pool_size=3)
    try:
        migrate.upgrade(engine)
        seed_staff(engine)
        p = make_player(engine)
        # three connections in the pool, each of which has posted
        barrier = threading.Barrier(3)

        def hold_and_post() -> None:
            with engine.connect():
                barrier.wait(timeout=10)
            post(engine, cmd("deposit", p, "1"))
        workers = [threading.Thread(target=hold_and_post) for _ in range(3)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=30)
        assert engine.pool.checkedin() == 3
        server.stop("fast")
        server.start()
        outcomes = []
        for _ in range(3):
            try:
                post(engine, cmd("deposit", p, "1"))
                outcomes.append("posted")
            except LedgerUnavailable:
                outcomes.append("unavailable")
        assert outcomes == ["posted", "posted", "posted"], outcomes
    finally:
        engine.dispose()
        server.destroy()


def test_the_receipt_of_a_posting_is_the_row_the_ledger_holds(engine):
    """The hot path builds the receipt from the command and the columns the database decided;
    it must equal, field for field, what the ledger row says (read back as a replay would)."""
    import dataclasses

    from cashier_desktop.ledger.posting import find_posting, post
    from tests.support.factories import cmd, make_player, random_player_id
    from tests.support.shifts import open_test_shift
    p, terminal = make_player(engine), random_player_id("T")
    shift = open_test_shift(engine, terminal)
    receipts = [
        post(engine, cmd("deposit", p, "1000.5", terminal_id=terminal, shift_id=shift)),
        post(engine, cmd("credit_line", p, "5000", approver_id="F200", reason="limit review")),
        post(engine, cmd("marker_issue", p, "700", terminal_id=terminal, shift_id=shift)),
        post(engine, cmd("withdrawal", p, "10", terminal_id=terminal, shift_id=shift,
                         id_type="passport", id_number="Z1234567")),
    ]
    receipts.append(post(engine, cmd("reversal", p, "10.00", approver_id="S300", reason="wrong player",
                                     reverses_id=receipts[-1].id)))
    with engine.connect() as conn:
        for r in receipts:
            stored = find_posting(conn, r.id)
            assert dataclasses.replace(stored, replayed=False) == r
