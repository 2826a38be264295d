"""A player's identification documents on file (`cage.add_id_document`, migration 0016).

The database decides what protects the record: the staff session and right, the expiry
(an expired document is refused), the image's size and kind (read from its own bytes), and
that no login reads the documents but through a staff session (every image view audited).
When a posting or an exchange crosses the identification threshold without a typed
document, `cage._post` / `cage.exchange` take the valid one on file themselves.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import in_transaction

MAX_IMAGE_BYTES = 2 * 1024 * 1024  # the table's CHECK and cage.add_id_document's limit


@dataclass(frozen=True, slots=True)
class IdDocument:
    """One document on file, without its image (`has_image` says whether there is one)."""

    id: int
    doc_type: str
    doc_number: str
    expires_on: date
    valid: bool
    has_image: bool
    captured_by: str
    captured_at: datetime

    @property
    def masked_number(self) -> str:
        """The number as a receipt or a list shows it: the last four characters."""
        tail = self.doc_number[-4:]
        return "•" * max(len(self.doc_number) - 4, 0) + tail


def add_document(engine: Engine, *, session: uuid.UUID, player_id: str, doc_type: str, doc_number: str,
                 expires_on: date, image: bytes | None = None) -> int:
    """Put a document on file (the same document again answers with the first's id)."""
    return in_transaction(engine, lambda conn: conn.execute(
        text("SELECT cage.add_id_document(:s, :p, :t, :n, :e, :i)"),
        {"s": session, "p": player_id, "t": doc_type, "n": doc_number, "e": expires_on,
         "i": image}).scalar_one())


def documents_of(engine: Engine, *, session: uuid.UUID, player_id: str) -> list[IdDocument]:
    """The player's documents, the one that expires last first."""
    rows = in_transaction(engine, lambda conn: conn.execute(text(
        "SELECT id, doc_type, doc_number, expires_on, valid, has_image, captured_by, captured_at "
        "FROM cage.id_documents_of(:s, :p)"), {"s": session, "p": player_id}).all())
    return [IdDocument(*r) for r in rows]


def document_image(engine: Engine, *, session: uuid.UUID, document_id: int) -> tuple[str, bytes] | None:
    """(MIME type, bytes) of a document's image, or None if it has none; the view is audited."""
    row = in_transaction(engine, lambda conn: conn.execute(
        text("SELECT image_type, image FROM cage.id_document_image(:s, :d)"),
        {"s": session, "d": document_id}).first())
    return None if row is None else (row.image_type, bytes(row.image))
