"""Real PDF highlight annotations over the glyphs of each annotated quote.

Qt's layout says on which page each quote starts; pypdfium2 reads that page's characters
and their boxes from the written PDF. Whitespace is where PDF text and document text differ
(line wraps, generated spaces), so both sides are compared without it: the quote's
position among the page's non-space characters is known from the document, checked against
the PDF, and searched for (nearest occurrence) if the two disagree. Boxes are merged into
one quad per printed line. pypdf then writes the /Highlight and /Popup objects into a
rewritten copy of the PDF Qt just wrote (nothing of it needs keeping byte for byte; the
annotated copy of a user's own PDF is an incremental update: :mod:`pdf_increment`).
"""

import bisect
import io
import logging
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from reader.core import pdfium
from reader.core.annotations import Annotation
from reader.core.document import Block, Document
from reader.export.common import check_cancel, color_rgb

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points
Quad = Box


class PageMap(Protocol):
    """What the layout tells us (see :class:`reader.export.pdf_layout.Layout`)."""

    blocks: tuple[Block, ...]

    def page_of(self, offset: int) -> int: ...

    def page_start(self, page: int) -> int: ...


@dataclass
class PageChars:
    """A PDF page's non-space characters with their pdfium indexes and boxes."""

    text: str
    indexes: list[int]
    textpage: Any
    boxes: dict[int, Box] = field(default_factory=dict)
    _alnum: list[int] | None = None

    def alnum_positions(self) -> list[int]:
        """Positions in ``text`` of letters and digits (cached)."""
        if self._alnum is None:
            self._alnum = [j for j, c in enumerate(self.text) if c.isalnum()]
        return self._alnum

    def box(self, i: int) -> Box:
        index = self.indexes[i]
        if index not in self.boxes:
            self.boxes[index] = self.textpage.get_charbox(index, loose=True)
        return self.boxes[index]


def add_highlights(
    data: bytes,
    document: Document,
    annotations: Sequence[Annotation],
    layout: PageMap,
    *,
    author: str,
    cancel: threading.Event | None = None,
) -> bytes:
    """Return ``data`` (a PDF Qt wrote for ``document``) with one highlight per annotation."""
    placed = pdfium.service().run(
        lambda lib: _locate(lib, data, document.text, annotations, layout, cancel)
    )
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    now = time.time()
    for ann, quads_by_page in placed:
        for page_index, quads in quads_by_page.items():
            annotate(writer, page_index, ann, quads, author, now)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- finding the glyphs -------------------------------------------------------------------
def _locate(
    lib: Any,
    data: bytes,
    text: str,
    annotations: Sequence[Annotation],
    layout: PageMap,
    cancel: threading.Event | None,
) -> list[tuple[Annotation, dict[int, list[Quad]]]]:
    """On the pdfium thread: each annotation's quads, by page."""
    pdf = lib.PdfDocument(data)
    pages: dict[int, PageChars] = {}
    counter = _DrawnCounter(text, layout.blocks)
    placed = []
    try:
        for ann in annotations:
            check_cancel(cancel)
            quads: dict[int, list[Quad]] = {}
            first, last = layout.page_of(ann.start), layout.page_of(max(ann.end - 1, ann.start))
            for page in range(first, min(last, len(pdf)) + 1):
                page_start = layout.page_start(page)
                lo = max(ann.start, page_start)
                hi = ann.end if page == last else layout.page_start(page + 1)
                want = counter.compact(lo, hi)
                if not want:
                    continue
                chars = pages.get(page) or pages.setdefault(page, read_page(pdf, page - 1))
                found = match(chars, want, counter.count(page_start, lo))
                if found is None:
                    log.warning("annotation %s: quote not found on page %d", ann.id, page)
                    continue
                boxes = [chars.box(i) for i in range(*found)]
                quads[page - 1] = line_quads(boxes)
            if quads:
                placed.append((ann, quads))
            else:
                log.warning("annotation %s could not be placed in the PDF", ann.id)
    finally:
        for chars in pages.values():
            chars.textpage.close()
        pdf.close()
    return placed


_INVISIBLE = re.compile("[\\s\ufffe\ufffd\x00]")  # spaces and what pdfium could not map
_VISIBLE = re.compile("[^\\s\ufffe\ufffd\x00]")


def read_page(pdf: Any, index: int) -> PageChars:
    textpage = pdf[index].get_textpage()
    count = textpage.count_chars()
    whole = textpage.get_text_range()
    if len(whole) != count:  # pdfium left chars out or added some: ask char by char
        whole = "".join(_char(textpage, i) for i in range(count))
    indexes = [m.start() for m in _VISIBLE.finditer(whole)]
    return PageChars(_INVISIBLE.sub("", whole), indexes, textpage)


def _char(textpage: Any, index: int) -> str:
    code = pdfium.raw().FPDFText_GetUnicode(textpage, index)
    return chr(code) if 0 < code < 0x110000 else "\x00"


def match(chars: PageChars, want: str, expected: int) -> tuple[int, int] | None:
    """The range of ``chars.text`` showing ``want``: exactly, else by letters and digits.

    The second try covers what a PDF does not carry as text: a soft hyphen Qt leaves out,
    an emoji drawn from a fallback font without a Unicode mapping.
    """
    at = _find(chars.text, want, expected)
    if at is not None:
        return at, at + len(want)
    strict = "".join(c for c in want if c.isalnum())
    if not strict:
        return None
    keep = chars.alnum_positions()
    loose = "".join(chars.text[j] for j in keep)
    at = _find(loose, strict, bisect.bisect_left(keep, expected))
    if at is None:
        return None
    return keep[at], keep[at + len(strict) - 1] + 1


def _find(haystack: str, needle: str, expected: int) -> int | None:
    """Where ``needle`` is in ``haystack``: at ``expected`` if it is there, else the nearest."""
    if haystack.startswith(needle, expected):
        return expected
    best: int | None = None
    at = haystack.find(needle)
    while at != -1:
        if best is None or abs(at - expected) < abs(best - expected):
            best = at
        at = haystack.find(needle, at + 1)
    return best


class _DrawnCounter:
    """Counts the printed non-space characters of the text (those inside blocks)."""

    def __init__(self, text: str, blocks: Sequence[Block]) -> None:
        self._text = text
        self._blocks = blocks
        self._starts = [b.start for b in blocks]

    def compact(self, lo: int, hi: int) -> str:
        """The printed non-space characters of ``text[lo:hi]``."""
        parts = []
        i = max(bisect.bisect_right(self._starts, lo) - 1, 0)
        while i < len(self._blocks) and self._blocks[i].start < hi:
            b = self._blocks[i]
            a, z = max(lo, b.start), min(hi, b.end)
            if a < z:
                parts.append("".join(self._text[a:z].split()))
            i += 1
        return "".join(parts)

    def count(self, lo: int, hi: int) -> int:
        return len(self.compact(lo, hi))


def line_quads(boxes: Sequence[Box]) -> list[Quad]:
    """Merge glyph boxes into one rectangle per printed line."""
    quads: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if quads:
            q = quads[-1]
            mid, q_mid = (bottom + top) / 2, (q[1] + q[3]) / 2
            if abs(mid - q_mid) < (q[3] - q[1]) / 2 and left >= q[0] - 1:
                q[0], q[1] = min(q[0], left), min(q[1], bottom)
                q[2], q[3] = max(q[2], right), max(q[3], top)
                continue
        quads.append([left, bottom, right, top])
    return [(q[0], q[1], q[2], q[3]) for q in quads]


# -- writing the annotation objects ---------------------------------------------------------
def annotate(
    writer: PdfWriter,
    page_index: int,
    ann: Annotation,
    quads: Sequence[Quad],
    author: str,
    now: float,
) -> None:
    rect = (
        min(q[0] for q in quads),
        min(q[1] for q in quads),
        max(q[2] for q in quads),
        max(q[3] for q in quads),
    )
    rgb = color_rgb(ann.color)
    highlight = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Highlight"),
            NameObject("/Rect"): _floats(rect),
            NameObject("/QuadPoints"): _floats(_quad_points(quads)),
            NameObject("/C"): _floats(rgb),
            NameObject("/CA"): FloatObject(1),
            NameObject("/F"): NumberObject(4),  # print
            NameObject("/Contents"): TextStringObject(ann.note),
            NameObject("/T"): TextStringObject(author),
            NameObject("/NM"): TextStringObject(ann.id),
            NameObject("/M"): TextStringObject(_pdf_date(ann.modified or now)),
            NameObject("/CreationDate"): TextStringObject(_pdf_date(ann.created or now)),
            NameObject("/Subj"): TextStringObject("Highlight"),
            NameObject("/AP"): DictionaryObject(
                {NameObject("/N"): writer._add_object(_appearance(rect, quads, rgb))}
            ),
        }
    )
    added = writer.add_annotation(page_index, highlight)
    _add_popup(writer, page_index, added, rect)


def _add_popup(writer: PdfWriter, page_index: int, parent: Any, rect: Box) -> None:
    """The note's pop-up window, closed, in the right margin beside the highlight."""
    right = float(writer.pages[page_index].mediabox.right)
    popup = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Popup"),
            NameObject("/Rect"): _floats((right - 200, rect[1] - 120, right - 10, rect[1])),
            NameObject("/Parent"): parent.indirect_reference,
            NameObject("/Open"): BooleanObject(False),
        }
    )
    added = writer.add_annotation(page_index, popup)
    parent[NameObject("/Popup")] = added.indirect_reference


def _pdf_date(stamp: float) -> str:
    """A PDF date string (UTC) for a Unix time: when the note was made or last edited."""
    return time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(stamp))


def _quad_points(quads: Sequence[Quad]) -> list[float]:
    """Per line: top-left, top-right, bottom-left, bottom-right (the order viewers expect)."""
    points: list[float] = []
    for left, bottom, right, top in quads:
        points += [left, top, right, top, left, bottom, right, bottom]
    return points


def _appearance(rect: Box, quads: Sequence[Quad], rgb: tuple[float, float, float]) -> Any:
    """A multiply-blended fill of the quads, for viewers that do not draw highlights."""
    ops = ["/GS0 gs", f"{rgb[0]:.4f} {rgb[1]:.4f} {rgb[2]:.4f} rg"]
    for left, bottom, right, top in quads:
        ops.append(f"{left:.2f} {bottom:.2f} {right - left:.2f} {top - bottom:.2f} re f")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("ascii"))
    gs = DictionaryObject(
        {NameObject("/BM"): NameObject("/Multiply"), NameObject("/ca"): FloatObject(1)}
    )
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): _floats(rect),
            NameObject("/Resources"): DictionaryObject(
                {
                    NameObject("/ExtGState"): DictionaryObject({NameObject("/GS0"): gs}),
                }
            ),
        }
    )
    return stream


def _floats(values: Sequence[float]) -> ArrayObject:
    return ArrayObject(FloatObject(round(v, 3)) for v in values)
