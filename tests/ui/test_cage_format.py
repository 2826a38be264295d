"""Sentences read in the cage's format: amounts as ₹1,23,456.00 whichever layer wrote them,
"an adjustment" (never "A adjustment"), reconcile never prints "ledger None INR"."""

from __future__ import annotations

from types import SimpleNamespace

from cashier_desktop.cli.journal_cmds import _line_amounts
from cashier_desktop.domain.currency import profile_for
from cashier_desktop.domain.errors import InsufficientFunds
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.ui.display import cage_sentence
from cashier_desktop.ui.ops import sentence_for


def test_a_refusal_from_the_ledger_reads_in_rupees_with_indian_grouping():
    exc = InsufficientFunds("Player p1 has 100.00 INR; cannot take 150000.00 INR.")
    assert sentence_for(exc) == "Player p1 has ₹100.00; cannot take ₹1,50,000.00."


def test_a_figure_the_ledger_left_without_its_currency_takes_the_sentences_currency():
    # the posting API writes "has 100.00 INR; cannot take 1500.00." (one currency, named once)
    exc = InsufficientFunds("Player p-7a has 100.00 INR; cannot take 1500.00.")
    assert sentence_for(exc) == "Player p-7a has ₹100.00; cannot take ₹1,500.00."
    assert cage_sentence("Shift 12 took 3.50 at 10.00 o'clock") == "Shift 12 took 3.50 at 10.00 o'clock"


def test_integrity_figures_read_in_rupees_and_other_numbers_stay():
    inr = profile_for("INR")
    assert cage_sentence("player 7: cash balance: expected 10000.00, found 20000.50", inr) == \
        "player 7: cash balance: expected ₹10,000.00, found ₹20,000.50"
    assert cage_sentence("shift 12, version 3.0, 2026-12-04", inr) == "shift 12, version 3.0, 2026-12-04"


def test_kinds_take_the_right_article():
    assert Kind.ADJUST_IN.with_article.startswith("an adjustment")
    assert Kind.DEPOSIT.with_article == "a deposit"


def test_reconcile_line_never_says_none():
    line = SimpleNamespace(journal_amount="2500.00", ledger_amount=None, currency="INR")
    assert _line_amounts(line) == "journal ₹2,500.00 / not in the ledger"
    same = SimpleNamespace(journal_amount="2500.00", ledger_amount="2500.00", currency="INR")
    assert _line_amounts(same) == "₹2,500.00"
