"""The posting verbs the GUI's dialog and the CLI's `post` share, against fakes of both ports:
one command builder, and "the typed ID document on file, then the posting" in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import InvalidInput
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal import verbs
from tests.unit.fake_ledger import TERMINAL, FakeLedger, FakeLocal, member, services

INR = Money(Decimal("250000"), "INR")


@dataclass
class PostingLocal(FakeLocal):
    """The local side, posting into a list (and telling the ledger's fake it did, for order)."""

    ledger: FakeLedger | None = None
    posted: list = field(default_factory=list)

    def post(self, cmd):
        self.posted.append(cmd)
        if self.ledger is not None:
            self.ledger.calls.append("post")
        return ("receipt", cmd.id)


def _counter(ledger: FakeLedger):
    local = PostingLocal(ledger=ledger)
    s = services(ledger, local)
    s.database_decides = True  # a bound login: the posting API decides in the posting's call
    s.refusal_log = type("Refusals", (), {"note": lambda self, cmd, exc: None})()
    return s, local


def test_one_builder_composes_a_counter_posting_on_this_terminal_with_a_fresh_id_unless_kept():
    a = verbs.posting_command(TERMINAL, "C100", Kind.DEPOSIT, "101", INR, id_type="Passport", id_number="Z1")
    b = verbs.posting_command(TERMINAL, "C100", Kind.DEPOSIT, "101", INR, posting_id=a.id, shift_id=4)
    assert (a.terminal_id, a.staff_id, a.kind, a.amount, a.id_type, a.id_number) == (
        TERMINAL, "C100", Kind.DEPOSIT, INR, "Passport", "Z1")
    assert b.id == a.id and b.shift_id == 4  # a retry keeps its id
    assert verbs.posting_command(TERMINAL, "C100", Kind.DEPOSIT, "101", INR).id != a.id


def test_a_typed_document_with_its_expiry_goes_on_file_before_the_posting():
    ledger = FakeLedger()
    s, local = _counter(ledger)
    cmd = verbs.posting_command(TERMINAL, "C100", Kind.DEPOSIT, "101", INR, id_type=" Passport ",
                                id_number=" Z123 ")
    verbs.post(s, member("C100"), cmd, id_expires="2031-05-31")
    assert ledger.calls == ["add_id_document", "post"]
    assert ledger.sent["add_id_document"] == {"player_id": "101", "doc_type": "Passport", "doc_number": "Z123",
                                              "expires_on": date(2031, 5, 31)}
    assert [c.id for c in local.posted] == [cmd.id]


@pytest.mark.parametrize("expires", [None, "", "  "])
def test_without_an_expiry_nothing_is_filed_and_the_posting_goes_alone(expires):
    ledger = FakeLedger()
    s, local = _counter(ledger)
    verbs.post(s, member("C100"), verbs.posting_command(TERMINAL, "C100", Kind.DEPOSIT, "101", INR,
                                                        id_type="Passport", id_number="Z1"), id_expires=expires)
    assert ledger.calls == ["post"] and len(local.posted) == 1


@pytest.mark.parametrize("cmd_id, expires", [({"id_type": "Passport"}, "2031-05-31"),  # no number
                                             ({"id_type": "Passport", "id_number": "Z1"}, "31/05/2031")])
def test_a_document_that_cannot_go_on_file_stops_the_posting(cmd_id, expires):
    ledger = FakeLedger()
    s, local = _counter(ledger)
    with pytest.raises(InvalidInput):
        verbs.post(s, member("C100"), verbs.posting_command(TERMINAL, "C100", Kind.DEPOSIT, "101", INR, **cmd_id),
                   id_expires=expires)
    assert local.posted == [] and ledger.calls == []
