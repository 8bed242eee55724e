"""Annotated PDF copies: laid out with QtGui (QTextDocument + QPdfWriter, no QtWidgets),
then real /Highlight annotations added over the exact glyphs.

Qt paginates the text and writes selectable text in the bundled Noto Sans (embedded).
Qt's layout tells on which page every character landed; pypdfium2 then reads the glyph
boxes of each quote back from the written PDF, and pypdf appends the annotations
(QuadPoints per line, colour, note as /Contents with a popup).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from reader.core.document import Block, Document
from reader.export.common import (
    atomic_output,
    check_cancel,
    index_entries,
    index_line,
    report,
    usable_annotations,
)
from reader.export.request import ExportRequest

log = logging.getLogger(__name__)

RESOLUTION = 300  # dpi of the layout; text stays vector, this only sets layout precision
MARGIN_MM = 20.0
BODY_PT = 11.0
HEADING_PT = {1: 20.0, 2: 16.0, 3: 14.0, 4: 12.5, 5: 11.5, 6: 11.0}

_app: object | None = None  # the QGuiApplication we created, kept alive for later exports


def export_pdf(request: ExportRequest) -> Path:
    """Write ``request.document`` typeset anew as an A4 PDF, its annotations as real
    highlight annotations.

    ``request.entities`` adds an index (entity, label, mention count, pages) on new pages at
    the end. ``progress(done, total)`` is called as pages are written; setting ``cancel``
    stops the export with :class:`CancelledError`. The file appears only when complete.
    """
    from reader.export.pdf_layout import Layout  # imports Qt

    ensure_app()
    document, cancel, progress = request.document, request.cancel, request.progress
    anns = usable_annotations(document, request.annotations)
    check_cancel(cancel)
    layout = Layout(
        document, font_family(), body_pt=BODY_PT, heading_pt=HEADING_PT, margin_mm=MARGIN_MM,
        resolution=RESOLUTION, title=document.title, author=request.author,
    )  # fmt: skip
    if request.entities:
        wording = request.wording
        entries = index_entries(request.entities, layout.page_of, dates=request.index_dates)
        lines = [index_line(e, wording) for e in entries]
        layout.add_index(wording.title, lines)
    data = layout.render(progress=progress, cancel=cancel, steps_after=1 if anns else 0)
    if anns:
        check_cancel(cancel)
        from reader.export import pdf_annots  # pypdf and pdfium load only when needed

        data = pdf_annots.add_highlights(
            data, document, anns, layout, author=request.author, cancel=cancel
        )
        report(progress, layout.page_count + 1, layout.page_count + 1)
    check_cancel(cancel)
    out = request.out_path
    with atomic_output(out) as tmp:
        tmp.write_bytes(data)
    log.info("exported %s (%d pages, %d annotations)", out, layout.page_count, len(anns))
    return out


write = export_pdf  # the registry's entry point (reader.export.WRITERS)


def index_pdf(lines: Sequence[str], title: str, *, first_page: int, author: str) -> bytes:
    """A small PDF of the entity index alone (``title``, then one paragraph per line), its
    pages numbered from ``first_page``: appended to a PDF copied as it is."""
    from reader.export.pdf_layout import Layout  # imports Qt

    ensure_app()
    text = "\n".join([title, *lines])
    blocks, at = [Block(0, len(title), "heading", 1)], len(title) + 1
    for line in lines:
        blocks.append(Block(at, at + len(line)))
        at += len(line) + 1
    document = Document.create(text, title=title, format="text", blocks=blocks)
    layout = Layout(
        document, font_family(), body_pt=BODY_PT, heading_pt=HEADING_PT, margin_mm=MARGIN_MM,
        resolution=RESOLUTION, title=title, author=author, first_page_number=first_page,
    )  # fmt: skip
    return layout.render()


def preload() -> None:
    """Make, on the calling (GUI) thread, the Qt types a background PDF export uses.

    PySide creates the Python wrapper of a Qt class or enum when it is first used, which is
    not thread-safe: a worker doing it while the GUI thread makes its widgets' types crashed
    the process (in ``QPageLayout``; importing ``pdf_layout``). Importing the layout module
    resolves every class it imports; :func:`reader.export.pdf_layout.preload_types` reaches
    the nested enums; the application and the bundled fonts are set up here too."""
    from reader.export import pdf_layout

    ensure_app()
    font_family()
    pdf_layout.preload_types()


def ensure_app() -> None:
    """Make sure a QGuiApplication exists; headless (offscreen) when we create it."""
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["oqyrman-export"])


def font_family() -> str:
    """The bundled Noto Sans, registered once (by the GUI at start-up, or here)."""
    from reader.export.fonts import bundled_family

    return bundled_family()
