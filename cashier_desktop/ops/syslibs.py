"""The system libraries a counter PC must have for the terminal's window to open.

PyInstaller bundles the libraries it finds on the build machine, but not the graphics
stack (libGL, libEGL, libxcb) nor libraries absent there; Qt's xcb platform plugin then
fails to load on the counter PC with a message that names no package. So we ask the
dynamic linker (`ldd` on the plugin this program would load) which of its libraries are
missing, and name the Debian/Ubuntu package for each.
"""

from __future__ import annotations

import ctypes.util
import re
import shutil
import subprocess
from pathlib import Path

# soname -> Debian/Ubuntu package that provides it. REQUIRED: the xcb window cannot open
# without it. OPTIONAL: a missing one only loses a nicety (GTK theme and dialogs).
REQUIRED = {
    "libxcb.so.1": "libxcb1",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
OPTIONAL = {
    "libgtk-3.so.0": "libgtk-3-0",
    "libgdk-3.so.0": "libgtk-3-0",
    "libpulse.so.0": "libpulse0",  # Qt Multimedia does not load without it: no camera for ID photos
}


def qt_plugins() -> list[Path]:
    """The xcb platform plugin, the GTK theme plugin and Qt Multimedia (the ID photo's
    camera) of the Qt this program runs."""
    import PySide6
    qt = Path(PySide6.__file__).resolve().parent / "Qt"
    base = qt / "plugins"
    return [p for p in (base / "platforms" / "libqxcb.so", base / "platformthemes" / "libqgtk3.so",
                        qt / "lib" / "libQt6Multimedia.so.6") if p.is_file()]


def missing_by_ldd(paths: list[Path]) -> set[str] | None:
    """Sonames the dynamic linker cannot resolve for `paths`; None if ldd is unavailable."""
    ldd = shutil.which("ldd")
    if ldd is None or not paths:
        return None
    missing: set[str] = set()
    for path in paths:
        result = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=30)
        missing |= set(re.findall(r"^\s*(\S+)\s*=>\s*not found", result.stdout, re.M))
    return missing


def missing_by_name(sonames: list[str]) -> set[str]:
    """Without ldd: the sonames ctypes cannot find on the system's library path."""
    out = set()
    for soname in sonames:
        stem = soname.split(".so")[0].removeprefix("lib")
        if ctypes.util.find_library(stem) is None:
            out.add(soname)
    return out


def sentence(soname: str) -> str:
    package = REQUIRED.get(soname) or OPTIONAL.get(soname)
    if soname == "libpulse.so.0":
        return f"PulseAudio's client library is missing (optional, a camera for ID photos): install {package}."
    if soname in OPTIONAL:
        return f"GTK is missing (optional, the native look and dialogs): install {package}."
    if package:
        return f"{soname} is missing, so the terminal window cannot open: install {package}."
    return f"{soname} is missing, so the terminal window cannot open: install the package that provides it."


def check() -> tuple[list[str], list[str]]:
    """(required missing, optional missing), each as one sentence per library."""
    plugins = qt_plugins()
    missing = missing_by_ldd(plugins)
    if missing is None:
        missing = missing_by_name(list(REQUIRED) + list(OPTIONAL))
    required = sorted(m for m in missing if m not in OPTIONAL)
    optional = sorted(m for m in missing if m in OPTIONAL)
    return [sentence(m) for m in required], list(dict.fromkeys(sentence(m) for m in optional))
