"""Posting commands: validated on creation, fingerprinted for idempotency."""

import dataclasses
import uuid
from decimal import Decimal

import pytest

from cashier_desktop.domain.commands import PostingCommand, check_player_id, check_staff_id
from cashier_desktop.domain.errors import InvalidAmount, InvalidInput
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money


def make(kind=Kind.DEPOSIT, amount="100", **kw):
    kw.setdefault("player_id", "179")
    kw.setdefault("staff_id", "C100")
    return PostingCommand(kind=kind, amount=Money(Decimal(amount), "INR"), **kw)


@pytest.mark.parametrize("pid", ["179", "p-1", "A.b_c", "x" * 64])
def test_player_ids_as_the_portal_spells_them_are_accepted(pid):
    assert check_player_id(pid) == pid


@pytest.mark.parametrize("pid", ["", " ", "x" * 65, "179'; DROP TABLE players; --", "a b", "-x",
                                 "१२३", "a/b", None, 179])
def test_anything_else_is_not_a_player_id(pid):
    with pytest.raises(InvalidInput, match="not a player id"):
        check_player_id(pid)


def test_staff_ids_are_checked_too():
    assert check_staff_id(" C100 ") == "C100"
    with pytest.raises(InvalidInput):
        check_staff_id("C100; --")


def test_a_command_is_immutable_and_gets_a_fresh_uuid():
    a, b = make(), make()
    assert isinstance(a.id, uuid.UUID) and a.id != b.id
    with pytest.raises(AttributeError):
        a.player_id = "x"  # type: ignore[misc]


# The fingerprint's fields, read from the dataclass itself: a field added later is varied
# here too (or the test below says it has no variant), so "nothing else" stays true.
# The staff sessions are credentials, not what is asked: a retry after a new login (a new
# session) is the same request, so they stay out of the fingerprint (and out of the journal).
_LEFT_OUT = {"id", "shift_id", "session", "approver_session"}
_BASE = dict(kind=Kind.REVERSAL, player_id="179", amount=Money(Decimal("100"), "INR"), staff_id="C100",
             terminal_id="T1", shift_id=1, approver_id="S300", reverses_id=uuid.UUID(int=1), reason="typo",
             id_type="passport", id_number="X1")
_VARIANTS = {
    "kind": {"kind": Kind.ADJUST_OUT, "reverses_id": None},  # vs. an adjust-in (see _base_for)
    "player_id": {"player_id": "180"},
    "amount": {"amount": Money(Decimal("100.01"), "INR")},
    "staff_id": {"staff_id": "C101"},
    "terminal_id": {"terminal_id": "T2"},
    "approver_id": {"approver_id": "S301"},
    "reverses_id": {"reverses_id": uuid.UUID(int=2)},
    "reason": {"reason": "miscount"},
    "id_type": {"id_type": "licence"},
    "id_number": {"id_number": "X2"},
    # notes: varied on a deposit whose notes come to its amount either way (see _base_for)
    "notes_in": {"notes_in": {"50": 2}},
    "notes_out": {"notes_out": {"200": 2}},
}
_NOTES_BASE = {**_BASE, "kind": Kind.DEPOSIT, "reverses_id": None, "approver_id": None, "reason": None}


def _fingerprinted_fields() -> list[str]:
    return [f.name for f in dataclasses.fields(PostingCommand) if f.name not in _LEFT_OUT]


def test_every_fingerprinted_field_has_a_variant_below():
    assert sorted(_VARIANTS) == sorted(_fingerprinted_fields())


def _base_for(name: str) -> dict:
    """The base differs from its variant in `name` alone (a non-reversal has no original, so
    the kind is varied between two adjustments)."""
    if name == "notes_in":
        return {**_NOTES_BASE, "notes_in": {"100": 1}}
    if name == "notes_out":
        return {**_NOTES_BASE, "amount": Money(Decimal("100"), "INR"), "notes_in": {"500": 1},
                "notes_out": {"100": 4}}
    return {**_BASE, "kind": Kind.ADJUST_IN, "reverses_id": None} if name == "kind" else _BASE


@pytest.mark.parametrize("name", _fingerprinted_fields())
def test_the_request_hash_changes_with_every_field_but_the_id_and_the_shift(name):
    base = PostingCommand(id=uuid.uuid4(), **_base_for(name))
    changed = PostingCommand(id=base.id, **{**_base_for(name), **_VARIANTS[name]})
    differs = [f for f in dataclasses.fields(PostingCommand) if getattr(base, f.name) != getattr(changed, f.name)]
    assert [f.name for f in differs] == [name]
    assert changed.request_hash() != base.request_hash(), f"{name} is not in the fingerprint"


@pytest.mark.parametrize("currency", ["USD", "EUR"])
def test_the_request_hash_changes_with_the_currency_alone(currency):
    base = PostingCommand(**_BASE)
    other = PostingCommand(**{**_BASE, "amount": Money(Decimal("100"), currency)})
    assert base.amount.amount == other.amount.amount
    assert other.request_hash() != base.request_hash()


@pytest.mark.parametrize("name, value", [("absent", None), ("empty", "")])
def test_an_optional_field_set_or_not_gives_a_different_hash(name, value):
    with_id = PostingCommand(**{**_BASE, "kind": Kind.DEPOSIT, "reverses_id": None, "approver_id": None,
                                "reason": None})
    without = PostingCommand(**{**_BASE, "kind": Kind.DEPOSIT, "reverses_id": None, "approver_id": None,
                                "reason": None, "id_type": value, "id_number": value})
    assert with_id.request_hash() != without.request_hash()


def test_the_request_hash_ignores_the_id_and_the_shift():
    base = PostingCommand(id=uuid.uuid4(), **_BASE)
    assert PostingCommand(id=uuid.uuid4(), **{**_BASE, "shift_id": 2}).request_hash() == base.request_hash()
    assert PostingCommand(id=uuid.uuid4(), **{**_BASE, "shift_id": None}).request_hash() == base.request_hash()


def test_a_command_round_trips_through_json():
    c = make(kind=Kind.REVERSAL, reverses_id=uuid.uuid4(), reason="typo", approver_id="S300",
             terminal_id="T1", shift_id=7)
    back = PostingCommand.from_json(c.to_json())
    assert back == c and back.request_hash() == c.request_hash()


@pytest.mark.parametrize("kind", [Kind.REVERSAL, Kind.ADJUST_IN, Kind.ADJUST_OUT])
def test_corrections_need_a_reason_and_an_approver(kind):
    extra = {"reverses_id": uuid.uuid4()} if kind is Kind.REVERSAL else {}
    with pytest.raises(InvalidInput, match="needs a reason"):
        make(kind=kind, approver_id="S300", **extra)
    with pytest.raises(InvalidInput, match="needs a reason"):
        make(kind=kind, approver_id="S300", reason="   ", **extra)
    with pytest.raises(InvalidInput, match="needs an approver"):
        make(kind=kind, reason="miscount", **extra)
    assert make(kind=kind, reason="miscount", approver_id="S300", **extra).kind is kind


def test_a_credit_line_needs_an_approver_and_may_be_zero():
    with pytest.raises(InvalidInput, match="needs an approver"):
        make(kind=Kind.CREDIT_LINE, amount="1000")
    assert make(kind=Kind.CREDIT_LINE, amount="0", approver_id="F200").amount.amount == Decimal("0.00")


def test_a_reversal_must_name_its_original_and_only_a_reversal_may():
    with pytest.raises(InvalidInput, match="which posting"):
        make(kind=Kind.REVERSAL, reason="x", approver_id="S300")
    with pytest.raises(InvalidInput, match="Only a reversal"):
        make(reverses_id=uuid.uuid4())
    with pytest.raises(InvalidInput, match="UUID"):
        make(kind=Kind.REVERSAL, reason="x", approver_id="S300", reverses_id="not-a-uuid")
    assert isinstance(make(kind=Kind.REVERSAL, reason="x", approver_id="S300",
                           reverses_id=str(uuid.uuid4())).reverses_id, uuid.UUID)


@pytest.mark.parametrize("amount", ["0", "-1"])
def test_money_moving_kinds_need_a_positive_amount(amount):
    with pytest.raises(InvalidAmount):
        make(amount=amount)


def test_a_non_money_amount_and_a_bad_id_are_refused():
    with pytest.raises(InvalidAmount):
        PostingCommand(kind=Kind.DEPOSIT, player_id="1", amount=Decimal("1"), staff_id="C100")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="UUID"):
        make(id="nope")
    assert make(id=str(uuid.UUID(int=5))).id == uuid.UUID(int=5)


def test_the_request_hash_ignores_the_staff_sessions():
    base = PostingCommand(**_BASE)
    again = dataclasses.replace(base, session=uuid.uuid4(), approver_session=uuid.uuid4())
    assert again.request_hash() == base.request_hash()
