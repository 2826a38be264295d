"""The shift report's PDF never breaks a number, a date or an id in the middle."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import Decimal
from types import SimpleNamespace
from uuid import uuid4

import pytest

from cashier_desktop.domain.currency import profile_for
from cashier_desktop.ui import shift_export

INR = profile_for("INR")
TOKEN = re.compile(r"^(-?₹[\d,]+\.\d\d|\d{4}-\d\d-\d\d[ \xa0]\d\d:\d\d:\d\d|[0-9a-f-]{36})$")


def _report(n: int = 12):
    at = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)
    shift = SimpleNamespace(id=41, terminal_id="CAGE-01", staff_id="C100", status="closed", opened_at=at,
                            opening_float=Decimal("600000.00"), closed_at=at, closed_by="C100",
                            expected=Decimal("6600000.00"), counted=Decimal("5980000.00"),
                            variance=Decimal("-620000.00"), closing_count={"2000": 2990}, needs_signoff=True,
                            signed_off_at=None, signed_off_by=None, signoff_note=None, currency="INR")
    totals = SimpleNamespace(cash_in=Decimal("6000000.00"), cash_out=Decimal("0.00"))
    postings = [SimpleNamespace(created_at=at, kind="marker_redeem", player_id=f"PLAYER-{i:05d}-LONGID",
                                amount=Decimal("9999999.99"), drawer_delta=Decimal("-9999999.99"),
                                staff_id="C100", approver_id="F200", id=uuid4()) for i in range(n)]
    return SimpleNamespace(shift=shift, totals=totals, blind=False, postings=postings)


def _cells(doc):
    """(text, number of laid-out lines) of every text block of the document, table cells included."""
    doc.documentLayout().documentSize()  # lay it out
    cursor_blocks = []
    b = doc.firstBlock()
    while b.isValid():
        cursor_blocks.append((b.text().strip(), b.layout().lineCount()))
        b = b.next()
    return [c for c in cursor_blocks if c[0]]


def test_no_amount_date_or_id_is_broken_across_lines(qapp, tmp_path):
    doc = shift_export.report_document(_report(), INR, reconciliation="run on terminal CAGE-01")
    cells = _cells(doc)
    tokens = [(t, lines) for t, lines in cells if TOKEN.match(t)]
    assert len(tokens) >= 12 * 4  # time, amount, drawer and id per posting
    broken = [t for t, lines in tokens if lines != 1]
    assert broken == []
    # and no word anywhere is split (a squeezed column would put one letter per line)
    assert [t for t, lines in cells if lines > len(t.split())] == []
    assert shift_export.write_pdf(_report(), INR, tmp_path / "shift.pdf").read_bytes()[:4] == b"%PDF"


def test_the_check_would_catch_a_broken_amount(qapp, monkeypatch):
    """Without the no-wrap rule the same report does break tokens: the test above can fail."""
    monkeypatch.setattr(shift_export, "_KEEP", "")
    doc = shift_export.report_document(_report(), INR)
    doc.setPageSize(doc.pageSize() * 0.6)
    broken = [t for t, lines in _cells(doc) if TOKEN.match(t) and lines != 1]
    assert broken, "a narrow page without no-wrap should have broken some token"
