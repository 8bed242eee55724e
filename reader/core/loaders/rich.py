"""Builds a flow document's text and its form together: paragraphs of styled runs, tables,
notes and images, all recorded as ranges of the one text (see :mod:`reader.core.structure`).

Loaders of structured formats feed it in reading order::

    b = RichBuilder()
    b.run("Hello ", ()); b.run("world", ("bold",)); b.end()  # one paragraph
    b.begin_table(); b.begin_cell(0, 0); b.paragraph("A1"); b.end_cell(); b.end_table()
    b.note_ref("n1"); ...; b.begin_note("n1"); b.paragraph("The note."); b.end_note()
    document = b.document(title=..., format=..., path=...)

Paragraphs are joined with one ``"\\n"``, as :class:`reader.core.document.TextBuilder` does.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.document import Block, BlockKind, Document
from reader.core.structure import Image, Note, NoteKind, Span, SpanKind, Table, TableCell

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _OpenTable:
    start: int
    cells: list[TableCell] = field(default_factory=list)
    cell: tuple[int, int, int, int, int] | None = None  # row, col, rs, cs, start
    paragraphs_in_cell: int = 0


@dataclass(slots=True)
class _Ref:
    label: str
    ref: int
    kind: NoteKind


def roman(n: int) -> str:
    """Lower-case Roman numeral of ``n`` >= 1 (endnotes, lists)."""
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


class RichBuilder:
    """Accumulates the text and structure of one flow document."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._any = False  # a paragraph was started (the next one needs a separator)
        self._para_start: int | None = None  # start of the open paragraph
        self._open: dict[SpanKind, tuple[int, str]] = {}
        self._blank = True  # the open paragraph has only white space so far
        self.blocks: list[Block] = []
        self.spans: list[Span] = []
        self.tables: list[Table] = []
        self.notes: list[Note] = []
        self.images: list[Image] = []
        self.page_starts: list[int] = []
        self._table: _OpenTable | None = None
        self._nested = 0  # tables inside a cell: their cells flow into the outer cell
        self._refs: dict[str, _Ref] = {}
        self._counts: dict[NoteKind, int] = {"footnote": 0, "endnote": 0}
        self._note: tuple[str, int] | None = None  # id, start of the note being written
        self._done_notes: set[str] = set()

    # -- paragraphs -------------------------------------------------------------------------
    @property
    def length(self) -> int:
        return self._length

    def _begin(self) -> None:
        if self._para_start is not None:
            return
        if self._any:
            self._parts.append("\n")
            self._length += 1
        self._any = True
        self._para_start = self._length
        if self._table is not None and self._table.cell is not None:
            if self._table.paragraphs_in_cell == 0:
                row, col, rs, cs, _ = self._table.cell
                self._table.cell = (row, col, rs, cs, self._length)
            self._table.paragraphs_in_cell += 1

    def run(self, text: str, styles: Iterable[SpanKind] = (), href: str = "") -> None:
        """Append ``text`` to the open paragraph (starting one if needed) in ``styles``."""
        self._begin()
        if not text:
            return
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        wanted = set(styles)
        if href:
            wanted.add("link")
        for kind in list(self._open):
            _start, old_href = self._open[kind]
            if kind not in wanted or (kind == "link" and old_href != href):
                self._close(kind)
        for kind in wanted:
            if kind not in self._open:
                self._open[kind] = (self._length, href if kind == "link" else "")
        self._parts.append(text)
        self._length += len(text)
        if self._blank and not text.isspace():
            self._blank = False

    def _close(self, kind: SpanKind) -> None:
        start, href = self._open.pop(kind)
        if self._length > start:
            self.spans.append(Span(start, self._length, kind, href))

    def end(
        self, kind: BlockKind = "paragraph", level: int = 0, label: str = "", quote: int = 0
    ) -> None:
        """Close the open paragraph (an empty one if none is open) as a ``kind`` block."""
        self._begin()
        for open_kind in list(self._open):
            self._close(open_kind)
        start = self._para_start
        assert start is not None
        self._para_start = None
        if kind == "paragraph" and self._table is not None and self._table.cell is not None:
            kind = "table_cell"
        if kind == "heading":
            level = min(max(level, 1), 6)
        if not self._blank or label:  # an empty list item still shows its label
            self.blocks.append(Block(start, self._length, kind, level, label, quote))
        self._blank = True

    def paragraph(
        self, text: str, kind: BlockKind = "paragraph", level: int = 0, **kw: object
    ) -> None:
        """One paragraph of unstyled ``text``."""
        self.run(text)
        self.end(kind, level, str(kw.get("label", "")), int(str(kw.get("quote", 0))))

    def image(self, source: str = "", data: bytes | None = None, width: float = 0.0,
              height: float = 0.0, alt: str = "") -> None:  # fmt: skip
        """A picture at the current position (inside the open paragraph)."""
        self._begin()
        self.images.append(Image(self._length, source, data, width, height, alt))

    def new_page(self) -> None:
        """The next paragraph starts a new page."""
        self.page_starts.append(self._length + (1 if self._any else 0))

    # -- tables -------------------------------------------------------------------------------
    def begin_table(self) -> None:
        if self._para_start is not None:
            self.end()
        if self._table is not None:
            self._nested += 1
            return
        self._table = _OpenTable(self._length + (1 if self._any else 0))

    def begin_cell(self, row: int, col: int, row_span: int = 1, col_span: int = 1) -> None:
        if self._nested or self._table is None:
            return
        if self._para_start is not None:
            self.end()
        self._table.cell = (row, col, row_span, col_span, -1)
        self._table.paragraphs_in_cell = 0

    def end_cell(self) -> None:
        table = self._table
        if self._nested or table is None or table.cell is None:
            return
        if self._para_start is not None:
            self.end()
        if table.paragraphs_in_cell == 0:
            self.end()  # an empty cell still has its place in the text
        row, col, rs, cs, start = table.cell
        table.cells.append(TableCell(row, col, start, self._length, rs, cs))
        table.cell = None

    def end_table(self) -> None:
        if self._nested:
            self._nested -= 1
            return
        table, self._table = self._table, None
        if table is None or not table.cells:
            return
        rows = max(c.row + c.row_span for c in table.cells)
        cols = max(c.col + c.col_span for c in table.cells)
        start = table.cells[0].start
        try:
            self.tables.append(Table(start, table.cells[-1].end, rows, cols, tuple(table.cells)))
        except ValueError:  # a grid the source got wrong: its cells stay as paragraphs
            log.info("table at %d dropped: its cells do not form a grid", start)

    @property
    def in_table(self) -> bool:
        return self._table is not None

    # -- notes ----------------------------------------------------------------------------------
    def note_ref(self, note_id: str, label: str = "", kind: NoteKind = "footnote") -> str:
        """Mark the reference to note ``note_id`` here; returns the label it will show."""
        self._begin()
        if note_id in self._refs:
            return self._refs[note_id].label
        if not label:
            self._counts[kind] += 1
            n = self._counts[kind]
            label = str(n) if kind == "footnote" else roman(n)
        self._refs[note_id] = _Ref(label, self._length, kind)
        return label

    def has_ref(self, note_id: str) -> bool:
        return note_id in self._refs

    def begin_note(self, note_id: str) -> None:
        """The paragraphs until :meth:`end_note` are the text of note ``note_id``."""
        if self._para_start is not None:
            self.end()
        self._note = (note_id, self._length + (1 if self._any else 0))

    def end_note(self) -> None:
        if self._note is None:
            return
        if self._para_start is not None:
            self.end()
        note_id, start = self._note
        start = min(start, self._length)
        self._note = None
        ref = self._refs.get(note_id)
        if ref is None or note_id in self._done_notes:
            return
        self._done_notes.add(note_id)
        self.notes.append(
            Note(note_id, ref.label, start, max(start, self._length), ref.ref, ref.kind)
        )

    # -- result ---------------------------------------------------------------------------------
    def text(self) -> str:
        return "".join(self._parts)

    def document(self, *, title: str, format: str, path: str | None = None,
                 encoding: str | None = None) -> Document:  # fmt: skip
        if self._para_start is not None:
            self.end()
        while self._table is not None or self._nested:
            if self._table is not None and self._table.cell is not None:
                self.end_cell()
            self.end_table()
        return Document.create(
            self.text(),
            title=title,
            format=format,
            encoding=encoding,
            blocks=self.blocks,
            page_starts=self.page_starts,
            path=path,
            spans=sorted(self.spans),
            tables=self.tables,
            notes=self.notes,
            images=self.images,
        )
