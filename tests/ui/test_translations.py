"""Every visible string is translated: with the Hindi translator loaded, open every window and
dialog, walk every visible widget's text, and fail on any English word that is not an id, a
key name, a number or the data on screen (names, terminal id)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMainWindow,
                               QTabBar, QTableWidget, QWidget)

from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import DEMO_STAFF
from tests.support.factories import cmd, make_player
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, active_dialog, find_player, log_in, make_services, wait_until

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "cashier_hi.ts"
# Words that are the same in both languages: keys, file formats, the code on a receipt, the
# program's own command name.
ALLOWED = {"Ctrl", "Alt", "Shift", "Esc", "Enter", "Tab", "PgUp", "PgDown", "PgDn", "Del", "PDF", "CSV", "QR",
           "CDR1", "CDR", "CTR", "cashier-desktop", "verify-receipt", "cashier", "desktop", "verify", "receipt", "INR", "USD",
           "UTC"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def _english(text: str, data_words: set[str]) -> list[str]:
    plain = re.sub(r"<[^>]+>", " ", text or "").replace("&&", "").replace("&", "")
    plain = re.sub(r"\S*\d\S*", " ", plain)  # ids, amounts, dates, keys like F5: anything with a digit
    return [w for w in WORD.findall(plain) if w not in ALLOWED and w not in data_words]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person sees in `root` and its visible children."""
    out: list[tuple[str, str]] = []
    if root.isWindow():
        out.append((f"{type(root).__name__} title", root.windowTitle()))
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        where = f"{type(w).__name__} {w.objectName() or w.accessibleName()}".strip()
        if isinstance(w, QLabel):
            out.append((where, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QLineEdit):
            out.append((where + " placeholder", w.placeholderText() if not w.text() else ""))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QComboBox) and w.objectName() != "languageChoice":  # each language in its own name
            out += [(where + " item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [(where + " tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                out.append((where + " header", item.text() if item else ""))
        if isinstance(w, QMainWindow):
            out += [(where + " menu", a.text()) for a in w.menuBar().actions()]
            for a in w.menuBar().actions():
                if a.menu() is not None:
                    out += [(where + " menu item", b.text()) for b in a.menu().actions()]
    return out


def untranslated(root: QWidget, data_words: set[str]) -> list[str]:
    return [f"{where}: {text!r}" for where, text in visible_texts(root) if _english(text, data_words)]


@pytest.fixture
def hindi_terminal(qapp, fresh_ledger, terminal_id):
    """A terminal in Hindi on a database of its own (nothing other tests left behind on screen)."""
    from cashier_desktop.ui.app import Terminal, apply_style
    from cashier_desktop.ui.i18n import set_language
    url, engine = fresh_ledger
    set_language("hi")
    apply_style(qapp)
    term = Terminal(make_services(url, engine, terminal_id))
    term.login.show()
    yield term, engine
    term.close()
    set_language("en")


def test_every_source_string_has_a_hindi_translation():
    tree = ET.parse(TS)
    missing = [m.find("source").text for m in tree.getroot().iter("message")
               if not (m.find("translation").text or "").strip()
               or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert missing == []


def test_the_english_detector_catches_english_and_spares_data():
    data = {"Asha", "Rao"}
    assert _english("Deposit (F5)", data) == ["Deposit"]
    assert _english("जमा (&D) (F5)", data) == []
    assert _english("Asha Rao (C100) — T-UI-1a2b3c4d", data) == []
    assert _english("<b>₹1,000.00</b> 2026-12-04", data) == []


def test_every_window_shows_only_hindi_when_the_terminal_is_in_hindi(qtbot, hindi_terminal, terminal_id):
    terminal, engine = hindi_terminal
    data_words = {w for _sid, name, *_ in DEMO_STAFF for w in name.split()} | {"Meera", "Nair"}
    player = make_player(engine, name="Meera Nair")
    open_test_shift(engine, terminal_id, "S300", "0")
    post(engine, cmd("deposit", player, "5000", terminal_id=terminal_id, staff="S300"))
    problems: list[str] = []
    problems += untranslated(terminal.login, data_words)
    window = log_in(qtbot, terminal, "S300", "3333")
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(50)
        problems += untranslated(window, data_words)
    window.tabs.setCurrentWidget(window.cashier)
    tab = window.cashier
    find_player(qtbot, window, player)
    wait_until(qtbot, lambda: tab.recent.rowCount() == 1, what="recent")
    problems += untranslated(window, data_words)
    for key, modifier, attr in ((Qt.Key_F5, Qt.NoModifier, "dialog"), (Qt.Key_H, Qt.ControlModifier, "dialog"),
                                (Qt.Key_F9, Qt.NoModifier, "dialog")):
        activate(qtbot, tab)
        qtbot.keyClick(tab, key, modifier)
        dialog = active_dialog(qtbot, tab, attr)
        qtbot.wait(100)
        problems += untranslated(dialog, data_words)
        dialog.reject()
        wait_until(qtbot, lambda: tab.dialog is None, what="dialog closed")
    tab.recent.selectRow(0)
    tab.reprint()
    receipt = active_dialog(qtbot, tab, "receipt_dialog")
    problems += untranslated(receipt, data_words)
    problems += [f"receipt: {line!r}" for line in receipt.plain_text().splitlines()[:-1]
                 if _english(line, data_words | {"Casino"})]
    receipt.reject()
    # a large deposit: the confirmation, then the player's identification over the threshold
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "1500000")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.confirm_box.isVisible(), what="large-amount confirmation")
    problems += untranslated(dialog, data_words)
    qtbot.keyClick(dialog.ok_button, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.id_box.isVisible(), what="identification asked")
    problems += untranslated(dialog, data_words)
    dialog.reject()
    wait_until(qtbot, lambda: tab.dialog is None, what="dialog closed")
    # the blind count at the close of the shift
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)
    wait_until(qtbot, lambda: window.dialog is not None and window.dialog.isVisible(), what="close-shift dialog")
    problems += untranslated(window.dialog, data_words)
    window.dialog.reject()
    problems = list(dict.fromkeys(problems))
    assert problems == [], "untranslated:\n" + "\n".join(problems)
