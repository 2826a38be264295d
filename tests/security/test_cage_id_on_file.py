"""Identification on file (issue 17, part C), as the terminal login on a database made by
`db create-roles`: a document captured once through `cage.add_id_document` is reused when a
posting or an exchange crosses the identification threshold without one; an expired
document (on file or typed) is refused; no login reads the documents or their images but
through a staff session, and every image view is audited."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import (DocumentExpired, IdentificationRequired, InvalidInput, NotAuthorized,
                                           SessionInvalid)
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger import id_documents as ids
from tests.security.conftest import refused, session
from tests.security.test_cage_exchange import _wait_until_blocked
from tests.security.test_posting_api_attacks import api_post, api_refusal, open_shift
from tests.support.factories import make_player
from tests.support.drawer_fills import fill_drawer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
OVER_THRESHOLD = "1000000.01"  # the stored policy's CTR threshold is ₹10,00,000



def _today(secure) -> date:
    """The cage's date (its policy's time zone), as the database judges an expiry: near midnight
    UTC the cage (Asia/Kolkata) is already on the next day, and `date.today()` was a day behind."""
    with secure.admin.connect() as conn:
        return conn.execute(text("SELECT cage.local_date(clock_timestamp())")).scalar_one()

@pytest.fixture
def counter(secure, terminal):
    cashier = session(terminal, "C100", "1111")
    open_shift(terminal, cashier, "0")
    return {"cashier": cashier, "player": make_player(secure.admin)}


def _put_expired_on_file(admin, player: str, number: str = "OLD4321") -> int:
    """An old document, as if captured before it expired (the API refuses expired ones)."""
    with admin.begin() as conn:
        return conn.execute(text("""INSERT INTO player_id_documents (player_id, doc_type, doc_number, expires_on,
            captured_by, terminal_id) VALUES (:p, 'Passport', :n, current_date - 30, 'C100', 'T-SEC-1')
            RETURNING id"""), {"p": player, "n": number}).scalar_one()


def test_a_document_captured_once_is_used_for_a_deposit_over_the_threshold(secure, terminal, counter):
    player = counter["player"]
    doc = ids.add_document(terminal, session=counter["cashier"], player_id=player, doc_type="Passport",
                           doc_number="Z1234567", expires_on=_today(secure) + timedelta(days=400))
    row = api_post(terminal, "deposit", player, OVER_THRESHOLD, session_id=counter["cashier"])
    with secure.admin.connect() as conn:
        posted = conn.execute(text("""SELECT l.id_type, l.id_number, u.document_id FROM ledger_transactions l
            JOIN id_document_uses u ON u.posting_id = l.id WHERE l.player_id = :p"""), {"p": player}).one()
        audit = conn.execute(text("""SELECT action, detail->>'id_document_id' FROM audit_log
            WHERE detail->>'player_id' = :p ORDER BY id"""), {"p": player}).all()
    assert tuple(posted) == ("Passport", "Z1234567", doc)
    assert [tuple(a) for a in audit] == [("id_document_added", None), ("identification_recorded", str(doc))]
    assert row is not None


def test_without_a_document_on_file_the_posting_still_needs_one(secure, terminal, counter):
    assert "identification" in api_refusal(terminal, "CA009", "deposit", counter["player"], OVER_THRESHOLD,
                                           session_id=counter["cashier"])


def test_an_expired_document_on_file_is_refused_with_one_sentence_and_nothing_is_posted(secure, terminal, counter):
    player = counter["player"]
    _put_expired_on_file(secure.admin, player)
    msg = api_refusal(terminal, "CAI01", "deposit", player, OVER_THRESHOLD, session_id=counter["cashier"])
    assert "Passport on file expired on" in msg and "Nothing was posted" in msg
    # a typed document that is on file and has expired is refused too
    msg = api_refusal(terminal, "CAI01", "deposit", player, OVER_THRESHOLD, session_id=counter["cashier"],
                      id_type="passport", id_number="old 4321")
    assert "OLD4321 expired on" in msg
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).scalar() == 0
    # a valid typed document not on file is accepted as before
    api_post(terminal, "deposit", player, OVER_THRESHOLD, session_id=counter["cashier"],
             id_type="Aadhaar", id_number="1234 5678 9012")


def test_a_valid_document_is_preferred_to_an_expired_one_on_file(secure, terminal, counter):
    player = counter["player"]
    _put_expired_on_file(secure.admin, player)
    doc = ids.add_document(terminal, session=counter["cashier"], player_id=player, doc_type="Voter ID",
                           doc_number="ABC1234567", expires_on=_today(secure))  # valid through today
    api_post(terminal, "deposit", player, OVER_THRESHOLD, session_id=counter["cashier"])
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT document_id FROM id_document_uses u JOIN ledger_transactions l "
                                 "ON l.id = u.posting_id WHERE l.player_id = :p"), {"p": player}).scalar() == doc


def test_an_expired_document_cannot_be_put_on_file(secure, terminal, counter):
    with pytest.raises(DocumentExpired, match="expired on"):
        ids.add_document(terminal, session=counter["cashier"], player_id=counter["player"], doc_type="Passport",
                         doc_number="Z1", expires_on=_today(secure) - timedelta(days=1))
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM player_id_documents WHERE player_id = :p"),
                            {"p": counter["player"]}).scalar() == 0


def test_an_exchange_over_the_threshold_uses_the_document_on_file(secure, terminal, counter):
    supervisor = session(terminal, "S300", "3333")
    fx.set_rate(terminal, supervisor, "USD", Decimal("83"), Decimal("84"))
    player = counter["player"]
    usd = Money(Decimal("12100"), "USD")  # ₹10,04,300 at 83: over the threshold by itself
    fill_drawer(terminal, counter["cashier"], "1004300")  # the drawer pays out the rupees (0023)
    with pytest.raises(IdentificationRequired):
        fx.exchange(terminal, session=counter["cashier"], direction="buy", foreign=usd, player_id=player)
    doc = ids.add_document(terminal, session=counter["cashier"], player_id=player, doc_type="PAN card",
                           doc_number="ABCDE1234F", expires_on=_today(secure) + timedelta(days=10))
    done = fx.exchange(terminal, session=counter["cashier"], direction="buy", foreign=usd, player_id=player)
    with secure.admin.connect() as conn:
        row = conn.execute(text("""SELECT x.id_type, x.id_number, u.document_id FROM fx_exchanges x
            JOIN id_document_uses u ON u.exchange_id = x.id WHERE x.id = :i"""), {"i": done.id}).one()
    assert tuple(row) == ("PAN card", "ABCDE1234F", doc)


def test_capturing_the_same_document_again_answers_with_the_first(secure, terminal, counter):
    kw = dict(session=counter["cashier"], player_id=counter["player"], doc_type="Passport",
              expires_on=_today(secure) + timedelta(days=30))
    first = ids.add_document(terminal, doc_number="Z 123-4567", **kw)
    assert ids.add_document(terminal, doc_number="z1234567", **kw) == first
    assert len(ids.documents_of(terminal, session=counter["cashier"], player_id=counter["player"])) == 1


def test_two_terminals_capturing_one_document_at_once_put_it_on_file_once(secure, terminal, terminal_b, counter):
    cashier_b = session(terminal_b, "C100", "1111")
    expires = _today(secure) + timedelta(days=30)
    outcome: dict = {}
    with terminal.connect() as conn:
        tx = conn.begin()
        first = conn.execute(text("SELECT cage.add_id_document(:s, :p, 'Passport', 'Z 100 200', :e)"),
                             {"s": counter["cashier"], "p": counter["player"], "e": expires}).scalar_one()

        def second():
            try:
                outcome["id"] = ids.add_document(terminal_b, session=cashier_b, player_id=counter["player"],
                                                 doc_type="passport", doc_number="z100200", expires_on=expires)
            except Exception as exc:  # noqa: BLE001 - asserted below
                outcome["error"] = exc
        worker = threading.Thread(target=second)
        worker.start()
        _wait_until_blocked(secure.admin, terminal_b.login)  # the player's row, held by the first capture
        tx.commit()
    worker.join(20)
    assert outcome.get("id") == first, outcome
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM player_id_documents WHERE player_id = :p"),
                            {"p": counter["player"]}).scalar() == 1


def test_bad_documents_are_refused_with_a_sentence(secure, terminal, counter):
    kw = dict(session=counter["cashier"], player_id=counter["player"], expires_on=_today(secure))
    with pytest.raises(InvalidInput, match="type"):
        ids.add_document(terminal, doc_type=" ", doc_number="1", **kw)
    with pytest.raises(InvalidInput, match="number"):
        ids.add_document(terminal, doc_type="Passport", doc_number="", **kw)
    with pytest.raises(InvalidInput, match="JPEG or PNG"):
        ids.add_document(terminal, doc_type="Passport", doc_number="1", image=b"%PDF-1.4 not a picture", **kw)
    with pytest.raises(InvalidInput, match="at most 2 MB"):
        ids.add_document(terminal, doc_type="Passport", doc_number="1", image=PNG + b"\x00" * ids.MAX_IMAGE_BYTES,
                         **kw)


def test_the_image_is_read_only_through_a_staff_session_and_every_view_is_audited(secure, terminal, monitor,
                                                                                    counter):
    player = counter["player"]
    doc = ids.add_document(terminal, session=counter["cashier"], player_id=player, doc_type="Passport",
                           doc_number="Z7654321", expires_on=_today(secure) + timedelta(days=30), image=PNG)
    listed = ids.documents_of(terminal, session=counter["cashier"], player_id=player)
    assert [(d.id, d.valid, d.has_image, d.masked_number) for d in listed] == [(doc, True, True, "••••4321")]
    assert ids.document_image(terminal, session=counter["cashier"], document_id=doc) == ("image/png", PNG)
    with secure.admin.connect() as conn:
        views = conn.execute(text("""SELECT staff_id, db_user FROM audit_log WHERE action = 'id_document_viewed'
            AND (detail->>'document_id')::bigint = :d"""), {"d": doc}).all()
    assert [tuple(v) for v in views] == [("C100", terminal.login)]
    # no login reads the table: not the terminal, not the watch
    for login in (terminal, monitor):
        assert "permission denied" in refused(login, "SELECT image FROM player_id_documents")
        assert "permission denied" in refused(login, "SELECT doc_number FROM player_id_documents")
    # and the functions want a real staff session
    with pytest.raises((NotAuthorized, SessionInvalid)):
        ids.document_image(terminal, session="00000000-0000-0000-0000-000000000000", document_id=doc)
    with pytest.raises((NotAuthorized, SessionInvalid)):
        ids.documents_of(terminal, session="00000000-0000-0000-0000-000000000000", player_id=player)


def test_a_terminal_login_cannot_write_documents_or_their_uses(secure, terminal, counter):
    player = counter["player"]
    doc = ids.add_document(terminal, session=counter["cashier"], player_id=player, doc_type="Passport",
                           doc_number="Z1", expires_on=_today(secure) + timedelta(days=30))
    assert "permission denied" in refused(terminal, """INSERT INTO player_id_documents (player_id, doc_type,
        doc_number, expires_on, captured_by, terminal_id) VALUES (:p, 'Passport', 'X', '2999-01-01', 'C100', 'x')""",
                                          {"p": player})
    assert "permission denied" in refused(terminal, "UPDATE player_id_documents SET expires_on = '2999-01-01'")
    assert "permission denied" in refused(terminal, "INSERT INTO id_document_uses (document_id, posting_id) "
                                                    "VALUES (:d, gen_random_uuid())", {"d": doc})
    # the owner itself cannot rewrite a document: append-only
    assert "append-only" in refused(secure.admin, "UPDATE player_id_documents SET expires_on = '2999-01-01'")
