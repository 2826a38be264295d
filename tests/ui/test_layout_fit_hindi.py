"""The same layout checks as tests/ui/test_layout_fit.py, with the terminal in Hindi (the
translations and the Devanagari font are taller and longer than English): nothing clipped,
nothing off screen, every text readable at 1366×768 and 1920×1080.

Every test there runs here too (they look for sentences through the translator)."""

from __future__ import annotations

import pytest

from tests.ui import test_layout_fit as english
from tests.ui.layout_checks import SCREENS

pytestmark = pytest.mark.parametrize("screen_name", list(SCREENS))


@pytest.fixture(autouse=True)
def hindi(qapp):
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    yield
    set_language("en")


test_login_window_in_hindi = english.test_login_window_normal_and_locked_out
test_supervisor_shift_review_in_hindi = english.test_supervisor_shift_review_shows_the_variance_and_the_alert
test_cashier_window_in_hindi = english.test_cashier_window_normal_refused_offline_and_alert
test_floor_manager_window_and_credit_queue_in_hindi = english.test_floor_manager_window_and_credit_queue
test_posting_dialog_large_amount_second_staff_and_id_in_hindi = english.test_posting_dialog_large_amount_second_staff_and_id
test_posting_dialog_under_an_alert_in_hindi = english.test_posting_dialog_for_a_balance_under_an_alert
test_posting_dialog_refused_in_hindi = english.test_posting_dialog_refused
test_posting_dialog_notes_in_hindi = english.test_posting_dialog_with_notes_that_do_not_add_up
test_marker_redemption_notes_in_hindi = english.test_marker_redemption_dialog_with_its_notes_line
test_shift_dialogs_in_hindi = english.test_shift_dialogs
test_adopt_dialog_in_hindi = english.test_adopt_dialog
test_receipt_and_credit_request_dialogs_in_hindi = english.test_receipt_and_credit_request_dialogs
test_player_history_in_hindi = english.test_player_history
test_id_on_file_in_hindi = english.test_id_on_file_dialog_and_the_offer_in_the_posting_dialog
test_exchange_dialog_in_hindi = english.test_exchange_dialog_quote_second_staff_id_and_refusal
test_exchange_receipt_in_hindi = english.test_exchange_receipt
test_cage_settings_and_markers_tabs_in_hindi = english.test_cage_settings_and_markers_tabs
test_player_history_line_changes_and_markers_in_hindi = english.test_player_history_line_changes_and_markers
test_cage_accountability_window_in_hindi = english.test_cage_accountability_window


def test_every_english_layout_check_also_runs_in_hindi(screen_name):
    """A window or state added to the English checks is measured in Hindi too, or this fails."""
    english_checks = {name for name in dir(english) if name.startswith("test_")}
    here = {getattr(f, "__name__", "") for name, f in globals().items() if name.startswith("test_")}
    assert english_checks - here == set()
