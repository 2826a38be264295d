"""Automatic failover under postings: pg_auto_failover (monitor + primary + synchronous
standby, all owned by the test). Two terminals post through the multi-host URL
(`target_session_attrs=read-write`) while the primary's machine dies (SIGKILL of its
postmaster and its keeper); the standby is promoted and the terminals carry on. Afterwards:
every posting a cashier was told "posted" is in the ledger, every other one (taken offline,
or in flight and so in doubt) is settled by the id lookup exactly once, integrity and hash
chains are clean, and the old primary rejoins as the standby."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.receipts import PendingReceipt, Receipt
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.journal.replay import SETTLE_AFTER_S
from cashier_desktop.monitoring.dashboard import collect
from cashier_desktop.ops.failover import cluster_status
from cashier_desktop.terminal.session import login
from cashier_desktop.terminal.counter import submit
from cashier_desktop.terminal.services import open_services
from tests.ops.conftest import cluster_ledger
from tests.support import autofailover
from tests.support.factories import cmd, make_player
from tests.support.faults import wait_until
from tests.support.journal_terminal import PINS, cli, terminal_config
from tests.support.shifts import open_test_shift

pytestmark = [pytest.mark.slow, pytest.mark.failover,
              pytest.mark.skipif(not autofailover.available(), reason="pg_auto_failover is not installed "
                                 "(apt-get install postgresql-15-auto-failover pg-auto-failover-cli)")]


class Counter_:
    """A terminal posting deposits in a loop until told to stop; remembers each answer."""

    def __init__(self, url: str, engine, tmp_path, terminal_id: str, *, withdrawals: bool = False) -> None:
        self.terminal_id = terminal_id
        self.withdrawals = withdrawals
        # a drawer that can pay its withdrawals out (0023)
        self.shift_id = open_test_shift(engine, terminal_id, float_amount="10000")
        self.services = open_services(terminal_config(
            url, tmp_path / f"journal-{terminal_id}.sqlite", terminal_id,
            offline_deposit_cap="100000", offline_shift_cap="10000000"))
        self.player = make_player(engine)
        self.answers: list[tuple[str, str, Decimal]] = []  # (id, "posted"|"offline"|error name, amount)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"counter-{terminal_id}", daemon=True)

    def posted_count(self) -> int:
        return sum(1 for _, a, _ in self.answers if a == "posted")

    def _run(self) -> None:
        staff = login(self.services, "C100", PINS["C100"]).staff
        n = 0
        while not self.stop.is_set():
            n += 1
            # Terminal 2 also pays out: a withdrawal cannot be taken offline, so one in flight
            # when the primary dies is "in doubt" and settled by its id.
            kind = "withdrawal" if self.withdrawals and n % 2 == 0 else "deposit"
            amount = Decimal(1) if kind == "withdrawal" else Decimal(n % 7 + 1)
            c = cmd(kind, self.player, str(amount), terminal_id=self.terminal_id, shift_id=self.shift_id)
            try:
                r = submit(self.services, staff, c)
                answer = "posted" if isinstance(r, Receipt) else "offline" if isinstance(r, PendingReceipt) else "?"
            except Exception as exc:  # noqa: BLE001 - every answer is recorded and judged below
                answer = type(exc).__name__
            self.answers.append((str(c.id), answer, -amount if kind == "withdrawal" else amount))


class InFlight:
    """A third terminal with one withdrawal to send while its player's row is locked."""

    def __init__(self, url: str, engine, tmp_path) -> None:
        self.terminal_id = "T-FO-FLIGHT"
        self.shift_id = open_test_shift(engine, self.terminal_id, float_amount="200")  # pays the ₹200 (0023)
        self.services = open_services(terminal_config(url, tmp_path / "journal-flight.sqlite", self.terminal_id))
        self.player = make_player(engine)
        self.staff = login(self.services, "C100", PINS["C100"]).staff
        submit(self.services, self.staff, cmd("deposit", self.player, "500", terminal_id=self.terminal_id,
                                              shift_id=self.shift_id))
        self.cmd = cmd("withdrawal", self.player, "200", terminal_id=self.terminal_id, shift_id=self.shift_id)
        self.answer: str | None = None
        self.thread = threading.Thread(target=self._run, name="in-flight", daemon=True)

    def _run(self) -> None:
        try:
            r = submit(self.services, self.staff, self.cmd)
            self.answer = "posted" if isinstance(r, Receipt) else type(r).__name__
        except Exception as exc:  # noqa: BLE001 - judged by the test
            self.answer = type(exc).__name__


def waited(predicate, timeout: float, *, what: str, interval: float = 0.05) -> None:
    """wait_until, printing how long each phase took (the timeouts are judged on these figures)."""
    start = time.monotonic()
    try:
        wait_until(predicate, timeout, interval=interval, what=what)
    finally:
        print(f"phase {what!r}: {time.monotonic() - start:.1f} s of {timeout:.0f}", flush=True)


def _blocked_by(engine, holder_pid: int) -> bool:
    """Whether a client backend waits on a lock `holder_pid` holds: the withdrawal in flight,
    and nothing else (any lock waiter would do for the other counters' postings too, and the
    withdrawal might then not have been sent yet: retried on the promoted node, "posted")."""
    with engine.connect() as conn:
        return bool(conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND backend_type = 'client backend' AND CAST(:h AS integer) = ANY(pg_blocking_pids(pid))"),
            {"h": holder_pid}).scalar_one())


def test_postings_survive_the_primary_dying_and_continue_on_the_promoted_standby(cluster, tmp_path, qapp):
    url, engine = cluster_ledger(cluster)

    status = cluster_status(url)
    assert status.healthy and status.primary == f"127.0.0.1:{cluster.nodes[0].port}"
    assert status.synchronous, "the standby must be synchronous: a posting told 'posted' is on both"

    counters = [Counter_(url, engine, tmp_path, f"T-FO-{i}", withdrawals=i == 2) for i in (1, 2)]
    flight = InFlight(url, engine, tmp_path)
    try:
        for c in counters:
            c.thread.start()
        waited(lambda: all(c.posted_count() >= 10 for c in counters), 60, what="postings before the failure")
        # One withdrawal surely in flight when the primary dies: its player's row is locked by
        # another session, so the statement has been sent and waits in the server.
        holder = engine.connect()
        holder.execute(text("SELECT 1 FROM players WHERE id = :p FOR UPDATE"), {"p": flight.player})
        holder_pid = holder.execute(text("SELECT pg_backend_pid()")).scalar_one()
        flight.thread.start()
        waited(lambda: _blocked_by(engine, holder_pid), 30, what="the withdrawal in flight")
        old = cluster.kill_primary()
        holder.invalidate()
        flight.thread.join(60)
        assert not flight.thread.is_alive()
        before = [c.posted_count() for c in counters]
        start = time.monotonic()
        new = cluster.wait_promoted(old)
        print(f"phase promoted: {time.monotonic() - start:.1f} s", flush=True)
        waited(lambda: all(c.posted_count() >= b + 10 for c, b in zip(counters, before)), 60,
                   what="postings on the promoted node")
    finally:
        for c in counters:
            c.stop.set()
        for c in counters:
            c.thread.join(30)

    engine.dispose()
    # A refusal of a broken send is confirmed only after SETTLE_AFTER_S (its statement might
    # still be running somewhere); the terminal's replay asks until then. Its server died with
    # the primary, so the test shortens the wait as tests/integration/test_replay.py does.
    flight.services.local.poster.settle_after = 3
    journal = flight.services.local.journal
    waited(lambda: flight.services.local.replay() is not None and not journal.entry(flight.cmd.id).in_doubt,
               SETTLE_AFTER_S + 30, interval=0.5, what="the posting in flight settled by its id")
    with engine.connect() as conn:
        in_ledger = conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE id = :i"),
                                 {"i": flight.cmd.id}).scalar_one()
    entry = flight.services.local.journal.entry(flight.cmd.id)
    print("in flight:", flight.answer, entry.state)
    # "posted" happens too, and is true: the holder's connection closes as the primary dies,
    # and the old primary's surviving backends can still commit the withdrawal and stream it
    # to the standby before both stop — then the promoted node has it. What must hold is that
    # every answer matches the ledger: told posted => there once; refused => not there.
    assert flight.answer in ("posted", "PostingInDoubt", "OfflineNotAllowed"), flight.answer
    assert entry.state in ("posted", "rejected") and not entry.in_doubt, "settled by its id"
    assert in_ledger == (1 if entry.state == "posted" else 0), "never twice, never told refused yet posted"
    if flight.answer == "posted":
        assert entry.state == "posted" and in_ledger == 1, "told posted, and on the promoted node once"
    if flight.answer == "OfflineNotAllowed":
        assert in_ledger == 0
    flight.services.close()
    for c in counters:
        # settles in-doubt entries by id, sends offline ones; a broken send's refusal is
        # confirmed after settle_after (its server process died with the old primary)
        c.services.local.poster.settle_after = 3
        waited(lambda: c.services.local.replay() is not None
                   and not c.services.local.journal.in_doubt(ledger="cashier"),
                   SETTLE_AFTER_S + 30, interval=0.5, what=f"{c.terminal_id}'s postings in doubt settled by id")
        assert c.services.local.journal.pending_count() == 0

    with engine.connect() as conn:
        assert conn.execute(text("SELECT inet_server_port()")).scalar_one() == new.port
        for c in counters:
            rows = {i: (a if k == "deposit" else -a) for i, a, k in conn.execute(text(
                "SELECT id::text, amount, kind FROM ledger_transactions WHERE terminal_id = :t"),
                {"t": c.terminal_id}).all()}
            outcomes = Counter(a for _, a, _ in c.answers)
            journal = c.services.local.journal
            assert journal.in_doubt(ledger="cashier") == [], "every posting in doubt is settled by its id"
            for i, answer, amount in c.answers:
                if answer == "posted":
                    assert rows.get(i) == amount, f"{c.terminal_id}: {i} was told 'posted' but is lost ({outcomes})"
                elif answer in ("offline", "PostingInDoubt"):
                    entry = journal.entry(uuid.UUID(i))
                    assert entry.state in ("posted", "rejected"), (i, entry.state)
                    assert (i in rows) == (entry.state == "posted"), f"{i} ({answer}) settled as {entry.state}"
                else:  # told refused (e.g. a withdrawal while no node accepted writes)
                    assert i not in rows, f"{i} was told refused ({answer}) yet posted"
            balance = conn.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": c.player}).scalar_one()
            assert balance == sum(rows.values()), "each posting counted once"
            print(c.terminal_id, dict(outcomes))
            assert outcomes["posted"] >= 20, outcomes
    assert run_integrity(engine) == []

    start = time.monotonic()
    cluster.rejoin(old)
    print(f"phase rejoined: {time.monotonic() - start:.1f} s", flush=True)
    status = cluster_status(url)
    assert status.primary == f"127.0.0.1:{new.port}" and status.healthy

    # What the operator sees: selfcheck and the dashboard name the new primary and the lag.
    check = cli(["selfcheck", "--no-qt"], url=url, journal=tmp_path / "selfcheck.sqlite", terminal_id="T-SC")
    assert check.returncode == 0, check.stdout + check.stderr
    line = next(ln for ln in check.stdout.splitlines() if ln.startswith("ok    cluster "))
    assert f"127.0.0.1:{new.port}: primary" in line and f"127.0.0.1:{old.port}: standby" in line, line
    assert "lag " in check.stdout and "cluster: healthy" in check.stdout
    shown = cli(["cluster", "--json"], url=url, journal=tmp_path / "selfcheck.sqlite", terminal_id="T-SC")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert json.loads(shown.stdout)["primary"] == f"127.0.0.1:{new.port}"
    board = collect(engine)
    assert board.replication["server"] == f"127.0.0.1:{new.port}" and board.replication["role"] == "primary"
    assert [sb["state"] for sb in board.replication["standbys"]] == ["streaming"]
    assert any(line.startswith(f"ledger server         127.0.0.1:{new.port} (primary)") for line in board.lines())
    # ... and the supervisor's monitor window draws the same (tests/ui/test_monitor_replication.py
    # checks its layout): the new primary and its one standby's lag, not marked unsafe once the
    # rejoined standby is synchronous again.
    from cashier_desktop.ui.replication_figure import ReplicationFigure
    figure = ReplicationFigure()
    waited(lambda: figure.show_summary(collect(engine).replication) or not figure.attention, 30,
               interval=0.5, what="the monitor showing a synchronous pair")
    assert re.fullmatch(rf"127\.0\.0\.1:{new.port}, primary; standby \S+ synchronous, lag \d+ bytes(, \d+ ms)?",
                        figure.text()), figure.text()
    for c in counters:
        c.services.close()
    engine.dispose()
