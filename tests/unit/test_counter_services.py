"""The counter's services against fakes of their ports: no database, no journal file.

`Services.local` is a port (`terminal.local.LocalSide`): here a fake that records what it
is asked to post. With a login the database binds (`database_decides`), `submit` needs
nothing else of the ledger, so the rules the terminal itself applies can be tested alone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pytest

from cashier_desktop.config import load_config
from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.errors import CurrencyMismatch, LedgerUnavailable, NotAuthorized, ShiftNotOpen
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal.auth import StaffMember
from cashier_desktop.terminal.counter import submit
from cashier_desktop.terminal.local import DirectSide
from cashier_desktop.terminal.services import Services

TERMINAL = "T-UNIT"
CASHIER = StaffMember("C100", "Asha Rao", "cashier", session_token=uuid.uuid4())


@dataclass
class FakeLocal:
    """The local side: posts into a list; offline, completes the shift it last saw."""

    online: bool = True
    known_shift: int | None = 7
    posted: list = field(default_factory=list)
    journal = None
    link = None

    def post(self, cmd):
        self.posted.append(cmd)
        return ("receipt", cmd.id)

    def authorize_offline(self, staff, cmd, cause=None):
        if self.known_shift is None:
            raise ShiftNotOpen("no shift known")
        return replace(cmd, shift_id=self.known_shift)


@dataclass
class FakeRefusals:
    noted: list = field(default_factory=list)

    def note(self, cmd, exc):
        self.noted.append((cmd.id, type(exc).__name__))


def services(local: FakeLocal) -> Services:
    config = load_config(env={"CASHIER_CONFIG": ""}, overrides={"terminal.id": TERMINAL, "ledger.url": None})
    s = Services(config, engine=None, local=local)  # type: ignore[arg-type] - no ledger is reached
    s.database_decides = True  # a bound login: the posting API decides in the posting's own call
    s.refusal_log = FakeRefusals()
    return s


def deposit(amount: str = "500", currency: str = "INR", **kw) -> PostingCommand:
    return PostingCommand(kind=Kind.DEPOSIT, player_id="101", amount=Money(Decimal(amount), currency),
                          staff_id=kw.pop("staff_id", CASHIER.id), **kw)


def test_a_deposit_is_posted_once_through_the_local_side_with_this_terminal_and_the_session():
    local = FakeLocal()
    cmd = deposit()
    assert submit(services(local), CASHIER, cmd) == ("receipt", cmd.id)
    [sent] = local.posted
    assert sent.id == cmd.id and sent.terminal_id == TERMINAL and sent.session == CASHIER.session_token


def test_offline_the_posting_joins_the_shift_the_terminal_last_saw():
    local = FakeLocal(online=False, known_shift=42)
    submit(services(local), CASHIER, deposit())
    assert [c.shift_id for c in local.posted] == [42]


@pytest.mark.parametrize("cmd, refusal", [
    (deposit(staff_id="C999"), NotAuthorized),  # under someone else's id
    (deposit(currency="USD"), CurrencyMismatch),  # not the cage's currency
    (PostingCommand(kind=Kind.ADJUST_IN, player_id="101", amount=Money(Decimal("5"), "INR"), staff_id="C100", approver_id="C100",
                    reason="try"), NotAuthorized),  # a cashier may not adjust
])
def test_what_the_terminal_refuses_is_never_posted_and_is_noted_for_the_dashboard(cmd, refusal):
    local = FakeLocal()
    s = services(local)
    with pytest.raises(refusal):
        submit(s, CASHIER, cmd)
    assert local.posted == []
    assert s.refusal_log.noted == [(cmd.id, refusal.__name__)]


def test_without_a_journal_an_unreachable_ledger_is_not_hidden():
    direct = DirectSide(engine=None)  # type: ignore[arg-type]
    with pytest.raises(LedgerUnavailable):
        direct.authorize_offline(CASHIER, deposit(), LedgerUnavailable("gone"))
    with pytest.raises(LedgerUnavailable):
        direct.carry_on_offline(LedgerUnavailable("gone"))
    assert direct.online and direct.pending_count() == 0


def test_the_verbs_the_gui_and_the_cli_share_build_the_same_postings():
    from cashier_desktop.terminal import verbs
    local = FakeLocal()
    s = services(local)
    verbs.deposit(s, CASHIER, "101", Money(Decimal("250"), "INR"))
    verbs.withdraw(s, CASHIER, "101", Money(Decimal("50"), "INR"))
    assert [(c.kind, c.amount.amount, c.terminal_id) for c in local.posted] == [
        (Kind.DEPOSIT, Decimal("250.00"), TERMINAL), (Kind.WITHDRAWAL, Decimal("50.00"), TERMINAL)]
    assert local.posted[0].id != local.posted[1].id  # a fresh id per posting
    original = uuid.uuid4()
    undo = verbs.reversal(s, "S300", original, "  wrong player ", amount=Money(Decimal("250"), "INR"),
                          player_id="101")
    assert (undo.kind, undo.reverses_id, undo.approver_id, undo.reason) == (Kind.REVERSAL, original, "S300",
                                                                            "wrong player")
