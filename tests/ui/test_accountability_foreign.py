"""The drawers' foreign cash in the supervisor's accountability window (migration 0034), at a
bound terminal login: the dollars the drawer bought are a line of their own, in dollars,
beside the ledger's figure, and a total of their own under the rupee total — never added to it."""

from __future__ import annotations

from decimal import Decimal

from cashier_desktop.domain.currency import profile_for
from cashier_desktop.ui.display import money_text
from tests.ui.conftest import log_in, wait_until
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the bound terminal's fixture
from tests.ui.test_foreign_count_dialogs import _bought_dollars
from tests.ui.test_supervisor_accountability import open_accountability


def _rows(window) -> list[list[str]]:
    t = window.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_the_drawers_dollars_are_a_line_and_a_total_of_their_own(qtbot, counter):  # noqa: F811
    term, engine, owner = counter
    _bought_dollars(engine, owner)  # USD 370 bought at 83: ₹30,710 paid out of the ₹1,00,000 float
    window = log_in(qtbot, term, "S300", "3333")
    wait_until(qtbot, lambda: window.ctx.shift is not None, what="the drawer's shift seen")
    shift = window.ctx.shift_id
    shown = open_accountability(qtbot, window)
    rows = [r for r in _rows(shown) if r[1] == term.ctx.terminal_id]
    assert rows == [[f"Drawer, shift #{shift}", term.ctx.terminal_id, "C100", "₹69,290.00", "₹69,290.00", "yes"],
                    [f"Drawer, shift #{shift}: USD", term.ctx.terminal_id, "C100", "$370.00", "$370.00", "yes"]]
    # (the ledger may hold other tests' drawers: the totals are of every line shown)
    rupees = sum((ln.amount for ln in shown.lines if ln.currency is None), Decimal("0"))
    foreign = {c: sum((ln.amount for ln in shown.lines if ln.currency == c), Decimal("0"))
               for c in sorted({ln.currency for ln in shown.lines if ln.currency})}
    assert foreign["USD"] >= Decimal("370")
    assert shown.total.text() == (f"Total accountability: {money_text(rupees, term.ctx.profile)}; "
                                  "foreign cash in the drawers: "
                                  + ", ".join(money_text(v, profile_for(c)) for c, v in foreign.items()))
