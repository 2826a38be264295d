"""Migration 0029 drops `cage.bank_transfer` and makes it again with an approver's session
(DROP + CREATE). On a database whose roles `db create-roles` made before the upgrade (the
schema owner an ordinary login), the new function is the NOLOGIN API owner's, EXECUTE-able by
the terminal login made before the upgrade and by no one else, and a fill above the bank
signer's limit posts there with a third person's PIN without another `create-roles`."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import ApprovalRequired
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import authority, migrate, transfers
from cashier_desktop.ledger.api_owner import api_owner_name, definer_functions
from cashier_desktop.ledger.db import make_engine
from tests.security.test_api_owner_schema_owner import owned_by_a_login  # noqa: F401 - fixture
from tests.support.logins import staff_session
from tests.support.migration_roles import may_execute, roles_made_at, terminal_login

NEW_TRANSFER = "cage.bank_transfer(uuid, text, text, numeric, uuid, uuid, text, text, uuid)"


def test_the_transfer_with_an_approver_keeps_the_api_owner_and_grants_and_posts_at_an_older_login(
        owned_by_a_login):  # noqa: F811 - the imported fixture
    url, owner, prefix = owned_by_a_login
    roles_made_at(owner, prefix, "0028")
    login_url = terminal_login(owner, url, prefix, "counter", "T-MIG-29")

    migrate.upgrade(owner)  # 0029, as the schema owner

    with owner.connect() as conn:
        assert {o for _, o in definer_functions(conn)} == {api_owner_name(prefix)}
        assert may_execute(conn, NEW_TRANSFER, f"{prefix}_counter", f"{prefix}_monitor") == (True, False, False)
    terminal = make_engine(login_url)
    try:
        sup, floor, cashier = (staff_session(terminal, s, p) for s, p in
                               (("S300", "3333"), ("F200", "2222"), ("C100", "1111")))
        with terminal.begin() as conn:
            conn.execute(text("SELECT cage.open_shift(:t, 0)"), {"t": cashier})
        inr = Money(Decimal("8000"), "INR")
        transfers.transfer(terminal, kind="fund", amount=inr, sender_session=sup, receiver_session=floor,
                           reason="test: count room")
        authority.set_limit(terminal, session=sup, staff_id="F200", kind="fill", limit=Decimal("5000"),
                            reason="fill cap")
        with pytest.raises(ApprovalRequired):
            transfers.transfer(terminal, kind="fill", amount=inr, sender_session=floor, receiver_session=cashier)
        done = transfers.transfer(terminal, kind="fill", amount=inr, sender_session=floor, receiver_session=cashier,
                                  approver_session=sup)
    finally:
        terminal.dispose()
    assert done.approver_id == "S300"
