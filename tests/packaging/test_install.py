"""Installing the built app: the Linux install script (into a staging root), the relay's
systemd unit, the menu entry and the resources helper's search order."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cashier_desktop import resources
from cashier_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_install_script_lays_out_a_terminal_and_the_relay(built_app, tmp_path):
    app_dir = built_app.parent
    for f in ("packaging/install-linux.sh", "packaging/cashier-relay.service"):
        shutil.copy(ROOT / f, app_dir)
    stage = tmp_path / "root"
    result = subprocess.run(["bash", str(app_dir / "install-linux.sh"), "--relay"], capture_output=True, text=True,
                            env={**os.environ, "DESTDIR": str(stage)}, timeout=300)
    assert result.returncode == 0, result.stderr
    installed = stage / "opt" / "cashier-desktop" / "cashier-desktop"
    version = subprocess.run([str(installed), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("cashier-desktop "), version.stderr
    wrapper = (stage / "usr/local/bin/cashier-desktop").read_text()
    assert 'exec "/opt/cashier-desktop/cashier-desktop" "$@"' in wrapper
    assert "CASHIER_CONFIG=/etc/cashier-desktop/config.toml" in wrapper
    assert (stage / "usr/share/applications/cashier-desktop.desktop").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        assert (stage / f"usr/share/icons/hicolor/{size}x{size}/apps/cashier-desktop.png").is_file()
    assert (stage / "usr/share/icons/hicolor/scalable/apps/cashier-desktop.svg").is_file()
    sample = (ROOT / "resources/config.sample.toml").read_text(encoding="utf-8")
    assert (stage / "etc/cashier-desktop/config.toml").read_text(encoding="utf-8") == sample
    env_file = stage / "etc/cashier-desktop/relay.env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    assert (stage / "etc/systemd/system/cashier-relay.service").is_file()
    # The journal's folder is private to the counter's OS account (it holds PIN verifiers).
    assert stat.S_IMODE((stage / "var/lib/cashier-desktop").stat().st_mode) == 0o700
    # Run again: an edited configuration is never overwritten.
    (stage / "etc/cashier-desktop/config.toml").write_text('[terminal]\nid = "CAGE-09"\n', encoding="utf-8")
    again = subprocess.run(["bash", str(app_dir / "install-linux.sh")], capture_output=True, text=True,
                           env={**os.environ, "DESTDIR": str(stage)}, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "CAGE-09" in (stage / "etc/cashier-desktop/config.toml").read_text(encoding="utf-8")


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "packaging/cashier-relay.service", encoding="utf-8")
    return parser


def test_the_relay_unit_runs_commands_the_program_has():
    unit = _unit()
    service = unit["Service"]
    parser = build_parser()
    for line in (service["ExecStart"], service["ExecStartPre"]):
        program, *args = line.split()
        assert program == "/opt/cashier-desktop/cashier-desktop"
        parsed = parser.parse_args(args)
        assert callable(parsed.func), line
    assert service["Restart"] == "always"
    assert service["User"] == "cashier-relay"
    assert "CASHIER_CONFIG=/etc/cashier-desktop/relay.toml" in service["Environment"]
    assert unit["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_relay_unit_without_a_warning(tmp_path):
    program = tmp_path / "cashier-desktop"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    env_file = tmp_path / "relay.env"
    env_file.write_text("")
    text = (ROOT / "packaging/cashier-relay.service").read_text()
    text = text.replace("/opt/cashier-desktop/cashier-desktop", str(program))
    text = text.replace("/etc/cashier-desktop/relay.env", str(env_file))
    unit = tmp_path / "cashier-relay.service"
    unit.write_text(text)
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "" and result.stdout.strip() == "", result.stderr + result.stdout


def test_the_desktop_entry_is_complete():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources/cashier-desktop.desktop", encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Type"] == "Application" and e["Terminal"] == "false"
    assert e["Exec"].split()[:2] == ["cashier-desktop", "gui"]
    assert e["Icon"] == "cashier-desktop"
    assert (ROOT / "resources/icons/cashier-desktop.svg").is_file()
    assert e["Categories"].endswith(";")


def test_resources_are_found_in_a_bundle_first_then_a_wheel_then_the_checkout(tmp_path, monkeypatch):
    resources.resources_dir.cache_clear()
    try:
        assert resources.resources_dir() == ROOT / "resources"
        assert resources.resource_path("icons", "cashier-desktop.svg").is_file()
        with pytest.raises(FileNotFoundError, match="icons/nothing.png"):
            resources.resource_path("icons", "nothing.png")
        bundle = tmp_path / "bundle"
        (bundle / "resources").mkdir(parents=True)
        monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
        resources.resources_dir.cache_clear()
        assert resources.resources_dir() == bundle / "resources"
        assert resources.candidate_dirs()[1].name == "_resources"
    finally:
        monkeypatch.undo()
        resources.resources_dir.cache_clear()
