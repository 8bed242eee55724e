"""Aligning the loader's text (``Document.text``) with the package's own text, and finding
each annotation's characters in the package.

The loader may render a story differently (a footnote mark, a list number), drop one, add
one, or put the stories in another order. So the alignment works line by line first
(difflib on whole lines: cheap, and exact where lines agree), then matches lines that moved
(same text elsewhere, in order), then aligns characters inside the small blocks that still
differ. An annotation whose characters did not all align is looked for by its quote and
context in the package text (:func:`reader.core.anchoring.locate`, exact matches only).
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.anchoring import Quote, locate, quote_at
from reader.core.annotations import Annotation
from reader.export.docx_stories import Paragraph, Story

#: Blocks of differing text longer than this (characters, either side) are not aligned
#: character by character (difflib is quadratic there); their annotations use their quote.
CHAR_ALIGN_LIMIT = 4000
#: Mapped characters further apart than this in the package start a new highlighted range.
GAP = 8


@dataclass(frozen=True, slots=True)
class PackageText:
    """Every paragraph of every story joined by ``\\n``, and where each paragraph starts."""

    text: str
    paragraphs: Sequence[Paragraph]
    starts: Sequence[int]

    @classmethod
    def of(cls, stories: Sequence[Story]) -> PackageText:
        paragraphs = [p for s in stories for p in s.paragraphs]
        starts, pos = [], 0
        for p in paragraphs:
            starts.append(pos)
            pos += len(p.text) + 1
        return cls("\n".join(p.text for p in paragraphs), paragraphs, starts)

    def paragraph_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``[lo, hi)`` of paragraph number ``paragraph`` of the package."""

    paragraph: int
    lo: int
    hi: int


def _line_starts(lines: Sequence[str]) -> list[int]:
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out


def align(a: str, b: str) -> array[int]:
    """For every character of ``a``, its offset in ``b``, or -1 where it has none."""
    out = array("i", [-1]) * len(a)
    a_lines, b_lines = a.split("\n"), b.split("\n")
    a_at, b_at = _line_starts(a_lines), _line_starts(b_lines)
    pairs: dict[int, int] = {}  # a line -> b line, for lines equal in text
    matcher = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=True)
    blocks = matcher.get_opcodes()
    for tag, i1, i2, j1, _ in blocks:
        if tag == "equal":
            pairs.update((i1 + k, j1 + k) for k in range(i2 - i1))
    _pair_moved_lines(a_lines, b_lines, pairs)
    for i, j in pairs.items():
        n = len(a_lines[i]) + (1 if i + 1 < len(a_lines) and j + 1 < len(b_lines) else 0)
        out[a_at[i] : a_at[i] + n] = array("i", range(b_at[j], b_at[j] + n))
    taken = set(pairs.values())
    for tag, i1, i2, j1, j2 in blocks:
        if tag != "equal":
            rest_a = [i for i in range(i1, i2) if i not in pairs]
            rest_b = [j for j in range(j1, j2) if j not in taken]
            _align_chars(a, b, a_lines, b_lines, a_at, b_at, rest_a, rest_b, out)
    return out


def _pair_moved_lines(a_lines: list[str], b_lines: list[str], pairs: dict[int, int]) -> None:
    """Pair lines left over by difflib with equal lines elsewhere (a story moved)."""
    taken = set(pairs.values())
    free: dict[str, list[int]] = defaultdict(list)
    for j, line in enumerate(b_lines):
        if j not in taken and line.strip():
            free[line].append(j)
    for line_list in free.values():
        line_list.reverse()  # pop() then gives them in document order
    for i, line in enumerate(a_lines):
        if i not in pairs and line.strip() and free.get(line):
            pairs[i] = free[line].pop()


def _joined(text: str, lines: list[str], at: list[int], idx: list[int]) -> tuple[str, list[int]]:
    """The lines ``idx`` joined by newlines, and each joined character's offset in ``text``."""
    parts, where = [], []
    for n, i in enumerate(idx):
        if n:
            parts.append("\n")
            where.append(at[i] - 1 if at[i] > 0 else 0)
        parts.append(lines[i])
        where.extend(range(at[i], at[i] + len(lines[i])))
    return "".join(parts), where


def _align_chars(
    a: str,
    b: str,
    a_lines: list[str],
    b_lines: list[str],
    a_at: list[int],
    b_at: list[int],
    rest_a: list[int],
    rest_b: list[int],
    out: array[int],
) -> None:
    if not rest_a or not rest_b:
        return
    sa, wa = _joined(a, a_lines, a_at, rest_a)
    sb, wb = _joined(b, b_lines, b_at, rest_b)
    if len(sa) > CHAR_ALIGN_LIMIT or len(sb) > CHAR_ALIGN_LIMIT:
        return
    matcher = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            if sa[block.a + k] != "\n":
                out[wa[block.a + k]] = wb[block.b + k]


def _wordy(ch: str) -> bool:
    return ch.isalnum()


def find_spans(
    text: str, mapping: array[int], package: PackageText, ann: Annotation
) -> list[Span] | None:
    """Where ``ann`` stands in the package, as paragraph ranges; None if it is not there.

    Exact on the words: every letter and digit of the annotation must be found, by the
    alignment or by its quote; when some are not in the package at all (a list number
    the loader wrote), the rest is used if it is most of it.
    """
    start, end = ann.start, ann.end
    mapped = [(i, mapping[i]) for i in range(start, end) if mapping[i] >= 0]
    wordy = sum(1 for ch in text[start:end] if _wordy(ch))
    found = sum(1 for i, _ in mapped if _wordy(text[i]))
    if found == wordy and mapped and _increasing(mapped):
        return _spans(package, [j for _, j in mapped])
    by_quote = _by_quote(text, mapping, package, start, end)
    if by_quote is not None:
        return by_quote
    if mapped and _increasing(mapped) and found * 2 > wordy:
        return _spans(package, [j for _, j in mapped])
    return None


def _increasing(mapped: list[tuple[int, int]]) -> bool:
    return all(x[1] < y[1] for x, y in itertools.pairwise(mapped))


def _by_quote(
    text: str, mapping: array[int], package: PackageText, start: int, end: int
) -> list[Span] | None:
    quote = quote_at(text, start, end)
    hint = _hint(mapping, start)
    match = locate(package.text, Quote(quote.exact, quote.prefix, quote.suffix), hint=hint)
    if match is not None and not match.fuzzy:
        return _spans(package, list(range(match.start, match.end)))
    # ambiguous by context (a header repeated in every section): the nearest exact copy
    best, at = None, package.text.find(quote.exact)
    while at >= 0:
        if best is None or abs(at - hint) < abs(best - hint):
            best = at
        at = package.text.find(quote.exact, at + 1)
    if best is None:
        return None
    return _spans(package, list(range(best, best + len(quote.exact))))


def _hint(mapping: array[int], start: int) -> int:
    for i in range(start, max(start - 20_000, -1), -1):
        if mapping[i] >= 0:
            return mapping[i] + (start - i)
    return 0


def _spans(package: PackageText, positions: list[int]) -> list[Span]:
    """Positions in the package text as ranges of paragraph characters (separators out)."""
    out: list[Span] = []
    last = -GAP - 1
    for pos in positions:
        para = package.paragraph_at(pos)
        lo = pos - package.starts[para]
        if lo >= len(package.paragraphs[para].text):
            continue  # the newline between two paragraphs
        if out and out[-1].paragraph == para and pos - last <= GAP:
            out[-1] = Span(para, out[-1].lo, lo + 1)
        else:
            out.append(Span(para, lo, lo + 1))
        last = pos
    return out
