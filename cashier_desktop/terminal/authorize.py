"""Who may do what, checked before anything moves (roles, shifts, dual control, ID).

`authorize` returns the command to post, completed with the terminal and its open shift,
or raises a `CashierError` with a sentence; nothing has moved then. The GUI hiding a
button is not enforcement; this is (and the database's triggers are the second line).
`posting_requirements` tells the GUI the same rules up front, before the cashier submits.
`after_posting` completes the MTL entry once a posting was accepted (the posting API writes the audit rows).
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from decimal import Decimal

from ..domain.commands import PostingCommand
from ..domain.errors import (ApprovalRequired, CurrencyMismatch, IdentificationRequired,
                             LedgerUnavailable, NotAuthorized, ShiftNotOpen)
from ..domain.formatting import format_money
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.policy import (SHIFT_FREE_KINDS, Policy, PriorTotals, Requirements, direction_of,
                             gaming_day, gaming_day_bounds, needs_dual_control, requirements)
from ..domain.receipts import Receipt
from ..domain.roles import AUTHORISING_ROLES, Action, Role, action_for, can, require
from ..ledger.cash_reports import PriorCashQuery
from ..ledger.db import warn_if_gui_thread
from .auth import StaffMember, policy_of

log = logging.getLogger(__name__)

CORRECTION_KINDS = frozenset({Kind.REVERSAL, Kind.ADJUST_IN, Kind.ADJUST_OUT})


def approval_authority(staff: StaffMember, policy: Policy) -> Decimal | None:
    """The largest credit line this person may approve; None = no limit (supervisor)."""
    if staff.role == Role.SUPERVISOR.value:
        return staff.approval_limit
    if staff.role == Role.FLOOR_MANAGER.value:
        return staff.approval_limit if staff.approval_limit is not None else policy.floor_manager_approval_limit
    return Decimal("0")


def _prior_query(services, player_id: str, kind: Kind, at: datetime | None) -> PriorCashQuery | None:
    """What prior cash the identification threshold adds to `kind` (None: it moves no cash)."""
    direction = direction_of(kind)
    if direction is None:
        return None
    policy = policy_of(services)
    return PriorCashQuery(player_id, direction, tz=policy.timezone, start_hour=policy.gaming_day_start_hour,
                          month=policy.aggregation == "month", at=at)


def _totals(cash: tuple[Decimal, Decimal]) -> PriorTotals:
    day, period = cash
    return PriorTotals(period=period, day=day)


def prior_totals(services, player_id: str, kind: Kind, *, at: datetime | None = None) -> PriorTotals:
    """The player's cash already moved in `kind`'s direction this period and gaming day."""
    query = _prior_query(services, player_id, kind, at)
    return PriorTotals() if query is None else _totals(services.ledger.prior_cash(query))


def posting_requirements(services, staff: StaffMember, kind: Kind, player_id: str, amount: Money,
                         *, at: datetime | None = None) -> Requirements:
    """What the GUI must collect before submitting this posting (approver, ID, confirmation)."""
    warn_if_gui_thread("posting_requirements")
    kind = Kind(kind)
    # A terminal whose login the database binds decides the identification threshold in the
    # posting's own call (and refuses with IdentificationRequired, which the dialog answers by
    # asking for the document): no read of the player's prior cash here, no extra round trip.
    prior = (PriorTotals() if getattr(staff, "session_token", None) is not None and services.database_decides
             else prior_totals(services, player_id, kind, at=at))
    req = requirements(policy_of(services), kind, amount, prior)
    if kind in CORRECTION_KINDS and staff.role == Role.SUPERVISOR.value:
        return dataclasses.replace(req, needs_approver=False)  # a supervisor approves their own correction
    if kind is Kind.CREDIT_LINE and can(staff.role, Action.APPROVE_CREDIT):
        return dataclasses.replace(req, needs_approver=False)
    return req


def _fresh(records: dict, member: StaffMember, who: str) -> StaffMember:
    """The member as the ledger has them now (role, limit), still holding their session: the
    checks after this one ask the ledger in their name (a document on file, for one)."""
    rec = records.get(member.id)
    if rec is None or not rec.active:
        raise NotAuthorized(f"{who.capitalize()} {member.id} is no longer an active staff member.")
    return StaffMember(rec.id, rec.name, rec.role, rec.approval_limit, member.session_token)


def _check_approver(cmd: PostingCommand, staff: StaffMember, approver: StaffMember | None,
                    policy: Policy) -> str | None:
    """The approver id to record, after checking role and independence."""
    kind = cmd.kind
    dual = needs_dual_control(policy, kind, cmd.amount.amount)
    wanted = cmd.approver_id
    if approver is not None and wanted is not None and approver.id != wanted:
        raise NotAuthorized(f"The approver named on the posting ({wanted}) is not the one who "
                            f"entered their PIN ({approver.id}).")
    if kind in CORRECTION_KINDS or kind is Kind.CREDIT_LINE:
        action = Action.APPROVE_CREDIT if kind is Kind.CREDIT_LINE else action_for(kind)
        if approver is None or approver.id == staff.id:
            if wanted not in (None, staff.id):
                raise ApprovalRequired.pin_of(wanted)
            approver = staff  # the issuer holds the right (checked by `require` above)
        require(approver.role, action)
        if kind is Kind.CREDIT_LINE:
            authority = approval_authority(approver, policy)
            if authority is not None and cmd.amount.amount > authority:
                raise NotAuthorized(
                    f"A limit of {format_money(cmd.amount)} is above the approval authority of "
                    f"{approver.id} ({format_money(Money(authority, cmd.amount.currency))}).")
        return approver.id
    if wanted == staff.id or (approver is not None and approver.id == staff.id):
        raise NotAuthorized("You cannot approve your own transaction; another staff member must.")
    if approver is None:
        if wanted is not None:
            raise ApprovalRequired.pin_of(wanted)
        if dual:
            raise ApprovalRequired(
                f"{kind.with_article.capitalize()} of {format_money(cmd.amount)} needs a second person: a floor "
                f"manager or supervisor must approve it with their PIN.")
        return None
    if Role(approver.role) not in AUTHORISING_ROLES:
        raise NotAuthorized(f"{approver.id} is a {Role(approver.role).label} and cannot approve; "
                            "ask a floor manager or supervisor.")
    return approver.id


def authorize(services, staff: StaffMember, cmd: PostingCommand, approver: StaffMember | None = None,
              *, at: datetime | None = None, database_decides: bool = False) -> PostingCommand:
    """Check everything policy asks of this posting and complete it with terminal and shift.

    Args:
        services: the terminal services.
        staff: the logged-in person making the posting (must be `cmd.staff_id`).
        cmd: the posting as built at the counter.
        approver: the second person, already PIN-verified (dual control, corrections).
        at: the moment to aggregate large cash for (default: the database's now).
        database_decides: the posting carries staff sessions and goes to the database's
            posting API, which checks staff, shift and large cash in the same transaction:
            skip the online pre-check (its round trip) and let the API answer.
    Returns:
        The command to post.
    Raises:
        NotAuthorized, ApprovalRequired, ShiftNotOpen, IdentificationRequired, CurrencyMismatch.
    """
    warn_if_gui_thread("authorize")
    if cmd.staff_id != staff.id:
        raise NotAuthorized.not_own_id()
    policy = policy_of(services)
    if cmd.amount.currency != policy.currency:
        raise CurrencyMismatch(f"This cage works in {policy.currency}, not {cmd.amount.currency}.")
    # What can be judged without the ledger, by the session's role: refused here, refused offline too.
    require(staff.role, action_for(cmd.kind))
    approver_id = _check_approver(cmd, staff, approver, policy)
    local = services.local
    if not local.online:  # the one offline fallback (a DirectSide is never offline)
        return local.authorize_offline(staff, dataclasses.replace(cmd, approver_id=approver_id))
    if database_decides:
        return dataclasses.replace(cmd, terminal_id=cmd.terminal_id or services.config.terminal_id,
                                   approver_id=approver_id)
    try:
        return _authorize_online(services, staff, cmd, approver, policy, at)
    except LedgerUnavailable as exc:  # a DirectSide re-raises it
        return local.authorize_offline(staff, dataclasses.replace(cmd, approver_id=approver_id), exc)


def _authorize_online(services, staff: StaffMember, cmd: PostingCommand, approver: StaffMember | None,
                      policy: Policy, at: datetime | None) -> PostingCommand:
    """The checks that need the ledger: current staff records, the open shift, large cash."""
    terminal = cmd.terminal_id or services.config.terminal_id
    # a typed document needs no prior cash: the posting records it whatever the total
    query = None if (cmd.id_type and cmd.id_number) else _prior_query(services, cmd.player_id, cmd.kind, at)
    records, shift_id, cash = services.ledger.counter_context(
        [staff.id] + ([approver.id] if approver else []), terminal, prior=query)  # one connection
    staff = _fresh(records, staff, "staff member")
    if approver is not None:
        approver = _fresh(records, approver, "approver")
    prior = None if cash is None else _totals(cash)
    require(staff.role, action_for(cmd.kind))  # the role as it is now, not as it was at login
    approver_id = _check_approver(cmd, staff, approver, policy)
    if shift_id is None and cmd.kind not in SHIFT_FREE_KINDS:
        raise ShiftNotOpen(f"Terminal {terminal} has no open shift; open a shift before posting.")
    if prior is not None:
        req = requirements(policy, cmd.kind, cmd.amount, prior)
        if req.needs_identification and not _valid_document_on_file(services, staff, cmd.player_id):
            raise IdentificationRequired(
                req.warnings[-1].replace("record the player's", "this posting needs the player's")
                + " Nothing was posted.")
    return dataclasses.replace(cmd, terminal_id=terminal, shift_id=shift_id, approver_id=approver_id)


def _valid_document_on_file(services, staff: StaffMember, player_id: str) -> bool:
    """A valid ID document on file lets the posting go to the database, which records it
    (migration 0016); without a staff session the ledger cannot be asked."""
    if staff.session_token is None:
        return False
    return any(d.valid for d in services.ledger.id_documents(session=staff.session_token, player_id=player_id))


def record_large_cash(services, receipt: Receipt) -> int:
    """Write the MTL entry for an accepted posting if it reached the log threshold.

    Idempotent: safe to call again for the same receipt (journal replays call it too).
    Returns the number of entries written (0 or 1).
    """
    if direction_of(receipt.kind) is None:
        return 0
    policy = policy_of(services)
    day = gaming_day(receipt.created_at, policy.gaming_day_start_hour, policy.timezone)
    start, end = gaming_day_bounds(day, policy.gaming_day_start_hour, policy.timezone)
    return services.ledger.log_mtl(start=start, end=end, tz=policy.timezone,
                                   start_hour=policy.gaming_day_start_hour, threshold=policy.mtl_threshold,
                                   player_id=receipt.player_id, posting_id=receipt.id)


def after_posting(services, staff: StaffMember, cmd: PostingCommand, approver: StaffMember | None,
                  result) -> None:
    """Log large cash once the ledger accepted a posting (the API wrote its audit rows).

    Never raises: the money has moved; a failure here is logged loudly, and the MTL is
    completed from the ledger when the report runs.
    """
    if not isinstance(result, Receipt) or result.replayed:
        return  # pending offline: the MTL is completed from the ledger when the report runs
    try:
        # The approval, correction and identification audit rows are written by the posting
        # API in the posting's transaction (migration 0010); the MTL entry too when the
        # database holds the policy (`db create-roles`); this one is then a no-op.
        record_large_cash(services, result)
    except Exception:  # noqa: BLE001 - the posting stands; never report it as failed
        log.exception("after-posting records failed for %s", cmd.id)
