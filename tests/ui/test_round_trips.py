"""What one deposit at the counter costs: ledger round trips and journal operations.

A cage terminal's login is bound to its terminal (`db create-roles`, `add-login
--terminal-id`), so the database's posting API decides everything in the posting's own
call. From the key that opens the deposit to the receipt and the new balance on screen,
the terminal then makes one round trip to the ledger: the posting itself, whose answer
carries the receipt's number in its shift and the staff names (migration 0017), and three
journal operations (the check that nothing is queued ahead of it, the intent, the
outcome). Before this was measured it was 22 and 7; then 2 (the receipt's number was a
second lookup). Round trips are
counted on the wire (libpq's protocol trace: every Sync or simple Query the terminal
sends), journal operations as calls of the `Journal`'s public methods.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import event
from sqlalchemy.engine import make_url

from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger.db import make_engine
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.terminal.services import open_journal
from tests.support.factories import make_player
from tests.support.shifts import open_test_shift
from tests.ui.conftest import active_dialog, find_player, log_in, make_services, wait_until

TERMINAL = "T-RT-1"
ROUND_TRIP = re.compile(r"^F\t\d+\t(Sync|Query)\b", re.M)


class WireCounter:
    """Counts the round trips of every connection an engine opens from now on (libpq trace)."""

    def __init__(self, engine) -> None:
        self.files: list = []
        self.counting = False
        event.listen(engine, "connect", self._trace)

    def _trace(self, dbapi_conn, _record) -> None:
        from psycopg import pq
        f = tempfile.TemporaryFile(mode="w+b")
        dbapi_conn.pgconn.trace(f.fileno())
        dbapi_conn.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        self.files.append(f)

    def _sent(self) -> int:
        total = 0
        for f in self.files:
            f.flush()
            os.fsync(f.fileno())
            f.seek(0)
            total += len(ROUND_TRIP.findall(f.read().decode("utf-8", "replace")))
        return total

    def start(self) -> None:
        self.base = self._sent()
        self.offsets = [f.tell() for f in self.files]

    def count(self) -> int:
        return self._sent() - self.base


class JournalCounter:
    """Counts calls of the journal's public methods (nested calls count once)."""

    def __init__(self, journal: Journal) -> None:
        self.calls: list[str] = []
        self._depth = 0
        for name in dir(journal):
            if name.startswith("_") or not callable(getattr(journal, name)):
                continue
            setattr(journal, name, self._wrap(name, getattr(journal, name)))

    def _wrap(self, name, method):
        @functools.wraps(method)
        def counted(*args, **kw):
            if self._depth == 0:
                self.calls.append(name)
            self._depth += 1
            try:
                return method(*args, **kw)
            finally:
                self._depth -= 1
        return counted


@pytest.fixture
def bound_terminal(qapp, secure, tmp_path):
    """A journaled GUI terminal whose ledger login is bound to its terminal id."""
    from cashier_desktop.ui.app import Terminal, apply_style
    secure.login("terminal", terminal_id=TERMINAL)
    url = make_url(secure.url).set(username=secure.logins[-1], password=secure.password)
    url_text = url.render_as_string(hide_password=False)
    engine = make_engine(url_text, pool_size=2)
    wire = WireCounter(engine)
    open_test_shift(secure.admin, TERMINAL, "C100", "0")
    services = make_services(url_text, engine, TERMINAL, CASHIER_JOURNAL=str(tmp_path / "journal.sqlite"))
    local = open_journal(services)
    apply_style(qapp)
    term = Terminal(services, replay_interval=3600)
    term.login.show()
    yield term, services, wire, JournalCounter(local.journal)
    term.close()
    services.close()


def _deposit(qtbot, tab, amount: str):
    """F5, the amount, Enter: the receipt dialog, open."""
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, amount)
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    return active_dialog(qtbot, tab, "receipt_dialog")


def test_one_gui_deposit_costs_one_ledger_round_trip_and_three_journal_operations(
        qtbot, bound_terminal, secure):
    term, services, wire, journal = bound_terminal
    player = make_player(secure.admin, name="Ravi Menon")
    window = log_in(qtbot, term, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    # The terminal's first posting prepares the posting statement on its connection (one
    # more round trip, once per connection): the counted deposit is the second one.
    first = _deposit(qtbot, tab, "1000")
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹1,000.00", what="first balance shown")
    qtbot.keyClick(first, Qt.Key_Escape)
    wait_until(qtbot, lambda: tab.dialog is None or not tab.dialog.isVisible(), what="dialog closed")
    # The periodic polls (heartbeat, open alert, credit queue) are no part of a deposit:
    # stopped, so that none can fall inside the counted window.
    for timer in window.findChildren(QTimer) + [term.heartbeat_timer]:
        if timer.interval() >= 1000:
            timer.stop()
    qtbot.wait(200)  # let anything the first deposit started settle before counting
    wire.start()
    journal.calls.clear()

    receipt = _deposit(qtbot, tab, "2500")
    wait_until(qtbot, lambda: tab.panel.values["cash"].text() == "₹3,500.00", what="new balance shown")
    wait_until(qtbot, lambda: tab.recent.rowCount() == 2, what="the deposit in the recent postings")
    wait_until(qtbot, lambda: receipt.view.number is not None, what="receipt number")
    qtbot.wait(200)  # anything the deposit set off afterwards is counted too

    assert get_balance(secure.admin, player, currency="INR").cash.amount == 3500  # it did post
    assert tab.recent.item(0, 6).text() == str(receipt.view.posting_id)
    # The posting itself; its answer numbers the receipt, and the counter quotes that number.
    assert receipt.view.number == f"{TERMINAL}-{receipt.view.shift_id}-0002"
    assert receipt.view.staff_name and receipt.view.staff_id == "C100"
    assert f"posted; receipt {receipt.view.number}." in tab.message.text()
    assert wire.count() == 1, f"{wire.count()} ledger round trips"
    assert journal.calls == ["queued_count", "append_pending", "mark_posted"]
