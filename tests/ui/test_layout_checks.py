"""The layout checks themselves catch what issue 15 found: white text on white, a clipped
word-wrapped label, a status bar wider than the screen (so a passing window means something)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStatusBar, QVBoxLayout, QWidget

from tests.ui.layout_checks import SCREENS, contrast_ratio, problems


def test_wcag_contrast_of_known_pairs():
    assert round(contrast_ratio(0x000000, 0xFFFFFF), 1) == 21.0
    assert contrast_ratio(0xFFFFFF, 0xFFFFFF) == 1.0
    assert contrast_ratio(0x8B0000, 0xFDECEA) >= 4.5


def test_white_text_on_white_is_caught(qtbot, qapp):
    """The old alert banner: a red frame whose label was white on the app's white background."""
    banner = QFrame()
    banner.setStyleSheet("QFrame { background: #b00020; } QLabel { color: white; background: white; }")
    label = QLabel("Alert 2: player 179 disagrees with the ledger.", banner)
    QHBoxLayout(banner).addWidget(label)
    qtbot.addWidget(banner)
    banner.resize(700, 60)
    banner.show()
    qtbot.waitExposed(banner)
    assert any("contrast" in p for p in problems(banner, SCREENS["1366x768"]))
    banner.setStyleSheet("QFrame { background: #8b0000; } QLabel { color: white; background: #8b0000; }")
    assert problems(banner, SCREENS["1366x768"]) == []


def test_a_clipped_wrapped_label_is_caught(qtbot, qapp):
    box = QWidget()
    label = QLabel("This is a large amount. Check it with the player and press Enter to confirm, "
                   "Esc to go back. " * 3, box)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 300, 20)  # one line's height for several lines of text
    qtbot.addWidget(box)
    box.resize(300, 20)
    box.show()
    qtbot.waitExposed(box)
    assert any("needs" in p for p in problems(box, SCREENS["1366x768"]))


def test_a_status_bar_wider_than_the_screen_is_caught(qtbot, qapp):
    window = QWidget()
    box = QVBoxLayout(window)
    bar = QStatusBar()
    for text in ("Ledger: ONLINE", "Feed: NOT LIVE (reconnecting) (last event 12 s ago)", "Pending: 0",
                 "Staff: F200 Farid Khan (Floor manager)", "Shift: #12 (C100, float ₹10,000.00)",
                 "Terminal: CAGE-01"):
        bar.addPermanentWidget(QLabel(text))
    box.addWidget(bar)
    qtbot.addWidget(window)
    window.setStyleSheet("* { font-size: 12pt; font-weight: bold; } QLabel { padding: 2px 8px; }")
    window.show()
    qtbot.waitExposed(window)
    assert any("needs at least" in p for p in problems(window, SCREENS["1366x768"]))


def test_a_squeezed_amount_box_is_caught(qtbot, qapp):
    from PySide6.QtWidgets import QLineEdit
    box = QWidget()
    edit = QLineEdit("2,50,000", box)
    edit.setStyleSheet("font-size: 20pt; border: 2px solid black;")
    edit.setGeometry(0, 0, 300, 19)  # what the refusal's extra lines left it
    qtbot.addWidget(box)
    box.resize(300, 40)
    box.show()
    qtbot.waitExposed(box)
    assert any("border is cut" in p for p in problems(box, SCREENS["1366x768"]))


def test_a_cut_choice_is_caught(qtbot, qapp):
    from PySide6.QtWidgets import QComboBox
    box = QWidget()
    combo = QComboBox(box)
    combo.addItem("— choose the identification document —")
    combo.setGeometry(0, 0, 160, 34)
    qtbot.addWidget(box)
    box.resize(200, 40)
    box.show()
    qtbot.waitExposed(box)
    assert any("choice" in p for p in problems(box, SCREENS["1366x768"]))
