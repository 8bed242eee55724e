"""User annotations (highlights with optional notes), anchored so they survive edits.

Each annotation records the sha256 of the text it was made on, a TextQuoteSelector
(exact, prefix, suffix) and a TextPositionSelector (start, end) as in the W3C Web
Annotation Data Model. Offsets are Python str indices, end-exclusive.

:class:`AnnotationRepository` keeps them in the one SQLite store; the operations at the
end (:class:`AddAnnotation`, :class:`DeleteAnnotation`, :class:`EditAnnotation`) are the
GUI's undoable commands without Qt.
"""

import dataclasses
import logging
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from reader.core.anchoring import Quote, locate, quote_at
from reader.core.document import Document, sha256_text
from reader.core.store import Store

log = logging.getLogger(__name__)

#: Highlight colours offered in the GUI (name -> hex); shortcuts 1..5 follow this order.
COLORS: dict[str, str] = {
    "yellow": "#ffe14d",
    "green": "#8fe08f",
    "blue": "#8cc8ff",
    "pink": "#ff9ccf",
    "orange": "#ffb35c",
}


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    color: str = "yellow"
    note: str = ""
    doc_sha256: str = ""
    created: float = 0.0
    modified: float = 0.0

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative annotation range [{self.start}, {self.end})")


def new_annotation(
    text: str,
    start: int,
    end: int,
    *,
    color: str = "yellow",
    note: str = "",
    doc_sha256: str = "",
    ann_id: str | None = None,
) -> Annotation:
    """A fresh annotation over ``text[start:end]`` with its quote and a new id."""
    if color not in COLORS:
        raise ValueError(f"unknown highlight colour {color!r}")
    quote = quote_at(text, start, end)
    now = time.time()
    return Annotation(
        id=ann_id or _new_id(),
        start=start,
        end=end,
        exact=quote.exact,
        prefix=quote.prefix,
        suffix=quote.suffix,
        color=color,
        note=note,
        doc_sha256=doc_sha256 or sha256_text(text),
        created=now,
        modified=now,
    )


def reanchor(text: str, ann: Annotation, sha256: str | None = None) -> Annotation | None:
    """``ann`` moved onto ``text`` by its quote (position as a hint), or None if orphaned.

    ``sha256`` is the text's, if the caller has it (hashing a long text per call is slow).
    """
    match = locate(text, Quote(ann.exact, ann.prefix, ann.suffix), hint=ann.start)
    if match is None:
        return None
    quote = quote_at(text, match.start, match.end)
    return dataclasses.replace(
        ann,
        start=match.start,
        end=match.end,
        exact=quote.exact,
        prefix=quote.prefix,
        suffix=quote.suffix,
        doc_sha256=sha256 or sha256_text(text),
    )


@dataclass(frozen=True, slots=True)
class DocumentAnnotations:
    """A document's annotations: those anchored to its text (in text order) and the orphans."""

    attached: tuple[Annotation, ...] = ()
    orphaned: tuple[Annotation, ...] = ()


def in_text_order(annotations: Iterable[Annotation]) -> tuple[Annotation, ...]:
    return tuple(sorted(annotations, key=lambda a: (a.start, a.end, a.created, a.id)))


_COLUMNS = 'id, doc_sha256, start, "end", exact, prefix, suffix, color, note, created, modified'


def _from_row(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=row["id"],
        start=row["start"],
        end=row["end"],
        exact=row["exact"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        color=row["color"],
        note=row["note"],
        doc_sha256=row["doc_sha256"],
        created=row["created"],
        modified=row["modified"],
    )


class AnnotationRepository:
    """Annotations in the store. Every call is one committed transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, ann: Annotation, doc_path: str | None = None) -> None:
        """Insert ``ann`` or replace the one with its id (a None path keeps the stored one)."""
        with self.store.transaction() as con:
            _upsert(con, ann, doc_path)

    def save_many(self, anns: Iterable[Annotation], doc_path: str | None = None) -> None:
        """Insert or replace several annotations in one transaction."""
        with self.store.transaction() as con:
            for ann in anns:
                _upsert(con, ann, doc_path)

    def delete(self, ann_id: str) -> None:
        with self.store.transaction() as con:
            con.execute("DELETE FROM annotations WHERE id = ?", (ann_id,))

    def get(self, ann_id: str) -> Annotation | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (ann_id,))
        return _from_row(rows[0]) if rows else None

    def count(self) -> int:
        return int(self.store.query("SELECT count(*) FROM annotations")[0][0])

    def for_document(self, document: Document, *, reattach: bool = True) -> DocumentAnnotations:
        """The annotations of ``document``, found by its sha256 and by its path.

        Annotations made on another version of the text are re-attached by quote; those
        that moved are stored against the new text in one transaction, those that cannot
        be found are returned as orphaned and left in the database untouched. With
        ``reattach=False`` (a refresh right after a full load) they are orphaned at once.
        """
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM annotations WHERE doc_sha256 = ? OR doc_path = ?",
            (document.sha256, normal_path(document.path)),
        )
        attached: list[Annotation] = []
        moved: list[Annotation] = []
        orphaned: list[Annotation] = []
        for ann in map(_from_row, rows):
            if ann.doc_sha256 == document.sha256 and _fits(document.text, ann):
                attached.append(ann)
                continue
            again = reanchor(document.text, ann, document.sha256) if reattach else None
            if again is None:
                orphaned.append(ann)
            else:
                moved.append(again)
        if moved:
            self.save_many(moved, document.path)
            log.info("%d annotations re-attached to %s", len(moved), document.path)
        if orphaned:
            log.info("%d annotations orphaned in %s", len(orphaned), document.path)
        return DocumentAnnotations(in_text_order(attached + moved), in_text_order(orphaned))


def normal_path(path: str | None) -> str | None:
    """Paths are stored absolute, so the CLI (relative paths) and the GUI agree."""
    return os.path.abspath(path) if path else None


def _fits(text: str, ann: Annotation) -> bool:
    return text[ann.start : ann.end] == ann.exact


def _upsert(con: sqlite3.Connection, ann: Annotation, doc_path: str | None) -> None:
    con.execute(
        'INSERT INTO annotations(id, doc_sha256, doc_path, start, "end", exact, prefix, suffix, '
        "color, note, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET doc_sha256=excluded.doc_sha256, "
        "doc_path=coalesce(excluded.doc_path, doc_path), start=excluded.start, "
        '"end"=excluded."end", exact=excluded.exact, prefix=excluded.prefix, '
        "suffix=excluded.suffix, color=excluded.color, note=excluded.note, "
        "created=excluded.created, modified=excluded.modified",
        (
            ann.id,
            ann.doc_sha256,
            normal_path(doc_path),
            ann.start,
            ann.end,
            ann.exact,
            ann.prefix,
            ann.suffix,
            ann.color,
            ann.note,
            ann.created,
            ann.modified,
        ),
    )


# -- undoable operations --------------------------------------------------------------------
class Operation(Protocol):
    """A change the user can undo: ``apply`` then ``revert`` leaves the store as before."""

    def apply(self, repo: AnnotationRepository) -> None: ...

    def revert(self, repo: AnnotationRepository) -> None: ...


@dataclass(frozen=True, slots=True)
class AddAnnotation:
    annotation: Annotation
    doc_path: str | None = None

    def apply(self, repo: AnnotationRepository) -> None:
        repo.save(self.annotation, self.doc_path)

    def revert(self, repo: AnnotationRepository) -> None:
        repo.delete(self.annotation.id)


@dataclass(frozen=True, slots=True)
class DeleteAnnotation:
    annotation: Annotation
    doc_path: str | None = None

    def apply(self, repo: AnnotationRepository) -> None:
        repo.delete(self.annotation.id)

    def revert(self, repo: AnnotationRepository) -> None:
        repo.save(self.annotation, self.doc_path)


@dataclass(frozen=True, slots=True)
class EditAnnotation:
    """Change colour or note: ``after`` replaces ``before`` (same id)."""

    before: Annotation
    after: Annotation

    def __post_init__(self) -> None:
        if self.before.id != self.after.id:
            raise ValueError("an edit keeps the annotation's id")

    def apply(self, repo: AnnotationRepository) -> None:
        repo.save(self.after)

    def revert(self, repo: AnnotationRepository) -> None:
        repo.save(self.before)


def edited(ann: Annotation, *, color: str | None = None, note: str | None = None) -> Annotation:
    """``ann`` with a new colour and/or note and a fresh ``modified`` time."""
    if color is not None and color not in COLORS:
        raise ValueError(f"unknown highlight colour {color!r}")
    return dataclasses.replace(
        ann,
        color=ann.color if color is None else color,
        note=ann.note if note is None else note,
        modified=time.time(),
    )


def _new_id() -> str:
    import uuid  # only when annotating: uuid imports platform, 10 ms of start-up

    return str(uuid.uuid4())
