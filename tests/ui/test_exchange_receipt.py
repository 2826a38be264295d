"""An exchange's receipt: both currencies and the rate, 80 mm roll and A4, in English and Hindi,
rendered to PNG and PDF (the painting is receipt_layout's, shared with every receipt)."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from uuid import uuid4

import pytest

from cashier_desktop.domain.currency import profile_for
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger.exchange import Exchange
from cashier_desktop.ui.exchange_receipt import exchange_receipt_model
from cashier_desktop.ui.receipt_layout import render_image, save_receipt_pdf

INR = profile_for("INR")


def _exchange(direction: str = "buy", **kw) -> Exchange:
    values = dict(id=uuid4(), direction=direction, foreign=Money(Decimal("12500.50"), "USD"),
                  local=Money(Decimal("1039084.76"), "INR"), rate=Decimal("83.123456"), rate_id=7, shift_id=12,
                  player_id="179", replayed=False, created_at=datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc),
                  staff_id="C100", approver_id="F200", terminal_id="CAGE-01")
    values.update(kw)
    return Exchange(**values)


@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_both_currencies_and_the_rate_on_the_roll_and_on_a4(qapp, tmp_path, paper):
    done = _exchange()
    model = exchange_receipt_model(done, INR, staff_name="Asha Rao", player_name="Rahul Verma",
                                   casino_name="Casino Royale Goa")
    text = model.text()
    for part in ("Casino Royale Goa", "Currency exchange", f"Exchange id: {done.id}", "Terminal: CAGE-01",
                 "Shift: 12", "Cashier: Asha Rao (C100)", "Approved by: F200", "Player: 179 Rahul Verma",
                 "Transaction: Player buys INR with USD", "Received from the player: $12,500.50",
                 "Paid to the player: ₹10,39,084.76", "Rate: 1 USD = ₹83.123456", "Player's signature",
                 done.created_at.astimezone().strftime("Date: %Y-%m-%d %H:%M:%S")):
        assert part in text, part
    sold = exchange_receipt_model(_exchange("sell", player_id=None, approver_id=None, replayed=True), INR).text()
    assert "Received from the player: ₹10,39,084.76" in sold and "Paid to the player: $12,500.50" in sold
    assert "Player: not named" in sold and "Approved by" not in sold and "ALREADY EXCHANGED" in sold
    img = render_image(model, paper, dpi=150)
    width_mm = img.width() / 150 * 25.4
    assert (79 <= width_mm <= 81) if paper == "80mm" else (209 <= width_mm <= 211)
    assert img.save(str(tmp_path / f"fx-{paper}.png"))
    assert save_receipt_pdf(model, tmp_path / f"fx-{paper}.pdf", paper).read_bytes()[:4] == b"%PDF"


@pytest.fixture
def hindi(qapp):
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    yield
    set_language("en")


@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_a_hindi_exchange_receipt_keeps_the_figures(hindi, tmp_path, paper):
    text = exchange_receipt_model(_exchange(), INR, staff_name="Asha Rao").text()
    for part in ("मुद्रा विनिमय", "खिलाड़ी से प्राप्त: $12,500.50", "खिलाड़ी को दिया: ₹10,39,084.76",
                 "दर: 1 USD = ₹83.123456", "खिलाड़ी USD देकर INR ख़रीदता है", "कैशियर के हस्ताक्षर"):
        assert part in text, part
    for english in ("Received", "Paid", "Rate", "Cashier", "signature", "Player"):
        assert english not in text, english
    model = exchange_receipt_model(_exchange(), INR)
    assert save_receipt_pdf(model, tmp_path / f"fx-hi-{paper}.pdf", paper).read_bytes()[:4] == b"%PDF"
