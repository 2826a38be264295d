"""A real soketi (Pusher-protocol server) for tests, on loopback only, stopped by pid.

Every interface soketi can bind (HTTP/WebSocket, metrics, cluster discovery) is pinned
to 127.0.0.1 on ports chosen free at start: by default it would listen everywhere and
broadcast discovery packets on the network every 500 ms. `kill()` and `start()` again
keep the same ports, so clients can reconnect to "the same server" in outage tests.

A port found free can be taken by another test run before soketi binds it (soketi then
logs "up and running" and listens on nothing, and /ready may be answered by someone
else's server), and a cluster UDP port taken first makes soketi exit at once. So a start
counts only when soketi's own processes are seen listening on both TCP ports and bound to
the UDP one (read back from /proc); otherwise it is stopped and started on new ports.
(Letting soketi choose with port 0 does not work: a restart on the ports it chose fails to
bind while their TIME_WAIT connections last.)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.ports import bound_udp_ports, listening_tcp_ports

ROOT = Path(__file__).resolve().parents[2]
SOKETI = ROOT / "node_modules" / ".bin" / "soketi"


def free_tcp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bindable(port: int) -> bool:
    """Nobody listens on `port` (a TIME_WAIT left by our own earlier soketi is fine)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _udp_bindable(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Soketi:
    """One soketi process. `app_id` is all digits (the `pusher` HTTP client wants that)."""

    app_id: str = field(default_factory=lambda: str(100000 + uuid.uuid4().int % 800000))
    key: str = field(default_factory=lambda: "key-" + uuid.uuid4().hex[:12])
    secret: str = field(default_factory=lambda: "secret-" + uuid.uuid4().hex)
    port: int = field(default_factory=free_tcp_port)
    metrics_port: int = field(default_factory=free_tcp_port)
    cluster_port: int = field(default_factory=free_udp_port)
    proc: subprocess.Popen | None = None
    log_path: Path | None = None  # default: a temp file, deleted at `stop()`

    def __post_init__(self) -> None:
        self._own_log = self.log_path is None
        self._started = False
        if self.log_path is None:
            fd, name = tempfile.mkstemp(prefix="soketi-", suffix=".log")
            os.close(fd)
            self.log_path = Path(name)

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "SOKETI_HOST": "127.0.0.1", "SOKETI_METRICS_HOST": "127.0.0.1",
            "SOKETI_CLUSTER_HOST": "127.0.0.1", "SOKETI_CLUSTER_UNICAST_ADDRESSES": "127.0.0.1",
            "SOKETI_CLUSTER_PORT": str(self.cluster_port),
            "SOKETI_METRICS_SERVER_PORT": str(self.metrics_port),
            "SOKETI_PORT": str(self.port),
            "SOKETI_DEFAULT_APP_ID": self.app_id, "SOKETI_DEFAULT_APP_KEY": self.key,
            "SOKETI_DEFAULT_APP_SECRET": self.secret,
            # As production must be: no client events (a subscriber could write a channel).
            "SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES": "false",
        })
        return env

    def pusher_env(self) -> dict[str, str]:
        """The CASHIER_PUSHER_* variables pointing a terminal or relay at this server."""
        return {"CASHIER_PUSHER_APP_ID": self.app_id, "CASHIER_PUSHER_KEY": self.key,
                "CASHIER_PUSHER_SECRET": self.secret, "CASHIER_PUSHER_HOST": self.host,
                "CASHIER_PUSHER_PORT": str(self.port), "CASHIER_PUSHER_TLS": "false"}

    def config_values(self) -> dict:
        return {"pusher.app_id": self.app_id, "pusher.key": self.key, "pusher.secret": self.secret,
                "pusher.host": self.host, "pusher.port": self.port, "pusher.tls": False}

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/ready", timeout=1) as r:
                return r.status == 200
        except OSError:
            return False

    def owns_ports(self) -> bool:
        """soketi's own processes listen on both its TCP ports and hold its cluster UDP port
        (not someone else's server or socket)."""
        return (self.proc is not None and {self.port, self.metrics_port} <= listening_tcp_ports(self.proc.pid)
                and self.cluster_port in bound_udp_ports(self.proc.pid))

    def _new_ports(self) -> None:
        self.port, self.metrics_port, self.cluster_port = free_tcp_port(), free_tcp_port(), free_udp_port()

    def start(self, timeout: float = 20.0, *, new_ports_on_clash: bool | None = None) -> "Soketi":
        """Start and wait until soketi itself listens on its ports and answers /ready.

        A clash (another process took a port first) is retried on fresh ports, except on a
        restart (a second start), where clients expect the same address and a clash is an error.
        """
        if new_ports_on_clash is None:
            new_ports_on_clash = not self._started
        if not SOKETI.exists():
            raise RuntimeError(f"{SOKETI} is missing: run `npm ci` (make test does)")
        deadline = time.monotonic() + timeout
        while True:
            if self.ready() or not _bindable(self.port):
                if not new_ports_on_clash:
                    raise RuntimeError(f"something else holds port {self.port}")
                self._new_ports()
                continue
            outcome = self._spawn_and_wait(deadline)
            if outcome == "ready":
                self._started = True
                return self
            last = self.log_path.read_text()[-2000:]
            self._stop_process()
            if outcome == "clash" and new_ports_on_clash and time.monotonic() < deadline:
                self._new_ports()
                continue
            if self._own_log:
                self.log_path.unlink(missing_ok=True)
            raise RuntimeError(f"soketi did not become ready in {timeout}s ({outcome}): {last}")

    def _spawn_and_wait(self, deadline: float) -> str:
        log = open(self.log_path, "ab")
        # A restart appends to the same log: only what this process writes counts, or the
        # last run's "up and running" reads as this one's and a slow start looks like a clash.
        since = log.tell()
        self.proc = subprocess.Popen([str(SOKETI), "start"], env=self.env(), stdout=log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True, cwd=str(ROOT))
        log.close()
        up_since = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                if not _udp_bindable(self.cluster_port):
                    return "clash"  # soketi exits when its cluster port was taken first
                raise RuntimeError(f"soketi exited with {self.proc.returncode}: {self.log_path.read_text()[-2000:]}")
            if self.owns_ports() and self.ready():
                return "ready"
            if up_since is None and "up and running" in self._log_since(since):
                up_since = time.monotonic()
            if up_since is not None and time.monotonic() - up_since > 3:
                return "clash"  # it says it is up but does not listen: a port was taken first
            time.sleep(0.05)
        return "timeout"

    def _log_since(self, offset: int) -> str:
        """What the log gained after `offset` (bytes), the current process's own lines."""
        with open(self.log_path, "rb") as f:
            f.seek(offset)
            return f.read().decode(errors="replace")

    def kill(self) -> None:
        """SIGKILL the whole process group (npm's wrapper and node), wait until it is gone."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)
        self.proc = None
        deadline = time.monotonic() + 10
        while self.ready() and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop for good: the process group, then its log."""
        self._stop_process()
        if self._own_log:
            self.log_path.unlink(missing_ok=True)

    def _stop_process(self) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=1)  # soketi's graceful close takes seconds; tests need none
            self.proc = None
        except (ProcessLookupError, subprocess.TimeoutExpired):
            self.kill()
        self.proc = None

    def restart(self) -> None:
        self.kill()
        self.start()
