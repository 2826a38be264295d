"""The drawers' foreign cash in the cage's accountability (migration 0034), as the terminal
login on a database made by `db create-roles`.

Until 0034 `cage.accountability` counted only the rupees: the dollars bought at a window, or
handed over with a drawer, appeared in no figure an auditor read at the end of the day. Now
each open drawer's foreign cash is a line per currency — its stored row beside the figure its
rows give — for now and for the end of a past gaming day; a row written by hand disagrees;
and only a session with the right to run reports reads it. Since 0035 a drawer's rupee line
sets its row beside its rows' figure the same way."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import NotAuthorized
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger.transfers import accountability, foreign_accountability
from tests.security.test_cage_foreign_carried import USD_370, _hand_over, drawer, usd  # noqa: F401 - fixture


def _lines(terminal, session, day=None) -> list[tuple]:
    return [(ln.currency, ln.shift_id, ln.amount, ln.ledger, ln.reconciles)
            for ln in foreign_accountability(terminal, session, day)]


def test_the_drawers_dollars_are_in_the_accountability_and_follow_a_handover(secure, terminal, drawer):  # noqa: F811
    sup = drawer["supervisor"]
    assert _lines(terminal, sup) == [("USD", drawer["shift"], Decimal("370.00"), Decimal("370.00"), True)]
    # the rupee lines are as they were: the foreign cash is a total of its own
    assert all(ln.currency is None for ln in accountability(terminal, sup))
    fx.exchange(terminal, session=drawer["out"], direction="sell", foreign=usd("100"), notes={"100": 1})
    assert _lines(terminal, sup) == [("USD", drawer["shift"], Decimal("270.00"), Decimal("270.00"), True)]
    closed, opened = _hand_over(terminal, drawer, {"USD": {"100": 2, "20": 3, "10": 1}},
                                {"USD": {"100": 2, "20": 3, "10": 1}})
    assert _lines(terminal, sup) == [("USD", opened.id, Decimal("270.00"), Decimal("270.00"), True)]
    # the end of a gaming day before any of it: no drawer was open
    assert _lines(terminal, sup, date.today() - timedelta(days=3)) == []


def test_a_drawers_foreign_row_written_by_hand_disagrees_with_its_rows(secure, terminal, drawer):  # noqa: F811
    with secure.admin.begin() as conn:  # the superuser: only detection can answer it
        conn.execute(text("ALTER TABLE drawer_cash DISABLE TRIGGER USER"))
        conn.execute(text("UPDATE drawer_cash SET holding = 1370 WHERE shift_id = :s AND currency = 'USD'"),
                     {"s": drawer["shift"]})
        conn.execute(text("ALTER TABLE drawer_cash ENABLE TRIGGER USER"))
    assert _lines(terminal, drawer["supervisor"]) == [
        ("USD", drawer["shift"], Decimal("1370.00"), Decimal("370.00"), False)]


def test_a_drawers_rupee_row_written_by_hand_disagrees_in_the_accountability_too(secure, terminal, drawer):  # noqa: F811
    """0035: the rupee line reads the drawer's row (what a payout checks) beside its rows' figure;
    before, both columns were the figure, and a row raised by hand still agreed."""
    def mine():
        (line,) = [ln for ln in accountability(terminal, drawer["supervisor"])
                   if ln.section == "drawer" and ln.shift_id == drawer["shift"]]
        return line.amount, line.ledger, line.reconciles
    assert mine() == (Decimal("19290.00"), Decimal("19290.00"), True)
    with secure.admin.begin() as conn:  # the superuser: only detection can answer it
        conn.execute(text("ALTER TABLE drawer_cash DISABLE TRIGGER USER"))
        conn.execute(text("UPDATE drawer_cash SET holding = 99290 WHERE shift_id = :s AND currency = 'INR'"),
                     {"s": drawer["shift"]})
        conn.execute(text("ALTER TABLE drawer_cash ENABLE TRIGGER USER"))
    assert mine() == (Decimal("99290.00"), Decimal("19290.00"), False)


def test_only_a_session_with_the_right_to_run_reports_reads_it(secure, terminal, drawer):  # noqa: F811
    with pytest.raises(NotAuthorized):
        foreign_accountability(terminal, drawer["out"])  # the cashier's own session
    with terminal.connect() as conn:  # nor the login with no session at all
        with pytest.raises(Exception, match="session"):
            conn.execute(text("SELECT * FROM cage.foreign_accountability(NULL)")).all()
        conn.rollback()
        with pytest.raises(Exception, match="permission denied"):
            conn.execute(text("SELECT * FROM cage.drawer_foreign_at(1, now())")).all()
