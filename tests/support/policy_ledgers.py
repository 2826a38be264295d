"""A database per cage policy, so a test with a policy override runs at a terminal login
(a pytest plugin, loaded by tests/conftest.py; issue 20).

The posting API enforces the one policy stored in its database (`db create-roles` stores
it). A test that needs other thresholds therefore cannot share the session's ledger with
the terminal login: it takes `policy_ledger(overrides)`, a migrated database with the demo
staff, `db create-roles` run and the policy of those config overrides stored. Databases are
cached per module and per distinct policy (about a second each), and dropped with the module.

`make_services(engine, terminal, **overrides)` (tests/support/shifts.py) then connects as
the terminal's login, after checking that the database stores the policy those overrides
make: a test cannot believe it runs under a policy the database does not enforce.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import pytest
from sqlalchemy.engine import Engine

from cashier_desktop.domain.policy import Policy
from cashier_desktop.ledger.api_tables import store_policy

# database name -> the policy `policy_ledger` stored in it (what its posting API enforces)
_stored: dict[str, Policy] = {}


def policy_from(overrides: Mapping[str, object]) -> Policy:
    """The policy a terminal configured with these `policy.*` overrides works under."""
    from cashier_desktop.config import load_config
    config = load_config(env={"CASHIER_CONFIG": ""}, overrides={"ledger.url": None, **overrides})
    return Policy.from_values(config.values)


def stored_policy(engine: Engine) -> Policy | None:
    """The policy `policy_ledger` stored in the database of `engine`, or None (not one of its)."""
    return _stored.get(engine.url.database)


def _enforced(policy: Policy) -> tuple:
    """The fields cage.policy keeps (the rest are the terminal's own: confirm, lockout)."""
    return (policy.currency, policy.dual_control_threshold, policy.ctr_threshold, policy.mtl_threshold,
            policy.floor_manager_approval_limit, policy.variance_threshold, policy.aggregation,
            policy.gaming_day_start_hour, policy.timezone)


def same_enforced_policy(a: Policy, b: Policy) -> bool:
    return _enforced(a) == _enforced(b)


@pytest.fixture(scope="module")
def policy_ledger(databases) -> Iterator[Callable[[Mapping[str, object]], Engine]]:
    """`policy_ledger({"policy.ctr_threshold": "100", …})`: the superuser engine of this
    module's database that stores that policy (made on first use). Set up players, staff and
    shifts with it; `make_services` on it connects as a terminal login."""
    made: dict[tuple, Engine] = {}

    def engine_for(overrides: Mapping[str, object]) -> Engine:
        policy = policy_from(overrides)
        key = _enforced(policy)
        if key not in made:
            _url, engine = databases.create(staffed=True)
            databases.logins(engine)           # db create-roles (stores the default policy) ...
            with engine.begin() as conn:
                store_policy(conn, policy)     # ... then this one, as create-roles would from the config
            _stored[engine.url.database] = policy
            made[key] = engine
        return made[key]

    yield engine_for
    for engine in made.values():
        _stored.pop(engine.url.database, None)
        databases.drop(engine)
