"""A shift report as HTML (screen and PDF) and CSV files, for the supervisor's exports."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.currency import CurrencyProfile, profile_for
from .display import money_text, time_text
from .i18n import kind_name
from .receipt import save_pdf

translate = QCoreApplication.translate
_STATUS = {"open": QT_TRANSLATE_NOOP("ShiftReport", "open"), "closed": QT_TRANSLATE_NOOP("ShiftReport", "closed"),
           "signed_off": QT_TRANSLATE_NOOP("ShiftReport", "signed off")}


def status_text(status: str) -> str:
    """A shift's status in words (never the raw "signed_off")."""
    return translate("ShiftReport", _STATUS[status]) if status in _STATUS else status.replace("_", " ")


def figures(report: Any) -> list[tuple[str, str]]:
    """(label, value) lines of the shift's count and reconciliation figures."""
    s, t = report.shift, report.totals
    cur = profile_for(s.currency)

    def m(v):
        return money_text(v, cur) if v is not None else "—"

    def by(at, who) -> str:
        return translate("ShiftReport", "%1 by %2").replace("%1", time_text(at)).replace("%2", str(who))
    rows = [(translate("ShiftReport", "Shift"), f"#{s.id}"),
            (translate("ShiftReport", "Terminal"), s.terminal_id),
            (translate("ShiftReport", "Cashier"), s.staff_id),
            (translate("ShiftReport", "Status"), status_text(s.status)),
            (translate("ShiftReport", "Opened"), time_text(s.opened_at)),
            (translate("ShiftReport", "Opening float"), m(s.opening_float))]
    if report.blind:
        rows.append((translate("ShiftReport", "Figures"),
                     translate("ShiftReport", "shown after the closing count (blind count)")))
        return rows
    rows += [(translate("ShiftReport", "Closed"), by(s.closed_at, s.closed_by)),
             (translate("ShiftReport", "Cash in"), m(t.cash_in if t else None)),
             (translate("ShiftReport", "Cash out"), m(t.cash_out if t else None)),
             (translate("ShiftReport", "Expected"), m(s.expected)),
             (translate("ShiftReport", "Counted"), m(s.counted)),
             (translate("ShiftReport", "Variance"), m(s.variance))]
    if s.closing_count:
        rows.append((translate("ShiftReport", "Count"), ", ".join(f"{d}×{q}" for d, q in s.closing_count.items())))
    rows += foreign_rows(report)
    signed = translate("ShiftReport", "Signed off")
    if s.status == "signed_off":
        rows.append((signed, by(s.signed_off_at, s.signed_off_by) + (f": {s.signoff_note}" if s.signoff_note else "")))
    elif s.needs_signoff:
        rows.append((signed, translate("ShiftReport",
                                       "NOT YET — required (variance at or over the threshold)")))
    else:
        rows.append((signed, translate("ShiftReport", "not yet")))
    return rows


def foreign_rows(report: Any) -> list[tuple[str, str]]:
    """The shift's foreign cash (0032): handed in with the drawer, and counted at close."""
    rows = []
    for f in getattr(report, "foreign", ()):
        cur = profile_for(f.currency)
        if f.moment == "open":
            rows.append((translate("ShiftReport", "%1 handed in").replace("%1", f.currency), money_text(f.counted, cur)))
        else:
            rows.append((translate("ShiftReport", "%1 counted").replace("%1", f.currency),
                         translate("ShiftReport", "%1, expected %2, variance %3")
                         .replace("%1", money_text(f.counted, cur)).replace("%2", money_text(f.expected, cur))
                         .replace("%3", money_text(f.variance, cur))))
    return rows


# Numbers, dates and ids are never broken inside (a "₹6,00,000.0 / 0" or "2026-12-0 / 4" in
# a signed report is a misread waiting to happen): those cells do not wrap, the table is
# sized to the page, and only names and sentences may wrap.
_KEEP = "white-space:nowrap"
A4_TEXT_WIDTH_MM = 267.0  # A4 landscape (297 mm) less 15 mm margins each side: a row fits
_PX_PER_MM = 96 / 25.4  # the document's layout unit (logical pixels)


def report_html(report: Any, profile: CurrencyProfile, reconciliation: str = "") -> str:
    e = html.escape
    head = "".join(f"<tr><td style='padding-right:12px;{_KEEP}'>{e(k)}</td><td><b>{e(v)}</b></td></tr>"
                   for k, v in figures(report))
    if reconciliation:
        head += (f"<tr><td>{e(translate('ShiftReport', 'Reconciliation'))}</td>"
                 f"<td><b>{e(reconciliation)}</b></td></tr>")
    body = "".join(
        f"<tr><td style='{_KEEP}'>{e(time_text(p.created_at))}</td><td>{e(kind_name(p.kind))}</td>"
        f"<td style='{_KEEP}'>{e(p.player_id)}</td>"
        f"<td align='right' style='{_KEEP}'>{e(money_text(p.amount, profile))}</td>"
        f"<td align='right' style='{_KEEP}'>{e(money_text(p.drawer_delta, profile))}</td>"
        f"<td style='{_KEEP}'>{e(p.staff_id)}{' / ' + e(p.approver_id) if p.approver_id else ''}</td>"
        f"<td style='{_KEEP};font-family:monospace;font-size:7pt'>{e(str(p.id))}</td></tr>"
        for p in report.postings)
    columns = [translate("ShiftReport", "Time"), translate("ShiftReport", "Transaction"),
               translate("ShiftReport", "Player"), translate("ShiftReport", "Amount"),
               translate("ShiftReport", "Drawer"), translate("ShiftReport", "Staff"),
               translate("ShiftReport", "Posting id")]
    title = translate("ShiftReport", "Shift report #%1").replace("%1", str(report.shift.id))
    listed = translate("ShiftReport", "Transactions (%1)").replace("%1", str(len(report.postings)))
    return (f"<h2>{e(title)}</h2><table>{head}</table><h3>{e(listed)}</h3>"
            "<table border='1' cellspacing='0' cellpadding='2' width='100%' style='font-size:8pt'>"
            "<tr>" + "".join(f"<th>{e(c)}</th>" for c in columns) + "</tr>"
            f"{body}</table>")


def report_document(report: Any, profile: CurrencyProfile, reconciliation: str = ""):
    """The report laid out on A4 landscape as it prints (tests read its lines from this same layout)."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument
    doc = QTextDocument()
    doc.setHtml(report_html(report, profile, reconciliation))
    doc.setPageSize(QSizeF(A4_TEXT_WIDTH_MM * _PX_PER_MM, 180.0 * _PX_PER_MM))
    return doc


def write_csv(report: Any, path: str | Path) -> Path:
    from ..terminal.shifts import render_csv
    Path(path).write_text(render_csv(report), encoding="utf-8")
    return Path(path)


def write_pdf(report: Any, profile: CurrencyProfile, path: str | Path, reconciliation: str = "") -> Path:
    return save_pdf(report_document(report, profile, reconciliation), path, landscape=True)
