"""Receipts as printed: 80 mm roll and A4, rendered to PNG and PDF, checked for their fields."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from uuid import uuid4

import pytest
from PySide6.QtGui import QColor, QImage

from cashier_desktop.domain.currency import profile_for
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ui.receipt import ReceiptView
from cashier_desktop.ui.receipt_layout import receipt_model, render_image, save_receipt_pdf

INR = profile_for("INR")


def _view(**kw) -> ReceiptView:
    base = dict(posting_id=uuid4(), kind=Kind.WITHDRAWAL, player_id="179", amount=Money(Decimal("600000.00"), "INR"),
                cash_after=Money(Decimal("12345.50"), "INR"), credit_after=Money(Decimal("20000.00"), "INR"), staff_id="C100",
                approver_id="F200", terminal_id="CAGE-01", at=datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc),
                shift_id=12, sequence=7, hash="ab" * 32, staff_name="Asha Rao", approver_name="Farhan Ali",
                player_name="Rahul Verma")
    base.update(kw)
    return ReceiptView(**base)


def _dark_rows(img: QImage) -> int:
    """Rows of the image with any dark pixel (something printed there)."""
    rows = 0
    for y in range(0, img.height(), 2):
        if any(QColor(img.pixel(x, y)).lightness() < 100 for x in range(0, img.width(), 3)):
            rows += 1
    return rows


@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_a_receipt_carries_every_field_and_renders_to_png_and_pdf(qapp, tmp_path, paper):
    view = _view()
    model = receipt_model(view, INR, casino_name="Casino Royale Goa", casino_address="MV Caravela\\nPanaji, Goa")
    text = model.text()
    for part in ("Casino Royale Goa", "MV Caravela", "Panaji, Goa", "Receipt no.: CAGE-01-12-0007",
                 f"Posting id: {view.posting_id}", "Terminal: CAGE-01", "Shift: 12", "Cashier: Asha Rao (C100)",
                 "Approved by: Farhan Ali (F200)", "Player: 179 Rahul Verma", "Transaction: Withdrawal",
                 "Amount: ₹6,00,000.00", "Cash on account after: ₹12,345.50",
                 "Markers outstanding after: ₹20,000.00", "Player's signature", "Cashier's signature",
                 view.at.astimezone().strftime("Date: %Y-%m-%d %H:%M:%S")):  # the one date format, ISO
        assert part in text, part
    assert model.qr_payload == f"CDR1:{view.posting_id}:{'ab' * 32}"
    assert "REPRINT" not in text and "OFFLINE" not in text
    img = render_image(model, paper, dpi=150)
    png = tmp_path / f"receipt-{paper}.png"
    assert img.save(str(png)) and png.read_bytes()[:4] == b"\x89PNG"
    width_mm = img.width() / 150 * 25.4
    assert (79 <= width_mm <= 81) if paper == "80mm" else (209 <= width_mm <= 211)
    # the QR code is the last thing printed: a block of dark modules near the bottom
    bottom = img.copy(0, img.height() * 3 // 4 if paper == "80mm" else 0, img.width(), img.height() // 4)
    assert _dark_rows(bottom) > 10
    pdf = save_receipt_pdf(model, tmp_path / f"receipt-{paper}.pdf", paper)
    data = pdf.read_bytes()
    assert data[:4] == b"%PDF" and b"/MediaBox" in data


def test_an_80mm_receipt_is_as_long_as_its_content_and_fits_the_roll(qapp):
    short = render_image(receipt_model(_view(approver_id=None, credit_after=Money(Decimal("0"), "INR")), INR), "80mm", dpi=203)
    long = render_image(receipt_model(_view(reason="A long reason " * 20), INR), "80mm", dpi=203)
    assert long.height() > short.height()
    assert short.width() == round(80 / 25.4 * 203)


def test_reprint_says_when_and_by_whom_and_pending_has_no_code(qapp):
    at = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
    text = receipt_model(_view(reprint=True, reprint_at=at, reprint_by="S300", reprint_by_name="Sunita Iyer"),
                         INR).text()
    assert "REPRINT" in text and "Reprinted: " in text and "Sunita Iyer (S300)" in text
    pending = receipt_model(_view(pending=True, hash=None, cash_after=None, sequence=None), INR)
    assert "OFFLINE — PENDING" in pending.text() and pending.qr_payload is None
    assert "Receipt no.: CAGE-01-12--" in pending.text()
    assert "Cash on account after: pending — not yet posted" in pending.text()


def test_without_a_casino_name_the_receipt_still_has_a_title(qapp):
    model = receipt_model(_view(), INR)
    assert model.lines[0].role == "title" and model.lines[0].label


@pytest.fixture
def hindi(qapp):
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    yield
    set_language("en")


@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_a_hindi_receipt_is_in_hindi_with_the_same_figures_and_renders_devanagari(hindi, tmp_path, paper):
    from PySide6.QtGui import QFont, QFontMetrics

    from cashier_desktop.ui.i18n import load_font
    view = _view(reprint=True, reprint_at=datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc), reprint_by="S300",
                 reprint_by_name="Sunita Iyer")
    model = receipt_model(view, INR, casino_name="Casino Royale Goa")
    text = model.text()
    for part in ("केज रसीद", "पुनर्मुद्रण", "रसीद सं.: CAGE-01-12-0007", "कैशियर: Asha Rao (C100)", "लेन-देन: निकासी",
                 "राशि: ₹6,00,000.00", "बाद में खाते में नकद: ₹12,345.50", "खिलाड़ी के हस्ताक्षर", "कैशियर के हस्ताक्षर",
                 "Sunita Iyer (S300)", view.reprint_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")):
        assert part in text, part
    for english in ("Receipt no.", "Cashier", "Amount", "signature", "REPRINT", "Dec"):
        assert english not in text, english
    assert model.qr_payload.startswith("CDR1:")  # the code is language-independent
    family = load_font()
    assert family and QFontMetrics(QFont(family)).inFontUcs4(ord("र"))  # the shipped font has Devanagari
    img = render_image(model, paper, dpi=150)
    assert img.save(str(tmp_path / f"receipt-hi-{paper}.png"))
    assert _dark_rows(img) > 50
    assert save_receipt_pdf(model, tmp_path / f"receipt-hi-{paper}.pdf", paper).read_bytes()[:4] == b"%PDF"
