"""Several processes of one terminal on one journal and one ledger: one answer per posting.

Three GUI-less terminal services and three scripts running the CLI (a fresh process, with
its own start-up replay, per posting) post at once for the same three players —
deposits, withdrawals, markers, withdrawals with an approver — some ids sent by two
processes at the same moment, with a CPU hog beside them and the ledger up throughout.
Every answer any process gave is then held against the ledger: posted ⇔ one row;
refused ⇔ no row; in doubt ⇔ settled exactly once by replay; nothing "pending" and no
"offline" refusal while the ledger was up.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import cli
from tests.support.shifts import open_test_shift

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SERVICES, CLIS = 3, 3
OPS_PER_SERVICE, OPS_PER_CLI = 14, 5


def _hog(stop_at: float) -> None:  # a CPU-bound neighbour, bounded in time
    while time.time() < stop_at:
        sum(i * i for i in range(10_000))


def _plan(players: list[str], rng: random.Random) -> list[dict]:
    kinds = ["deposit"] * 5 + ["withdrawal"] * 3 + ["marker_issue"] * 2 + ["marker_redeem"] * 2
    ops = []
    for _ in range(SERVICES * OPS_PER_SERVICE + CLIS * OPS_PER_CLI):
        kind = rng.choice(kinds)
        op = {"id": str(uuid.uuid4()), "kind": kind, "player": rng.choice(players),
              "amount": f"{rng.randint(1, 400)}.{rng.randint(0, 99):02d}"}
        if kind == "withdrawal" and rng.random() < 0.4:
            op["approver"] = "F200"  # a withdrawal the floor manager co-signs
        ops.append(op)
    return ops


def _specs(ops: list[dict], rng: random.Random, base: dict, tmp: Path) -> list[dict]:
    """Deal the operations out; about one in four is also sent by a second process (re-sent id)."""
    lists: list[list[dict]] = [[] for _ in range(SERVICES + CLIS)]
    i = 0
    for w in range(SERVICES + CLIS):
        n = OPS_PER_SERVICE if w < SERVICES else OPS_PER_CLI
        lists[w].extend(ops[i:i + n])
        i += n
    for w, own in enumerate(lists):
        for op in list(own):
            if rng.random() < 0.25:
                other = rng.choice([x for x in range(SERVICES + CLIS) if x != w])
                lists[other].insert(rng.randint(0, len(lists[other])), op)
    return [dict(base, mode="service" if w < SERVICES else "cli", ops=own, out=str(tmp / f"answers-{w}.jsonl"),
                 ready=str(tmp / f"ready-{w}"), go=str(tmp / "go"))
            for w, own in enumerate(lists)]


def _rows(engine, ids: list[str]) -> dict[str, int]:
    with engine.connect() as conn:
        found = dict(conn.execute(text("SELECT id::text, count(*) FROM ledger_transactions WHERE id = ANY(:ids) "
                                       "GROUP BY id"), {"ids": [uuid.UUID(i) for i in ids]}).fetchall())
    return {i: found.get(i, 0) for i in ids}


def test_processes_sharing_a_journal_give_one_true_answer_per_posting(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    terminal = f"T-SHARED-{uuid.uuid4().hex[:6]}"
    open_test_shift(engine, terminal)
    players = [make_player(engine) for _ in range(3)]
    for p in players:  # cash to withdraw and an approved line to draw markers on
        post(engine, cmd("deposit", p, "5000", terminal_id="SETUP"))
        post(engine, cmd("credit_line", p, "100000", staff="F200", approver_id="F200", terminal_id="SETUP"))
    rng = random.Random(18)
    journal = tmp_path / "journal.sqlite"
    base = {"url": url, "journal": str(journal), "terminal_id": terminal, "staff": "C100", "pin": "1111",
            "approver_pin": "2222"}
    specs = _specs(_plan(players, rng), rng, base, tmp_path)

    procs = []
    for n, spec in enumerate(specs):
        path = tmp_path / f"spec-{n}.json"
        path.write_text(json.dumps(spec))
        procs.append(subprocess.Popen([sys.executable, "-m", "tests.e2e.shared_journal_worker", str(path)],
                                      cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    hog = multiprocessing.get_context("spawn").Process(target=_hog, args=(time.time() + 240,), daemon=True)
    try:
        deadline = time.monotonic() + 120
        while not all(Path(s["ready"]).exists() for s in specs):
            assert time.monotonic() < deadline, "workers never started"
            assert all(p.poll() is None for p in procs), [p.stderr.read() for p in procs if p.poll() is not None]
            time.sleep(0.02)
        hog.start()
        Path(specs[0]["go"]).touch()
        for p in procs:
            _, err = p.communicate(timeout=400)
            assert p.returncode == 0, err[-2000:]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        if hog.is_alive():
            hog.terminate()
        hog.join(10)

    answers = [json.loads(line) for s in specs for line in Path(s["out"]).read_text().splitlines()]
    sent = sum(len(s["ops"]) for s in specs)
    assert len(answers) == sent, "every process answered every posting it was given"

    # The ledger was up the whole time: nothing may have been taken offline or refused as "offline".
    assert [a for a in answers if a["answer"] in ("pending", "unavailable", "error")] == []
    assert [a for a in answers if a["code"] and "offline" in a["code"].lower()] == []

    # Settle whatever is in doubt, the way a terminal does, then hold every answer to the ledger.
    settled = cli(["journal", "replay", "--json"], url=url, journal=journal, terminal_id=terminal)
    assert settled.returncode == 0, settled.stderr
    ids = sorted({a["id"] for a in answers})
    rows = _rows(engine, ids)
    with Journal(journal, terminal_id=terminal) as j:
        states = {str(e.id): e for e in j.entries()}
        assert j.verify() == []
    told_refused_yet_posted = [a for a in answers if a["answer"] == "refused" and rows[a["id"]]]
    assert told_refused_yet_posted == [], "a posting told 'refused' is in the ledger"
    assert [a for a in answers if a["answer"] == "posted" and rows[a["id"]] != 1] == []
    for a in answers:
        if a["answer"] == "in_doubt":  # settled once: the journal's final word equals the ledger's
            e = states[a["id"]]
            assert not e.in_doubt and e.state in ("posted", "rejected")
            assert (e.state == "posted") == (rows[a["id"]] == 1)
    assert all(n <= 1 for n in rows.values())
    assert [e for e in states.values() if e.state == "pending"] == []
    # A re-sent id is answered the same way by every process that sent it.
    by_id: dict[str, set[str]] = {}
    for a in answers:
        by_id.setdefault(a["id"], set()).add(a["answer"])
    assert [i for i, seen in by_id.items() if len(seen - {"in_doubt"}) > 1] == []
    assert sum(1 for a in answers if a["answer"] == "posted") >= sent // 2, "the race posted something"
    assert run_integrity(engine) == []
