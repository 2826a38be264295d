"""One receipt window for every receipt (ui/receipt_shell.py): a posting's and an exchange's
receipt have the same buttons, keys and PDF, and their buttons keep their Hindi after the
strings moved to the shell's translation context."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cashier_desktop.ui.exchange_receipt import ExchangeReceiptDialog
from cashier_desktop.ui.receipt import ReceiptDialog, ReceiptView
from tests.ui.conftest import activate, wait_until
from tests.ui.test_exchange_receipt import INR, _exchange
from tests.ui.test_receipt_notes import _receipt


def _both(qtbot):
    posting = ReceiptDialog(ReceiptView.of(_receipt()), INR)
    exchange = ExchangeReceiptDialog(_exchange(), INR, staff_name="Asha Rao")
    for d in (posting, exchange):
        qtbot.addWidget(d)
    return posting, exchange


def test_both_receipts_share_the_buttons_keys_and_pdf(qtbot, tmp_path):
    posting, exchange = _both(qtbot)
    for dialog, title in ((posting, "Receipt CAGE-1-3-0004"), (exchange, "Exchange receipt ")):
        assert dialog.windowTitle().startswith(title)
        assert [b.text() for b in (dialog.print_button, dialog.pdf_button, dialog.close_button)] == [
            "&Print… (Ctrl+P)", "Save as P&DF… (Ctrl+S)", "&Close (Esc)"]
        assert dialog.plain_text() == dialog.model.text() and dialog.image.pixmap().width() > 0
        assert dialog.save_pdf(tmp_path / f"{dialog.objectName()}.pdf").read_bytes()[:4] == b"%PDF"
        dialog.show()
        activate(qtbot, dialog)
        assert dialog.focusWidget() is dialog.close_button
        qtbot.keyClick(dialog, Qt.Key_S, Qt.ControlModifier)  # the save dialog, window-modal
        wait_until(qtbot, lambda: dialog._pdf_dialog is not None and dialog._pdf_dialog.isVisible(), timeout=5,
                   what="file dialog shown")
        dialog._pdf_dialog.fileSelected.emit(str(tmp_path / f"chosen-{dialog.objectName()}.pdf"))
        assert (tmp_path / f"chosen-{dialog.objectName()}.pdf").read_bytes()[:4] == b"%PDF"
        dialog._pdf_dialog.reject()
        activate(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key_Escape)
        assert not dialog.isVisible()
    assert exchange._pdf_name.startswith("exchange-") and posting._pdf_name == "receipt-CAGE-1-3-0004.pdf"


@pytest.fixture
def hindi(qapp):
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    yield
    set_language("en")


def test_the_shells_buttons_are_in_hindi_for_both_receipts(hindi, qtbot):
    posting, exchange = _both(qtbot)
    assert posting.windowTitle() == "रसीद CAGE-1-3-0004"
    assert exchange.windowTitle().startswith("विनिमय रसीद ")
    for dialog in (posting, exchange):
        assert [b.text() for b in (dialog.print_button, dialog.pdf_button, dialog.close_button)] == [
            "छापें… (&P) (Ctrl+P)", "PDF के रूप में सहेजें… (&D) (Ctrl+S)", "बंद करें (&C) (Esc)"]
        assert dialog.image.accessibleName() == "रसीद"
