"""The ONE place that converts Python ``str`` offsets into Qt text positions and back.

Core offsets index ``Document.text`` (Python ``str``, code points, end-exclusive). A Qt text
document counts UTF-16 units, so every character outside the Basic Multilingual Plane (an
emoji, say) shifts every later position by one. The viewer may also show a *different*
string than the document's text (the 2021 Latin view); then each shown character carries
the offset of the original character it came from.

:class:`TextMap` composes both steps: original offset -> shown offset -> Qt position. It is
built off the GUI thread (it scans the whole text) and is immutable, so it can be handed
over as a snapshot.
"""

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.utf16 import Utf16Map


def latin_map(text: str) -> tuple[str, list[int]]:
    """The 2021 Latin transliteration of ``text`` and, per Latin character, its source offset.

    Uses ``reader.core.kazakh.to_latin_mapped`` when the Kazakh core provides it; otherwise
    transliterates character by character (slower, but every offset is still exact).
    """
    from reader.core import kazakh

    mapped = getattr(kazakh, "to_latin_mapped", None)
    if mapped is not None:
        latin, mapped_sources = mapped(text)
        return latin, list(mapped_sources)
    to_latin = kazakh.to_latin
    parts: list[str] = []
    sources: list[int] = []
    cache: dict[str, str] = {}
    for i, ch in enumerate(text):
        out = cache.get(ch)
        if out is None:
            out = cache[ch] = to_latin(ch)
        parts.append(out)
        sources.extend([i] * len(out))
    return "".join(parts), sources


@dataclass(frozen=True, slots=True)
class TextMap:
    """Original ``str`` offsets <-> Qt positions in the text the viewer shows.

    ``sources`` is empty when the viewer shows the original text itself; otherwise
    ``sources[i]`` is the original offset of shown character ``i`` (non-decreasing).
    """

    original_length: int
    shown_length: int
    utf16: Utf16Map = field(default_factory=Utf16Map)
    sources: Sequence[int] = ()

    @classmethod
    def identity(cls, text: str) -> "TextMap":
        """The map for showing ``text`` as it is."""
        return cls(len(text), len(text), Utf16Map.of(text))

    @classmethod
    def shown(cls, original: str, shown: str, sources: Sequence[int]) -> "TextMap":
        """The map for showing ``shown`` in place of ``original`` (``sources`` as above)."""
        if len(sources) != len(shown):
            raise ValueError(f"{len(sources)} source offsets for {len(shown)} shown characters")
        return cls(len(original), len(shown), Utf16Map.of(shown), sources)

    @property
    def is_identity(self) -> bool:
        return not self.sources and self.original_length == self.shown_length

    def to_qt(self, offset: int) -> int:
        """The Qt position of original offset ``offset`` (clamped into the text)."""
        offset = min(max(offset, 0), self.original_length)
        if self.sources:
            offset = bisect.bisect_left(self.sources, offset)
        return self.utf16.to_utf16(offset)

    def from_qt(self, position: int) -> int:
        """The original offset at Qt position ``position`` (clamped into the text)."""
        shown = min(max(self.utf16.from_utf16(max(position, 0)), 0), self.shown_length)
        if not self.sources:
            return shown
        if shown >= self.shown_length:
            return self.original_length
        return self.sources[shown]

    def shown_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range of shown ``str`` range ``[start, end)`` (search in the shown
        text maps back with this)."""
        if not self.sources:
            return start, end
        lo = self.sources[start] if start < self.shown_length else self.original_length
        hi = self.sources[end] if end < self.shown_length else self.original_length
        if end > start and hi <= lo:
            hi = min(lo + 1, self.original_length)
        return lo, hi

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """An original range from a Qt selection; never shorter than one character if the
        selection was not empty (a Latin digraph maps back to its one source letter)."""
        lo, hi = self.from_qt(start), self.from_qt(end)
        if end > start and hi <= lo and lo < self.original_length:
            hi = lo + 1
        return lo, hi


@dataclass(frozen=True, slots=True)
class QtRanges:
    """Original ranges converted through one :class:`TextMap`, in Qt start order.

    Converting a million search matches takes seconds of Python, so the search job builds
    this in the background and the viewer only stores it.
    """

    text_map: TextMap
    ranges: Sequence[tuple[Any, ...]]  # (start, end, ...) in original offsets
    qt_starts: list[int]
    qt_ends: list[int]
    order: list[int]  # index into ranges of each (qt_start, qt_end) pair
    longest: int


def to_qt_ranges(text_map: TextMap, ranges: Sequence[tuple[Any, ...]]) -> QtRanges:
    """Convert ``ranges`` (each starting with start, end) for the viewer; thread-safe."""
    if not text_map.sources and not text_map.utf16.astral:
        starts = [r[0] for r in ranges]  # positions are offsets: no call per range
        ends = [r[1] for r in ranges]
    else:
        starts = [text_map.to_qt(r[0]) for r in ranges]
        ends = [text_map.to_qt(r[1]) for r in ranges]
    order = list(range(len(ranges)))
    if any(a > b for a, b in itertools.pairwise(starts)):
        order.sort(key=starts.__getitem__)
        starts = [starts[i] for i in order]
        ends = [ends[i] for i in order]
    longest = max((e - s for s, e in zip(starts, ends, strict=True)), default=0)
    return QtRanges(text_map, ranges, starts, ends, order, longest)
