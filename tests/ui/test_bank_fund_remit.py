"""Funding the main bank and remitting from it at the supervisor's desk, by keys, at a bound
terminal login: Ctrl+Shift+T opens the cage's accountability, Alt+F funds the bank from the
count room with a floor manager as witness, the bank's line is read again; Alt+R remits — a
remittance that does not say where the cash goes, or that a cashier witnesses, moves nothing;
one witnessed by the floor manager moves it, with where it went kept with the transfer. A
cashier's accountability window offers neither (the right to sign for the bank)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.ui.display import money_text
from tests.ui.conftest import activate, log_in, wait_until
from tests.ui.test_bank_dialog import type_transfer
from tests.ui.test_exchange_flow import counter  # noqa: F401 - the bound terminal's fixture
from tests.ui.test_supervisor_accountability import open_accountability


def _bank(owner) -> Decimal:
    with owner.connect() as conn:
        return conn.execute(text("SELECT coalesce(sum(balance), 0) FROM bank_balances WHERE currency = 'INR'")
                            ).scalar_one()


def _move(qtbot, shown, key, amount: str, where: str, witness: str, pin: str):
    activate(qtbot, shown)
    qtbot.keyClick(shown, key, Qt.AltModifier)
    wait_until(qtbot, lambda: shown.move_dialog is not None and shown.move_dialog.isVisible(), what="the dialog")
    dialog = shown.move_dialog
    type_transfer(qtbot, dialog, amount, witness, pin, where=where)
    return dialog


def _bank_line(shown) -> str:
    t = shown.table
    (row,) = [r for r in range(t.rowCount()) if t.item(r, 0).text() == "Main bank"]
    return t.item(row, 3).text()


def test_the_supervisor_funds_and_remits_the_bank_by_keys_with_a_witness(qtbot, counter):  # noqa: F811
    term, engine, owner = counter
    before = _bank(owner)
    window = log_in(qtbot, term, "S300", "3333")
    shown = open_accountability(qtbot, window)
    assert shown.fund_button.isVisible() and shown.remit_button.isVisible()

    _move(qtbot, shown, Qt.Key_F, "500000", "Count room, drop of 4 December", "F200", "2222")
    wait_until(qtbot, lambda: shown.move_dialog is None, what="the funding posted")
    assert _bank(owner) == before + Decimal("500000")
    assert shown.info.text().startswith("Funding of ₹5,00,000.00 into the main bank from “Count room, drop of "
                                        "4 December”, signed by S300 and F200 (witness); the bank holds ")
    funded = money_text(before + 500000, term.ctx.profile)
    wait_until(qtbot, lambda: _bank_line(shown) == funded, what="the bank's line read again")
    assert shown.info.text().endswith(f"the bank holds {funded}.")

    # no place said: refused in the dialog, nothing moves
    dialog = _move(qtbot, shown, Qt.Key_R, "200000", "", "F200", "2222")
    assert dialog.problem.text() == "Say where the cash comes from or goes to."
    assert dialog.focusWidget() is dialog.reason and _bank(owner) == before + 500000
    # a cashier as witness: the ledger refuses, nothing moves
    qtbot.keyClicks(dialog.reason, "Treasury, armoured car 12")
    dialog.bank_id.setText("C100")
    dialog.bank_pin.clear()  # kept after the sentence above: the witness need not type it again
    qtbot.keyClicks(dialog.bank_pin, "1111")
    qtbot.keyClick(dialog.bank_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: "sign for the main bank" in dialog.problem.text(), what="the cashier refused")
    assert dialog.isVisible() and _bank(owner) == before + 500000
    dialog.bank_id.setText("F200")
    qtbot.keyClicks(dialog.bank_pin, "2222")
    qtbot.keyClick(dialog.bank_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: shown.move_dialog is None, what="the remittance posted")
    assert _bank(owner) == before + 300000
    assert shown.info.text().startswith("Remittance of ₹2,00,000.00 from the main bank to “Treasury, armoured car "
                                        "12”, signed by S300 and F200 (witness)")
    with owner.connect() as conn:
        rows = conn.execute(text("""SELECT kind, amount, sender_id, receiver_id, reason FROM bank_transfers
                                    WHERE kind IN ('fund', 'remit') ORDER BY seq""")).all()
    assert [tuple(r) for r in rows][-2:] == [
        ("fund", Decimal("500000.00"), "S300", "F200", "Count room, drop of 4 December"),
        ("remit", Decimal("200000.00"), "S300", "F200", "Treasury, armoured car 12")]


def test_without_the_right_to_sign_for_the_bank_the_window_offers_neither(qtbot, counter):  # noqa: F811
    from cashier_desktop.ui.accountability_window import AccountabilityWindow
    term, engine, owner = counter
    window = log_in(qtbot, term, "C100", "1111")
    shown = AccountabilityWindow(term.ctx, window.session, window)
    assert not shown.fund_button.isVisibleTo(shown) and not shown.remit_button.isVisibleTo(shown)
    shown.close()


def test_enter_again_after_a_lost_answer_funds_the_bank_once(qtbot, counter, monkeypatch):  # noqa: F811
    """The funding committed but its answer was lost (the ledger unreachable): the dialog keeps
    its transfer id, and Enter again hears the first funding instead of funding twice."""
    from cashier_desktop.domain.errors import LedgerUnavailable
    from cashier_desktop.ledger.api import Ledger
    term, engine, owner = counter
    before = _bank(owner)
    real, answers = Ledger.bank_transfer, []

    def answer_lost_once(self, **kwargs):
        result = real(self, **kwargs)
        answers.append(result)
        if len(answers) == 1:
            raise LedgerUnavailable("connection lost mid-commit")
        return result
    monkeypatch.setattr(Ledger, "bank_transfer", answer_lost_once)
    window = log_in(qtbot, term, "S300", "3333")
    shown = open_accountability(qtbot, window)
    dialog = _move(qtbot, shown, Qt.Key_F, "75000", "Count room, lost answer", "F200", "2222")
    wait_until(qtbot, lambda: len(answers) == 1 and dialog.ok_button.isEnabled(), what="the lost answer")
    sent = dialog.transfer_id
    assert dialog.isVisible() and _bank(owner) == before + 75000  # it did go through
    qtbot.keyClicks(dialog.bank_pin, "2222")  # the PIN is asked again; the same id goes out
    qtbot.keyClick(dialog.bank_pin, Qt.Key_Return)
    wait_until(qtbot, lambda: shown.move_dialog is None, what="the first funding heard")
    assert answers[1].id == sent and answers[1].replayed
    assert _bank(owner) == before + 75000  # once, not twice
