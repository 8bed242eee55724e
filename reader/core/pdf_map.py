"""Where each character of a PDF's text sits: page, pdfium char index and box in points.

A PDF's ``Document.text`` is made of its pages' text in order, wrapped lines joined (see
:mod:`reader.core.pdf_text`). :class:`PageMap` keeps, for every character of that text, the
page it came from, pdfium's index of the character on that page (``-1`` for a character the
joining made, such as the space between two wrapped lines, and for recognised text) and its
box in PDF points (page user space: origin at the bottom left, y up). The arrays are compact
(``array('i')`` and ``array('f')``): 20 bytes a character, 40 MB for a 1,000-page book.

Views map boxes to pixels with :meth:`PageInfo.to_device`; exports use them as they are.
"""

import bisect
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # left, bottom, right, top (PDF points)


@dataclass(frozen=True, slots=True, eq=False)
class PageInfo:
    """One page: its text range ``[start, end)`` in ``Document.text`` and its geometry.

    ``box`` is the page's crop box in user space, ``rotation`` its ``/Rotate`` (degrees,
    clockwise). ``chars[k]`` and ``boxes[4k:4k+4]`` describe ``text[start + k]``."""

    start: int
    end: int
    box: Rect
    rotation: int
    chars: array  # type: ignore[type-arg]  # array('i'): pdfium char index or -1
    boxes: array  # type: ignore[type-arg]  # array('f'): 4 floats a character
    source: str = "text"  # "text" (the PDF's text layer), "ocr" (recognised), "none", "failed"

    def __post_init__(self) -> None:
        n = self.end - self.start
        if n < 0 or len(self.chars) != n or len(self.boxes) != 4 * n:
            raise ValueError(f"page map arrays do not cover [{self.start}, {self.end})")

    def size(self, rotation: int = 0) -> tuple[float, float]:
        """Width and height in points as shown, turned by ``rotation`` more degrees."""
        w, h = self.box[2] - self.box[0], self.box[3] - self.box[1]
        return (h, w) if (self.rotation + rotation) % 180 else (w, h)

    def char_box(self, offset: int) -> Rect:
        """The box of ``text[offset]`` (an offset on this page)."""
        k = 4 * (offset - self.start)
        b = self.boxes
        return (b[k], b[k + 1], b[k + 2], b[k + 3])

    def to_device(self, rect: Rect, scale: float, rotation: int = 0) -> Rect:
        """``rect`` in pixels of the page drawn at ``scale`` pixels a point and turned
        ``rotation`` more degrees clockwise: ``(x0, y0, x1, y1)``, y down."""
        x0, y0, x1, y1 = self.box
        turn = ((self.rotation + rotation) // 90) % 4
        pts = []
        for x, y in ((rect[0], rect[1]), (rect[2], rect[3])):
            if turn == 0:
                u, v = x - x0, y1 - y
            elif turn == 1:
                u, v = y - y0, x - x0
            elif turn == 2:
                u, v = x1 - x, y - y0
            else:
                u, v = y1 - y, x1 - x
            pts.append((u * scale, v * scale))
        (ua, va), (ub, vb) = pts
        return (min(ua, ub), min(va, vb), max(ua, ub), max(va, vb))

    def from_device(
        self, u: float, v: float, scale: float, rotation: int = 0
    ) -> tuple[float, float]:
        """The point in user space under pixel ``(u, v)`` (the inverse of :meth:`to_device`)."""
        x0, y0, x1, y1 = self.box
        u, v = u / scale, v / scale
        turn = ((self.rotation + rotation) // 90) % 4
        if turn == 0:
            return x0 + u, y1 - v
        if turn == 1:
            return x0 + v, y0 + u
        if turn == 2:
            return x1 - u, y0 + v
        return x1 - v, y1 - u


@dataclass(frozen=True, slots=True, eq=False)
class PageMap:
    """The pages of a PDF document and where its text lies on them.

    ``failed`` lists pages (0-based) pdfium could not read: they are shown blank and have no
    text. ``scanned`` lists pages without a text layer that have not been recognised yet."""

    pages: tuple[PageInfo, ...]
    failed: tuple[int, ...] = ()
    scanned: tuple[int, ...] = ()
    outline: tuple[tuple[int, str, int], ...] = ()  # (level, title, page index)

    def __len__(self) -> int:
        return len(self.pages)

    def page_of(self, offset: int) -> int:
        """The page that holds ``offset`` (the last page for an offset past the end)."""
        starts = [p.start for p in self.pages]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def line_rects(self, start: int, end: int) -> Iterator[tuple[int, Rect]]:
        """``(page, rect)`` for ``text[start:end]``: one rectangle for each run of
        characters on one line (the quads of a highlight), characters of no size skipped."""
        if start >= end or not self.pages:
            return
        for index in range(self.page_of(start), len(self.pages)):
            page = self.pages[index]
            if page.start >= end:
                return
            lo, hi = max(start, page.start), min(end, page.end)
            yield from ((index, r) for r in _runs(page, lo, hi))

    def char_at(self, page: int, x: float, y: float, nearest: bool = False) -> int | None:
        """The offset of the character whose box holds point ``(x, y)`` of page ``page``;
        with ``nearest``, of the character nearest to it on the nearest line (a drag that
        leaves the text still selects)."""
        info = self.pages[page]
        b = info.boxes
        best, best_d = None, float("inf")
        for k in range(info.end - info.start):
            left, bottom, right, top = b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3]
            if right <= left and top <= bottom:
                continue
            if left <= x <= right and bottom <= y <= top:
                return info.start + k
            if nearest:
                dy = 0.0 if bottom <= y <= top else min(abs(y - bottom), abs(y - top))
                dx = 0.0 if left <= x <= right else min(abs(x - left), abs(x - right))
                d = dy * 1000 + dx  # the nearest line first, then along it
                if d < best_d:
                    best, best_d = info.start + k, d
        if best is not None and x > b[4 * (best - info.start) + 2]:
            return min(best + 1, info.end)  # right of a char: the caret goes after it
        return best


def _runs(page: PageInfo, lo: int, hi: int) -> Iterator[Rect]:
    """Merge the boxes of ``text[lo:hi]`` into one rectangle per line."""
    b = page.boxes
    cur: list[float] | None = None
    for off in range(lo, hi):
        k = 4 * (off - page.start)
        left, bottom, right, top = b[k], b[k + 1], b[k + 2], b[k + 3]
        if right <= left or top <= bottom:
            continue  # a joining space, a line end: no box of its own
        if cur is not None:
            height = max(cur[3] - cur[1], top - bottom)
            same_line = abs((bottom + top) - (cur[1] + cur[3])) / 2 < height / 2
            if same_line and left >= cur[0] - height:
                cur = [min(cur[0], left), min(cur[1], bottom), max(cur[2], right), max(cur[3], top)]
                continue
            yield (cur[0], cur[1], cur[2], cur[3])
        cur = [left, bottom, right, top]
    if cur is not None:
        yield (cur[0], cur[1], cur[2], cur[3])


def empty_page(start: int, box: Rect, rotation: int, source: str) -> PageInfo:
    """A page with no text at ``start``."""
    return PageInfo(start, start, box, rotation, array("i"), array("f"), source)


def shift(page: PageInfo, by: int) -> PageInfo:
    """``page`` with its text range moved ``by`` characters."""
    if not by:
        return page
    return PageInfo(
        page.start + by,
        page.end + by,
        page.box,
        page.rotation,
        page.chars,
        page.boxes,
        page.source,
    )


def pages_text(text: str, pages: Sequence[PageInfo]) -> list[str]:
    """Each page's slice of ``text``."""
    return [text[p.start : p.end] for p in pages]
