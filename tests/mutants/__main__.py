"""`python -m tests.mutants [-k ID ...] [--workers N] [--report docs/mutants.md]`.

Runs the curated mutants (tests/mutants/catalog.py) and writes the report; exits 1 if any
mutant survived, was stale or could not be run.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from .catalog import MUTANTS
from .report import markdown, summary
from .runner import ROOT, run_all


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.mutants", description=__doc__.splitlines()[0])
    ap.add_argument("-k", "--only", action="append", default=[], help="run only this mutant id (repeatable)")
    ap.add_argument("--workers", type=int, default=2, help="parallel workers (default 2: the machine has 2 cores)")
    ap.add_argument("--timeout", type=float, default=240.0, help="seconds per mutant before it counts as a hang")
    ap.add_argument("--report", default="docs/mutants.md", help="Markdown report path ('' for none)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the unmutated run of the declared tests")
    ap.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = ap.parse_args(argv)
    ids = [m.id for m in MUTANTS]
    if len(set(ids)) != len(ids):
        print("mutants: duplicate mutant ids in the catalog", file=sys.stderr)
        return 2
    chosen = [m for m in MUTANTS if not args.only or m.id in args.only]
    unknown = set(args.only) - set(ids)
    if unknown:
        print(f"mutants: no such mutant: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    if args.list:
        for m in chosen:
            print(f"{m.id:28} {m.file}  {m.invariant}")
        return 0

    def progress(r) -> None:
        print(f"{r.outcome:9} {r.seconds:6.1f}s  {r.mutant.id}  {r.detail if r.outcome != 'killed' else ''}",
              flush=True)

    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    results, seconds = run_all(chosen, workers=args.workers, timeout=args.timeout, progress=progress,
                               check_baseline=not args.no_baseline)
    line = summary(results, seconds)
    print(line)
    if args.report:
        out = Path(args.report)
        out = out if out.is_absolute() else ROOT / out
        out.write_text(markdown(results, seconds, workers=args.workers), encoding="utf-8")
        print(f"report: {out}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
