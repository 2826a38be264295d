"""A reprint's notes (issue 17, migration 0026): the ledger answers them with the receipt's
facts; this terminal's journal is asked only when the ledger cannot be reached. Real
PostgreSQL through a proxy the test owns; a real journal file."""

from __future__ import annotations

from decimal import Decimal

from cashier_desktop.terminal.receipts import facts_and_notes
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import open_terminal

NOTES = ((Decimal("500.00"), 1), (Decimal("100.00"), 1))


def test_the_notes_come_from_the_ledger_and_from_the_journal_only_when_the_ledger_is_away(ledger, tmp_path):
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path)
    try:
        staff = t.login()
        player = make_player(engine)
        made = t.post_command(cmd("deposit", player, "600", staff=staff.id, terminal_id=t.terminal_id,
                                  notes_in={"500": 1, "100": 1}), staff)
        plain = t.post_command(cmd("deposit", player, "70", staff=staff.id, terminal_id=t.terminal_id), staff)
        facts, notes_in, notes_out = facts_and_notes(t.services, made.id)
        assert (facts.sequence, facts.staff_name, notes_in, notes_out) == (1, "Asha Rao", NOTES, ())
        assert facts_and_notes(t.services, plain.id)[1:] == ((), ())

        t.proxy.refuse()  # the ledger is away: the journal's copy, and no facts
        assert facts_and_notes(t.services, made.id) == (None, NOTES, ())
        assert facts_and_notes(t.services, plain.id) == (None, (), ())
    finally:
        t.close()
