"""A receipt's number in its shift comes from the shift's own count of its postings
(migration 0025), no longer from counting the shift's ledger rows on every posting. The
number must stay what a reprint counts (`receipt_facts`), whichever way the posting came
in (a terminal's session, or the schema owner naming the shift), and a ledger upgraded with
postings already in its shifts must go on from where they were."""

from __future__ import annotations

import dataclasses

from sqlalchemy import text

from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.receipt_check import receipt_facts
from cashier_desktop.ledger.seed import seed_staff
from tests.support.factories import cmd, make_player
from tests.support.logins import staff_session
from tests.support.shifts import open_test_shift

TERMINAL = "T-COUNT-1"


def test_owner_and_terminal_postings_into_one_shift_number_on_from_each_other(secure):
    terminal = secure.login("terminal", terminal_id=TERMINAL)
    shift = open_test_shift(secure.admin, TERMINAL)
    token = staff_session(terminal, "C100", "1111")
    player = make_player(secure.admin)
    numbers = []
    for n in range(6):
        c = cmd("deposit", player, str(100 + n), terminal_id=TERMINAL)
        if n % 2:  # the schema owner's explicit posting into the shift (tools, the CLI as owner)
            receipt = post(secure.admin, dataclasses.replace(c, shift_id=shift))
        else:
            receipt = post(terminal, dataclasses.replace(c, session=token))
        assert receipt.shift_id == shift
        numbers.append(receipt.shift_sequence)
        assert receipt_facts(secure.admin, receipt.id).sequence == receipt.shift_sequence
    assert numbers == [1, 2, 3, 4, 5, 6]
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT postings FROM shifts WHERE id = :s"), {"s": shift}).scalar_one() == 6


def test_a_refused_posting_takes_no_number(secure):
    terminal = secure.login("terminal", terminal_id="T-COUNT-2")
    open_test_shift(secure.admin, "T-COUNT-2")
    token = staff_session(terminal, "C100", "1111")
    player = make_player(secure.admin)
    first = post(terminal, dataclasses.replace(cmd("deposit", player, "100", terminal_id="T-COUNT-2"), session=token))
    try:  # more than the player has: refused inside cage._post, after the shift row was counted
        post(terminal, dataclasses.replace(cmd("withdrawal", player, "900", terminal_id="T-COUNT-2"), session=token))
    except Exception:  # noqa: BLE001 - the refusal itself is tested elsewhere
        pass
    else:
        raise AssertionError("a withdrawal of more than the balance was posted")
    second = post(terminal, dataclasses.replace(cmd("deposit", player, "50", terminal_id="T-COUNT-2"), session=token))
    assert (first.shift_sequence, second.shift_sequence) == (1, 2)


def test_an_upgrade_carries_the_postings_already_in_a_shift(databases):
    _, engine = databases.create(migrated=False)
    try:
        migrate.upgrade(engine, "0022")
        seed_staff(engine)
        shift = open_test_shift(engine, "T-COUNT-3")
        player = make_player(engine)
        before = [post(engine, dataclasses.replace(cmd("deposit", player, str(10 + n), terminal_id="T-COUNT-3"),
                                                   shift_id=shift)) for n in range(3)]
        assert [r.shift_sequence for r in before] == [1, 2, 3]
        migrate.upgrade(engine)  # 0025: the shift's count starts from its rows
        after = post(engine, dataclasses.replace(cmd("deposit", player, "20", terminal_id="T-COUNT-3"),
                                                 shift_id=shift))
        assert after.shift_sequence == 4 == receipt_facts(engine, after.id).sequence
    finally:
        databases.drop(engine)
