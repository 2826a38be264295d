"""The short soak CI runs: about a minute of every fault at once, then every line of the proof.

The long one is the same harness with a longer duration:
`python -m tests.e2e.soak --duration 3600` (or `make soak DURATION=3600`).
"""

from __future__ import annotations

import os

import pytest

from tests.e2e.soak import Settings, Soak

DURATION = float(os.environ.get("CASHIER_SOAK_SECONDS", "50"))  # make test: keep it under 10 minutes
SEED = int(os.environ.get("CASHIER_SOAK_SEED", "20261126"))

# A line may be "not run" only because the component it needs is absent from this build.
NEEDS = {
    "every journal entry in the ledger once or rejected": "journal",
    "every journal verifies (`journal verify`)": "journal_cli",
    "nothing left pending (`journal pending --json`)": "journal_cli",
    "reconciliation clean (`reconcile`)": "journal_cli",
    "flagged entries signed off by a supervisor (`journal resolve`)": "journal_cli",
    "reconciliation clean (`reconcile --terminal`)": "reconcile",
    "outbox fully published by the relay": "realtime",
    "every subscriber's final view equals the ledger": "realtime",
    "per-player versions complete after refetch": "realtime",
    "sync latency during the run (commit → subscriber)": "realtime",
    "CLI contract under fire (`post --json` exit 0/2/3 only)": "cli",
}


def test_the_soak_fails_rather_than_skips_when_a_part_it_needs_is_missing(tmp_path, monkeypatch):
    """Without soketi the realtime half of the proof cannot run: the soak must refuse to start
    (exit 2 with a sentence), not report a green table with those lines "not run"."""
    from tests.e2e import soak as soak_module
    monkeypatch.setattr(soak_module, "ROOT", tmp_path)  # a checkout without node_modules/.bin/soketi
    soak = Soak(Settings(duration=1, terminals=1, seed=SEED, workdir=tmp_path / "soak"))
    assert soak.features["realtime"] is False
    with pytest.raises(soak_module.MissingPart, match="soketi"):
        soak.run()
    assert soak.pg is None, "nothing was started"
    import signal
    before = signal.getsignal(signal.SIGTERM)
    try:
        rc = soak_module.main(["--duration", "1", "--keep", str(tmp_path / "kept")])
    finally:
        signal.signal(signal.SIGTERM, before)  # main() installs its own handler
    assert rc == 2


@pytest.mark.slow
def test_faults_on_every_component_lose_nothing_and_double_nothing(tmp_path):
    soak = Soak(Settings(duration=DURATION, terminals=3, seed=SEED, workdir=tmp_path / "soak"))
    report = soak.run()
    table = report.table()
    print(table)

    assert not report.failed(), "soak proof failed:\n" + table
    assert all(soak.features.values()), soak.features  # run() refuses to start otherwise
    for check in report.not_run():
        pytest.fail(f"“{check.name}” did not run (needs {NEEDS.get(check.name, 'nothing named')}):\n{table}")
    for kind in soak.fault_kinds():
        assert soak.faults.get(kind, 0) >= 1, f"fault “{kind}” was never injected:\n{table}"
    by_name = {c.name: c for c in report.checks}
    assert by_name["lost (receipt given, not in the ledger)"].value == "0"
    assert by_name["doubled (posted twice, or posted unasked)"].value == "0"
    assert int(by_name["accepted (in the ledger)"].value) > 50, table
    assert by_name["integrity clean (`integrity --json`)"].ok is True
    # the cage window (issue 17): exchanges, fills, credits and handovers among the operations
    done = by_name["  cage: done (in the ledger)"].detail
    assert all(k in done for k in ("fx_buy", "fx_sell", "fill", "credit", "handover")), table
    assert by_name["cage: lost (told done, not in the ledger)"].value == "0"
    assert by_name["cage: doubled (twice, altered, or unasked)"].value == "0"
    assert by_name["cage accountability = the ledger (every drawer + bank + markers)"].ok is True
