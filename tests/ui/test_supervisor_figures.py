"""The shift figures beside the sign-off: what the shift list shows is left out in whichever
language the terminal is in now (it changes at login), and no figure breaks in the middle."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cashier_desktop.ui.i18n import set_language
from cashier_desktop.ui.supervisor import figures_html


def _rows() -> list[tuple[str, str]]:
    t = QCoreApplication.translate
    return [(t("ShiftReport", "Shift"), "#13"), (t("ShiftReport", "Terminal"), "T-VAR-23a6a3"),
            (t("ShiftReport", "Opened"), "2026-12-04 13:54:10"), (t("ShiftReport", "Variance"), "-₹6,19,000.00")]


def test_the_figures_leave_out_the_listed_rows_in_either_language_after_a_switch(qapp):
    try:
        for language in ("hi", "en", "hi"):
            set_language(language)
            shown = figures_html(_rows())
            assert "T-VAR-23a6a3" not in shown and "#13" not in shown, language
            assert QCoreApplication.translate("ShiftReport", "Variance") in shown
    finally:
        set_language("en")


def test_a_figure_never_wraps_inside(qapp):
    shown = figures_html(_rows())
    cell = shown[shown.index("-₹6,19,000.00") - 80:shown.index("-₹6,19,000.00")]
    assert "white-space:nowrap" in cell
