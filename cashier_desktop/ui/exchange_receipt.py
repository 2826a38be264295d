"""The receipt of a currency exchange: both currencies and the rate, on an 80 mm roll or A4.

An exchange is no ledger posting (it is a row of `fx_exchanges`, posted by `cage.exchange`),
so it has its own lines; the painting, printing and PDF are receipt_layout's, shared with
every other receipt. Strings go through `QCoreApplication.translate("ExchangeReceipt", …)`:
printed in the terminal's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..domain.currency import CurrencyProfile, profile_for
from ..domain.formatting import format_money
from ..domain.money import Money
from .display import time_text
from .receipt_layout import Line, ReceiptModel
from .receipt_shell import ReceiptShell

translate = QCoreApplication.translate


def rate_figure(rate: Decimal, local: CurrencyProfile) -> str:
    """`₹83.123456`: the rate as stored (up to six places, trailing zeros dropped to two)."""
    shown = rate.normalize()
    if -shown.as_tuple().exponent < 2:
        shown = rate.quantize(Decimal("0.01"))
    return f"{local.symbol}{shown:,f}"


def rate_text(rate: Decimal, foreign: str, local: CurrencyProfile) -> str:
    """`1 USD = ₹83.123456`."""
    return f"1 {foreign} = {rate_figure(rate, local)}"


def direction_text(direction: str, foreign: str, local: str) -> str:
    """What the player did, in the player's terms (the cage buys = the player buys local)."""
    if direction == "buy":
        return translate("ExchangeReceipt", "Player buys %1 with %2").replace("%1", local).replace("%2", foreign)
    return translate("ExchangeReceipt", "Player buys %1 with %2").replace("%1", foreign).replace("%2", local)


def exchange_receipt_model(done: Any, profile: CurrencyProfile, *, staff_name: str = "", player_name: str = "",
                           casino_name: str | None = None, casino_address: str | None = None,
                           reprint_by: str | None = None, reprint_at: Any = None) -> ReceiptModel:
    """What the receipt of exchange `done` (ledger.exchange.Exchange) says; with `reprint_by`,
    a reprint that says so, when and by whom."""
    foreign_profile = profile_for(done.foreign.currency)
    foreign_text = format_money(done.foreign, foreign_profile)
    local_text = format_money(Money(done.local.amount, profile.code), profile)
    received, paid = (foreign_text, local_text) if done.direction == "buy" else (local_text, foreign_text)
    lines = [Line("title", casino_name or translate("ExchangeReceipt", "Cashier cage"))]
    lines += [Line("address", part.strip()) for part in (casino_address or "").replace("\\n", "\n").splitlines()
              if part.strip()]
    lines.append(Line("heading", translate("ExchangeReceipt", "Currency exchange")))
    if done.replayed:
        lines.append(Line("banner", translate("ExchangeReceipt", "COPY — ALREADY EXCHANGED")))
    if reprint_by:
        lines.append(Line("banner", translate("ExchangeReceipt", "REPRINT")))
        lines.append(Line("field", translate("ExchangeReceipt", "Reprinted"), f"{time_text(reprint_at)} · {reprint_by}"))
    staff = f"{staff_name} ({done.staff_id})" if staff_name and done.staff_id else (done.staff_id or "—")
    lines += [
        Line("field", translate("ExchangeReceipt", "Exchange id"), str(done.id)),
        Line("field", translate("ExchangeReceipt", "Date"), time_text(done.created_at)),
        Line("field", translate("ExchangeReceipt", "Terminal"), done.terminal_id or "—"),
        Line("field", translate("ExchangeReceipt", "Shift"), str(done.shift_id)),
        Line("field", translate("ExchangeReceipt", "Cashier"), staff),
    ]
    if done.approver_id:
        lines.append(Line("field", translate("ExchangeReceipt", "Approved by"), done.approver_id))
    player = f"{done.player_id} {player_name}".strip() if done.player_id else translate("ExchangeReceipt", "not named")
    lines += [
        Line("rule"),
        Line("field", translate("ExchangeReceipt", "Player"), player),
        Line("field", translate("ExchangeReceipt", "Transaction"),
             direction_text(done.direction, done.foreign.currency, profile.code)),
        Line("field", translate("ExchangeReceipt", "Received from the player"), received),
        Line("big", translate("ExchangeReceipt", "Paid to the player"), paid),
        Line("field", translate("ExchangeReceipt", "Rate"), rate_text(done.rate, done.foreign.currency, profile)),
        Line("note", translate("ExchangeReceipt", "The %1 amount is the foreign amount times the rate, "
                                                  "rounded to the paisa.").replace("%1", profile.code)),
        Line("rule"),
        Line("sign", translate("ExchangeReceipt", "Player's signature")),
        Line("sign", translate("ExchangeReceipt", "Cashier's signature")),
    ]
    return ReceiptModel(str(done.id)[:8], lines, None)


class ExchangeReceiptDialog(ReceiptShell):
    """The exchange's receipt as it prints; Ctrl+P prints, Ctrl+S saves a PDF, Esc closes."""

    def __init__(self, done: Any, profile: CurrencyProfile, parent: QWidget | None = None, *,
                 staff_name: str = "", player_name: str = "", casino_name: str | None = None,
                 casino_address: str | None = None, paper: str = "80mm", reprint_by: str | None = None) -> None:
        from datetime import datetime, timezone
        model = exchange_receipt_model(done, profile, staff_name=staff_name, player_name=player_name,
                                       casino_name=casino_name, casino_address=casino_address,
                                       reprint_by=reprint_by,
                                       reprint_at=datetime.now(timezone.utc) if reprint_by else None)
        super().__init__(model, parent, paper=paper, pdf_name=f"exchange-{str(done.id)[:8]}.pdf")
        self.exchange = done
        self.setObjectName("exchangeReceiptDialog")
        self.setWindowTitle((self.tr("REPRINT — ") if reprint_by else "")
                            + self.tr("Exchange receipt %1").replace("%1", str(done.id)[:8]))
