"""Identification on file by keyboard (issue 17, part C): Ctrl+D on the cashier's tab opens
the player's documents and the capture form; an expired document is refused in a sentence;
the posting dialog's ID step offers the valid document on file, and the ledger records it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import text

from cashier_desktop.domain.kinds import Kind
from tests.support.shifts import open_test_shift
from tests.ui.conftest import activate, active_dialog, find_player, log_in, wait_until


def _open_id_dialog(qtbot, terminal, player: str):
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_D, Qt.ControlModifier)
    dialog = active_dialog(qtbot, tab)
    wait_until(qtbot, lambda: dialog.documents is not None, what="documents on file listed")
    return window, dialog


def test_a_cashier_puts_a_players_document_on_file_by_keyboard(qtbot, terminal, engine, player):
    _window, dialog = _open_id_dialog(qtbot, terminal, player)
    assert [dialog.listing.item(i).text() for i in range(dialog.listing.count())] == ["None yet."]
    assert dialog.focusWidget() is dialog.id_type
    qtbot.keyClick(dialog.id_type, Qt.Key_Down)  # — choose — → Passport
    qtbot.keyClick(dialog.id_type, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.number
    qtbot.keyClicks(dialog.number, "Z1234567")
    qtbot.keyClick(dialog.number, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.expires
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    qtbot.keyClicks(dialog.expires, yesterday)
    qtbot.keyClick(dialog.expires, Qt.Key_Return)
    wait_until(qtbot, lambda: "expired on" in dialog.problem.text(), what="the expired document refused")
    assert dialog.problem.text() == f"This Passport expired on {yesterday}; an expired document cannot be put on file."
    expires = (date.today() + timedelta(days=700)).isoformat()
    dialog.expires.selectAll()
    qtbot.keyClicks(dialog.expires, expires)
    qtbot.keyClick(dialog.expires, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.added is not None, what="document on file")
    wait_until(qtbot, lambda: dialog.listing.item(0).text().startswith("Passport"), what="list re-read")
    assert dialog.listing.item(0).text() == f"Passport ••••4567 · valid to {expires}"
    assert dialog.number.text() == "" and dialog.focusWidget() is dialog.id_type
    with engine.connect() as conn:
        row = conn.execute(text("SELECT doc_type, doc_number, expires_on, captured_by FROM player_id_documents "
                                "WHERE player_id = :p"), {"p": player}).one()
    assert tuple(row) == ("Passport", "Z1234567", date.fromisoformat(expires), "C100")
    qtbot.keyClick(dialog, Qt.Key_Escape)
    wait_until(qtbot, lambda: not dialog.isVisible(), what="dialog closed")


def test_the_id_step_offers_the_document_on_file_and_the_ledger_records_it(qtbot, terminal, engine, player,
                                                                          terminal_id):
    with engine.begin() as conn:
        doc = conn.execute(text("""INSERT INTO player_id_documents (player_id, doc_type, doc_number, expires_on,
            captured_by, terminal_id) VALUES (:p, 'Aadhaar', '123456789012', current_date + 90, 'C100', 'x')
            RETURNING id"""), {"p": player}).scalar_one()
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    assert dialog.kind is Kind.DEPOSIT
    qtbot.keyClicks(dialog.amount.edit, "1500000")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)  # the requirements: a large amount, then the ID
    wait_until(qtbot, lambda: dialog.confirm_box.isVisible(), what="large-amount warning")
    qtbot.keyClick(dialog.ok_button, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.on_file_button.isVisible(), what="the document on file offered")
    assert dialog.on_file_label.text().startswith("On file: Aadhaar ••••••••9012 · valid to")
    assert dialog.focusWidget() is dialog.on_file_button
    qtbot.keyClick(dialog.on_file_button, Qt.Key_Return)  # take it
    assert (dialog.id_type.currentData(), dialog.id_number.text()) == ("Aadhaar", "123456789012")
    qtbot.keyClick(dialog.ok_button, Qt.Key_Return)  # post
    wait_until(qtbot, lambda: tab.receipt_dialog is not None, what="posted: the receipt shown")
    with engine.connect() as conn:
        row = conn.execute(text("""SELECT l.id_type, l.id_number, u.document_id FROM ledger_transactions l
            LEFT JOIN id_document_uses u ON u.posting_id = l.id WHERE l.player_id = :p"""), {"p": player}).one()
    assert tuple(row) == ("Aadhaar", "123456789012", doc)


def test_the_databases_id_sentences_read_in_hindi(qapp):
    from cashier_desktop.ui.domain_text import translate_sentence
    from cashier_desktop.ui.i18n import set_language
    set_language("hi")
    try:
        on_file = translate_sentence("The player's Passport on file expired on 2026-01-31; ask for a valid document "
                                     "(type and number). Nothing was posted.")
        typed = translate_sentence("The player's Passport Z123 expired on 2026-01-31; ask for a valid document. "
                                   "Nothing was posted.")
        capture = translate_sentence("This Passport expired on 2026-01-31; an expired document cannot be put on file.")
    finally:
        set_language("en")
    assert on_file.startswith("फ़ाइल में रखा खिलाड़ी का Passport 2026-01-31") and "ask" not in on_file
    assert "Z123" in typed and "ask" not in typed
    assert capture.startswith("यह Passport 2026-01-31") and "expired" not in capture


def test_the_picture_of_a_document_is_shown_only_when_asked_and_the_view_is_recorded(qtbot, terminal, engine,
                                                                                     player, tmp_path):
    from PySide6.QtGui import QColor, QImage
    picture = tmp_path / "passport.png"
    image = QImage(40, 30, QImage.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(picture))
    _window, dialog = _open_id_dialog(qtbot, terminal, player)
    qtbot.keyClick(dialog.id_type, Qt.Key_Down)
    qtbot.keyClicks(dialog.number, "P7654321")
    qtbot.keyClicks(dialog.expires, (date.today() + timedelta(days=30)).isoformat())
    dialog.set_image(picture)  # what the file chooser hands back
    qtbot.keyClick(dialog.expires, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.documents and dialog.documents[0].has_image, what="document with its picture")
    assert not dialog.picture.isVisible() and not dialog.show_button.isEnabled()
    dialog.listing.setFocus()
    qtbot.keyClick(dialog.listing, Qt.Key_Down)  # select the document
    assert dialog.show_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key_S, Qt.AltModifier)
    wait_until(qtbot, lambda: dialog.picture.isVisible(), what="picture shown")
    assert dialog.picture.pixmap().width() > 0
    with engine.connect() as conn:
        views = conn.execute(text("SELECT staff_id FROM audit_log WHERE action = 'id_document_viewed' "
                                  "AND detail->>'player_id' = :p"), {"p": player}).scalars().all()
    assert views == ["C100"]


def test_a_typed_document_with_an_expiry_in_the_past_is_refused_and_nothing_is_posted(qtbot, terminal, engine,
                                                                                      player, terminal_id):
    open_test_shift(engine, terminal_id, "C100", "0")
    window = log_in(qtbot, terminal, "C100", "1111")
    tab = window.cashier
    find_player(qtbot, window, player)
    activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key_F5)
    dialog = active_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.amount.edit, "1500000")
    qtbot.keyClick(dialog.amount.edit, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.confirm_box.isVisible(), what="large-amount warning")
    qtbot.keyClick(dialog.ok_button, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.id_box.isVisible(), what="the ID step")
    assert dialog.focusWidget() is dialog.id_type and not dialog.on_file_button.isVisible()
    qtbot.keyClick(dialog.id_type, Qt.Key_Down)  # Passport
    qtbot.keyClick(dialog.id_type, Qt.Key_Tab)
    qtbot.keyClicks(dialog.id_number, "Z9999999")
    qtbot.keyClick(dialog.id_number, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.id_expires
    qtbot.keyClicks(dialog.id_expires, "2020-01-31")
    qtbot.keyClick(dialog.id_expires, Qt.Key_Return)
    wait_until(qtbot, lambda: "expired on" in dialog.problem.text(), what="the expired document refused")
    assert dialog.problem.text() == "This Passport expired on 2020-01-31; an expired document cannot be put on file."
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).scalar() == 0
    dialog.id_expires.selectAll()
    qtbot.keyClicks(dialog.id_expires, (date.today() + timedelta(days=90)).isoformat())
    qtbot.keyClick(dialog.id_expires, Qt.Key_Return)  # a valid one: on file, then posted with it
    wait_until(qtbot, lambda: tab.receipt_dialog is not None, what="posted")
    with engine.connect() as conn:
        row = conn.execute(text("""SELECT l.id_number, d.doc_number FROM ledger_transactions l
            JOIN id_document_uses u ON u.posting_id = l.id JOIN player_id_documents d ON d.id = u.document_id
            WHERE l.player_id = :p"""), {"p": player}).one()
    assert tuple(row) == ("Z9999999", "Z9999999")
