"""Builds shared by the packaging tests: each is made once per test session.

PyInstaller takes about a minute on this 2-core machine; the wheel a few seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(cmd: list[str], *, timeout: float, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} exited {result.returncode}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result


@pytest.fixture(scope="session")
def built_app(tmp_path_factory) -> Path:
    """The PyInstaller one-folder app built from packaging/cashier-desktop.spec."""
    out = tmp_path_factory.mktemp("pyinstaller")
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
         str(ROOT / "packaging" / "cashier-desktop.spec")], timeout=1200)
    exe = out / "dist" / "cashier-desktop" / ("cashier-desktop.exe" if os.name == "nt" else "cashier-desktop")
    assert exe.is_file(), f"no program at {exe}"
    return exe


@pytest.fixture(scope="session")
def built_dists(tmp_path_factory) -> dict[str, Path]:
    """The sdist and the wheel made from it, as `python -m build` makes them."""
    out = tmp_path_factory.mktemp("dists")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)], timeout=600)
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}
