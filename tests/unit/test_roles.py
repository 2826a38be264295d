"""The permission matrix as data: each role's rights, and refusals that read as sentences."""

import pytest

from cashier_desktop.domain.errors import NotAuthorized
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.roles import (AUTHORISING_ROLES, PERMISSIONS, Action, Role, action_for, can,
                                          matrix_markdown, require)

CASHIER_ONLY = {Action.DEPOSIT, Action.WITHDRAW, Action.ISSUE_MARKER, Action.REDEEM_MARKER,
                Action.OPEN_SHIFT, Action.CLOSE_SHIFT, Action.REQUEST_CREDIT}
FLOOR = CASHIER_ONLY | {Action.APPROVE_CREDIT, Action.DENY_CREDIT, Action.AUTHORISE, Action.BANK_TRANSFER}


def test_a_cashier_holds_exactly_the_counter_rights():
    assert PERMISSIONS[Role.CASHIER] == CASHIER_ONLY


def test_a_floor_manager_also_decides_credit_authorises_dual_control_and_signs_for_the_bank():
    assert PERMISSIONS[Role.FLOOR_MANAGER] == FLOOR


def test_a_supervisor_holds_every_right():
    assert PERMISSIONS[Role.SUPERVISOR] == set(Action)


def test_only_floor_managers_and_supervisors_authorise():
    assert AUTHORISING_ROLES == {Role.FLOOR_MANAGER, Role.SUPERVISOR}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_require_agrees_with_can_for_every_cell(role, action):
    if can(role, action):
        require(role, action)
    else:
        with pytest.raises(NotAuthorized) as err:
            require(role, action)
        assert action.phrase in str(err.value) and "ask a" in str(err.value)


def test_a_refusal_names_the_role_and_who_to_ask():
    with pytest.raises(NotAuthorized, match=r"^As a cashier you cannot reverse a posting; ask a supervisor\.$"):
        require("cashier", Action.REVERSE)
    with pytest.raises(NotAuthorized, match="ask a floor manager"):
        require(Role.CASHIER, Action.APPROVE_CREDIT)


def test_an_unknown_role_may_do_nothing():
    assert not can("janitor", Action.DEPOSIT)
    with pytest.raises(NotAuthorized):
        require("janitor", Action.DEPOSIT)


def test_every_posting_kind_maps_to_an_action():
    assert {action_for(k) for k in Kind} == {Action.DEPOSIT, Action.WITHDRAW, Action.ISSUE_MARKER,
                                             Action.REDEEM_MARKER, Action.APPROVE_CREDIT, Action.REVERSE,
                                             Action.ADJUST}


def test_the_markdown_matrix_has_a_row_per_action_and_a_column_per_role():
    lines = matrix_markdown().splitlines()
    assert lines[0] == "| action | cashier | floor manager | supervisor |"
    assert len(lines) == 2 + len(Action)
    assert "| reverse a posting | — | — | yes |" in lines
