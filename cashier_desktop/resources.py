"""Where the runtime resources (icons, stylesheet, .ui files, sample config) are.

The same code runs from three layouts, and each keeps `resources/` somewhere else:

- a PyInstaller bundle: `<sys._MEIPASS>/resources` (the spec copies it there);
- an installed wheel: `cashier_desktop/_resources` (setup.py's build step copies it in);
- a source checkout or an editable install: `resources/` beside the package.

Callers ask `resource_path("style.qss")` and never build these paths themselves.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def candidate_dirs() -> list[Path]:
    """The places looked at, in order (a bundle first, then a wheel, then a checkout)."""
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "resources")
    dirs.append(_PACKAGE / "_resources")
    dirs.append(_PACKAGE.parent / "resources")
    return dirs


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The first resources directory that exists.

    Raises:
        FileNotFoundError: none does (a broken install); the sentence lists where it looked.
    """
    for d in candidate_dirs():
        if d.is_dir():
            return d
    looked = ", ".join(str(d) for d in candidate_dirs())
    raise FileNotFoundError(f"The program's resources are missing (looked in {looked}); reinstall it.")


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. `resource_path("icons", "cashier-desktop.svg")`.

    Raises:
        FileNotFoundError: the resource is not there; the sentence names it.
    """
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"The resource {'/'.join(parts)} is missing from {resources_dir()}; "
                                "reinstall the program.")
    return path


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
