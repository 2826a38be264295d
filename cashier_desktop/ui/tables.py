"""Read-only tables as every screen shows them: one look, one way to fill them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


def read_only_table(columns: list[str], name: str, accessible: str, parent: QWidget | None = None, *,
                    select_rows: bool = True) -> QTableWidget:
    """Columns sized to their contents, the last one stretched; no editing. Tab leaves the
    table (keyboard users move between fields, not cells); `select_rows`: one whole row at a time."""
    t = QTableWidget(0, len(columns), parent)
    t.setObjectName(name)
    t.setAccessibleName(accessible)
    t.setHorizontalHeaderLabels(columns)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.verticalHeader().setVisible(False)
    if select_rows:
        t.setSelectionBehavior(QAbstractItemView.SelectRows)
        t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setTabKeyNavigation(False)
    return t


def fill_table(table: QTableWidget, rows: list[list[str]], right: set[int]) -> None:
    """Replace the rows; the columns in `right` (amounts, counts) are right-aligned."""
    table.setRowCount(len(rows))
    for i, values in enumerate(rows):
        for j, text in enumerate(values):
            item = QTableWidgetItem(text)
            if j in right:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            table.setItem(i, j, item)
