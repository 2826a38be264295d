"""A pg_auto_failover formation the test OWNS: a monitor and two nodes on 127.0.0.1, each on
its own port in a temp dir, run as the unprivileged `postgres` user when we are root.

The monitor's health checks are tightened (1 s period, a node unhealthy after 3 s) so a
failover takes seconds, not the production default of about 30 s. `kill_primary()` is the
primary's machine dying: SIGKILL of its postmaster AND of its pg_autoctl keeper (a live
keeper would restart its postmaster at once, which is a restart, not a failover).
`rejoin()` starts the old primary's keeper again; it rewinds and follows as standby.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.support.faults import _pg_bindir, free_port, wait_until

MONITOR_SETTINGS = {
    "pgautofailover.health_check_period": "1000",
    "pgautofailover.health_check_timeout": "1000",
    "pgautofailover.health_check_max_retries": "1",
    "pgautofailover.health_check_retry_delay": "500",
    "pgautofailover.node_considered_unhealthy_timeout": "3000",
    "pgautofailover.primary_demote_timeout": "5000",
}


def available() -> bool:
    return shutil.which("pg_autoctl") is not None and bool(list(Path("/usr/lib/postgresql").glob("*/lib/pgautofailover.so")))


@dataclass
class Node:
    name: str
    port: int
    pgdata: Path
    keeper: subprocess.Popen | None = None


class AutoFailoverCluster:
    def __init__(self, *, base: Path | None = None) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="autofailover-", dir=base))
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            pw = pwd.getpwnam(self.user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        self.pgctl = str(_pg_bindir() / "pg_ctl")
        self.monitor = Node("monitor", free_port(), self.dir / "monitor")
        self.nodes = [Node(f"node{i}", free_port(), self.dir / f"node{i}") for i in (1, 2)]
        self.logs: list[Path] = []

    # -- processes -------------------------------------------------------------------------

    def _env(self, node: Node) -> dict[str, str]:
        return dict(os.environ, PGDATA=str(node.pgdata), XDG_CONFIG_HOME=str(self.dir / "config"),
                    XDG_DATA_HOME=str(self.dir / "data"), XDG_RUNTIME_DIR=str(self.dir / "run"),
                    PG_AUTOCTL_DEBUG="0", HOME=str(self.dir))

    def _argv(self, argv: list[str]) -> list[str]:
        return ["runuser", "-u", self.user, "--", *argv] if self.user else argv

    def _run(self, node: Node, *args: str, timeout: float = 120) -> str:
        r = subprocess.run(self._argv(["pg_autoctl", *args]), env=self._env(node), capture_output=True,
                           text=True, timeout=timeout, cwd=self.dir)
        if r.returncode != 0:
            raise RuntimeError(f"pg_autoctl {' '.join(args)} failed: {r.stderr[-3000:]}")
        return r.stdout

    def _keep(self, node: Node) -> None:
        log = self.dir / f"{node.name}.log"
        self.logs.append(log)
        with open(log, "ab") as out:
            node.keeper = subprocess.Popen(self._argv(["pg_autoctl", "run", "--pgdata", str(node.pgdata)]),
                                           env=self._env(node), stdout=out, stderr=subprocess.STDOUT,
                                           cwd=self.dir, start_new_session=True)

    # -- life cycle ------------------------------------------------------------------------

    def start(self, timeout: float = 120) -> "AutoFailoverCluster":
        m = self.monitor
        self._run(m, "create", "monitor", "--pgdata", str(m.pgdata), "--pgport", str(m.port),
                  "--pgctl", self.pgctl, "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl")
        # pg_autoctl starts the monitor with `-h <its listen_addresses>`, "*" unless told.
        self._run(m, "config", "set", "--pgdata", str(m.pgdata), "postgresql.listen_addresses", "127.0.0.1")
        with open(m.pgdata / "postgresql.conf", "a") as conf:
            conf.write("\nlisten_addresses = '127.0.0.1'\n"
                       + "".join(f"{k} = {v}\n" for k, v in MONITOR_SETTINGS.items()))
        self._keep(m)
        wait_until(lambda: self._ready(m.port), timeout, what="the monitor")
        for i, node in enumerate(self.nodes):
            self._run(node, "create", "postgres", "--pgdata", str(node.pgdata), "--pgport", str(node.port),
                      "--pgctl", self.pgctl, "--hostname", "127.0.0.1", "--listen", "127.0.0.1",
                      "--name", node.name, "--auth", "trust", "--no-ssl", "--monitor", self.monitor_url,
                      "--candidate-priority", "50", "--replication-quorum", "true", timeout=timeout)
            with open(node.pgdata / "postgresql.conf", "a") as conf:
                # checkpoint_completion_target 0: a requested checkpoint is not spread out.
                # When the old primary cannot be rewound, its keeper falls back to
                # pg_basebackup, which waits for a checkpoint on the new primary: spread, that
                # took 29 s here and grows with the load and the dirty buffers (up to 0.9 ×
                # checkpoint_timeout), past the test's 90 s wait for the rejoin.
                conf.write(f"\nunix_socket_directories = '{self.dir}'\nmax_connections = 300\n"
                           "checkpoint_completion_target = 0\n")
            # The keeper's own local connections go to that socket directory too: else it looks
            # in the default one, and after kill_primary its crash-recovery step before pg_rewind
            # cannot reach the server (it gives up after 3 s and stops the server unasked).
            self._run(node, "config", "set", "--pgdata", str(node.pgdata), "postgresql.host", str(self.dir))
            self._keep(node)
            want = "single" if i == 0 else "secondary"
            wait_until(lambda n=node, w=want: self.state(n.name) == (w, w), timeout,
                       interval=0.2, what=f"{node.name} {want}")
        wait_until(lambda: self.state(self.nodes[0].name) == ("primary", "primary"), timeout, interval=0.2,
                   what="node1 primary with a synchronous standby")
        return self

    @property
    def monitor_url(self) -> str:
        return f"postgres://autoctl_node@127.0.0.1:{self.monitor.port}/pg_auto_failover?sslmode=disable"

    def url(self, database: str = "postgres") -> str:
        """The multi-host URL terminals use: whichever node accepts writes. libpq's own form
        (host=a,b&port=p,q), which SQLAlchemy passes through and raw psycopg/libpq reads too."""
        hosts = ",".join("127.0.0.1" for _ in self.nodes)
        ports = ",".join(str(n.port) for n in self.nodes)
        return (f"postgresql+psycopg://postgres@/{database}?host={hosts}&port={ports}"
                "&target_session_attrs=read-write&connect_timeout=2")

    def _ready(self, port: int) -> bool:
        r = subprocess.run([str(_pg_bindir() / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)],
                           capture_output=True, timeout=10)
        return r.returncode == 0

    def _monitor_query(self, sql: str, **params):
        engine = create_engine(f"postgresql+psycopg://autoctl_node@127.0.0.1:{self.monitor.port}/pg_auto_failover",
                               poolclass=None)
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql), params).all()
        finally:
            engine.dispose()

    def state(self, name: str) -> tuple[str, str] | None:
        rows = self._monitor_query("SELECT reportedstate::text, goalstate::text FROM pgautofailover.node "
                                   "WHERE nodename = :n", n=name)
        return tuple(rows[0]) if rows else None

    def primary(self) -> Node:
        for node in self.nodes:
            if self.state(node.name) == ("primary", "primary"):
                return node
        raise RuntimeError("no node is primary")

    def postmaster_pid(self, node: Node) -> int:
        return int((node.pgdata / "postmaster.pid").read_text().splitlines()[0])

    def kill_primary(self) -> Node:
        """SIGKILL the primary's keeper and postmaster (its machine died); returns it."""
        node = self.primary()
        pid = self.postmaster_pid(node)
        os.killpg(node.keeper.pid, signal.SIGKILL)
        node.keeper.wait(10)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return node

    def wait_promoted(self, old: Node, timeout: float = 60) -> Node:
        other = next(n for n in self.nodes if n is not old)
        wait_until(lambda: self.state(other.name) in (("wait_primary", "wait_primary"), ("primary", "primary")),
                   timeout, interval=0.2, what=f"{other.name} promoted")
        return other

    def rejoin(self, node: Node, timeout: float = 90) -> None:
        """The old primary's machine is back: its keeper rewinds it and it follows as standby."""
        self._keep(node)
        wait_until(lambda: self.state(node.name) == ("secondary", "secondary"), timeout, interval=0.2,
                   what=f"{node.name} back as standby")

    def keep_logs(self) -> None:
        """Copy the keepers' and servers' logs to $CASHIER_FAILOVER_LOGS (a failed run's evidence)."""
        into = os.environ.get("CASHIER_FAILOVER_LOGS")
        if not into:
            return
        target = Path(into) / self.dir.name
        target.mkdir(parents=True, exist_ok=True)
        for log in {*self.logs, *self.dir.glob("*/log/*")}:
            owner = log.parent.parent.name if log.parent.name == "log" else "keeper"
            try:
                shutil.copy(log, target / f"{owner}-{log.name}")
            except OSError:
                pass

    def destroy(self) -> None:
        self.keep_logs()
        for node in [*self.nodes, self.monitor]:
            if node.keeper is not None and node.keeper.poll() is None:
                try:
                    os.killpg(node.keeper.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                node.keeper.wait(10)
            pidfile = node.pgdata / "postmaster.pid"
            if pidfile.exists():
                try:
                    os.kill(int(pidfile.read_text().splitlines()[0]), signal.SIGKILL)
                except (ProcessLookupError, ValueError, IndexError):
                    pass
        shutil.rmtree(self.dir, ignore_errors=True)
