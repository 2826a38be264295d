"""What faults cost: sync latency and acceptance in a faulted soak against a calm one.

Two soaks of the same terminals, portal, relay and subscribers on this machine, one after
the other: one with no faults (the reference) and one with every fault kind injected every
few seconds (tests/e2e/soak.py). Figures: commit → subscriber latency p50/p99 under fire
against calm, and the share of operations accepted. Lost and doubled postings must be 0.
"""

from __future__ import annotations

from tests.e2e.soak import Settings, Soak
from tests.e2e.soak_proof import _pct


def _soak(seconds: float, faults: bool) -> tuple[Soak, dict]:
    soak = Soak(Settings(duration=seconds, terminals=3, seed=8, kinds=() if faults else ("none",)))
    report = soak.run()
    checks = {c.name: c for c in report.checks}
    return soak, checks


def run(quick: bool) -> list[dict]:
    seconds = 20 if quick else 120
    calm, calm_checks = _soak(seconds, faults=False)
    hit, hit_checks = _soak(seconds, faults=True)
    rows = []
    for q, label in ((0.50, "p50"), (0.99, "p99")):
        ref = _pct(calm.latency_ms["run"], q) if calm.latency_ms.get("run") else None
        val = _pct(hit.latency_ms["run"], q) if hit.latency_ms.get("run") else None
        rows.append({"name": f"sync latency {label} under faults (commit → subscriber)", "value": val, "unit": "ms",
                     "reference": ref, "ratio": val / ref if val and ref else None,
                     "target": "reference: the same soak without faults"})

    def share(checks) -> float | None:
        try:
            return int(checks["accepted (in the ledger)"].value) / int(checks["operations attempted"].value)
        except (KeyError, ValueError, ZeroDivisionError):
            return None
    a, b = share(hit_checks), share(calm_checks)
    rows.append({"name": "operations accepted under faults", "value": a, "unit": "share", "reference": b,
                 "ratio": a / b if a and b else None, "target": "refusals are offline policy, never loss"})
    for name in ("lost (receipt given, not in the ledger)", "doubled (posted twice, or posted unasked)"):
        c = hit_checks.get(name)
        value = int(c.value) if c is not None else None
        rows.append({"name": f"{name.split(' (')[0]} postings under faults", "value": value, "unit": "postings",
                     "target": "0", "met": value == 0})
    failed = [c.name for c in [*hit_checks.values(), *calm_checks.values()] if c.ok is False]
    if failed:
        print("soak proof lines failed:", "; ".join(failed), flush=True)
    rows.append({"name": "soak proof lines failed", "value": len(failed), "unit": "lines", "target": "0",
                 "met": not failed})
    return rows
