"""The language is chosen per workstation (terminal.language) and switched at login."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import log_in, wait_until


def test_choosing_hindi_at_login_switches_the_terminal_and_back(qtbot, terminal):
    from cashier_desktop.ui.i18n import current_language, set_language
    try:
        first = terminal.login
        assert first.button.text() == "&Log in (Enter)"
        chooser = first.language
        chooser.setFocus()
        qtbot.keyClick(chooser, Qt.Key_Down)  # English → हिन्दी, by keyboard
        wait_until(qtbot, lambda: terminal.login is not first, what="login window in Hindi")
        assert current_language() == "hi" and not first.isVisible()
        hindi = terminal.login
        assert hindi.isVisible() and hindi.button.text() == "लॉग इन (&L) (Enter)"
        assert hindi.language.currentData() == "hi"
        window = log_in(qtbot, terminal, "C100", "1111")
        assert window.tabs.tabText(0) == "काउंटर (&C)"
        assert window.cashier.buttons  # the counter's buttons in Hindi, keys unchanged
        assert window.cashier.credit_button.text() == "क्रेडिट माँगें (&U) (F9)"
        window.logout()
        wait_until(qtbot, lambda: terminal.login.isVisible(), what="back at login")
        chooser = terminal.login.language
        chooser.setFocus()
        qtbot.keyClick(chooser, Qt.Key_Up)
        wait_until(qtbot, lambda: current_language() == "en" and terminal.login.button.text() == "&Log in (Enter)",
                   what="English again")
    finally:
        set_language("en")
