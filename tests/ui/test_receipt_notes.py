"""Receipts print the notes a posting recorded (issue 17): a "Notes" block, one line per
denomination (pieces × note = amount, in the posting's currency) and the total, on screen and
in the printed PDF; none when the posting recorded no notes."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timezone
from decimal import Decimal
from uuid import uuid4

import pytest
from PySide6.QtCore import QSize

from cashier_desktop.config import DENOMINATIONS
from cashier_desktop.domain.currency import profile_for
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.notes import normalized
from cashier_desktop.domain.receipts import PendingReceipt, Receipt, with_notes
from cashier_desktop.ui.receipt import ReceiptDialog, ReceiptView
from cashier_desktop.ui.receipt_layout import receipt_model, save_receipt_pdf
from tests.ui.layout_checks import SCREENS, problems

INR = profile_for("INR")


def _receipt(kind: Kind = Kind.DEPOSIT, amount: str = "2300.00", currency: str = "INR") -> Receipt:
    def m(v: str) -> Money:
        return Money(Decimal(v), currency)
    return Receipt(id=uuid4(), seq=1, kind=kind, player_id="179", amount=m(amount), cash_before=m("0.00"),
                   cash_after=m(amount), credit_before=m("0.00"), credit_after=m("0.00"), limit_after=m("0.00"),
                   approved_after=False, staff_id="C100", approver_id=None, terminal_id="CAGE-1", shift_id=3,
                   reverses_id=None, reason=None, created_at=datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc),
                   hash="ab" * 32, shift_sequence=4, staff_name="Asha Rao")


def test_a_deposit_with_notes_lists_each_denomination_and_the_total():
    r = with_notes(_receipt(), normalized({"500": 4, "100": 3}), ())
    text = receipt_model(ReceiptView.of(r), INR).text()
    assert "Notes taken in\n500 × 4: ₹2,000.00\n100 × 3: ₹300.00\nNotes total: ₹2,300.00" in text
    assert "Notes paid out" not in text


def test_a_posting_without_notes_has_no_notes_block():
    text = receipt_model(ReceiptView.of(_receipt()), INR).text()
    assert "Notes" not in text and " × " not in text


def test_a_withdrawal_prints_the_notes_paid_out_in_the_postings_currency():
    r = with_notes(_receipt(Kind.WITHDRAWAL, "170.00", "USD"), (), normalized({"100": 1, "50": 1, "20": 1}))
    text = receipt_model(ReceiptView.of(r), INR).text()  # a USD posting at an INR terminal
    assert "Notes paid out\n100 × 1: $100.00\n50 × 1: $50.00\n20 × 1: $20.00\nNotes total: $170.00" in text
    assert "₹" not in text.split("Notes paid out")[1]


def test_an_offline_receipt_prints_its_notes_too():
    p = PendingReceipt(id=uuid4(), kind=Kind.DEPOSIT, player_id="179", amount=Money(Decimal("600"), "INR"),
                       staff_id="C100", terminal_id="CAGE-1", shift_id=3,
                       taken_at=datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc))
    p = with_notes(p, normalized({"500": 1, "100": 1}), ())
    assert PendingReceipt.from_json(p.to_json()) == p  # the journal keeps them
    text = receipt_model(ReceiptView.of(p), INR).text()
    assert "OFFLINE — PENDING" in text and "500 × 1: ₹500.00\n100 × 1: ₹100.00" in text


def test_a_receipts_notes_survive_its_json_and_a_receipt_without_keeps_its_shape():
    r = with_notes(_receipt(), normalized({"500": 4, "100": 3}), ())
    again = Receipt.from_json(r.to_json())
    assert (again.notes_in, again.notes_out) == (r.notes_in, ())
    assert r.to_json()["notes_in"] == {"500": 4, "100": 3}
    assert "notes_in" not in _receipt().to_json()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_the_printed_pdf_carries_the_notes_lines(qapp, tmp_path, paper):
    r = with_notes(_receipt(), normalized({"500": 4, "100": 3}), ())
    pdf = save_receipt_pdf(receipt_model(ReceiptView.of(r), INR), tmp_path / "r.pdf", paper)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    rows = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    for row in ("Notes taken in", "500 × 4 ₹2,000.00", "100 × 3 ₹300.00", "Notes total ₹2,300.00"):
        assert row in rows, (row, rows)


@pytest.mark.parametrize("screen_name", list(SCREENS))
def test_the_receipt_dialog_with_every_denomination_fits_the_screen(qtbot, screen_name):
    every = normalized({d: 999 for d in DENOMINATIONS["INR"]})
    total = sum(Decimal(d) * 999 for d in DENOMINATIONS["INR"])
    r = with_notes(_receipt(amount=f"{total:.2f}"), every, ())
    dialog = ReceiptDialog(ReceiptView.of(r), INR, player_name="Rahul Verma")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.plain_text()
    assert all(f"{d} × 999" in text for d in DENOMINATIONS["INR"])
    # the receipt image grew by the block; the dialog scrolls it instead of growing off the screen
    plain = ReceiptDialog(ReceiptView.of(_receipt()), INR)
    qtbot.addWidget(plain)
    assert dialog.image.pixmap().height() > plain.image.pixmap().height() + 10 * 20
    assert not problems(dialog, SCREENS[screen_name])
    assert isinstance(SCREENS[screen_name], QSize)
