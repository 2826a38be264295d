"""A terminal driven only through the command line, as scripts at a cage drive it.

One `cashier-desktop post … --json` process per operation (slow: a Python start-up each,
so it posts about once a second), on its own terminal id and journal, through the same
fault proxy as the other terminals. It holds the CLI to its contract under fire: exit 0
with `"status": "posted"` or `"pending"`, 2 refused (a sentence on stderr), 3 ledger
unreachable; anything else is recorded as an `error` outcome, which the proof reports as
unresolved. At the end it drains its journal with `journal replay`, as an operator would.

Results go to `<terminal>.jsonl` in the soak terminals' format (intent/outcome, fsync'd).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.e2e.soak_journal import pending_from_json
from tests.e2e.soak_terminal import Results, plan_op

CLI_KINDS = {"deposit": "deposit", "withdrawal": "withdraw", "marker_issue": "marker-issue",
             "marker_redeem": "marker-redeem"}
TERMINAL = "SOAK-CLI"


class CliWriter:
    """A thread running one CLI posting after another until `stop()`; never raises."""

    def __init__(self, spec: dict, env: dict, cwd: str) -> None:
        self.spec = spec
        self.env = {**env, "CASHIER_TERMINAL_ID": TERMINAL, "CASHIER_JOURNAL": spec["journal"],
                    "CASHIER_DATABASE_URL": spec["database_url"], "CASHIER_PIN": spec["pin"]}
        self.cwd = cwd
        self.results = Results(Path(spec["results"]))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="soak-cli", daemon=True)
        self.exit_codes: dict[int, int] = {}

    def cli(self, *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "cashier_desktop", *args], env=self.env, cwd=self.cwd,
                              capture_output=True, text=True, timeout=timeout)

    def start(self) -> "CliWriter":
        self._thread.start()
        return self

    def stop(self, timeout: float = 120) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        self.results.write("start", resume_from=0, in_doubt=[])
        delay = 0.2
        while not self._stop.is_set():  # a shift first: postings need one (refused without)
            # a float that pays its withdrawals out: a drawer pays out only what it holds (0023)
            r = self.cli("shift", "open", "--staff", self.spec["staff"], "--float", "1000000")
            if r.returncode == 0 or "already" in r.stderr.lower():
                self.results.write("shift", exit=r.returncode)
                break
            self.results.write("startup_retry", reason=f"shift open exit {r.returncode}: {r.stderr.strip()[-200:]}")
            self._stop.wait(delay)
            delay = min(delay * 2, 2.0)
        i = 0
        while not self._stop.is_set() and time.time() < self.spec["deadline"]:
            self._post(i)
            i += 1
            self._stop.wait(0.2)
        self._drain()
        self.results.write("end", next_i=i)

    def _post(self, i: int) -> None:
        cmd = plan_op({**self.spec, "terminal_id": TERMINAL}, i)
        self.results.write("intent", i=i, id=str(cmd.id), kind=cmd.kind.value, player=cmd.player_id,
                           amount=str(cmd.amount.amount))
        t0 = time.perf_counter()
        try:
            r = self.cli("post", CLI_KINDS[cmd.kind.value], "--player", cmd.player_id, "--amount",
                         str(cmd.amount.amount), "--staff", cmd.staff_id, "--id", str(cmd.id),
                         "--id-type", cmd.id_type, "--id-number", cmd.id_number, "--json")
        except subprocess.TimeoutExpired:
            self.results.write("outcome", i=i, id=str(cmd.id), status="error", code="timeout")
            return
        self.exit_codes[r.returncode] = self.exit_codes.get(r.returncode, 0) + 1
        ms = (time.perf_counter() - t0) * 1000
        if r.returncode == 0:
            try:
                status = json.loads(r.stdout).get("status")
            except ValueError:
                status = None
            ok = status in ("posted", "pending")
            self.results.write("outcome", i=i, id=str(cmd.id), status=status if ok else "error",
                               code=None if ok else "exit 0 without a status", ms=ms)
        elif r.returncode == 2:
            self.results.write("outcome", i=i, id=str(cmd.id), status="refused", code="cli exit 2",
                               reason=r.stderr.strip()[-300:], ms=ms)
        elif r.returncode == 4:  # in doubt: not a refusal; the journal's replay settles it
            self.results.write("outcome", i=i, id=str(cmd.id), status="in_doubt", code="cli exit 4",
                               reason=r.stderr.strip()[-300:], ms=ms)
        elif r.returncode == 3:
            self.results.write("outcome", i=i, id=str(cmd.id), status="unavailable", code="cli exit 3",
                               reason=r.stderr.strip()[-300:], ms=ms)
        else:
            self.results.write("outcome", i=i, id=str(cmd.id), status="error", code=f"cli exit {r.returncode}",
                               reason=(r.stdout + r.stderr).strip()[-300:], ms=ms)

    def _drain(self) -> None:
        """`journal replay` until `journal pending --json` says nothing is pending (bounded)."""
        deadline = time.time() + 90
        while time.time() < deadline:
            self.cli("journal", "replay")
            r = self.cli("journal", "pending", "--json")
            try:
                if r.returncode == 0 and pending_from_json(r.stdout)[0] == 0:
                    return
            except ValueError:
                pass
            time.sleep(0.5)
