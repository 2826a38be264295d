"""Receipt numbers are the posting's place in its shift, answered by the posting API inside
the posting's transaction (migration 0017). Two connections of one terminal login posting
into its shift at the same time must never hand two players the same number, and the number
each got is the one a reprint prints later."""

from __future__ import annotations

import dataclasses
import threading

from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.receipt_check import receipt_facts
from tests.support.factories import cmd, make_player
from tests.support.logins import staff_session
from tests.support.shifts import open_test_shift

TERMINAL = "T-SEC-NUM"
PER_THREAD = 40


def test_racing_postings_into_one_shift_get_distinct_numbers_that_reprints_repeat(secure):
    terminal = secure.login("terminal", terminal_id=TERMINAL, pool_size=4)
    shift = open_test_shift(secure.admin, TERMINAL)
    token = staff_session(terminal, "C100", "1111")
    players = [make_player(secure.admin) for _ in range(4)]
    receipts, errors = [], []
    start = threading.Barrier(4)

    def poster(i: int) -> None:
        try:
            start.wait()
            for n in range(PER_THREAD):
                c = cmd("deposit", players[i], str(10 + n), terminal_id=TERMINAL)
                receipts.append(post(terminal, dataclasses.replace(c, session=token)))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
    threads = [threading.Thread(target=poster, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and len(receipts) == 4 * PER_THREAD
    assert {r.shift_id for r in receipts} == {shift}
    numbers = sorted(r.shift_sequence for r in receipts)
    assert numbers == list(range(1, 4 * PER_THREAD + 1))  # no number twice, none skipped
    assert all(receipt_facts(secure.admin, r.id).sequence == r.shift_sequence for r in receipts)
