"""Handover of a drawer without closing the terminal (issue 17), as the terminal login on a
database made by `db create-roles`: both cashiers' PINs, the outgoing shift closed exactly
as at close (variance to review), the incoming one opened with the count, later postings in
the new shift, and two handovers of one drawer racing."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.money import Money
from cashier_desktop.domain.errors import (ApprovalRequired, IdempotencyConflict, InvalidInput, NotAuthorized,
                                           SessionInvalid, ShiftError)
from cashier_desktop.ledger.handover import hand_over, hand_over_once
from cashier_desktop.ledger.shifts import signoff_shift_row
from cashier_desktop.ledger.staff import add_staff
from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import api_post, open_shift
from tests.support.factories import make_player
from tests.support.role_logins import within_a_second


def inr(amount: str) -> Money:
    return Money(Decimal(amount), "INR")


@pytest.fixture
def drawer(secure, terminal):
    """C100's shift on the terminal (float ₹10,000, a deposit of ₹5,000: ₹15,000 expected)
    and a second cashier, logged in at the same terminal."""
    incoming_id = f"C{uuid.uuid4().hex[:6]}"
    add_staff(secure.admin, incoming_id, "Second Cashier", "cashier", "5555")
    outgoing = session(terminal, "C100", "1111")
    shift = open_shift(terminal, outgoing, "10000")
    api_post(terminal, "deposit", make_player(secure.admin), "5000", session_id=outgoing)
    return {"out": outgoing, "in": session(terminal, incoming_id, "5555"), "in_id": incoming_id, "shift": shift}


def _hand_over(terminal, d, counted: str, incoming_counted: str | None = None, **kw):
    args = {"shift_id": d["shift"], "outgoing_session": d["out"], "incoming_session": d["in"],
            "outgoing_counted": Decimal(counted), "outgoing_count": None,
            "incoming_counted": Decimal(incoming_counted or counted), "incoming_count": None}
    args.update(kw)
    return hand_over(terminal, **args)


def test_a_handover_closes_the_outgoing_shift_as_a_close_and_opens_the_incoming_one_with_the_count(
        secure, terminal, drawer):
    closed, opened = _hand_over(terminal, drawer, "14000", outgoing_count={"500": 28}, incoming_count={"500": 28})
    assert (closed.id, closed.status, closed.counted, closed.expected, closed.variance, closed.needs_signoff) == (
        drawer["shift"], "closed", inr("14000.00"), inr("15000.00"), inr("-1000.00"), True)
    assert (opened.status, opened.staff_id, opened.terminal_id, opened.opening_float) == (
        "open", drawer["in_id"], "T-SEC-1", inr("14000.00"))
    assert opened.opening_count == {"500": 28}
    with secure.admin.connect() as conn:
        link = conn.execute(text("SELECT to_shift, outgoing_staff, incoming_staff, counted FROM shift_handovers "
                                 "WHERE from_shift = :s"), {"s": drawer["shift"]}).one()
        audited = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'shift_handover' "
                                    "AND detail->>'from_shift' = :s"), {"s": str(drawer["shift"])}).scalar()
    assert tuple(link) == (opened.id, "C100", drawer["in_id"], Decimal("14000.00"))
    assert audited == 1
    # the variance reaches the supervisor's review exactly as at close: a note is required
    supervisor = session(terminal, "S300", "3333")
    with terminal.begin() as conn, pytest.raises(InvalidInput, match="write what was found"):
        signoff_shift_row(conn, drawer["shift"], by=None, note="", session=supervisor)
    with terminal.begin() as conn:
        assert signoff_shift_row(conn, drawer["shift"], by=None, note="recounted: ₹1,000 short",
                                 session=supervisor).status == "signed_off"


def test_postings_after_the_handover_belong_to_the_incoming_shift_and_the_outgoing_session_ends(
        secure, terminal, drawer):
    _closed, opened = _hand_over(terminal, drawer, "15000")
    player = make_player(secure.admin)
    row = api_post(terminal, "deposit", player, "700", session_id=drawer["in"])
    assert (row.shift_id, row.staff_id) == (opened.id, drawer["in_id"])
    with pytest.raises(Exception) as info:  # the outgoing cashier's session posts nothing more
        api_post(terminal, "deposit", player, "1", session_id=drawer["out"])
    assert getattr(info.value.orig, "sqlstate", None) in ("CA001", "CA023"), info.value
    with secure.admin.connect() as conn:  # ended by the handover itself, not only refused by 0021's rule
        assert conn.execute(text("SELECT ended_at IS NOT NULL FROM cage.staff_sessions WHERE token = :t"),
                            {"t": drawer["out"]}).scalar() is True
    with terminal.begin() as conn:  # and the new shift's close expects the float plus what came after
        closed = conn.execute(text("SELECT expected FROM cage.close_shift(:s, :id, 15700)"),
                              {"s": drawer["in"], "id": opened.id}).one()
    assert closed.expected == Decimal("15700.00")


@pytest.mark.parametrize("change, error, sentence", [
    ({"incoming_counted": Decimal("14990")}, InvalidInput, "The two counts differ"),
    ({"incoming_session": None}, ApprovalRequired, "needs both cashiers' PINs"),
    ({"incoming_count": {"500": 20}}, InvalidInput, "does not add up"),
])
def test_a_handover_the_counts_or_pins_of_which_do_not_hold_changes_nothing(secure, terminal, drawer, change,
                                                                            error, sentence):
    with pytest.raises(error, match=sentence):
        _hand_over(terminal, drawer, "15000", **change)
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT status FROM shifts WHERE id = :s"), {"s": drawer["shift"]}).scalar() == "open"
        assert conn.execute(text("SELECT count(*) FROM shift_handovers")).scalar() == 0


def test_a_cashier_cannot_hand_over_to_themselves_nor_someone_take_over_a_drawer_not_theirs(secure, terminal, drawer):
    with pytest.raises(NotAuthorized, match="someone other than the outgoing"):
        _hand_over(terminal, drawer, "15000", incoming_session=session(terminal, "C100", "1111"))
    # the incoming cashier cannot close the outgoing one's shift by posing as the outgoing side
    third = f"C{uuid.uuid4().hex[:6]}"
    add_staff(secure.admin, third, "Third Cashier", "cashier", "6666")
    with pytest.raises(NotAuthorized, match="belongs to C100"):
        _hand_over(terminal, drawer, "15000", outgoing_session=session(terminal, third, "6666"))


def test_two_handovers_of_one_drawer_at_once_exactly_one_wins_and_the_other_gets_a_sentence(
        secure, terminal, drawer):
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        first = conn.execute(text("""SELECT (r.opened).id FROM cage.handover_shift(gen_random_uuid(), 'h', :o, :i, :s,
                                         15000, NULL, 15000, NULL) r"""),
                             {"o": drawer["out"], "i": drawer["in"], "s": drawer["shift"]}).scalar_one()

        def second():
            try:
                outcome["won"] = _hand_over(terminal, drawer, "15000")
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc
        racer = threading.Thread(target=second)
        racer.start()

        def blocked():
            with secure.admin.connect() as c:
                return c.execute(text("SELECT 1 FROM pg_stat_activity WHERE usename = :u AND wait_event_type = 'Lock'"),
                                 {"u": terminal.login}).first()
        within_a_second(blocked, "the second handover waiting on the drawer's lock", timeout=5)
        tx.commit()
    racer.join(10)
    assert "won" not in outcome
    assert isinstance(outcome["error"], (ShiftError, SessionInvalid, NotAuthorized)), outcome
    assert str(outcome["error"]).endswith(".") and "\n" not in str(outcome["error"])
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM shift_handovers WHERE from_shift = :s"),
                            {"s": drawer["shift"]}).scalar() == 1
        assert conn.execute(text("SELECT id FROM shifts WHERE terminal_id = 'T-SEC-1' AND status = 'open'")
                            ).scalar_one() == first


def test_two_handovers_released_together_by_threads_leave_one_handover(secure, terminal, drawer):
    start = threading.Barrier(2)
    results: list = []

    def attempt():
        start.wait()
        try:
            results.append(_hand_over(terminal, drawer, "15000"))
        except Exception as exc:  # noqa: BLE001 - counted below
            results.append(exc)
    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    won = [r for r in results if isinstance(r, tuple)]
    lost = [r for r in results if not isinstance(r, tuple)]
    assert len(won) == 1 and len(lost) == 1, results
    assert isinstance(lost[0], (ShiftError, SessionInvalid, NotAuthorized)), lost


def test_the_terminal_login_cannot_write_a_handover_row_directly(secure, terminal, drawer):
    msg = refused(terminal, """INSERT INTO shift_handovers (from_shift, to_shift, terminal_id, outgoing_staff,
        incoming_staff, counted) VALUES (:s, :s, 'T-SEC-1', 'C100', 'S300', 0)""", {"s": drawer["shift"]})
    assert "permission denied" in msg
    assert "permission denied" in refused(terminal, "DELETE FROM shift_handovers")


def test_a_posting_in_flight_during_a_handover_lands_in_the_outgoing_shift_and_its_close_expects_it(
        secure, terminal, drawer):
    outcome: dict = {}
    player = make_player(secure.admin)
    with terminal.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT * FROM cage.post(:id, 'h-inflight', 'deposit', :p, 300, 'INR', p_session => :s)"),
                     {"id": uuid.uuid4(), "p": player, "s": drawer["out"]})

        def handover():
            try:
                outcome["done"] = _hand_over(terminal, drawer, "15300")
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc
        worker = threading.Thread(target=handover)
        worker.start()

        def blocked():
            with secure.admin.connect() as c:
                return c.execute(text("SELECT 1 FROM pg_stat_activity WHERE usename = :u AND wait_event_type = 'Lock'"),
                                 {"u": terminal.login}).first()
        within_a_second(blocked, "the handover waiting for the posting", timeout=5)
        tx.commit()
    worker.join(10)
    assert "error" not in outcome, outcome
    closed, _opened = outcome["done"]
    assert (closed.expected, closed.variance) == (inr("15300.00"), inr("0.00"))
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT shift_id FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).scalar_one() == drawer["shift"]


def _once(terminal, d, handover_id, counted: str = "15000", **kw):
    args = {"handover_id": handover_id, "shift_id": d["shift"], "outgoing_session": d["out"],
            "incoming_session": d["in"], "outgoing_counted": Decimal(counted), "outgoing_count": None,
            "incoming_counted": Decimal(counted), "incoming_count": None}
    args.update(kw)
    return hand_over_once(terminal, **args)


def test_a_handover_sent_again_with_its_id_answers_with_the_first_and_hands_over_once(secure, terminal, drawer):
    """The answer was lost with the connection; the resend (same id, same counts) hears the
    first handover, although the outgoing cashier's session ended with it (0024)."""
    hid = uuid.uuid4()
    closed, opened, replayed = _once(terminal, drawer, hid)
    again_closed, again_opened, again = _once(terminal, drawer, hid,
                                              incoming_session=session(terminal, drawer["in_id"], "5555"))
    assert (replayed, again) == (False, True)
    assert (again_closed.id, again_opened.id, again_opened.opening_float) == (closed.id, opened.id, inr("15000.00"))
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM shift_handovers WHERE terminal_id = 'T-SEC-1' AND "
                                 "from_shift >= :s"), {"s": drawer["shift"]}).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM shifts WHERE terminal_id = 'T-SEC-1' AND status = 'open'")
                            ).scalar() == 1


def test_a_handover_id_reused_with_other_counts_or_for_another_shift_is_refused(secure, terminal, drawer):
    hid = uuid.uuid4()
    _closed, opened, _ = _once(terminal, drawer, hid)
    with pytest.raises(IdempotencyConflict, match="already made with different details"):
        _once(terminal, drawer, hid, counted="14000")
    with pytest.raises(IdempotencyConflict, match="already made with different details"):
        _once(terminal, drawer, hid, shift_id=opened.id, outgoing_session=session(terminal, drawer["in_id"], "5555"),
              incoming_session=session(terminal, "C100", "1111"))
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT status FROM shifts WHERE id = :s"), {"s": opened.id}).scalar() == "open"


def test_a_resend_racing_its_first_send_waits_for_it_and_answers_with_it(secure, terminal, drawer):
    """The first send still in progress (its transaction open), the resend of its id waits on
    the drawer's lock and then answers with the first handover instead of refusing."""
    hid = uuid.uuid4()
    from cashier_desktop.ledger.handover import handover_request_hash
    h = handover_request_hash(drawer["shift"], Decimal("15000"), None, Decimal("15000"), None)
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT * FROM cage.handover_shift(:id, :h, :o, :i, :s, 15000, NULL, 15000, NULL)"),
                     {"id": hid, "h": h, "o": drawer["out"], "i": drawer["in"], "s": drawer["shift"]})

        def resend():
            try:
                outcome["again"] = _once(terminal, drawer, hid)
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc
        racer = threading.Thread(target=resend)
        racer.start()

        def blocked():
            with secure.admin.connect() as c:
                return c.execute(text("SELECT 1 FROM pg_stat_activity WHERE usename = :u AND wait_event_type = 'Lock'"),
                                 {"u": terminal.login}).first()
        within_a_second(blocked, "the resend waiting on the drawer's lock", timeout=5)
        tx.commit()
    racer.join(10)
    assert "error" not in outcome, outcome
    assert outcome["again"][2] is True and outcome["again"][0].id == drawer["shift"]


def test_the_id_less_handover_is_gone_and_the_terminal_cannot_call_the_inner_one(secure, terminal, drawer):
    msg = refused(terminal, "SELECT * FROM cage.handover_shift(:o, :i, :s, 15000, NULL, 15000, NULL)",
                  {"o": drawer["out"], "i": drawer["in"], "s": drawer["shift"]})
    assert "does not exist" in msg
    msg = refused(terminal, "SELECT * FROM cage._handover_shift(:o, :i, :s, 15000, NULL, 15000, NULL)",
                  {"o": drawer["out"], "i": drawer["in"], "s": drawer["shift"]})
    assert "permission denied" in msg
    assert "permission denied" in refused(terminal, "INSERT INTO handover_requests (id, request_hash, from_shift, "
                                                    "terminal_id) VALUES (gen_random_uuid(), 'h', 1, 'T-SEC-1')")
