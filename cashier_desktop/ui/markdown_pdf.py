"""A Markdown report (the cage health report) as a PDF, through Qt's text layout.

Qt lives in the GUI package only: the CLI's `monitor report --pdf` comes here, so the
monitoring adapter itself never imports Qt.
"""

from __future__ import annotations

from pathlib import Path


def write_pdf(markdown: str, path: str | Path) -> Path:
    """Render the report's Markdown to a PDF through Qt (any thread with a QGuiApplication)."""
    import os
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        write_pdf._app = QGuiApplication([])  # kept alive for the process (CLI use)
    out = Path(path)
    writer = QPdfWriter(str(out))
    writer.setTitle("Cage health report")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    doc = QTextDocument()
    doc.setMarkdown(markdown)
    doc.print_(writer)  # paginates onto the writer's page rectangle
    return out
