"""PDF: the text of each page through pypdfium2, page breaks kept as ``page_starts``.

Each text line pdfium reports becomes a paragraph. The title is the document's metadata
title, else the file name. pdfium is not thread-safe: every call goes through its one owner
(:mod:`reader.core.pdfium`), a page at a time at background priority, so that a page the
user is waiting for is rendered between two pages of a long extraction.
"""

import functools
import re
from pathlib import Path
from typing import Any

from reader.core import pdfium
from reader.core.document import Document, TextBuilder
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title, looks_like

PDF_MAGIC = b"%PDF"
_TAIL = 2048  # %%EOF must sit near the end; when it does not, the file was cut short
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


_DAMAGED = QT_TRANSLATE_NOOP("ReaderError", "is a damaged PDF ({reason})")


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a .pdf file."""
    _check_bytes(path, head)
    owner = pdfium.service()
    error = pdfium.error_type()
    try:
        pdf = owner.open(path, priority=pdfium.BACKGROUND)
    except error as exc:
        raise _open_error(path, exc) from None
    with pdf:
        try:
            builder = _pages(pdf, ctx)
            title = pdf.run(_title, priority=pdfium.BACKGROUND)
        except error as exc:
            raise corrupt(path, _DAMAGED, reason=str(exc)) from None
    return Document.create(
        builder.text(),
        title=title or default_title(path),
        format="pdf",
        blocks=builder.blocks,
        page_starts=builder.page_starts,
        path=str(path),
    )


def _check_bytes(path: Path, head: bytes) -> None:
    if not head:
        raise corrupt(path, QT_TRANSLATE_NOOP("ReaderError", "is empty, not a PDF file"))
    if not head.startswith(PDF_MAGIC):
        detail = looks_like(
            head, QT_TRANSLATE_NOOP("ReaderError", " (it does not start with %PDF)")
        )
        raise corrupt(
            path, QT_TRANSLATE_NOOP("ReaderError", "is not a PDF file{detail}"), detail=detail
        )
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - _TAIL))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise corrupt(
            path,
            QT_TRANSLATE_NOOP(
                "ReaderError", "is a truncated PDF (its end-of-file marker is missing)"
            ),
        )


def _open_error(path: Path, exc: Exception) -> Exception:
    message = str(exc)
    if "password" in message.lower() or "security" in message.lower():
        return corrupt(
            path,
            QT_TRANSLATE_NOOP(
                "ReaderError", "is an encrypted PDF; Oqyrman cannot open password-protected files"
            ),
        )
    reason = message.splitlines()[0] if message else "unreadable"
    return corrupt(path, _DAMAGED, reason=reason)


def _page_text(pdf: Any, index: int) -> str:
    """On the pdfium thread: the text of page ``index``."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


def _pages(pdf: pdfium.PdfHandle, ctx: LoadContext) -> TextBuilder:
    builder = TextBuilder()
    total = pdf.page_count
    for index in range(total):
        ctx.check()
        text = pdf.run(functools.partial(_page_text, index=index), priority=pdfium.BACKGROUND)
        builder.new_page()
        lines = _CONTROL_CHARS.sub("", text.replace("\r\n", "\n")).split("\n")
        for line in lines or [""]:
            builder.add(line.rstrip())
        ctx.progress(index + 1, total)
    return builder


def _title(pdf: Any) -> str:
    try:
        title = pdf.get_metadata_value("Title")
    except (KeyError, ValueError):
        return ""
    return " ".join(str(title or "").split())
