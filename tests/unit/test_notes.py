"""Notes at the counter (domain/notes.py): the quick split, the typed form, the rule that
they add up, and a command without notes exactly as before notes existed (its request hash
and its journal form), so old journal entries and ledger rows still match."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from uuid import uuid4

import pytest

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.errors import InvalidAmount, InvalidInput
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.notes import notes_text, parse_notes, preferred_notes, split

D = Decimal
INR = [D(x) for x in ("2000", "500", "200", "100", "50", "20", "10", "5", "2", "1")]


def test_an_amount_splits_into_the_preferred_notes_largest_first():
    assert notes_text(split(D("2300"), preferred_notes("INR", None), INR)) == "500×4 + 100×3"
    assert notes_text(split(D("2300"), preferred_notes("INR", ["2000", "200"]), INR)) == "2000×1 + 200×1 + 100×1"


def test_what_the_preferred_notes_cannot_make_falls_to_the_other_denominations_or_is_left_short():
    assert notes_text(split(D("2357"), preferred_notes("INR", None), INR)) == "500×4 + 100×3 + 50×1 + 5×1 + 2×1"
    assert notes_text(split(D("0.50"), preferred_notes("INR", None), INR)) == "—"


def test_typed_notes_are_read_and_what_is_not_a_note_of_the_currency_is_one_sentence():
    assert parse_notes("500x4, 100×3,50=0") == ((D("500.00"), 4), (D("100.00"), 3))
    with pytest.raises(InvalidInput, match="300 is not a denomination of this currency"):
        parse_notes("300x2", ["500", "100"])
    with pytest.raises(InvalidInput, match="is not DENOMINATIONxPIECES"):
        parse_notes("500 notes")
    with pytest.raises(InvalidInput, match="given twice"):
        parse_notes("500x1,500x2")


def _deposit(amount: str, **notes) -> PostingCommand:
    return PostingCommand(kind=Kind.DEPOSIT, player_id="P1", amount=Money(D(amount), "INR"), staff_id="C100",
                          **notes)


def test_notes_that_do_not_come_to_the_amount_are_refused_in_one_sentence():
    with pytest.raises(InvalidAmount, match=r"^The notes come to ₹2,200.00 but the amount is ₹2,300.00; "
                                            r"nothing was posted.$"):
        _deposit("2300", notes_in={"500": 4, "100": 2})
    with pytest.raises(InvalidAmount, match="come to -₹500.00"):
        _deposit("500", notes_out={"500": 1})
    change = _deposit("1500", notes_in={"2000": 1}, notes_out={"500": 1})  # change given back counts
    assert change.notes_out == ((D("500.00"), 1),)
    with pytest.raises(InvalidInput, match="only for a deposit, a withdrawal or a marker redemption"):
        PostingCommand(kind=Kind.MARKER_ISSUE, player_id="P1", amount=Money(D("500"), "INR"), staff_id="C100",
                       notes_out={"500": 1})


def test_a_command_without_notes_hashes_and_journals_exactly_as_before_notes():
    c = _deposit("2300")
    before = {"kind": "deposit", "player_id": "P1", "amount": "2300.00", "currency": "INR", "staff_id": "C100",
              "terminal_id": "", "approver_id": None, "reverses_id": None, "reason": None,
              "id_type": None, "id_number": None}
    assert c.request_hash() == hashlib.sha256(
        json.dumps(before, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    assert "notes_in" not in c.to_json() and "notes_out" not in c.to_json()
    assert PostingCommand.from_json({"id": str(uuid4()), **before, "shift_id": None}).notes_in == ()


def test_notes_are_part_of_the_request_and_survive_the_journal_form():
    with_notes = _deposit("2300", notes_in={"500": 4, "100": 3})
    assert with_notes.to_json()["notes_in"] == {"500": 4, "100": 3}
    assert PostingCommand.from_json(with_notes.to_json()) == with_notes
    other = _deposit("2300", notes_in={"100": 23}, id=with_notes.id)
    assert other.request_hash() != with_notes.request_hash() != _deposit("2300").request_hash()
