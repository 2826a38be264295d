"""An ID document's expiry is judged on the cage's local date (its policy's time zone), never on
the UTC date, by the database and by everything the counter asks before posting
(terminal/id_documents.py: the document offered at the ID step, a typed document put on file,
the pre-check in terminal/authorize.py, all of which take the database's `valid`).

Around local midnight with a fixed clock (`cage.id_on_file` and `cage.local_date` take the
moment), and at the terminal login now, in a time zone whose date differs from UTC's."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import DocumentExpired
from cashier_desktop.ledger.api import Ledger
from cashier_desktop.terminal.id_documents import file_typed_document, valid_id_document
from tests.security.conftest import session
from tests.support.factories import make_player


def _on_file(admin, player: str, expires: date, number: str = "Z7654321") -> int:
    """A document as if captured while valid (the API refuses an expired one)."""
    with admin.begin() as conn:
        return conn.execute(text("""INSERT INTO player_id_documents (player_id, doc_type, doc_number, expires_on,
            captured_by, terminal_id) VALUES (:p, 'Passport', :n, :e, 'C100', 'T-SEC-1') RETURNING id"""),
                            {"p": player, "n": number, "e": expires}).scalar_one()


def _set_zone(admin, zone: str) -> None:
    with admin.begin() as conn:
        conn.execute(text("UPDATE cage.policy SET timezone = :z WHERE one"), {"z": zone})


@pytest.mark.parametrize("zone, last_valid_utc, first_expired_utc", [
    # Asia/Kolkata (UTC+5:30): the 10th ends at 18:30 UTC on the 10th
    ("Asia/Kolkata", "2026-03-10 18:29:59+00", "2026-03-10 18:30:00+00"),
    # America/New_York (UTC-4 from 8 March 2026): the 10th ends at 04:00 UTC on the 11th
    ("America/New_York", "2026-03-11 03:59:59+00", "2026-03-11 04:00:00+00"),
])
def test_a_document_expiring_on_the_10th_is_valid_until_local_midnight_whatever_the_utc_date(
        secure, zone, last_valid_utc, first_expired_utc):
    _set_zone(secure.admin, zone)
    player = make_player(secure.admin)
    doc = _on_file(secure.admin, player, date(2026, 3, 10))
    with secure.admin.connect() as conn:
        def on_file(at: str):
            return conn.execute(text("SELECT doc_id FROM cage.id_on_file(:p, NULL, NULL, CAST(:at AS timestamptz))"),
                                {"p": player, "at": at}).scalar_one()
        assert conn.execute(text("SELECT cage.local_date(CAST(:at AS timestamptz))"),
                            {"at": last_valid_utc}).scalar_one() == date(2026, 3, 10)
        assert on_file(last_valid_utc) == doc
        with pytest.raises(Exception) as info:
            on_file(first_expired_utc)
        assert info.value.orig.sqlstate == "CAI01" and "expired on 2026-03-10" in str(info.value.orig)


def _zone_off_utc_today() -> tuple[str, int]:
    """A zone whose date now differs from the UTC date, and by how many days (+1 ahead, -1 behind):
    UTC+14 is a day ahead from 10:00 UTC, UTC-12 a day behind until 12:00 UTC."""
    hour = datetime.now(timezone.utc).hour
    return ("Etc/GMT-14", 1) if hour >= 11 else ("Etc/GMT+12", -1)


def test_the_counters_pre_check_follows_the_cages_date_not_the_utc_date(secure, terminal):
    zone, ahead = _zone_off_utc_today()
    _set_zone(secure.admin, zone)
    with secure.admin.connect() as conn:
        cage_today = conn.execute(text("SELECT cage.local_date(clock_timestamp())")).scalar_one()
    utc_today = datetime.now(timezone.utc).date()
    assert cage_today == utc_today + timedelta(days=ahead)  # the condition this test is about
    services = SimpleNamespace(engine=terminal, ledger=Ledger(terminal))
    staff = SimpleNamespace(id="C100", session_token=session(terminal, "C100", "1111"))
    player = make_player(secure.admin)
    if ahead > 0:
        # the UTC date's last day is already over at the cage: expired, not offered, not accepted
        _on_file(secure.admin, player, utc_today)
        assert valid_id_document(services, staff, player) is None
        with pytest.raises(DocumentExpired, match="expired on"):
            file_typed_document(services, staff, player, "Passport", "N1234", utc_today.isoformat())
    else:
        # the cage is still on the day the UTC date has left behind: valid, offered, accepted
        doc = _on_file(secure.admin, player, cage_today)
        assert valid_id_document(services, staff, player).id == doc
        assert file_typed_document(services, staff, player, "Passport", "N1234", cage_today.isoformat()) > 0
