"""A guard against a PySide6 6.12.0 bug on Python 3.11: every call of a Qt method that returns
nothing (`QLabel.setText`, `QPainter.fillRect`, …) drops one reference to `None` that it never
took (and some paths do the same to `True`/`False`: "bool_dealloc" was seen at the end of a
test run). `None` starts with a few thousand references, so after some thousands of such calls the
interpreter aborts ("Fatal Python error: none_dealloc") — a terminal that dies mid-shift, or
while painting one receipt (a QR code alone is hundreds of `fillRect`s).

Python 3.12 made these singletons immortal, so the bug is harmless there; on 3.11 we give the
interpreter's shared singletons (None, True, False, the cached small integers, the empty
str/tuple/bytes) a reference count no program can exhaust. They are never freed anyway: the
only effect is that the fatal error cannot happen. Called once, before the QApplication (ui/app.py, tests).
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def _singletons() -> list[object]:
    return [None, True, False, Ellipsis, NotImplemented, "", (), b"", *range(-5, 257)]


def keep_none_alive() -> bool:
    """Give the shared singletons headroom on an interpreter where they are mortal; True if it did."""
    if sys.version_info >= (3, 12):
        return False
    for obj in _singletons():
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        if refcnt.value < _HEADROOM // 2:
            refcnt.value += _HEADROOM
    return True
