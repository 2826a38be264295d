"""A posting's notes come back with it from the ledger (issue 17, migration 0026), at any
terminal's own login: a reprint at terminal B of a deposit made at terminal A prints A's
notes, and a journal entry in doubt settled by its id keeps them on its receipt. The table
itself stays closed to every login but through `cage.posting_notes`, one posting at a time."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.currency import profile_for
from cashier_desktop.journal.replay import resolve_in_doubt
from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger import posting as ledger_posting
from cashier_desktop.ledger.journal_port import PostgresLedger
from cashier_desktop.ledger.queries import get_posting
from cashier_desktop.ledger.receipt_check import receipt_facts
from cashier_desktop.ui.receipt import ReceiptView
from cashier_desktop.ui.receipt_layout import receipt_model, save_receipt_pdf
from tests.support.factories import cmd, make_player
from tests.support.logins import denied, staff_session
from tests.support.shifts import open_test_shift

D = Decimal
NOTES_IN = ((D("500.00"), 4), (D("100.00"), 3))
BLOCK = "Notes taken in\n500 × 4: ₹2,000.00\n100 × 3: ₹300.00\nNotes total: ₹2,300.00"


def _deposit_at(secure, tid: str, player: str):
    """A deposit of ₹2,300 in 500×4 + 100×3, posted at terminal `tid`'s own login."""
    open_test_shift(secure.admin, tid, "C100", "0")
    login = secure.login("terminal", terminal_id=tid)
    c = cmd("deposit", player, "2300", terminal_id=tid, notes_in={"500": 4, "100": 3},
            session=staff_session(login, "C100", "1111"))
    return login, c, ledger_posting.post(login, c)


def test_a_deposit_with_notes_made_at_a_reprints_with_them_at_b(secure, qapp, tmp_path):
    player = make_player(secure.admin)
    _, _, made = _deposit_at(secure, f"T-NA-{uuid.uuid4().hex[:6]}", player)
    b = secure.login("terminal", terminal_id=f"T-NB-{uuid.uuid4().hex[:6]}")

    # the list's row (no notes: it is a plain SELECT) and the reprint's facts, read at B
    row = get_posting(b, made.id)
    assert row is not None and row.notes_in == ()
    facts = receipt_facts(b, made.id)
    assert (facts.notes_in, facts.notes_out, facts.staff_name) == (NOTES_IN, (), "Asha Rao")
    view = ReceiptView.of(row, reprint=True, terminal_id="T-NB").with_facts(facts)
    view = replace(view, notes_in=facts.notes_in, notes_out=facts.notes_out)  # as the reprint does
    assert BLOCK in receipt_model(view, profile_for("INR")).text()

    # the by-id read (a retry's answer) at B carries them too
    with b.connect() as conn:
        again = ledger_posting.find_posting(conn, made.id)
    assert (again.notes_in, again.notes_out) == (NOTES_IN, ())
    assert BLOCK in receipt_model(ReceiptView.of(again, reprint=True), profile_for("INR")).text()

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = save_receipt_pdf(receipt_model(view, profile_for("INR")), tmp_path / "r.pdf", "80mm")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    rows = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    for line in ("Notes taken in", "500 × 4 ₹2,000.00", "100 × 3 ₹300.00", "Notes total ₹2,300.00"):
        assert line in rows, (line, rows)


def test_a_posting_without_notes_reads_back_with_none(secure):
    tid = f"T-NN-{uuid.uuid4().hex[:6]}"
    open_test_shift(secure.admin, tid, "C100", "0")
    login = secure.login("terminal", terminal_id=tid)
    plain = ledger_posting.post(login, cmd("deposit", make_player(secure.admin), "70", terminal_id=tid,
                                           session=staff_session(login, "C100", "1111")))
    facts = receipt_facts(login, plain.id)
    with login.connect() as conn:
        again = ledger_posting.find_posting(conn, plain.id)
    assert (facts.notes_in, facts.notes_out, again.notes_in, again.notes_out) == ((), (), (), ())


def test_an_in_doubt_entry_settled_by_its_id_keeps_its_notes_on_its_receipt(secure, qapp, tmp_path):
    """The send broke after the ledger committed: the entry is "rejected, in doubt" and the
    replay finds the posting by its id; the receipt it keeps is the ledger's, notes and all."""
    player = make_player(secure.admin)
    login, c, made = _deposit_at(secure, f"T-ND-{uuid.uuid4().hex[:6]}", player)
    port = PostgresLedger(login)
    with Journal(tmp_path / "journal.sqlite", terminal_id=c.terminal_id) as journal:
        journal.append_pending(c, ledger=port.name)
        journal.mark_rejected(c.id, "in_doubt", "The connection broke while sending.", in_doubt=True)
        report = resolve_in_doubt(journal, port, settle_after=0)
        entry = journal.entry(c.id)
    assert report.found == 1 and entry.state == "posted"
    assert entry.receipt.id == made.id
    assert (entry.receipt.notes_in, entry.receipt.notes_out) == (NOTES_IN, ())
    assert BLOCK in receipt_model(ReceiptView.of(entry.receipt, reprint=True), profile_for("INR")).text()


def test_no_login_reads_posting_notes_but_through_the_one_posting_function(secure):
    player = make_player(secure.admin)
    login, _, made = _deposit_at(secure, f"T-NX-{uuid.uuid4().hex[:6]}", player)
    b = secure.login("terminal", terminal_id=f"T-NY-{uuid.uuid4().hex[:6]}")
    for engine in (login, b, secure.login("monitor"), secure.login("relay")):
        denied(engine, "SELECT * FROM public.posting_notes")
        denied(engine, "SELECT count(*) FROM public.posting_notes WHERE posting_id = :id", {"id": made.id})
    for engine in (secure.login("monitor"), secure.login("relay")):
        denied(engine, "SELECT * FROM cage.posting_notes(:id)", {"id": made.id})
    with b.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cage.posting_notes(:id)"), {"id": made.id}).scalar() == 2
        # definer, path pinned, owned by the API owner as every other
        definer, config, owner = conn.execute(text("""SELECT p.prosecdef, p.proconfig, pg_get_userbyid(p.proowner)
            FROM pg_proc p WHERE p.oid = to_regprocedure('cage.posting_notes(uuid)')""")).one()
    assert definer and config == ["search_path=pg_catalog, pg_temp"] and owner.endswith("_api_owner")
