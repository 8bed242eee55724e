"""What the copy writers share: annotation pieces, colours, the entity index,
cancellation and atomic output.

Offsets are Python ``str`` indices into ``Document.text``, end-exclusive.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.annotations import COLORS, Annotation
from reader.core.document import Document
from reader.core.errors import CancelledError, ExportError
from reader.core.fsutil import atomic_path

if TYPE_CHECKING:  # the ner package loads the recogniser; only its types are needed
    from reader.core.ner.entities import Entity

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

INDEX_TITLE = "Index of entities"


def check_cancel(cancel: threading.Event | None) -> None:
    """Raise :class:`CancelledError` if the user cancelled the export."""
    if cancel is not None and cancel.is_set():
        raise CancelledError("Export was cancelled; nothing was written")


def report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def default_author() -> str:
    """The name recorded as author of the copy and of its notes when none is given: the
    user's full name from the system (Preferences' default for ``author``)."""
    from reader.core.preferences_schema import default_author as system_name

    return system_name()


def color_hex(name: str) -> str:
    """The ``#rrggbb`` of a highlight colour name; unknown names fall back to yellow."""
    return COLORS.get(name, COLORS["yellow"])


def color_rgb(name: str) -> tuple[float, float, float]:
    """The colour as three floats in 0..1 (PDF's DeviceRGB)."""
    h = color_hex(name).lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return (round(r, 4), round(g, 4), round(b, 4))


def usable_annotations(document: Document, annotations: Sequence[Annotation]) -> list[Annotation]:
    """The annotations that fit the text, in text order; others are logged and skipped."""
    n = len(document.text)
    kept = []
    for ann in annotations:
        if ann.end > n:
            log.warning("annotation %s runs past the text (%d > %d); skipped", ann.id, ann.end, n)
            continue
        kept.append(ann)
    return sorted(kept, key=lambda a: (a.start, a.end, a.id))


#: Characters that break a line inside a paragraph (Qt would start a new block at some).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = [c for c in range(0x20) if chr(c) not in LINE_BREAKS and c != 0x09] + [0x7F]
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str, line_break: str) -> str:
    """``text`` with one character for each: breaks become ``line_break``, other control
    characters a space, and what XML cannot hold (lone surrogates) a replacement mark."""
    table = _TABLES.get(line_break)
    if table is None:
        table = {ord(c): line_break for c in LINE_BREAKS}
        table.update({c: " " for c in _CONTROLS})
        table.update({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
        _TABLES[line_break] = table
    return _LONE_SURROGATE.sub("\ufffd", text.translate(table))


_TABLES: dict[str, dict[int, str]] = {}


@dataclass(frozen=True, slots=True)
class Piece:
    """``text[start:end]`` with the annotations that cover all of it (maybe none)."""

    start: int
    end: int
    covering: tuple[Annotation, ...]


def pieces(start: int, end: int, annotations: Sequence[Annotation]) -> list[Piece]:
    """Split ``[start, end)`` at every annotation boundary inside it (overlaps allowed)."""
    inside = [a for a in annotations if a.start < end and a.end > start]
    cuts = {start, end}
    for a in inside:
        cuts.update(x for x in (a.start, a.end) if start < x < end)
    bounds = sorted(cuts)
    out = []
    for lo, hi in itertools.pairwise(bounds):
        covering = tuple(a for a in inside if a.start <= lo and a.end >= hi)
        out.append(Piece(lo, hi, covering))
    return out


def top_color(covering: Sequence[Annotation]) -> str | None:
    """The colour shown where annotations overlap: the shortest (innermost) one wins."""
    if not covering:
        return None
    return min(covering, key=lambda a: (a.end - a.start, -a.start)).color


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of the entity index: an entity and where its mentions are."""

    name: str
    label: str
    count: int
    pages: tuple[int, ...] = ()  # 1-based, empty where pages are not known (DOCX)


_TIME_LABELS = frozenset(("DATE", "TIME"))


def index_entries(
    entities: Sequence[Entity],
    page_of: Callable[[int], int] | None = None,
    *,
    dates: bool = False,
) -> list[IndexEntry]:
    """Named entities in alphabetical order (Kazakh-aware), with the pages of their mentions.

    Numbers (``is_number_label``: 2 000 000, 15 %) are not names and stay out of the index;
    dates and times come in only with ``dates``.
    """
    from reader.core.ner.entities import is_number_label

    out = []
    for ent in entities:
        if not ent.mentions or is_number_label(ent.label):
            continue
        if ent.label in _TIME_LABELS and not dates:
            continue
        pages: tuple[int, ...] = ()
        if page_of is not None:
            pages = tuple(sorted({page_of(m.start) for m in ent.mentions}))
        out.append(IndexEntry(ent.name, ent.label, ent.count, pages))
    return sorted(out, key=lambda e: (alphabetical(e.name), e.label))


#: The Kazakh Cyrillic alphabet in dictionary order (Unicode puts Ә Ғ Қ Ң Ө Ұ Ү Һ І last).
KAZAKH_ORDER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {ch: i for i, ch in enumerate(KAZAKH_ORDER)}


def alphabetical(name: str) -> tuple[tuple[int, int], ...]:
    """Sort key: Latin names first, then Cyrillic in Kazakh dictionary order."""
    key = []
    for ch in name.casefold():
        rank = _RANK.get(ch)
        key.append((1, rank) if rank is not None else (0 if ch.isascii() else 2, ord(ch)))
    return tuple(key)


def _english_mentions(count: int) -> str:
    return f"{count} mention{'s' if count != 1 else ''}"


def _english_pages(pages: Sequence[int]) -> str:
    word = "page" if len(pages) == 1 else "pages"
    return f"{word} {', '.join(map(str, pages))}"


def _english_class(label: str) -> str:
    from reader.core.ner.entities import CLASS_NAMES

    return CLASS_NAMES.get(label, label)


@dataclass(frozen=True)
class IndexWording:
    """The words of the entity index: English by default; the GUI passes those of the
    interface language (the index is read by the same person who reads the interface)."""

    title: str = INDEX_TITLE
    mentions: Callable[[int], str] = _english_mentions
    pages: Callable[[Sequence[int]], str] = _english_pages
    class_name: Callable[[str], str] = _english_class  # "GPE" -> "Country or settlement"


ENGLISH = IndexWording()


def index_line(entry: IndexEntry, wording: IndexWording = ENGLISH) -> str:
    """``Name (class) — 3 mentions, pages 1, 4``, as printed in the index."""
    text = f"{entry.name} ({wording.class_name(entry.label)}) — {wording.mentions(entry.count)}"
    if entry.pages:
        text += f", {wording.pages(entry.pages)}"
    return text


@contextlib.contextmanager
def atomic_output(out: str | Path) -> Iterator[Path]:
    """A temp path that becomes ``out`` only if the body succeeds; OS errors become one line."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportError(f"Cannot write {out}: the folder {out.parent} does not exist")
    try:
        with atomic_path(out, suffix=out.suffix + ".part") as tmp:
            yield tmp
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"Cannot write {out}: {reason}") from None
