"""Proof under fire: several terminals, a portal, the relays and the feed, attacked at once.

`python -m tests.e2e.soak --duration SECONDS [--terminals N] [--seed S]` (or
`make soak DURATION=3600`) starts, all owned by this process and all on 127.0.0.1:

- a throwaway PostgreSQL (initdb + pg_ctl in a temp dir, never the machine's cluster),
  migrated, with shared players that have credit lines;
- a TCP proxy in front of it that the terminals connect through;
- soketi, two relays and feed subscribers (when the realtime layer exists);
- N headless terminals (`soak_terminal.py`: the GUI's own posting service), one terminal
  driven only through the CLI (`soak_cli.py`) and a player portal stand-in
  (`soak_portal.py`), all posting to the same players;
- a cage window (`soak_cage.py`) at its own terminal login (`db create-roles`, `add-login
  --terminal-id`): exchanges, fills and credits with the main bank, handovers between two
  cashiers (issue 17).

For `duration` seconds it injects faults at random, each kind in turn in a shuffled
order: a terminal SIGKILLed and restarted, PostgreSQL stopped (fast) or crashed
(immediate) and started, with `--failover` the primary of a pg_auto_failover pair killed
and the standby promoted (the old primary rejoining as standby), every proxied connection cut, the proxy refusing connections for
a while, soketi killed, a relay killed, the portal SIGKILLed. Then it heals everything,
lets the terminals finish and replay, waits for the relays and subscribers to catch up,
and proves the result (tests/e2e/soak_checks.py, soak_proof.py), printing one table. Exit
status 0 when every check that ran holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import seed_staff
from cashier_desktop.ledger.staff import add_staff

from tests.e2e import soak_checks, soak_journal
from tests.e2e import soak_cage
from tests.e2e.soak_attack import Attacks
from tests.e2e.soak_cli import TERMINAL as CLI_TERMINAL, CliWriter
from tests.e2e.soak_portal import PORTAL_STAFF
from tests.e2e.soak_proof import Report
from tests.support.tcp_proxy import TcpProxy
from tests.support.faults import Child, OwnedPostgres, wait_until

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CLI = [PYTHON, "-m", "cashier_desktop"]
SECOND_PROCESS = "-second-process"  # the name suffix of the process sharing terminal 1's journal


def cli_commands() -> set[str]:
    """The subcommands this build of `cashier-desktop` has (features land over time)."""
    from cashier_desktop.cli import build_parser
    parser = build_parser()
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public accessor
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            return set(action.choices)
    return set()


@dataclass
class Settings:
    duration: float = 60.0
    terminals: int = 3
    seed: int = 1
    players: int = 8
    rate: float = 8.0            # operations per second per terminal
    portal_rate: float = 4.0
    fault_gap: tuple[float, float] = (1.5, 3.5)
    subscribers: int = 2
    workdir: Path | None = None
    keep: bool = False
    cli_writer: bool = True      # one more terminal, driven only through `cashier-desktop post`
    relays: int = 2              # relays draining the outbox at once (high availability)
    kinds: tuple[str, ...] = ()  # empty = every kind available
    # The ledger as a pg_auto_failover formation (monitor, primary, synchronous standby) that
    # everyone reaches through the multi-host URL; adds the fault "primary killed, standby
    # promoted (old primary rejoins)". No proxy then (it fronts one server), so the
    # PostgreSQL and proxy kinds are left out.
    failover: bool = False
    cage_writer: bool = True     # a cage window: exchanges, fills/credits, handovers (soak_cage.py)


class MissingPart(RuntimeError):
    """A part the soak's proof needs (soketi, the journal, a command) is not installed."""


@dataclass
class Soak(Attacks):
    settings: Settings
    faults: dict[str, int] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    # -- set-up ---------------------------------------------------------------------------
    def __post_init__(self) -> None:
        s = self.settings
        self.dir = Path(s.workdir or tempfile.mkdtemp(prefix="soak-"))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.run_id = f"{s.seed}-{os.getpid()}-{int(time.time())}"
        self.commands = cli_commands()
        self.features = {
            "journal": soak_journal.available(),
            "journal_cli": "journal" in self.commands,
            "realtime": {"relay", "feed"} <= self.commands and (ROOT / "node_modules/.bin/soketi").exists(),
            "reconcile": "reconcile" in self.commands,
            "cli": {"post", "shift", "journal"} <= self.commands,
        }
        self.pg: OwnedPostgres | None = None
        self.cluster = None  # tests.support.autofailover.AutoFailoverCluster with settings.failover
        self.proxy: TcpProxy | None = None
        self.soketi = None
        self.relays: list[Child] = []
        self.subscribers: list[soak_checks.Subscriber] = []
        self.terminals: dict[str, Child] = {}
        self.portal: Child | None = None
        self.cli_writer: CliWriter | None = None
        self.cage: Child | None = None
        self.players = [f"soak-{i:02d}" for i in range(1, s.players + 1)]
        self.rng = random.Random(s.seed)
        self.scheduled: list[tuple[float, str, object]] = []
        self.windows: list[list[float]] = []  # [start, end] wall-clock of each fault, until healed
        self.latency_ms: dict[str, list[float]] = {}  # filled by the proof
        self.started_at = time.time()
        self.writers_started_at = self.started_at

    def note(self, msg: str) -> None:
        line = f"{time.time() - self.started_at:7.1f}s {msg}"
        self.log.append(line)
        print(line, flush=True)

    def _base_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CASHIER_", "PYTEST_"))}
        env.update({"PYTHONPATH": str(ROOT), "CASHIER_ARGON2_PROFILE": "cheap",
                    "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1",
                    "CASHIER_CONFIG": str(self.dir / "empty-config.toml"),
                    "CASHIER_TERMINAL_DATA_DIR": str(self.dir / "data")})
        if self.soketi is not None:
            env.update(self.soketi.pusher_env())
        return env

    def start_ledger(self) -> None:
        (self.dir / "empty-config.toml").write_text("")
        if self.settings.failover:
            from tests.support.autofailover import AutoFailoverCluster
            from sqlalchemy import create_engine
            self.cluster = AutoFailoverCluster()
            self.cluster.start()
            admin = create_engine(self.cluster.url("postgres"), isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.exec_driver_sql('CREATE DATABASE "soak"')
            admin.dispose()
            self.url = self.cluster.url("soak")
        else:
            self.pg = OwnedPostgres(base=None)
            self.pg.start()
            self.url = self.pg.create_database("soak")
        self.engine = make_engine(self.url, pool_size=4, application_name="soak-harness")
        migrate.upgrade(self.engine)
        seed_staff(self.engine)
        add_staff(self.engine, PORTAL_STAFF[0], PORTAL_STAFF[1], PORTAL_STAFF[2], PORTAL_STAFF[3], exist_ok=True)
        with self.engine.begin() as conn:
            for pid in self.players:
                conn.execute(text("INSERT INTO players (id, name) VALUES (:id, :n)"),
                             {"id": pid, "n": f"Soak player {pid[-2:]}"})
        for pid in self.players:  # credit lines through real postings, approved by F200
            post(self.engine, PostingCommand(kind=Kind.CREDIT_LINE, player_id=pid,
                                             amount=Money(Decimal("200000"), "INR"), staff_id="F200",
                                             approver_id="F200", terminal_id="SOAK-SETUP"))
        if self.settings.cage_writer:  # while soketi, the relays and subscribers start
            self._cage_ready = threading.Thread(target=self._prepare_cage_in_background,
                                                name="soak-cage-setup", daemon=True)
            self._cage_ready.start()
        if self.cluster is not None:
            self.proxied_url = self.url
            self.note(f"pg_auto_failover: primary :{self.cluster.nodes[0].port}, standby "
                      f":{self.cluster.nodes[1].port}, {len(self.players)} players; features {self.features}")
            return
        # tests/support/tcp_proxy.py shuts a broken connection's sockets down before closing
        # them, so no connection is left open and silent after a server restart.
        self.proxy = TcpProxy("127.0.0.1", self.pg.port)
        self.proxied_url = self.pg.url("soak", port=self.proxy.port)
        self.note(f"PostgreSQL on 127.0.0.1:{self.pg.port} (proxy :{self.proxy.port}), "
                  f"{len(self.players)} players; features {self.features}")

    def prepare_cage(self) -> None:
        """What the cage window needs, as production sets it up: `db create-roles` (which
        stores the cage policy), a terminal login bound to its terminal, its two cashiers,
        the seeded USD/EUR rates and a main bank funded from the count room."""
        from cashier_desktop.config import load_config
        from cashier_desktop.domain.policy import Policy
        from cashier_desktop.ledger import roles
        from cashier_desktop.ledger.api_tables import store_policy
        from cashier_desktop.ledger.seed import seed_bank, seed_fx_rates
        roles.create_roles(self.engine, prefix="soak")
        config = load_config(env={"CASHIER_CONFIG": str(self.dir / "empty-config.toml")})
        with self.engine.begin() as conn:  # the terminals' own (default) policy, as create-roles stores it
            store_policy(conn, Policy.from_values(config.values))
        roles.add_login(self.engine, soak_cage.LOGIN, "terminal", "soak-cage-Aa1", prefix="soak",
                        terminal_id=soak_cage.TERMINAL)
        for sid, pin in soak_cage.CASHIERS.items():
            add_staff(self.engine, sid, f"Cage cashier {sid}", "cashier", pin, exist_ok=True)
        seed_fx_rates(self.engine)
        seed_bank(self.engine)

    def _prepare_cage_in_background(self) -> None:
        try:
            self.prepare_cage()
        except BaseException as exc:  # noqa: BLE001 - re-raised by start_writers
            self._cage_error = exc

    def cage_url(self) -> str:
        """The cage window's URL: its own login, through the proxy like the terminals."""
        from sqlalchemy.engine import make_url
        return make_url(self.proxied_url).set(username=soak_cage.LOGIN, password="soak-cage-Aa1") \
            .render_as_string(hide_password=False)

    def start_realtime(self) -> None:
        if not self.features["realtime"]:
            return
        from tests.support.soketi import Soketi
        self.soketi = Soketi(log_path=self.dir / "soketi.log").start()
        env = {**self._base_env(), "CASHIER_DATABASE_URL": self.url}
        self.relays = [Child(f"relay{n}", [*CLI, "relay"], env=env, log=self.dir / f"relay{n}.log",
                             cwd=str(ROOT)).start() for n in range(1, self.settings.relays + 1)]
        watch = [None] + self.players[: max(0, self.settings.subscribers - 1)]
        for n, player in enumerate(watch):
            self.subscribers.append(soak_checks.Subscriber(
                f"sub{n}", player, env=env, path=self.dir / f"sub{n}.jsonl", cwd=str(ROOT)).start())
        # Latency is measured from here on: subscribers must be connected before anyone posts.
        wait_until(lambda: all(s.connected() for s in self.subscribers), 60, 0.05, "every subscriber connected")
        self.note(f"soketi :{self.soketi.port}, {len(self.relays)} relays, {len(self.subscribers)} subscribers connected")

    def _spec(self, name: str, **extra) -> Path:
        s = self.settings
        spec = {"run": self.run_id, "seed": s.seed, "players": self.players, "ops": 10_000_000,
                "deadline": time.time() + s.duration + 600, "stop_file": str(self.dir / "STOP"),
                "results": str(self.dir / f"{name}.jsonl"), "currency": "INR", **extra}
        path = self.dir / f"{name}.spec.json"
        path.write_text(json.dumps(spec, indent=1))
        return path

    def start_writers(self) -> None:
        env = self._base_env()
        for n in range(1, self.settings.terminals + 1):
            tid = f"SOAK-T{n}"
            spec = self._spec(tid, terminal_id=tid, staff="C100", pin="1111", rate=self.settings.rate,
                              database_url=self.proxied_url, journal=str(self.dir / f"{tid}.journal.sqlite"))
            # Every second terminal pays withdrawals offline (against the last known balance), so
            # replays meet withdrawals the ledger refuses by then: "rejected on replay".
            # Terminal 1 keeps the default offline caps (its per-shift cap runs out in a minute
            # of outages: refusals); the others may take a lot offline, so replay stays busy.
            tenv = {**env, "CASHIER_OFFLINE_WITHDRAWALS": "true" if n % 2 == 0 else "false"}
            if n > 1:
                tenv["CASHIER_OFFLINE_SHIFT_CAP"] = "100000000"
            self.terminals[tid] = Child(tid, [PYTHON, "-m", "tests.e2e.soak_terminal", str(spec)],
                                        env=tenv, log=self.dir / f"{tid}.log", cwd=str(ROOT)).start()
            if n == 1:
                # A second process on terminal 1's journal (the GUI and a script, say): every
                # answer either gives must still match the ledger ("told refused, yet posted": 0).
                name = f"{tid}{SECOND_PROCESS}"
                spec = self._spec(name, terminal_id=tid, writer=name, staff="C100", pin="1111",
                                  rate=self.settings.rate, database_url=self.proxied_url,
                                  journal=str(self.dir / f"{tid}.journal.sqlite"))
                self.terminals[name] = Child(name, [PYTHON, "-m", "tests.e2e.soak_terminal", str(spec)],
                                             env=tenv, log=self.dir / f"{name}.log", cwd=str(ROOT)).start()
        if self.settings.cli_writer and self.features["cli"]:
            spec = self._spec(CLI_TERMINAL, terminal_id=CLI_TERMINAL, staff="C100", pin="1111",
                              database_url=self.proxied_url, journal=str(self.dir / f"{CLI_TERMINAL}.journal.sqlite"))
            self.cli_writer = CliWriter(json.loads(spec.read_text()), env=env, cwd=str(ROOT)).start()
        if self.settings.cage_writer:
            self._cage_ready.join()
            if getattr(self, "_cage_error", None) is not None:
                raise self._cage_error
            spec = self._spec(soak_cage.TERMINAL, database_url=self.cage_url(), rate=2.0)
            self.cage = Child(soak_cage.TERMINAL, [PYTHON, "-m", "tests.e2e.soak_cage", str(spec)], env=env,
                              log=self.dir / f"{soak_cage.TERMINAL}.log", cwd=str(ROOT)).start()
        spec = self._spec("portal", database_url=self.url, rate=self.settings.portal_rate)
        self.portal = Child("portal", [PYTHON, "-m", "tests.e2e.soak_portal", str(spec)], env=env,
                            log=self.dir / "portal.log", cwd=str(ROOT)).start()
        self.writers_started_at = time.time()  # latency counts events from here (not the set-up's)
        self.note(f"{len(self.terminals)} terminals and the portal started")

    # -- ending ---------------------------------------------------------------------------
    def heal_and_finish(self) -> None:
        self._run_due(everything=True)
        if self.pg is not None and not self.pg.running():
            self.pg.start()
        if self.proxy is not None:
            self.proxy.accept()
        if self.soketi is not None and self.soketi.proc is None:
            self.soketi.start()
        for child in [*self.terminals.values(), self.cage, self.portal, *self.relays]:
            if child is not None and not child.alive():
                child.start()
        self.note("all healed; asking the writers to finish")
        (self.dir / "STOP").write_text("stop")
        if self.cli_writer is not None:
            self.cli_writer.stop(timeout=150)
            if self.cli_writer._thread.is_alive():  # noqa: SLF001
                self.note(f"!! {CLI_TERMINAL} did not finish within 150 s of the stop")
                self.faults["(writers that would not stop)"] = self.faults.get("(writers that would not stop)", 0) + 1
        deadline = time.monotonic() + 120
        for child in [c for c in [*self.terminals.values(), self.cage, self.portal] if c is not None]:
            code = child.wait(timeout=max(1.0, deadline - time.monotonic()))
            if code is None:
                self.note(f"!! {child.name} did not finish within 120 s of the stop; its threads are in "
                          f"{child.log.name}; killing it")
                child.dump_threads()
                child.kill()
                self.faults["(writers that would not stop)"] = self.faults.get("(writers that would not stop)", 0) + 1
            elif code != 0:
                self.note(f"!! {child.name} finished with exit status {code}")

    def prove(self) -> Report:
        report = Report(title=f"soak: {self.settings.duration:.0f} s, {len(self.terminal_ids)} terminals, "
                              f"seed {self.settings.seed}")
        self.engine.dispose()  # its pooled connections died with the server restarts
        soak_checks.prove(self, report)
        return report

    @property
    def terminal_ids(self) -> list[str]:
        """Every terminal that posted: the worker processes' terminals, and the CLI-driven one if it ran."""
        return [*(t for t in self.terminals if not t.endswith(SECOND_PROCESS)),
                *([CLI_TERMINAL] if self.cli_writer is not None else [])]

    @property
    def writer_names(self) -> list[str]:
        """Every process that posted (each has its own results file): two share terminal 1."""
        return [*self.terminals, *([CLI_TERMINAL] if self.cli_writer is not None else [])]

    def cleanup(self) -> None:
        if self.cli_writer is not None:
            self.cli_writer.stop(timeout=5)
        for sub in self.subscribers:
            sub.stop()
        for child in [*self.terminals.values(), self.cage, self.portal, *self.relays]:
            if child is not None:
                child.stop()
        if self.soketi is not None:
            self.soketi.kill()
        if self.proxy is not None:
            self.proxy.close()
        if getattr(self, "engine", None) is not None:
            self.engine.dispose()
        if self.pg is not None:
            self.pg.destroy()
        if self.cluster is not None:
            self.cluster.destroy()
        if not self.settings.keep and self.settings.workdir is None:
            shutil.rmtree(self.dir, ignore_errors=True)

    def missing_parts(self) -> list[str]:
        """Parts of the system the soak needs that this checkout lacks (each a sentence)."""
        why = {"journal": "the terminal journal (cashier_desktop.terminal.journaled)",
               "journal_cli": "the `journal` command", "reconcile": "the `reconcile` command",
               "cli": "the `post`/`shift`/`journal` commands",
               "realtime": "the realtime layer: `relay`/`feed` commands and soketi (node_modules/.bin/soketi; "
                           "run `npm ci`)"}
        return [why.get(name, name) for name, present in self.features.items() if not present]

    def run(self) -> Report:
        missing = self.missing_parts()
        if missing:
            # A soak that quietly leaves out the parts it cannot find proves less than it says.
            raise MissingPart("the soak cannot prove what it claims without " + "; ".join(missing))
        try:
            self.start_ledger()
            self.start_realtime()
            self.start_writers()
            self.attack()
            self.heal_and_finish()
            report = self.prove()
        finally:
            self.cleanup()
        return report


def run_soak(settings: Settings) -> Report:
    """Run one soak end to end (everything started is stopped, pass or fail)."""
    return Soak(settings).run()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.e2e.soak", description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=float, required=True, help="seconds of faults")
    ap.add_argument("--terminals", type=int, default=3)
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: random, printed)")
    ap.add_argument("--players", type=int, default=8)
    ap.add_argument("--rate", type=float, default=8.0, help="operations per second per terminal")
    ap.add_argument("--faults", default="", help="only fault kinds containing one of these comma-separated "
                    "words (e.g. 'PostgreSQL,proxy'); 'none' for a fault-free baseline")
    ap.add_argument("--fault-gap", default="1.5,3.5", metavar="LO,HI",
                    help="seconds between faults, drawn uniformly (default 1.5,3.5)")
    ap.add_argument("--failover", action="store_true",
                    help="the ledger as a pg_auto_failover primary + synchronous standby; adds the fault "
                    "'primary killed, standby promoted (old primary rejoins)'")
    ap.add_argument("--keep", metavar="DIR", help="keep logs, journals and results in DIR")
    ap.add_argument("--out", help="also write the table (Markdown) to this file")
    args = ap.parse_args(argv)
    # SIGTERM (e.g. `timeout`) must still run the clean-up: every server and child stops.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    seed = args.seed if args.seed is not None else random.SystemRandom().randint(1, 10**6)
    print(f"soak: seed {seed}", flush=True)
    settings = Settings(duration=args.duration, terminals=args.terminals, seed=seed, players=args.players,
                        rate=args.rate, fault_gap=tuple(float(x) for x in args.fault_gap.split(",")), kinds=tuple(w for w in args.faults.split(",") if w),
                        workdir=Path(args.keep) if args.keep else None, keep=bool(args.keep),
                        failover=args.failover)
    try:
        report = run_soak(settings)
    except MissingPart as exc:
        print(f"soak: {exc}.", file=sys.stderr)
        return 2
    table = report.table()
    print(table)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(table + "\n")
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
