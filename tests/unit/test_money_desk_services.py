"""Foreign exchange, its reversal and the main bank's fills and credits, against a fake ledger
port: who may, two different people signing, and what is refused before the one ledger call."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import AuthenticationFailed, InvalidInput, NotAuthorized
from cashier_desktop.domain.money import Money
from cashier_desktop.terminal import bank, exchange_reversal, fx
from cashier_desktop.terminal.auth import StaffMember
from cashier_desktop.terminal.verbs import Credentials
from tests.unit.fake_ledger import FakeLedger, member, services, session_of

USD = Money(Decimal("100"), "USD")
INR = Money(Decimal("50000"), "INR")


# exchange ---------------------------------------------------------------------------------

def test_an_exchange_is_between_the_cages_currency_and_another_and_only_online():
    ledger = FakeLedger()
    with pytest.raises(InvalidInput, match="between INR and a foreign currency"):
        fx.exchange(services(ledger), member("C100"), "buy", INR)
    with pytest.raises(NotAuthorized, match="needs the ledger"):
        fx.exchange(services(ledger), StaffMember("C100", "Asha Rao", "cashier"), "sell", USD)
    with pytest.raises(InvalidInput):
        fx.exchange(services(ledger), member("C100"), "swap", USD)
    assert ledger.calls == []


def test_an_exchange_sends_blank_fields_as_none_and_the_approvers_own_session():
    ledger = FakeLedger()
    fx.exchange(services(ledger), member("C100"), "buy", USD, player_id="  ", id_type=" ", id_number=None)
    sent = ledger.sent["exchange"]
    assert (sent["direction"], sent["player_id"], sent["id_type"], sent["approver_session"]) == ("buy", None, None,
                                                                                                  None)
    fx.exchange(services(ledger), member("C100"), "sell", USD, player_id=" 101 ", approver=Credentials("F200", "2222"))
    assert ledger.calls[-2:] == ["open_staff_session", "exchange"]
    assert ledger.sent["exchange"]["player_id"] == "101" and ledger.sent["exchange"]["approver_session"] is not None


@pytest.mark.parametrize("who, code, buy, sell, refusal", [
    ("F200", "USD", "80", "85", NotAuthorized),  # a supervisor's
    ("S300", "US", "80", "85", InvalidInput),  # not a currency code
    ("S300", "USD", "86", "85", InvalidInput),  # the cage would lose on every pair
])
def test_a_rate_is_refused_before_the_ledger(who, code, buy, sell, refusal):
    ledger = FakeLedger()
    with pytest.raises(refusal):
        fx.set_rate(services(ledger), member(who), code, buy, sell)
    assert ledger.calls == []


def test_a_rate_is_stored_for_the_code_as_typed():
    ledger = FakeLedger()
    fx.set_rate(services(ledger), member("S300"), " usd ", "83.10", Decimal("84.00"))
    assert ledger.sent["set_rate"] == {"currency": "USD", "buy": Decimal("83.10"), "sell": Decimal("84.00")}


# reversing an exchange ------------------------------------------------------------------

def test_reversing_an_exchange_needs_an_id_a_reason_and_the_ledger():
    ledger = FakeLedger()
    with pytest.raises(InvalidInput, match="not an exchange id"):
        exchange_reversal.reverse_exchange(services(ledger), member("S300"), "x1", "wrong")
    with pytest.raises(InvalidInput, match="needs a reason"):
        exchange_reversal.reverse_exchange(services(ledger), member("S300"), uuid.uuid4(), "  ")
    with pytest.raises(NotAuthorized, match="only online"):
        exchange_reversal.reverse_exchange(services(ledger), StaffMember("S300", "Sam Roy", "supervisor"),
                                           uuid.uuid4(), "wrong")
    assert ledger.calls == []


def test_the_issuer_approves_their_own_reversal_without_a_second_pin_another_approver_enters_theirs():
    ledger = FakeLedger()
    original = uuid.uuid4()
    exchange_reversal.reverse_exchange(services(ledger), member("S300"), str(original), " wrong rate ",
                                       approver=Credentials("S300", "not asked"))
    assert ledger.calls == ["reverse_exchange"]
    assert ledger.sent["reverse_exchange"] == {"original_id": original, "reason": "wrong rate",
                                               "approver_session": None}
    exchange_reversal.reverse_exchange(services(ledger), member("F200"), original, "r",
                                       approver=Credentials("S300", "3333"))
    assert ledger.sent["reverse_exchange"]["approver_session"] is not None


# the main bank --------------------------------------------------------------------------

def test_a_fill_is_sent_by_the_banks_person_and_received_by_the_window_a_credit_the_other_way():
    ledger = FakeLedger()
    window = session_of("C100")
    bank.fill(services(ledger), window, INR, Credentials("F200", "2222"))
    fill = ledger.sent["bank_transfer"]
    assert fill["kind"] == "fill" and fill["receiver_session"] == window.staff.session_token
    assert fill["sender_session"] not in (None, window.staff.session_token) and fill["terminal_id"] == "T-UNIT"
    bank.credit(services(ledger), window, INR, Credentials("F200", "2222"))
    credit = ledger.sent["bank_transfer"]
    assert credit["kind"] == "credit" and credit["sender_session"] == window.staff.session_token


def test_the_banks_side_is_signed_by_someone_else_with_the_right():
    ledger = FakeLedger()
    with pytest.raises(InvalidInput, match="someone other than you"):
        bank.fill(services(ledger), session_of("C100"), INR, Credentials("C100", "1111"))
    assert ledger.calls == []
    with pytest.raises(NotAuthorized):  # a cashier may not sign for the bank
        bank.fill(services(ledger), session_of("C100"), INR, Credentials("C101", "1212"))
    with pytest.raises(AuthenticationFailed):
        bank.credit(services(ledger), session_of("C100"), INR, Credentials("F200", "0000"))
    assert "bank_transfer" not in ledger.calls


@pytest.mark.parametrize("who, kind, reason, refusal", [
    ("F200", "lend", "count room", InvalidInput),
    ("C100", "fund", "count room", NotAuthorized),
    ("F200", "remit", "  ", InvalidInput),
])
def test_cash_into_or_out_of_the_bank_is_refused_before_any_pin(who, kind, reason, refusal):
    ledger = FakeLedger()
    with pytest.raises(refusal):
        bank.move_bank_cash(services(ledger), session_of(who), kind, INR, Credentials("S300", "3333"), reason)
    assert ledger.calls == []


def test_cash_into_the_bank_names_where_it_came_from_and_accountability_is_a_supervisors():
    ledger = FakeLedger()
    bank.move_bank_cash(services(ledger), session_of("F200"), "fund", INR, Credentials("S300", "3333"), " count room ")
    assert ledger.sent["bank_transfer"]["reason"] == "count room"
    with pytest.raises(NotAuthorized):
        bank.accountability(services(ledger), session_of("F200"))
    bank.accountability(services(ledger), session_of("S300"))
    assert ledger.calls[-2:] == ["accountability", "foreign_accountability"]  # the drawers' foreign cash too


def test_a_third_persons_approval_is_their_own_session_and_never_one_of_the_two_signers():
    ledger = FakeLedger()
    window = session_of("C100")
    with pytest.raises(InvalidInput, match="someone other than the two who sign"):
        bank.fill(services(ledger), window, INR, Credentials("F200", "2222"), approver=Credentials("C100", "1111"))
    assert "bank_transfer" not in ledger.calls
    bank.fill(services(ledger), window, INR, Credentials("F200", "2222"), approver=Credentials("S300", "3333"))
    assert ledger.sent["bank_transfer"]["approver_session"] is not None
    bank.credit(services(ledger), window, INR, Credentials("F200", "2222"))
    assert ledger.sent["bank_transfer"]["approver_session"] is None


def test_the_foreign_notes_of_an_exchange_are_sent_by_denomination_or_not_at_all():
    ledger = FakeLedger()
    fx.exchange(services(ledger), member("C100"), "buy", USD, notes=((Decimal("50.00"), 2),))
    assert ledger.sent["exchange"]["notes"] == {"50": 2}
    fx.exchange(services(ledger), member("C100"), "buy", USD)
    assert ledger.sent["exchange"]["notes"] is None


def test_the_accountability_totals_keep_each_currency_apart():
    from cashier_desktop.ledger.transfers import AccountabilityLine as L
    lines = [L("drawer", 1, "T1", "C100", Decimal("500.00"), Decimal("500.00")),
             L("bank", None, None, None, Decimal("1000.00"), Decimal("1000.00")),
             L("drawer", 1, "T1", "C100", Decimal("370.00"), Decimal("370.00"), currency="USD"),
             L("drawer", 2, "T2", "C101", Decimal("50.00"), Decimal("50.00"), currency="EUR"),
             L("drawer", 2, "T2", "C101", Decimal("30.00"), Decimal("30.00"), currency="USD")]
    assert bank.totals_by_currency(lines) == {None: Decimal("1500.00"), "USD": Decimal("400.00"),
                                              "EUR": Decimal("50.00")}
    assert bank.totals_by_currency([]) == {None: Decimal("0")}
