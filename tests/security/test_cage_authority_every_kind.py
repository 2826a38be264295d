"""Authority limits for every transaction type (issue 17, migration 0029): a supervisor sets
one for any posting kind, the exchange, a temporary line and each transfer with the main
bank; the database enforces the new ones for the terminal login on a database made by
`db create-roles` (0013's deposit and exchange limits: test_cage_authority.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import ApprovalRequired, NotAuthorized
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import authority, credit_lines, transfers
from cashier_desktop.terminal.authority import TYPES
from tests.security.conftest import session
from tests.security.test_cage_authority import desk  # noqa: F401 - the fixture
from tests.support.factories import make_player
from tests.support.logins import add_staff_member


def _inr(amount: str) -> Money:
    return Money(Decimal(amount), "INR")


def test_a_supervisor_sets_a_limit_for_every_type_the_terminal_offers(secure, terminal, desk):
    for kind in TYPES:
        authority.set_limit(terminal, session=desk["supervisor"], staff_id="C100", kind=kind,
                            limit=Decimal("1000"), reason=f"cap on {kind}")
    shown = {a.kind for a in authority.limits_in_force(terminal, desk["supervisor"]) if a.staff_id == "C100"}
    assert shown == set(TYPES)
    assert {"fill", "credit", "fund", "remit", "temporary_credit", "reversal", "adjust_in", "adjust_out",
            "credit_line"} <= shown


def test_a_fill_above_the_bank_signers_limit_needs_a_third_person_who_is_recorded(secure, terminal, desk):
    transfers.transfer(terminal, kind="fund", amount=_inr("50000"), sender_session=desk["supervisor"],
                       receiver_session=desk["floor"], reason="test: count room")
    authority.set_limit(terminal, session=desk["supervisor"], staff_id="F200", kind="fill",
                        limit=Decimal("10000"), reason="fill cap")
    transfers.transfer(terminal, kind="fill", amount=_inr("10000"), sender_session=desk["floor"],
                       receiver_session=desk["cashier"])  # at the limit: two signatures suffice
    with pytest.raises(ApprovalRequired, match="A fill of 20000.00 INR is above the authority of F200"):
        transfers.transfer(terminal, kind="fill", amount=_inr("20000"), sender_session=desk["floor"],
                           receiver_session=desk["cashier"])
    with pytest.raises(NotAuthorized, match="someone other than the two who sign"):
        transfers.transfer(terminal, kind="fill", amount=_inr("20000"), sender_session=desk["floor"],
                           receiver_session=desk["cashier"], approver_session=desk["floor"])
    with pytest.raises(NotAuthorized):  # a cashier holds no right to approve
        other = "C1" + "77"
        add_staff_member(secure.admin, other, "cashier", "7777")
        transfers.transfer(terminal, kind="fill", amount=_inr("20000"), sender_session=desk["floor"],
                           receiver_session=desk["cashier"], approver_session=session(terminal, other, "7777"))
    done = transfers.transfer(terminal, kind="fill", amount=_inr("20000"), sender_session=desk["floor"],
                              receiver_session=desk["cashier"], approver_session=desk["supervisor"])
    assert (done.approver_id, done.amount) == ("S300", _inr("20000"))
    with secure.admin.connect() as conn:
        kept = conn.execute(text("SELECT approver_id FROM bank_transfers WHERE id = :i"), {"i": done.id}).scalar()
        audit = conn.execute(text("SELECT detail->>'approver' FROM audit_log WHERE action = 'bank_fill' "
                                  "ORDER BY id DESC LIMIT 1")).scalar()
    assert kept == audit == "S300"


def test_the_window_signers_limit_binds_a_credit_and_the_approvers_own_limit_must_cover_it(secure, terminal, desk):
    transfers.transfer(terminal, kind="fund", amount=_inr("30000"), sender_session=desk["supervisor"],
                       receiver_session=desk["floor"], reason="test: count room")
    transfers.transfer(terminal, kind="fill", amount=_inr("30000"), sender_session=desk["floor"],
                       receiver_session=desk["cashier"])
    authority.set_limit(terminal, session=desk["supervisor"], staff_id="C100", kind="credit",
                        limit=Decimal("5000"), reason="credit cap")
    with pytest.raises(ApprovalRequired, match="above the authority of C100"):
        transfers.transfer(terminal, kind="credit", amount=_inr("6000"), sender_session=desk["cashier"],
                           receiver_session=desk["floor"])
    # the approver's own limit for credits, set by another supervisor
    add_staff_member(secure.admin, "S301", "supervisor", "3131")
    authority.set_limit(terminal, session=session(terminal, "S301", "3131"), staff_id="S300", kind="credit",
                        limit=Decimal("5500"), reason="approver cap")
    with pytest.raises(NotAuthorized, match="above the authority of the approver S300"):
        transfers.transfer(terminal, kind="credit", amount=_inr("6000"), sender_session=desk["cashier"],
                           receiver_session=desk["floor"], approver_session=desk["supervisor"])
    done = transfers.transfer(terminal, kind="credit", amount=_inr("5500"), sender_session=desk["cashier"],
                              receiver_session=desk["floor"], approver_session=desk["supervisor"])
    assert done.approver_id == "S300"


def test_a_temporary_line_above_the_approvers_limit_is_refused_and_another_approver_grants_it(secure, terminal,
                                                                                              desk):
    player = make_player(secure.admin)
    expires = datetime.now(timezone.utc) + timedelta(days=3)
    authority.set_limit(terminal, session=desk["supervisor"], staff_id="F200", kind="temporary_credit",
                        limit=Decimal("10000"), reason="floor line cap")
    with pytest.raises(NotAuthorized, match="A temporary credit of 20000.00 INR is above the authority of the "
                                            "approver F200"):
        credit_lines.grant_temporary(terminal, session=desk["cashier"], approver_session=desk["floor"],
                                     player_id=player, limit=Decimal("20000"), expires_at=expires, reason="junket")
    credit_lines.grant_temporary(terminal, session=desk["cashier"], approver_session=desk["floor"],
                                 player_id=player, limit=Decimal("10000"), expires_at=expires, reason="junket")
    line = credit_lines.grant_temporary(terminal, session=desk["cashier"], approver_session=desk["supervisor"],
                                        player_id=player, limit=Decimal("20000"), expires_at=expires, reason="junket")
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT approved_by FROM temporary_credit_lines WHERE id = :i"),
                            {"i": line}).scalar() == "S300"
