"""Builds a QTextDocument from a :class:`Document`'s text and structure (QtGui only).

Every character of ``Document.text`` is inserted once, in order, as one Qt character (a
``"\\n"`` between paragraphs becomes Qt's paragraph separator, one inside a paragraph a
line separator), except the ``"\\n"`` that a table's structure takes the place of. What is
not text (list labels, note numbers, pictures, table frames) is inserted between those
pieces, and :class:`RichMap` records where each piece went, so offsets map exactly both
ways through the one UTF-16 converter (:class:`reader.core.utf16.Utf16Map`).

:func:`build_rich_document` touches no widget: run it in a worker thread and pass the GUI
thread as ``thread``; the finished document is handed over with ``moveToThread``.
"""

import bisect
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QThread, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)

from reader.core.document import Block, Document
from reader.core.errors import CancelledError
from reader.core.structure import Image, Note, Span, Table
from reader.core.utf16 import Utf16Map

Progress = Callable[[int, int], None]
ImageLoader = Callable[[Document, Image], bytes | None]
PARAGRAPH_SEPARATOR = "\u2029"
LINE_SEPARATOR = "\u2028"
HEADING_ADJUSTMENT = {1: 3, 2: 2, 3: 1, 4: 1, 5: 0, 6: 0}
MAX_IMAGE_WIDTH = 640.0  # px: wider pictures are scaled down to this
NOTE_TIP_CHARS = 600


@dataclass(frozen=True, slots=True)
class RichMap:
    """``Document.text`` offsets <-> positions in the built QTextDocument.

    Piece ``i`` is ``text[doc_starts[i]:doc_ends[i]]``, inserted at Qt position
    ``qt_starts[i]``; an offset between pieces (a ``"\\n"`` a table took the place of) maps
    to the end of the piece before it, a Qt position between pieces (a label, a picture, a
    table's frame) to the end of the piece before it."""

    length: int
    utf16: Utf16Map
    doc_starts: tuple[int, ...]
    doc_ends: tuple[int, ...]
    qt_starts: tuple[int, ...]

    def to_qt(self, offset: int) -> int:
        offset = min(max(offset, 0), self.length)
        i = bisect.bisect_right(self.doc_starts, offset) - 1
        if i < 0:
            return self.qt_starts[0] if self.qt_starts else 0
        start = self.doc_starts[i]
        u = self.utf16.to_utf16
        return self.qt_starts[i] + u(min(offset, self.doc_ends[i])) - u(start)

    def to_qt_end(self, offset: int) -> int:
        """Like :meth:`to_qt`, for the end of a range: where a piece ends and the next
        begins after something not text (a table's end), the end of the piece before."""
        offset = min(max(offset, 0), self.length)
        i = bisect.bisect_left(self.doc_starts, offset) - 1
        if i >= 0 and offset <= self.doc_ends[i]:
            u = self.utf16.to_utf16
            return self.qt_starts[i] + u(offset) - u(self.doc_starts[i])
        return self.to_qt(offset)

    def from_qt(self, position: int) -> int:
        i = bisect.bisect_right(self.qt_starts, max(position, 0)) - 1
        if i < 0:
            return self.doc_starts[0] if self.doc_starts else 0
        u = self.utf16.to_utf16
        base = u(self.doc_starts[i])
        units = min(position - self.qt_starts[i], u(self.doc_ends[i]) - base)
        return self.utf16.from_utf16(base + units)

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt_end(end) if end > start else self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.from_qt(start), self.from_qt(end)


@dataclass(slots=True)
class RichBuild:
    """The built document and its map; the QTextDocument has no parent."""

    document: Document
    qdoc: QTextDocument
    map: RichMap


def build_rich_document(
    document: Document,
    *,
    font: QFont | None = None,
    load_image: ImageLoader | None = None,
    thread: QThread | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> RichBuild:
    """Build ``document`` as a QTextDocument (any thread; see the module's docstring)."""
    builder = _Builder(document, load_image, progress, cancel)
    qdoc = builder.qdoc
    if font is not None:
        qdoc.setDefaultFont(font)
    builder.build()
    if thread is not None:
        qdoc.moveToThread(thread)
    return RichBuild(document, qdoc, builder.result_map())


class _Builder:
    def __init__(
        self,
        document: Document,
        load_image: ImageLoader | None,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> None:
        self.doc = document
        self.text = document.text
        self.qdoc = QTextDocument()
        self.qdoc.setDocumentMargin(12)
        self.qdoc.setUndoRedoEnabled(False)
        self.load_image = load_image
        self.progress = progress
        self.cancel = cancel
        self.plain = QTextCharFormat()
        self.doc_starts: list[int] = []
        self.doc_ends: list[int] = []
        self.qt_starts: list[int] = []
        self.utf16 = Utf16Map.of(self.text)
        self.line_breaks = {
            i
            for b in document.blocks
            if "\n" in self.text[b.start : b.end]
            for i in range(b.start, b.end)
            if self.text[i] == "\n"
        }
        self.events = self._events()
        self.next = 0
        self.note_of_ref = {n.id: n for n in document.notes}

    def _events(self) -> list[tuple[int, int, int, object]]:
        events: list[tuple[int, int, int, object]] = []
        for k, table in enumerate(self.doc.tables):
            events.append((table.start, 0, k, table))
        for k, block in enumerate(self.doc.blocks):
            if block.label:
                events.append((block.start, 1, k, block))
        for k, note in enumerate(self.doc.notes):
            events.append((note.start, 1, k, ("body", note)))
        for k, image in enumerate(self.doc.images):
            events.append((image.offset, 2, k, image))
        for k, note in enumerate(self.doc.notes):
            events.append((note.ref, 3, k, ("ref", note)))
        events.sort(key=lambda e: (e[0], e[1], e[2]))
        return events

    def result_map(self) -> RichMap:
        return RichMap(
            len(self.text),
            self.utf16,
            tuple(self.doc_starts),
            tuple(self.doc_ends),
            tuple(self.qt_starts),
        )

    # -- text and what is not text ---------------------------------------------------------
    def build(self) -> None:
        cursor = QTextCursor(self.qdoc)
        self._fill(cursor, 0, len(self.text), keep_end=True)
        self._check()
        _Formatter(self).apply()

    def _check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise CancelledError("Showing the document was cancelled")

    def _piece(self, cursor: QTextCursor, a: int, b: int, keep_empty: bool = False) -> None:
        if b <= a and not keep_empty:
            return
        self.doc_starts.append(a)
        self.doc_ends.append(b)
        self.qt_starts.append(cursor.position())
        chunk = self.text[a:b]
        if "\n" in chunk:
            if self.line_breaks:
                chunk = "".join(
                    (LINE_SEPARATOR if a + i in self.line_breaks else PARAGRAPH_SEPARATOR)
                    if ch == "\n"
                    else ch
                    for i, ch in enumerate(chunk)
                )
            else:
                chunk = chunk.replace("\n", PARAGRAPH_SEPARATOR)
        if chunk:
            cursor.insertText(chunk, self.plain)

    def _fill(
        self, cursor: QTextCursor, a: int, b: int, keep_empty: bool = False, keep_end: bool = False
    ) -> None:
        """Insert ``text[a:b]`` and the events inside it (those at ``b`` included); an empty
        cell (``keep_empty``) and the end of the text (``keep_end``) still get their place."""
        pos = a
        events = self.events
        while self.next < len(events) and events[self.next][0] <= b:
            offset, _, _, what = events[self.next]
            self.next += 1
            if offset < pos:
                continue  # inside something already placed (a table's stray event)
            if isinstance(what, Table):
                before = offset - 1 if offset > pos and self.text[offset - 1] == "\n" else offset
                self._piece(cursor, pos, before)
                pos = self._table(cursor, what)
                continue
            self._piece(cursor, pos, offset)
            pos = offset
            self._event(cursor, what)
        self._piece(cursor, pos, b, (keep_empty and pos == a) or keep_end)

    def _event(self, cursor: QTextCursor, what: object) -> None:
        if isinstance(what, Block):
            fmt = QTextCharFormat()
            fmt.setForeground(QBrush(QColor(90, 90, 90)))
            cursor.insertText(f"{what.label}\u2002", fmt)
        elif isinstance(what, Image):
            self._image(cursor, what)
        elif isinstance(what, tuple):
            kind, note = what
            if kind == "body":
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setAnchor(True)
                fmt.setAnchorNames([f"note-{note.id}"])
                cursor.insertText(f"{note.label}.\u2002", fmt)
            else:
                cursor.insertText(note.label, self._ref_format(note))

    def _ref_format(self, note: Note) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setForeground(QBrush(QColor(30, 80, 170)))
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"#note-{note.id}")
        body = " ".join(self.text[note.start : note.end].split())
        if len(body) > NOTE_TIP_CHARS:
            body = body[:NOTE_TIP_CHARS] + "…"
        fmt.setToolTip(f"{note.label}. {body}")
        return fmt

    def _image(self, cursor: QTextCursor, image: Image) -> None:
        data = image.data
        if data is None and self.load_image is not None:
            data = self.load_image(self.doc, image)
        qimage = QImage.fromData(data) if data else QImage()
        if qimage.isNull():
            if image.alt:
                fmt = QTextCharFormat()
                fmt.setFontItalic(True)
                cursor.insertText(f"[{image.alt}]", fmt)
            return
        name = f"oqyrman-image:{len(self.qt_starts)}-{image.offset}"
        self.qdoc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), qimage)
        fmt = QTextImageFormat()
        fmt.setName(name)
        width = image.width * 96 / 72 if image.width else float(qimage.width())
        height = image.height * 96 / 72 if image.height else float(qimage.height())
        if width > MAX_IMAGE_WIDTH:
            height, width = height * MAX_IMAGE_WIDTH / width, MAX_IMAGE_WIDTH
        fmt.setWidth(width)
        fmt.setHeight(height)
        if image.alt:
            fmt.setToolTip(image.alt)
        cursor.insertImage(fmt)

    def _table(self, cursor: QTextCursor, table: Table) -> int:
        """Insert ``table``; return the offset where the text after it resumes."""
        self._check()
        fmt = QTextTableFormat()
        fmt.setBorder(1)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorderCollapse(True)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 99))
        qtable = cursor.insertTable(table.rows, table.cols, fmt)
        for cell in table.cells:
            if cell.row_span > 1 or cell.col_span > 1:
                qtable.mergeCells(cell.row, cell.col, cell.row_span, cell.col_span)
        for cell in table.cells:
            cell_cursor = qtable.cellAt(cell.row, cell.col).firstCursorPosition()
            self._fill(cell_cursor, cell.start, cell.end, keep_empty=True)
        while self.next < len(self.events) and self.events[self.next][0] <= table.end:
            self.next += 1  # nothing of the table's range is left to place
        cursor.setPosition(qtable.lastPosition() + 1)
        if self.progress is not None:
            self.progress(table.end, len(self.text))
        resume = table.end
        if resume < len(self.text) and self.text[resume] == "\n":
            resume += 1
        return resume


class _Formatter:
    """Block and character formats, applied once all the text is in place."""

    def __init__(self, builder: _Builder) -> None:
        self.b = builder
        self.map = builder.result_map()
        self.cursor = QTextCursor(builder.qdoc)

    def apply(self) -> None:
        self.cursor.beginEditBlock()
        for k, block in enumerate(self.b.doc.blocks):
            if block.quote or block.kind not in ("paragraph", "table_cell"):
                self._block(block)
            if k % 2000 == 0:
                self.b._check()
        for span in self.b.doc.spans:
            self._span(span)
        for k, note in enumerate(self.b.doc.notes):
            self._note(note, first=k == 0)
        self.cursor.endEditBlock()

    def _select(self, start: int, end: int, *, whole_block: bool = False) -> QTextCursor:
        qs, qe = self.map.range_to_qt(start, end)
        cursor = self.cursor
        if whole_block:
            qs = self.b.qdoc.findBlock(qs).position()
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _block(self, block: Block) -> None:
        bf = QTextBlockFormat()
        cf = QTextCharFormat()
        if block.kind == "heading":
            bf.setHeadingLevel(block.level)
            bf.setTopMargin(10)
            bf.setBottomMargin(4)
            cf.setFontWeight(QFont.Weight.Bold)
            cf.setProperty(
                QTextFormat.Property.FontSizeAdjustment, HEADING_ADJUSTMENT.get(block.level, 0)
            )
        elif block.kind == "list_item":
            bf.setIndent(max(block.level, 1))
        elif block.kind == "preformatted":
            cf.setFontFixedPitch(True)
            cf.setFontFamilies(["monospace"])
            bf.setNonBreakableLines(True)
        if block.quote:
            bf.setLeftMargin(24 * block.quote)
            bf.setRightMargin(24)
            cf.setForeground(QBrush(QColor(70, 70, 70)))
        cursor = self._select(block.start, block.end, whole_block=True)
        cursor.mergeBlockFormat(bf)
        if cf.properties():
            cursor.mergeCharFormat(cf)

    def _span(self, span: Span) -> None:
        cf = QTextCharFormat()
        kind = span.kind
        if kind == "bold":
            cf.setFontWeight(QFont.Weight.Bold)
        elif kind == "italic":
            cf.setFontItalic(True)
        elif kind == "underline":
            cf.setFontUnderline(True)
        elif kind == "strike":
            cf.setFontStrikeOut(True)
        elif kind == "superscript":
            cf.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        elif kind == "subscript":
            cf.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSubScript)
        elif kind == "code":
            cf.setFontFixedPitch(True)
            cf.setFontFamilies(["monospace"])
        elif kind == "link":
            cf.setAnchor(True)
            cf.setAnchorHref(span.href)
            cf.setFontUnderline(True)
            cf.setForeground(QBrush(QColor(30, 80, 170)))
            if span.href:
                cf.setToolTip(span.href)
        self._select(span.start, span.end).mergeCharFormat(cf)

    def _note(self, note: Note, *, first: bool) -> None:
        if note.end <= note.start:
            return
        cf = QTextCharFormat()
        cf.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        cursor = self._select(note.start, note.end, whole_block=True)
        cursor.mergeCharFormat(cf)
        if first:  # the notes stand apart from the text they follow
            bf = QTextBlockFormat()
            bf.setTopMargin(14)
            cursor.setPosition(self.map.to_qt(note.start))
            cursor.mergeBlockFormat(bf)
