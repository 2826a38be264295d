"""The selected player's balances, updated live with a brief highlight, or marked NOT LIVE.

Only a newer version replaces what is shown: a late or repeated feed event never rolls
the screen back.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from ..domain.currency import CurrencyProfile
from ..domain.receipts import Balance
from . import messages
from .display import money_text

HIGHLIGHT_MS = 1500


class PlayerPanel(QFrame):
    """Cash, credit drawn, credit limit, approved, total for one player."""

    def __init__(self, profile: CurrencyProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.balance: Balance | None = None
        self.setObjectName("playerPanel")
        self.setAccessibleName("Player balances")
        self.setFrameShape(QFrame.StyledPanel)
        self.title = QLabel(messages.PICK_PLAYER)
        self.title.setObjectName("playerTitle")
        self.live_label = QLabel("")
        self.live_label.setObjectName("notLive")
        self.live_label.setAccessibleName("Live state")
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 3)
        grid.addWidget(self.live_label, 0, 3)
        fields = [("cash", "Cash balance"), ("credit", "Credit balance"), ("limit", "Credit limit"),
                  ("approved", "Credit approved"), ("total", "Total balance")]
        for i, (key, label) in enumerate(fields):
            name = QLabel(label)
            value = QLabel("—")
            value.setObjectName("balanceValue")
            value.setAccessibleName(label)
            name.setBuddy(value)
            grid.addWidget(name, 1 + i // 2, (i % 2) * 2)
            grid.addWidget(value, 1 + i // 2, (i % 2) * 2 + 1)
            self.values[key] = value
        self._unhighlight = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS, timeout=self._clear_highlight)

    @property
    def player_id(self) -> str | None:
        return self.balance.player_id if self.balance else None

    def show_player(self, balance: Balance) -> None:
        """Show a (newly selected) player as read from the ledger."""
        self.balance = None
        self._render(balance, highlight=False)

    def clear(self) -> None:
        self.balance = None
        self.title.setText(messages.PICK_PLAYER)
        for v in self.values.values():
            v.setText("—")

    def apply_update(self, balance: Balance) -> bool:
        """A balance from the feed or a receipt: shown only if it is this player's and newer."""
        if self.balance is None or balance.player_id != self.balance.player_id:
            return False
        if balance.version <= self.balance.version:
            return False
        if not balance.name:
            balance = replace(balance, name=self.balance.name)
        self._render(balance, highlight=True)
        return True

    def set_live(self, live: bool) -> None:
        self.live_label.setText("" if live else "NOT LIVE")
        self.live_label.setVisible(not live)
        self.live_label.setToolTip("" if live else messages.FEED_DOWN)
        self.setProperty("live", "true" if live else "false")
        self._repolish()

    def _render(self, b: Balance, highlight: bool) -> None:
        old = self.balance
        self.balance = b
        self.title.setText(f"Player {b.player_id} — {b.name}" if b.name else f"Player {b.player_id}")
        texts = {"cash": money_text(b.cash, self.profile), "credit": money_text(b.credit, self.profile),
                 "limit": money_text(b.credit_limit, self.profile),
                 "approved": "Yes" if b.credit_approved else "No",
                 "total": money_text(b.total, self.profile)}
        for key, text in texts.items():
            label = self.values[key]
            changed = old is not None and label.text() != text
            label.setText(text)
            label.setProperty("changed", "true" if highlight and changed else "false")
        if highlight:
            self._unhighlight.start()
        self._repolish()

    def _clear_highlight(self) -> None:
        for label in self.values.values():
            label.setProperty("changed", "false")
        self._repolish()

    def highlighted(self) -> list[str]:
        return [k for k, v in self.values.items() if v.property("changed") == "true"]

    def _repolish(self) -> None:
        for w in [self, self.live_label, *self.values.values()]:
            w.style().unpolish(w)
            w.style().polish(w)
