"""Build hook only (everything else is in pyproject.toml): the wheel carries the
top-level `resources/` as `cashier_desktop/_resources`, where `cashier_desktop.resources`
looks for it in an installed program, with each translation (`i18n/*.ts`) compiled to the
`.qm` Qt loads. An editable install reads `resources/` in place (and compiles a missing
`.qm` at first run)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False) or not RESOURCES.is_dir():
            return
        target = Path(self.build_lib) / "cashier_desktop" / "_resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        compile_translations(target / "i18n")


def compile_translations(folder: Path) -> None:
    """Every `*.ts` in `folder` → `.qm` beside it, with the lrelease that comes with PySide6."""
    import subprocess
    import sys
    try:
        import PySide6
    except ImportError:  # building without PySide6 installed: the program compiles them at first run
        return
    tool = Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        return
    for ts in sorted(folder.glob("*.ts")):
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


setup(cmdclass={"build_py": BuildPyWithResources})
