"""Who says what: a refusal and a posting in doubt are different answers at the counter."""

from __future__ import annotations

import pytest

from cashier_desktop.cli import EXIT_IN_DOUBT, EXIT_REFUSED, main
from cashier_desktop.domain.errors import CashierError, CounterError, InsufficientFunds, PostingInDoubt


def test_a_posting_in_doubt_is_not_a_refusal_but_still_a_sentence_for_the_counter():
    doubt = PostingInDoubt("It may have gone through. Do not hand over the cash yet.")
    assert not isinstance(doubt, CashierError)  # "refused" would let the cashier start it again
    assert isinstance(doubt, CounterError) and str(doubt).startswith("It may have gone through")
    assert doubt.code == "in_doubt"


@pytest.mark.parametrize("error, status", [
    (PostingInDoubt("It may have gone through."), EXIT_IN_DOUBT),
    (InsufficientFunds("Player 101 has 10.00 INR."), EXIT_REFUSED),
])
def test_the_command_line_exits_with_the_status_of_the_answer(monkeypatch, capsys, error, status):
    from cashier_desktop.cli import ledger_cmds

    def answer(_args):
        raise error
    monkeypatch.setattr(ledger_cmds, "cmd_balance", answer)
    assert main(["balance", "101"]) == status
    assert capsys.readouterr().err.strip() == f"cashier-desktop: {error}"


def test_the_sentence_for_a_missing_player_is_said_once():
    from cashier_desktop.domain.errors import PlayerNotFound
    assert str(PlayerNotFound.of("179")) == "There is no player “179”."
