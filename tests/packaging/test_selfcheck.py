"""`selfcheck` in-process against a real database: what it reports, and that it never
posts (a pending journal entry stays pending and out of the ledger)."""

from __future__ import annotations

import json
import sqlite3

from sqlalchemy import text

from cashier_desktop.cli import main
from cashier_desktop.journal.store import Journal
from tests.support.factories import cmd, make_player


def test_selfcheck_reports_each_check_and_never_replays_the_journal(qapp, ledger, tmp_path, capsys):
    """`qapp` first: the Qt check, in this process, uses the application there is and makes a
    QGuiApplication only if there is none; that one would outlive the test and every later
    widget test in this worker would abort ("Cannot create a QWidget without QApplication").
    The packaged program's own selfcheck (tests/packaging/test_build.py) starts with none."""
    url, engine = ledger
    player = make_player(engine)
    journal_path = tmp_path / "journal.sqlite"
    pending = cmd("deposit", player, "700")
    journal = Journal(journal_path, terminal_id="T-TEST")
    journal.append_pending(pending, ledger="anything")
    journal.close()

    rc = main(["--database-url", url, "--journal", str(journal_path), "selfcheck", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert rc == 0, report
    assert [c["name"] for c in report["checks"]] == ["config", "resources", "qt", "syslibs", "ledger", "journal"]
    assert "1 pending" in report["checks"][-1]["detail"]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE id = :i"),
                            {"i": pending.id}).scalar() == 0


def test_selfcheck_fails_on_a_tampered_journal_and_an_unreachable_ledger(tmp_path, capsys):
    journal_path = tmp_path / "journal.sqlite"
    journal = Journal(journal_path, terminal_id="T-TEST")
    journal.append_pending(cmd("deposit", "p-1", "5"), ledger="anything")
    journal.close()
    db = sqlite3.connect(journal_path)
    db.execute("UPDATE records SET body = replace(body, '5', '9')")
    db.commit()
    db.close()
    rc = main(["--database-url", "postgresql://nobody@127.0.0.1:1/none", "--journal", str(journal_path),
               "selfcheck", "--no-qt"])
    out = capsys.readouterr().out
    assert rc == 1
    assert "FAIL  ledger" in out and "FAIL  journal" in out
    assert "selfcheck: 2 of 4 checks failed" in out
