"""Credit requests: a cashier files one, a floor manager (or supervisor) decides it.

Approval and issuance are separated (25 CFR 543.15): whoever filed a request cannot decide
it (also a CHECK in the database), and the approved limit must be within the decider's
approval authority. An approval posts a credit-line posting with a posting id derived from
the request, so approving twice never sets the line twice.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from ..domain.amounts import parse_amount
from ..domain.commands import PostingCommand, check_player_id
from ..domain.errors import InvalidInput, NotAuthorized
from ..domain.formatting import format_money
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.receipts import Receipt
from ..domain.roles import Action, require
from ..ledger.credit import CreditRequest
from ..ledger.db import warn_if_gui_thread
from .auth import policy_of
from .authorize import approval_authority
from .session import Session

_REQUEST_NS = uuid.UUID("1c0b3d36-0f55-4b6e-a3a4-6d3c2d5e9a71")


def _limit(services, limit) -> Decimal:
    if isinstance(limit, Money):
        return limit.amount
    if isinstance(limit, Decimal):
        return Money(limit, services.currency.code).amount
    return parse_amount(str(limit), services.currency).amount


def request_credit(services, session: Session, player_id: str, limit, note: str | None = None) -> CreditRequest:
    """File a request for a credit line of `limit` for a player (cashier and up)."""
    warn_if_gui_thread("request_credit")
    require(session.staff.role, Action.REQUEST_CREDIT)
    player_id = check_player_id(player_id)
    value = _limit(services, limit)
    # PlayerNotFound for an unknown player; the API checks the session's right and audits it
    return services.ledger.request_credit(player_id, value, (note or "").strip() or None, session.staff.id,
                                          session=session.staff.session_token)


def list_credit_requests(services, *, status: str | None = "pending", player_id: str | None = None,
                         limit: int = 200) -> list[CreditRequest]:
    """The queue (pending by default), or every request with `status=None`."""
    if status not in (None, "pending", "approved", "denied"):
        raise InvalidInput("A credit request's status is pending, approved or denied.")
    return services.ledger.credit_requests(status=status, player_id=player_id, limit=limit)


def credit_history(services, player_id: str) -> list[CreditRequest]:
    """Every request ever filed for a player, oldest first."""
    return list_credit_requests(services, status=None, player_id=check_player_id(player_id), limit=10_000)


def _request(services, request_id: int) -> CreditRequest:
    """The request as it stands, read once: a plain read, no lock — cage.decide_credit locks
    the request and checks everything again (a terminal login may not lock the table:
    SELECT … FOR UPDATE needs an UPDATE grant it must not have)."""
    req = services.ledger.credit_request(request_id)
    if req is None:
        raise InvalidInput.no_credit_request(request_id)
    return req


def _check_pending(req: CreditRequest, session: Session) -> None:
    """A worded answer before the database decides: still pending, and not the decider's own."""
    request_id = req.id
    if req.status != "pending":
        raise InvalidInput(f"Credit request {request_id} was already {req.status} by {req.decided_by}.")
    if req.requested_by == session.staff.id:
        raise NotAuthorized("You filed this request; another floor manager or supervisor must decide it.")


def approve_credit(services, session: Session, request_id: int, limit=None) -> tuple[CreditRequest, Receipt]:
    """Approve a pending request (optionally for a different limit) and set the player's line."""
    warn_if_gui_thread("approve_credit")
    require(session.staff.role, Action.APPROVE_CREDIT)
    policy = policy_of(services)
    req = _request(services, request_id)  # the one read before the decision
    value = req.requested_limit if limit is None else _limit(services, limit)
    authority = approval_authority(session.staff, policy)
    if authority is not None and value > authority:
        raise NotAuthorized(f"A limit of {format_money(Money(value, policy.currency))} is above your approval "
                            f"authority of {format_money(Money(authority, policy.currency))}.")
    cmd = PostingCommand(
        id=uuid.uuid5(_REQUEST_NS, f"credit-request:{request_id}"), kind=Kind.CREDIT_LINE,
        player_id=req.player_id, amount=Money(value, policy.currency), staff_id=session.staff.id,
        terminal_id=session.terminal_id, approver_id=session.staff.id, reason=f"credit request {request_id}")
    _check_pending(req, session)  # a quick, worded answer; the database decides again
    # ONE transaction in the database: the request is locked, the line posted, the decision
    # and its audit row written (cage.decide_credit); nothing half-done.
    return services.ledger.decide_credit(
        request_id, approve=True, session=session.staff.session_token, staff_id=session.staff.id,
        terminal_id=session.terminal_id, limit=value, posting_id=cmd.id, request_hash=cmd.request_hash(),
        currency=policy.currency)


def deny_credit(services, session: Session, request_id: int, reason: str) -> CreditRequest:
    """Deny a pending request, with a reason the history keeps."""
    warn_if_gui_thread("deny_credit")
    require(session.staff.role, Action.DENY_CREDIT)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("Give a reason for denying the request.")
    _check_pending(_request(services, request_id), session)
    decided, _ = services.ledger.decide_credit(request_id, approve=False, session=session.staff.session_token,
                                               staff_id=session.staff.id, terminal_id=session.terminal_id,
                                               reason=reason)
    return decided
