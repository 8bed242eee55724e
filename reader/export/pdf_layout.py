"""Page layout for the PDF export: a paginated QTextDocument painted onto a QPdfWriter.

The layout is made against the writer itself (its resolution and page size), so the pages
we measure are the pages we paint. It records, for every laid-out line, the document offset
where it starts and its page: that answers "which page is offset N on" for the highlights
and the entity index. QtGui only; the caller makes sure a QGuiApplication exists.
"""

import bisect
import threading
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
)

from reader.core.document import Block, Document, paragraph_blocks
from reader.core.loaders.images import read_image
from reader.core.utf16 import Utf16Map
from reader.export.common import Progress, check_cancel, printable, report
from reader.export.pdf_structure import collect_extras, paint_extras
from reader.export.rich_build import RichMap, build_rich_document

PARAGRAPH_SEPARATOR = "\u2029"  # QTextCursor.insertText starts a new block here
LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph: one char, keeps Qt's positions


class Layout:
    """``document`` laid out on A4 pages, ready to paint."""

    def __init__(
        self,
        document: Document,
        family: str,
        *,
        body_pt: float,
        heading_pt: dict[int, float],
        margin_mm: float,
        resolution: int,
        title: str,
        author: str,
        first_page_number: int = 1,
    ) -> None:
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray())
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer = _make_writer(self._buffer, margin_mm, resolution, title, author)
        self._px_per_pt = resolution / 72.0
        self._family = family
        self._body_pt = body_pt
        self._heading_pt = heading_pt
        self._first_number = first_page_number  # printed in the footer of the first page
        self.blocks: tuple[Block, ...] = tuple(document.blocks) or tuple(
            paragraph_blocks(document.text)
        )
        self.page_width = float(self._writer.width())
        self.page_height = float(self._writer.height())
        # A document with tables, lists, notes or pictures is typeset from its structure, as
        # the rich view shows it; plain paragraphs keep the one-insertion fast path.
        self._rich_map: RichMap | None = None
        if document.has_structure:
            build = build_rich_document(
                document, font=self._font(body_pt, bold=False), load_image=read_image
            )
            self._qdoc, self._rich_map = build.qdoc, build.map
        else:
            self._qdoc = QTextDocument()
        self._qdoc.documentLayout().setPaintDevice(self._writer)
        self._qdoc.setDocumentMargin(0)
        self._qdoc.setDefaultFont(self._font(body_pt, bold=False))
        self._qdoc.setPageSize(QSizeF(self.page_width, self.page_height))
        if self._rich_map is None:
            self._fill(document.text)
        self._line_starts: list[int] = []
        self._line_pages: list[int] = []
        if self._rich_map is None:
            self._measure(document.text)
        else:
            self._measure_rich(self._rich_map)
        self._extras = collect_extras(self._qdoc) if self._rich_map is not None else []

    # -- building -----------------------------------------------------------------------
    def _font(self, pt: float, *, bold: bool) -> QFont:
        font = QFont(self._family)
        font.setPointSizeF(pt)
        font.setBold(bold)
        return font

    def _formats(self, block: Block) -> tuple[QTextBlockFormat, QTextCharFormat]:
        bf = QTextBlockFormat()
        cf = QTextCharFormat()
        pt = self._body_pt
        if block.kind == "heading":
            pt = self._heading_pt.get(block.level, self._body_pt)
            cf.setFont(self._font(pt, bold=True))
            bf.setTopMargin(0.8 * pt * self._px_per_pt)
            bf.setHeadingLevel(block.level)
        else:
            cf.setFont(self._font(pt, bold=False))
            if block.kind == "list_item":
                bf.setLeftMargin(1.5 * pt * self._px_per_pt)
        bf.setBottomMargin(0.5 * pt * self._px_per_pt)
        return bf, cf

    def _fill(self, text: str) -> None:
        """All paragraphs in one insertion (much faster than one per block), then the
        formats: the body's for every block, their own for headings and list items."""
        cursor = QTextCursor(self._qdoc)
        body_bf, body_cf = self._formats(Block(0, 0))
        cursor.setBlockFormat(body_bf)
        cursor.setBlockCharFormat(body_cf)
        paragraphs = (printable(text[b.start : b.end], LINE_SEPARATOR) for b in self.blocks)
        cursor.insertText(PARAGRAPH_SEPARATOR.join(paragraphs), body_cf)
        qblock = self._qdoc.begin()
        for block in self.blocks:
            if block.kind in ("heading", "list_item"):
                bf, cf = self._formats(block)
                cursor = QTextCursor(qblock)
                cursor.setBlockFormat(bf)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(cf)
            qblock = qblock.next()

    def add_index(self, title: str, lines: Sequence[str]) -> None:
        """Append ``title`` and one paragraph per line, starting on a new page."""
        cursor = QTextCursor(self._qdoc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        heading = Block(0, 0, "heading", 1)
        bf, cf = self._formats(heading)
        bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.insertBlock(bf, cf)
        cursor.insertText(title, cf)
        bf, cf = self._formats(Block(0, 0))
        for line in lines:
            cursor.insertBlock(bf, cf)
            cursor.insertText(line, cf)

    # -- measuring ----------------------------------------------------------------------
    def _measure(self, text: str) -> None:
        """Record the document offset and page of every laid-out line."""
        doc_layout = self._qdoc.documentLayout()
        qblock = self._qdoc.begin()
        for block in self.blocks:
            top = doc_layout.blockBoundingRect(qblock).top()
            lines = qblock.layout()
            to_str = Utf16Map.of(text[block.start : block.end]).from_utf16
            for j in range(lines.lineCount()):
                line = lines.lineAt(j)
                middle = top + line.y() + line.height() / 2
                self._line_starts.append(block.start + to_str(line.textStart()))
                self._line_pages.append(int(middle // self.page_height))
            qblock = qblock.next()

    def _measure_rich(self, rich_map: RichMap) -> None:
        """Every laid-out line of every block (table cells included), by its Qt position."""
        doc_layout = self._qdoc.documentLayout()
        qblock = self._qdoc.begin()
        while qblock.isValid():
            top = doc_layout.blockBoundingRect(qblock).top()
            lines = qblock.layout()
            for j in range(lines.lineCount()):
                line = lines.lineAt(j)
                middle = top + line.y() + line.height() / 2
                self._line_starts.append(rich_map.from_qt(qblock.position() + line.textStart()))
                self._line_pages.append(int(middle // self.page_height))
            qblock = qblock.next()
        if any(a > b for a, b in zip(self._line_starts, self._line_starts[1:], strict=False)):
            order = sorted(range(len(self._line_starts)), key=self._line_starts.__getitem__)
            self._line_starts = [self._line_starts[i] for i in order]
            self._line_pages = [self._line_pages[i] for i in order]

    def page_of(self, offset: int) -> int:
        """1-based page on which ``text[offset]`` is printed."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return self._line_pages[max(i, 0)] + 1 if self._line_pages else 1

    def page_start(self, page: int) -> int:
        """Document offset of the first character printed on 1-based ``page``."""
        i = bisect.bisect_left(self._line_pages, page - 1)
        if i == len(self._line_pages):
            return self._line_starts[-1] if self._line_starts else 0
        return self._line_starts[i]

    @property
    def page_count(self) -> int:
        return int(self._qdoc.pageCount())

    # -- painting -----------------------------------------------------------------------
    def render(
        self,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        steps_after: int = 0,
    ) -> bytes:
        """Paint every page and return the PDF's bytes."""
        total = self.page_count
        by_page = self._lines_by_page()
        painter = QPainter(self._writer)
        try:
            for page in range(total):
                check_cancel(cancel)
                if page:
                    self._writer.newPage()
                self._paint_page(painter, page, by_page.get(page, []))
                report(progress, page + 1, total + steps_after)
        finally:
            painter.end()
        self._buffer.close()
        return bytes(self._buffer.data().data())

    def _lines_by_page(self) -> dict[int, list[tuple[QTextLayout, int, QPointF]]]:
        """Every laid-out line of every block (index included), grouped by page, with the
        point its layout is drawn at (a table cell's blocks sit inside their cell)."""
        pages: dict[int, list[tuple[QTextLayout, int, QPointF]]] = {}
        doc_layout = self._qdoc.documentLayout()
        qblock = self._qdoc.begin()
        while qblock.isValid():
            lines = qblock.layout()
            rect = doc_layout.blockBoundingRect(qblock)
            origin = rect.topLeft() - lines.boundingRect().topLeft()
            for j in range(lines.lineCount()):
                line = lines.lineAt(j)
                page = int((origin.y() + line.y() + line.height() / 2) // self.page_height)
                pages.setdefault(page, []).append((lines, j, origin))
            qblock = qblock.next()
        return pages

    def _paint_page(
        self, painter: QPainter, page: int, lines: list[tuple[QTextLayout, int, QPointF]]
    ) -> None:
        # Line by line rather than QTextDocument.drawContents: that also paints the lines of
        # a paragraph that continue on the next page, clipped away but still in the PDF's
        # text, so pdftotext would read them twice.
        painter.setPen(QColor(0, 0, 0))
        shift = QPointF(0, -page * self.page_height)
        for layout, j, origin in lines:
            layout.lineAt(j).draw(painter, origin + shift)
        if self._extras:
            paint_extras(painter, self._extras, page, self.page_height, self.page_width)
        # the page number sits in the bottom margin, painted after the text
        painter.setFont(self._font(9, bold=False))
        footer = QRectF(0, self.page_height, self.page_width, 24 * self._px_per_pt)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignCenter), str(page + self._first_number))


def preload_types() -> None:
    """Reach every nested Qt enum the layout uses, so that PySide makes them on the calling
    thread (see :func:`reader.export.pdf.preload`); the classes were made by our imports."""
    for enum in (
        QIODevice.OpenModeFlag, QPageLayout.Orientation, QPageLayout.Unit, QPageSize.PageSizeId,
        QTextCursor.MoveOperation, QTextCursor.MoveMode, QTextFormat.PageBreakFlag,
        Qt.AlignmentFlag,
    ):  # fmt: skip
        list(enum)


def _make_writer(
    device: QBuffer, margin_mm: float, resolution: int, title: str, author: str
) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(resolution)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator("Oqyrman")
    return writer
