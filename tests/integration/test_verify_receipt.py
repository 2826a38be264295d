"""A receipt's QR code checked against the ledger: intact, tampered, forged, missing.

Tampering is done as the superuser with the append-only trigger disabled, the way an
attacker with the database's owner would (as tests/integration/test_tampering.py does).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import InvalidInput
from cashier_desktop.domain.receipt_code import ReceiptCode, parse_payload, receipt_number
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.receipt_check import receipt_facts, verify
from tests.support.factories import cmd, make_player
from tests.support.shifts import open_test_shift

ROOT = Path(__file__).resolve().parents[2]


def _tamper(engine, sql: str, params: dict) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE ledger_transactions DISABLE TRIGGER USER")
        conn.execute(text(sql), params)
        conn.exec_driver_sql("ALTER TABLE ledger_transactions ENABLE TRIGGER USER")


def _cli(url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASHIER_")}
    env.update({"CASHIER_DATABASE_URL": url, "CASHIER_TERMINAL_ID": "T-VERIFY", "HOME": str(tmp_path),
                "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")})
    return subprocess.run([sys.executable, "-m", "cashier_desktop", "verify-receipt", *args], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_a_payload_round_trips_and_bad_ones_are_refused_with_a_sentence():
    code = ReceiptCode(uuid.uuid4(), "ab" * 32)
    assert parse_payload(code.payload()) == code
    assert parse_payload("  " + code.payload().upper().replace("CDR1", "cdr1") + "\n") == code
    for bad in ("", "hello", f"CDR1:{code.posting_id}", f"CDR1:not-a-uuid:{'a' * 64}",
                f"CDR1:{code.posting_id}:{'z' * 64}", f"CDR2:{code.posting_id}:{'a' * 64}"):
        with pytest.raises(InvalidInput):
            parse_payload(bad)


def test_the_receipt_number_is_terminal_shift_and_place_in_the_shift(engine):
    terminal = f"T-{uuid.uuid4().hex[:6]}"
    shift = open_test_shift(engine, terminal)
    p = make_player(engine)
    receipts = [post(engine, cmd("deposit", p, "100", terminal_id=terminal, shift_id=shift)) for _ in range(3)]
    other = make_player(engine)
    post(engine, cmd("deposit", other, "5"))  # another terminal's posting does not count
    assert [receipt_facts(engine, r.id).sequence for r in receipts] == [1, 2, 3]
    facts = receipt_facts(engine, receipts[2].id)
    assert facts.staff_name  # the demo cashier C100 has a name
    assert receipt_number(terminal, shift, facts.sequence) == f"{terminal}-{shift}-0003"


def test_an_intact_posting_verifies_and_the_cli_says_so(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    p = make_player(engine)
    r = post(engine, cmd("deposit", p, "1000"))
    v = verify(engine, ReceiptCode(r.id, r.hash))
    assert v.ok and v.problem == "" and v.player_id == p
    done = _cli(url, tmp_path, ReceiptCode(r.id, r.hash).payload())
    assert done.returncode == 0, done.stderr
    assert "holds exactly this posting" in done.stdout and "₹1,000.00" in done.stdout


def test_a_row_edited_behind_the_ledgers_back_no_longer_verifies(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    p = make_player(engine)
    first = post(engine, cmd("deposit", p, "1000"))
    r = post(engine, cmd("withdrawal", p, "200"))
    _tamper(engine, "UPDATE ledger_transactions SET amount = 20, cash_delta = -20 WHERE id = :id", {"id": r.id})
    v = verify(engine, ReceiptCode(r.id, r.hash))
    assert not v.ok and v.problem == "row_altered"
    assert verify(engine, ReceiptCode(first.id, first.hash)).ok  # the row before it is untouched
    done = _cli(url, tmp_path, ReceiptCode(r.id, r.hash).payload())
    assert done.returncode == 2
    assert done.stdout == "" and "altered after it was posted" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_row_whose_hash_was_rewritten_to_match_does_not_match_the_receipt(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    p = make_player(engine)
    r = post(engine, cmd("deposit", p, "1000"))
    # The attacker edits the amount and recomputes the row's own hash so the chain checks out.
    _tamper(engine, """UPDATE ledger_transactions t SET amount = 10, cash_delta = 10, deposits_delta = 10,
        drawer_delta = 10, cash_after = 10,
        hash = ledger_digest('', t.id, t.player_id, t.kind, 10, t.currency, 10, t.credit_delta, 10, 10,
            t.credit_after, t.limit_after, t.approved_after, t.staff_id, t.approver_id, t.terminal_id,
            t.shift_id, t.reverses_id, t.reason, t.id_type, t.id_number, t.created_at)
        WHERE id = :id""", {"id": r.id})
    v = verify(engine, ReceiptCode(r.id, r.hash))
    assert not v.ok and v.problem == "hash_differs"
    done = _cli(url, tmp_path, ReceiptCode(r.id, r.hash).payload())
    assert done.returncode == 2 and "hash differs" in done.stderr


def test_a_forged_or_deleted_posting_is_refused(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    p = make_player(engine)
    r = post(engine, cmd("deposit", p, "1000"))
    assert verify(engine, ReceiptCode(r.id, "0" * 64)).problem == "hash_differs"
    assert verify(engine, ReceiptCode(uuid.uuid4(), r.hash)).problem == "missing"
    _tamper(engine, "DELETE FROM ledger_transactions WHERE id = :id", {"id": r.id})
    done = _cli(url, tmp_path, ReceiptCode(r.id, r.hash).payload())
    assert done.returncode == 2 and "holds no posting" in done.stderr
    garbage = _cli(url, tmp_path, "not a receipt")
    assert garbage.returncode == 2 and "not a receipt code" in garbage.stderr
    assert "Traceback" not in garbage.stderr
