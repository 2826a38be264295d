"""A real terminal for journal tests: services on a test database through a TCP proxy the
test owns, with its own journal file, an open shift and a logged-in cashier."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from cashier_desktop.config import load_config
from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.terminal.counter import submit
from cashier_desktop.terminal.services import Services, open_services
from cashier_desktop.terminal.session import login
from tests.support.factories import cmd
from tests.support.shifts import open_test_shift
from tests.support.tcp_proxy import TcpProxy

PINS = {"C100": "1111", "F200": "2222", "S300": "3333"}


@dataclass
class Terminal:
    services: Services
    proxy: TcpProxy
    terminal_id: str
    shift_id: int | None
    journal_path: Path
    url: str

    @property
    def journal(self):
        return self.services.local.journal

    @property
    def link(self):
        return self.services.local.link

    def login(self, staff_id: str = "C100"):
        return login(self.services, staff_id, PINS[staff_id]).staff

    def post(self, kind: str, player: str, amount: str, staff=None, **kw):
        """Through the counter's one posting service, as the GUI and the CLI do."""
        staff = staff or self.login()
        c: PostingCommand = cmd(kind, player, amount, staff=staff.id, terminal_id=self.terminal_id, **kw)
        return submit(self.services, staff, c)

    def post_command(self, c: PostingCommand, staff=None):
        """A command built by the test, through the same posting service."""
        return submit(self.services, staff or self.login(), c)

    def close(self) -> None:
        self.services.close()
        self.proxy.close()


def proxy_for(url: str) -> TcpProxy:
    u = make_url(url)
    return TcpProxy(u.host or "127.0.0.1", u.port or 5432)


def terminal_config(url: str, journal_path: Path, terminal_id: str, **overrides):
    values = {"terminal.id": terminal_id, "terminal.journal": str(journal_path), "ledger.url": url}
    values.update({k.replace("_", ".", 1): v for k, v in overrides.items()})
    return load_config(env={"CASHIER_CONFIG": ""}, overrides=values)


def open_terminal(url: str, engine, tmp_path: Path, *, terminal_id: str | None = None, shift: bool = True,
                  proxy: TcpProxy | None = None, float_amount: str = "0", **offline) -> Terminal:
    """`offline` keys as `offline_deposit_cap="100"` → config `offline.deposit_cap`; the shift
    opens with `float_amount` (a drawer pays out only what it holds, 0023)."""
    import uuid
    terminal_id = terminal_id or f"T-{uuid.uuid4().hex[:8]}"
    proxy = proxy or proxy_for(url)
    proxied = proxy.url(url)
    shift_id = open_test_shift(engine, terminal_id, float_amount=float_amount) if shift else None
    journal_path = tmp_path / f"journal-{terminal_id}.sqlite"
    services = open_services(terminal_config(proxied, journal_path, terminal_id, **offline))
    return Terminal(services, proxy, terminal_id, shift_id, journal_path, proxied)


def cli(args: list[str], *, url: str, journal: Path, terminal_id: str, pin: str = "1111",
        extra_env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `cashier-desktop` as a real terminal process."""
    env = dict(os.environ, CASHIER_DATABASE_URL=url, CASHIER_JOURNAL=str(journal),
               CASHIER_TERMINAL_ID=terminal_id, CASHIER_PIN=pin, CASHIER_CONFIG="",
               CASHIER_ARGON2_PROFILE="cheap")
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "cashier_desktop", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def cli_popen(args: list[str], *, url: str, journal: Path, terminal_id: str, pin: str = "1111",
              extra_env: dict | None = None) -> subprocess.Popen:
    env = dict(os.environ, CASHIER_DATABASE_URL=url, CASHIER_JOURNAL=str(journal),
               CASHIER_TERMINAL_ID=terminal_id, CASHIER_PIN=pin, CASHIER_CONFIG="",
               CASHIER_ARGON2_PROFILE="cheap")
    env.update(extra_env or {})
    # The crash windows are armed by a runner of the tests (the shipped terminal has none).
    entry = "tests.support.crash_terminal" if "CASHIER_CRASH_AT" in env else "cashier_desktop"
    if entry != "cashier_desktop":
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return subprocess.Popen([sys.executable, "-m", entry, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
