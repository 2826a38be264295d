"""A document's photo from a camera where Qt Multimedia finds one (issue 17).

This machine has no camera: the capture from a real device is not exercised here. What is:
the frame → stored picture step with synthetic frames, the button's absence without a camera
or without Qt Multimedia, a photo's frame put on file through the same call as a file's
picture, and the file path beside it."""

from __future__ import annotations

import builtins
import sys
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from sqlalchemy import text

from cashier_desktop.domain.errors import InvalidInput
from cashier_desktop.terminal.id_documents import MAX_IMAGE_BYTES
from cashier_desktop.ui import id_camera
from cashier_desktop.ui.id_camera import MAX_SIDE_PX, stored_image
from tests.ui.test_id_on_file import _open_id_dialog
from tests.ui.conftest import wait_until


def _frame(width: int, height: int, *, noise: bool = False) -> QImage:
    """A synthetic camera frame: a card-like drawing, or random pixels (hard to compress)."""
    if noise:
        import os
        return QImage(os.urandom(width * height * 4), width, height, QImage.Format_ARGB32).copy()
    image = QImage(width, height, QImage.Format_ARGB32)
    image.fill(QColor("#e8e4d8"))
    p = QPainter(image)
    p.fillRect(width // 10, height // 10, width // 3, height // 2, QColor("#336699"))
    p.drawText(width // 2, height // 2, "PASSPORT Z1234567")
    p.end()
    return image


def _decoded(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(QByteArray(data), "JPEG")
    return image


def test_a_large_frame_is_stored_as_a_jpeg_scaled_to_the_long_side(qapp):
    data = stored_image(_frame(4000, 3000))
    assert data[:3] == b"\xff\xd8\xff"  # JPEG, which the database recognises by its first bytes
    back = _decoded(data)
    assert (back.width(), back.height()) == (MAX_SIDE_PX, MAX_SIDE_PX * 3 // 4)


def test_a_small_frame_keeps_its_size_and_a_portrait_one_its_orientation(qapp):
    assert _decoded(stored_image(_frame(640, 480))).size().toTuple() == (640, 480)
    portrait = _decoded(stored_image(_frame(1200, 3200)))
    assert portrait.height() == MAX_SIDE_PX and portrait.width() == 600


def test_a_frame_that_compresses_badly_still_fits_the_ledgers_limit(qapp):
    data = stored_image(_frame(MAX_SIDE_PX, MAX_SIDE_PX, noise=True))
    assert len(data) <= MAX_IMAGE_BYTES
    assert _decoded(data).width() == MAX_SIDE_PX


def test_an_empty_frame_is_one_sentence(qapp):
    with pytest.raises(InvalidInput, match="The camera gave no picture"):
        stored_image(QImage())


def test_without_qt_multimedia_there_is_no_camera(qapp, monkeypatch):
    real_import = builtins.__import__

    def no_multimedia(name, *args, **kwargs):
        if name.startswith("PySide6.QtMultimedia"):
            raise ImportError("No module named 'PySide6.QtMultimedia'")
        return real_import(name, *args, **kwargs)
    monkeypatch.delitem(sys.modules, "PySide6.QtMultimedia", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_multimedia)
    assert id_camera.cameras() == []


def test_with_no_camera_the_button_is_absent_and_a_file_is_still_put_on_file(qtbot, terminal, engine, player,
                                                                            tmp_path):
    assert id_camera.cameras() == []  # this machine: none found (or no Qt Multimedia at all)
    picture = tmp_path / "passport.png"
    assert _frame(40, 30).save(str(picture))
    _window, dialog = _open_id_dialog(qtbot, terminal, player)
    assert dialog.camera_button is None and dialog.findChild(type(dialog.image_button), "takePhoto") is None
    dialog.image_button.setFocus()
    qtbot.keyClick(dialog.image_button, Qt.Key_Tab)
    assert dialog.focusWidget() is dialog.ok_button  # no hidden stop in the tab order
    qtbot.keyClick(dialog.id_type, Qt.Key_Down)
    qtbot.keyClicks(dialog.number, "P7654321")
    qtbot.keyClicks(dialog.expires, (date.today() + timedelta(days=30)).isoformat())
    dialog.set_image(picture)  # what the file chooser hands back
    qtbot.keyClick(dialog.expires, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.documents and dialog.documents[0].has_image, what="document with its picture")
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT image, image_type FROM player_id_documents WHERE player_id = :p"),
                              {"p": player}).one()
    assert (bytes(stored.image), stored.image_type) == (picture.read_bytes(), "image/png")


def test_a_photos_frame_is_put_on_file_as_a_jpeg_through_the_same_call(qtbot, terminal, engine, player):
    _window, dialog = _open_id_dialog(qtbot, terminal, player)
    qtbot.keyClick(dialog.id_type, Qt.Key_Down)
    qtbot.keyClicks(dialog.number, "P1112223")
    qtbot.keyClicks(dialog.expires, (date.today() + timedelta(days=30)).isoformat())
    dialog.on_photo(_frame(2400, 1600))  # what the camera's capture hands the dialog
    assert dialog.image_bytes is not None and dialog.image_label.text().startswith("Photo taken (")
    qtbot.keyClick(dialog.expires, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.documents and dialog.documents[0].has_image, what="document with its photo")
    assert dialog.image_bytes is None  # the form is cleared for the next document
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT image, image_type FROM player_id_documents WHERE player_id = :p"),
                              {"p": player}).one()
    assert stored.image_type == "image/jpeg"
    assert _decoded(bytes(stored.image)).size().toTuple() == (MAX_SIDE_PX, 1600 * MAX_SIDE_PX // 2400)


def test_an_empty_frame_from_the_camera_is_a_sentence_and_keeps_the_earlier_picture(qtbot, terminal, player,
                                                                                   tmp_path):
    _window, dialog = _open_id_dialog(qtbot, terminal, player)
    dialog.set_image(tmp_path / "front.png")
    dialog.on_photo(QImage())
    assert dialog.problem.text() == "The camera gave no picture; take the photo again."
    assert dialog.image_path == tmp_path / "front.png" and dialog.image_bytes is None


@pytest.mark.parametrize("language", ["en", "hi"])
@pytest.mark.parametrize("screen_name", ["1366x768", "1920x1080"])
def test_where_a_camera_is_found_the_button_is_reachable_by_keys_and_the_dialog_fits(qtbot, terminal, player,
                                                                                     monkeypatch, screen_name,
                                                                                     language):
    from cashier_desktop.ui import id_document_dialog
    from cashier_desktop.ui.i18n import set_language
    from tests.ui.layout_checks import SCREENS, problems
    monkeypatch.setattr(id_document_dialog, "cameras", lambda: [object()])  # a camera, as Qt would list it
    set_language(language)
    try:
        _window, dialog = _open_id_dialog(qtbot, terminal, player)
        assert dialog.camera_button is not None
        assert dialog.camera_button.text() == {"en": "Take p&hoto", "hi": "फ़ोटो लें (&H)"}[language]
        dialog.image_button.setFocus()
        qtbot.keyClick(dialog.image_button, Qt.Key_Tab)
        assert dialog.focusWidget() is dialog.camera_button
        qtbot.keyClick(dialog.camera_button, Qt.Key_Tab)
        assert dialog.focusWidget() is dialog.ok_button
        assert not problems(dialog, SCREENS[screen_name])
    finally:
        set_language("en")


def test_a_camera_that_cannot_start_fails_at_once_with_one_answer(qtbot):
    """Needs Qt Multimedia to load (PySide6-Addons and, on Linux, libpulse0): skipped where it
    cannot. A device that is not there stands for a camera unplugged or held elsewhere."""
    multimedia = pytest.importorskip("PySide6.QtMultimedia", exc_type=ImportError)
    from cashier_desktop.ui.id_camera import CameraCapture
    capture = CameraCapture(multimedia.QCameraDevice())  # a null device
    answers = []
    capture.captured.connect(lambda image: answers.append("captured"))
    capture.failed.connect(answers.append)
    capture.take()
    wait_until(qtbot, lambda: answers, timeout=15, what="an answer")
    qtbot.wait(50)
    assert len(answers) == 1 and answers[0] != "captured"
    assert not capture.camera.isActive()


class _StandInCamera(QObject):
    """Stands in for id_camera.CameraCapture where no camera exists: the same two signals,
    answered from the event loop as Qt Multimedia's would be."""

    captured = Signal(QImage)
    failed = Signal(str)

    def __init__(self, frame: QImage | None) -> None:
        super().__init__()
        self.frame, self.takes = frame, 0

    def take(self) -> None:
        self.takes += 1
        if self.frame is None:
            QTimer.singleShot(0, lambda: self.failed.emit("the device is in use"))
        else:
            QTimer.singleShot(0, lambda: self.captured.emit(self.frame))


def _dialog_with_a_camera(qtbot, terminal, player, monkeypatch, frame: QImage | None):
    from cashier_desktop.ui import id_document_dialog
    monkeypatch.setattr(id_document_dialog, "cameras", lambda: [object()])
    _window, dialog = _open_id_dialog(qtbot, terminal, player)
    stand_in = _StandInCamera(frame)
    stand_in.captured.connect(dialog.on_photo)  # as take_photo wires the real one
    stand_in.failed.connect(dialog._on_camera_failed)
    dialog._camera = stand_in
    return dialog, stand_in


def test_alt_h_takes_the_photo_and_enter_puts_it_on_file(qtbot, terminal, engine, player, monkeypatch):
    dialog, camera = _dialog_with_a_camera(qtbot, terminal, player, monkeypatch, _frame(1920, 1080))
    qtbot.keyClick(dialog.id_type, Qt.Key_Down)
    qtbot.keyClicks(dialog.number, "P4445556")
    qtbot.keyClicks(dialog.expires, (date.today() + timedelta(days=30)).isoformat())
    qtbot.keyClick(dialog, Qt.Key_H, Qt.AltModifier)
    wait_until(qtbot, lambda: dialog.image_bytes is not None, what="the photo taken")
    assert camera.takes == 1 and dialog.camera_button.isEnabled()
    assert dialog.problem.text() == "Photo taken: it is put on file with the document."
    dialog.expires.setFocus()
    qtbot.keyClick(dialog.expires, Qt.Key_Return)
    wait_until(qtbot, lambda: dialog.documents and dialog.documents[0].has_image, what="document with its photo")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT image_type FROM player_id_documents WHERE player_id = :p"),
                            {"p": player}).scalar_one() == "image/jpeg"


def test_a_camera_that_fails_is_a_sentence_and_the_button_works_again(qtbot, terminal, player, monkeypatch):
    dialog, camera = _dialog_with_a_camera(qtbot, terminal, player, monkeypatch, None)
    qtbot.keyClick(dialog, Qt.Key_H, Qt.AltModifier)
    wait_until(qtbot, lambda: "camera did not take" in dialog.problem.text(), what="the failure said")
    assert dialog.problem.text() == ("The camera did not take the photo (the device is in use); "
                                     "try again or choose a file.")
    assert dialog.camera_button.isEnabled() and dialog.image_bytes is None and camera.takes == 1
