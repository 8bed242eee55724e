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
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.annotations import Annotation
from reader.core.document import Document
from reader.export.common import (
    ENGLISH,
    IndexWording,
    Progress,
    atomic_output,
    check_cancel,
    default_author,
    index_entries,
    index_line,
    report,
    usable_annotations,
)

if TYPE_CHECKING:  # the ner package loads the recogniser; only its types are needed
    from reader.core.ner.entities import Entity

log = logging.getLogger(__name__)

RESOLUTION = 300  # dpi of the layout; text stays vector, this only sets layout precision
MARGIN_MM = 20.0
BODY_PT = 11.0
HEADING_PT = {1: 20.0, 2: 16.0, 3: 14.0, 4: 12.5, 5: 11.5, 6: 11.0}

_app: object | None = None  # the QGuiApplication we created, kept alive for later exports
_prepared = False  # prepare() has run


def export_pdf(
    document: Document,
    annotations: Sequence[Annotation],
    out_path: str | Path,
    *,
    entities: Sequence[Entity] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    author: str | None = None,
    wording: IndexWording = ENGLISH,
) -> Path:
    """Write ``document`` as an A4 PDF with its annotations as real highlight annotations.

    ``entities`` adds an index (entity, label, mention count, pages) on new pages at the
    end. ``progress(done, total)`` is called as pages are written; setting ``cancel`` stops
    the export with :class:`CancelledError`. The file appears only when complete.
    """
    from reader.export.pdf_layout import Layout  # imports Qt

    _ensure_app()
    author = author or default_author()
    anns = usable_annotations(document, annotations)
    check_cancel(cancel)
    layout = Layout(
        document, _font_family(), body_pt=BODY_PT, heading_pt=HEADING_PT,
        margin_mm=MARGIN_MM, resolution=RESOLUTION, title=document.title, author=author,
    )  # fmt: skip
    if entities:
        lines = [index_line(e, wording) for e in index_entries(entities, layout.page_of)]
        layout.add_index(wording.title, lines)
    data = layout.render(progress=progress, cancel=cancel, steps_after=1 if anns else 0)
    if anns:
        check_cancel(cancel)
        from reader.export import pdf_annots  # pypdf and pdfium load only when needed

        data = pdf_annots.add_highlights(data, document, anns, layout, author=author, cancel=cancel)
        report(progress, layout.page_count + 1, layout.page_count + 1)
    check_cancel(cancel)
    out = Path(out_path)
    with atomic_output(out) as tmp:
        tmp.write_bytes(data)
    log.info("exported %s (%d pages, %d annotations)", out, layout.page_count, len(anns))
    return out


def prepare() -> None:
    """Lay out and render a tiny PDF here, on the calling thread, once per process.

    PySide makes the Python side of each Qt class and enum when it is first used, and doing
    that from a worker while the GUI thread does it for its own widgets can crash the
    process (seen twice: in ``QPageLayout``, and importing ``pdf_layout``). The GUI calls
    this on its own thread before exporting in the background, so that every Qt type the
    export uses already exists when the worker needs it."""
    global _prepared
    if _prepared:
        return
    from reader.export.pdf_layout import Layout

    _ensure_app()
    sample = Document.create("Oqyrman\nОқырман", title="", format="text")
    layout = Layout(
        sample, _font_family(), body_pt=BODY_PT, heading_pt=HEADING_PT,
        margin_mm=MARGIN_MM, resolution=RESOLUTION, title="", author="",
    )  # fmt: skip
    layout.add_index(ENGLISH.title, ["Oqyrman"])
    layout.render()
    _prepared = True


def _ensure_app() -> None:
    """Make sure a QGuiApplication exists; headless (offscreen) when we create it."""
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["oqyrman-export"])


def _font_family() -> str:
    """The bundled Noto Sans, registered once (by the GUI at start-up, or here)."""
    from reader.export.fonts import bundled_family

    return bundled_family()
