"""Run every benchmark under tests/perf/ and write one Markdown table of figures and ratios.

Each `bench_*.py` module defines `run(quick: bool) -> list[dict]`; a row has `name`,
`value`, `unit`, and optionally `reference`, `ratio` and `target` (text such as
"≥ 0.7×"). Ratios compare against a reference measured in the same run, because these
machines are noisy. Usage: `make bench` or `python -m tests.perf.run_all [--quick] [-k NAME]`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASHIER_ARGON2_PROFILE", "cheap")

HERE = Path(__file__).parent
OUT = HERE.parent.parent / "perf-results"


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 100 else f"{v:,.0f}"
    return str(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("-k", default="", help="only benchmarks whose module name contains this")
    args = ap.parse_args(argv)
    rows, failed = [], []
    for mod in sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_")):
        if args.k and args.k not in mod:
            continue
        print(f"== {mod}", flush=True)
        t0 = time.perf_counter()
        try:
            result = importlib.import_module(f"tests.perf.{mod}").run(quick=args.quick)
        except Exception:  # noqa: BLE001 - report and go on with the others
            traceback.print_exc()
            failed.append(mod)
            continue
        for r in result:
            rows.append({"bench": mod[len("bench_"):], **r})
        print(f"   done in {time.perf_counter() - t0:.1f}s", flush=True)
    lines = ["| benchmark | figure | value | unit | reference | ratio | target |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| {bench} | {name} | {v} | {unit} | {ref} | {ratio} | {target} |".format(
            bench=r["bench"], name=r["name"], v=_fmt(r.get("value")), unit=r.get("unit", ""),
            ref=_fmt(r.get("reference")), ratio=_fmt(r.get("ratio")), target=r.get("target", "")))
    table = "\n".join(lines)
    OUT.mkdir(exist_ok=True)
    (OUT / "latest.md").write_text(table + "\n")
    print(table)
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
