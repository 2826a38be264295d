"""The per-policy databases of tests/support/policy_ledgers.py: a test with a policy override
runs at a terminal login only where the database enforces that policy (issue 20)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from tests.integration.staff_helpers import new_terminal
from tests.support.shifts import make_services

LOW_CTR = {"policy.ctr_threshold": "1234"}


def test_a_policy_ledger_stores_the_policy_of_its_overrides_and_is_made_once_per_policy(policy_ledger):
    engine = policy_ledger(LOW_CTR)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT ctr_threshold FROM cage.policy")).scalar_one() == Decimal("1234")
    assert policy_ledger(dict(LOW_CTR)) is engine
    assert policy_ledger({"policy.ctr_threshold": "4321"}) is not engine


def test_services_with_a_policy_override_run_at_the_terminal_login_of_that_policys_ledger(policy_ledger):
    engine = policy_ledger(LOW_CTR)
    terminal = new_terminal()
    services = make_services(engine, terminal, **LOW_CTR)
    with services.engine.connect() as conn:
        assert conn.execute(text("SELECT cage.bound_terminal()")).scalar_one() == terminal


def test_a_policy_override_the_database_does_not_enforce_is_refused(engine, policy_ledger):
    with pytest.raises(ValueError, match="policy_ledger"):
        make_services(engine, new_terminal(), **LOW_CTR)          # the session's ledger stores the default
    with pytest.raises(ValueError, match="policy_ledger"):
        make_services(policy_ledger(LOW_CTR), new_terminal())     # and a policy ledger its own
    make_services(engine, new_terminal(), login=None, **LOW_CTR)  # the schema owner: the terminal's rules only
