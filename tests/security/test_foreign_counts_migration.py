"""Migration 0032 drops `cage.close_shift`, `cage._handover_shift` and `cage.handover_shift` and
makes them again with the foreign counts (a parameter added: another function to PostgreSQL).
On a database whose roles `db create-roles` made at 0031 (the schema owner an ordinary login),
the new functions are the NOLOGIN API owner's, EXECUTE-able by the terminal login made before
the upgrade and by no one else, the old ones are gone, and a handover carrying dollars works
there without another `create-roles`."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.api_owner import api_owner_name, definer_functions
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.handover import hand_over
from cashier_desktop.ledger.staff import add_staff
from tests.security.test_api_owner_schema_owner import owned_by_a_login  # noqa: F401 - fixture
from tests.support.drawer_fills import fill_drawer
from tests.support.logins import staff_session
from tests.support.migration_roles import may_execute, roles_made_at, terminal_login

NEW = ("cage.close_shift(uuid, bigint, numeric, jsonb, text, numeric, jsonb)",
       "cage.handover_shift(uuid, text, uuid, uuid, bigint, numeric, jsonb, numeric, jsonb, jsonb, jsonb)")
OLD = ("cage.close_shift(uuid, bigint, numeric, jsonb, text, numeric)",
       "cage.handover_shift(uuid, text, uuid, uuid, bigint, numeric, jsonb, numeric, jsonb)",
       "cage._handover_shift(uuid, uuid, bigint, numeric, jsonb, numeric, jsonb)")
INNER = "cage._handover_shift(uuid, uuid, bigint, numeric, jsonb, numeric, jsonb, jsonb, jsonb)"


def test_the_functions_with_foreign_counts_keep_the_api_owner_and_grants_and_carry_dollars_at_an_older_login(
        owned_by_a_login):  # noqa: F811 - the imported fixture
    url, owner, prefix = owned_by_a_login
    roles_made_at(owner, prefix, "0031")
    login_url = terminal_login(owner, url, prefix, "counter", "T-MIG-32")
    add_staff(owner, "C777", "Next Cashier", "cashier", "7777")

    migrate.upgrade(owner)  # 0032, as the schema owner

    with owner.connect() as conn:
        assert {o for _, o in definer_functions(conn)} == {api_owner_name(prefix)}
        for function in NEW:
            assert may_execute(conn, function, f"{prefix}_counter", f"{prefix}_monitor") == (True, False, False)
        assert may_execute(conn, INNER, f"{prefix}_counter") == (False, False)  # internal: the wrapper's only
        assert [conn.execute(text("SELECT to_regprocedure(:f)"), {"f": f}).scalar() for f in OLD] == [None] * 3
    terminal = make_engine(login_url)
    try:
        sup, cashier = staff_session(terminal, "S300", "3333"), staff_session(terminal, "C100", "1111")
        with terminal.begin() as conn:
            shift = conn.execute(text("SELECT cage.open_shift(:t, 0)"), {"t": cashier}).scalar_one()
        fill_drawer(terminal, cashier, "10000")
        fx.set_rate(terminal, sup, "USD", Decimal("80"), Decimal("85"))
        fx.exchange(terminal, session=cashier, direction="buy", foreign=Money(Decimal("50"), "USD"))
        closed, opened = hand_over(
            terminal, shift_id=shift, outgoing_session=cashier, incoming_session=staff_session(terminal, "C777", "7777"),
            outgoing_counted=Decimal("6000"), outgoing_count=None, incoming_counted=Decimal("6000"),
            incoming_count=None, outgoing_foreign={"USD": {"50": 1}}, incoming_foreign={"USD": {"50": 1}})
    finally:
        terminal.dispose()
    with owner.connect() as conn:
        rows = conn.execute(text("""SELECT shift_id, moment, counted FROM shift_foreign_counts
                                    ORDER BY shift_id"""), {}).all()
    assert [tuple(r) for r in rows] == [(closed.id, "close", Decimal("50.00")), (opened.id, "open", Decimal("50.00"))]
