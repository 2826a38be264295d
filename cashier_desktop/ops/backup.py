"""Backups that restore: a base backup plus archived WAL, and a point-in-time restore.

Plain PostgreSQL tools (`pg_basebackup`, `archive_command`, `restore_command`), so an
operator can do every step by hand as well. A restore to an earlier point loses postings
the terminals' journals hold as posted; `reconcile` lists them as "only in the journal",
which is why the restore ends with `integrity` and `reconcile`, not with reopening the cage.
"""

from __future__ import annotations

import glob
import shlex
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    """A backup or restore step failed; the message is one sentence for the operator."""


def pg_bindir() -> Path:
    """The newest server install's programs (Debian's /usr/lib/postgresql/N/bin), else PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_basebackup"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_basebackup")
    if on_path:
        return Path(on_path).parent
    raise BackupError("pg_basebackup was not found: install the PostgreSQL client programs")


def archive_settings(archive: Path) -> dict[str, str]:
    """postgresql.conf settings that copy every finished WAL segment into `archive`
    (never overwriting one: a second copy of a name means two servers share the archive).

    The copy goes to a temporary name and is renamed into place: a restore reading the
    archive while the server still archives into it (a point-in-time restore next to the
    running ledger) would otherwise find a segment half copied and stop ("archive file …
    has wrong size"), as the restore test once did."""
    a = shlex.quote(str(archive))
    return {
        "wal_level": "replica",
        "archive_mode": "on",
        "archive_command": f"test ! -f {a}/%f && cp %p {a}/%f.part && mv {a}/%f.part {a}/%f",
        "archive_timeout": "60",  # a quiet cage still archives a segment a minute: RPO 1 min
    }


def conf_lines(settings: dict[str, str]) -> str:
    return "".join(f"{k} = '{v.replace(chr(39), chr(39) * 2)}'\n" for k, v in settings.items())


def base_backup(url: str, dest: Path, *, bindir: Path | None = None, timeout: float = 600) -> Path:
    """`pg_basebackup` of the server `url` names into `dest` (plain format, WAL streamed in,
    a fast checkpoint). `dest` must not exist or be empty. The role needs REPLICATION."""
    u = make_url(url)
    cmd = [str((bindir or pg_bindir()) / "pg_basebackup"), "-D", str(dest), "-Fp", "-X", "stream",
           "-c", "fast", "-w", "-h", u.host or "127.0.0.1", "-p", str(u.port or 5432),
           "-U", u.username or "postgres", "-l", f"cashier-desktop {datetime.now().isoformat(timespec='seconds')}"]
    env = None
    if u.password:
        import os
        env = dict(os.environ, PGPASSWORD=u.password)
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if result.returncode != 0:
        raise BackupError(f"pg_basebackup failed: {(result.stderr.strip().splitlines() or ['no output'])[-1]}")
    return dest


def prepare_restore(base: Path, archive: Path, pgdata: Path, *, target_time: datetime | None = None) -> Path:
    """Make `pgdata` a copy of the base backup that, when started, replays the archived WAL
    up to `target_time` (all of it when None) and then opens for writing.

    The target is exclusive: a posting committed exactly at it is not restored.
    """
    if not (base / "PG_VERSION").is_file():
        raise BackupError(f"{base} is not a base backup (no PG_VERSION)")
    if pgdata.exists() and any(pgdata.iterdir()):
        raise BackupError(f"{pgdata} is not empty: restore into a new directory")
    if target_time is not None and target_time.tzinfo is None:
        raise BackupError("the target time needs a time zone (e.g. 2026-12-04T11:30:00+00:00)")
    shutil.copytree(base, pgdata, dirs_exist_ok=True)
    (pgdata / "postmaster.pid").unlink(missing_ok=True)
    settings = {"restore_command": f"cp {shlex.quote(str(archive))}/%f %p", "recovery_target_action": "promote",
                # the restored server must not archive into the live server's archive
                "archive_mode": "off"}
    if target_time is not None:
        settings["recovery_target_time"] = target_time.isoformat()
        settings["recovery_target_inclusive"] = "false"
    with open(pgdata / "postgresql.auto.conf", "a", encoding="utf-8") as conf:
        conf.write("\n# cashier-desktop backup restore\n" + conf_lines(settings))
    (pgdata / "recovery.signal").touch()
    pgdata.chmod(0o700)
    return pgdata
