"""The cage operations' refusals read in Hindi on a Hindi terminal, figures kept: the
database's sentences (0013) and the terminal's, as the windows show them (`sentence_for`)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication

from cashier_desktop.domain.errors import ApprovalRequired, IdentificationRequired, NotAuthorized, RateChanged
from cashier_desktop.ui.cage_sentences import TEMPLATES
from cashier_desktop.ui.ops import sentence_for


@pytest.fixture
def hindi(qapp):
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    yield
    set_language("en")


def test_every_template_has_its_hindi(hindi):
    for template in TEMPLATES:
        hindi_text = QCoreApplication.translate("DomainText", template)
        assert hindi_text != template and re.search(r"[\u0900-\u097F]", hindi_text), template


def test_the_databases_exchange_refusals_read_in_hindi_with_their_figures(hindi):
    said = sentence_for(ApprovalRequired(
        "A exchange of 10000.00 INR is above the authority of C100 (5000.00 INR): a second person must approve it "
        "with their PIN. Nothing was posted."))
    assert said.startswith("₹10,000.00 का विनिमय C100 के अधिकार (₹5,000.00)") and "approve" not in said
    said = sentence_for(ApprovalRequired(
        "A withdrawal of 60000.00 INR is above the authority of C100 (50000.00 INR): a second person must approve "
        "it with their PIN. Nothing was posted."))
    assert said.startswith("₹60,000.00 की निकासी") and "withdrawal" not in said
    said = sentence_for(IdentificationRequired(
        "This takes the player's cash this gaming day to 1079000.00 INR, over the reporting threshold of "
        "1000000.00 INR: this exchange needs the player's identification (type and number). Nothing was posted."))
    assert "₹10,79,000.00" in said and "₹10,00,000.00" in said and "gaming" not in said
    assert sentence_for(RateChanged("The USD rate changed since it was quoted; quote the player again. "
                                    "Nothing was posted.")).startswith("बताने के बाद USD की दर बदल गई")
    said = sentence_for(NotAuthorized("As a cashier you cannot set an exchange rate; ask a supervisor."))
    assert said == "कैशियर के रूप में आप विनिमय दर तय नहीं कर सकते; सुपरवाइज़र से कहें।"


def test_the_databases_refusals_of_the_types_0029_added_read_in_hindi(hindi):
    said = sentence_for(ApprovalRequired(
        "A fill of 20000.00 INR is above the authority of F200 (10000.00 INR): a second person must approve it "
        "with their PIN. Nothing was posted."))
    assert "फ़िल" in said and "₹20,000.00" in said and "fill" not in said
    said = sentence_for(NotAuthorized(
        "A adjust out of 700.00 INR is above the authority of the approver S300 (500.00 INR); nothing was posted."))
    assert "adjust" not in said and "₹700.00" in said
    said = sentence_for(NotAuthorized("The approver must be someone other than the two who sign (F200); nothing was "
                                      "posted."))
    assert said.startswith("स्वीकृति देने वाला") and "(F200)" in said
