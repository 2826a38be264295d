"""A posting taken offline keeps its notes: they are journaled with the intent, and the
replay posts them through `cage.replay_offline_with_notes` (migration 0022) at the terminal's
own login, so the supervisor's view of the drawer counts them. A retry with other notes under
the same id is a conflict, not a second set of notes."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import IdempotencyConflict
from cashier_desktop.domain.receipts import PendingReceipt
from cashier_desktop.ledger import posting as ledger_posting
from cashier_desktop.ledger.drawer_holding import drawer_holding
from cashier_desktop.ledger.queries import get_balance
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import open_terminal
from tests.support.logins import staff_session
from tests.support.shifts import open_test_shift

D = Decimal


def _notes_of(engine, posting_id) -> dict[str, tuple[int, int]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT denomination, pieces_in, pieces_out FROM public.posting_notes "
                                 "WHERE posting_id = :id ORDER BY denomination DESC"), {"id": posting_id}).all()
    return {format(r.denomination.normalize(), "f"): (r.pieces_in, r.pieces_out) for r in rows}


def test_an_offline_deposit_with_notes_is_journaled_with_them_and_replayed_with_them(secure, tmp_path):
    tid = f"T-NOTE-{uuid.uuid4().hex[:6]}"
    shift = open_test_shift(secure.admin, tid, "C100", "0")
    player = make_player(secure.admin)
    url = secure.login("terminal", terminal_id=tid, offline_limit=D("5000"),
                       offline_total=D("10000")).url.render_as_string(hide_password=False)
    t = open_terminal(url, secure.admin, tmp_path, terminal_id=tid, shift=False)
    try:
        staff = t.login()
        t.proxy.refuse()
        assert t.services.local.replay().unavailable and not t.link.online
        with_notes = cmd("deposit", player, "1500", staff=staff.id, terminal_id=tid,
                         notes_in={"500": 2, "100": 5})
        without = cmd("deposit", player, "200", staff=staff.id, terminal_id=tid)
        assert isinstance(t.post_command(with_notes, staff), PendingReceipt)
        assert isinstance(t.post_command(without, staff), PendingReceipt)
        # the intent carries the notes; the journal's chain is intact
        entry = t.journal.entry(with_notes.id)
        assert entry.command.notes_in == ((D("500.00"), 2), (D("100.00"), 5))
        assert json.loads(t.journal._db.execute(  # noqa: SLF001 - the stored record, as written
            "SELECT body FROM records WHERE entry_id = ? AND type = 'pending'", (str(with_notes.id),)
        ).fetchone()[0])["command"]["notes_in"] == {"500": 2, "100": 5}
        assert "notes_in" not in t.journal.entry(without.id).command.to_json()  # as before notes
        assert t.journal.verify() == []
        t.proxy.accept()
        report = t.services.local.replay()
        assert report.posted == 2 and report.rejected == [] and report.complete
    finally:
        t.close()
    assert get_balance(secure.admin, player, currency="INR").cash.amount == D("1700.00")
    assert _notes_of(secure.admin, with_notes.id) == {"500": (2, 0), "100": (5, 0)}
    assert _notes_of(secure.admin, without.id) == {}
    holding = drawer_holding(secure.admin, staff_session(secure.admin, "S300", "3333"), shift)
    assert [(h.denomination, h.pieces, h.amount) for h in holding] == [
        (D("500"), 2, D("1000")), (D("100"), 5, D("500")), (None, None, D("200.00"))]


def test_a_retry_with_other_notes_under_the_same_id_is_refused_and_records_nothing_more(secure):
    tid = f"T-NOTE-{uuid.uuid4().hex[:6]}"
    open_test_shift(secure.admin, tid, "C100", "0")
    player = make_player(secure.admin)
    login = secure.login("terminal", terminal_id=tid)
    session = staff_session(login, "C100", "1111")
    first = cmd("deposit", player, "1000", terminal_id=tid, notes_in={"500": 2}, session=session)
    receipt = ledger_posting.post(login, first)
    again = ledger_posting.post(login, first)  # the same request: its receipt, nothing new
    assert again.replayed and again.id == receipt.id and again.shift_sequence == receipt.shift_sequence
    other = cmd("deposit", player, "1000", terminal_id=tid, notes_in={"100": 10}, session=session, id=first.id)
    with pytest.raises(IdempotencyConflict):
        ledger_posting.post(login, other)
    assert _notes_of(secure.admin, first.id) == {"500": (2, 0)}
    assert get_balance(secure.admin, player, currency="INR").cash.amount == D("1000.00")
