"""`post … --notes 500x4,100x3` at a terminal login: the notes are recorded with the posting;
notes that do not add up, or that are no notes of the currency, are one sentence, exit 2, and
nothing is posted."""

from __future__ import annotations

import json

from sqlalchemy import text

from tests.integration.test_cli_staff import _refused, cli  # noqa: F401 - the fixture
from tests.support.factories import make_player


def _notes(engine, posting_id: str) -> list[tuple[str, int, int]]:
    with engine.connect() as conn:
        return [(format(r.denomination.normalize(), "f"), r.pieces_in, r.pieces_out) for r in conn.execute(text(
            "SELECT denomination, pieces_in, pieces_out FROM posting_notes WHERE posting_id = :id "
            "ORDER BY denomination DESC"), {"id": posting_id})]


def test_a_deposit_and_a_withdrawal_with_notes_from_the_command_line(cli):
    code, _out, err = cli("shift", "open", "--staff", "C100", "--count", "500=20", pin="1111")
    assert code == 0, err
    pid = make_player(cli.engine)
    code, out, err = cli("post", "deposit", "--player", pid, "--amount", "2300", "--staff", "C100",
                         "--notes", "500x4,100x3", "--json", pin="1111")
    assert code == 0, err
    assert _notes(cli.engine, json.loads(out)["id"]) == [("500", 4, 0), ("100", 3, 0)]
    code, out, err = cli("post", "withdrawal", "--player", pid, "--amount", "1000", "--staff", "C100",
                         "--notes", "500x2", "--json", pin="1111")
    assert code == 0, err
    assert _notes(cli.engine, json.loads(out)["id"]) == [("500", 0, 2)]
    assert (json.loads(out)["notes_in"], json.loads(out)["notes_out"]) == ({}, {"500": 2})


def test_the_command_lines_receipt_lists_the_notes_and_none_without(cli):
    code, _out, err = cli("shift", "open", "--staff", "C100", "--count", "500=20", pin="1111")
    assert code == 0, err
    pid = make_player(cli.engine)
    code, out, err = cli("post", "deposit", "--player", pid, "--amount", "2300", "--staff", "C100",
                         "--notes", "500x4,100x3", pin="1111")
    assert code == 0, err
    lines = [ln.split() for ln in out.splitlines()[1:]]
    assert lines == [["notes", "taken", "in:"], ["500", "×", "4", "₹2,000.00"], ["100", "×", "3", "₹300.00"],
                     ["total", "₹2,300.00"]]
    code, out, err = cli("post", "deposit", "--player", pid, "--amount", "100", "--staff", "C100", pin="1111")
    assert code == 0, err
    assert len(out.splitlines()) == 1 and "notes" not in out
    code, out, err = cli("post", "deposit", "--player", pid, "--amount", "100", "--staff", "C100", "--json",
                         pin="1111")
    assert code == 0, err
    assert "notes_in" not in json.loads(out)  # the JSON without notes keeps its shape


def test_notes_that_do_not_add_up_or_are_not_notes_are_one_sentence_and_post_nothing(cli):
    code, _out, err = cli("shift", "open", "--staff", "C100", "--count", "500=20", pin="1111")
    assert code == 0, err
    pid = make_player(cli.engine)
    _refused(cli("post", "deposit", "--player", pid, "--amount", "2300", "--staff", "C100",
                 "--notes", "500x4,100x2", pin="1111"),
             "The notes come to ₹2,200.00 but the amount is ₹2,300.00; nothing was posted.")
    _refused(cli("post", "deposit", "--player", pid, "--amount", "600", "--staff", "C100",
                 "--notes", "300x2", pin="1111"), "300 is not a denomination of this currency")
    _refused(cli("post", "deposit", "--player", pid, "--amount", "600", "--staff", "C100",
                 "--notes", "six hundreds", pin="1111"), "is not DENOMINATIONxPIECES")
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": pid}).scalar() == 0
