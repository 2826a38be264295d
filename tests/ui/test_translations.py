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

from cashier_desktop.ledger.seed import DEMO_STAFF
from tests.support.factories import cmd, make_player
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, active_dialog, find_player, log_in, own_terminal, post_as_owner, wait_until

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "cashier_hi.ts"
# Words that are the same in both languages: keys, file formats, the code on a receipt, the
# program's own command name.
ALLOWED = {"Ctrl", "Alt", "Shift", "Esc", "Enter", "Tab", "PgUp", "PgDown", "PgDn", "Del", "PDF", "CSV", "PNG", "JPEG", "QR",
           "CDR1", "CDR", "CTR", "cashier-desktop", "verify-receipt", "cashier", "desktop", "verify", "receipt", "INR", "USD",
           "EUR", "GBP", "AED", "SGD",  # ISO currency codes (exchange rates)
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
        if w.toolTip():  # shown on hover
            out.append((where + " tooltip", w.toolTip()))
        if hasattr(w, "title") and isinstance(getattr(w, "title"), str):  # a title painted by the widget
            out.append((where + " painted title", w.title))
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
    with own_terminal(qapp, fresh_ledger, terminal_id, "hi") as (term, engine, _services):
        yield term, engine


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
    post_as_owner(engine, cmd("deposit", player, "5000", terminal_id=terminal_id, staff="S300"))
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
                                (Qt.Key_F9, Qt.NoModifier, "dialog"), (Qt.Key_D, Qt.ControlModifier, "dialog")):
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


def test_refusals_and_outcomes_in_every_window_show_only_hindi(qtbot, hindi_terminal, terminal_id):
    """The states a walk through the windows meets when something is refused or done: a
    lockout at login, a posting with no shift, offline, a reversal without a reason, a sign-off
    without its note, a bad and a genuine receipt code, integrity findings, an alert adopted."""
    from cashier_desktop.ledger.staff import add_staff
    from tests.ui.test_layout_fit import _closed_shift_with_variance, _raise_alert
    terminal, engine = hindi_terminal
    services = terminal.ctx.services
    data_words = {w for _sid, name, *_ in DEMO_STAFF for w in name.split()} | {"Meera", "Nair", "Lockout", "Test", "postgres"}  # postgres: the database login that wrote by hand
    problems: list[str] = []
    login = terminal.login
    add_staff(engine, "L9", "Lockout Test", "cashier", "4321")
    for _ in range(6):
        login.staff_id.setText("L9")
        login.pin.setText("0000")
        login.submit()
        wait_until(qtbot, lambda: login.problem.text() and login.problem.is_refusal(), what="refusal")
        problems += [f"login: {p}" for p in untranslated(login, data_words)]
        if "L9" in login.problem.text():
            break
    assert "L9" in login.problem.text()
    login.staff_id.clear()
    login.pin.clear()
    player = make_player(engine, name="Meera Nair")
    post_as_owner(engine, cmd("deposit", player, "5000", terminal_id=terminal_id, staff="S300"))
    variance_shift = _closed_shift_with_variance(engine, player)
    _raise_alert(engine, player)
    window = log_in(qtbot, terminal, "S300", "3333")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)  # no shift open on this terminal: refused in the window
    wait_until(qtbot, lambda: tab.message.text() != "", what="no-shift refusal")
    problems += [f"no shift: {p}" for p in untranslated(window, data_words)]
    terminal.ctx.status.set_online(False, "test")
    terminal.ctx.status.set_pending(2)
    problems += [f"offline: {p}" for p in untranslated(window, data_words)]
    terminal.ctx.status.set_online(True)
    terminal.ctx.status.set_pending(0)
    from tests.ui.test_layout_fit import _refused_on_replay
    terminal.ctx.status.set_refused(_refused_on_replay(player, 2))  # the sentence, the row, the counter
    wait_until(qtbot, lambda: tab.message.is_refusal() and tab.recent.rowCount() >= 2, what="refused on replay")
    problems += [f"refused on replay: {p}" for p in untranslated(window, data_words)]
    problems += [f"refused on replay, Recent row: {w}" for w in _english(tab.recent.item(0, 1).text(), data_words)]
    terminal.ctx.status.set_refused(())
    desk = window.supervisor
    window.tabs.setCurrentWidget(desk)
    wait_until(qtbot, lambda: desk.select_shift(variance_shift), what="shift listed")
    wait_until(qtbot, lambda: desk.report is not None and desk.report.shift.id == variance_shift, what="report")
    desk.postings.selectRow(0)
    for state, act in (("reversal without a reason", desk.reverse), ("sign-off without its note", desk.sign_off)):
        desk.info.setText("")
        act()
        wait_until(qtbot, lambda: desk.info.text() != "" and desk.signoff_button.isEnabled(), what=state)
        problems += [f"{state}: {p}" for p in untranslated(window, data_words)]
    for state, code in (("bad receipt code", "not a code"),
                        ("unknown receipt", "CDR1:00000000-0000-0000-0000-000000000000:" + "ab" * 32)):
        desk.receipt_check.field.setText(code)
        desk.receipt_check.result.setText("")
        desk.receipt_check.check()
        wait_until(qtbot, lambda: desk.receipt_check.result.text() not in ("", desk.receipt_check.tr(
            "Checking the receipt against the ledger…")) and desk.receipt_check.button.isEnabled(), what=state)
        problems += [f"{state}: {p}" for p in untranslated(window, data_words)]
    desk.run_integrity()
    wait_until(qtbot, lambda: desk.findings.isVisible(), what="integrity findings")
    problems += [f"integrity findings: {p}" for p in untranslated(window, data_words)]
    problems += [f"integrity findings window: {p}" for p in untranslated(desk.findings_window, data_words)]
    problems += [f"integrity finding: {desk.findings.item(i).text()!r}" for i in range(desk.findings.count())
                 if _english(desk.findings.item(i).text(), data_words)]
    monitor = window.monitor
    window.tabs.setCurrentWidget(monitor)
    wait_until(qtbot, lambda: monitor.alerts.rowCount() >= 1, what="alert listed")
    monitor.alerts.selectRow(0)
    monitor.ask("dismiss")
    wait_until(qtbot, lambda: monitor.dialog is not None and monitor.dialog.isVisible(), what="correction dialog")
    problems += [f"correction dialog: {p}" for p in untranslated(monitor.dialog, data_words)]
    monitor.dialog.reject()
    problems += [f"monitor: {p}" for p in untranslated(window, data_words)]
    problems = list(dict.fromkeys(problems))
    assert problems == [], "untranslated:\n" + "\n".join(problems)
