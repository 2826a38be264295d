"""A point-in-time restore from a base backup and the WAL archive, on a PostgreSQL the test
owns: postings before the target come back, postings after it do not, the ledger's balances
and hash chains are clean, and the terminal's journal lists the lost ones as "only in the
journal" (for a supervisor to post again) — the operator's commands, run as processes."""

from __future__ import annotations

import json
import os
import pwd
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.seed import seed_staff
from cashier_desktop.ops.backup import BackupError, archive_settings, base_backup, conf_lines, prepare_restore
from tests.support.factories import make_player
from tests.support.faults import OwnedPostgres, wait_until
from tests.support.journal_terminal import cli, open_terminal

pytestmark = pytest.mark.slow


def _chown(path: Path, user: str | None) -> None:
    if not user:
        return
    pw = pwd.getpwnam(user)
    for root, dirs, files in os.walk(path):
        for name in (root, *(os.path.join(root, n) for n in dirs + files)):
            os.chown(name, pw.pw_uid, pw.pw_gid)


@pytest.fixture
def archived_server():
    server = OwnedPostgres()
    archive = server.dir / "archive"
    archive.mkdir()
    _chown(archive, server.user)
    with open(server.pgdata / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(conf_lines(archive_settings(archive)))
    server.start()
    yield server, archive
    server.destroy()


@pytest.fixture
def spare_server():
    server = OwnedPostgres()
    yield server
    server.destroy()


def test_a_point_in_time_restore_keeps_what_came_before_and_the_journal_names_what_came_after(
        archived_server, spare_server, tmp_path):
    server, archive = archived_server
    url = server.create_database("cashier")
    engine = make_engine(url)
    migrate.upgrade(engine)
    seed_staff(engine)
    players = [make_player(engine) for _ in range(3)]
    base = base_backup(url, server.dir / "base")
    _chown(base, server.user)

    terminal = open_terminal(url, engine, tmp_path, terminal_id="T-RESTORE")
    try:
        before = [terminal.post("deposit", p, "100") for p in players]
        before.append(terminal.post("withdrawal", players[0], "30"))
        with engine.connect() as conn:
            target = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
        after = [terminal.post("deposit", p, "7") for p in players]
    finally:
        terminal.close()
    with engine.connect() as conn:
        expected = dict(conn.execute(text(
            "SELECT id, balance FROM players WHERE id = ANY(:p)"), {"p": players}).all())
        last = conn.execute(text("SELECT pg_walfile_name(pg_current_wal_lsn())")).scalar_one()
        conn.execute(text("SELECT pg_switch_wal()"))
        wait_until(lambda: (archive / last).exists(), 30, what="the WAL segment with the later postings archived")
    engine.dispose()
    server.stop("immediate")  # the primary is lost; only the backup and the archive remain

    restored = spare_server
    shutil.rmtree(restored.pgdata)
    prepare_restore(base, archive, restored.pgdata, target_time=target)
    with open(restored.pgdata / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(f"\nport = {restored.port}\nunix_socket_directories = '{restored.dir}'\n")
    _chown(restored.pgdata, restored.user)
    restored.start()
    restored_url = restored.url("cashier")
    r_engine = make_engine(restored_url)
    try:
        def promoted() -> bool:
            with r_engine.connect() as conn:
                return not conn.execute(text("SELECT pg_is_in_recovery()")).scalar_one()
        wait_until(promoted, 60, what="the restored server to finish recovery and open")
        with r_engine.connect() as conn:
            ids = {str(i) for i in conn.execute(text(
                "SELECT id FROM ledger_transactions WHERE terminal_id = 'T-RESTORE'")).scalars()}
            balances = dict(conn.execute(text(
                "SELECT id, balance FROM players WHERE id = ANY(:p)"),
                {"p": players}).all())
        assert ids == {str(r.id) for r in before}, "exactly the postings before the target are restored"
        assert balances[players[0]] == 70 and balances[players[1]] == 100 and balances[players[2]] == 100
        assert expected[players[1]] == 107, "the lost postings were in the ledger before the failure"
    finally:
        r_engine.dispose()

    integrity = cli(["integrity", "--json"], url=restored_url, journal=tmp_path / "unused.sqlite",
                    terminal_id="T-OPS")
    assert integrity.returncode == 0, integrity.stdout + integrity.stderr

    rec = cli(["reconcile", "--terminal", "T-RESTORE", "--from", "2000-01-01", "--to", "2100-01-01", "--json"],
              url=restored_url, journal=terminal.journal_path, terminal_id="T-RESTORE")
    assert rec.returncode == 1, rec.stdout + rec.stderr  # something to resolve: the lost postings
    lines = {ln["id"]: ln["status"] for ln in json.loads(rec.stdout)["lines"]}
    assert lines == {**{str(r.id): "matched" for r in before}, **{str(r.id): "only_in_journal" for r in after}}


def test_a_restore_refuses_a_target_without_a_time_zone_and_a_used_directory(tmp_path):
    from datetime import datetime
    base = tmp_path / "base"
    base.mkdir()
    (base / "PG_VERSION").write_text("15\n")
    used = tmp_path / "used"
    used.mkdir()
    (used / "PG_VERSION").write_text("15\n")
    with pytest.raises(BackupError, match="not empty"):
        prepare_restore(base, tmp_path, used)
    with pytest.raises(BackupError, match="time zone"):
        prepare_restore(base, tmp_path, tmp_path / "new", target_time=datetime(2026, 1, 1))
    with pytest.raises(BackupError, match="not a base backup"):
        prepare_restore(tmp_path / "nothing", tmp_path, tmp_path / "new2")
