"""Ledger-level postings as a terminal makes them: at its own database login, in its open
shift, with the acting staff member's session and the approver's (issue 20).

`post(engine, cmd(...))` as the schema owner is trusted by the posting API (no session, no
shift needed). `post_at_terminal(engine, cmd(...))` instead posts at the terminal login of
a counter of that database (made on first use: a terminal, its login, a shift open on it,
the demo staff logged in there), so every rule the database applies to a counter applies.
The command's `terminal_id` is replaced by the counter's; `staff_id`/`approver_id` pick the
sessions. `engine` itself stays the test's, for setup and inspection.
"""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy.engine import Engine

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.receipts import Receipt
from cashier_desktop.ledger.posting import post
from tests.support.databases import login_as
from tests.support.logins import staff_session
from tests.support.shifts import open_test_shift

DEMO_PINS = {"C100": "1111", "F200": "2222", "S300": "3333"}  # ledger.seed's demo staff


class Counter:
    """One terminal of a database: its login, its open shift and its staff's sessions.

    Callers must not close its shift or log its staff out: the counter is shared by every
    test of that database that posts through it."""

    def __init__(self, engine: Engine) -> None:
        self.terminal = f"T-CTR-{uuid.uuid4().hex[:8]}"
        self.login = login_as(engine, "terminal", terminal_id=self.terminal)
        self.shift = open_test_shift(engine, self.terminal, "C100")
        self._sessions: dict[str, uuid.UUID] = {}

    def session(self, staff_id: str | None) -> uuid.UUID | None:
        """The staff member's session at this login; None for an id with no demo PIN (an
        unknown or made-up member: the database must refuse it on its own)."""
        if staff_id is None or staff_id not in DEMO_PINS:
            return None
        if staff_id not in self._sessions:
            self._sessions[staff_id] = staff_session(self.login, staff_id, DEMO_PINS[staff_id])
        return self._sessions[staff_id]

    def command(self, command: PostingCommand) -> PostingCommand:
        """`command` as this counter sends it: its terminal, the staff's and approver's sessions."""
        return dataclasses.replace(command, terminal_id=self.terminal, session=self.session(command.staff_id),
                                   approver_session=self.session(command.approver_id))

    def post(self, command: PostingCommand, **kw) -> Receipt:
        return post(self.login, self.command(command), **kw)


_counters: dict[str, Counter] = {}


def counter_for(engine: Engine) -> Counter:
    """The counter of the database of `engine` (made on first use, kept while it exists)."""
    name = engine.url.database
    if name not in _counters:
        _counters[name] = Counter(engine)
    return _counters[name]


def post_at_terminal(engine: Engine, command: PostingCommand, **kw) -> Receipt:
    """`post(engine, command)` made at the terminal login of the counter of `engine`'s database."""
    return counter_for(engine).post(command, **kw)
