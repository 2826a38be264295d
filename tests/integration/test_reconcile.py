"""Reconciliation: the journal and the ledger side by side for a shift or a period."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from cashier_desktop.domain.errors import InsufficientFunds
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger.posting import post
from cashier_desktop.terminal.reconciling import reconcile_shift, reconcile_terminal
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import open_terminal


@pytest.fixture
def terminal(ledger, tmp_path):
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path, offline_withdrawals=True)
    yield t
    t.close()


def statuses(rec) -> dict[str, str]:
    return {ln.id: ln.status for ln in rec.lines}


def test_a_clean_shift_is_all_matched(terminal, engine):
    player = make_player(engine)
    a = terminal.post("deposit", player, "10")
    b = terminal.post("withdrawal", player, "4")
    rec = reconcile_shift(terminal.services, terminal.shift_id)
    assert statuses(rec) == {str(a.id): "matched", str(b.id): "matched"} and rec.clean


def test_each_kind_of_difference_is_reported_and_the_result_is_unresolved(terminal, engine, tmp_path):
    player = make_player(engine)
    journal, ledger = terminal.journal, terminal.link.ledger_name
    ok = terminal.post("deposit", player, "100")
    # only in the ledger: posted into this shift without the terminal's journal
    outside = post(engine, cmd("deposit", player, "7", terminal_id=terminal.terminal_id,
                               shift_id=terminal.shift_id))
    # only in the journal: the journal holds a receipt the ledger never gave
    ghost = cmd("deposit", player, "8", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id)
    journal.append_pending(ghost, ledger=ledger)
    journal.mark_posted(ghost.id, dataclasses.replace(ok, id=ghost.id, amount=Money(Decimal("8.00"), ok.currency)))
    # different amounts: same id, the ledger has another amount
    c = cmd("deposit", player, "9", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id)
    ledger_side = post(engine, dataclasses.replace(c, amount=Money(Decimal("90"), "INR"), id=c.id))
    journal.append_pending(c, ledger=ledger)
    journal.mark_posted(c.id, dataclasses.replace(ledger_side, amount=Money(Decimal("9.00"), ledger_side.currency)))
    rec = reconcile_shift(terminal.services, terminal.shift_id)
    assert statuses(rec) == {str(ok.id): "matched", str(outside.id): "only_in_ledger",
                             str(ghost.id): "only_in_journal", str(c.id): "different_amounts"}
    assert not rec.clean and len(rec.unresolved) == 3
    rec.write_csv(tmp_path / "r.csv")
    text = (tmp_path / "r.csv").read_text()
    assert "different_amounts" in text and "only_in_ledger" in text


def test_a_rejection_on_replay_is_unresolved_until_a_supervisor_resolves_it(terminal, engine):
    player = make_player(engine)
    terminal.link.remember_balance(player, Decimal("50.00"))  # stale: the player has nothing
    staff = terminal.login()
    terminal.proxy.refuse()
    w = terminal.post("withdrawal", player, "20", staff=staff)
    terminal.proxy.accept()
    terminal.services.local.replay()
    rec = reconcile_shift(terminal.services, terminal.shift_id)
    assert statuses(rec) == {str(w.id): "rejected_on_replay"} and not rec.clean
    terminal.journal.resolve(w.id, "S300", "player paid back in cash, receipt 12")
    rec = reconcile_shift(terminal.services, terminal.shift_id)
    assert rec.clean and "resolved by S300" in rec.lines[0].note


def test_a_refusal_at_the_counter_is_listed_but_not_unresolved(terminal, engine):
    player = make_player(engine)
    with pytest.raises(InsufficientFunds):
        terminal.post("withdrawal", player, "5")
    rec = reconcile_shift(terminal.services, terminal.shift_id)
    assert [ln.status for ln in rec.lines] == ["refused"] and rec.clean


def test_a_period_reconciliation_finds_postings_across_the_window_edge_by_id(terminal, engine):
    player = make_player(engine)
    r = terminal.post("deposit", player, "3")
    now = datetime.now(timezone.utc)
    rec = reconcile_terminal(terminal.services, terminal.terminal_id, now - timedelta(hours=1),
                             now + timedelta(hours=1))
    assert statuses(rec) == {str(r.id): "matched"} and rec.clean
    empty = reconcile_terminal(terminal.services, terminal.terminal_id, now + timedelta(hours=1),
                               now + timedelta(hours=2))
    assert empty.lines == [] and empty.clean
