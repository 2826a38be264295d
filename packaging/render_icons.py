"""Render resources/icons/cashier-desktop.svg to the PNG sizes and the Windows .ico.

Run after changing the SVG: `python packaging/render_icons.py`. The PNGs are committed so
that building needs no SVG renderer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - needed by QtSvg
    renderer = QSvgRenderer(str(ICONS / "cashier-desktop.svg"))
    if not renderer.isValid():
        print("the SVG icon does not parse", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"cashier-desktop-{size}.png"
        if not image.save(str(out), "PNG"):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        if size == 256 and not image.save(str(ICONS / "cashier-desktop.ico"), "ICO"):
            print("no ICO image writer in this Qt; the Windows build falls back to the PNG", file=sys.stderr)
    print(f"rendered {', '.join(map(str, SIZES))} px into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
