"""The short failover soak CI runs: 25 s of the soak on a pg_auto_failover pair, the primary
killed and the standby promoted under the writers, then every line of the proof.

A file of its own, apart from tests/e2e/test_soak.py: each soak takes about a minute, and
`make test` hands out whole files, so apart the two run on both workers at once.
The long one: `make soak FAILOVER_DURATION=…`.
"""

from __future__ import annotations

import os

import pytest

from tests.e2e.soak import Settings, Soak
from tests.e2e.test_soak import SEED


@pytest.mark.slow
def test_the_primary_killed_and_the_standby_promoted_loses_nothing_and_doubles_nothing(tmp_path):
    """The short failover soak: a pg_auto_failover pair under the terminals, the portal and the
    relays; the primary's machine dies (and comes back as standby) while they post."""
    from tests.e2e.soak_attack import FAILOVER
    from tests.support import autofailover
    if not autofailover.available():
        pytest.skip("pg_auto_failover is not installed (apt-get install postgresql-15-auto-failover "
                    "pg-auto-failover-cli)")
    seconds = float(os.environ.get("CASHIER_FAILOVER_SOAK_SECONDS", "25"))
    soak = Soak(Settings(duration=seconds, terminals=2, seed=SEED, workdir=tmp_path / "soak", failover=True,
                         fault_gap=(4.0, 6.0), subscribers=1, relays=1))
    report = soak.run()
    table = report.table()
    print(table)
    assert not report.failed(), "soak proof failed:\n" + table
    assert soak.faults.get(FAILOVER, 0) >= 1, f"the primary was never killed:\n{table}"
    by_name = {c.name: c for c in report.checks}
    assert by_name["lost (receipt given, not in the ledger)"].value == "0"
    assert by_name["doubled (posted twice, or posted unasked)"].value == "0"
    assert by_name["integrity clean (`integrity --json`)"].ok is True
    if soak.features["realtime"]:
        assert by_name["every subscriber's final view equals the ledger"].ok is True
