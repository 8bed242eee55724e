"""``oqyrman export FILE -o OUT.pdf|OUT.docx [--annotations A.json] [--entities [--index-dates]]``.

The format comes from OUT's suffix. Annotations come from ``--annotations`` (W3C Web
Annotation JSON) or, without it, from the store in the data folder. Errors are one line
on stderr: 2 for an output name we cannot write (a usage error), 1 for everything else.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.core.annotations import Annotation
from reader.core.document import Document
from reader.core.errors import ExportError, ReaderError
from reader.export import ExportRequest, check_suffix, export_copy

if TYPE_CHECKING:  # the ner package loads the recogniser; only its types are needed
    from reader.core.ner.entities import Entity

log = logging.getLogger(__name__)

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def run_export(args: argparse.Namespace, document: Document, out: Callable[[str], None]) -> int:
    """Handle the ``export`` command; ``out`` writes to stdout (we only report on stderr)."""
    try:
        fmt = check_suffix(args.output)
    except ExportError as exc:
        print(f"oqyrman: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        annotations = _annotations(args, document)
        entities = _entities(document) if args.entities else None
        request = ExportRequest(
            document, annotations, args.output, entities=entities,
            index_dates=getattr(args, "index_dates", False),
            author=_author(args.data_dir), password=getattr(args, "password", None),
        )  # fmt: skip
        path = export_copy(request)
    except ReaderError as exc:
        print(f"oqyrman: {exc}", file=sys.stderr)
        return EXIT_INPUT
    notes = sum(1 for a in annotations if a.note.strip())
    parts = [fmt, _count(len(annotations), "highlight"), _count(notes, "note")]
    if entities is not None:
        parts.append(_count(len(entities), "entity", "entities") + " indexed")
    print(f"Wrote {path} ({', '.join(parts)})", file=sys.stderr)
    return EXIT_OK


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 note``, ``2 notes`` (English plural forms for the command line's reports)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _author(data_dir: str | None) -> str:
    """Preferences' author (shared with the GUI), else the user's full name from the system."""
    from reader.core.paths import resolve
    from reader.core.preferences_schema import author_of, load_preferences

    return author_of(load_preferences(resolve(data_dir).preferences))


def _annotations(args: argparse.Namespace, document: Document) -> list[Annotation]:
    if args.annotations:
        return _from_json(args.annotations, document)
    return _from_store(args.data_dir, document)


def _from_json(path: str, document: Document) -> list[Annotation]:
    """Annotations from a Web Annotation file, anchored to ``document`` by their quotes."""
    from reader.export import webanno

    found = webanno.anchor(document, webanno.read(path))
    _report_orphans(len(found.orphaned), f"of {path} are not in this text")
    return list(found.attached)


def _from_store(data_dir: str | None, document: Document) -> list[Annotation]:
    """The document's annotations from the store (re-attached to this text if it changed)."""
    from reader.core.annotations import AnnotationRepository
    from reader.core.paths import resolve
    from reader.core.store import Store

    paths = resolve(data_dir)
    if not paths.database.exists():
        return []
    with Store(paths.database) as store:
        found = AnnotationRepository(store).for_document(document)
    _report_orphans(len(found.orphaned), "no longer match the text")
    return list(found.attached)


def _report_orphans(count: int, why: str) -> None:
    if count:
        print(
            f"oqyrman: {_count(count, 'annotation')} {why} and "
            f"{'is' if count == 1 else 'are'} left out of the copy",
            file=sys.stderr,
        )


def _entities(document: Document) -> list[Entity]:
    from reader.core import ner

    return list(ner.analyse(document.text))
