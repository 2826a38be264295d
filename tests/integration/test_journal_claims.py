"""One sender per entry: processes sharing a journal never send, settle or refuse an entry
another live process is sending; a dead process's entries are free at once (SIGKILL too)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cashier_desktop.domain.kinds import Kind
from cashier_desktop.journal.store import Journal
from tests.support.factories import cmd

ROOT = Path(__file__).resolve().parents[2]


def test_an_entry_being_sent_by_one_journal_is_left_alone_by_another(tmp_path):
    path = tmp_path / "journal.sqlite"
    with Journal(path, terminal_id="T") as sender, Journal(path, terminal_id="T") as other:
        c = cmd(Kind.DEPOSIT, "p-1", "10")
        sender.append_pending(c, ledger="db")  # in flight in `sender`
        assert other.claim_in_doubt(ledger="db") == []
        assert other.queued_count(ledger="db") == 0, "a posting in flight is not a queue"
        assert other.claim_owner(c.id) == sender.owner
        assert sender.claim_owner(c.id) == sender.owner
    with Journal(path, terminal_id="T") as later:  # the sender closed: the entry is free
        assert later.queued_count(ledger="db") == 1
        assert [i for i, _ in later.claim_in_doubt(ledger="db")] == [c.id]


def test_an_outcome_releases_the_claim_in_the_same_transaction(tmp_path):
    path = tmp_path / "journal.sqlite"
    with Journal(path) as a, Journal(path) as b:
        queued, refused = cmd(Kind.DEPOSIT, "p-2", "10"), cmd(Kind.DEPOSIT, "p-2", "20")
        a.append_pending(queued, ledger="db")
        a.mark_offline(queued.id)  # taken offline: now anyone's to replay
        a.append_pending(refused, ledger="db")
        a.mark_rejected(refused.id, "insufficient_funds", "No.")
        assert b.claim_owner(queued.id) is None and b.claim_owner(refused.id) is None
        assert [i for i, _ in b.claim_in_doubt(ledger="db")] == [queued.id]
        assert a.claim_in_doubt(ledger="db") == [], "now b sends it"


def test_a_refusal_written_before_sending_is_never_visible_as_pending(tmp_path):
    path = tmp_path / "journal.sqlite"
    with Journal(path) as a:
        c = cmd(Kind.WITHDRAWAL, "p-3", "10")
        a.append_refused(c, "offline_not_allowed", "Offline.", ledger="db", offline=True)
        e = a.entry(c.id)
        assert e.state == "rejected" and not e.in_doubt
        assert a.claim_in_doubt(ledger="db") == [] and a.verify() == []


def test_the_entries_of_a_process_killed_mid_send_are_free_at_once(tmp_path):
    path = tmp_path / "journal.sqlite"
    ready = tmp_path / "ready"
    script = ("import sys, time\n"
              "from pathlib import Path\n"
              "from cashier_desktop.journal.store import Journal\n"
              "from tests.support.factories import cmd\n"
              "j = Journal(sys.argv[1])\n"
              "j.append_pending(cmd('deposit', 'p-k', '5'), ledger='db')\n"
              "Path(sys.argv[2]).touch()\n"
              "time.sleep(600)\n")
    proc = subprocess.Popen([sys.executable, "-c", script, str(path), str(ready)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        with Journal(path) as j:
            [queued] = j.pending(ledger="db")
            assert j.claim_owner(queued.id) not in (None, j.owner), "held by the live process"
            assert j.claim_in_doubt(ledger="db") == [], "its owner is alive: hands off"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            assert j.claim_owner(queued.id) is None, "a dead owner's claim is nobody's"
            [(entry_id, state)] = j.claim_in_doubt(ledger="db")
            assert state == "pending" and j.claim_owner(entry_id) == j.owner
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_killed_owners_lock_file_is_tidied_by_the_next_journal_opened(tmp_path):
    path = tmp_path / "journal.sqlite"
    script = ("import os, signal, sys\n"
              "from cashier_desktop.journal.store import Journal\n"
              "j = Journal(sys.argv[1])\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    proc = subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT)
    assert proc.returncode == -signal.SIGKILL
    owners = path.with_name(path.name + ".owners")
    assert len(list(owners.glob("*.lock"))) == 1
    with Journal(path) as j:
        assert [p.name for p in owners.glob("*.lock")] == [j.ownership.path.name]
    assert list(owners.glob("*.lock")) == []


def test_a_claim_from_another_machine_is_never_taken_for_dead(tmp_path):
    """A journal on a shared folder: a claim whose token names another host cannot be checked
    for life from here, so it is left alone (never replayed, never answered for)."""
    import sqlite3
    path = tmp_path / "journal.sqlite"
    with Journal(path) as j:
        c = cmd("deposit", "p-remote", "5")
        j.append_pending(c, ledger="db")
        con = sqlite3.connect(str(path), isolation_level=None)
        con.execute("UPDATE claims SET owner = ? WHERE entry_id = ?", ("another-host:4242:abcdef", str(c.id)))
        con.close()
        assert j.claim_owner(c.id) == "another-host:4242:abcdef"
        assert j.claim_in_doubt(ledger="db") == []
        assert j.queued_count(ledger="db") == 0, "being sent elsewhere, not queued here"
