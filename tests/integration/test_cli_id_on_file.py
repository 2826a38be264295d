"""`player id add|list` and `exchange reverse` through real `cashier-desktop` processes at a
terminal login (issue 17, part C): 0 when done, 2 with one sentence on stderr when refused."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import create_engine, text

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from tests.integration.test_cli_ledger import cli  # noqa: F401 - the module's own database and shift
from tests.support.drawer_fills import fill_drawer
from tests.support.factories import make_player
from tests.support.logins import staff_session


def _one_sentence(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    err = result.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    return err


def test_a_cashier_puts_a_document_on_file_and_lists_it_masked(cli, tmp_path):  # noqa: F811
    player = make_player(cli.engine)
    expires = (date.today() + timedelta(days=365)).isoformat()
    picture = tmp_path / "passport.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    added = cli("player", "id", "add", player, "--staff", "C100", "--type", "Passport", "--number", "Z1234567",
                "--expires", expires, "--image", str(picture), pin="1111")
    assert added.returncode == 0, added.stderr
    assert f"on file: Passport for player {player}, valid to {expires}" in added.stdout
    listed = cli("player", "id", "list", player, "--staff", "C100", pin="1111")
    assert listed.returncode == 0, listed.stderr
    assert "••••4567" in listed.stdout and "Z1234567" not in listed.stdout and "valid  image" in listed.stdout
    full = json.loads(cli("player", "id", "list", player, "--staff", "C100", "--full", "--json", pin="1111").stdout)
    assert [(d["type"], d["number"], d["expires_on"], d["valid"]) for d in full] == [
        ("Passport", "Z1234567", expires, True)]


def test_bad_documents_are_refused_with_one_sentence_and_exit_2(cli, tmp_path):  # noqa: F811
    player = make_player(cli.engine)
    base = ("player", "id", "add", player, "--staff", "C100", "--type", "Passport", "--number", "Z1")
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert "expired on" in _one_sentence(cli(*base, "--expires", yesterday, pin="1111"))
    assert "YYYY-MM-DD" in _one_sentence(cli(*base, "--expires", "31/12/2030", pin="1111"))
    text_file = tmp_path / "scan.txt"
    text_file.write_text("not a picture")
    assert "JPEG or PNG" in _one_sentence(cli(*base, "--expires", "2099-01-01", "--image", str(text_file),
                                              pin="1111"))
    assert "cannot be read" in _one_sentence(cli(*base, "--expires", "2099-01-01", "--image",
                                                 str(tmp_path / "missing.png"), pin="1111"))
    with cli.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM player_id_documents WHERE player_id = :p"),
                            {"p": player}).scalar() == 0


def test_a_supervisor_reverses_an_exchange_once_from_the_command_line(cli):  # noqa: F811
    terminal = create_engine(cli.env["CASHIER_DATABASE_URL"])
    try:
        supervisor = staff_session(terminal, "S300", "3333")
        cashier = staff_session(terminal, "C100", "1111")
        fx.set_rate(terminal, supervisor, "EUR", Decimal("90"), Decimal("92"))
        fill_drawer(terminal, cashier, "1800")  # the drawer pays out the rupees (0023)
        done = fx.exchange(terminal, session=cashier, direction="buy", foreign=Money(Decimal("20"), "EUR"))
    finally:
        terminal.dispose()
    refusal = _one_sentence(cli("exchange", "reverse", str(done.id), "--staff", "C100", "--reason", "x", pin="1111"))
    assert "cashier" in refusal and "reverse" in refusal, refusal
    out = cli("exchange", "reverse", str(done.id), "--staff", "S300", "--reason", "keyed twice", pin="3333")
    assert out.returncode == 0, out.stderr
    assert f"reversed exchange {done.id}: 20.00 EUR and ₹1,800.00 back at 90" in out.stdout
    assert "already been reversed" in _one_sentence(
        cli("exchange", "reverse", str(done.id), "--staff", "S300", "--reason", "again", pin="3333"))
    assert "not an exchange id" in _one_sentence(
        cli("exchange", "reverse", "abc", "--staff", "S300", "--reason", "x", pin="3333"))


def test_post_with_an_expired_typed_document_is_refused_and_a_document_on_file_is_used(cli):  # noqa: F811
    player = make_player(cli.engine)
    typed = ("post", "deposit", "--player", player, "--amount", "1500000", "--staff", "C100",
             "--id-type", "Passport", "--id-number", "Z5555555")
    assert "expired on 2021-06-30" in _one_sentence(cli(*typed, "--id-expires", "2021-06-30", pin="1111"))
    expires = (date.today() + timedelta(days=60)).isoformat()
    assert cli(*typed, "--id-expires", expires, pin="1111").returncode == 0
    # the next posting over the threshold names no document: the one on file is recorded
    again = cli("post", "deposit", "--player", player, "--amount", "1", "--staff", "C100", pin="1111")
    assert again.returncode == 0, again.stderr
    with cli.engine.connect() as conn:
        rows = conn.execute(text("""SELECT l.amount, l.id_type, l.id_number, u.document_id IS NOT NULL
            FROM ledger_transactions l LEFT JOIN id_document_uses u ON u.posting_id = l.id
            WHERE l.player_id = :p ORDER BY l.seq"""), {"p": player}).all()
    assert [tuple(r) for r in rows] == [(Decimal("1500000.00"), "Passport", "Z5555555", True),
                                        (Decimal("1.00"), "Passport", "Z5555555", True)]
