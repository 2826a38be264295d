"""Every refusal a window can show reads in Hindi when the terminal is in Hindi: the role
refusals of every role and action, every template of ui/refusal_sentences.py, and the floor
manager's credit decisions refused by the real terminal and ledger, in the credit queue."""

from __future__ import annotations

import pytest

from cashier_desktop.domain.errors import NotAuthorized
from cashier_desktop.domain.roles import Action, Role, require
from cashier_desktop.ui.domain_text import translate_sentence
from cashier_desktop.ui.ops import sentence_for
from cashier_desktop.ui.refusal_sentences import PATTERNS, TEMPLATES
from tests.support.factories import make_player
from tests.ui.conftest import log_in, own_terminal, wait_until
from tests.ui.other_counter import request_credit_elsewhere
from tests.ui.test_translations import _english


@pytest.fixture
def hindi(qapp):
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    yield
    set_language("en")


def test_every_role_refusal_reads_in_hindi(hindi):
    refusals = []
    for role in Role:
        for action in Action:
            try:
                require(role, action)
            except NotAuthorized as exc:
                refusals.append(str(exc))
    assert len(refusals) >= 10
    left = [(s, translate_sentence(sentence_for(NotAuthorized(s)))) for s in refusals]
    assert [(s, t) for s, t in left if _english(t, set())] == []


def test_every_template_is_recognised_and_reads_in_hindi(hindi):
    for template in TEMPLATES:
        parts = [f"X{i}9" for i in range(1, 5)]
        english = template
        for i, part in enumerate(parts, start=1):
            english = english.replace(f"%{i}", part)
        assert any(rx.match(english) for rx, _t in PATTERNS), template
        hindi_text = translate_sentence(english)
        assert hindi_text != english and _english(hindi_text, set()) == [], (template, hindi_text)


def test_an_unknown_sentence_is_shown_as_written(hindi):
    assert translate_sentence("Something nobody wrote a template for.") == "Something nobody wrote a template for."


@pytest.fixture
def hindi_terminal(qapp, fresh_ledger, terminal_id):
    with own_terminal(qapp, fresh_ledger, terminal_id, "hi") as walked:
        yield walked


def test_a_floor_managers_refused_credit_decisions_read_in_hindi(qtbot, hindi_terminal):
    """Deciding a request one filed, and approving above one's authority: the ledger's and the
    terminal's refusals, shown in the queue in Hindi (the walk fails on any English word)."""
    from tests.ui.test_translations import untranslated
    terminal, engine, services = hindi_terminal
    own, big = make_player(engine, name="Meera Nair"), make_player(engine, name="Kabir Bose")
    request_credit_elsewhere(engine, own, "50000", "regular", staff_id="F200")
    request_credit_elsewhere(engine, big, "5000000", "high roller", staff_id="C100")
    data = {"Meera", "Nair", "Kabir", "Bose", "Farid", "Khan", "Asha", "Rao", "regular", "high", "roller"}
    window = log_in(qtbot, terminal, "F200", "2222")
    queue = window.credit_queue
    window.tabs.setCurrentWidget(queue)
    wait_until(qtbot, lambda: len(queue.requests) == 2, what="both requests listed")
    shown = []
    for player in (own, big):
        assert queue.select_request(next(r.id for r in queue.requests if r.player_id == player))
        queue.info.setText("")
        queue.approve()
        wait_until(qtbot, lambda: queue.info.text() != "" and queue.approve_button.isEnabled(), what="refusal")
        assert queue.info.is_refusal()
        shown.append(queue.info.text())
        assert untranslated(window, data) == [], untranslated(window, data)
    assert "₹50,00,000.00" in shown[1] and "₹10,00,000.00" in shown[1]  # the figures stay, in the cage format
    # denied without a reason (refused), then approved within authority and denied with one (done)
    queue.info.setText("")
    queue.deny()
    assert queue.info.is_refusal()
    assert untranslated(window, data) == [], untranslated(window, data)
    queue.limit.edit.setText("500000")
    queue.limit.edit._on_edited(queue.limit.edit.text())
    queue.approve()
    wait_until(qtbot, lambda: len(queue.requests) == 1 and queue.info.text() and not queue.info.is_refusal(),
               what="approved")
    assert untranslated(window, data) == [], untranslated(window, data)
