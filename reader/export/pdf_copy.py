"""Annotated copy of a PDF: the original file, byte for byte, plus an incremental update.

Every page, font and content stream stays as it was; the update adds a ``/Highlight``
annotation (QuadPoints over the exact words, one quad per printed line; the note as
``/Contents`` with a ``/Popup``; author, dates, an appearance stream) for each user
highlight, and the entity index, when asked for, as new pages after the last one.

The words are found on the original pages through pdfium (its one owner,
:mod:`reader.core.pdfium`): each annotation's text range gives its page(s) by
``Document.page_starts``; its quote is matched in that page's pdfium text with whitespace
(and, failing that, everything but letters and digits: hyphens at line ends, soft hyphens)
ignored, nearest to where the offsets put it. A document that carries a map of character
boxes (``char_boxes``) is asked first.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from reader.core import pdfium
from reader.core.annotations import Annotation
from reader.core.document import Document
from reader.core.errors import ExportError
from reader.export import pdf_increment
from reader.export.common import (
    atomic_output,
    check_cancel,
    index_entries,
    index_line,
    report,
    usable_annotations,
)
from reader.export.pdf_annots import Box, Quad, line_quads, match, read_page
from reader.export.request import ExportRequest

log = logging.getLogger(__name__)

Placed = list[tuple[Annotation, dict[int, list[Quad]]]]  # each annotation's quads by page


class CharBoxes(Protocol):
    """A document's map from text offsets to character boxes on its pages, if it has one:
    ``boxes(start, end)`` gives ``(page_index, (left, bottom, right, top))`` per character
    of ``text[start:end]`` that is drawn on a page (in PDF points)."""

    def boxes(self, start: int, end: int) -> Sequence[tuple[int, Box]]: ...


def write(request: ExportRequest) -> Path:
    """Write the original PDF of ``request.document`` plus its annotations to
    ``request.out_path`` (an incremental update: the original bytes are a prefix)."""
    document, cancel, progress = request.document, request.cancel, request.progress
    data = _source_bytes(request)
    anns = usable_annotations(document, request.annotations)
    total = len(anns) + 2
    report(progress, 0, total)
    pages, placed = _locate(data, request.password, document, anns, request, total)
    if anns and not placed:
        raise ExportError(
            f"None of the {len(anns)} highlights was found on the pages of "
            f"{request.source_path}: is it still the file that was opened?"
        )
    check_cancel(cancel)
    index = _index_pages(request, pages) if request.entities else None
    check_cancel(cancel)
    copy = pdf_increment.update(
        data, placed, author=request.author, password=request.password, append=index
    )
    report(progress, total - 1, total)
    check_cancel(cancel)
    out = request.out_path
    with atomic_output(out) as tmp:
        tmp.write_bytes(copy)
    report(progress, total, total)
    log.info("exported %s: %s + %d bytes, %d annotations", out, request.source_path,
             len(copy) - len(data), len(placed))  # fmt: skip
    return out


def preload() -> None:
    """The copy itself uses no Qt; its entity index pages are typeset with Qt."""
    from reader.export import pdf

    pdf.preload()


def _source_bytes(request: ExportRequest) -> bytes:
    """The original file's bytes, refused if they are not those that were opened."""
    source = request.source_path
    if source is None:
        raise ExportError("This PDF has no file to copy (it was not opened from a file)")
    try:
        data = source.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"Cannot read the original PDF {source}: {reason}") from None
    if request.source_sha256 and hashlib.sha256(data).hexdigest() != request.source_sha256:
        raise ExportError(
            f"{source} changed since it was opened; open it again before exporting, so that "
            "the highlights land on the words they mark"
        )
    return data


def _locate(
    data: bytes,
    password: str | None,
    document: Document,
    anns: Sequence[Annotation],
    request: ExportRequest,
    total: int,
) -> tuple[int, Placed]:
    """The number of pages and each annotation's quads, found through the pdfium owner."""
    boxes: CharBoxes | None = getattr(document, "char_boxes", None)
    owner, error = pdfium.service(), pdfium.error_type()
    try:
        handle = owner.open(data, password=password)
    except error as exc:
        raise _open_error(request.source_path, password, exc) from None
    with handle:
        pages = handle.page_count
        if document.page_starts and len(document.page_starts) != pages:
            raise ExportError(
                f"{request.source_path} has {pages} pages, but {len(document.page_starts)} "
                "when it was opened; open it again before exporting"
            )
        placed: Placed = []
        cache: dict[int, Any] = {}
        try:
            for n, ann in enumerate(anns):
                check_cancel(request.cancel)
                quads = _from_map(boxes, ann) if boxes is not None else None
                if not quads:
                    find = functools.partial(_find_quads, document=document, ann=ann, cache=cache)
                    try:
                        quads = handle.run(find)
                    except error as exc:  # a damaged page: the others still get theirs
                        log.warning("annotation %s: its page cannot be read (%s)", ann.id, exc)
                if quads:
                    placed.append((ann, quads))
                else:
                    log.warning("annotation %s: its words were not found on its page", ann.id)
                report(request.progress, n + 1, total)
        finally:
            handle.run(lambda _pdf: _close_pages(cache))
    return pages, placed


def _open_error(source: Path | None, password: str | None, exc: Exception) -> ExportError:
    message = str(exc)
    if "password" in message.lower() or "security" in message.lower():
        if password:
            return ExportError(f"The password does not open {source}")
        return ExportError(f"{source} is encrypted: give its password to export a copy")
    return ExportError(f"Cannot read the original PDF {source}: {message.splitlines()[0]}")


def _from_map(boxes: CharBoxes, ann: Annotation) -> dict[int, list[Quad]]:
    by_page: dict[int, list[Quad]] = {}
    for page, box in boxes.boxes(ann.start, ann.end):
        by_page.setdefault(page, []).append(box)
    return {page: line_quads(found) for page, found in by_page.items()}


def _find_quads(
    pdf: Any, document: Document, ann: Annotation, cache: dict[int, Any]
) -> dict[int, list[Quad]]:
    """On the pdfium thread: the annotation's quads on each page it covers."""
    starts = document.page_starts or (0,)
    text = document.text
    first = max(bisect.bisect_right(starts, ann.start) - 1, 0)
    last = max(bisect.bisect_right(starts, max(ann.end - 1, ann.start)) - 1, 0)
    quads: dict[int, list[Quad]] = {}
    for page in range(first, min(last, len(pdf) - 1) + 1):
        page_start = starts[page]
        page_end = starts[page + 1] if page + 1 < len(starts) else len(text)
        lo, hi = max(ann.start, page_start), min(ann.end, page_end)
        want = "".join(text[lo:hi].split())
        if not want:
            continue
        chars = cache.get(page)
        if chars is None:
            chars = cache[page] = read_page(pdf, page)
        expected = len("".join(text[page_start:lo].split()))
        found = match(chars, want, expected)
        if found is not None:
            quads[page] = line_quads([chars.box(i) for i in range(*found)])
    return quads


def _close_pages(cache: dict[int, Any]) -> None:
    for chars in cache.values():
        chars.textpage.close()
    cache.clear()


def _index_pages(request: ExportRequest, pages: int) -> bytes:
    """The entity index typeset (Qt) as a small PDF whose pages follow the original's."""
    from reader.export.pdf import index_pdf

    starts = request.document.page_starts or (0,)

    def page_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)  # 1-based

    assert request.entities is not None
    wording = request.wording
    lines = [
        index_line(e, wording)
        for e in index_entries(request.entities, page_of, dates=request.index_dates)
    ]
    return index_pdf(lines, wording.title, first_page=pages + 1, author=request.author)
