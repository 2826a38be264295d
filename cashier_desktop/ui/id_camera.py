"""A document's picture from a camera, where Qt Multimedia finds one (issue 17).

Qt Multimedia comes with PySide6-Addons, which a terminal may not have: it is imported only
here and only when asked, and its absence (or no camera) means no "Take photo" button, the
picture then comes from a file as before. A captured frame becomes the same thing a file
gives: JPEG bytes within the ledger's 2 MB limit, handed to `add_id_document(image=…)` and
checked again by `cage.add_id_document`. Nothing is written to disk: an ID picture does not
linger in a temporary folder.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from ..domain.errors import InvalidInput
from ..terminal.id_documents import MAX_IMAGE_BYTES

log = logging.getLogger(__name__)

# A document needs to be legible, not a full sensor's resolution: the long side is kept to
# this many pixels, which also keeps the stored picture far below the ledger's limit.
MAX_SIDE_PX = 1600
JPEG_QUALITIES = (85, 70, 55, 40)  # tried in turn until the picture fits the limit
# A camera that never becomes ready (unplugged, held by another program) must not leave the
# dialog waiting: without a picture by then, the photo has failed.
CAPTURE_TIMEOUT_MS = 10_000


def cameras() -> list[Any]:
    """The video inputs Qt Multimedia finds; [] when Qt Multimedia is not installed or fails."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    try:
        return list(QMediaDevices.videoInputs())
    except Exception:  # noqa: BLE001 - a backend that cannot start: as if there were no camera
        log.warning("Qt Multimedia could not list the cameras", exc_info=True)
        return []


def stored_image(frame: QImage) -> bytes:
    """A captured frame as the bytes put on file: JPEG, the long side at most MAX_SIDE_PX,
    at most MAX_IMAGE_BYTES (the ledger's limit). InvalidInput for an empty frame or one that
    cannot be made small enough."""
    if frame.isNull() or frame.width() == 0 or frame.height() == 0:
        raise InvalidInput("The camera gave no picture; take the photo again.")
    image = frame
    if max(image.width(), image.height()) > MAX_SIDE_PX:
        image = image.scaled(MAX_SIDE_PX, MAX_SIDE_PX, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    image = image.convertToFormat(QImage.Format_RGB32)  # JPEG has no alpha
    for quality in JPEG_QUALITIES:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        ok = image.save(buffer, "JPEG", quality)
        buffer.close()
        if not ok:
            raise InvalidInput("The photo could not be stored as a JPEG picture.")
        if data.size() <= MAX_IMAGE_BYTES:
            return bytes(data.data())
    raise InvalidInput("The photo is too large to put on file even at a low quality; take it again.")


class CameraCapture(QObject):
    """One camera, started when a photo is asked for and stopped after it.

    Exactly one of `captured(QImage)` or `failed(str)` follows each `take()`, on the GUI
    thread (Qt Multimedia's own signals, or the timeout). Callers must not call `take()` again
    before one of them.
    """

    captured = Signal(QImage)
    failed = Signal(str)

    def __init__(self, device: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        self.camera = QCamera(device, self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self._pending = False
        self._timeout = QTimer(self, singleShot=True, interval=CAPTURE_TIMEOUT_MS,
                               timeout=lambda: self._fail("no picture from the camera"))
        self.capture.readyForCaptureChanged.connect(self._on_ready)
        self.capture.imageCaptured.connect(self._on_image)
        self.capture.errorOccurred.connect(lambda _id, _err, text: self._fail(text))
        self.camera.errorOccurred.connect(lambda _err, text: self._fail(text))

    def take(self) -> None:
        """Start the camera if needed and take one photo as soon as it is ready."""
        from PySide6.QtMultimedia import QCamera
        self._pending = True
        self._timeout.start()
        if not self.camera.isActive():
            self.camera.start()
        if self.camera.error() != QCamera.Error.NoError:  # e.g. no such device: said at once
            self._fail(self.camera.errorString())
        elif self.capture.isReadyForCapture():
            self._on_ready(True)

    def _on_ready(self, ready: bool) -> None:
        if ready and self._pending:
            self._pending = False
            self.capture.capture()

    def _on_image(self, _request_id: int, image: QImage) -> None:
        if not self._timeout.isActive():
            return  # already failed (timed out): one answer per take()
        self._timeout.stop()
        self.camera.stop()
        self.captured.emit(image)

    def _fail(self, text: str) -> None:
        if not self._timeout.isActive():
            return  # an error after the answer was given (e.g. while stopping)
        self._timeout.stop()
        self._pending = False
        self.camera.stop()
        self.failed.emit(text or "")
