"""The operator's `backup` commands: the archive settings, and bad input as one sentence."""

from __future__ import annotations

from cashier_desktop.cli import main


def test_backup_settings_prints_the_archiving_lines(tmp_path, capsys):
    assert main(["backup", "settings", "--archive", str(tmp_path / "wal")]) == 0
    out = capsys.readouterr().out
    assert "archive_mode = 'on'" in out and "wal_level = 'replica'" in out
    wal = tmp_path / "wal"
    assert f"archive_command = 'test ! -f {wal}/%f && cp %p {wal}/%f.part && mv {wal}/%f.part {wal}/%f'" in out


def test_a_restore_with_a_bad_target_is_one_sentence_and_exit_2(tmp_path, capsys):
    rc = main(["backup", "restore", "--base", str(tmp_path), "--archive", str(tmp_path), "--pgdata",
               str(tmp_path / "new"), "--target-time", "yesterday"])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.strip().count("\n") == 0 and "is not an ISO date-time" in err and "Traceback" not in err
    rc = main(["backup", "restore", "--base", str(tmp_path), "--archive", str(tmp_path), "--pgdata",
               str(tmp_path / "new")])
    assert rc == 2 and "is not a base backup" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_a_base_backup_of_an_unreachable_server_is_one_sentence(tmp_path, capsys):
    rc = main(["--database-url", "postgresql://nobody@127.0.0.1:1/none", "backup", "base", "--to",
               str(tmp_path / "b")])
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith("cashier-desktop: pg_basebackup failed:") and err.strip().count("\n") == 0
