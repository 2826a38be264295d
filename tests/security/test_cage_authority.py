"""Authority limits per staff member and transaction type (issue 17), enforced by the
posting API for the terminal login on a database made by `db create-roles`."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import ApprovalRequired, NotAuthorized
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import authority
from cashier_desktop.ledger import exchange as fx
from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import api_post, api_refusal, open_shift
from tests.support.factories import make_player
from tests.support.drawer_fills import fill_drawer


@pytest.fixture
def desk(secure, terminal):
    supervisor = session(terminal, "S300", "3333")
    cashier = session(terminal, "C100", "1111")
    floor = session(terminal, "F200", "2222")
    open_shift(terminal, cashier)
    return {"supervisor": supervisor, "cashier": cashier, "floor": floor}


def test_over_the_cashiers_own_limit_a_deposit_needs_a_second_person_within_their_limit(secure, terminal, terminal_b,
                                                                                       desk):
    player = make_player(secure.admin)
    authority.set_limit(terminal, session=desk["supervisor"], staff_id="C100", kind="deposit",
                        limit=Decimal("50000"), reason="new starter")
    api_post(terminal, "deposit", player, "50000", session_id=desk["cashier"])  # at the limit: alone
    assert "above the authority of C100" in api_refusal(terminal, "CA010", "deposit", player, "50000.01",
                                                        session_id=desk["cashier"])
    authority.set_limit(terminal, session=desk["supervisor"], staff_id="F200", kind="deposit",
                        limit=Decimal("55000"), reason="floor cap")
    assert "approver F200" in api_refusal(terminal, "CA001", "deposit", player, "60000",
                                          session_id=desk["cashier"], approver_session=desk["floor"])
    row = api_post(terminal, "deposit", player, "55000", session_id=desk["cashier"], approver_session=desk["floor"])
    assert row.cash_delta == Decimal("55000.00")
    # another cashier's limit is their own: the supervisor has none for deposits (in a drawer of
    # their own: only a shift's cashier posts into it, migration 0021)
    supervisor_b = session(terminal_b, "S300", "3333")
    open_shift(terminal_b, supervisor_b)
    api_post(terminal_b, "deposit", player, "90000", session_id=supervisor_b)


def test_a_limit_applies_to_exchanges_in_inr(secure, terminal, desk):
    fx.set_rate(terminal, desk["supervisor"], "EUR", Decimal("90"), Decimal("92"))
    fill_drawer(terminal, desk["cashier"], "20000")  # the drawer pays out the rupees (0023)
    authority.set_limit(terminal, session=desk["supervisor"], staff_id="C100", kind="exchange",
                        limit=Decimal("9000"), reason="exchange desk cap")
    fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=Money(Decimal("100"), "EUR"))
    with pytest.raises(ApprovalRequired):
        fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=Money(Decimal("100.01"), "EUR"))
    fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=Money(Decimal("100.01"), "EUR"),
                approver_session=desk["floor"])


def test_only_a_supervisors_session_sets_a_limit_and_no_login_writes_the_table(secure, terminal, desk):
    with pytest.raises(NotAuthorized):
        authority.set_limit(terminal, session=desk["cashier"], staff_id="C100", kind="deposit",
                            limit=Decimal("99999999"), reason="my own")
    with pytest.raises(NotAuthorized):
        authority.set_limit(terminal, session=desk["floor"], staff_id="C100", kind="withdrawal",
                            limit=None, reason="lift it")
    with pytest.raises(NotAuthorized, match="your own authority limit"):
        authority.set_limit(terminal, session=desk["supervisor"], staff_id="S300", kind="adjust_in",
                            limit=None, reason="lift my own")
    assert "permission denied" in refused(terminal, "INSERT INTO cage.authority_limits (staff_id, kind, max_amount, "
                                                    "set_by, reason) VALUES ('C100', 'deposit', NULL, 'S300', 'x')")
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cage.authority_limits")).scalar() == 0
