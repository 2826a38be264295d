"""The counter's domain sentences read in Hindi when the terminal is in Hindi, figures kept."""

from __future__ import annotations

import pytest

from cashier_desktop.ui.domain_text import translate_sentence


@pytest.fixture
def hindi(qapp):
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    yield
    set_language("en")


def test_english_terminals_see_the_sentence_as_written(qapp):
    s = "Player 179 has ₹100.00; cannot take ₹500.00."
    assert translate_sentence(s) == s


def test_counter_refusals_and_warnings_are_reworded_in_hindi_with_their_figures(hindi):
    assert translate_sentence("Player 179 has ₹100.00; cannot take ₹500.00.") == \
        "खिलाड़ी 179 के पास ₹100.00 है; ₹500.00 नहीं दिए जा सकते।"
    assert translate_sentence("Staff id or PIN not recognised.") == "कर्मचारी आईडी या पिन पहचाना नहीं गया।"
    warning = translate_sentence("Withdrawal of ₹6,00,000.00 is at or above ₹5,00,000.00: a floor manager or "
                                 "supervisor must approve with their PIN.")
    assert warning.startswith("₹6,00,000.00 की निकासी") and "₹5,00,000.00" in warning
    ctr = translate_sentence("This takes the player's cash in this month to ₹15,00,000.00, over the reporting "
                             "threshold of ₹10,00,000.00: record the player's identification (type and number); "
                             "a CTR will be due.")
    assert "इस महीने में" in ctr and "₹15,00,000.00" in ctr and "record" not in ctr
    assert translate_sentence("Something nobody listed.") == "Something nobody listed."


def test_an_integrity_alert_summary_and_refusal_codes_read_in_hindi(hindi):
    from cashier_desktop.ui.domain_text import reason_text
    text = translate_sentence("Alert 6: the balance of player 179 disagrees with the ledger (failed: cash matches "
                              "ledger, deposits match ledger). It was changed without a posting at 2026-12-04 "
                              "11:59:05, by the database login “postgres” from the computer 127.0.0.1.")
    assert text.startswith("चेतावनी 6:") and "179" in text and "“postgres”" in text and "127.0.0.1" in text
    assert "cash" not in text and "disagrees" not in text
    assert reason_text("insufficient_funds") == "अपर्याप्त नकद"
    assert reason_text("something_new") == "something new"
