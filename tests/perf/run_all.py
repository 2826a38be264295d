"""Run every benchmark under tests/perf/ and write one Markdown table of figures and ratios.

Each `bench_*.py` module defines `run(quick: bool) -> list[dict]`; a row has `name`,
`value`, `unit`, and optionally `reference`, `ratio`, `target` (text such as "≥ 0.7×" or
"< 25 ms and < 3× bare hop p99") and `met` (bool; when absent it is read from a simple
target: a bound with "×" applies to the ratio, any other bound to the value). Ratios
compare against a reference measured in the same run, because these machines are noisy.

Usage: `make bench` or `python -m tests.perf.run_all [--quick] [-k NAME]`. Writes
`perf-results/latest.md` (the table) and, for a run of every benchmark, `docs/benchmarks.md`
(the table with when, where and how it was measured), which the README includes: the text
between the lines `<!-- benchmarks:begin -->` and `<!-- benchmarks:end -->` in README.md is
replaced by it when those markers exist.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import pkgutil
import re
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASHIER_ARGON2_PROFILE", "cheap")

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
OUT = ROOT / "perf-results"
DOCS = ROOT / "docs" / "benchmarks.md"
README = ROOT / "README.md"
BEGIN, END = "<!-- benchmarks:begin -->", "<!-- benchmarks:end -->"
# Notes below this line in docs/benchmarks.md (a profile, what was tried) are written by hand
# and kept when a run rewrites the table above them; the README gets the table only.
KEPT = "<!-- notes kept across runs -->"

_BOUND = re.compile(r"^\s*(≥|>=|≤|<=|<|>)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(×|x\b)?")


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 100 else f"{v:,.0f}"
    return str(v)


def target_met(row: dict) -> bool | None:
    """`row["met"]` if given, else the target's bounds checked (None when unreadable)."""
    if isinstance(row.get("met"), bool):
        return row["met"]
    target = row.get("target") or ""
    if not target:
        return None
    verdicts = []
    for part in re.split(r"\band\b|,(?!\d)", target):
        m = _BOUND.match(part)
        if not m:
            return None
        op, bound, times = m.group(1), float(m.group(2).replace(",", "")), m.group(3)
        actual = row.get("ratio") if times else row.get("value")
        if not isinstance(actual, (int, float)):
            return None
        verdicts.append({"≥": actual >= bound, ">=": actual >= bound, ">": actual > bound,
                         "≤": actual <= bound, "<=": actual <= bound, "<": actual < bound}[op])
    return all(verdicts) if verdicts else None


def table(rows: list[dict]) -> str:
    lines = ["| benchmark | figure | value | unit | reference | ratio | target | met |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        met = target_met(r)
        lines.append("| {bench} | {name} | {v} | {unit} | {ref} | {ratio} | {target} | {met} |".format(
            bench=r["bench"], name=r["name"], v=_fmt(r.get("value")), unit=r.get("unit", ""),
            ref=_fmt(r.get("reference")), ratio=_fmt(r.get("ratio")), target=r.get("target", ""),
            met={True: "yes", False: "**no**", None: ""}[met]))
    return "\n".join(lines)


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs{' (' + cpu + ')' if cpu else ''}, "
            f"Python {platform.python_version()}")


def document(table_md: str, *, quick: bool, failed: list[str], seconds: float) -> str:
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    notes = [f"Measured {when} on {machine()} in {seconds:.0f} s by `make bench`"
             f"{' (quick sizes: `--quick`)' if quick else ''}.",
             "Ratios compare against a reference measured in the same run on the same machine, so they "
             "hold when the absolute figures move with the machine's load.",
             "Re-run with `make bench`; this file and `perf-results/latest.md` are rewritten."]
    if failed:
        notes.append(f"These benchmarks failed and are missing from the table: {', '.join(failed)}.")
    return "## Benchmarks\n\n" + "\n".join(notes) + "\n\n" + table_md + "\n"


def kept_notes(path: Path = DOCS) -> str:
    """The hand-written notes at the end of `path`, from the KEPT line on ("" if none)."""
    text = path.read_text() if path.exists() else ""
    return text[text.index(KEPT):] if KEPT in text else ""


def include_in_readme(doc: str, readme: Path = README) -> bool:
    """Replace the text between the benchmark markers in README.md; False if there are none."""
    if not readme.exists():
        return False
    text = readme.read_text()
    if BEGIN not in text or END not in text or text.index(BEGIN) > text.index(END):
        return False
    body = doc.replace("## Benchmarks\n\n", "", 1)
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{body}{END}{tail}")
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("-k", default="", help="only benchmarks whose module name contains this")
    ap.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md and README")
    args = ap.parse_args(argv)
    rows, failed = [], []
    started = time.perf_counter()
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
    table_md = table(rows)
    OUT.mkdir(exist_ok=True)
    (OUT / "latest.md").write_text(table_md + "\n")
    print(table_md)
    if not args.k and not args.no_docs:
        # Only a run of every benchmark may stand for the project's figures.
        doc = document(table_md, quick=args.quick, failed=failed, seconds=time.perf_counter() - started)
        DOCS.parent.mkdir(exist_ok=True)
        kept = kept_notes()
        DOCS.write_text(doc + ("\n" + kept if kept else ""))
        print(f"wrote {DOCS.relative_to(ROOT)}" + (" and README.md" if include_in_readme(doc) else ""))
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
