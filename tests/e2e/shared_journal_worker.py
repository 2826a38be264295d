"""One process of a terminal whose journal other processes share (issue: one answer per posting).

Run as `python -m tests.e2e.shared_journal_worker SPEC.json`. Mode `service`: opens the
terminal's services as the GUI does (journal installed, start-up replay run), logs the
cashier in and posts every operation through `terminal.counter.submit`. Mode `cli`: runs
`cashier-desktop post … --json` once per operation, each a fresh process with its own
start-up replay — the way a script beside the GUI uses the CLI.

Every answer the terminal gave is written to the results file, one JSON line each
(`answer` ∈ posted / pending / refused / in_doubt / unavailable / error), so the test can
hold each answer against the ledger afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from uuid import UUID


def _write(out: Path, **fields) -> None:
    with open(out, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(fields, default=str) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _answer_of(result) -> str:
    from cashier_desktop.domain.receipts import PendingReceipt
    return "pending" if isinstance(result, PendingReceipt) else "posted"


def run_service(spec: dict) -> None:
    from cashier_desktop.config import load_config
    from cashier_desktop.domain.commands import PostingCommand
    from cashier_desktop.domain.errors import CashierError, LedgerUnavailable, PostingInDoubt
    from cashier_desktop.domain.kinds import Kind
    from cashier_desktop.domain.money import Money
    from cashier_desktop.terminal.auth import verify_approver
    from cashier_desktop.terminal.counter import submit
    from cashier_desktop.terminal.services import open_services
    from cashier_desktop.terminal.session import login

    out = Path(spec["out"])
    config = load_config(env={"CASHIER_CONFIG": "", "CASHIER_ARGON2_PROFILE": "cheap"}, overrides={
        "terminal.id": spec["terminal_id"], "terminal.journal": spec["journal"], "ledger.url": spec["url"]})
    services = open_services(config)  # runs the journal's start-up replay, as every process does
    try:
        staff = login(services, spec["staff"], spec["pin"]).staff
        approvers = {}
        for op in spec["ops"]:
            cmd = PostingCommand(id=UUID(op["id"]), kind=Kind(op["kind"]), player_id=op["player"],
                                 amount=Money(Decimal(op["amount"]), "INR"), staff_id=staff.id,
                                 terminal_id=spec["terminal_id"], approver_id=op.get("approver"))
            approver = None
            if op.get("approver"):
                if op["approver"] not in approvers:
                    approvers[op["approver"]] = verify_approver(services, op["approver"], spec["approver_pin"],
                                                                terminal_id=spec["terminal_id"])
                approver = approvers[op["approver"]]
            try:
                answer, code = _answer_of(submit(services, staff, cmd, approver)), None
            except PostingInDoubt as exc:
                answer, code = "in_doubt", exc.code
            except CashierError as exc:
                answer, code = "refused", f"{exc.code}: {exc}"
            except LedgerUnavailable as exc:
                answer, code = "unavailable", str(exc)
            _write(out, id=op["id"], answer=answer, code=code, pid=os.getpid(), via="service")
    finally:
        services.close()


CLI_ANSWERS = {2: "refused", 3: "unavailable", 4: "in_doubt"}


def run_cli(spec: dict) -> None:
    out = Path(spec["out"])
    env = dict(os.environ, CASHIER_DATABASE_URL=spec["url"], CASHIER_JOURNAL=spec["journal"],
               CASHIER_TERMINAL_ID=spec["terminal_id"], CASHIER_PIN=spec["pin"],
               CASHIER_APPROVER_PIN=spec["approver_pin"], CASHIER_CONFIG="", CASHIER_ARGON2_PROFILE="cheap")
    for op in spec["ops"]:
        kind = {"deposit": "deposit", "withdrawal": "withdraw", "marker_issue": "marker-issue",
                "marker_redeem": "marker-redeem"}[op["kind"]]
        args = [sys.executable, "-m", "cashier_desktop", "post", kind, "--player", op["player"],
                "--amount", op["amount"], "--staff", spec["staff"], "--id", op["id"], "--json"]
        if op.get("approver"):
            args += ["--approver", op["approver"]]
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        if done.returncode == 0:
            body = json.loads(done.stdout)
            answer = "pending" if body.get("status") in ("pending", "offline") or body.get("offline") else "posted"
        else:
            answer = CLI_ANSWERS.get(done.returncode, "error")
        _write(out, id=op["id"], answer=answer, code=done.stderr.strip()[-300:] or None, pid=os.getpid(),
               via="cli", rc=done.returncode)


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text())
    Path(spec["ready"]).touch()
    while not Path(spec["go"]).exists():  # start together: the race is the point
        time.sleep(0.01)
    (run_service if spec["mode"] == "service" else run_cli)(spec)


if __name__ == "__main__":
    main()
