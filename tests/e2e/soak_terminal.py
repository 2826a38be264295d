"""A headless cage terminal for the soak: the GUI's own posting service, driven by a plan.

Run as a subprocess: `python -m tests.e2e.soak_terminal SPEC.json`. It opens the same
terminal services the GUI opens (`open_services`, with the journal installed as the
poster when the journal layer exists), logs the cashier in once, and posts operation
after operation through `terminal.counter.submit`.

Every operation is reported to the results file, one JSON line each, fsync'd before the
next step: an `intent` line BEFORE the posting is submitted and an `outcome` line after.
A SIGKILL therefore loses nothing already reported; an intent without an outcome is an
operation in doubt, which the journal (or, without one, a resend with the same UUID)
resolves on restart. Operation `i` always has the same UUID and content (derived from
the run, the terminal and `i`), so a restart can never turn one operation into two.

SIGTERM (or the stop file) ends the plan after the current operation; the worker then
replays what is still pending and writes an `end` line with its journal's summary.
"""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import random
import signal
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

from cashier_desktop.config import load_config
from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.errors import CashierError, LedgerUnavailable, PostingInDoubt
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal.counter import submit
from cashier_desktop.terminal.services import open_services

from tests.e2e import soak_journal

log = logging.getLogger("soak.terminal")

NAMESPACE = uuid.UUID("0b9a3c2e-5d1f-4e47-9f8e-50a4c0de0008")
KIND_WEIGHTS = [(Kind.DEPOSIT, 55), (Kind.WITHDRAWAL, 28), (Kind.MARKER_ISSUE, 10), (Kind.MARKER_REDEEM, 7)]
_stop = False


def op_id(run: str, terminal: str, i: int) -> uuid.UUID:
    """The one UUID operation `i` of `terminal` has in run `run`, whatever restarts happen."""
    return uuid.uuid5(NAMESPACE, f"{run}:{terminal}:{i}")


def plan_op(spec: dict, i: int) -> PostingCommand:
    """Operation `i` of this terminal: deterministic, so a restart rebuilds the same command."""
    writer = spec.get("writer", spec["terminal_id"])  # a second process of one terminal plans its own ops
    rng = random.Random(f"{spec['seed']}:{writer}:{i}")
    kinds, weights = zip(*KIND_WEIGHTS)
    kind = rng.choices(kinds, weights)[0]
    hundreds = {Kind.DEPOSIT: 200, Kind.WITHDRAWAL: 150, Kind.MARKER_ISSUE: 50, Kind.MARKER_REDEEM: 50}[kind]
    amount = Decimal(rng.randint(1, hundreds) * 100)
    player = rng.choice(spec["players"])
    # The player's ID is always recorded, as a cashier does once large-cash rules ask for it.
    return PostingCommand(
        id=op_id(spec["run"], writer, i), kind=kind, player_id=player,
        amount=Money(amount, spec.get("currency", "INR")), staff_id=spec["staff"],
        terminal_id=spec["terminal_id"], id_type="passport", id_number=f"SOAK{player[-2:]}")


class Results:
    """The append-only results file: one JSON line per event, flushed and fsync'd."""

    def __init__(self, path: Path) -> None:
        self.path = path
        existing = path.read_bytes() if path.exists() else b""
        self.fh = open(path, "ab", buffering=0)
        if existing and not existing.endswith(b"\n"):
            self.fh.write(b"\n")  # a line cut by SIGKILL: end it so the next one parses

    def write(self, event: str, **fields) -> None:
        fields = {"e": event, "t": time.time(), **fields}
        self.fh.write((json.dumps(fields, default=str) + "\n").encode())
        os.fsync(self.fh.fileno())


def read_results(path: Path) -> list[dict]:
    """Every complete line (a line torn by SIGKILL is skipped)."""
    out = []
    if not path.exists():
        return out
    for line in path.read_text().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out


def _on_term(signum, frame) -> None:  # noqa: ANN001
    global _stop
    _stop = True


def _stopping(spec: dict) -> bool:
    return _stop or Path(spec["stop_file"]).exists() or time.time() > spec["deadline"]


def _retry_unavailable(fn, spec: dict, what: str):
    """Call `fn` until the ledger answers; give up (re-raise) only at the hard deadline."""
    delay = 0.1
    while True:
        try:
            return fn()
        except LedgerUnavailable:
            if time.time() > spec["deadline"] or _stop:
                raise
            log.info("%s: ledger unavailable, retrying", what)
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def _start_session(services, spec: dict, results: Results):
    """Log in and find or open the shift; retry while the ledger is away (bounded)."""
    delay = 0.1
    while True:
        try:
            return soak_journal.start_session(services, spec["staff"], spec["pin"])
        except (LedgerUnavailable, CashierError) as exc:
            if time.time() > spec["deadline"] or _stop:
                raise
            results.write("startup_retry", reason=f"{type(exc).__name__}: {exc}")
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def _outcome(result) -> str:
    """'posted', 'replayed' (already in the ledger) or 'pending' (journaled offline)."""
    status = getattr(result, "status", None)
    if status in ("pending", "offline") or getattr(result, "pending", False) or getattr(result, "offline", False):
        return "pending"
    if getattr(result, "replayed", False):
        return "replayed"
    return "posted"


def run(spec: dict) -> int:
    results = Results(Path(spec["results"]))
    past = read_results(Path(spec["results"]))
    intents = {r["i"]: r for r in past if r.get("e") == "intent"}
    outcomes = {r["i"] for r in past if r.get("e") == "outcome"}
    in_doubt = sorted(set(intents) - outcomes)
    next_i = max(intents) + 1 if intents else 0
    results.write("start", pid=os.getpid(), resume_from=next_i, in_doubt=in_doubt)

    os.environ["CASHIER_TERMINAL_ID"] = spec["terminal_id"]
    os.environ["CASHIER_JOURNAL"] = spec["journal"]
    config = load_config(env=dict(os.environ))
    services = _retry_unavailable(lambda: open_services(config, url=spec["database_url"],
                                                        migrate_schema=False, seed=False,
                                                        application_name=f"soak-{spec['terminal_id']}"),
                                  spec, "open")
    try:
        journal = soak_journal.install(services)
        results.write("journal", installed=journal.installed, kind=journal.kind)
        staff, shift = _start_session(services, spec, results)
        results.write("shift", shift=shift)
        # In doubt after a kill: the journal looked each pending UUID up in the ledger at
        # install; ops it never saw (killed before the journal write) are simply resent with
        # the same UUID, as without a journal: the ledger is idempotent by id.
        for i in in_doubt:
            if journal.knows(plan_op(spec, i).id):
                results.write("resolved", i=i, id=str(plan_op(spec, i).id), by="journal")
                continue
            _post_one(spec, services, staff, journal, results, i, resend=True)
        i = next_i
        while i < spec["ops"] and not _stopping(spec):
            _post_one(spec, services, staff, journal, results, i)
            i += 1
            journal.tick()
            time.sleep(random.uniform(0.5, 1.5) / spec["rate"])
        summary = journal.drain(deadline=min(spec["deadline"], time.time() + spec.get("drain_seconds", 60)))
        results.write("end", next_i=i, journal=summary)
        return 0
    finally:
        services.close()


def _post_one(spec, services, staff, journal, results: Results, i: int, *, resend: bool = False) -> None:
    cmd = plan_op(spec, i)
    if not resend:
        results.write("intent", i=i, id=str(cmd.id), kind=cmd.kind.value, player=cmd.player_id,
                      amount=str(cmd.amount.amount))
    t0 = time.perf_counter()
    attempts = 0
    while True:
        attempts += 1
        try:
            result = submit(services, staff, cmd)
        except PostingInDoubt as exc:
            # "In doubt" is not a refusal (nor a CashierError): the cashier was told it may
            # have gone through; the journal settles it by its id.
            results.write("outcome", i=i, id=str(cmd.id), status="in_doubt", code=exc.code,
                          reason=str(exc), ms=(time.perf_counter() - t0) * 1000)
            return
        except CashierError as exc:
            results.write("outcome", i=i, id=str(cmd.id), status="refused", code=exc.code,
                          reason=str(exc), ms=(time.perf_counter() - t0) * 1000)
            return
        except LedgerUnavailable as exc:
            if journal.installed or time.time() > spec["deadline"]:
                # With a journal, "unavailable" means it was not even journaled (refused offline).
                results.write("outcome", i=i, id=str(cmd.id), status="unavailable", code=exc.code,
                              reason=str(exc), ms=(time.perf_counter() - t0) * 1000)
                return
            time.sleep(min(0.05 * attempts, 1.0))  # no journal: resend the same UUID
            continue
        results.write("outcome", i=i, id=str(cmd.id), status=_outcome(result), attempts=attempts,
                      ms=(time.perf_counter() - t0) * 1000)
        return


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    spec = json.loads(Path(argv[0]).read_text())
    logging.basicConfig(level=logging.INFO, format=f"%(asctime)s {spec['terminal_id']} %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGTERM, _on_term)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the harness asks a stuck worker where it is
    return run(spec)


if __name__ == "__main__":
    sys.exit(main())
