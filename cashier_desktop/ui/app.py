"""Minimal demo window: the demo players' balances, refreshed off the GUI thread.

Stands in until the full cage GUI lands; it already follows the threading rule: the
ledger is read in a worker and the table is filled from a signal on the GUI thread.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..domain.formatting import format_money
from ..domain.money import Money


class _Bridge(QObject):
    loaded = Signal(object)


class BalancesWindow(QMainWindow):
    def __init__(self, load_balances, currency) -> None:
        super().__init__()
        self.setWindowTitle("cashier-desktop — demo balances")
        self._load, self._currency = load_balances, currency
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._bridge = _Bridge()
        self._bridge.loaded.connect(self._on_loaded)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Player", "Name", "Cash", "Credit", "Total"])
        self.status = QLabel("Loading…")
        box = QVBoxLayout()
        box.addWidget(self.table)
        box.addWidget(self.status)
        w = QWidget()
        w.setLayout(box)
        self.setCentralWidget(w)
        self.timer = QTimer(self, interval=1000, timeout=self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        fut = self._pool.submit(self._load)
        fut.add_done_callback(lambda f: self._bridge.loaded.emit(f))

    def _on_loaded(self, fut) -> None:
        try:
            rows = fut.result()
        except Exception as exc:  # noqa: BLE001
            self.status.setText(f"Ledger unavailable: {exc}")
            return
        self.table.setRowCount(len(rows))
        for i, b in enumerate(rows):
            for j, v in enumerate([b.player_id, b.name, b.cash, b.credit, b.total]):
                text = v if isinstance(v, str) else format_money(Money(v, self._currency.code), self._currency)
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.status.setText(f"{len(rows)} players — live")

    def closeEvent(self, event) -> None:  # noqa: N802
        self.timer.stop()
        self._pool.shutdown(wait=True)
        super().closeEvent(event)


def run(args) -> int:
    from ..cli import load
    from ..ledger.queries import search_players
    from ..terminal.services import open_services

    services = open_services(load(args))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    win = BalancesWindow(lambda: search_players(services.engine, "1", limit=200), services.currency)
    win.resize(720, 480)
    win.show()
    try:
        return app.exec()
    finally:
        services.close()
