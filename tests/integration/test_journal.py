"""The journal file itself: durable records, derived states, and tampering caught by verify."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from uuid import uuid4

import pytest

from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.receipts import Receipt
from cashier_desktop.journal.chain import canonical, record_hash
from cashier_desktop.journal.store import Journal
from tests.support.factories import cmd


def _receipt(c, seq=1, cash_after="100.00") -> Receipt:
    def m(amount: str) -> Money:
        return Money(Decimal(amount), c.amount.currency)
    return Receipt(id=c.id, seq=seq, kind=c.kind, player_id=c.player_id, amount=c.amount,
                   cash_before=m("0.00"), cash_after=m(cash_after),
                   credit_before=m("0"), credit_after=m("0"), limit_after=m("0"),
                   approved_after=False, staff_id=c.staff_id, approver_id=None, terminal_id=c.terminal_id,
                   shift_id=c.shift_id, reverses_id=None, reason=None,
                   created_at=datetime.now(timezone.utc), hash="h")


@pytest.fixture
def journal(tmp_path):
    j = Journal(tmp_path / "journal.sqlite", terminal_id="T-J")
    yield j
    j.close()


def _fill(journal: Journal, n: int = 5):
    cmds = [cmd("deposit", "p-journal", str(10 + i), shift_id=7) for i in range(n)]
    for c in cmds:
        journal.append_pending(c, ledger="db")
    journal.mark_posted(cmds[0].id, _receipt(cmds[0]))
    journal.mark_rejected(cmds[1].id, "insufficient_funds", "Not enough.")
    return cmds


def _raw(journal: Journal) -> sqlite3.Connection:
    return sqlite3.connect(str(journal.path), isolation_level=None)


def test_an_entry_is_pending_until_marked_and_the_full_command_and_receipt_come_back(journal):
    c = cmd("withdrawal", "p-1", "250.50", shift_id=3)
    journal.append_pending(c, ledger="db")
    e = journal.entry(c.id)
    assert e.state == "pending" and e.command == c and journal.pending_count(shift_id=3) == 1
    r = _receipt(c)
    assert journal.mark_posted(c.id, r)
    e = journal.entry(c.id)
    assert e.state == "posted" and e.receipt == r and journal.pending_count(shift_id=3) == 0
    assert journal.known_balance("db", "p-1") == Decimal("100.00")
    assert not journal.mark_posted(c.id, r), "a second mark is refused, not duplicated"
    assert journal.verify() == []


def test_the_journal_file_is_wal_with_full_synchronous_writes(journal):
    con = _raw(journal)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert journal._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_an_intact_journal_verifies_clean_from_the_command_line(journal, tmp_path):
    _fill(journal)
    out = subprocess.run([sys.executable, "-m", "cashier_desktop", "--journal", str(journal.path),
                          "journal", "verify", "--json"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["intact"] is True


def test_an_edited_record_is_named_by_verify(journal):
    cmds = _fill(journal)
    con = _raw(journal)
    seq, body = con.execute("SELECT seq, body FROM records WHERE entry_id = ? AND type = 'pending'",
                            (str(cmds[3].id),)).fetchone()
    con.execute("UPDATE records SET body = ? WHERE seq = ?", (body.replace('"13.00"', '"13000.00"'), seq))
    findings = journal.verify()
    assert any(f.seq == seq and f.entry_id == str(cmds[3].id) and "altered" in f.problem for f in findings)
    out = subprocess.run([sys.executable, "-m", "cashier_desktop", "--journal", str(journal.path),
                          "journal", "verify"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and f"record #{seq}" in out.stdout and "altered" in out.stdout


def _shift_time(at: str) -> str:
    return (datetime.fromisoformat(at) - timedelta(hours=3)).isoformat()


# Each column of a record that its hash must cover, edited the way a forger would: a
# posting moved to another hour (the shift report changes), a refusal retyped as the
# supervisor's problem. Both also disagree with the index, so the test asserts the
# *hash* finding on the edited record itself, not just any finding.
@pytest.mark.parametrize("column, rtype, edit", [
    ("at", "posted", _shift_time),
    ("at", "pending", _shift_time),
    ("type", "rejected", lambda _: "rejected_on_replay"),
    ("type", "posted", lambda _: "rejected"),
    ("prev_hash", "posted", lambda _: "0" * 64),
], ids=["time-of-posting", "time-of-intent", "type-refused-to-replay", "type-posted-to-refused", "relinked"])
def test_an_edited_record_time_or_type_is_named_by_verify(journal, column, rtype, edit):
    _fill(journal)
    con = _raw(journal)
    seq, entry_id, value = con.execute(f"SELECT seq, entry_id, {column} FROM records WHERE type = ? "
                                       "ORDER BY seq LIMIT 1", (rtype,)).fetchone()
    new = edit(value)
    assert new != value
    con.execute(f"UPDATE records SET {column} = ? WHERE seq = ?", (new, seq))
    altered = [f for f in journal.verify() if "altered" in f.problem]
    assert [(f.seq, f.entry_id) for f in altered] == [(seq, entry_id)], journal.verify()


def test_a_posted_record_forged_after_a_certain_refusal_is_out_of_order_even_with_a_right_hash(journal):
    """A refusal the cashier was told is final: a forger who appends a "posted" record for it
    (hash, chain and head all recomputed) is named by the replayed state machine, not the hash."""
    cmds = _fill(journal)
    con = _raw(journal)
    head_seq, prev = con.execute("SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1").fetchone()
    seq, entry_id = head_seq + 1, str(cmds[1].id)
    body = canonical({"receipt": _receipt(cmds[1]).to_json(), "how": "replay"})
    at = datetime.now(timezone.utc).isoformat()
    digest = record_hash(prev, entry_id, "posted", at, body)
    con.execute("INSERT INTO records VALUES (?, ?, 'posted', ?, ?, ?, ?)", (seq, entry_id, at, body, prev, digest))
    con.execute("UPDATE meta SET v = ? WHERE k = 'head_seq'", (str(seq),))
    con.execute("UPDATE meta SET v = ? WHERE k = 'head_hash'", (digest,))
    findings = journal.verify()
    assert [(f.seq, f.entry_id) for f in findings if "out of order" in f.problem] == [(seq, entry_id)], findings
    assert not [f for f in findings if "altered" in f.problem or "head" in f.problem]


def test_an_edited_state_in_the_index_is_caught_against_the_records(journal):
    cmds = _fill(journal)
    _raw(journal).execute("UPDATE entries SET state = 'posted' WHERE id = ?", (str(cmds[4].id),))
    findings = journal.verify()
    assert [f.entry_id for f in findings] == [str(cmds[4].id)]
    assert "state" in findings[0].problem


def test_a_deleted_record_is_named_by_verify(journal):
    cmds = _fill(journal)
    con = _raw(journal)
    seq = con.execute("SELECT seq FROM records WHERE entry_id = ? AND type = 'posted'",
                      (str(cmds[0].id),)).fetchone()[0]
    con.execute("DELETE FROM records WHERE seq = ?", (seq,))
    findings = journal.verify()
    assert any(f"#{seq} missing" in f.problem for f in findings), findings


def test_a_deleted_and_renumbered_record_breaks_the_chain_where_it_was(journal):
    cmds = _fill(journal)
    con = _raw(journal)
    seq = con.execute("SELECT seq FROM records WHERE entry_id = ?", (str(cmds[2].id),)).fetchone()[0]
    con.execute("DELETE FROM records WHERE seq = ?", (seq,))
    con.execute("UPDATE records SET seq = seq - 1 WHERE seq > ?", (seq,))
    findings = journal.verify()
    assert any(f.seq == seq and "deleted or replaced before it" in f.problem for f in findings), findings


def test_a_record_deleted_from_the_end_is_caught_by_the_head(journal):
    _fill(journal)
    con = _raw(journal)
    con.execute("DELETE FROM records WHERE seq = (SELECT max(seq) FROM records)")
    assert any("head" in f.problem for f in journal.verify())


def test_an_inserted_record_is_named_even_when_its_own_hash_is_right(journal):
    cmds = _fill(journal)
    con = _raw(journal)
    k = 4
    prev = con.execute("SELECT hash FROM records WHERE seq = ?", (k - 1,)).fetchone()[0]
    con.execute("UPDATE records SET seq = seq + 1000 WHERE seq >= ?", (k,))
    con.execute("UPDATE records SET seq = seq - 999 WHERE seq >= 1000")
    body = canonical({"receipt": _receipt(cmds[4]).to_json(), "how": "live"})
    at = datetime.now(timezone.utc).isoformat()
    con.execute("INSERT INTO records VALUES (?, ?, 'posted', ?, ?, ?, ?)",
                (k, str(cmds[4].id), at, body, prev, record_hash(prev, str(cmds[4].id), "posted", at, body)))
    findings = journal.verify()
    assert any(f.seq == k and "inserted" in f.problem for f in findings), findings


def test_nothing_is_pruned_a_resolved_rejection_keeps_every_record(journal):
    c = cmd("withdrawal", "p-2", "100", shift_id=1)
    journal.append_pending(c, ledger="db")
    journal.mark_offline(c.id)
    journal.mark_rejected_on_replay(c.id, "insufficient_funds", "Player p-2 has 0.00.")
    assert [e.id for e in journal.needing_attention()] == [c.id]
    journal.resolve(c.id, "S300", "paid back by the player")
    assert journal.needing_attention() == []
    types = [r[0] for r in journal._db.execute("SELECT type FROM records ORDER BY seq")]
    assert types == ["pending", "offline", "rejected_on_replay", "resolved"]
    assert journal.verify() == []


def test_two_processes_appending_to_one_file_keep_one_unbroken_chain(tmp_path):
    path = tmp_path / "shared.sqlite"
    Journal(path).close()
    script = (
        "import sys; from cashier_desktop.journal.store import Journal; from tests.support.factories import cmd\n"
        "j = Journal(sys.argv[1])\n"
        "for i in range(40): j.append_pending(cmd('deposit', 'p-x', '1'), ledger='db')\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path)]) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    with Journal(path) as j:
        assert j.record_count() == 80 and j.verify() == []


def test_a_second_intent_with_the_same_id_is_refused(journal):
    c = cmd(Kind.DEPOSIT, "p-3", "5")
    journal.append_pending(c, ledger="db")
    with pytest.raises(ValueError):
        journal.append_pending(c, ledger="db")
    assert journal.entry(uuid4()) is None
