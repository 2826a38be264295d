"""Tampering: the database refuses edits of the ledger, and integrity finds what slips past.

Each test has a database of its own (`fresh_ledger`), because it breaks it on purpose.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import exc as saexc
from sqlalchemy import text

from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from tests.support.factories import cmd, make_player


def _history(engine):
    """Two players with a few postings each; returns (player, its receipts)."""
    p, other = make_player(engine), make_player(engine)
    receipts = [post(engine, cmd("deposit", p, "1000")), post(engine, cmd("withdrawal", p, "200")),
                post(engine, cmd("deposit", p, "50"))]
    post(engine, cmd("deposit", other, "70"))
    assert run_integrity(engine) == []
    return p, receipts


def _as_superuser_without_triggers(engine, sql: str, params: dict) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE ledger_transactions DISABLE TRIGGER USER")
        conn.execute(text(sql), params)
        conn.exec_driver_sql("ALTER TABLE ledger_transactions ENABLE TRIGGER USER")


@pytest.mark.parametrize("sql", [
    "UPDATE ledger_transactions SET amount = amount + 1 WHERE id = :id",
    "UPDATE ledger_transactions SET reason = 'edited' WHERE id = :id",
    "DELETE FROM ledger_transactions WHERE id = :id",
    "TRUNCATE ledger_transactions CASCADE",
])
def test_the_database_refuses_to_change_a_ledger_row(fresh_ledger, sql):
    _, engine = fresh_ledger
    _, receipts = _history(engine)
    with pytest.raises(saexc.DBAPIError, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text(sql), {"id": receipts[0].id})
    assert run_integrity(engine) == []


def test_the_audit_log_is_append_only_too(fresh_ledger):
    _, engine = fresh_ledger
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_log (action) VALUES ('login')"))
    for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        with pytest.raises(saexc.DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))


def test_a_row_altered_with_triggers_disabled_is_reported_with_its_broken_chain(fresh_ledger):
    _, engine = fresh_ledger
    p, receipts = _history(engine)
    middle = receipts[1]
    _as_superuser_without_triggers(
        engine, "UPDATE ledger_transactions SET amount = 20, cash_delta = -20 WHERE id = :id", {"id": middle.id})
    findings = run_integrity(engine)
    checks = {(f.player_id, f.check) for f in findings}
    assert (p, "cash_matches_ledger") in checks
    chain = [f for f in findings if f.check == "hash_chain"]
    assert [f.posting_id for f in chain] == [str(middle.id)]
    assert "hash does not match" in chain[0].sentence()
    assert all(f.player_id == p for f in findings)


def test_a_cosmetic_edit_that_keeps_every_sum_is_still_caught_by_the_hash_chain(fresh_ledger):
    _, engine = fresh_ledger
    p, receipts = _history(engine)
    _as_superuser_without_triggers(
        engine, "UPDATE ledger_transactions SET staff_id = 'S300' WHERE id = :id", {"id": receipts[0].id})
    findings = run_integrity(engine)
    assert [(f.check, f.posting_id) for f in findings] == [("hash_chain", str(receipts[0].id))]
    assert run_integrity(engine, chains=False) == []  # the sums alone could not see it


# Every column `ledger_digest` covers, edited alone on a middle row so that no sum, no
# running total and no "newest row" figure changes: only the hash chain can see it.
@pytest.mark.parametrize("assignment", [
    "amount = amount + 1", "kind = 'marker_redeem'", "currency = 'USD'", "drawer_delta = drawer_delta + 1",
    "cash_after = cash_after + 1", "credit_after = credit_after + 1", "limit_after = limit_after + 1",
    "approved_after = NOT approved_after", "staff_id = 'S300'", "approver_id = 'S300'",
    "terminal_id = 'T-OTHER'", "reverses_id = :other", "reason = 'edited'", "id_type = 'passport'",
    "id_number = 'X1'", "created_at = created_at - interval '1 hour'",
])
def test_an_edit_of_any_hashed_column_alone_is_caught_by_the_hash_chain(fresh_ledger, assignment):
    _, engine = fresh_ledger
    p, receipts = _history(engine)
    middle = receipts[1]
    _as_superuser_without_triggers(engine, f"UPDATE ledger_transactions SET {assignment} WHERE id = :id",
                                   {"id": middle.id, "other": receipts[0].id})
    assert run_integrity(engine, chains=False) == [], "the edit keeps every sum: only the chain can see it"
    findings = run_integrity(engine)
    assert [(f.check, f.posting_id) for f in findings] == [("hash_chain", str(middle.id))]


def test_a_deleted_middle_row_is_detected(fresh_ledger):
    _, engine = fresh_ledger
    p, receipts = _history(engine)
    _as_superuser_without_triggers(engine, "DELETE FROM ledger_transactions WHERE id = :id", {"id": receipts[1].id})
    findings = run_integrity(engine)
    assert (p, "cash_matches_ledger") in {(f.player_id, f.check) for f in findings}
    assert str(receipts[2].id) in {f.posting_id for f in findings if f.check == "hash_chain"}


def test_a_deleted_newest_row_is_detected(fresh_ledger):
    _, engine = fresh_ledger
    p, receipts = _history(engine)
    _as_superuser_without_triggers(engine, "DELETE FROM ledger_transactions WHERE id = :id", {"id": receipts[2].id})
    findings = run_integrity(engine)
    assert any(f.check == "hash_chain" and "newest ledger row" in f.expected for f in findings)
    assert (p, "cash_matches_ledger") in {(f.player_id, f.check) for f in findings}


def test_a_forged_row_inserted_by_hand_is_detected(fresh_ledger):
    _, engine = fresh_ledger
    p, receipts = _history(engine)
    with engine.begin() as conn:
        conn.execute(text("""
            INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency,
                cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after,
                credit_after, limit_after, approved_after, staff_id, hash)
            VALUES (gen_random_uuid(), 'x', 'deposit', :p, 5, 'INR', 5, 0, 5, 5, 0, 855, 0, 0, false,
                    'C100', 'forged')"""), {"p": p})
    findings = run_integrity(engine)
    assert {"cash_matches_ledger", "hash_chain"} <= {f.check for f in findings if f.player_id == p}


def test_the_incident_a_hand_written_balance_update_is_reported(fresh_ledger):
    """A portal "added ₹10,000" by `UPDATE players SET balance = …`: the check names it."""
    _, engine = fresh_ledger
    p, _ = _history(engine)
    untouched = make_player(engine)  # no ledger rows at all, as player 179 in the report
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = balance + 10000 WHERE id = :p"), {"p": p})
        conn.execute(text("UPDATE players SET balance = 10000 WHERE id = :p"), {"p": untouched})
    findings = run_integrity(engine)
    by_player = {}
    for f in findings:
        by_player.setdefault(f.player_id, set()).add(f.check)
    assert {"cash_matches_ledger", "balance_is_deposits_minus_withdrawals", "hash_chain"} <= by_player[p]
    assert {"cash_matches_ledger", "balance_is_deposits_minus_withdrawals"} <= by_player[untouched]
    cash = next(f for f in findings if f.player_id == untouched and f.check == "cash_matches_ledger")
    assert (Decimal(cash.expected), Decimal(cash.actual)) == (0, Decimal("10000.00"))
    assert "cash matches ledger" in cash.sentence() and "found 10000.00" in cash.sentence()

    # ... and the DBA's own check in SQL says the same
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT player_id, check_name, expected, actual FROM check_balance_integrity()")
                            ).fetchall()
        events = conn.execute(text("SELECT changed_by, old_values->>'cashBalance', payload->>'cashBalance' "
                                   "FROM balance_events WHERE player_id = :p"), {"p": untouched}).fetchall()
    assert {(r[0], r[1]) for r in rows} >= {(untouched, "cash_matches_ledger"),
                                              (untouched, "balance_is_deposits_minus_withdrawals"),
                                              (p, "cash_matches_ledger")}
    # the outbox recorded who did it, with before and after
    assert events == [("postgres", "0.00", "10000.00")]


def test_the_database_keeps_balances_non_negative_and_credit_within_the_limit(fresh_ledger):
    _, engine = fresh_ledger
    p = make_player(engine)
    for sql, constraint in (("UPDATE players SET balance = -1 WHERE id = :p", "balance_not_negative"),
                            ("UPDATE players SET current_credit = 1 WHERE id = :p", "credit_within_limit"),
                            ("UPDATE players SET current_credit = -1 WHERE id = :p", "credit_within_limit"),
                            ("UPDATE players SET credit_limit = -5 WHERE id = :p", "credit_limit_not_negative")):
        with pytest.raises(saexc.IntegrityError, match=constraint):
            with engine.begin() as conn:
                conn.execute(text(sql), {"p": p})


def test_the_database_refuses_a_ledger_row_with_a_negative_amount(fresh_ledger):
    """The direction of a posting is in its deltas; its amount is never negative, even in a
    row written by hand (a negative amount would invert every report that sums amounts)."""
    _, engine = fresh_ledger
    p = make_player(engine)
    with pytest.raises(saexc.IntegrityError, match="ledger_transactions_amount_check"):
        with engine.begin() as conn:
            conn.execute(text("""
                INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency,
                    cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after,
                    credit_after, limit_after, approved_after, staff_id, hash)
                VALUES (gen_random_uuid(), 'x', 'withdrawal', :p, -5, 'INR', 0, 0, 0, 0, 0, 0, 0, 0, false,
                        'C100', 'x')"""), {"p": p})


def test_restated_running_totals_that_keep_the_reports_rule_are_still_reported(fresh_ledger):
    """Both totals raised by the same amount: balance = deposits - withdrawals still holds,
    the cash still matches the ledger; only the ledger's own totals can tell."""
    _, engine = fresh_ledger
    p, _ = _history(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET total_deposits = total_deposits + 500, "
                          "total_withdrawals = total_withdrawals + 500 WHERE id = :p"), {"p": p})
    checks = {(f.player_id, f.check) for f in run_integrity(engine, chains=False)}
    assert checks == {(p, "deposits_match_ledger"), (p, "withdrawals_match_ledger")}


def test_the_database_refuses_a_second_reversal_of_one_posting_even_written_by_hand(fresh_ledger):
    """`posting.post` looks for an earlier reversal first, but only the unique index settles
    two reversals that both looked before either wrote (and a row written by hand)."""
    _, engine = fresh_ledger
    p = make_player(engine)
    original = post(engine, cmd("deposit", p, "100"))
    post(engine, cmd("reversal", p, "100", staff="S300", approver_id="S300", reverses_id=original.id,
                     reason="wrong player"))
    with pytest.raises(saexc.IntegrityError, match="ledger_reversed_once"):
        with engine.begin() as conn:
            conn.execute(text("""
                INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency,
                    cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after,
                    credit_after, limit_after, approved_after, staff_id, approver_id, reverses_id, reason, hash)
                VALUES (gen_random_uuid(), 'x', 'reversal', :p, 100, 'INR', -100, 0, -100, -100, 0, 0, 0, 0,
                        false, 'S300', 'S300', :o, 'again', 'x')"""), {"p": p, "o": original.id})
