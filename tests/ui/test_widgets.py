"""The building blocks on their own: the worker pattern, the amount field, the receipt."""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from decimal import Decimal
from uuid import uuid4

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from cashier_desktop.domain.currency import profile_for
from cashier_desktop.domain.errors import InsufficientFunds, LedgerUnavailable
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.receipts import PendingReceipt, Receipt
from cashier_desktop.ui import ops
from cashier_desktop.ui.amount_edit import AmountField, regroup
from cashier_desktop.ui.receipt import ReceiptDialog, ReceiptView
from tests.ui.conftest import activate, wait_until

INR = profile_for("INR")


@pytest.fixture
def runner(qapp):
    r = ops.OpRunner(services="the services")
    ops.install(r)
    yield r
    r.shutdown()
    ops.install(None)


def test_work_runs_off_the_gui_thread_and_success_runs_on_it(qtbot, runner):
    parent, button = QWidget(), QPushButton()
    seen = {}
    release = threading.Event()

    def work(services):
        seen["services"] = services
        seen["work_thread"] = threading.current_thread()
        release.wait(5)
        return 42

    ops.Op(parent=parent, work=work).success(
        lambda v: seen.update(value=v, callback_thread=threading.current_thread())).disabling(button).run()
    wait_until(qtbot, lambda: "work_thread" in seen, what="work started")
    assert not button.isEnabled() and runner.in_flight == 1
    release.set()
    wait_until(qtbot, lambda: "value" in seen, what="success")
    assert seen["services"] == "the services" and seen["value"] == 42
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["callback_thread"] is threading.main_thread()
    assert button.isEnabled() and runner.in_flight == 0


def test_postings_run_one_at_a_time_in_order(qtbot, runner):
    parent, order, active, overlap = QWidget(), [], [], []

    def work(i):
        def run(_s):
            active.append(i)
            if len(active) > 1:
                overlap.append(i)
            order.append(i)
            active.remove(i)
        return run
    for i in range(20):
        ops.Op(parent=parent, work=work(i), lane="posting").run()
    wait_until(qtbot, lambda: runner.in_flight == 0, what="all done")
    assert order == list(range(20)) and overlap == []


def test_callbacks_of_a_destroyed_widget_are_skipped(qtbot, runner):
    parent, called = QWidget(), []
    release = threading.Event()
    ops.Op(parent=parent, work=lambda s: release.wait(5)).success(called.append).run()
    parent.deleteLater()
    qtbot.wait(20)
    release.set()
    wait_until(qtbot, lambda: runner.in_flight == 0, what="op done")
    assert called == []


def test_the_default_failure_shows_a_sentence_never_a_repr(qtbot, runner, caplog):
    class Window(QWidget):
        messages: list

        def show_message(self, text, error=False):
            self.messages.append(text)
    w = Window()
    w.messages = []
    offline = []
    runner.ledger_unavailable.connect(offline.append)
    ops.Op(parent=w, work=lambda s: (_ for _ in ()).throw(InsufficientFunds("Player 7 has ₹0.00."))).run()
    ops.Op(parent=w, work=lambda s: {}["boom"]).run()
    ops.Op(parent=w, work=lambda s: (_ for _ in ()).throw(LedgerUnavailable("refused"))).run()
    wait_until(qtbot, lambda: len(w.messages) == 3, what="three failures shown")
    assert sorted(w.messages) == sorted(["Player 7 has ₹0.00.", ops.messages.UNEXPECTED,
                                         ops.messages.LEDGER_UNAVAILABLE])
    assert not any("KeyError" in m or "boom" in m for m in w.messages)
    assert "KeyError" in caplog.text  # the traceback goes to the log
    assert offline


def test_the_amount_field_groups_in_indian_style_and_refuses_in_the_domain_words(qtbot, qapp):
    field = AmountField(INR)
    qtbot.addWidget(field)
    qtbot.keyClicks(field.edit, "123456.5")
    assert field.edit.text() == "1,23,456.5"
    assert field.money() == Money(Decimal("123456.50"), "INR")
    assert field.preview.text() == "₹1,23,456.50"
    qtbot.keyClicks(field.edit, "55")
    assert field.money() is None
    assert field.problem.text() == "Amounts have at most two decimal places."
    field.edit.clear()
    qtbot.keyClicks(field.edit, "12a-b3")  # letters and signs never get in
    assert field.edit.text() == "123"
    field.edit.clear()
    qtbot.keyClicks(field.edit, "200000000")
    assert field.money() is None and "per-transaction maximum" in field.problem.text()
    field.edit.clear()
    qtbot.keyClicks(field.edit, "0")
    assert field.money() is None and field.problem.text() == "The amount must be more than zero."


def test_regroup_keeps_what_it_cannot_read():
    assert regroup("1000000", "en-IN") == "10,00,000"
    assert regroup("1000000", "en-US") == "1,000,000"
    assert regroup("1.2.3", "en-IN") == "1.2.3"


def _receipt(currency: str = "INR", **kw) -> Receipt:
    def m(amount: str) -> Money:
        return Money(Decimal(amount), currency)
    base = dict(id=uuid4(), seq=1, kind=Kind.WITHDRAWAL, player_id="179", amount=m("2500.00"),
                cash_before=m("10000.00"), cash_after=m("7500.00"),
                credit_before=m("0.00"), credit_after=m("0.00"), limit_after=m("0.00"),
                approved_after=False, staff_id="C100", approver_id=None, terminal_id="CAGE-1", shift_id=3,
                reverses_id=None, reason=None, created_at=datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc),
                hash="h")
    base.update(kw)
    return Receipt(**base)


def test_a_receipt_shows_everything_and_says_reprint_on_reprints(qtbot, tmp_path):
    r = _receipt()
    dialog = ReceiptDialog(ReceiptView.of(r), INR, player_name="Rahul Verma")
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    for part in (str(r.id), "CAGE-1-3-", "Withdrawal", "179 Rahul Verma", "₹2,500.00", "₹7,500.00", "C100",
                 "CAGE-1", r.created_at.astimezone().strftime("Date: %Y-%m-%d %H:%M:%S")):  # the one date format
        assert part in text
    assert "REPRINT" not in text and "OFFLINE" not in text
    again = ReceiptDialog(ReceiptView.of(r, reprint=True), INR)
    qtbot.addWidget(again)
    assert "REPRINT" in again.plain_text() and "REPRINT" in again.windowTitle()
    pdf = dialog.save_pdf(tmp_path / "r.pdf")
    assert pdf.read_bytes()[:4] == b"%PDF" and pdf.stat().st_size > 500


def test_a_receipt_prints_its_own_currency_not_the_terminals(qtbot):
    dialog = ReceiptDialog(ReceiptView.of(_receipt("USD")), INR)  # a USD cage's receipt at an INR terminal
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    assert "$2,500.00" in text and "$7,500.00" in text and "₹" not in text


def test_a_receipt_refuses_amounts_that_are_not_money_in_its_currency():
    with pytest.raises(TypeError):
        _receipt(cash_after=Decimal("7500.00"))
    with pytest.raises(TypeError):
        _receipt(cash_after=Money(Decimal("7500.00"), "USD"))


def test_an_offline_receipt_says_pending_and_shows_no_balance(qtbot):
    p = PendingReceipt(id=uuid4(), kind=Kind.DEPOSIT, player_id="179", amount=Money(Decimal("500.00"), "INR"),
                       staff_id="C100", terminal_id="CAGE-1", shift_id=3,
                       taken_at=datetime.now(timezone.utc))
    dialog = ReceiptDialog(ReceiptView.of(p), INR)
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    assert "OFFLINE — PENDING" in text and str(p.id) in text and "₹500.00" in text
    assert "Cash on account after: pending" in text and "CDR1:" not in text


def test_print_opens_qts_print_dialog_without_blocking(qtbot):
    from PySide6.QtPrintSupport import QPrintDialog
    dialog = ReceiptDialog(ReceiptView.of(_receipt()), INR)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key_P, Qt.ControlModifier)  # returns at once: the dialog is not modal-blocking
    printers = dialog.findChildren(QPrintDialog)
    assert len(printers) == 1
    wait_until(qtbot, lambda: printers[0].isVisible(), timeout=5, what="print dialog shown")
    printers[0].reject()


def test_save_as_pdf_opens_a_file_dialog_and_writes_the_chosen_file(qtbot, tmp_path):
    from PySide6.QtWidgets import QFileDialog
    dialog = ReceiptDialog(ReceiptView.of(_receipt()), INR)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pdf_button.click()
    chooser = dialog.findChildren(QFileDialog)[0]
    wait_until(qtbot, lambda: chooser.isVisible(), timeout=5, what="file dialog shown")
    chooser.fileSelected.emit(str(tmp_path / "receipt.pdf"))
    assert (tmp_path / "receipt.pdf").read_bytes()[:4] == b"%PDF"
    chooser.reject()
