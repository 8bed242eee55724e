"""PDF: the pages' text in reading order with every character's page and box.

Wrapped lines are joined into paragraphs, running headers and footers left out
(:mod:`reader.core.pdf_text`); ``Document.page_map`` keeps where each character lies
(:mod:`reader.core.pdf_map`), ``page_starts`` where each page's text begins. A page pdfium
cannot read is left blank and listed in ``page_map.failed``; a page with only an image (a
scan) in ``page_map.scanned``, unless its recognised text is in the cache (see
:mod:`reader.core.pdf_ocr`). pdfium is not thread-safe: every call goes through its one
owner (:mod:`reader.core.pdfium`), a page at a time at background priority, so that a page
the user is waiting for is rendered between two pages of a long extraction; a long file is
read by worker processes instead (:mod:`reader.core.pdf_workers`), each with its own pdfium.

An encrypted file without its password (or with a wrong one) raises
:class:`PasswordRequiredError`: ask the user and call ``load(path, password=...)`` again.
"""

import functools
import logging
import mmap
from pathlib import Path
from typing import Any

from reader.core import pdfium
from reader.core.document import Document, paragraph_blocks
from reader.core.errors import QT_TRANSLATE_NOOP, Message, PasswordRequiredError
from reader.core.loaders.base import (
    LoadContext,
    corrupt,
    default_title,
    display_name,
    in_file,
    looks_like,
)
from reader.core.pdf_extract import outline, page_geometry, raw_page
from reader.core.pdf_map import PageMap
from reader.core.pdf_text import RawPage, assemble
from reader.core.pdf_workers import read_pages, worker_count

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF"
_HEAD = 1024  # readers accept %PDF anywhere in the first kilobyte
_DAMAGED = QT_TRANSLATE_NOOP("ReaderError", "is a damaged PDF ({reason})")
_NO_PAGES = QT_TRANSLATE_NOOP("ReaderError", "none of its pages can be read")
_UNREADABLE = QT_TRANSLATE_NOOP("ReaderError", "pdfium could not read it")

# pdfium's error codes (FPDF_GetLastError) in words a person can act on.
_REASONS = {
    1: QT_TRANSLATE_NOOP("ReaderError", "pdfium failed for an unknown reason"),
    2: QT_TRANSLATE_NOOP("ReaderError", "the file could not be read"),
    3: QT_TRANSLATE_NOOP("ReaderError", "it is not a PDF or it is damaged"),
    4: QT_TRANSLATE_NOOP("ReaderError", "it needs a password"),
    5: QT_TRANSLATE_NOOP("ReaderError", "it uses a security scheme Oqyrman does not support"),
    6: QT_TRANSLATE_NOOP("ReaderError", "a page is damaged"),
}


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a .pdf file (``ctx.password`` opens an encrypted one)."""
    _check_bytes(path, head)
    owner = pdfium.service()
    error = pdfium.error_type()
    password = ctx.password
    try:
        pdf = owner.open(path, password=password, priority=pdfium.BACKGROUND)
    except error as exc:
        raise _open_error(path, exc, password) from None
    with pdf:
        raws, failed, scanned = _read(path, password, pdf, ctx, error)
        try:
            title = pdf.run(_title, priority=pdfium.BACKGROUND)
            toc = pdf.run(outline, priority=pdfium.BACKGROUND)
        except error:
            title, toc = "", ()
        if failed and len(failed) == len(raws):
            raise corrupt(path, _DAMAGED, reason=Message(_NO_PAGES))
        geometry = {i: _geometry(pdf, i, error) for i in failed}
    return build_document(path, raws, failed, scanned, title, toc, geometry)


def build_document(
    path: Path,
    raws: list[RawPage | None],
    failed: list[int],
    scanned: list[int],
    title: str,
    toc: tuple[tuple[int, str, int], ...] = (),
    geometry: dict[int, tuple[Any, int]] | None = None,
    sources: list[str] | None = None,
) -> Document:
    """A document of these pages (``None`` for a page that failed)."""
    text, pages = assemble(raws, sources)
    for index, (box, rotation) in (geometry or {}).items():
        p = pages[index]
        pages[index] = type(p)(p.start, p.end, box, rotation, p.chars, p.boxes, p.source)
    if failed:
        log.warning("%s: pages %s could not be read", display_name(path), _ranges(failed))
    page_map = PageMap(tuple(pages), tuple(failed), tuple(scanned), toc)
    return Document.create(
        text,
        title=title or default_title(path),
        format="pdf",
        blocks=paragraph_blocks(text),
        page_starts=[p.start for p in pages],
        path=str(path),
        page_map=page_map,
    )


def _ranges(pages: list[int]) -> str:
    """1-based page numbers as a person writes them: ``3, 7-9``."""
    out: list[str] = []
    for p in sorted(pages):
        if out and out[-1].split("-")[-1] == str(p):
            head = out[-1].split("-")[0]
            out[-1] = f"{head}-{p + 1}"
        else:
            out.append(str(p + 1))
    return ", ".join(out)


def failed_pages_message(page_map: PageMap) -> str:
    """ "Pages 3, 7-9 could not be read" for the window's status, or ""."""
    if not page_map.failed:
        return ""
    word = "Page" if len(page_map.failed) == 1 else "Pages"
    return f"{word} {_ranges(list(page_map.failed))} could not be read and are shown blank"


def _check_bytes(path: Path, head: bytes) -> None:
    if not head:
        raise corrupt(path, QT_TRANSLATE_NOOP("ReaderError", "is empty, not a PDF file"))
    if PDF_MAGIC not in head[:_HEAD]:
        detail = looks_like(
            head, QT_TRANSLATE_NOOP("ReaderError", " (it does not start with %PDF)")
        )
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is not a PDF file{detail}"), detail=detail
        )
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        # Anywhere after the header: some writers append kilobytes of padding or junk.
        if data.rfind(b"%%EOF") < 0:
            raise corrupt(
                path,
                QT_TRANSLATE_NOOP(
                    "ReaderError", "is a truncated PDF (its end-of-file marker is missing)"
                ),
            )


def _open_error(path: Path, exc: Exception, password: str | None) -> Exception:
    code = getattr(exc, "err_code", None)
    message = str(exc).lower()
    if code == 4 or "password" in message:
        wrong = QT_TRANSLATE_NOOP("ReaderError", "the password is not right")
        needed = QT_TRANSLATE_NOOP("ReaderError", "is protected by a password")
        return PasswordRequiredError(in_file(path, Message(wrong if password else needed)))
    if code == 5 or "security" in message:
        return corrupt(
            path,
            QT_TRANSLATE_NOOP(
                "ReaderError", "is encrypted with a security scheme Oqyrman cannot open"
            ),
        )
    reason = _REASONS.get(code or 0, "") if isinstance(code, int) else ""
    return corrupt(path, _DAMAGED, reason=Message(reason or _UNREADABLE))


def _pages(
    pdf: pdfium.PdfHandle, ctx: LoadContext, error: type[Exception]
) -> tuple[list[RawPage | None], list[int], list[int]]:
    raws: list[RawPage | None] = []
    failed: list[int] = []
    scanned: list[int] = []
    total = pdf.page_count
    for index in range(total):
        ctx.check()
        try:
            raw = pdf.run(functools.partial(raw_page, index=index), priority=pdfium.BACKGROUND)
        except error as exc:
            log.info("page %d: %s", index + 1, exc)
            raws.append(None)
            failed.append(index)
        else:
            raws.append(raw)
            if _is_scan(raw):
                scanned.append(index)
        ctx.progress(index + 1, total)
    return raws, failed, scanned


def _read(
    path: Path,
    password: str | None,
    pdf: pdfium.PdfHandle,
    ctx: LoadContext,
    error: type[Exception],
) -> tuple[list[RawPage | None], list[int], list[int]]:
    """Every page, read by worker processes for a long file, else on the pdfium thread."""
    workers = worker_count(pdf.page_count)
    if workers:
        try:
            raws = read_pages(
                str(path), password, pdf.page_count, workers, ctx.progress, ctx.cancel.is_set
            )
        except OSError as exc:
            log.info("PDF workers failed (%s): reading in this process", exc)
        else:
            failed = [i for i, raw in enumerate(raws) if raw is None]
            scanned = [i for i, raw in enumerate(raws) if raw is not None and _is_scan(raw)]
            return raws, failed, scanned
    return _pages(pdf, ctx, error)


def _is_scan(raw: RawPage) -> bool:
    return raw.has_images and not raw.text.strip()


def _geometry(pdf: pdfium.PdfHandle, index: int, error: type[Exception]) -> tuple[Any, int]:
    try:
        return pdf.run(functools.partial(page_geometry, index=index))
    except error:
        return (0.0, 0.0, 595.0, 842.0), 0


def _title(pdf: Any) -> str:
    try:
        title = pdf.get_metadata_value("Title")
    except (KeyError, ValueError):
        return ""
    return " ".join(str(title or "").split())
