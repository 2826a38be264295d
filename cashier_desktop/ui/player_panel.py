"""The selected player's balances, updated live with a brief highlight, or marked NOT LIVE.

Only a newer version replaces what is shown: a late or repeated feed event never rolls
the screen back.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..domain.currency import CurrencyProfile
from ..domain.receipts import Balance
from . import messages
from .display import money_text

HIGHLIGHT_MS = 1500


def credit_line_text(b: Balance, profile: CurrencyProfile) -> str:
    """The approved line, or that there is none (a limit without approval is no line)."""
    if not b.credit_approved:
        return QCoreApplication.translate("PlayerPanel", "none approved")
    return money_text(b.credit_limit, profile)


class PlayerPanel(QFrame):
    """A player's figures named as a cage names them.

    Cash on account (what the player can be paid) is the largest figure; beside it the
    credit line, the markers outstanding (credit drawn, a debt) and the credit still
    available. No figure adds the debt to the cash. An open integrity alert on the balance
    is marked above the figures.
    """

    FIELDS = [("cash", QT_TRANSLATE_NOOP("PlayerPanel", "Cash on account (can be paid out)")),
              ("limit", QT_TRANSLATE_NOOP("PlayerPanel", "Credit line")),
              ("markers", QT_TRANSLATE_NOOP("PlayerPanel", "Markers outstanding")),
              ("available", QT_TRANSLATE_NOOP("PlayerPanel", "Credit available"))]

    def __init__(self, profile: CurrencyProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.balance: Balance | None = None
        self.alert_id: int | None = None
        self.setObjectName("playerPanel")
        self.setAccessibleName(self.tr("Player balances"))
        self.setFrameShape(QFrame.StyledPanel)
        self.title = QLabel(messages.PICK_PLAYER)
        self.title.setObjectName("playerTitle")
        self.title.setWordWrap(True)
        self.live_label = QLabel("")
        self.live_label.setObjectName("notLive")
        self.live_label.setAccessibleName(self.tr("Live state"))
        self.alert_label = QLabel("")
        self.alert_label.setObjectName("alertMark")
        self.alert_label.setAccessibleName(self.tr("Integrity alert on this balance"))
        self.alert_label.setWordWrap(True)
        self.alert_label.hide()
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.live_label, 0, 2, Qt.AlignRight)
        grid.addWidget(self.alert_label, 1, 0, 1, 3)
        for i, (key, label) in enumerate(self.FIELDS):
            label = self.tr(label)
            name = QLabel(label)
            name.setWordWrap(True)
            value = QLabel("—")
            value.setObjectName("cashValue" if key == "cash" else "balanceValue")
            value.setAccessibleName(label)
            value.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            name.setBuddy(value)
            if key == "cash":  # the figure a payout is judged on: its own row, largest type
                grid.addWidget(name, 2, 0)
                grid.addWidget(value, 2, 1, 1, 2)
            else:
                cell = QVBoxLayout()
                cell.addWidget(name)
                cell.addWidget(value)
                grid.addLayout(cell, 3, i - 1)
            self.values[key] = value
        self._unhighlight = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS, timeout=self._clear_highlight)

    def set_alert(self, alert_id: int | None) -> None:
        """Mark (or unmark) the balance as under an open integrity alert."""
        self.alert_id = alert_id
        if alert_id is None:
            self.alert_label.hide()
            self.alert_label.setText("")
        else:
            self.alert_label.setText(messages.BALANCE_ALERT.format(id=alert_id))
            self.alert_label.show()

    @property
    def player_id(self) -> str | None:
        return self.balance.player_id if self.balance else None

    def show_player(self, balance: Balance) -> None:
        """Show a (newly selected) player as read from the ledger."""
        self.balance = None
        if self.alert_id is not None:
            self.set_alert(None)  # another player's mark; the loader sets this one's
        self._render(balance, highlight=False)

    def clear(self) -> None:
        self.balance = None
        self.title.setText(messages.PICK_PLAYER)
        self.set_alert(None)
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
        self.live_label.setText("" if live else self.tr("NOT LIVE"))
        self.live_label.setVisible(not live)
        self.live_label.setToolTip("" if live else messages.FEED_DOWN)
        self.setProperty("live", "true" if live else "false")
        self._repolish()

    def _render(self, b: Balance, highlight: bool) -> None:
        old = self.balance
        self.balance = b
        self.title.setText(self.tr("Player %1 — %2").replace("%1", b.player_id).replace("%2", b.name) if b.name
                           else self.tr("Player %1").replace("%1", b.player_id))
        texts = {"cash": money_text(b.cash, self.profile), "limit": credit_line_text(b, self.profile),
                 "markers": money_text(b.credit, self.profile),
                 "available": money_text(b.available_credit, self.profile)}
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
