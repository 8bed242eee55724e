"""The form of a flow document beside its text: inline spans, tables, notes and images.

Every range here indexes ``Document.text`` (Python ``str`` offsets, end-exclusive), the one
string search, entities and annotations use; the rich view shows exactly that text and adds
only what is not text (list labels, note numbers, table rules, pictures). Plain text has none
of this; each structure is a frozen dataclass that checks itself, and
:func:`check_structure` checks them against the text they describe.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

SpanKind = Literal[
    "bold", "italic", "underline", "strike", "superscript", "subscript", "code", "link"
]  # fmt: skip
SPAN_KINDS: tuple[SpanKind, ...] = (
    "bold", "italic", "underline", "strike", "superscript", "subscript", "code", "link"
)  # fmt: skip
NoteKind = Literal["footnote", "endnote"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Inline formatting of ``text[start:end]``; spans of one kind never overlap."""

    start: int
    end: int
    kind: SpanKind
    href: str = ""  # the target of a link

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote or endnote: its text is ``text[start:end]`` (gathered at the end of its
    section or of the document) and its reference sits just before ``text[ref]``."""

    id: str
    label: str  # what the reader sees at the reference and before the note: "1", "*", "iv"
    start: int
    end: int
    ref: int
    kind: NoteKind = "footnote"

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end or self.ref < 0:
            raise ValueError(f"bad note [{self.start}, {self.end}) ref {self.ref}")


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell: its paragraphs are ``text[start:end]`` (possibly empty); a merged cell
    spans ``row_span`` rows and ``col_span`` columns from (``row``, ``col``)."""

    row: int
    col: int
    start: int
    end: int
    row_span: int = 1
    col_span: int = 1

    def __post_init__(self) -> None:
        if self.row < 0 or self.col < 0 or self.row_span < 1 or self.col_span < 1:
            raise ValueError(f"bad cell position {self}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad cell range [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Table:
    """A table over ``text[start:end]``: ``rows`` x ``cols`` grid, cells in reading order
    (row by row), none overlapping another on the grid or in the text."""

    start: int
    end: int
    rows: int
    cols: int
    cells: tuple[TableCell, ...]

    def __post_init__(self) -> None:
        if self.rows < 1 or self.cols < 1 or not 0 <= self.start <= self.end:
            raise ValueError(f"bad table {self.rows}x{self.cols} [{self.start}, {self.end})")
        taken: set[tuple[int, int]] = set()
        last = self.start
        for cell in self.cells:
            if cell.row + cell.row_span > self.rows or cell.col + cell.col_span > self.cols:
                raise ValueError(f"cell {cell} outside the {self.rows}x{self.cols} grid")
            if cell.start < last or cell.end > self.end:
                raise ValueError(f"cell {cell} out of order or outside the table")
            last = cell.end
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    if (r, c) in taken:
                        raise ValueError(f"cell {cell} overlaps another at ({r}, {c})")
                    taken.add((r, c))


@dataclass(frozen=True, slots=True)
class Image:
    """A picture shown just before ``text[offset]``: its bytes, or the name of the member of
    the document's container that holds them (read when shown)."""

    offset: int
    source: str = ""  # archive member ("word/media/image1.png") or the file's own reference
    data: bytes | None = None
    width: float = 0.0  # points; 0 when the source does not say
    height: float = 0.0
    alt: str = ""

    def __post_init__(self) -> None:
        if self.offset < 0 or self.width < 0 or self.height < 0:
            raise ValueError(f"bad image at {self.offset}")


def check_structure(
    length: int,
    spans: Sequence[Span],
    tables: Sequence[Table],
    notes: Sequence[Note],
    images: Sequence[Image],
) -> None:
    """Raise ValueError unless every range lies inside a text of ``length`` characters,
    spans of one kind do not overlap, and tables and notes do not overlap each other."""
    last_end: dict[str, int] = {}
    for span in sorted(spans):
        if span.end > length:
            raise ValueError(f"span {span} runs past the text ({length} chars)")
        if span.start < last_end.get(span.kind, 0):
            raise ValueError(f"{span.kind} spans overlap at {span.start}")
        last_end[span.kind] = span.end
    _disjoint([(t.start, t.end) for t in tables], length, "table")
    _disjoint([(n.start, n.end) for n in notes], length, "note")
    for note in notes:
        if note.ref > length:
            raise ValueError(f"note {note.id} refers past the text")
    for image in images:
        if image.offset > length:
            raise ValueError(f"image at {image.offset} past the text")


def _disjoint(ranges: list[tuple[int, int]], length: int, what: str) -> None:
    last = 0
    for start, end in sorted(ranges):
        if end > length:
            raise ValueError(f"{what} [{start}, {end}) runs past the text ({length} chars)")
        if start < last:
            raise ValueError(f"{what}s overlap at {start}")
        last = end
