"""The receipt as printed: a list of lines plus a QR code, painted the same way on screen, PNG,
PDF and paper, on an 80 mm thermal roll or A4.

`receipt_model` decides what is printed (tests read it); `paint_receipt` decides where.
Strings go through `QCoreApplication.translate("Receipt", …)`, so a receipt is printed in
the language installed on the terminal (ui/i18n.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from ..domain.currency import CurrencyProfile
from ..domain.money import Money
from ..domain.notes import denomination_text, notes_value
from ..domain.receipt_code import ReceiptCode, receipt_number
from .display import money_text, time_text
from .i18n import kind_name

translate = QCoreApplication.translate

PAPER_WIDTH_MM = {"80mm": 72.0, "a4": 180.0}  # printable width: an 80 mm roll prints 72 mm
A4_MM = (210.0, 297.0)
MARGIN_MM = {"80mm": 4.0, "a4": 15.0}
SCALE = {"80mm": 1.0, "a4": 1.5}  # A4 prints larger type and a larger code: a page, not a strip


@dataclass(frozen=True)
class Line:
    """One printed line. `role`: title, address, banner, heading, field, big, sign, note, rule."""

    role: str
    label: str = ""
    value: str = ""


@dataclass(frozen=True)
class ReceiptModel:
    number: str
    lines: list[Line] = field(default_factory=list)
    qr_payload: str | None = None

    def text(self) -> str:
        """Everything printed, as plain text (tests, the dialog's accessible text)."""
        out = []
        for ln in self.lines:
            out.append(f"{ln.label}: {ln.value}" if ln.label and ln.value else (ln.label or ln.value))
        if self.qr_payload:
            out.append(self.qr_payload)
        return "\n".join(out)


def receipt_model(view, profile: CurrencyProfile, *, casino_name: str | None = None,
                  casino_address: str | None = None) -> ReceiptModel:
    """What the receipt says for `view` (a ui.receipt.ReceiptView)."""
    number = receipt_number(view.terminal_id, view.shift_id, view.sequence)
    lines: list[Line] = [Line("title", casino_name or translate("Receipt", "Cashier cage"))]
    for part in (casino_address or "").replace("\\n", "\n").splitlines():
        if part.strip():
            lines.append(Line("address", part.strip()))
    lines.append(Line("heading", translate("Receipt", "Cage receipt")))
    if view.pending:
        lines.append(Line("banner", translate("Receipt", "OFFLINE — PENDING")))
    if view.reprint:
        lines.append(Line("banner", translate("Receipt", "REPRINT")))
        lines.append(Line("field", translate("Receipt", "Reprinted"),
                          f"{time_text(view.reprint_at)} · {_person(view.reprint_by, view.reprint_by_name)}"))
    lines += [
        Line("field", translate("Receipt", "Receipt no."), number),
        Line("field", translate("Receipt", "Posting id"), str(view.posting_id)),
        Line("field", translate("Receipt", "Date"), time_text(view.at)),
        Line("field", translate("Receipt", "Terminal"), view.terminal_id),
        Line("field", translate("Receipt", "Shift"), str(view.shift_id) if view.shift_id is not None else "—"),
        Line("field", translate("Receipt", "Cashier"), _person(view.staff_id, view.staff_name)),
    ]
    if view.approver_id:
        lines.append(Line("field", translate("Receipt", "Approved by"), _person(view.approver_id, view.approver_name)))
    lines += [
        Line("rule"),
        Line("field", translate("Receipt", "Player"), f"{view.player_id} {view.player_name}".strip()),
        Line("field", translate("Receipt", "Transaction"), kind_name(view.kind)),
        Line("big", translate("Receipt", "Amount"), money_text(view.amount, profile)),
    ]
    if view.pending:
        lines.append(Line("field", translate("Receipt", "Cash on account after"),
                          translate("Receipt", "pending — not yet posted")))
    else:
        lines.append(Line("field", translate("Receipt", "Cash on account after"), money_text(view.cash_after, profile)))
        if view.credit_after is not None and view.credit_after.amount:
            lines.append(Line("field", translate("Receipt", "Markers outstanding after"),
                              money_text(view.credit_after, profile)))
    if view.reason:
        lines.append(Line("field", translate("Receipt", "Reason"), view.reason))
    lines += notes_lines(view, profile)
    lines.append(Line("rule"))
    if view.pending:
        lines.append(Line("note", translate(
            "Receipt", "Taken while the ledger was unreachable; it will be posted when it is back. "
                       "This receipt has no ledger code until then.")))
    lines += [Line("sign", translate("Receipt", "Player's signature")),
              Line("sign", translate("Receipt", "Cashier's signature"))]
    payload = None
    if not view.pending and view.hash:
        payload = ReceiptCode(view.posting_id, view.hash).payload()
        lines.append(Line("note", translate(
            "Receipt", "Scan the code to check this receipt against the ledger (cashier-desktop verify-receipt).")))
    return ReceiptModel(number, lines, payload)


def notes_lines(view, profile: CurrencyProfile) -> list[Line]:
    """The "Notes" block: one line per denomination, pieces × note = amount, in the posting's
    currency; a block for the notes taken in and one for those paid out; none without notes."""
    lines: list[Line] = []
    currency = view.amount.currency
    for notes, title in ((view.notes_in, translate("Receipt", "Notes taken in")),
                         (view.notes_out, translate("Receipt", "Notes paid out"))):
        if not notes:
            continue
        lines += [Line("rule"), Line("heading", title)]
        for denomination, pieces in notes:
            amount = money_text(Money(denomination * pieces, currency), profile)
            lines.append(Line("field", f"{denomination_text(denomination)} × {pieces}", amount))
        lines.append(Line("field", translate("Receipt", "Notes total"),
                          money_text(Money(notes_value(notes), currency), profile)))
    return lines


def _person(staff_id: str | None, name: str | None) -> str:
    if not staff_id:
        return "—"
    return f"{name} ({staff_id})" if name else staff_id


# -- painting ----------------------------------------------------------------------------------
def _font(role: str, dpi: float, scale: float = 1.0) -> QFont:
    points = {"title": 13, "heading": 10, "banner": 13, "big": 13, "address": 8, "note": 7}.get(role, 9)
    f = QFont()
    f.setPixelSize(max(6, round(points * scale * dpi / 72)))
    f.setBold(role in ("title", "banner", "big", "heading"))
    return f


def paint_receipt(painter: QPainter | None, model: ReceiptModel, width_px: float, dpi: float,
                  scale: float = 1.0) -> float:
    """Paint `model` in a column `width_px` wide from the painter's origin; returns the height
    used. With `painter=None` only measures (a roll's page is as long as its receipt).
    `scale` enlarges type, gaps and the code (A4)."""
    mm = dpi / 25.4 * scale
    y = 0.0
    measure_img = QImage(1, 1, QImage.Format_RGB32) if painter is None else None
    p = painter or QPainter(measure_img)
    try:
        for ln in model.lines:
            font = _font(ln.role, dpi, scale)
            p.setFont(font)
            gap = 1.2 * mm
            if ln.role == "rule":
                if painter is not None:
                    p.fillRect(QRectF(0, y + gap, width_px, max(1.0, 0.3 * mm)), QColor("black"))
                y += 2 * gap + 0.3 * mm
                continue
            if ln.role == "sign":
                y += 9 * mm
                if painter is not None:
                    p.fillRect(QRectF(0, y, width_px * 0.8, max(1.0, 0.25 * mm)), QColor("black"))
                y += 0.8 * mm
                r = p.boundingRect(QRectF(0, y, width_px, 10_000), Qt.TextWordWrap, ln.label)
                if painter is not None:
                    p.drawText(r, Qt.TextWordWrap, ln.label)
                y += r.height() + gap
                continue
            if ln.role in ("title", "address", "heading", "banner", "note"):
                text = ln.label or ln.value
                flags = Qt.AlignHCenter | Qt.TextWordWrap
                r = p.boundingRect(QRectF(0, y, width_px, 10_000), flags, text)
                if painter is not None:
                    if ln.role == "banner":
                        p.fillRect(QRectF(0, y - 0.5 * mm, width_px, r.height() + mm), QColor("black"))
                        p.setPen(QColor("white"))
                    p.drawText(QRectF(0, y, width_px, r.height()), flags, text)
                    p.setPen(QColor("black"))
                y += r.height() + gap + (mm if ln.role == "banner" else 0)
                continue
            # a field: label left, value right-aligned; the value moves under a long label
            label_r = p.boundingRect(QRectF(0, y, width_px, 10_000), Qt.TextWordWrap, ln.label)
            value_r = p.boundingRect(QRectF(0, y, width_px, 10_000), Qt.AlignRight | Qt.TextWrapAnywhere, ln.value)
            if label_r.width() + value_r.width() + 2 * mm > width_px:
                if painter is not None:
                    p.drawText(label_r, Qt.TextWordWrap, ln.label)
                y += label_r.height()
                value_r = p.boundingRect(QRectF(0, y, width_px, 10_000), Qt.AlignRight | Qt.TextWrapAnywhere, ln.value)
                if painter is not None:
                    p.drawText(QRectF(0, y, width_px, value_r.height()), Qt.AlignRight | Qt.TextWrapAnywhere, ln.value)
                y += value_r.height() + gap
            else:
                if painter is not None:
                    p.drawText(QRectF(0, y, width_px, label_r.height()), Qt.AlignLeft, ln.label)
                    p.drawText(QRectF(0, y, width_px, label_r.height()), Qt.AlignRight, ln.value)
                y += max(label_r.height(), value_r.height()) + gap
        if model.qr_payload:
            qr = segno.make(model.qr_payload, error="m", micro=False)
            border = 4
            modules = qr.symbol_size(scale=1, border=border)[0]
            side = min(width_px, 34 * mm)
            module = max(1, int(side // modules))
            left = (width_px - module * modules) / 2
            y += 2 * mm
            if painter is not None:
                for row, bits in enumerate(qr.matrix_iter(scale=1, border=border)):
                    for col, dark in enumerate(bits):
                        if dark:
                            p.fillRect(QRectF(left + col * module, y + row * module, module, module), QColor("black"))
            y += module * modules + 2 * mm
    finally:
        if painter is None:
            p.end()
    return y


def render_image(model: ReceiptModel, paper: str = "80mm", dpi: int = 203) -> QImage:
    """The receipt as an image (a thermal printer's 203 dpi by default), white background."""
    mm = dpi / 25.4
    margin = MARGIN_MM[paper] * mm
    width = PAPER_WIDTH_MM[paper] * mm
    height = paint_receipt(None, model, width, dpi, SCALE[paper])
    page_h = A4_MM[1] * mm if paper == "a4" else height + 2 * margin
    page_w = A4_MM[0] * mm if paper == "a4" else width + 2 * margin
    img = QImage(round(page_w), round(max(page_h, height + 2 * margin)), QImage.Format_RGB32)
    img.setDotsPerMeterX(round(dpi / 0.0254))
    img.setDotsPerMeterY(round(dpi / 0.0254))
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing, False)
    p.translate(margin, margin)
    paint_receipt(p, model, width, dpi, SCALE[paper])
    p.end()
    return img


def save_receipt_pdf(model: ReceiptModel, path: str | Path, paper: str = "80mm") -> Path:
    """The receipt as a PDF page: A4, or an 80 mm wide page as long as the receipt."""
    writer = QPdfWriter(str(path))
    dpi = 300
    writer.setResolution(dpi)
    writer.setTitle(translate("Receipt", "Cage receipt") + f" {model.number}")
    writer.setCreator("cashier-desktop")
    mm = dpi / 25.4
    width = PAPER_WIDTH_MM[paper] * mm
    if paper == "a4":
        size = QPageSize(QPageSize.A4)
    else:
        height_mm = paint_receipt(None, model, width, dpi, SCALE[paper]) / mm + 2 * MARGIN_MM[paper]
        size = QPageSize(QSizeF(80.0, max(80.0, height_mm)), QPageSize.Millimeter, "Receipt roll")
    writer.setPageLayout(QPageLayout(size, QPageLayout.Portrait, QMarginsF(*(MARGIN_MM[paper],) * 4),
                                     QPageLayout.Millimeter))
    p = QPainter(writer)
    paint_receipt(p, model, width, dpi, SCALE[paper])
    p.end()
    return Path(path)


def print_receipt(model: ReceiptModel, printer, paper: str = "80mm") -> None:
    """Paint on a QPrinter already set up (by the print dialog, or the default printer)."""
    dpi = printer.resolution()
    p = QPainter(printer)
    paint_receipt(p, model, PAPER_WIDTH_MM[paper] * dpi / 25.4, dpi, SCALE[paper])
    p.end()
