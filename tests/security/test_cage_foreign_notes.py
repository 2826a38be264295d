"""Foreign cash by denomination (issue 17, migration 0031), as the terminal login on a
database made by `db create-roles`: an exchange records the foreign notes taken in or paid
out, refused whole unless they are that currency's notes and add up; a supervisor reads the
drawer's foreign holding by note, and no login reads the notes' table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import NotAuthorized
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger.drawer_holding import drawer_foreign_holding
from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import open_shift
from tests.support.drawer_fills import fill_drawer


@pytest.fixture
def desk(secure, terminal):
    supervisor, cashier = session(terminal, "S300", "3333"), session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier)
    fx.set_rate(terminal, supervisor, "USD", Decimal("83"), Decimal("84"))
    fill_drawer(terminal, cashier, "50000")
    return {"supervisor": supervisor, "cashier": cashier, "shift": shift}


def _usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def test_an_exchanges_notes_are_kept_and_the_drawer_shows_its_foreign_cash_by_note(secure, terminal, desk):
    bought = fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=_usd("370"),
                         notes={"100": 3, "20": 3, "10": 1})
    fx.exchange(terminal, session=desk["cashier"], direction="sell", foreign=_usd("120"), notes={"100": 1, "20": 1})
    fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=_usd("5"))  # without notes
    again = fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=_usd("370"),
                        notes={"100": 3, "20": 3, "10": 1}, posting_id=bought.id)
    assert again.replayed
    held = [(h.currency, h.denomination, h.pieces, h.amount)
            for h in drawer_foreign_holding(terminal, desk["supervisor"], desk["shift"])]
    assert held == [("USD", Decimal("100.00"), 2, Decimal("200.00")), ("USD", Decimal("20.00"), 2, Decimal("40.00")),
                    ("USD", Decimal("10.00"), 1, Decimal("10.00")), ("USD", None, None, Decimal("5.00"))]
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM exchange_notes WHERE exchange_id = :i"),
                            {"i": bought.id}).scalar() == 3


def test_notes_that_do_not_add_up_or_are_not_the_currencys_refuse_the_whole_exchange(secure, terminal, desk):
    with pytest.raises(Exception, match="The foreign notes add up to 300.00 USD, not the 370.00 USD exchanged"):
        fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=_usd("370"), notes={"100": 3})
    with pytest.raises(Exception, match="not a note or coin of USD"):
        fx.exchange(terminal, session=desk["cashier"], direction="buy", foreign=_usd("500"), notes={"500": 1})
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM fx_exchanges")).scalar() == 0


def test_only_a_supervisor_reads_the_foreign_holding_and_no_login_reads_the_notes(secure, terminal, desk):
    with pytest.raises(NotAuthorized):
        drawer_foreign_holding(terminal, desk["cashier"], desk["shift"])
    assert "permission denied" in refused(terminal, "SELECT * FROM exchange_notes")
    assert "permission denied" in refused(terminal, "INSERT INTO exchange_notes VALUES "
                                                    "('00000000-0000-0000-0000-000000000000', 'USD', 100, 1, 0)")
