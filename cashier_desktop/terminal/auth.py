"""Staff authentication: who is at the counter, proven by their PIN, with lockout.

After `policy.lockout_attempts` wrong PINs in a row the account is locked for
`policy.lockout_minutes`; every success, failure, lockout and refused attempt while locked
goes to the audit log in the same transaction as the counter it changes. The clock is the
database's (`now` can be injected, so tests need not sleep through a lockout).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.engine import Engine

from ..domain.commands import check_staff_id
from ..domain.errors import AccountLocked, AuthenticationFailed, InvalidInput
from ..domain.pins import pin_matches
from ..domain.policy import Policy
from ..domain.roles import Role
from ..ledger import audit
from ..ledger.db import map_error, warn_if_gui_thread
from ..ledger.staff import get_staff
from ..ledger.staff_admin import db_now, record_failure, record_success

NOT_RECOGNISED = "Staff id or PIN not recognised."


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A staff member who proved their PIN. `approval_limit` None = role default."""

    id: str
    name: str
    role: str
    approval_limit: Decimal | None = None

    @property
    def role_enum(self) -> Role:
        return Role(self.role)


def policy_of(services) -> Policy:
    """The cage policy from the services' configuration (built once, then cached)."""
    policy = services.extras.get("policy")
    if policy is None:
        policy = Policy.from_values(services.config.values)
        services.extras["policy"] = policy
    return policy


def authenticate(engine: Engine, staff_id: str, pin: str, *, policy: Policy | None = None,
                 terminal_id: str | None = None, purpose: str = "login",
                 now: datetime | None = None) -> StaffMember:
    """The active staff member whose PIN this is.

    Args:
        engine: the ledger.
        staff_id, pin: what was typed.
        policy: lockout settings (defaults: 5 attempts, 5 minutes).
        terminal_id: recorded in the audit log.
        purpose: "login" or "approval" (an approver's PIN for a dual-control step).
        now: the clock to judge the lockout by (default: the database's).
    Raises:
        AuthenticationFailed: unknown id, disabled, or wrong PIN (one sentence for all).
        AccountLocked: too many wrong PINs; says until when.
    """
    warn_if_gui_thread("authenticate")
    try:
        staff_id = check_staff_id(staff_id)
    except InvalidInput:
        raise AuthenticationFailed(NOT_RECOGNISED) from None
    attempts = policy.lockout_attempts if policy else 5
    minutes = policy.lockout_minutes if policy else 5
    failure: Exception | None = None
    try:
        with engine.begin() as conn:
            at = now or db_now(conn)
            rec = get_staff(conn, staff_id, for_update=True)
            base = {"purpose": purpose}
            if rec is None or not rec.active:
                audit.append(conn, "login_failed", staff_id=staff_id, terminal_id=terminal_id,
                             detail={**base, "reason": "unknown" if rec is None else "disabled"})
                failure = AuthenticationFailed(NOT_RECOGNISED)
            elif rec.locked_until is not None and rec.locked_until > at:
                audit.append(conn, "login_refused_locked", staff_id=staff_id, terminal_id=terminal_id,
                             detail={**base, "locked_until": rec.locked_until})
                failure = AccountLocked(_locked_sentence(staff_id, rec.locked_until, at))
                failure.until = rec.locked_until  # the login window shows the clock time
            elif not pin_matches(rec.pin_hash, pin or ""):
                until = record_failure(conn, staff_id, attempts=attempts, minutes=minutes, now=at)
                audit.append(conn, "login_failed", staff_id=staff_id, terminal_id=terminal_id,
                             detail={**base, "reason": "wrong_pin"})
                if until is not None:
                    audit.append(conn, "lockout", staff_id=staff_id, terminal_id=terminal_id,
                                 detail={**base, "locked_until": until, "attempts": attempts})
                    failure = AccountLocked(f"Too many wrong PINs: {staff_id} is locked for {minutes} "
                                            f"minute{'s' if minutes != 1 else ''}.")
                    failure.until = until
                else:
                    failure = AuthenticationFailed(NOT_RECOGNISED)
            else:
                record_success(conn, staff_id)
                audit.append(conn, "login" if purpose == "login" else "approver_pin",
                             staff_id=staff_id, terminal_id=terminal_id, detail=base)
                member = StaffMember(rec.id, rec.name, rec.role, rec.approval_limit)
    except Exception as exc:  # noqa: BLE001 - driver errors become domain errors
        mapped = map_error(exc)
        raise mapped if mapped is not exc else exc
    if failure is not None:
        raise failure
    return member


def _locked_sentence(staff_id: str, until: datetime, now: datetime) -> str:
    left = max(1, int((until - now).total_seconds() + 59) // 60)
    return (f"{staff_id} is locked after too many wrong PINs; try again in {left} "
            f"minute{'s' if left != 1 else ''} or ask a supervisor to reset the PIN.")


def verify_approver(services, staff_id: str, pin: str, *, terminal_id: str | None = None,
                    now: datetime | None = None) -> StaffMember:
    """A second person's PIN for a dual-control step (same lockout and audit as a login).

    Whether this person may approve *this* posting is decided by `authorize`.
    """
    return authenticate(services.engine, staff_id, pin, policy=policy_of(services),
                        terminal_id=terminal_id or services.config.terminal_id, purpose="approval", now=now)
