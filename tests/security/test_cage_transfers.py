"""Fills and credits between a window and the main bank, and the cage's total accountability
(issue 17), as the terminal login on a database made by `db create-roles`: two signatures of
two people, a bank that cannot go negative, a fill racing a close, accountability equal to
the ledger after a mix of everything."""

from __future__ import annotations

import threading
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import (ApprovalRequired, DrawerShort, IdempotencyConflict, InsufficientFunds,
                                           NotAuthorized, ShiftNotOpen)
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import transfers
from cashier_desktop.ledger.handover import hand_over
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.staff import add_staff
from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import api_post, open_shift
from tests.support.factories import cmd, make_player
from tests.support.role_logins import within_a_second


def inr(amount: str) -> Money:
    return Money(Decimal(amount), "INR")


@pytest.fixture
def cage(secure, terminal):
    """C100's window (float ₹10,000) on the terminal, a floor manager and a supervisor logged
    in there, and a main bank funded with ₹1,00,000 from the count room."""
    people = {"cashier": session(terminal, "C100", "1111"), "floor": session(terminal, "F200", "2222"),
              "supervisor": session(terminal, "S300", "3333")}
    people["shift"] = open_shift(terminal, people["cashier"], "10000")
    transfers.transfer(terminal, kind="fund", amount=inr("100000"), sender_session=people["supervisor"],
                       receiver_session=people["floor"], reason="opening bank from the count room")
    return people


def _bank(secure) -> Decimal:
    with secure.admin.connect() as conn:
        return conn.execute(text("SELECT balance FROM bank_balances WHERE currency = 'INR'")).scalar_one()


def _close(terminal, shift: int, who, counted: str):
    with terminal.begin() as conn:
        return conn.execute(text("SELECT expected, variance FROM cage.close_shift(:s, :id, :c)"),
                            {"s": who, "id": shift, "c": Decimal(counted)}).one()


def test_a_fill_and_a_credit_move_cash_between_bank_and_window_with_both_signatures(secure, terminal, cage):
    fill = transfers.transfer(terminal, kind="fill", amount=inr("20000"), sender_session=cage["floor"],
                              receiver_session=cage["cashier"])
    assert (fill.sender_id, fill.receiver_id, fill.shift_id, fill.bank_after) == (
        "F200", "C100", cage["shift"], inr("80000"))
    credit = transfers.transfer(terminal, kind="credit", amount=inr("5000"), sender_session=cage["cashier"],
                                receiver_session=cage["floor"])
    assert (credit.sender_id, credit.receiver_id, credit.bank_after) == ("C100", "F200", inr("85000"))
    assert _bank(secure) == Decimal("85000.00")
    # the drawer expects the float + the fill - the credit
    assert tuple(_close(terminal, cage["shift"], cage["cashier"], "25000")) == (Decimal("25000.00"), Decimal("0.00"))
    with secure.admin.connect() as conn:
        audited = conn.execute(text("SELECT action FROM audit_log WHERE action LIKE 'bank_%' ORDER BY id")).scalars()
        assert list(audited) == ["bank_fund", "bank_fill", "bank_credit"]


@pytest.mark.parametrize("sender, receiver, error, sentence", [
    ("floor", None, ApprovalRequired, "needs two signatures"),
    ("floor", "floor", NotAuthorized, "two different people"),
    ("cashier", "cashier", NotAuthorized, "two different people"),
    ("supervisor", "floor", NotAuthorized, "whose drawer it is"),  # the window's side is its cashier's
])
def test_a_fill_without_two_proper_signatures_is_refused_and_moves_nothing(secure, terminal, cage, sender,
                                                                          receiver, error, sentence):
    with pytest.raises(error, match=sentence):
        transfers.transfer(terminal, kind="fill", amount=inr("100"), sender_session=cage[sender],
                           receiver_session=cage[receiver] if receiver else None)
    assert _bank(secure) == Decimal("100000.00")


def test_a_cashier_cannot_sign_for_the_main_bank(secure, terminal, cage):
    other = f"C{uuid.uuid4().hex[:6]}"
    add_staff(secure.admin, other, "Other Cashier", "cashier", "5555")
    with pytest.raises(NotAuthorized, match="As a cashier you cannot sign for the main bank"):
        transfers.transfer(terminal, kind="fill", amount=inr("100"), sender_session=session(terminal, other, "5555"),
                           receiver_session=cage["cashier"])
    assert _bank(secure) == Decimal("100000.00")


def test_a_fill_the_bank_cannot_cover_is_refused_and_the_bank_never_goes_negative(secure, terminal, cage):
    with pytest.raises(InsufficientFunds, match="The main bank holds 100000.00 INR"):
        transfers.transfer(terminal, kind="fill", amount=inr("100000.01"), sender_session=cage["floor"],
                           receiver_session=cage["cashier"])
    with pytest.raises(DrawerShort, match="The drawer cannot pay out ₹10,000.01: .* Request a fill"):
        transfers.transfer(terminal, kind="credit", amount=inr("10000.01"), sender_session=cage["cashier"],
                           receiver_session=cage["floor"])
    assert _bank(secure) == Decimal("100000.00")
    assert "violates check constraint" in refused(secure.admin, "UPDATE bank_balances SET balance = -1")


def test_fills_racing_for_the_last_of_the_bank_never_overdraw_it(secure, terminal, cage):
    start = threading.Barrier(4)
    results: list = []

    def fill():
        start.wait()
        try:
            results.append(transfers.transfer(terminal, kind="fill", amount=inr("30000"),
                                              sender_session=cage["floor"], receiver_session=cage["cashier"]))
        except InsufficientFunds as exc:
            results.append(exc)
    threads = [threading.Thread(target=fill) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert sum(isinstance(r, transfers.Transfer) for r in results) == 3
    assert sum(isinstance(r, InsufficientFunds) for r in results) == 1
    assert _bank(secure) == Decimal("10000.00")


def test_a_fill_waiting_for_another_is_decided_on_the_balance_that_one_left(secure, terminal, cage):
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT * FROM cage.bank_transfer(:id, 'h', 'fill', 70000, :s, :r)"),
                     {"id": uuid.uuid4(), "s": cage["floor"], "r": cage["cashier"]})

        def fill(amount: str, key: str):
            try:
                outcome[key] = transfers.transfer(terminal, kind="fill", amount=inr(amount),
                                                  sender_session=cage["floor"], receiver_session=cage["cashier"])
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome[key] = exc
        worker = threading.Thread(target=fill, args=("40000", "too much"))
        worker.start()
        _waiting(secure, terminal.login)
        tx.commit()
    worker.join(10)
    assert isinstance(outcome["too much"], InsufficientFunds), outcome
    assert "holds 30000.00 INR" in str(outcome["too much"])
    fill("20000", "fits")
    assert outcome["fits"].bank_after == inr("10000") and _bank(secure) == Decimal("10000.00")


def test_a_retried_transfer_posts_once_and_a_reused_id_with_other_details_is_refused(secure, terminal, cage):
    tid = uuid.uuid4()
    first = transfers.transfer(terminal, kind="fill", amount=inr("100"), sender_session=cage["floor"],
                               receiver_session=cage["cashier"], transfer_id=tid)
    again = transfers.transfer(terminal, kind="fill", amount=inr("100"), sender_session=cage["floor"],
                               receiver_session=cage["cashier"], transfer_id=tid)
    assert (first.replayed, again.replayed, again.bank_after) == (False, True, first.bank_after)
    with pytest.raises(IdempotencyConflict):
        transfers.transfer(terminal, kind="fill", amount=inr("101"), sender_session=cage["floor"],
                           receiver_session=cage["cashier"], transfer_id=tid)
    assert _bank(secure) == Decimal("99900.00")


def _waiting(secure, login: str) -> None:
    def blocked():
        with secure.admin.connect() as conn:
            return conn.execute(text("SELECT 1 FROM pg_stat_activity WHERE usename = :u AND wait_event_type = 'Lock'"),
                                {"u": login}).first()
    within_a_second(blocked, f"{login} waiting on the shift's lock", timeout=5)


def test_a_fill_while_the_drawer_closes_is_refused_with_a_sentence_and_moves_nothing(secure, terminal, cage):
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        closed = conn.execute(text("SELECT expected FROM cage.close_shift(:s, :id, 10000)"),
                              {"s": cage["cashier"], "id": cage["shift"]}).one()

        def fill():
            try:
                outcome["fill"] = transfers.transfer(terminal, kind="fill", amount=inr("500"),
                                                     sender_session=cage["floor"], receiver_session=cage["cashier"])
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc
        worker = threading.Thread(target=fill)
        worker.start()
        _waiting(secure, terminal.login)
        tx.commit()
    worker.join(10)
    assert closed.expected == Decimal("10000.00")
    assert isinstance(outcome.get("error"), ShiftNotOpen), outcome
    assert _bank(secure) == Decimal("100000.00")


def test_a_close_while_a_fill_lands_waits_and_expects_the_fill(secure, terminal, cage):
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT * FROM cage.bank_transfer(:id, 'h', 'fill', 500, :s, :r)"),
                     {"id": uuid.uuid4(), "s": cage["floor"], "r": cage["cashier"]})

        def close():
            outcome["closed"] = _close(terminal, cage["shift"], cage["cashier"], "10500")
        worker = threading.Thread(target=close)
        worker.start()
        _waiting(secure, terminal.login)
        tx.commit()
    worker.join(10)
    assert tuple(outcome["closed"]) == (Decimal("10500.00"), Decimal("0.00"))


def test_the_terminal_login_cannot_write_the_bank_or_its_transfers_directly(secure, terminal, cage):
    assert "permission denied" in refused(terminal, "UPDATE bank_balances SET balance = balance + 1000000")
    assert "permission denied" in refused(terminal, "INSERT INTO bank_balances (currency, balance) VALUES ('USD', 5)")
    assert "permission denied" in refused(terminal, """INSERT INTO bank_transfers (id, request_hash, kind, amount,
        currency, drawer_delta, bank_delta, bank_after, terminal_id, sender_id, receiver_id, reason)
        VALUES (gen_random_uuid(), 'x', 'fund', 5, 'INR', 0, 5, 5, 'T-SEC-1', 'S300', 'F200', 'x')""")
    assert "permission denied" in refused(terminal, "DELETE FROM bank_transfers")


def _ledger_figures(secure) -> dict:
    """The accountability computed here, from the ledger's rows, independently of the API."""
    with secure.admin.connect() as conn:
        drawers = dict(conn.execute(text("""
            SELECT s.id, s.opening_float
                 + coalesce((SELECT sum(drawer_delta) FROM ledger_transactions l WHERE l.shift_id = s.id), 0)
                 + coalesce((SELECT sum(drawer_local_delta) FROM fx_exchanges x WHERE x.shift_id = s.id), 0)
                 + coalesce((SELECT sum(drawer_delta) FROM bank_transfers b WHERE b.shift_id = s.id), 0)
            FROM shifts s WHERE s.status = 'open'""")).all())
        bank = conn.execute(text("SELECT coalesce(sum(bank_delta), 0) FROM bank_transfers")).scalar()
        markers = conn.execute(text("SELECT coalesce(sum(amount), 0) FROM markers")).scalar() - conn.execute(
            text("SELECT coalesce(sum(amount), 0) FROM marker_allocations")).scalar()
    return {"drawers": drawers, "bank": bank, "markers": markers}


def test_the_accountability_after_a_mix_equals_the_ledger(secure, terminal, terminal_b, cage):
    player = make_player(secure.admin)
    post(secure.admin, cmd(Kind.CREDIT_LINE, player, "50000", staff="F200", approver_id="F200", terminal_id="SEED"))
    api_post(terminal, "deposit", player, "7000", session_id=cage["cashier"])
    api_post(terminal, "withdrawal", player, "2500", session_id=cage["cashier"])
    api_post(terminal, "marker_issue", player, "20000", session_id=cage["cashier"])
    api_post(terminal, "marker_redeem", player, "6000", session_id=cage["cashier"])
    transfers.transfer(terminal, kind="fill", amount=inr("15000"), sender_session=cage["floor"],
                       receiver_session=cage["cashier"])
    transfers.transfer(terminal, kind="credit", amount=inr("4000"), sender_session=cage["cashier"],
                       receiver_session=cage["floor"])
    # a handover on the first window, a second window on the other terminal
    incoming = f"C{uuid.uuid4().hex[:6]}"
    add_staff(secure.admin, incoming, "Incoming Cashier", "cashier", "5555")
    _closed, opened = hand_over(terminal, shift_id=cage["shift"], outgoing_session=cage["cashier"],
                                incoming_session=session(terminal, incoming, "5555"),
                                outgoing_counted=Decimal("31500"), outgoing_count=None,
                                incoming_counted=Decimal("31500"), incoming_count=None)
    second = session(terminal_b, "C100", "1111")
    open_shift(terminal_b, second, "2000")
    api_post(terminal_b, "deposit", player, "300", session_id=second)
    transfers.transfer(terminal, kind="remit", amount=inr("1000"), sender_session=cage["floor"],
                       receiver_session=cage["supervisor"], reason="to the treasury")

    lines = transfers.accountability(terminal, cage["supervisor"])
    figures = _ledger_figures(secure)
    drawers = {line.shift_id: line.amount for line in lines if line.section == "drawer"}
    assert drawers == figures["drawers"]
    assert drawers[opened.id] == Decimal("31500.00") and len(drawers) == 2
    (bank,) = [line for line in lines if line.section == "bank"]
    (markers,) = [line for line in lines if line.section == "markers"]
    assert (bank.amount, bank.ledger) == (figures["bank"], figures["bank"]) == (Decimal("88000.00"),) * 2
    assert (markers.amount, markers.ledger) == (figures["markers"], figures["markers"]) == (Decimal("14000.00"),) * 2
    assert all(line.reconciles for line in lines)
    # a gaming day before any of it: nothing open, an empty bank, no markers
    earlier = transfers.accountability(terminal, cage["supervisor"], date.today() - timedelta(days=3))
    assert [(line.section, line.amount, line.ledger) for line in earlier] == [
        ("bank", Decimal("0"), Decimal("0")), ("markers", Decimal("0"), Decimal("0"))]


def test_the_accountability_shows_open_drawers_expected_cash_so_only_a_supervisor_reads_it(secure, terminal, cage):
    with pytest.raises(NotAuthorized, match="As a cashier you cannot run reports"):
        transfers.accountability(terminal, cage["cashier"])


def test_the_supervisors_view_of_the_drawer_counts_a_fill_and_a_credit(secure, terminal, cage):
    transfers.transfer(terminal, kind="fill", amount=inr("3000"), sender_session=cage["floor"],
                       receiver_session=cage["cashier"])
    transfers.transfer(terminal, kind="credit", amount=inr("500"), sender_session=cage["cashier"],
                       receiver_session=cage["floor"])
    with terminal.begin() as conn:
        held = conn.execute(text("SELECT coalesce(sum(amount), 0) FROM cage.drawer_holding(:s, :id)"),
                            {"s": cage["supervisor"], "id": cage["shift"]}).scalar()
    assert held == Decimal("12500.00")
    assert tuple(_close(terminal, cage["shift"], cage["cashier"], "12500")) == (Decimal("12500.00"), Decimal("0.00"))


def test_a_terminal_login_cannot_fill_another_terminals_window(secure, terminal, terminal_b, cage):
    other = session(terminal_b, "C100", "1111")
    open_shift(terminal_b, other, "0")
    with pytest.raises(NotAuthorized, match="works at terminal T-SEC-1, not T-SEC-2"):
        transfers.transfer(terminal, kind="fill", amount=inr("100"), sender_session=cage["floor"],
                           receiver_session=cage["cashier"], terminal_id="T-SEC-2")
    assert _bank(secure) == Decimal("100000.00")
