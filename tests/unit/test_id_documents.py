"""The counter's side of identification on file, without a ledger: an expiry as typed, a
picture from a file, and what is refused before the database is asked."""

from __future__ import annotations

from datetime import date

import pytest

from cashier_desktop.domain.errors import InvalidInput, NotAuthorized
from cashier_desktop.ledger.id_documents import MAX_IMAGE_BYTES, IdDocument
from cashier_desktop.terminal.auth import StaffMember
from cashier_desktop.terminal.id_documents import (add_id_document, file_typed_document, parse_expiry,
                                                   read_image)


def test_an_expiry_is_an_iso_date_or_one_sentence():
    assert parse_expiry(" 2031-05-31 ") == date(2031, 5, 31)
    assert parse_expiry(date(2030, 1, 1)) == date(2030, 1, 1)
    for bad in ("31/05/2031", "", None, "2031-02-30"):
        with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
            parse_expiry(bad)


def test_a_picture_is_read_from_its_file_and_a_large_or_missing_one_is_refused(tmp_path):
    small = tmp_path / "id.png"
    small.write_bytes(b"\x89PNG\r\n\x1a\n1234")
    assert read_image(small) == b"\x89PNG\r\n\x1a\n1234"
    assert read_image(None) is None and read_image("") is None
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\x00" * MAX_IMAGE_BYTES)
    with pytest.raises(InvalidInput, match="at most 2 MB"):
        read_image(big)
    with pytest.raises(InvalidInput, match="cannot be read"):
        read_image(tmp_path / "nope.png")


def test_nothing_reaches_the_ledger_without_a_staff_session_or_a_type_and_number():
    offline = StaffMember("C100", "Asha Rao", "cashier")  # an offline login: no session token
    with pytest.raises(NotAuthorized, match="only online"):
        add_id_document(None, offline, "P1", "Passport", "Z1", "2031-01-01")
    online = StaffMember("C100", "Asha Rao", "cashier", session_token="00000000-0000-0000-0000-000000000001")
    with pytest.raises(InvalidInput, match="type"):
        add_id_document(None, online, "P1", " ", "Z1", "2031-01-01")
    with pytest.raises(InvalidInput, match="type and number"):
        file_typed_document(None, offline, "P1", None, "Z1", "2031-01-01")
    assert file_typed_document(None, offline, "P1", "Passport", "Z1", "  ") is None


def test_a_listed_number_shows_its_last_four_characters():
    doc = IdDocument(1, "Passport", "Z1234567", date(2031, 1, 1), True, False, "C100", None)  # type: ignore[arg-type]
    assert doc.masked_number == "••••4567"
    assert IdDocument(2, "Other", "AB1", date(2031, 1, 1), True, False, "C100", None).masked_number == "AB1"  # type: ignore[arg-type]


def test_the_cli_shares_an_exchange_or_player_command_another_module_registered_first():
    import argparse

    from cashier_desktop.cli import id_cmds
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    exchange = sub.add_parser("exchange").add_subparsers(dest="exchange_command", required=True)
    exchange.add_parser("buy")
    id_cmds.register(sub)
    assert parser.parse_args(["exchange", "buy"]).exchange_command == "buy"
    args = parser.parse_args(["exchange", "reverse", "x", "--staff", "S300", "--reason", "r"])
    assert args.func is id_cmds.cmd_exchange_reverse
    assert parser.parse_args(["player", "id", "list", "P1", "--staff", "C100"]).func is id_cmds.cmd_id_list
