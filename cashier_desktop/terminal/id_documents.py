"""Identification on file, as a person at the counter does it: put a player's document on
file (from the capture dialog or `player id add`), list a player's documents, show one's
image. The database checks the staff session, the right and the expiry, and reuses a
valid document itself when a posting or an exchange needs one (migration 0016)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.errors import InvalidInput, NotAuthorized
from ..ledger.id_documents import MAX_IMAGE_BYTES, IdDocument
from .auth import StaffMember


def _token(staff: StaffMember):
    if staff.session_token is None:  # an offline login: the ledger cannot check this person
        raise NotAuthorized("Identification is put on file only online: log in again when the ledger is back.")
    return staff.session_token


def parse_expiry(text: str | date | None) -> date:
    """An expiry date as typed (`2031-05-31`); one sentence if it is not one."""
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise InvalidInput(f"“{text or ''}” is not a date; give the expiry as YYYY-MM-DD.") from None


def read_image(path: str | Path | None) -> bytes | None:
    """A document's picture from a file (the database checks it is a JPEG or PNG)."""
    if path is None or str(path).strip() == "":
        return None
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise InvalidInput(f"{p.name} is {size:,} bytes; an image of a document may be at most 2 MB.")
        return p.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"The image {p} cannot be read ({exc.strerror or exc}).") from None


def add_id_document(services, staff: StaffMember, player_id: str, doc_type: str, doc_number: str,
                    expires_on: str | date, *, image: bytes | None = None,
                    image_path: str | Path | None = None) -> int:
    """Put a player's document on file; returns its id (the same document again: the first's)."""
    session = _token(staff)
    expiry = parse_expiry(expires_on)
    if not (doc_type or "").strip():
        raise InvalidInput("Choose the type of the identification document.")
    if not (doc_number or "").strip():
        raise InvalidInput("Enter the number of the identification document.")
    picture = image if image is not None else read_image(image_path)
    return services.ledger.add_id_document(session=session, player_id=player_id.strip(),
                                           doc_type=doc_type.strip(), doc_number=doc_number.strip(),
                                           expires_on=expiry, image=picture)


def file_typed_document(services, staff: StaffMember, player_id: str, doc_type: str | None,
                        doc_number: str | None, expires_on: str | date | None) -> int | None:
    """A document typed at the counter's ID prompt with its expiry: put on file first (an
    expired one is refused there, with one sentence, before anything is posted), so the
    posting that follows records it as the document on file. Without an expiry: None."""
    if expires_on is None or (isinstance(expires_on, str) and not expires_on.strip()):
        return None
    if not (doc_type or "").strip() or not (doc_number or "").strip():
        raise InvalidInput("Give the document's type and number with its expiry.")
    return add_id_document(services, staff, player_id, doc_type, doc_number, expires_on)


def id_documents(services, staff: StaffMember, player_id: str) -> list[IdDocument]:
    """The player's documents on file, the one that expires last first."""
    return services.ledger.id_documents(session=_token(staff), player_id=player_id.strip())


def valid_id_document(services, staff: StaffMember, player_id: str) -> IdDocument | None:
    """The document the database would use for this player now (None: none valid on file)."""
    return next((d for d in id_documents(services, staff, player_id) if d.valid), None)


def id_document_image(services, staff: StaffMember, document_id: int) -> tuple[str, bytes] | None:
    """(MIME type, bytes) of a document's image; the view is audited."""
    return services.ledger.id_document_image(session=_token(staff), document_id=document_id)
