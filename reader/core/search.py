"""The one search entry point that the GUI and the CLI share.

``find(text, query, mode=...)`` returns matches as Python str offsets into ``text``
(end-exclusive). Modes:

- ``"exact"``: the query as literal text; without ``case`` it ignores case.
- ``"regex"``: a Python regular expression; an invalid one raises :class:`QueryError`.

In every mode look-alike letters from another alphabet (Latin ə in жəне, Latin i in бiр, see
``reader.core.kazakh.lookalike``) match the letter they stand for: the query and a cleaned
copy of the text are searched, and the cleaned copy has the text's length, so offsets are
offsets into the text as it is.
- ``"words"``: Kazakh word-form search (every inflected form of the query's lemmas, from
  Cyrillic, Russian-layout or Latin spellings); see ``reader.core.kazakh.wordsearch``.
"""

import re
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.kazakh.lookalike import clean_pattern, clean_text
from reader.core.match import Match
from reader.core.modes import MODES, Mode

if TYPE_CHECKING:
    from reader.core.kazakh.wordsearch import WordIndex

__all__ = [
    "MODES",
    "Match",
    "Mode",
    "QueryError",
    "build_word_index",
    "compile_query",
    "find",
    "line_context",
    "line_contexts",
]


class QueryError(ReaderError):
    """The query cannot be searched for (an invalid regular expression, say)."""


def find(
    text: str,
    query: str,
    *,
    mode: Mode | str = "exact",
    case: bool = False,
    whole_word: bool = False,
    index: "WordIndex | None" = None,
) -> list[Match]:
    """All non-overlapping matches of ``query`` in ``text``, in order.

    ``index`` is the word index of ``text`` (built here for ``"words"`` mode when not given:
    a caller that searches one text often keeps the one :func:`build_word_index` returns);
    the other modes use the cleaned copy of the text it holds.
    """
    if mode not in MODES:
        raise ValueError(f"unknown search mode {mode!r}; expected one of {', '.join(MODES)}")
    if not query:
        return []
    if mode == "words":
        from reader.core.kazakh.wordsearch import find_words

        return find_words(text, query, case=case, whole_word=whole_word, index=index)
    clean = index.clean if index is not None and index.source == text else clean_text(text)
    query = clean_text(query) if mode == "exact" else clean_pattern(query)
    pattern = compile_query(query, mode=mode, case=case, whole_word=whole_word)
    return [Match(m.start(), m.end()) for m in pattern.finditer(clean) if m.end() > m.start()]


def build_word_index(
    text: str,
    progress: "Callable[[int, int], None] | None" = None,
    cancel: "threading.Event | None" = None,
) -> "WordIndex":
    """The word-form index of ``text`` for :func:`find` in ``"words"`` mode (seconds for
    20 MB: build it in the background and keep it with the document)."""
    from reader.core.kazakh.wordsearch import build_index

    return build_index(text, progress, cancel)


def compile_query(
    query: str, *, mode: Mode | str = "exact", case: bool = False, whole_word: bool = False
) -> re.Pattern[str]:
    """The compiled pattern for an exact or regex query."""
    body = re.escape(query) if mode == "exact" else query
    if whole_word:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    flags = 0 if case else re.IGNORECASE
    try:
        return re.compile(body, flags)
    except re.error as exc:
        raise QueryError(f"Invalid regular expression: {exc.msg} at position {exc.pos}") from exc


def line_context(text: str, start: int, end: int, width: int = 60) -> tuple[int, str]:
    """The 1-based line number of ``start`` and the line's text around the match."""
    return text.count("\n", 0, start) + 1, _snippet(text, start, end, width)


def line_contexts(
    text: str, spans: Iterable[tuple[int, int]], width: int = 60
) -> list[tuple[int, str]]:
    """:func:`line_context` of many matches, in their order; line numbers are counted once
    through the text rather than from its start for each match (a million matches of a
    letter in 20 MB would otherwise take hours)."""
    spans = list(spans)
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    out: list[tuple[int, str]] = [(0, "")] * len(spans)
    line, pos = 1, 0
    for i in order:
        start, end = spans[i]
        line += text.count("\n", pos, start)
        pos = start
        out[i] = (line, _snippet(text, start, end, width))
    return out


def _snippet(text: str, start: int, end: int, width: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    lo = max(line_start, start - width)
    hi = min(line_end, end + width)
    return ("…" if lo > line_start else "") + text[lo:hi] + ("…" if hi < line_end else "")
