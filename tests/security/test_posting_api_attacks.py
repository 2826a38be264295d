"""Issue 14's attacks on money, replayed with a terminal's own database login.

Each test does what someone holding a cage PC's stored password and psql would do, and
asserts the database's refusal (a permission error or the API's SQLSTATE).
"""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from tests.security.conftest import refused, session
from tests.support.factories import make_player

# Tables a terminal login may still write, on purpose or pending another change: LISTEN
# consumers register themselves; telemetry and the watch's tables are H3's (relay/monitor).
STILL_WRITABLE = {"outbox_sleepers", "terminal_heartbeats", "feed_acks", "refused_postings",
                  "integrity_runs", "integrity_alerts"}

_POST = """SELECT r.replayed, (r.posting).cash_delta, (r.posting).drawer_delta, (r.posting).terminal_id,
    (r.posting).shift_id, (r.posting).db_login, (r.posting).staff_id
FROM cage.post(:id, 'h-' || CAST(:id AS text), :kind, :player, :amount, 'INR', p_session => :session,
    p_approver_session => :approver_session, p_reason => :reason, p_terminal => :terminal,
    p_shift => :shift, p_staff => :staff, p_id_type => :id_type, p_id_number => :id_number) r"""


def api_post(engine, kind: str, player: str, amount: str, *, session_id=None, approver_session=None,
             reason=None, terminal=None, shift=None, staff=None, id_type=None, id_number=None):
    with engine.begin() as conn:
        return conn.execute(text(_POST), {
            "id": uuid.uuid4(), "kind": kind, "player": player, "amount": Decimal(amount),
            "session": session_id, "approver_session": approver_session, "reason": reason,
            "terminal": terminal, "shift": shift, "staff": staff, "id_type": id_type,
            "id_number": id_number}).one()


def open_shift(engine, session_id, amount: str = "0") -> int:
    with engine.begin() as conn:
        return conn.execute(text("SELECT cage.open_shift(:s, :f)"),
                            {"s": session_id, "f": Decimal(amount)}).scalar_one()


def api_refusal(engine, state: str, *args, **kw) -> str:
    with pytest.raises(Exception) as info:
        api_post(engine, *args, **kw)
    orig = getattr(info.value, "orig", info.value)
    assert getattr(orig, "sqlstate", None) == state, orig
    return str(orig)


def test_a_terminal_login_cannot_write_a_ledger_row_or_a_balance_directly(secure, terminal):
    player = make_player(secure.admin)
    msg = refused(terminal, """INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount,
        currency, cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after,
        credit_after, limit_after, approved_after, staff_id, terminal_id, created_at, hash)
        VALUES (gen_random_uuid(), 'x', 'deposit', :p, 0.01, 'INR', 500000, 0, 0, 500000, 0, 500000, 0, 0,
        false, 'C100', '', now() - interval '3 days', 'h')""", {"p": player})
    assert "permission denied" in msg
    assert "permission denied" in refused(
        terminal, "UPDATE players SET balance = balance + 500000, total_deposits = total_deposits + 500000 "
                  "WHERE id = :p", {"p": player})


def test_a_deposit_through_the_api_adds_only_its_amount_on_the_logins_own_terminal(secure, terminal):
    player = make_player(secure.admin)
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier)
    row = api_post(terminal, "deposit", player, "0.01", session_id=cashier)
    assert (row.cash_delta, row.drawer_delta) == (Decimal("0.01"), Decimal("0.01"))
    assert (row.terminal_id, row.shift_id, row.db_login, row.staff_id) == ("T-SEC-1", shift, terminal.login, "C100")
    assert "not T-OTHER" in api_refusal(terminal, "CA001", "deposit", player, "1", session_id=cashier,
                                        terminal="T-OTHER")


def test_a_terminal_login_cannot_post_as_someone_who_did_not_log_in_there(secure, terminal):
    player = make_player(secure.admin)
    api_refusal(terminal, "CA001", "deposit", player, "100")  # no session at all
    api_refusal(terminal, "CA010", "deposit", player, "100", staff="S300")  # a name is not a PIN
    cashier = session(terminal, "C100", "1111")
    open_shift(terminal, cashier)
    api_refusal(terminal, "CA001", "deposit", player, "100", session_id=cashier, staff="S300")


def test_a_cashier_session_cannot_adjust_a_balance_or_approve_its_own_credit_line(secure, terminal):
    player = make_player(secure.admin)
    cashier = session(terminal, "C100", "1111")
    assert "cannot adjust a balance" in api_refusal(terminal, "CA001", "adjust_in", player, "500000",
                                                    session_id=cashier, reason="found money")
    assert "cannot approve credit" in api_refusal(terminal, "CA001", "credit_line", player, "100000",
                                                  session_id=cashier)
    # a cashier named as approver cannot authorise a supervisor-only correction either
    supervisor = session(terminal, "S300", "3333")
    api_refusal(terminal, "CA001", "deposit", player, "100", session_id=supervisor, approver_session=cashier)


def test_a_closed_shift_cannot_be_reopened_and_another_terminals_shift_cannot_be_used(secure, terminal, terminal_b):
    player = make_player(secure.admin)
    cashier_a, cashier_b = session(terminal, "C100", "1111"), session(terminal_b, "C100", "1111")
    shift_a = open_shift(terminal, cashier_a)
    shift_b = open_shift(terminal_b, cashier_b)
    with terminal.begin() as conn:
        conn.execute(text("SELECT * FROM cage.close_shift(:s, :id, 0)"), {"s": cashier_a, "id": shift_a})
    assert "permission denied" in refused(terminal, "UPDATE shifts SET status = 'open' WHERE id = :id",
                                          {"id": shift_a})
    assert "permission denied" in refused(terminal, "UPDATE shifts SET terminal_id = 'T-SEC-1' WHERE id = :id",
                                          {"id": shift_b})
    api_refusal(terminal, "CA002", "deposit", player, "100", session_id=cashier_a)  # its shift is closed
    api_refusal(terminal, "CA002", "deposit", player, "100", session_id=cashier_a, shift=shift_b)
    with pytest.raises(Exception) as info:  # signing off as S300 needs S300's session
        with terminal.begin() as conn:
            conn.execute(text("SELECT * FROM cage.signoff_shift(NULL, :id, 'ok', 'S300')"), {"id": shift_a})
    assert getattr(info.value.orig, "sqlstate", None) == "CA010"


def test_a_terminal_login_cannot_create_a_temp_table(secure, terminal):
    msg = refused(terminal, "CREATE TEMP TABLE staff (id varchar(32), role text, active boolean)")
    assert "permission denied" in msg and "temporary" in msg


def test_a_temp_staff_table_does_not_shadow_the_controls_even_for_a_role_that_may_create_one(secure):
    """Attack 4 by a login that still has TEMP (the owner): the controls read public.staff."""
    player = make_player(secure.admin)
    with secure.admin.connect() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE staff AS SELECT * FROM public.staff")
        conn.exec_driver_sql("UPDATE pg_temp.staff SET role = 'supervisor'")
        conn.exec_driver_sql("SET search_path = pg_temp, public")
        with pytest.raises(Exception) as info:
            conn.execute(text("""INSERT INTO public.ledger_transactions (id, request_hash, kind, player_id, amount,
                currency, cash_delta, credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after,
                credit_after, limit_after, approved_after, staff_id, approver_id, terminal_id, reason, hash)
                VALUES (gen_random_uuid(), 'x', 'adjust_in', :p, 5, 'INR', 5, 0, 0, 5, 0, 5, 0, 0, false,
                'C100', 'C100', '', 'shadow', 'h')"""), {"p": player})
        conn.rollback()
    assert "Only a supervisor can approve" in str(info.value.orig)


def test_two_large_deposits_at_once_from_two_terminals_cannot_both_skip_identification(secure, terminal, terminal_b):
    """Attack 9: ₹6,00,000 twice for one player at the same moment, threshold ₹10,00,000."""
    sessions = [session(terminal, "C100", "1111"), session(terminal_b, "F200", "2222")]
    open_shift(terminal, sessions[0])
    open_shift(terminal_b, sessions[1])
    for _ in range(5):
        player = make_player(secure.admin)
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def deposit(engine, sid) -> None:
            barrier.wait()
            try:
                api_post(engine, "deposit", player, "600000", session_id=sid)
                outcomes.append("posted")
            except Exception as exc:  # noqa: BLE001 - the refusal is the outcome
                outcomes.append(getattr(getattr(exc, "orig", exc), "sqlstate", repr(exc)))

        threads = [threading.Thread(target=deposit, args=(e, s)) for e, s in zip((terminal, terminal_b), sessions)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["CA009", "posted"], outcomes
        with secure.admin.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM mtl_entries WHERE player_id = :p"),
                                {"p": player}).scalar_one() == 1, "the MTL entry is written with the posting"


def test_a_large_deposit_with_identification_posts_and_logs_the_mtl_in_the_same_transaction(secure, terminal):
    player = make_player(secure.admin)
    cashier = session(terminal, "C100", "1111")
    open_shift(terminal, cashier)
    api_post(terminal, "deposit", player, "600000", session_id=cashier)
    api_post(terminal, "deposit", player, "600000", session_id=cashier, id_type="passport", id_number="P123")
    with secure.admin.connect() as conn:
        rows = conn.execute(text("SELECT day_total, terminal_id, db_login FROM mtl_entries WHERE player_id = :p "
                                 "ORDER BY id"), {"p": player}).all()
    assert [r.day_total for r in rows] == [Decimal("600000.00"), Decimal("1200000.00")]
    assert {(r.terminal_id, r.db_login) for r in rows} == {("T-SEC-1", terminal.login)}


def test_a_terminal_login_writes_no_table_directly(secure, terminal):
    with secure.admin.connect() as conn:
        tables = conn.execute(text("""SELECT schemaname || '.' || tablename FROM pg_tables
            WHERE schemaname IN ('public', 'cage')""")).scalars().all()
    checked = 0
    for table in sorted(tables):
        if table.split(".", 1)[1] in STILL_WRITABLE:
            continue
        with terminal.connect() as conn:
            for sql in (f"INSERT INTO {table} DEFAULT VALUES", f"UPDATE {table} SET {_any_column(secure, table)} = NULL",
                        f"DELETE FROM {table}"):
                with pytest.raises(Exception) as info:
                    conn.exec_driver_sql(sql)
                conn.rollback()
                # 42501: no privilege (or, for audit_log, H2's row-level policy refusing the row)
                assert getattr(info.value.orig, "sqlstate", None) == "42501", (table, sql, info.value)
        checked += 1
    assert checked >= 10


def _any_column(secure, table: str) -> str:
    schema, name = table.split(".", 1)
    with secure.admin.connect() as conn:
        return conn.execute(text("""SELECT column_name FROM information_schema.columns
            WHERE table_schema = :s AND table_name = :t ORDER BY ordinal_position LIMIT 1"""),
            {"s": schema, "t": name}).scalar_one()


def test_an_unbound_terminal_login_cannot_post(secure):
    unbound = secure.login("terminal")
    player = make_player(secure.admin)
    assert "not bound to a terminal" in api_refusal(unbound, "CA001", "deposit", player, "100", staff="C100")


def test_an_offline_replay_is_accepted_only_within_the_terminals_allowance_and_marked(secure):
    terminal = secure.login("terminal", terminal_id="T-SEC-OFF", offline_limit=Decimal("5000"),
                            offline_total=Decimal("8000"))
    player = make_player(secure.admin)
    open_shift(terminal, session(terminal, "C100", "1111"))
    sql = """SELECT (r.posting).offline_attested FROM cage.replay_offline(:id, 'h', 'deposit', :p, :a, 'INR',
             'C100') r"""
    with terminal.begin() as conn:
        assert conn.execute(text(sql), {"id": uuid.uuid4(), "p": player, "a": Decimal("5000")}).scalar_one() is True
    for amount in ("5000.01", "3000.01"):  # over the per-posting limit; over the shift's total
        with pytest.raises(Exception) as info:
            with terminal.begin() as conn:
                conn.execute(text(sql), {"id": uuid.uuid4(), "p": player, "a": Decimal(amount)})
        assert info.value.orig.sqlstate == "CA016"


def test_the_journals_replay_through_the_ledger_port_is_an_attested_offline_posting(secure):
    """Replay (no staff session: the journal keeps none) goes through cage.replay_offline."""
    from cashier_desktop.domain.commands import PostingCommand
    from cashier_desktop.domain.errors import OfflineNotAllowed
    from cashier_desktop.domain.kinds import Kind
    from cashier_desktop.domain.money import Money
    from cashier_desktop.ledger.journal_port import PostgresLedger
    terminal = secure.login("terminal", terminal_id="T-SEC-J", offline_limit=Decimal("1000"),
                            offline_total=Decimal("1500"))
    player = make_player(secure.admin)
    open_shift(terminal, session(terminal, "C100", "1111"))
    port = PostgresLedger(terminal)

    def deposit(amount: str) -> PostingCommand:
        return PostingCommand(kind=Kind.DEPOSIT, player_id=player, amount=Money(Decimal(amount), "INR"),
                              staff_id="C100", terminal_id="T-SEC-J")
    receipts = port.post_batch([deposit("600"), deposit("400")])
    assert [r.cash_after.amount for r in receipts] == [Decimal("600.00"), Decimal("1000.00")]
    with pytest.raises(OfflineNotAllowed):
        port.post(deposit("600"))  # over the shift's offline total
    with secure.admin.connect() as conn:
        rows = conn.execute(text("SELECT offline_attested, db_login FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).all()
    assert rows == [(True, terminal.login)] * 2
