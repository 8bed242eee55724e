"""The ONE converter between Python ``str`` indices and UTF-16 positions (Qt's, Word's).

Core offsets index ``Document.text`` (code points). Qt and other UTF-16 APIs count units,
so every character outside the Basic Multilingual Plane (an emoji, say) shifts every later
position by one. The GUI's text map and the PDF export's layout both convert through
:class:`Utf16Map`; it is pure Python, so core and export use it without Qt.
"""

import bisect
import re
import sys
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def astral_offsets(text: str) -> list[int]:
    """The ``str`` indices of the characters that take two UTF-16 units."""
    if len(text) > 1000 and sys.getsizeof(text) < 3 * len(text):
        # CPython keeps a str with no astral character in 1 or 2 bytes per character, so
        # its size answers for a 20 MB text at once what the scan below takes 60 ms for.
        return []
    return [m.start() for m in _ASTRAL.finditer(text)]


@dataclass(frozen=True, slots=True)
class Utf16Map:
    """``str`` index <-> UTF-16 position over one string."""

    astral: tuple[int, ...] = ()  # str indices of astral characters, ascending
    _qt: tuple[int, ...] = ()  # their UTF-16 positions

    @classmethod
    def of(cls, text: str) -> "Utf16Map":
        astral = astral_offsets(text)
        return cls(tuple(astral), tuple(a + k for k, a in enumerate(astral)))

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position of ``str`` index ``offset`` (0 <= offset <= len(text))."""
        if not self.astral:
            return offset
        return offset + bisect.bisect_left(self.astral, offset)

    def from_utf16(self, position: int) -> int:
        """The ``str`` index at UTF-16 ``position``; inside a surrogate pair, the pair's start."""
        if not self.astral:
            return position
        return position - bisect.bisect_right(self._qt, position - 1)
