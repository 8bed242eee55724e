"""PDF: the text of each page through pypdfium2, page breaks kept as ``page_starts``.

Each text line pdfium reports becomes a paragraph. The title is the document's metadata
title, else the file name. pdfium is not thread-safe, so one lock serialises its use.
"""

import re
import threading
from pathlib import Path
from typing import Any

from reader.core.document import Document, TextBuilder
from reader.core.errors import QT_TRANSLATE_NOOP
from reader.core.loaders.base import LoadContext, corrupt, default_title, looks_like

PDF_MAGIC = b"%PDF"
_TAIL = 2048  # %%EOF must sit near the end; when it does not, the file was cut short
_PDFIUM_LOCK = threading.Lock()
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


_DAMAGED = QT_TRANSLATE_NOOP("ReaderError", "is a damaged PDF ({reason})")


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a .pdf file."""
    _check_bytes(path, head)
    import pypdfium2

    with _PDFIUM_LOCK:
        try:
            pdf = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError as exc:
            raise _open_error(path, exc) from None
        try:
            builder = _pages(pdf, ctx)
            title = _title(pdf)
        except pypdfium2.PdfiumError as exc:
            raise corrupt(path, _DAMAGED, reason=str(exc)) from None
        finally:
            pdf.close()
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


def _pages(pdf: Any, ctx: LoadContext) -> TextBuilder:
    builder = TextBuilder()
    total = len(pdf)
    for index in range(total):
        ctx.check()
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
        finally:
            page.close()
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
