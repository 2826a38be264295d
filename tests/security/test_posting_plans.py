"""A posting reads a few index pages however large its tables have grown since its plans were
made (migration 0027). The plans are made at a terminal login while the tables are tiny, as at
a new install; then the running totals and the shifts grow by tens of thousands of rows with
no ANALYZE in between, and the next posting on the same connection is measured by the
database's own count of the rows it read sequentially."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import text

from tests.security.conftest import session
from tests.security.test_posting_api_attacks import _POST, open_shift
from tests.support.factories import make_player

_SEQ_READ = """SELECT relname, seq_tup_read FROM pg_stat_xact_user_tables
               WHERE relname IN ('cash_totals', 'shifts', 'drawer_cash')"""


def _post(conn, player: str, cashier) -> None:
    conn.execute(text(_POST), {
        "id": uuid.uuid4(), "kind": "deposit", "player": player, "amount": Decimal("10"),
        "session": cashier, "approver_session": None, "reason": None, "terminal": None, "shift": None,
        "staff": None, "id_type": None, "id_number": None})


def test_a_posting_reads_a_few_rows_of_tables_that_grew_after_its_plans_were_made(secure, terminal):
    cashier = session(terminal, "C100", "1111")
    open_shift(terminal, cashier, "0")
    players = [make_player(secure.admin) for _ in range(3)]
    with secure.admin.begin() as admin:
        admin.execute(text("ANALYZE cage.cash_totals; ANALYZE shifts; ANALYZE drawer_cash"))  # tiny, as installed
    with terminal.connect() as conn:
        for i in range(12):  # past PL/pgSQL's five custom plans: the kept plans are made now
            with conn.begin():
                _post(conn, players[i % 3], cashier)
        with secure.admin.begin() as admin:
            admin.execute(text("""INSERT INTO cage.cash_totals (player_id, direction, gaming_day, total)
                                  SELECT 'elsewhere-' || g, d, current_date - k, 1
                                  FROM generate_series(1, 10000) g, unnest(ARRAY['in', 'out']) d,
                                       generate_series(0, 1) k"""))
            admin.execute(text("""INSERT INTO shifts (terminal_id, staff_id, currency, status, opening_float,
                                                      closed_at, counted, expected, variance)
                                  SELECT 'T-OLD-' || g, 'C100', 'INR', 'closed', 0, now(), 0, 0, 0
                                  FROM generate_series(1, 20000) g"""))
        with conn.begin():
            _post(conn, players[0], cashier)
            read = dict(conn.execute(text(_SEQ_READ)).all())
    assert set(read) <= {"cash_totals", "shifts", "drawer_cash"}
    assert all(n < 100 for n in read.values()), f"rows read by sequential scans in one posting: {read}"
    with secure.admin.connect() as admin:
        totals = admin.execute(text("SELECT count(*) FROM cage.cash_totals")).scalar_one()
        balance = admin.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": players[0]}).scalar_one()
    assert totals > 40000 and balance == Decimal("50.00")
