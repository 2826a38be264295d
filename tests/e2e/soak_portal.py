"""A stand-in for the player portal: another application changing balances with plain SQL.

The real portal is a separate program that shares the players table. It must follow the
one rule (ARCHITECTURE.md): money moves only through a posting. So this stand-in calls
the ledger's posting API (`cage.post`, as the schema owner names its staff) over a bare psycopg connection of
its own (`application_name = player-portal`, staff `W900`, terminal `PORTAL`): online
top-ups and cash-outs the ledger can explain, which the outbox trigger turns into feed
events exactly like a terminal's. It also sends "touch" UPDATEs that rewrite the players
row without changing any balance (`SET balance = balance, name = name`): they must bump
no version and publish no event. A plain `UPDATE players SET balance = …` that no posting
explains is left out on purpose: `integrity` reports it as a discrepancy BY DESIGN, so
with it in the soak "integrity clean" would prove nothing.

Results go to a JSON-lines file in the same shape as a soak terminal's (intent/outcome,
fsync'd), so the harness accounts for the portal's postings like anyone else's.

Usage: `python -m tests.e2e.soak_portal SPEC.json` (database_url, players, seed, run,
results, stop_file, deadline, rate, ops).
"""

from __future__ import annotations

import json
import random
import signal
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

import psycopg

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import posting as ledger_posting

from tests.e2e.soak_terminal import NAMESPACE, Results, read_results

PORTAL_STAFF = ("W900", "Player portal (service account)", "cashier", "9900")
PORTAL_TERMINAL = "PORTAL"
_stop = False


def posting_sql() -> str:
    """The ledger's posting API call (`cage.post`), rendered for a bare psycopg connection."""
    return ledger_posting.statement_for(PostingCommand(kind=Kind.DEPOSIT, player_id="portal",
                                                       amount=Money(Decimal(1), "INR"), staff_id=PORTAL_STAFF[0]),
                                        offline=False)


def _plain_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def plan_op(spec: dict, i: int) -> tuple[str, PostingCommand | None]:
    """('touch', None) or ('post', command) for portal operation `i`, deterministically."""
    rng = random.Random(f"{spec['seed']}:portal:{i}")
    player = rng.choice(spec["players"])
    if rng.random() < 0.2:
        return "touch", PostingCommand(
            id=uuid.uuid5(NAMESPACE, f"{spec['run']}:{PORTAL_TERMINAL}:touch:{i}"), kind=Kind.DEPOSIT,
            player_id=player, amount=Money(Decimal(1), "INR"), staff_id=PORTAL_STAFF[0])
    kind = Kind.DEPOSIT if rng.random() < 0.65 else Kind.WITHDRAWAL
    return "post", PostingCommand(
        id=uuid.uuid5(NAMESPACE, f"{spec['run']}:{PORTAL_TERMINAL}:{i}"), kind=kind, player_id=player,
        amount=Money(Decimal(rng.randint(1, 100) * 100), spec.get("currency", "INR")),
        staff_id=PORTAL_STAFF[0], terminal_id=PORTAL_TERMINAL)


def _connect(spec: dict) -> psycopg.Connection:
    return psycopg.connect(_plain_url(spec["database_url"]), autocommit=True, connect_timeout=3,
                           application_name="player-portal")


def _post(conn: psycopg.Connection, sql: str, cmd: PostingCommand) -> str:
    """'posted', 'replayed' (the id is already in the ledger) or 'refused'."""
    params = ledger_posting.api_params(cmd)
    try:
        row = conn.execute(sql, params).fetchone()
    except psycopg.errors.UniqueViolation:
        return "replayed"  # a resend of an in-doubt posting: same id, same request
    except psycopg.errors.CheckViolation:
        return "refused"
    except psycopg.Error as exc:
        if (exc.sqlstate or "").startswith("CA"):  # the posting API's refusal (funds, rights…)
            return "refused"
        raise
    if not row:
        return "refused"
    return "replayed" if row[0] else "posted"  # cage.post answers (replayed, the ledger row…)


def run(spec: dict) -> int:
    results = Results(Path(spec["results"]))
    past = read_results(Path(spec["results"]))
    intents = {r["i"] for r in past if r.get("e") == "intent"}
    done = {r["i"] for r in past if r.get("e") == "outcome"}
    results.write("start", resume_from=max(intents) + 1 if intents else 0, in_doubt=sorted(intents - done))
    sql = posting_sql()
    conn = None
    todo = sorted(intents - done) + list(range(max(intents) + 1 if intents else 0, spec["ops"]))
    for i in todo:
        if _stop or Path(spec["stop_file"]).exists() or time.time() > spec["deadline"]:
            break
        what, cmd = plan_op(spec, i)
        if i not in intents:
            results.write("intent", i=i, id=str(cmd.id) if what == "post" else None, kind=what if what == "touch"
                          else cmd.kind.value, player=cmd.player_id,
                          amount=str(cmd.amount.amount) if what == "post" else None)
        delay = 0.1
        while True:  # a connection failure leaves the posting in doubt: resend the same id
            try:
                if conn is None or conn.closed:
                    conn = _connect(spec)
                if what == "touch":
                    conn.execute("UPDATE players SET balance = balance, name = name WHERE id = %s",
                                 (cmd.player_id,))
                    status = "touched"
                else:
                    status = _post(conn, sql, cmd)
                break
            except psycopg.OperationalError:
                if conn is not None:
                    conn.close()
                conn = None
                if time.time() > spec["deadline"]:
                    results.write("outcome", i=i, id=str(cmd.id), status="unavailable")
                    return 1
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        results.write("outcome", i=i, id=str(cmd.id) if what == "post" else None, status=status,
                      code="insufficient_funds" if status == "refused" else None)
        time.sleep(random.uniform(0.5, 1.5) / spec["rate"])
    results.write("end")
    if conn is not None:
        conn.close()
    return 0


def _on_term(signum, frame) -> None:  # noqa: ANN001
    global _stop
    _stop = True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGTERM, _on_term)
    return run(json.loads(Path(argv[0]).read_text()))


if __name__ == "__main__":
    sys.exit(main())
