"""Migration 0017 changes what `cage.post` and `cage.replay_offline` return, which needs
DROP + CREATE. Run on a database whose roles `db create-roles` made before the upgrade (as
production upgrades: the schema owner an ordinary login, not a superuser), the new
functions are still owned by the NOLOGIN API owner, still EXECUTE-able by the terminal
login and by no one else, and answer the terminal login with the receipt's place in its
shift and the staff names, without another `create-roles`."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.api_owner import api_owner_name, definer_functions
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.receipt_check import receipt_facts
from tests.security.test_api_owner_schema_owner import owned_by_a_login  # noqa: F401 - fixture
from tests.support.factories import cmd, make_player
from tests.support.logins import staff_session
from tests.support.migration_roles import may_execute, roles_made_at, terminal_login

POST = ("cage.post(uuid, text, text, text, numeric, text, uuid, uuid, uuid, text, text, text, "
        "text, text, text, bigint)")
REPLAY_OFFLINE = "cage.replay_offline(uuid, text, text, text, numeric, text, text, text, text, text, text, bigint)"


def test_the_posting_api_changed_after_create_roles_keeps_its_owner_and_grants_and_numbers_receipts(
        owned_by_a_login):  # noqa: F811 - the imported fixture
    url, owner, prefix = owned_by_a_login
    api_owner = api_owner_name(prefix)
    roles_made_at(owner, prefix, "0014")
    login = f"{prefix}_counter"
    login_url = terminal_login(owner, url, prefix, "counter", "T-MIG-1",
                               offline_limit=Decimal("1000"), offline_total=Decimal("5000"))

    migrate.upgrade(owner)  # 0017 drops and re-creates both functions, as the schema owner

    with owner.connect() as conn:
        assert {o for _, o in definer_functions(conn)} == {api_owner}
        for fn in (POST, REPLAY_OFFLINE):
            may = may_execute(conn, fn, login, f"{prefix}_monitor")
            assert may == (True, False, False), fn  # the terminal, not the monitor, not PUBLIC
        assert conn.execute(text("SELECT has_schema_privilege(:r, 'cage', 'CREATE')"),
                            {"r": api_owner}).scalar() is False  # lent for the hand-over only

    player = make_player(owner)
    terminal = make_engine(login_url)
    try:
        token = staff_session(terminal, "C100", "1111")
        with terminal.begin() as conn:
            shift = conn.execute(text("SELECT cage.open_shift(:t, 0)"), {"t": token}).scalar()
        live = post(terminal, dataclasses.replace(cmd("deposit", player, "500", terminal_id="T-MIG-1"),
                                                  session=token))
        offline = post(terminal, cmd("deposit", player, "40", terminal_id="T-MIG-1", shift_id=shift),
                       offline=True)
    finally:
        terminal.dispose()
    assert (live.shift_id, live.shift_sequence, live.staff_name) == (shift, 1, "Asha Rao")
    assert (offline.shift_id, offline.shift_sequence, offline.staff_name) == (shift, 2, "Asha Rao")
    # A reprint's lookup numbers them the same way.
    assert [receipt_facts(owner, r.id).sequence for r in (live, offline)] == [1, 2]
