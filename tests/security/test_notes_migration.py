"""Migration 0022 re-creates `cage.post_with_notes` (a new answer and arguments: DROP +
CREATE) and adds `cage.replay_offline_with_notes`. Run on a database whose roles `db
create-roles` made before the upgrade (the schema owner an ordinary login), both are owned by
the NOLOGIN API owner and EXECUTE-able by the terminal login and by no one else, and they
post with notes at that login without another `create-roles`."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.api_owner import api_owner_name, definer_functions
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.posting import post
from tests.security.test_api_owner_schema_owner import owned_by_a_login  # noqa: F401 - fixture
from tests.support.factories import cmd, make_player
from tests.support.logins import staff_session
from tests.support.migration_roles import may_execute, roles_made_at, terminal_login

POST_WITH_NOTES = ("cage.post_with_notes(uuid, text, text, text, numeric, text, uuid, jsonb, jsonb, uuid, text, "
                   "text, text, text, text, text, bigint)")
REPLAY_WITH_NOTES = ("cage.replay_offline_with_notes(uuid, text, text, text, numeric, text, text, jsonb, jsonb, "
                     "text, text, text, text, bigint)")


def test_the_notes_functions_made_after_create_roles_have_its_owner_and_grants_and_post_notes(
        owned_by_a_login):  # noqa: F811 - the imported fixture
    url, owner, prefix = owned_by_a_login
    api_owner = api_owner_name(prefix)
    roles_made_at(owner, prefix, "0020")
    login = f"{prefix}_counter"
    login_url = terminal_login(owner, url, prefix, "counter", "T-MIG-N",
                               offline_limit=Decimal("1000"), offline_total=Decimal("5000"))

    migrate.upgrade(owner)  # 0022, as the schema owner

    with owner.connect() as conn:
        assert {o for _, o in definer_functions(conn)} == {api_owner}
        for fn in (POST_WITH_NOTES, REPLAY_WITH_NOTES):
            may = may_execute(conn, fn, login, f"{prefix}_monitor")
            assert may == (True, False, False), fn  # the terminal, not the monitor, not PUBLIC

    player = make_player(owner)
    terminal = make_engine(login_url)
    try:
        token = staff_session(terminal, "C100", "1111")
        with terminal.begin() as conn:
            shift = conn.execute(text("SELECT cage.open_shift(:t, 0)"), {"t": token}).scalar()
        live = post(terminal, dataclasses.replace(
            cmd("deposit", player, "600", terminal_id="T-MIG-N", notes_in={"500": 1, "100": 1}), session=token))
        offline = post(terminal, cmd("deposit", player, "50", terminal_id="T-MIG-N", shift_id=shift,
                                     notes_in={"50": 1}), offline=True)
    finally:
        terminal.dispose()
    assert (live.shift_sequence, live.staff_name, offline.shift_sequence) == (1, "Asha Rao", 2)
    with owner.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM posting_notes WHERE posting_id IN (:a, :b)"),
                            {"a": live.id, "b": offline.id}).scalar() == 3


def test_the_notes_read_made_after_create_roles_has_its_owner_and_grants_and_reads_at_another_login(
        owned_by_a_login):  # noqa: F811 - the imported fixture
    """Migration 0026 on roles made before it: `cage.posting_notes` is the API owner's, the
    terminal logins (both made before the upgrade) may call it and the monitor may not; a
    deposit with notes made at one terminal reads back with them at the other."""
    from cashier_desktop.ledger.receipt_check import receipt_facts
    url, owner, prefix = owned_by_a_login
    roles_made_at(owner, prefix, "0025")
    logins = {name: terminal_login(owner, url, prefix, name, tid) for name, tid in (("a", "T-MIG-A"), ("b", "T-MIG-B"))}
    player = make_player(owner)
    a = make_engine(logins["a"])
    try:
        token = staff_session(a, "C100", "1111")
        with a.begin() as conn:
            conn.execute(text("SELECT cage.open_shift(:t, 0)"), {"t": token})
        made = post(a, dataclasses.replace(
            cmd("deposit", player, "600", terminal_id="T-MIG-A", notes_in={"500": 1, "100": 1}), session=token))
    finally:
        a.dispose()

    migrate.upgrade(owner)  # 0026, as the schema owner

    fn = "cage.posting_notes(uuid)"
    with owner.connect() as conn:
        assert {o for _, o in definer_functions(conn)} == {api_owner_name(prefix)}
        may = may_execute(conn, fn, f"{prefix}_a", f"{prefix}_b", f"{prefix}_monitor")
    assert may == (True, True, False, False)  # the terminals, not the monitor, not PUBLIC
    b = make_engine(logins["b"])
    try:
        facts = receipt_facts(b, made.id)
    finally:
        b.dispose()
    assert facts.notes_in == ((Decimal("500.00"), 1), (Decimal("100.00"), 1)) and facts.notes_out == ()
