"""Who is alive among the processes that share one journal file.

Several processes of one terminal may open its journal at once (the GUI, a script running
the CLI, a second CLI run). An entry being sent is *claimed* in the journal by the process
sending it (see `store.Journal.claim…`), and no other process may send, settle or refuse it
while that claim's owner lives. Liveness must survive SIGKILL and never be guessed from a
timer, so each open journal holds an exclusive lock on a file of its own
(`<journal>.owners/<token>.lock`) for as long as it is open: the kernel drops the lock when
the process dies, however it dies. Another process tests a token by trying the same lock
without blocking: it gets it only if the owner is gone.

`flock` (BSD) locks belong to an open file, not to the process, so two journals open in one
process are told apart too; tokens of this process are also answered from memory.
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
from pathlib import Path

try:  # POSIX
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

_LIVE_HERE: set[str] = set()  # tokens held by this process
_LIVE_LOCK = threading.Lock()


def owners_dir(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + ".owners")


class Ownership:
    """This process's proof of life for one open journal. `close()` gives it up.

    Callers must keep the object until they close the journal: while it exists, entries
    claimed under `token` are in flight and no one else touches them.
    """

    def __init__(self, journal_path: Path) -> None:
        self.dir = owners_dir(journal_path)
        self.dir.mkdir(mode=0o700, exist_ok=True)
        self.token = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(6)}"
        self.path = self.dir / f"{_file_name(self.token)}.lock"
        # Locked under a private name first, then renamed into place (atomic; the lock stays
        # with the file): a `.lock` file anyone can see is already held by its owner.
        staging = self.dir / f"{_file_name(self.token)}.new"
        self._fd = os.open(staging, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        if not _try_lock(self._fd):  # a fresh random name: cannot be held by anyone
            os.close(self._fd)
            raise RuntimeError(f"could not lock {staging}")
        os.write(self._fd, self.token.encode())
        os.replace(staging, self.path)
        with _LIVE_LOCK:
            _LIVE_HERE.add(self.token)
        _tidy(self.dir, keep=self.path)

    def close(self) -> None:
        with _LIVE_LOCK:
            _LIVE_HERE.discard(self.token)
        if self._fd >= 0:
            try:
                self.path.unlink(missing_ok=True)
            finally:
                _unlock(self._fd)
                os.close(self._fd)
                self._fd = -1


def _tidy(folder: Path, *, keep: Path) -> None:
    """Remove the lock files of owners that died without closing (SIGKILL): best effort."""
    for path in folder.glob("*.lock"):
        if path == keep:
            continue
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            if _try_lock(fd):
                path.unlink(missing_ok=True)
                _unlock(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _file_name(token: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in token)


def is_alive(journal_path: Path, token: str) -> bool:
    """True while the journal that holds `token` is open in some live process."""
    with _LIVE_LOCK:
        if token in _LIVE_HERE:
            return True
    host = token.split(":", 1)[0]
    if host != socket.gethostname():
        return True  # a journal on a shared folder, claimed from another machine: never guess
    path = owners_dir(journal_path) / f"{_file_name(token)}.lock"
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        if not _try_lock(fd):
            return True
        _unlock(fd)
        path.unlink(missing_ok=True)  # its owner died without closing: tidy up
        return False
    finally:
        os.close(fd)
