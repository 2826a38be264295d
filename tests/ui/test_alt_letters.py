"""Alt+letter reaches one thing: in each role's main window, on each of its tab pages, no two
visible controls (with the menu bar's and the tab bar's own letters) share a mnemonic. With two
sharing one, Qt only moves the focus between them on Alt+letter, and a cashier who learnt
"Alt+T opens the cage totals" gets the Cage settings tab instead (seen: Cage &totals beside
Cage se&ttings)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

from tests.ui.conftest import log_in

_MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    m = _MNEMONIC.search(text.replace("&&", ""))
    return m.group(1).lower() if m else None


def _seen(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.window() is window


def letters(window: QWidget, page: QWidget) -> dict[str, list[str]]:
    """Each mnemonic in reach on `page`: the menu bar's, the tab bar's, the page's controls'."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, what: str) -> None:
        if (k := _letter(text)) is not None:
            found[k].append(f"{what} {text!r}")
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            if action.isVisible():
                add(action.text(), "menu")
    for bar in window.findChildren(QTabBar):
        if _seen(bar, window):
            for i in range(bar.count()):
                if bar.isTabVisible(i):
                    add(bar.tabText(i), "tab")
    for w in page.findChildren(QWidget):
        if not _seen(w, window):
            continue
        if isinstance(w, QAbstractButton) and not isinstance(w.parent(), QTabBar):
            add(w.text(), "button")
        elif isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text(), "label")
        elif isinstance(w, QGroupBox) and w.isCheckable():
            add(w.title(), "group")
    return found


@pytest.fixture(params=["en", "hi"])
def language(request, qapp):
    """The Hindi terminal keeps the English letters, written after the word: "(&U)"."""
    from cashier_desktop.ui.i18n import set_language
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize("staff, pin", [("C100", "1111"), ("F200", "2222"), ("S300", "3333")])
def test_no_two_controls_in_reach_share_an_alt_letter(qtbot, language, terminal, staff, pin):
    window = log_in(qtbot, terminal, staff, pin)
    tabs = window.tabs
    assert (tabs.tabText(0) == "&Counter") == (language == "en")  # the language is the one asked for
    clashes = []
    for i in range(tabs.count()):
        if not tabs.isTabVisible(i):
            continue
        tabs.setCurrentIndex(i)
        page = tabs.widget(i)
        for letter, where in letters(window, page).items():
            if len(where) > 1:
                clashes.append(f"{tabs.tabText(i)!r}: Alt+{letter.upper()}: {', '.join(where)}")
    assert clashes == [], "\n".join(clashes)
