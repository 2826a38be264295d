"""Identification on file for the player at the counter (Ctrl+D on the cashier's tab): the
documents already on file (numbers masked) and a form to put one on file — type, number,
expiry, optionally a picture from a file, or a photo where Qt Multimedia finds a camera
(ui/id_camera.py). Enter puts it on file, Esc closes.

The database checks the session, the right and the expiry (an expired document is refused
with one sentence) and reads the picture's own bytes; a valid document on file is what a
posting over the identification threshold uses when none is typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget)

from ..domain.errors import CashierError
from ..domain.formatting import format_date
from ..domain.receipts import Balance
from .action_dialog import CHOOSE_ID_TYPE, ID_TYPES
from .feedback import MessageLabel
from .id_camera import cameras, stored_image
from .ops import Op, sentence_for


VALID_TO = QT_TRANSLATE_NOOP("IdDocumentDialog", "valid to %1")
EXPIRED = QT_TRANSLATE_NOOP("IdDocumentDialog", "EXPIRED %1")
PICTURE = QT_TRANSLATE_NOOP("IdDocumentDialog", "picture")


def id_type_label(doc_type: str) -> str:
    """A stored (English) type in the terminal's language."""
    return QCoreApplication.translate("PostingDialog", doc_type)


def document_line(doc: Any) -> str:
    """`Passport ••••4567 · valid to 2030-01-31 · picture` (translated)."""
    state = QCoreApplication.translate("IdDocumentDialog", VALID_TO if doc.valid else EXPIRED) \
        .replace("%1", format_date(doc.expires_on))
    line = f"{id_type_label(doc.doc_type)} {doc.masked_number} · {state}"
    return line + (" · " + QCoreApplication.translate("IdDocumentDialog", PICTURE) if doc.has_image else "")


class IdDocumentDialog(QDialog):
    """One player's documents on file and the form to add one.

    Guarantees: nothing is written but through `terminal.id_documents.add_id_document` (the
    database's `cage.add_id_document`); the list is re-read after each document put on file.
    """

    def __init__(self, ctx: Any, staff: Any, player: Balance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.staff, self.player = ctx, staff, player
        self.image_path: Path | None = None
        self.image_bytes: bytes | None = None  # a photo taken here (JPEG), instead of a file
        self._camera: Any = None  # id_camera.CameraCapture, made at the first photo
        self.documents: list[Any] | None = None
        self.added: int | None = None
        self.setObjectName("idDocumentDialog")
        self.setWindowTitle(self.tr("Identification on file — player %1").replace("%1", player.player_id))
        intro = QLabel(self.tr("<b>Identification on file</b> for player <b>%1</b> %2")
                       .replace("%1", player.player_id).replace("%2", player.name))
        intro.setWordWrap(True)
        self.listing = QListWidget(self)
        self.listing.setAccessibleName(self.tr("Documents on file"))
        self.listing.setMinimumHeight(self.listing.fontMetrics().height() * 4)
        self.listing.currentRowChanged.connect(self._on_row)
        self.show_button = QPushButton(self.tr("&Show picture"))
        self.show_button.setAccessibleName(self.tr("Show the picture of the selected document"))
        self.show_button.clicked.connect(self.show_picture)
        self.show_button.setEnabled(False)
        self.picture = QLabel(self)  # the picture, only when asked for (each view is audited)
        self.picture.setObjectName("idPicture")
        self.picture.setVisible(False)
        self.id_type = QComboBox()
        self.id_type.addItem(QCoreApplication.translate("PostingDialog", CHOOSE_ID_TYPE), None)
        for t in ID_TYPES:
            self.id_type.addItem(id_type_label(t), t)
        self.id_type.setAccessibleName(self.tr("Document type"))
        self.number = QLineEdit()
        self.number.setAccessibleName(self.tr("Document number"))
        self.expires = QLineEdit()
        self.expires.setAccessibleName(self.tr("Expiry date"))
        self.expires.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.image_button = QPushButton(self.tr("Choose &picture…"))
        self.image_button.setAccessibleName(self.tr("Picture of the document"))
        self.image_button.clicked.connect(self.choose_image)
        # Only where Qt Multimedia (PySide6-Addons) is installed and finds a camera.
        self.camera_button: QPushButton | None = None
        if cameras():
            self.camera_button = QPushButton(self.tr("Take p&hoto"))
            self.camera_button.setObjectName("takePhoto")
            self.camera_button.setAccessibleName(self.tr("Take a photo of the document with the camera"))
            self.camera_button.clicked.connect(self.take_photo)
        self.image_label = QLabel(self.tr("No picture (optional)"))
        self.image_label.setWordWrap(True)
        picture = QHBoxLayout()
        picture.addWidget(self.image_button)
        if self.camera_button is not None:
            picture.addWidget(self.camera_button)
        picture.addWidget(self.image_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Type"), self.id_type)
        form.addRow(self.tr("&Number"), self.number)
        form.addRow(self.tr("&Expires"), self.expires)
        form.addRow(self.tr("Picture"), picture)
        self.problem = MessageLabel(self.tr("Refusal"), self)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self.tr("Put on file (Enter)"))
        self.ok_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        buttons.addButton(self.ok_button, QDialogButtonBox.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(QLabel(self.tr("Documents on file")))
        box.addWidget(self.listing)
        box.addWidget(self.show_button, 0, Qt.AlignLeft)
        box.addWidget(self.picture)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        self.setTabOrder(self.listing, self.show_button)
        self.setTabOrder(self.show_button, self.id_type)
        self.setTabOrder(self.id_type, self.number)
        self.setTabOrder(self.number, self.expires)
        self.setTabOrder(self.expires, self.image_button)
        if self.camera_button is not None:
            self.setTabOrder(self.image_button, self.camera_button)
            self.setTabOrder(self.camera_button, self.ok_button)
        else:
            self.setTabOrder(self.image_button, self.ok_button)
        self.id_type.setFocus(Qt.OtherFocusReason)
        self.reload()

    def reload(self) -> None:
        from ..terminal.id_documents import id_documents
        staff, pid = self.staff, self.player.player_id
        Op(parent=self, work=lambda s: id_documents(s, staff, pid)) \
            .success(self._show_documents).failure(lambda exc: self.problem.setText(sentence_for(exc))).run()

    def _show_documents(self, docs: list[Any]) -> None:
        self.documents = docs
        self.listing.clear()
        self.picture.clear()
        self.picture.setVisible(False)
        for doc in docs:
            self.listing.addItem(document_line(doc))
        if not docs:
            self.listing.addItem(self.tr("None yet."))

    def _on_row(self, row: int) -> None:
        docs = self.documents or []
        self.show_button.setEnabled(0 <= row < len(docs) and docs[row].has_image)

    def show_picture(self) -> None:
        """The selected document's picture (read from the ledger now; the view is recorded)."""
        from ..terminal.id_documents import id_document_image
        docs, row = self.documents or [], self.listing.currentRow()
        if not 0 <= row < len(docs) or not docs[row].has_image:
            return
        staff, doc_id = self.staff, docs[row].id
        Op(parent=self, work=lambda s: id_document_image(s, staff, doc_id)) \
            .success(self._show_picture).failure(lambda exc: self.problem.setText(sentence_for(exc))) \
            .disabling(self.show_button).run()

    def _show_picture(self, picture: tuple[str, bytes] | None) -> None:
        pixmap = QPixmap()
        if picture is None or not pixmap.loadFromData(picture[1]):
            self.problem.setText(self.tr("The picture cannot be shown."))
            return
        self.picture.setPixmap(pixmap.scaled(360, 240, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.picture.setVisible(True)

    def choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Picture of the document"), "",
                                              self.tr("Pictures (*.jpg *.jpeg *.png)"))
        if path:
            self.set_image(Path(path))

    def set_image(self, path: Path | None) -> None:
        self.image_path, self.image_bytes = path, None
        self.image_label.setText(path.name if path else self.tr("No picture (optional)"))

    def take_photo(self) -> None:
        """One photo from the first camera; it replaces any picture chosen before."""
        if self.camera_button is None:
            return
        if self._camera is None:
            from .id_camera import CameraCapture
            found = cameras()
            if not found:
                self.problem.setText(self.tr("No camera is available; choose a picture from a file."))
                return
            self._camera = CameraCapture(found[0], self)
            self._camera.captured.connect(self.on_photo)
            self._camera.failed.connect(self._on_camera_failed)
        self.camera_button.setEnabled(False)
        self.problem.show_note(self.tr("Taking the photo…"))
        self._camera.take()

    def on_photo(self, frame: QImage) -> None:
        """A frame from the camera becomes the picture put on file (JPEG bytes, as a file's)."""
        if self.camera_button is not None:
            self.camera_button.setEnabled(True)
        try:
            data = stored_image(frame)
        except CashierError as exc:
            self.problem.setText(sentence_for(exc))
            return
        self.image_path, self.image_bytes = None, data
        self.image_label.setText(self.tr("Photo taken (%1 KB)").replace("%1", str(max(1, len(data) // 1024))))
        self.problem.show_note(self.tr("Photo taken: it is put on file with the document."))

    def _on_camera_failed(self, text: str) -> None:
        if self.camera_button is not None:
            self.camera_button.setEnabled(True)
        self.problem.setText(self.tr("The camera did not take the photo (%1); try again or choose a file.")
                             .replace("%1", text or self.tr("no reason given")))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.ok_button.isEnabled():
            self.reject() if self.focusWidget() is self.close_button else self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        from ..terminal.id_documents import add_id_document
        if self.id_type.currentData() is None:
            self.id_type.setFocus()
            self.problem.setText(self.tr("Choose the type of the document."))
            return
        if not self.number.text().strip():
            self.number.setFocus()
            self.problem.setText(self.tr("Enter the number of the document."))
            return
        staff, pid = self.staff, self.player.player_id
        doc_type, number, expires, image, photo = (self.id_type.currentData(), self.number.text(),
                                                   self.expires.text(), self.image_path, self.image_bytes)
        self.problem.show_note(self.tr("Putting on file…"))
        Op(parent=self, work=lambda s: add_id_document(s, staff, pid, doc_type, number, expires, image=photo,
                                                       image_path=image),
           lane="posting") \
            .success(self._on_added).failure(self._on_refused) \
            .disabling(self.ok_button, self.close_button).run()

    def _on_added(self, doc_id: int) -> None:
        self.added = doc_id
        self.problem.show_note(self.tr("On file (document %1).").replace("%1", str(doc_id)))
        self.number.clear()
        self.expires.clear()
        self.set_image(None)
        self.id_type.setCurrentIndex(0)
        self.id_type.setFocus()
        self.reload()

    def _on_refused(self, exc: BaseException) -> None:
        self.problem.setText(sentence_for(exc))
        self.expires.setFocus()
