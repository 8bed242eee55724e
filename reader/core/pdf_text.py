"""A PDF page's text in reading order, wrapped lines joined into paragraphs.

pdfium gives a page's characters in content order with generated line breaks (``\\r\\n``)
between its lines. A paragraph's wrapped lines are joined here with a space, and a word
hyphenated at a line end is joined without its hyphen, so that search and the recogniser
see whole words and sentences. A new paragraph starts after a short line, a wider gap, a
first-line indent or a jump up (a new column). Every character keeps its pdfium index and
box (:mod:`reader.core.pdf_map`); the joining spaces and paragraph breaks have index -1.

Running headers and footers (the same text, digits aside, at the same height on most pages)
are left out of the text: repeated on every page they would split every paragraph that runs
across a page break and add one "mention" a page to the entity index. They stay on the
rendered page, where the reader sees them.
"""

import itertools
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.pdf_map import PageInfo, Rect

_DROP = re.compile(r"[\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HYPHENS = "-\xad\x02\u2010"  # pdfium reports a line-end soft hyphen as \x02
_SENTENCE_END = '.!?…:;»"”)]'


@dataclass(slots=True)
class RawPage:
    """What the pdfium thread returns for one page (plain values)."""

    box: Rect
    rotation: int
    text: str  # text[k] is pdfium char k
    boxes: array  # type: ignore[type-arg]  # array('f'), 4 a char: left, bottom, right, top
    has_images: bool = False
    extra: list[tuple[str, Rect]] = field(default_factory=list)  # form fields, FreeText


@dataclass(slots=True)
class Line:
    start: int  # [start, end) in RawPage.text, trimmed of spaces
    end: int
    left: float
    bottom: float
    right: float
    top: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def page_lines(raw: RawPage) -> list[Line]:
    """The page's non-empty lines with their extents."""
    text, b = raw.text, raw.boxes
    lines: list[Line] = []
    pos = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            f, last = 4 * s, 4 * (e - 1)
            lines.append(
                Line(
                    s,
                    e,
                    b[f],
                    min(b[f + 1], b[last + 1]),
                    max(b[f + 2], b[last + 2]),
                    max(b[f + 3], b[last + 3]),
                )
            )
        pos = m.end() if m else len(text)
    return lines


def furniture_key(raw: RawPage, line: Line) -> tuple[str, int]:
    """What makes a running header or footer: its text with digits masked, and its height."""
    words = re.sub(r"\d+", "#", raw.text[line.start : line.end])
    return " ".join(words.split()), round((line.bottom + line.top) / 8)


def running_furniture(pages: Sequence[tuple[RawPage, list[Line]]]) -> set[tuple[str, int]]:
    """Keys of lines found at the top or bottom of at least half the pages (three or more)."""
    counts: Counter[tuple[str, int]] = Counter()
    for raw, lines in pages:
        if len(lines) < 2:
            continue  # a page's only line is its text, whatever other pages say
        edge = 0.12 * (raw.box[3] - raw.box[1])
        seen = {
            furniture_key(raw, line)
            for line in lines[:2] + lines[-2:]
            if line.end - line.start <= 150
            and (line.top > raw.box[3] - edge or line.bottom < raw.box[1] + edge)
        }
        counts.update(seen)
    floor = max(3, len(pages) // 2)
    return {key for key, n in counts.items() if n >= floor}


def strip_furniture(raw: RawPage, lines: list[Line], keys: set[tuple[str, int]]) -> list[Line]:
    """``lines`` without the running header and footer lines."""
    if not keys:
        return lines
    edge = set(range(min(2, len(lines)))) | set(range(max(0, len(lines) - 2), len(lines)))
    return [ln for i, ln in enumerate(lines) if i not in edge or furniture_key(raw, ln) not in keys]


def first_word_width(raw: RawPage, line: Line) -> float:
    """How wide the first word of ``line`` is (had it fitted, the line before would hold it)."""
    end = line.start
    while end < line.end and end - line.start < 40 and not raw.text[end].isspace():
        end += 1
    return float(raw.boxes[4 * (end - 1) + 2]) - line.left


def paragraph_break(
    a: Line, b: Line, body_left: float, body_right: float, h: float, word: float
) -> bool:
    """Does a new paragraph start at line ``b`` after line ``a`` (``word``: the width of
    ``b``'s first word)?"""
    if b.top > a.top + h * 0.5 or (b.bottom > a.bottom + h * 0.3 and b.left > a.right):
        return True  # up or to the right: a new column, a side note
    if a.bottom - b.top > 0.6 * h:
        return True  # a wider gap than the line spacing
    if a.right + word + 0.5 * h < body_right - 0.02 * (body_right - body_left):
        return True  # a short line (the next word would have fitted) ends its paragraph
    return b.left > a.left + 1.2 * h  # a first-line indent


@dataclass(slots=True)
class PageBuilder:
    """Accumulates one page's text with its char indices and boxes."""

    parts: list[str] = field(default_factory=list)
    chars: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    boxes: array = field(default_factory=lambda: array("f"))  # type: ignore[type-arg]

    def add_span(self, raw: RawPage, s: int, e: int) -> None:
        piece = raw.text[s:e]
        if _DROP.search(piece) or "\x02" in piece:
            for k in range(s, e):
                if not _DROP.match(raw.text[k]) and raw.text[k] != "\x02":
                    self.add_span(raw, k, k + 1)
            return
        self.parts.append(piece)
        self.chars.extend(range(s, e))
        self.boxes.extend(raw.boxes[4 * s : 4 * e])

    def add_made(self, ch: str, box: Rect | None = None) -> None:
        """A character of our own making (a joining space, a paragraph break)."""
        self.parts.append(ch)
        self.chars.append(-1)
        if box is None:
            last = self.boxes[-4:] if self.boxes else array("f", [0, 0, 0, 0])
            box = (last[2], last[1], last[2], last[1])  # no size, after the last char
        self.boxes.extend(box)

    def text(self) -> str:
        return "".join(self.parts)


def _ends_hyphenated(raw: RawPage, a: Line, b: Line) -> bool:
    if a.end - a.start < 2 or raw.text[a.end - 1] not in _HYPHENS:
        return False
    before, after = raw.text[a.end - 2], raw.text[b.start]
    return raw.text[a.end - 1] in "\xad\x02" or (before.isalpha() and after.islower())


_COMPOUND = re.compile(r"[^\W\d_]+-[^\W\d_]+")


def compounds(raws: Sequence[RawPage | None]) -> frozenset[str]:
    """Hyphenated words the document writes whole somewhere (``сондай-ақ``): split at their
    own hyphen by a line end, they keep it."""
    return frozenset(
        m.group().lower() for raw in raws if raw is not None for m in _COMPOUND.finditer(raw.text)
    )


def _compound_at(raw: RawPage, a: Line, b: Line, known: frozenset[str]) -> bool:
    """Is the hyphen ending ``a`` part of a word the document writes with it?"""
    if not known or raw.text[a.end - 1] != "-":
        return False
    k = a.end - 1
    while k > a.start and raw.text[k - 1].isalpha():
        k -= 1
    e = b.start
    while e < b.end and raw.text[e].isalpha():
        e += 1
    return f"{raw.text[k : a.end]}{raw.text[b.start : e]}".lower() in known


def build_page(
    raw: RawPage, lines: list[Line], builder: PageBuilder, known: frozenset[str] = frozenset()
) -> None:
    """Append the page's paragraphs (lines joined) to ``builder`` (``known``: see
    :func:`compounds`)."""
    if lines:
        h = sorted(ln.height for ln in lines)[len(lines) // 2] or 1.0
        body_left = min(ln.left for ln in lines)
        body_right = max(ln.right for ln in lines)
    prev: Line | None = None
    for line in lines:
        if prev is not None:
            word = first_word_width(raw, line)
            gap = prev.bottom - line.top > 0.6 * h or line.top > prev.top + h * 0.5
            if not gap and _ends_hyphenated(raw, prev, line):
                if _compound_at(raw, prev, line, known):
                    builder.add_span(raw, line.start, line.end)  # "сондай-" + "ақ": kept
                    prev = line
                    continue
                builder.parts[-1] = builder.parts[-1][:-1]  # a word split: join its halves
                del builder.chars[-1]
                del builder.boxes[-4:]
            elif paragraph_break(prev, line, body_left, body_right, h, word):
                builder.add_made("\n")
            else:
                builder.add_made(" ")
        builder.add_span(raw, line.start, line.end)
        prev = line
    for text, box in raw.extra:
        text = " ".join(text.split())
        if not text:
            continue
        if builder.parts:
            builder.add_made("\n")
        n = len(text)
        width = (box[2] - box[0]) / n
        builder.parts.append(text)
        builder.chars.extend([-1] * n)
        for k in range(n):
            builder.boxes.extend((box[0] + k * width, box[1], box[0] + (k + 1) * width, box[3]))


@dataclass(slots=True)
class Segment:
    """One page's text (no separator after it) with its char indices and boxes."""

    text: str
    chars: array  # type: ignore[type-arg]
    boxes: array  # type: ignore[type-arg]
    box: Rect
    rotation: int
    source: str
    open_end: bool = False  # its last line is full: its paragraph may go on overleaf
    joint: str | None = None  # what joins it to the next page, when already known


def segments(raws: Sequence[RawPage | None], sources: Sequence[str] | None = None) -> list[Segment]:
    """Each page's paragraphs (``None``: a page that failed), running furniture left out."""
    lines = [page_lines(r) if r is not None else [] for r in raws]
    keys = running_furniture([(r, ln) for r, ln in zip(raws, lines, strict=True) if r is not None])
    known = compounds(raws)
    out: list[Segment] = []
    for index, raw in enumerate(raws):
        if raw is None:
            out.append(Segment("", array("i"), array("f"), (0, 0, 612, 792), 0, "failed"))
            continue
        builder = PageBuilder()
        kept = strip_furniture(raw, lines[index], keys)
        build_page(raw, kept, builder, known)
        text = builder.text()
        source = sources[index] if sources else ("text" if text else "none")
        chars = builder.chars if source == "text" else array("i", [-1]) * len(text)
        seg = Segment(text, chars, builder.boxes, raw.box, raw.rotation, source)
        if len(kept) > 1:
            left, right = min(ln.left for ln in kept), max(ln.right for ln in kept)
            seg.open_end = kept[-1].right > right - 0.05 * (right - left)
        out.append(seg)
    return out


def join(segs: Sequence[Segment]) -> tuple[str, list[PageInfo]]:
    """The document's text and pages from the pages' segments.

    A paragraph that runs on from one page to the next is joined with a space; otherwise
    pages are separated by a line break. The separator belongs to the page before, so the
    pages' ranges tile the text."""
    filled = [k for k, seg in enumerate(segs) if seg.text]
    follower = dict(itertools.pairwise(filled))
    parts: list[str] = []
    pages: list[PageInfo] = []
    length = 0
    for k, seg in enumerate(segs):
        text, chars, boxes = seg.text, seg.chars, seg.boxes
        if k in follower and seg.joint != "":
            nxt = segs[follower[k]].text
            runs_on = text[-1] not in _SENTENCE_END and (
                nxt[0].islower() or (seg.open_end and not _heading_like(nxt))
            )
            if seg.joint is not None:
                runs_on = seg.joint == " "
            if seg.joint is None and runs_on and text[-1] in _HYPHENS and text[-2:-1].isalpha():
                text, chars, boxes = text[:-1], chars[:-1], boxes[:-4]  # a word split
            else:
                text += " " if runs_on else "\n"
                chars = chars + array("i", [-1])
                boxes = boxes + array("f", (boxes[-2], boxes[-3], boxes[-2], boxes[-3]))
        pages.append(
            PageInfo(length, length + len(text), seg.box, seg.rotation, chars, boxes, seg.source)
        )
        parts.append(text)
        length += len(text)
    return "".join(parts), pages


def _heading_like(text: str) -> bool:
    """Does a page begin with a short line of its own (a heading), not a paragraph's end?"""
    first, _, rest = text.partition("\n")
    return bool(rest) and len(first) < 60 and first[-1] not in _SENTENCE_END


def split(text: str, pages: Sequence[PageInfo]) -> list[Segment]:
    """The inverse of :func:`join`: each page's segment, its separator taken off."""
    out: list[Segment] = []
    last = max((k for k, p in enumerate(pages) if p.end > p.start), default=-1)
    for k, p in enumerate(pages):
        t, chars, boxes = text[p.start : p.end], p.chars, p.boxes
        joint = None
        if t and t[-1] in " \n" and chars[-1] == -1:
            t, chars, boxes, joint = t[:-1], chars[:-1], boxes[:-4], t[-1]
        elif t and k < last:
            joint = ""  # a word split over the page break, its hyphen dropped
        out.append(Segment(t, chars, boxes, p.box, p.rotation, p.source, False, joint))
    return out


def assemble(
    raws: Sequence[RawPage | None], sources: Sequence[str] | None = None
) -> tuple[str, list[PageInfo]]:
    """The text of all pages (``None``: a page that failed) and where it lies."""
    return join(segments(raws, sources))
