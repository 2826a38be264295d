"""The soak's final proof: count what happened, check it against the ledger, print a table.

Every line of the proof is a `Check`: a name, a figure, and whether it holds (`ok`), or
`ok=None` when the component it needs has not been run (with the reason in `detail`).
The harness collects the facts (`Facts`); `prove()` turns them into checks. Nothing here
starts or stops anything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Check:
    name: str
    value: str
    ok: bool | None
    detail: str = ""

    @property
    def mark(self) -> str:
        return {True: "ok", False: "FAIL", None: "not run"}[self.ok]


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    title: str = "soak"

    def add(self, name: str, value, ok: bool | None, detail: str = "") -> Check:
        c = Check(name, str(value), ok, detail)
        self.checks.append(c)
        return c

    def failed(self) -> list[Check]:
        return [c for c in self.checks if c.ok is False]

    def not_run(self) -> list[Check]:
        return [c for c in self.checks if c.ok is None]

    def table(self) -> str:
        lines = [f"### {self.title}", "", "| | value | result | detail |", "|---|---|---|---|"]
        for c in self.checks:
            detail = c.detail.replace("|", "\\|").replace("\n", "; ")
            lines.append(f"| {c.name} | {c.value} | {c.mark} | {detail} |")
        return "\n".join(lines)


@dataclass
class Op:
    """One planned operation of one writer (a terminal or the portal), as it was reported."""

    writer: str
    i: int
    id: str
    kind: str
    player: str
    amount: Decimal
    outcomes: list[dict] = field(default_factory=list)

    @property
    def final(self) -> dict | None:
        return self.outcomes[-1] if self.outcomes else None


def collect_ops(writer: str, lines: list[dict]) -> tuple[dict[int, Op], Counter]:
    """The operations in one results file, and how many restarts/ends it shows."""
    ops: dict[int, Op] = {}
    marks: Counter = Counter()
    for r in lines:
        e = r.get("e")
        if e == "intent":
            if r.get("kind") == "touch":
                marks["touches"] += 1
                continue
            ops.setdefault(r["i"], Op(writer, r["i"], r["id"], r["kind"], r["player"], Decimal(r["amount"])))
        elif e == "outcome":
            if r["i"] in ops:
                ops[r["i"]].outcomes.append(r)
        elif e in ("start", "end", "resolved"):
            marks[e] += 1
    return ops, marks


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))]


def latency_figures(samples_ms: list[float]) -> str:
    if not samples_ms:
        return "no samples"
    return (f"p50 {_pct(samples_ms, 0.50):.1f} ms, p99 {_pct(samples_ms, 0.99):.1f} ms, "
            f"max {max(samples_ms):.1f} ms (n={len(samples_ms)})")


def account(report: Report, ops: list[Op], ledger_rows: dict[str, dict], journals: dict[str, dict] | None,
            writers: set[str]) -> None:
    """Attempted / accepted / rejected / lost / doubled, from results, journals and the ledger.

    Args:
        ops: every operation any writer reported an intent for.
        ledger_rows: ledger rows posted by the soak's writers, by posting id
            (kind, player_id, amount, terminal_id).
        journals: per terminal, {posting id: {"status", "code", "reason"}}, or None when
            the terminals run without a journal.
        writers: the terminal ids (and PORTAL) whose ledger rows are the soak's.
    """
    by_id = {op.id: op for op in ops}
    attempted = len(ops)
    accepted = [op for op in ops if op.id in ledger_rows]
    journal_status: dict[str, dict] = {}
    for entries in (journals or {}).values():
        journal_status.update(entries)

    reasons: Counter = Counter()
    rejected, lost, unresolved = [], [], []
    for op in ops:
        if op.id in ledger_rows:
            continue
        final = op.final or {}
        j = journal_status.get(op.id)
        if j is not None and j["status"] in ("rejected", "rejected_on_replay", "resolved"):
            rejected.append(op)
            reasons[f"{j['status'].replace('_', ' ')}: {j.get('code') or '-'}"] += 1
        elif j is not None:
            lost.append(op)  # journaled as pending/posted but not in the ledger
        elif final.get("status") in ("refused", "unavailable", "in_doubt"):
            rejected.append(op)
            reasons[f"refused before the journal: {final.get('code') or final['status']}"] += 1
        elif final.get("status") in ("posted", "replayed", "pending"):
            lost.append(op)  # the cashier got a receipt, the ledger has nothing
        else:
            unresolved.append(op)

    report.add("operations attempted", attempted, attempted > 0)
    report.add("accepted (in the ledger)", len(accepted), len(accepted) > 0)
    report.add("rejected, with reasons", len(rejected), True,
               ", ".join(f"{k}: {v}" for k, v in reasons.most_common()))
    report.add("unresolved (no final answer)", len(unresolved), not unresolved,
               ", ".join(f"{o.writer}#{o.i}" for o in unresolved[:10]))
    report.add("lost (receipt given, not in the ledger)", len(lost), not lost,
               ", ".join(f"{o.writer}#{o.i} {o.id}" for o in lost[:10]))

    phantom = [pid for pid in ledger_rows if pid not in by_id]
    mismatched = [pid for pid, row in ledger_rows.items() if pid in by_id and (
        row["kind"] != by_id[pid].kind or row["player_id"] != by_id[pid].player
        or Decimal(row["amount"]) != by_id[pid].amount)]
    # "Refused" is final: a posting any process answered "refused" (or "unavailable", which
    # with a journal means it was not even journaled) must not be in the ledger, flagged or not.
    told_no = [op for op in accepted if (op.final or {}).get("status") in ("refused", "unavailable")]
    flagged = [op for op in told_no if (journal_status.get(op.id) or {}).get("code") == "posted_after_refusal"]
    refused_yet_posted = told_no
    per_op = Counter((op.writer, op.i) for op in accepted)
    twice = [k for k, n in per_op.items() if n > 1]
    doubled = len(phantom) + len(mismatched) + len(twice)
    report.add("doubled (posted twice, or posted unasked)", doubled, doubled == 0,
               f"phantom {len(phantom)}, altered {len(mismatched)}, one op under two ids {len(twice)}")
    in_doubt = [op for op in ops if (op.final or {}).get("status") == "in_doubt"]
    settled_posted = sum(1 for op in in_doubt if op.id in ledger_rows)
    report.add("  told in doubt (connection broke mid-send), settled by replay", len(in_doubt), True,
               f"posted {settled_posted}, not posted {len(in_doubt) - settled_posted}")
    report.add("told refused, yet posted", len(refused_yet_posted), not refused_yet_posted,
               ", ".join(f"{o.writer}#{o.i}" for o in refused_yet_posted[:10]))
    report.add("  of which flagged for a supervisor", len(flagged), not flagged,
               ", ".join(f"{o.writer}#{o.i}" for o in flagged[:10]))
    if journals is None:
        report.add("every journal entry in the ledger once or rejected", "-", None,
                   "terminals ran without a journal (journal layer not installed as poster)")
    else:
        bad = []
        for term, entries in journals.items():
            for pid, j in entries.items():
                in_ledger = pid in ledger_rows
                if j["status"] == "posted" and not in_ledger:
                    bad.append(f"{term}:{pid} posted in journal, absent from ledger")
                elif j["status"] in ("rejected", "rejected_on_replay") and in_ledger:
                    bad.append(f"{term}:{pid} rejected in journal, present in ledger")
                elif j["status"] not in ("posted", "rejected", "rejected_on_replay", "resolved"):
                    bad.append(f"{term}:{pid} still {j['status']}")
        total = sum(len(e) for e in journals.values())
        report.add("every journal entry in the ledger once or rejected", f"{total} entries", not bad,
                   "; ".join(bad[:10]))


def outcome_mix(ops: list[Op]) -> str:
    c = Counter((op.final or {}).get("status", "none") for op in ops)
    return ", ".join(f"{k} {v}" for k, v in c.most_common())


def versions_complete(events_by_player: dict[str, list[int]], ledger_versions: dict[str, int]) -> list[str]:
    """Players whose outbox versions are not exactly 1..current (a gap or a duplicate)."""
    bad = []
    for pid, current in ledger_versions.items():
        seen = sorted(events_by_player.get(pid, []))
        if seen != list(range(1, current + 1)):
            missing = sorted(set(range(1, current + 1)) - set(seen))
            bad.append(f"{pid}: have {len(seen)} of {current} (missing {missing[:5]})")
    return bad


# -- the cage window (soak_cage.py): exchanges, fills/credits, handovers ---------------------

@dataclass
class CageOp:
    """One operation of the cage window, as it was reported. `key` is how the ledger knows
    it: its id, for an exchange, a transfer and a handover alike (`cage.handover_shift`
    takes one since 0024)."""

    i: int
    id: str
    kind: str
    key: str
    amount: Decimal
    currency: str
    incoming: str | None = None
    outcomes: list[dict] = field(default_factory=list)
    from_shift: int | None = None  # a handover's: one shift is handed over once, whatever the ids
    foreign: dict[str, str] = field(default_factory=dict)  # a handover's foreign cash by the writer's tally

    @property
    def final(self) -> dict | None:
        return self.outcomes[-1] if self.outcomes else None


def cage_key(intent: dict) -> str:
    return intent["id"]


def collect_cage_ops(lines: list[dict]) -> dict[int, CageOp]:
    """The cage window's operations in its results file (intent, then every outcome)."""
    ops: dict[int, CageOp] = {}
    for r in lines:
        if r.get("e") == "intent":
            ops.setdefault(r["i"], CageOp(r["i"], r["id"], r["kind"], cage_key(r), Decimal(r["amount"]),
                                          r["currency"], r.get("incoming"), from_shift=r.get("from_shift"),
                                          foreign=r.get("foreign") or {}))
        elif r.get("e") == "outcome" and r.get("i") in ops:
            ops[r["i"]].outcomes.append(r)
    return ops


def _counted(op: CageOp) -> Decimal:
    """What a handover's count came to: the writer's tally in whole notes, never below zero."""
    return Decimal(max(int(op.amount), 0))


def _differs(op: CageOp, row: dict) -> bool:
    if op.kind == "handover":
        return row["incoming"] != op.incoming or Decimal(row["amount"]) != _counted(op)
    return row["kind"] != op.kind or Decimal(row["amount"]) != op.amount or row["currency"] != op.currency


def cage_account(report: Report, ops: list[CageOp], rows: dict[str, dict]) -> None:
    """Lost / doubled / refused-yet-posted / in doubt for the cage window's operations.

    Args:
        rows: the cage terminal's exchanges, transfers and handovers in the ledger, by key:
            {"kind", "amount", "currency", "incoming" (handovers), "expected" (handovers:
            the closed shift's expected drawer)}.
    """
    kinds = Counter(op.kind for op in ops)
    report.add("cage operations attempted (exchanges, fills, credits, handovers)", len(ops), len(ops) > 0,
               ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    status = lambda op: (op.final or {}).get("status")  # noqa: E731
    done = [op for op in ops if status(op) == "done"]
    report.add("  cage: done (in the ledger)", len(done), bool(done),
               ", ".join(f"{k} {v}" for k, v in sorted(Counter(op.kind for op in done).items())))
    lost = [op for op in done if op.key not in rows]
    report.add("cage: lost (told done, not in the ledger)", len(lost), not lost,
               ", ".join(f"#{op.i} {op.kind} {op.key}" for op in lost[:10]))
    by_key = Counter(op.key for op in done)
    intended = {op.key for op in ops}
    phantom = [k for k in rows if k not in intended]
    altered = [op for op in ops if op.key in rows and status(op) in ("done", "in_doubt", None)
               and _differs(op, rows[op.key])]
    twice = [k for k, n in by_key.items() if n > 1]
    # two handovers told done out of one shift (two ids): two drawers out of one
    twice += [f"handover of shift {s}" for s, n in Counter(
        op.from_shift for op in done if op.kind == "handover").items() if n > 1]
    doubled = len(phantom) + len(altered) + len(twice)
    report.add("cage: doubled (twice, altered, or unasked)", doubled, doubled == 0,
               f"phantom {len(phantom)}, altered {len(altered)}, one key told done twice {len(twice)}"
               + (f": {', '.join([*phantom, *(o.key for o in altered), *twice][:5])}" if doubled else ""))
    refused = [op for op in ops if status(op) == "refused"]
    refused_yet = [op for op in refused if op.key in rows]
    reasons = Counter(f"{op.kind}: {(op.final or {}).get('code')}" for op in refused)
    report.add("cage: told refused, yet in the ledger", len(refused_yet), not refused_yet,
               ", ".join(f"#{op.i} {op.kind}" for op in refused_yet[:10]) or
               (f"refused {len(refused)}: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common())
                if refused else "none refused"))
    in_doubt = [op for op in ops if status(op) == "in_doubt"]
    settled = sum(1 for op in in_doubt if op.key in rows)
    resent = sum(1 for op in ops if any(o.get("resend") for o in op.outcomes))
    replayed = sum(1 for op in done if (op.final or {}).get("replayed"))
    by_lookup = sum(1 for op in done if (op.final or {}).get("settled_by"))
    report.add("  cage: in doubt, settled by id", len(in_doubt), True,
               f"posted {settled}, not posted {len(in_doubt) - settled}; resent after a kill {resent}; "
               f"answered as already posted on a retry {replayed}; handovers settled by "
               f"their id after a restart {by_lookup}")
    twice_sent = [op for op in done if "again_replayed" in (op.final or {})]
    not_replayed = [op for op in twice_sent if not op.final["again_replayed"]]
    report.add("cage: the same id sent twice answered with the first posting", len(twice_sent),
               bool(twice_sent) and not not_replayed,
               ", ".join(f"#{op.i} {op.kind}: posted again" for op in not_replayed[:5])
               or ("nothing was sent twice" if not twice_sent else ""))
    unresolved = [op for op in ops if op.final is None]
    report.add("cage: unresolved (no final answer)", len(unresolved), not unresolved,
               ", ".join(f"#{op.i} {op.kind}" for op in unresolved[:10]))
    handed = [op for op in done if op.kind == "handover" and op.key in rows]
    off = [op for op in handed if rows[op.key].get("expected") is not None
           and Decimal(rows[op.key]["expected"]) != op.amount]
    report.add("cage: each handover's expected drawer = the window's own tally", f"{len(handed)} handovers",
               bool(handed) and not off,
               ", ".join(f"#{op.i}: tally {op.amount}, ledger {rows[op.key]['expected']}" for op in off[:5])
               or ("no handover was done" if not handed else ""))
    carried = [op for op in handed if op.foreign]
    off_foreign = [op for op in handed if "foreign" in rows[op.key] and _foreign_differs(op, rows[op.key]["foreign"])]
    report.add("cage: each handover's foreign cash counted = expected = the window's own tally",
               f"{len(handed)} handovers, {len(carried)} with foreign cash", not off_foreign,
               ", ".join(f"#{op.i}: tally {op.foreign}, ledger {rows[op.key]['foreign']}" for op in off_foreign[:5]))


def _foreign_differs(op: CageOp, ledger: dict) -> bool:
    """The ledger's counted and expected foreign cash of a handed-over shift, per currency,
    both equal to what the writer counted (its tally): the cash went with the drawer."""
    tally = {c: Decimal(a) for c, a in op.foreign.items()}
    return any(ledger.get(c, (Decimal(0), Decimal(0))) != (a, a) for c, a in tally.items()) or \
        any(c not in tally and (counted, expected) != (0, 0) for c, (counted, expected) in ledger.items())


def window_tally(lines: list[dict], opening_float: Decimal) -> tuple[int | None, Decimal]:
    """(the window's last shift, what its drawer holds by the writer's own account): its
    float (the opening float, or the count of the handover that opened it) plus the drawer
    side of every operation told done in it."""
    ops = collect_cage_ops(lines)
    shift, floats = None, {}
    for r in lines:
        if r.get("e") == "shift":
            shift = r["shift"]
            floats.setdefault(shift, opening_float)
        elif r.get("e") == "outcome" and r.get("kind") == "handover" and r.get("status") == "done" \
                and r.get("to_shift") is not None and r["i"] in ops:
            floats[r["to_shift"]] = _counted(ops[r["i"]])
    if shift is None:
        return None, Decimal(0)
    total = floats.get(shift, opening_float)
    for op in ops.values():
        final = op.final or {}
        if final.get("status") == "done" and final.get("shift") == shift and "drawer" in final:
            total += Decimal(final["drawer"])
    return shift, total


def accountability_check(report: Report, lines: list[dict], independent: dict, window: tuple[int | None, Decimal],
                         day: str) -> None:
    """`cage.accountability` (lines: section, shift_id, amount, ledger) against the sums
    computed here from the ledger's tables ({"drawers": {shift: amount}, "bank", "markers"}),
    and the cage window's drawer against its own tally."""
    bad = []
    drawers = {ln["shift_id"]: ln for ln in lines if ln["section"] == "drawer"}
    if set(drawers) != set(independent["drawers"]):
        bad.append(f"drawers {sorted(drawers)} vs open shifts {sorted(independent['drawers'])}")
    for sid, ln in drawers.items():
        want = independent["drawers"].get(sid)
        if want is None or Decimal(ln["amount"]) != want or Decimal(ln["ledger"]) != want:
            bad.append(f"drawer {sid} ({ln['terminal_id']}): {ln['amount']}/{ln['ledger']} vs {want}")
    for section in ("bank", "markers"):
        got = [ln for ln in lines if ln["section"] == section]
        want = independent[section]
        if len(got) != 1 or Decimal(got[0]["amount"]) != want or Decimal(got[0]["ledger"]) != want:
            bad.append(f"{section}: {[(g['amount'], g['ledger']) for g in got]} vs {want}")
    total = sum((Decimal(ln["amount"]) for ln in lines), Decimal(0))
    want_total = sum(independent["drawers"].values(), Decimal(0)) + independent["bank"] + independent["markers"]
    if total != want_total:
        bad.append(f"total {total} vs {want_total}")
    report.add("cage accountability = the ledger (every drawer + bank + markers)", f"{total:.2f} INR",
               bool(lines) and not bad,
               "; ".join(bad[:5]) or f"gaming day {day}: {len(drawers)} drawers, bank {independent['bank']}, "
                                       f"markers {independent['markers']}")
    shift, tally = window
    line = drawers.get(shift)
    ok = line is not None and Decimal(line["amount"]) == tally
    report.add("cage window's drawer = its own tally of what it was told", f"{tally:.2f} INR", ok,
               f"shift {shift}: accountability {line['amount'] if line else 'has no line'}")
