"""Shift close/sign-off rules and offline replays, tried with a terminal's own database login
(issue 14): the database decides who may close or sign off which shift, what the drawer
should hold, and what an offline replay may post."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from tests.security.conftest import session
from tests.security.test_posting_api_attacks import api_post, open_shift
from tests.support.factories import make_player

_CLOSE = "SELECT s.status, s.expected, s.variance, s.needs_signoff FROM cage.close_shift(:s, :id, :counted, " \
         "p_variance_threshold => :threshold) s"
_SIGNOFF = "SELECT s.status, s.signed_off_by FROM cage.signoff_shift(:s, :id, :note) s"
_REPLAY = """SELECT (r.posting).offline_attested, (r.posting).cash_after, (r.posting).shift_id,
    (r.posting).db_login FROM cage.replay_offline(:id, 'h', :kind, :player, :amount, 'INR', :staff,
    p_approver => :approver, p_terminal => :terminal, p_shift => :shift) r"""


def sqlstate_of(engine, sql: str, params: dict) -> tuple[str, str]:
    with pytest.raises(Exception) as info:
        with engine.begin() as conn:
            conn.execute(text(sql), params)
    orig = getattr(info.value, "orig", info.value)
    return getattr(orig, "sqlstate", None), str(orig)


def close(engine, token, shift, counted: str, threshold=None):
    with engine.begin() as conn:
        return conn.execute(text(_CLOSE), {"s": token, "id": shift, "counted": Decimal(counted),
                                           "threshold": threshold}).one()


# ---- closing and signing off ----------------------------------------------------------------

def test_only_the_shifts_cashier_or_a_supervisor_closes_it_and_only_on_its_own_terminal(secure, terminal, terminal_b):
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "1000")
    floor = session(terminal, "F200", "2222")  # may close shifts, but not someone else's
    state, msg = sqlstate_of(terminal, _CLOSE, {"s": floor, "id": shift, "counted": Decimal("1000"),
                                                "threshold": None})
    assert state == "CA001" and "only they or a supervisor" in msg
    other_terminal_supervisor = session(terminal_b, "S300", "3333")
    state, msg = sqlstate_of(terminal_b, _CLOSE, {"s": other_terminal_supervisor, "id": shift,
                                                  "counted": Decimal("1000"), "threshold": None})
    assert state == "CA001" and "belongs to terminal T-SEC-1" in msg
    state, _ = sqlstate_of(terminal, _CLOSE, {"s": None, "id": shift, "counted": Decimal("1000"), "threshold": None})
    assert state == "CA001"  # no session: nobody
    assert close(terminal, cashier, shift, "1000").status == "closed"
    state, _ = sqlstate_of(terminal, _CLOSE, {"s": cashier, "id": shift, "counted": Decimal("0"), "threshold": None})
    assert state == "CA017"  # closed once only: its count cannot be rewritten


def test_the_database_computes_the_expected_drawer_and_a_terminal_cannot_raise_the_variance_threshold(
        secure, terminal):
    player = make_player(secure.admin)
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "1000")
    api_post(terminal, "deposit", player, "5000", session_id=cashier)
    api_post(terminal, "withdrawal", player, "1500", session_id=cashier)
    # 3,000 missing from the drawer; the terminal asks for a threshold that would hide it
    row = close(terminal, cashier, shift, "1500", threshold=Decimal("1000000"))
    assert (row.expected, row.variance, row.needs_signoff) == (Decimal("4500.00"), Decimal("-3000.00"), True)


def test_sign_off_needs_another_supervisors_session_and_a_note_for_a_variance(secure, terminal):
    supervisor = session(terminal, "S300", "3333")
    shift = open_shift(terminal, supervisor, "100")
    state, _ = sqlstate_of(terminal, _SIGNOFF, {"s": supervisor, "id": shift, "note": "fine"})
    assert state == "CA017"  # still open
    close(terminal, supervisor, shift, "0")  # 100 short
    state, msg = sqlstate_of(terminal, _SIGNOFF, {"s": supervisor, "id": shift, "note": "fine"})
    assert state == "CA001" and "your own shift" in msg
    cashier = session(terminal, "C100", "1111")
    state, msg = sqlstate_of(terminal, _SIGNOFF, {"s": cashier, "id": shift, "note": "fine"})
    assert state == "CA001" and "cannot sign off a shift" in msg
    floor = session(terminal, "F200", "2222")
    assert sqlstate_of(terminal, _SIGNOFF, {"s": floor, "id": shift, "note": "fine"})[0] == "CA001"


def test_a_shift_signed_off_by_a_supervisor_is_recorded_under_the_terminals_login(secure, terminal):
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "1000")
    close(terminal, cashier, shift, "400")  # 600 short: over the 500 variance threshold
    supervisor = session(terminal, "S300", "3333")
    state, _ = sqlstate_of(terminal, _SIGNOFF, {"s": supervisor, "id": shift, "note": "  "})
    assert state == "CA014"  # a variance needs a note
    with terminal.begin() as conn:
        row = conn.execute(text(_SIGNOFF), {"s": supervisor, "id": shift, "note": "till miscounted"}).one()
    assert tuple(row) == ("signed_off", "S300")
    assert sqlstate_of(terminal, _SIGNOFF, {"s": supervisor, "id": shift, "note": "again"})[0] == "CA017"
    with secure.admin.connect() as conn:
        audit = conn.execute(text("""SELECT staff_id, db_user FROM audit_log WHERE action = 'shift_signoff'
            AND detail->>'shift_id' = CAST(:id AS text)"""), {"id": shift}).all()
    assert audit == [("S300", terminal.login)]


def test_a_posting_in_flight_lands_before_the_close_counts_the_drawer(secure, terminal):
    """close_shift's row lock waits for a posting that holds the shift: the posting is in the
    expected figure, never lost between the count and the close."""
    player = make_player(secure.admin)
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "0")
    posting = terminal.connect()
    tx = posting.begin()
    posting.execute(text("SELECT * FROM cage.post(:id, 'h', 'deposit', :p, 700, 'INR', p_session => :s)"),
                    {"id": uuid.uuid4(), "p": player, "s": cashier})
    result: dict = {}

    def closer() -> None:
        result["row"] = close(terminal, cashier, shift, "700")
    t = threading.Thread(target=closer)
    t.start()
    with secure.admin.connect() as conn:  # wait until the close is blocked on the shift's lock
        for _ in range(600):
            waiting = conn.execute(text("""SELECT count(*) FROM pg_stat_activity
                WHERE usename = :u AND wait_event_type = 'Lock' AND query LIKE '%close_shift%'"""),
                {"u": terminal.login}).scalar_one()
            conn.commit()  # pg_stat_activity is read once per transaction
            if waiting:
                break
            conn.execute(text("SELECT pg_sleep(0.05)"))
        assert waiting, "close_shift did not wait for the posting that holds the shift"
    tx.commit()
    posting.close()
    t.join(timeout=60)
    assert (result["row"].expected, result["row"].variance) == (Decimal("700.00"), Decimal("0.00"))


# ---- offline replays ------------------------------------------------------------------------

@pytest.fixture
def offline_terminal(secure):
    eng = secure.login("terminal", terminal_id="T-SEC-OFFW", offline_limit=Decimal("5000"),
                       offline_total=Decimal("8000"))
    cashier = session(eng, "C100", "1111")
    eng.shift = open_shift(eng, cashier)  # type: ignore[attr-defined]
    eng.cashier = cashier  # type: ignore[attr-defined]
    return eng


def replay(engine, kind: str, player: str, amount: str, *, staff="C100", approver=None, terminal=None,
           shift=None, posting_id=None):
    with engine.begin() as conn:
        return conn.execute(text(_REPLAY), {"id": posting_id or uuid.uuid4(), "kind": kind, "player": player,
                                            "amount": Decimal(amount), "staff": staff, "approver": approver,
                                            "terminal": terminal, "shift": shift}).one()


def replay_refused(engine, kind: str, player: str, amount: str, **kw) -> tuple[str, str]:
    with pytest.raises(Exception) as info:
        replay(engine, kind, player, amount, **kw)
    orig = getattr(info.value, "orig", info.value)
    return getattr(orig, "sqlstate", None), str(orig)


def test_an_offline_withdrawal_within_the_allowance_is_posted_attested_and_counts_against_it(
        secure, offline_terminal):
    eng = offline_terminal
    player = make_player(secure.admin)
    api_post(eng, "deposit", player, "20000", session_id=eng.cashier)
    row = replay(eng, "withdrawal", player, "5000")
    assert (row.offline_attested, row.cash_after, row.shift_id, row.db_login) == (
        True, Decimal("15000.00"), eng.shift, eng.login)
    assert replay_refused(eng, "withdrawal", player, "5000.01")[0] == "CA016"  # per posting
    replay(eng, "deposit", player, "2000")
    # 5,000 out and 2,000 in were taken offline: 1,000.01 more is over the shift's 8,000
    assert replay_refused(eng, "withdrawal", player, "1000.01")[0] == "CA016"
    replay(eng, "withdrawal", player, "1000")
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": player}).scalar_one() \
            == Decimal("16000.00")


def test_an_offline_withdrawal_is_refused_beyond_the_balance_or_above_dual_control_without_an_approver(
        secure, offline_terminal):
    eng = offline_terminal
    player = make_player(secure.admin)
    replay(eng, "deposit", player, "300")
    assert replay_refused(eng, "withdrawal", player, "300.01")[0] == "CA005"
    secure.admin.dispose()
    with secure.admin.begin() as conn:  # an allowance above the dual-control threshold (2,00,000)
        conn.execute(text("""UPDATE cage.terminal_logins SET offline_limit = 300000, offline_total = 900000
            WHERE login = :l"""), {"l": eng.login})
    api_post(eng, "deposit", player, "250000", session_id=eng.cashier)
    assert replay_refused(eng, "withdrawal", player, "200000")[0] == "CA010"
    state, msg = replay_refused(eng, "withdrawal", player, "200000", approver="C100")
    assert state == "CA001"  # the issuer cannot approve their own withdrawal
    assert replay(eng, "withdrawal", player, "200000", approver="F200").cash_after == Decimal("50300.00")


def test_only_deposits_and_withdrawals_replay_offline_and_only_into_the_logins_open_shift(
        secure, offline_terminal, terminal_b):
    eng = offline_terminal
    player = make_player(secure.admin)
    for kind in ("marker_issue", "marker_redeem", "adjust_in", "credit_line"):
        assert replay_refused(eng, kind, player, "10", staff="S300", approver="S300")[0] in ("CA016", "CA001"), kind
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).scalar_one() == 0
    state, msg = replay_refused(eng, "deposit", player, "10", terminal="T-SEC-2")
    assert state == "CA001" and "not T-SEC-2" in msg
    other_shift = open_shift(terminal_b, session(terminal_b, "C100", "1111"))
    assert replay_refused(eng, "deposit", player, "10", shift=other_shift)[0] == "CA002"
    with eng.begin() as conn:
        conn.execute(text("SELECT * FROM cage.close_shift(:s, :id, 0)"), {"s": eng.cashier, "id": eng.shift})
    assert replay_refused(eng, "deposit", player, "10")[0] == "CA002"  # its shift is closed


def test_a_terminal_without_an_offline_allowance_replays_nothing(secure, terminal):
    player = make_player(secure.admin)
    open_shift(terminal, session(terminal, "C100", "1111"))
    assert replay_refused(terminal, "deposit", player, "0.01")[0] == "CA016"


def test_an_offline_replay_names_a_real_active_staff_member_and_posts_once_by_id(secure, offline_terminal):
    eng = offline_terminal
    player = make_player(secure.admin)
    assert replay_refused(eng, "deposit", player, "10", staff="NOBODY")[0] == "CA001"
    posting_id = uuid.uuid4()
    replay(eng, "deposit", player, "10", posting_id=posting_id)
    state, _ = replay_refused(eng, "deposit", player, "10", posting_id=posting_id)
    assert state == "23505"  # the id is the key: a second replay posts nothing
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*), sum(amount) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).one() == (1, Decimal("10.00"))
