"""Roles and the written permission matrix: who may do what at the cage.

The matrix below is data, not scattered `if role == …` checks: the service asks
`require(role, action)` before anything moves, the GUI asks `can(role, action)` to grey out
buttons (a convenience only), and the README's table is rendered from the same data.
Floor managers hold every cashier permission and more; supervisors hold everything.
"""

from __future__ import annotations

from enum import Enum

from .errors import NotAuthorized
from .kinds import Kind


class Role(str, Enum):
    CASHIER = "cashier"
    FLOOR_MANAGER = "floor_manager"
    SUPERVISOR = "supervisor"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Action(str, Enum):
    """Everything a person may be allowed to do; `phrase` completes “cannot …”."""

    DEPOSIT = "deposit"
    WITHDRAW = "withdraw"
    ISSUE_MARKER = "issue_marker"
    REDEEM_MARKER = "redeem_marker"
    OPEN_SHIFT = "open_shift"
    CLOSE_SHIFT = "close_shift"
    REQUEST_CREDIT = "request_credit"
    APPROVE_CREDIT = "approve_credit"
    DENY_CREDIT = "deny_credit"
    AUTHORISE = "authorise_dual_control"
    REVERSE = "reverse"
    ADJUST = "adjust"
    SIGN_OFF_SHIFT = "sign_off_shift"
    MANAGE_STAFF = "manage_staff"
    RUN_REPORTS = "run_reports"
    BANK_TRANSFER = "bank_transfer"

    @property
    def phrase(self) -> str:
        return _PHRASES[self]


_PHRASES = {
    Action.DEPOSIT: "take a deposit",
    Action.WITHDRAW: "pay a withdrawal",
    Action.ISSUE_MARKER: "issue a marker",
    Action.REDEEM_MARKER: "redeem a marker",
    Action.OPEN_SHIFT: "open a shift",
    Action.CLOSE_SHIFT: "close a shift",
    Action.REQUEST_CREDIT: "file a credit request",
    Action.APPROVE_CREDIT: "approve credit",
    Action.DENY_CREDIT: "deny credit",
    Action.AUTHORISE: "authorise a dual-control step",
    Action.REVERSE: "reverse a posting",
    Action.ADJUST: "adjust a balance",
    Action.SIGN_OFF_SHIFT: "sign off a shift",
    Action.MANAGE_STAFF: "manage staff",
    Action.RUN_REPORTS: "run reports",
    Action.BANK_TRANSFER: "sign for the main bank",
}

_CASHIER = frozenset({
    Action.DEPOSIT, Action.WITHDRAW, Action.ISSUE_MARKER, Action.REDEEM_MARKER,
    Action.OPEN_SHIFT, Action.CLOSE_SHIFT, Action.REQUEST_CREDIT,
})
# The main bank's side of a fill or credit is signed by someone independent of the window.
_FLOOR_MANAGER = _CASHIER | {Action.APPROVE_CREDIT, Action.DENY_CREDIT, Action.AUTHORISE, Action.BANK_TRANSFER}
_SUPERVISOR = _FLOOR_MANAGER | {Action.REVERSE, Action.ADJUST, Action.SIGN_OFF_SHIFT,
                                Action.MANAGE_STAFF, Action.RUN_REPORTS}

# THE PERMISSION MATRIX. Changing a right means changing this table (and its tests).
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CASHIER: _CASHIER,
    Role.FLOOR_MANAGER: frozenset(_FLOOR_MANAGER),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
}

# Roles whose PIN may authorise a dual-control step (second signature).
AUTHORISING_ROLES = frozenset(r for r, acts in PERMISSIONS.items() if Action.AUTHORISE in acts)

_KIND_ACTIONS = {
    Kind.DEPOSIT: Action.DEPOSIT,
    Kind.WITHDRAWAL: Action.WITHDRAW,
    Kind.MARKER_ISSUE: Action.ISSUE_MARKER,
    Kind.MARKER_REDEEM: Action.REDEEM_MARKER,
    Kind.CREDIT_LINE: Action.APPROVE_CREDIT,
    Kind.REVERSAL: Action.REVERSE,
    Kind.ADJUST_IN: Action.ADJUST,
    Kind.ADJUST_OUT: Action.ADJUST,
}


def to_role(value: "Role | str") -> Role:
    try:
        return Role(value)
    except ValueError:
        raise NotAuthorized(f"“{value}” is not a role (cashier, floor_manager, supervisor).") from None


def action_for(kind: Kind) -> Action:
    """The permission a posting of `kind` needs from the person making it."""
    return _KIND_ACTIONS[Kind(kind)]


def can(role: "Role | str", action: Action) -> bool:
    """True if `role` may do `action` (for display; enforcement calls `require`)."""
    try:
        return Action(action) in PERMISSIONS[Role(role)]
    except ValueError:
        return False


def require(role: "Role | str", action: Action) -> None:
    """Raise NotAuthorized, with a sentence, unless `role` may do `action`."""
    if not can(role, action):
        label = Role(role).label if role in Role._value2member_map_ else str(role)
        needed = next(r for r in Role if Action(action) in PERMISSIONS[r])
        article = "an" if label[:1] in "aeiou" else "a"
        raise NotAuthorized(f"As {article} {label} you cannot {Action(action).phrase}; "
                            f"ask a {needed.label}.")


def matrix_markdown() -> str:
    """The permission matrix as a Markdown table (the README's copy comes from here)."""
    roles = list(Role)
    lines = ["| action | " + " | ".join(r.label for r in roles) + " |",
             "|---|" + "---|" * len(roles)]
    for action in Action:
        cells = ["yes" if action in PERMISSIONS[r] else "—" for r in roles]
        lines.append(f"| {action.phrase} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
