"""The ledger goes away mid-shift (a TCP proxy the test owns is cut; the machine's own
PostgreSQL keeps running) and comes back: the terminal keeps taking deposits offline
within its caps, refuses beyond them, and replays by itself when the ledger returns."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import OfflineNotAllowed
from cashier_desktop.domain.receipts import PendingReceipt, Receipt
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.terminal.reconciling import reconcile_shift
from tests.support.factories import make_player
from tests.support.journal_terminal import cli, open_terminal

pytestmark = pytest.mark.slow


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached before the deadline")


def test_deposits_are_taken_offline_within_caps_and_replayed_when_the_ledger_returns(fresh_ledger, tmp_path):
    url, engine = fresh_ledger
    t = open_terminal(url, engine, tmp_path, offline_deposit_cap="1000", offline_shift_cap="2500")
    replayer = None
    try:
        player = make_player(engine)
        staff = t.login()
        states = []
        t.link.add_listener(lambda s: states.append(s.state))
        online = [t.post("deposit", player, "100", staff=staff) for _ in range(2)]
        assert all(isinstance(r, Receipt) for r in online)

        t.proxy.refuse()  # the pooled connections are reset under the terminal, new ones refused
        first = t.post("deposit", player, "1000", staff=staff)
        assert isinstance(first, PendingReceipt) and set(states) == {"offline"}
        more = [t.post("deposit", player, a, staff=staff) for a in ("750", "750")]
        with pytest.raises(OfflineNotAllowed, match="above"):
            t.post("deposit", player, "1000.01", staff=staff)
        with pytest.raises(OfflineNotAllowed, match="at most ₹0.00 more"):
            t.post("deposit", player, "1", staff=staff)
        with pytest.raises(OfflineNotAllowed, match="withdrawals"):
            t.post("withdrawal", player, "1", staff=staff)
        with pytest.raises(OfflineNotAllowed, match="credit"):
            t.post("marker_issue", player, "1", staff=staff)
        taken = [first, *more]
        assert t.link.pending_count(t.shift_id) == 3

        seen = cli(["journal", "pending", "--json"], url=t.url, journal=t.journal_path, terminal_id=t.terminal_id)
        assert seen.returncode == 0 and json.loads(seen.stdout)["pending"] == 3

        with engine.connect() as conn:
            in_ledger = conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                                     {"p": player}).scalar()
        assert in_ledger == 2

        replayer = t.services.local.start_background_replay(0.1)  # as the GUI starts it
        t.proxy.accept()
        wait_until(lambda: t.link.online and t.link.pending_count() == 0)
        assert states[-1] == "online"

        with engine.connect() as conn:
            order = [str(r[0]) for r in conn.execute(text(
                "SELECT id FROM ledger_transactions WHERE player_id = :p ORDER BY seq"), {"p": player})]
        assert order == [str(r.id) for r in online + taken]
        assert get_balance(engine, player, currency="INR").cash.amount == Decimal("2700.00")
        assert run_integrity(engine) == []
        rec = reconcile_shift(t.services, t.shift_id)
        assert rec.clean and rec.counts() == {"matched": 5, "refused": 3}
        assert t.journal.verify() == []
        back = t.post("deposit", player, "5", staff=staff)
        assert isinstance(back, Receipt)
    finally:
        t.close()  # stops the background replayer
    assert replayer is not None and not replayer._thread.is_alive()
