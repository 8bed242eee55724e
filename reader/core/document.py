"""The document model every loader returns and every other part reads.

``text`` is the one string all offsets refer to (Python ``str`` indices, end-exclusive):
the viewer, search, entities, annotations, the CLI and exports all agree on it.
Paragraphs are joined with a single ``"\\n"``; each non-empty paragraph is a :class:`Block`.
"""

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, overload

if TYPE_CHECKING:
    from reader.core.errors import Message
    from reader.core.pdf_map import PageMap

from reader.core.structure import Image, Note, Span, Table, check_structure

BlockKind = Literal["paragraph", "heading", "list_item", "table_cell", "preformatted"]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit covering ``text[start:end]`` (no trailing newline)."""

    start: int
    end: int
    kind: BlockKind = "paragraph"
    level: int = 0  # heading level 1..6 for headings, nesting depth (1..) of list items
    label: str = ""  # a list item's bullet or number as the source shows it ("•", "2.", "b)")
    quote: int = 0  # how many block quotes hold this block

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad block [{self.start}, {self.end})")
        if self.kind == "heading" and not 1 <= self.level <= 6:
            raise ValueError(f"heading level must be 1..6, not {self.level}")


def sha256_text(text: str) -> str:
    """The identity of a text: sha256 of its UTF-8 bytes, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LineBlocks(Sequence[Block]):
    """The blocks of a plain text: one paragraph per non-empty line, made when first asked
    for. Opening a 20 MB text file need not wait for its 80,000 paragraphs: the viewer wants
    only headings (plain text has none), and the exporters ask for them later, elsewhere."""

    __slots__ = ("_blocks", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._blocks: list[Block] | None = None

    def _all(self) -> list[Block]:
        if self._blocks is None:  # two threads may both compute it: the same list
            self._blocks = paragraph_blocks(self._text)
        return self._blocks

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Block]: ...

    def __getitem__(self, index: int | slice) -> Block | Sequence[Block]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Block]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineBlocks) and other._text is self._text:
            return True
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self._all()))

    def __repr__(self) -> str:
        return f"LineBlocks({len(self)} paragraphs)"


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded document. Build it with :meth:`create` so that ``sha256`` is always right."""

    text: str
    title: str
    format: str  # loader name: "text", "markdown", "html", "xml", "fb2", "docx", "odt", ...
    encoding: str | None = None  # source encoding for text formats, None for containers
    blocks: Sequence[Block] = ()  # a tuple, or LineBlocks for plain text
    page_starts: tuple[int, ...] = ()  # offsets where each page begins (paged formats only)
    path: str | None = None
    sha256: str = field(default="")
    # What the loader repaired or guessed (the status bar renders them in the interface
    # language; str() is English)
    warnings: tuple["Message", ...] = ()
    page_map: "PageMap | None" = None  # PDF: each character's page and box
    # The form of a flow document (see reader.core.structure); empty for plain text.
    spans: tuple[Span, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[Note, ...] = ()
    images: tuple[Image, ...] = ()

    def __post_init__(self) -> None:
        digest = sha256_text(self.text)
        if self.sha256 and self.sha256 != digest:
            raise ValueError("sha256 does not match the text")
        object.__setattr__(self, "sha256", digest)
        if self.spans or self.tables or self.notes or self.images:
            check_structure(len(self.text), self.spans, self.tables, self.notes, self.images)
        if isinstance(self.blocks, LineBlocks):
            return  # the lines of this very text: inside it by construction
        n = len(self.text)
        for block in self.blocks:
            if block.end > n:
                raise ValueError(f"block {block} runs past the text ({n} chars)")

    @classmethod
    def create(
        cls,
        text: str,
        *,
        title: str,
        format: str,
        encoding: str | None = None,
        blocks: tuple[Block, ...] | list[Block] | None = None,
        page_starts: tuple[int, ...] | list[int] = (),
        path: str | None = None,
        warnings: tuple["Message", ...] = (),
        page_map: "PageMap | None" = None,
        spans: Sequence[Span] = (),
        tables: Sequence[Table] = (),
        notes: Sequence[Note] = (),
        images: Sequence[Image] = (),
    ) -> "Document":
        """Make a document; without ``blocks``, every non-empty line is a paragraph (found
        when first needed: :class:`LineBlocks`)."""
        return cls(
            text=text,
            title=title,
            format=format,
            encoding=encoding,
            blocks=LineBlocks(text) if blocks is None else tuple(blocks),
            page_starts=tuple(page_starts),
            path=path,
            warnings=tuple(warnings),
            page_map=page_map,
            spans=tuple(spans),
            tables=tuple(tables),
            notes=tuple(notes),
            images=tuple(images),
        )

    @property
    def has_structure(self) -> bool:
        """True when there is more to show than paragraphs: spans, tables, notes, images,
        list labels or quotes (the rich view is for these)."""
        if self.spans or self.tables or self.notes or self.images:
            return True
        if isinstance(self.blocks, LineBlocks):
            return False
        return any(b.label or b.quote for b in self.blocks)

    @property
    def headings(self) -> tuple[Block, ...]:
        """The heading blocks (plain text has none, and its lines are not made for this)."""
        if isinstance(self.blocks, LineBlocks):
            return ()
        return tuple(b for b in self.blocks if b.kind == "heading")

    @property
    def word_count(self) -> int:
        """Words as a reader counts them: runs of letters or digits."""
        return count_words(self.text)

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset`` in ``text``."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the text")
        return self.text.count("\n", 0, offset) + 1


# A line (between \n's) with something other than whitespace in it, as a whole.
_NON_BLANK_LINE = re.compile(r"^(?=[^\n]*\S)[^\n]*", re.MULTILINE)


def paragraph_blocks(text: str) -> list[Block]:
    """One paragraph block per non-empty line of ``text`` (a line of whitespace is empty)."""
    return [Block(m.start(), m.end()) for m in _NON_BLANK_LINE.finditer(text)]


class TextBuilder:
    """Accumulates paragraphs for loaders of structured formats, recording their blocks."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0
        self._page_starts: list[int] = []

    def add(self, text: str, kind: BlockKind = "paragraph", level: int = 0) -> None:
        """Append one paragraph (internal newlines are kept as line breaks inside it)."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        if text.strip():
            self._blocks.append(Block(start, self._length, kind, level))

    def new_page(self) -> None:
        """Mark that the next paragraph starts a new page."""
        self._page_starts.append(self._length + (1 if self._parts else 0))

    @property
    def blocks(self) -> list[Block]:
        return list(self._blocks)

    @property
    def page_starts(self) -> list[int]:
        return list(self._page_starts)

    def text(self) -> str:
        return "".join(self._parts)


_WORD = re.compile(r"[^\W_]+")


def count_words(text: str) -> int:
    """Runs of letters or digits (a hyphenated word counts as two, as in most editors)."""
    return sum(1 for _ in _WORD.finditer(text))
