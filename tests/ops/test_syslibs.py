"""selfcheck's system-library check: a library the linker cannot find becomes one sentence
naming its package, found the way the counter PC's linker would find it (ldd)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from cashier_desktop.cli import main
from cashier_desktop.ops import syslibs


PROBE = "libcashier-probe-xcb.so.4"  # a library no machine has, entered in the table below


@pytest.fixture
def plugin_missing_a_library(tmp_path, monkeypatch):
    """A shared object that needs a library the system lacks, linked against a stand-in then
    deleted; the library is entered in the package table as the real ones are."""
    monkeypatch.setitem(syslibs.REQUIRED, PROBE, "cashier-probe-xcb4")
    if shutil.which("gcc") is None:
        pytest.skip("gcc is needed to build the probe library")
    (tmp_path / "stub.c").write_text("int stub(void) { return 1; }\n")
    (tmp_path / "probe.c").write_text("int stub(void); int probe(void) { return stub(); }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", f"-Wl,-soname,{PROBE}", "-o",
                    str(tmp_path / "libcashier-probe-xcb.so"), str(tmp_path / "stub.c")], check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(tmp_path / "libqxcb.so"), str(tmp_path / "probe.c"),
                    f"-L{tmp_path}", "-lcashier-probe-xcb"], check=True)
    (tmp_path / "libcashier-probe-xcb.so").unlink()
    return tmp_path / "libqxcb.so"


def test_a_missing_library_is_found_by_the_linker_and_named_with_its_package(plugin_missing_a_library, monkeypatch):
    assert syslibs.missing_by_ldd([plugin_missing_a_library]) == {PROBE}
    monkeypatch.setattr(syslibs, "qt_plugins", lambda: [plugin_missing_a_library])
    required, optional = syslibs.check()
    assert required == [f"{PROBE} is missing, so the terminal window cannot open: install cashier-probe-xcb4."]
    assert optional == []


def test_selfcheck_fails_with_one_sentence_per_missing_library(plugin_missing_a_library, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(syslibs, "qt_plugins", lambda: [plugin_missing_a_library])
    rc = main(["--database-url", "postgresql://nobody@127.0.0.1:1/none", "--journal", str(tmp_path / "j.sqlite"),
               "selfcheck"])
    out = capsys.readouterr().out
    assert rc == 1
    assert f"FAIL  syslibs   {PROBE} is missing, so the terminal window cannot open: install cashier-probe-xcb4." in out


def test_without_ldd_the_library_path_is_searched_by_name():
    assert syslibs.missing_by_name(["libc.so.6", "libcashier-no-such-library.so.1"]) == {"libcashier-no-such-library.so.1"}


def test_the_qt_this_program_runs_has_its_xcb_libraries_here():
    """This machine (and CI, see .ci/run) has what the window needs."""
    required, _optional = syslibs.check()
    assert required == []


def test_the_sentence_names_the_debian_package():
    assert syslibs.sentence("libxcb-keysyms.so.1") == (
        "libxcb-keysyms.so.1 is missing, so the terminal window cannot open: install libxcb-keysyms1.")


def test_qt_multimedia_is_checked_and_a_missing_libpulse_is_optional_and_names_the_camera(monkeypatch):
    """Without libpulse0 Qt Multimedia does not load: the window opens, the ID dialog offers
    no camera. selfcheck says so as an optional item, not a failure."""
    assert any(p.name == "libQt6Multimedia.so.6" for p in syslibs.qt_plugins())
    monkeypatch.setattr(syslibs, "missing_by_ldd", lambda paths: {"libpulse.so.0"})
    required, optional = syslibs.check()
    assert required == []
    assert optional == ["PulseAudio's client library is missing (optional, a camera for ID photos): "
                        "install libpulse0."]
