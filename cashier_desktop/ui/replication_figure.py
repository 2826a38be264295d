"""The monitor's "Ledger servers" line: which server the terminals reached and how far its
standbys lag (the dashboard's `replication`, from ops/failover.py `replication_summary`).

A supervisor must see at a glance when the cage runs without its safety net: the reached
server is a read-only standby, there is no standby, a standby is not streaming, replication is
not synchronous (then a posting told "posted" may be lost with the primary), or a standby lags
past the alert threshold (`ops/failover.py` marks it `over_threshold`: a failover would wait
for it). Those cases are drawn in dark red, bold, and say why in words; the full detail is in
the tooltip.

The demo's embedded ledger is one server on the PC by design: there "no standby" is said
plainly, not as an alarm. A red figure that is always red teaches a supervisor to ignore red.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ATTENTION_STYLE = "color: #8b0000; font-weight: bold;"  # 8.7:1 on the window's white


class ReplicationFigure(QLabel):
    """Shows one `replication` summary (or "—" when none was read); never queries anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("—", parent)
        self.setObjectName("figure_replication")
        self.setAccessibleName(self.tr("Ledger servers"))
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setWordWrap(True)
        self.attention = False

    def show_summary(self, replication: dict[str, Any] | None, *, demo: bool = False) -> None:
        """`demo`: the terminal runs on the embedded demo ledger (one server by design)."""
        parts, attention = self.describe(replication, demo=demo)
        self.setText("; ".join(parts))
        self.setToolTip("\n".join(parts))
        if attention != self.attention:
            self.setStyleSheet(ATTENTION_STYLE if attention else "")
            self.attention = attention

    def describe(self, r: dict[str, Any] | None, *, demo: bool = False) -> tuple[list[str], bool]:
        """The line's parts, and whether it needs a supervisor's attention."""
        if not r:
            return ["—"], False
        if r["role"] != "primary":
            return [self.tr("%1, a read-only standby: postings cannot be taken").replace("%1", r["server"])], True
        parts = [self.tr("%1, primary").replace("%1", r["server"])]
        standbys = r.get("standbys") or []
        if not standbys and demo:  # the demo ledger on this PC: one server is what it is
            return parts + [self.tr("the demo ledger on this PC, without a standby (demo mode)")], False
        if not standbys:  # one server: nothing to fail over to, and no second copy of a posting
            return parts + [self.tr("NO STANDBY: postings are on this server only")], True
        attention = not r.get("synchronous")
        for sb in standbys:
            name = sb.get("name") or "?"
            if sb.get("state") != "streaming":
                parts.append(self.tr("standby %1 not streaming (%2)").replace("%1", name)
                             .replace("%2", sb.get("state") or "?"))
                attention = True
                continue
            sync = sb.get("sync_state") in ("sync", "quorum")
            attention = attention or not sync
            parts.append((self.tr("standby %1 synchronous, lag %2") if sync else
                          self.tr("standby %1 NOT synchronous, lag %2")).replace("%1", name)
                         .replace("%2", self._lag(sb)))
            if sb.get("over_threshold"):
                parts.append(self.tr("standby %1 LAG OVER THE ALERT THRESHOLD").replace("%1", name))
                attention = True
        return parts, attention

    def _lag(self, sb: dict[str, Any]) -> str:
        if sb.get("lag_bytes") is None:
            return self.tr("unknown (the login needs pg_read_all_stats)")
        if sb.get("lag_seconds") is None:
            return self.tr("%1 bytes").replace("%1", str(sb["lag_bytes"]))
        return (self.tr("%1 bytes, %2 ms").replace("%1", str(sb["lag_bytes"]))
                .replace("%2", f"{sb['lag_seconds'] * 1000:.0f}"))
