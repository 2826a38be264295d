"""Run the curated mutants: each against its own tests, in a temporary copy of the repository.

The real working tree is never written: other processes import it. Each worker copies the
repository once (without .git, .venv and caches; node_modules is linked), then for every
mutant it is given: checks the snippet occurs exactly once (else the mutant is *stale*),
writes the mutated file, runs `python -m pytest -x <tests>` with cwd = the copy (so the
mutated package and migrations are what the tests import), and writes the original back.

Results: killed (the tests failed), survived (they passed), stale, error (pytest could not
run them: a missing node id, a collection error) or timeout (counted as killed: the tests
noticed, by hanging). Exit status 0 only if every mutant was killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

from .model import Mutant

ROOT = Path(__file__).resolve().parents[2]
_SKIP = shutil.ignore_patterns(".git", ".venv", "node_modules", "__pycache__", "*.pyc", "perf-results",
                               "build", "dist", "*.egg-info", ".pytest_cache", ".hypothesis")
KILLED, SURVIVED, STALE, ERROR, TIMEOUT = "killed", "survived", "stale", "error", "timeout"


@dataclass(frozen=True, slots=True)
class Result:
    mutant: Mutant
    outcome: str
    seconds: float
    line: int | None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome in (KILLED, TIMEOUT)


def make_copy(parent: Path, name: str) -> Path:
    """A copy of the repository's files under `parent` (node_modules linked, not copied)."""
    dest = parent / name
    shutil.copytree(ROOT, dest, ignore=_SKIP, symlinks=True)
    if (ROOT / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def locate(text: str, snippet: str) -> int | None:
    """1-based line where `snippet` starts if it occurs exactly once, else None."""
    if text.count(snippet) != 1:
        return None
    return text[:text.index(snippet)].count("\n") + 1


def _env(copy: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen",
               CASHIER_ARGON2_PROFILE="cheap")
    env.pop("PYTEST_ADDOPTS", None)
    return env


def pytest_cmd(tests: tuple[str, ...] | list[str]) -> list[str]:
    return [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "--no-header", "-o",
            "addopts=-p no:cacheprovider", "-o", "faulthandler_timeout=100",
            "-p", "tests.mutants.exit_plugin", *tests]


def run_one(copy: Path, m: Mutant, timeout: float) -> Result:
    """Apply `m` in `copy`, run its tests, restore the file."""
    target = copy / m.file
    started = time.monotonic()
    try:
        original = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Result(m, STALE, 0.0, None, f"{m.file} does not exist")
    line = locate(original, m.original)
    if line is None:
        n = original.count(m.original)
        return Result(m, STALE, 0.0, None, f"snippet found {n} times in {m.file}, not once")
    target.write_text(original.replace(m.original, m.replacement, 1), encoding="utf-8")
    try:
        proc = run_group(pytest_cmd(m.tests), copy, timeout)
    except subprocess.TimeoutExpired as exc:
        return Result(m, TIMEOUT, time.monotonic() - started, line,
                      f"tests still running after {timeout:.0f} s: {_hung_test(exc.output or '')}")
    finally:
        target.write_text(original, encoding="utf-8")
    seconds = time.monotonic() - started
    tail = "\n".join(proc.stdout.strip().splitlines()[-3:])
    if proc.returncode == 1:
        return Result(m, KILLED, seconds, line, _first_failure(proc.stdout))
    if proc.returncode == 0:
        return Result(m, SURVIVED, seconds, line, tail)
    return Result(m, ERROR, seconds, line, f"pytest exit {proc.returncode}: {tail}\n{proc.stderr[-500:]}")


_RUNNING: set[subprocess.Popen] = set()
_RUNNING_LOCK = threading.Lock()


def run_group(cmd: list[str], copy: Path, timeout: float) -> subprocess.CompletedProcess:
    """Run pytest in a process group of its own and wait for pytest itself (not for its
    output pipes: a process a test leaves behind would hold them open). When pytest ends,
    or the time runs out, or the runner is stopped, the whole group is killed, so nothing
    it started (soketi, workers, a leaked child) outlives it."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, cwd=copy, env=_env(copy), stdout=out, stderr=err, text=True,
                                start_new_session=True)
        with _RUNNING_LOCK:
            _RUNNING.add(proc)
        try:
            try:
                proc.wait(timeout=timeout)
            finally:
                _kill_group(proc)
                proc.wait()
        except subprocess.TimeoutExpired as exc:
            out.seek(0)
            err.seek(0)
            exc.output, exc.stderr = out.read(), err.read()  # faulthandler's stack dump is in here
            raise
        finally:
            with _RUNNING_LOCK:
                _RUNNING.discard(proc)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(cmd, proc.returncode, out.read(), err.read())


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def stop_all() -> None:
    """End every pytest group still running (the runner was interrupted)."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for proc in running:
        _kill_group(proc)


def _hung_test(out: str) -> str:
    """The test faulthandler said was running when the time ran out."""
    hits = [ln.strip() for ln in out.splitlines() if ln.strip().startswith('File "') and "/tests/" in ln]
    return hits[-1] if hits else "(no stack dump)"


def _first_failure(out: str) -> str:
    for ln in out.splitlines():
        if ln.startswith("FAILED "):
            return ln[7:].split(" - ")[0]
    return ""


def baseline(copies: list[Path], mutants: list[Mutant], timeout: float) -> list[subprocess.CompletedProcess]:
    """Every declared test on the unmutated copies (split between them, run side by side):
    they must pass, or a 'kill' means nothing."""
    ids = sorted({t for m in mutants for t in m.tests})
    shares = [ids[i::len(copies)] for i in range(len(copies))]
    with ThreadPoolExecutor(max_workers=len(copies)) as pool:
        return list(pool.map(lambda cs: run_group(pytest_cmd(cs[1]), cs[0], timeout),
                             [(c, share) for c, share in zip(copies, shares) if share]))


def run_all(mutants: list[Mutant], *, workers: int = 2, timeout: float = 600.0,
            progress=lambda r: None, check_baseline: bool = True) -> tuple[list[Result], float]:
    """Run every mutant; returns results in declaration order and wall-clock seconds."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cashier-mutants-") as tmp:
        copies: Queue[Path] = Queue()
        for i in range(max(1, workers)):
            copies.put(make_copy(Path(tmp), f"w{i}"))
        if check_baseline:
            all_copies = [copies.get() for _ in range(copies.qsize())]
            try:
                procs = baseline(all_copies, mutants, timeout * 2)
            except subprocess.TimeoutExpired as exc:
                raise SystemExit("mutants: the declared tests did not finish WITHOUT any mutation:\n"
                                 + (exc.output or "")[-4000:]) from None
            for c in all_copies:
                copies.put(c)
            failed = [p for p in procs if p.returncode != 0]
            if failed:
                raise SystemExit("mutants: the declared tests fail WITHOUT any mutation; fix them first:\n"
                                 + "\n".join(p.stdout[-3000:] + p.stderr[-1000:] for p in failed))

        def job(m: Mutant) -> Result:
            copy = copies.get()
            try:
                r = run_one(copy, m, timeout)
            finally:
                copies.put(copy)
            progress(r)
            return r

        pool = ThreadPoolExecutor(max_workers=max(1, workers))
        try:
            results = list(pool.map(job, mutants))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            stop_all()
            raise
        pool.shutdown()
    return results, time.monotonic() - started
