"""Finding an annotation's text again after the document changed.

An annotation remembers a W3C TextQuoteSelector (``exact`` plus a little ``prefix`` and
``suffix``) and a TextPositionSelector (``start``, ``end``). :func:`locate` scores every
place the quote may now stand: exact occurrences, and, when none of those keeps its
context, approximate ones (Myers' bit-parallel edit distance, run only in windows that
pieces of the quote or its context point at, within :func:`max_errors` edits). A place
costs its edits plus a fraction per character of context that no longer agrees (a few
typos in the context are forgiven, see :func:`_agreement`). The cheapest place wins,
unless another place is about as good: then the old position must clearly favour one, or
the annotation is orphaned. A note silently moved onto other words is worse than an
orphan, which the user sees and can re-attach; so is anything too unlike the quote.

Offsets are Python ``str`` indices, end-exclusive.
"""

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

#: Characters of context kept before and after a quote.
CONTEXT = 32
#: Share of a quote's length that may differ and still count as the same passage.
FUZZY_RATIO = 0.2
#: At most this many candidate windows are examined per fuzzy search.
MAX_CANDIDATES = 12
#: Quotes longer than this are matched by their first and last ``_END_PIECE`` characters.
LONG_QUOTE = 1000
_END_PIECE = 200
#: Exact occurrences scored at most (a one-letter quote in a novel has many thousands).
MAX_OCCURRENCES = 5000
#: Around its old position an annotation with all its context intact is taken at once.
NEAR = 20_000
#: A quote shorter than this, found away from its context, needs a quarter of that context
#: (at least MIN_CONTEXT characters) to agree.
DISTINCTIVE = 32
MIN_CONTEXT = 4
#: Each character of context that no longer agrees costs this many edits of the quote.
CONTEXT_WEIGHT = 0.25
#: Edits forgiven on each side of the context before the rest of it counts as lost.
CONTEXT_SLACK = 3
#: Context lost on one side counts at most this many characters: the neighbouring text
#: being replaced (a paragraph moved away) is one change, not a character-by-character one.
SIDE_LOSS = 8
#: Places whose costs differ by less than this are equally good.
TIE = 0.5
#: Of equally good places, the one nearest the old position wins only when each other one
#: lies more than this many times as far from it; otherwise the annotation is orphaned.
CLEARLY_NEARER = 3
_CHUNK_MIN = 5


@dataclass(frozen=True, slots=True)
class Quote:
    """A TextQuoteSelector: the quoted text and a little context either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """Where a quote was found: ``text[start:end]``, and whether it needed fuzzy matching."""

    start: int
    end: int
    fuzzy: bool = False
    errors: int = 0  # edits between the quote and the text found (fuzzy matches)


class _Candidate(NamedTuple):
    cost: float  # edits in the quote + CONTEXT_WEIGHT per character of context lost
    start: int
    end: int
    errors: int
    fuzzy: bool


def quote_at(text: str, start: int, end: int, context: int = CONTEXT) -> Quote:
    """The quote selector for ``text[start:end]``."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"range [{start}, {end}) outside the text ({len(text)} chars)")
    return Quote(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def max_errors(exact: str) -> int:
    """Edits tolerated in a fuzzy match of ``exact`` (0 for very short quotes)."""
    return int(len(exact) * FUZZY_RATIO)


def locate(text: str, quote: Quote, hint: int | None = None) -> Match | None:
    """Find ``quote`` in ``text``: the place where it and its context agree best, or None.

    ``hint`` is the start the annotation had before (its TextPositionSelector); it decides
    between places that are about equally good, when it clearly favours one of them.
    """
    if not quote.exact:
        raise ValueError("empty quote")
    if hint is not None:
        near = _intact_near(text, quote, hint)
        if near is not None:
            return near  # unchanged, or shifted a little with its context: skip the scan
    found = _exact_candidates(text, quote, 0, len(text))
    if not found or min(c.cost for c in found) + TIE > 1:
        # No occurrence keeps enough of its context: the passage may have been edited where
        # it was, so approximate matches (one edit or more each) compete too.
        if len(quote.exact) > LONG_QUOTE:
            found += _long_candidates(text, quote, hint)
        else:
            found += _fuzzy_candidates(text, quote, hint)
    best = _decide(found, hint)
    return best if best is not None and _plausible(text, best, quote) else None


def _decide(found: list[_Candidate], hint: int | None) -> Match | None:
    """The cheapest candidate, unless another place is about as good and ``hint`` does not
    clearly favour one of them."""
    if not found:
        return None
    found.sort()
    tied: list[_Candidate] = []
    for cand in found:
        if cand.cost >= found[0].cost + TIE:
            break
        if all(cand.end <= t.start or cand.start >= t.end for t in tied):  # one per place
            tied.append(cand)
    best = tied[0]
    if len(tied) > 1:
        if hint is None:
            return None
        tied.sort(key=lambda c: abs(c.start - hint))
        if abs(tied[1].start - hint) <= CLEARLY_NEARER * abs(tied[0].start - hint):
            return None
        best = tied[0]
    return Match(best.start, best.end, fuzzy=best.fuzzy, errors=best.errors)


def _plausible(text: str, match: Match, quote: Quote) -> bool:
    """Whether a match away from its old context is still believable.

    Enough of the context must agree, unless the quote is long enough to stand on its own
    (and, when fuzzy, barely changed): a common word found elsewhere is not the annotation.
    """
    available = len(quote.prefix) + len(quote.suffix)
    before, after = _kept(text, match.start, match.end, quote)
    if before + after >= min(available, max(MIN_CONTEXT, available // 4)):
        return True
    if len(quote.exact) < DISTINCTIVE:
        return False
    return not match.fuzzy or match.errors <= max_errors(quote.exact) // 2


def _long_candidates(text: str, quote: Quote, hint: int | None) -> list[_Candidate]:
    """A long passage: find its head and its tail, and accept what lies between if the
    length is still about the same (edit distance over the whole would be too slow)."""
    size = len(quote.exact)
    head = locate(text, Quote(quote.exact[:_END_PIECE], quote.prefix, ""), hint)
    tail_hint = None if hint is None else hint + size - _END_PIECE
    tail = locate(text, Quote(quote.exact[-_END_PIECE:], "", quote.suffix), tail_hint)
    if head is None or tail is None or tail.end <= head.start:
        return []
    errors = abs(tail.end - head.start - size)
    if errors > max_errors(quote.exact):
        return []
    lost = _context_lost(text, head.start, tail.end, quote)
    return [_Candidate(errors + lost * CONTEXT_WEIGHT, head.start, tail.end, errors, True)]


# -- context --------------------------------------------------------------------------------
def _agreement(recorded: str, found: str) -> int:
    """Characters of ``recorded`` that ``found`` still has, both read outward from the quote.

    Up to ``CONTEXT_SLACK`` single-character edits (replaced, inserted, deleted) are stepped
    over; past that the two are taken to have parted, so a typo next to the quote costs one
    character, not the whole context.
    """
    matched = i = j = edits = 0
    while i < len(recorded) and j < len(found):
        if recorded[i] == found[j]:
            matched += 1
            i += 1
            j += 1
            continue
        edits += 1
        if edits > CONTEXT_SLACK:
            break
        if recorded[i + 1 : i + 3] == found[j + 1 : j + 3]:
            i, j = i + 1, j + 1  # replaced
        elif recorded[i : i + 2] == found[j + 1 : j + 3]:
            j += 1  # inserted
        elif recorded[i + 1 : i + 3] == found[j : j + 2]:
            i += 1  # deleted
        else:
            i, j = i + 1, j + 1
    return matched


def _kept(text: str, start: int, end: int, quote: Quote) -> tuple[int, int]:
    """Characters of the recorded prefix and of the suffix that still surround the place."""
    before = text[max(0, start - len(quote.prefix) - CONTEXT_SLACK) : start]
    after = text[end : end + len(quote.suffix) + CONTEXT_SLACK]
    return _agreement(quote.prefix[::-1], before[::-1]), _agreement(quote.suffix, after)


def _context_lost(text: str, start: int, end: int, quote: Quote) -> int:
    """Context lost around ``[start, end)``, counting at most ``SIDE_LOSS`` on each side."""
    before, after = _kept(text, start, end, quote)
    return min(len(quote.prefix) - before, SIDE_LOSS) + min(len(quote.suffix) - after, SIDE_LOSS)


# -- exact ----------------------------------------------------------------------------------
def _exact_candidates(text: str, quote: Quote, lo: int, hi: int) -> list[_Candidate]:
    """Occurrences of the quote starting in ``[lo, hi)``, each with its cost."""
    size = len(quote.exact)
    out: list[_Candidate] = []
    pos = text.find(quote.exact, lo, hi + size)
    while pos != -1 and len(out) < MAX_OCCURRENCES:
        lost = _context_lost(text, pos, pos + size, quote)
        out.append(_Candidate(lost * CONTEXT_WEIGHT, pos, pos + size, 0, False))
        pos = text.find(quote.exact, pos + 1, hi + size)
    return out


def _intact_near(text: str, quote: Quote, hint: int) -> Match | None:
    """The occurrence near ``hint`` whose whole context still agrees, if clearly the one.

    Only occurrences within ``NEAR`` are looked at, so one is taken only when every other
    about as good would have been seen: ``CLEARLY_NEARER`` times its distance is in range.
    """
    size = len(quote.exact)
    if text[hint : hint + size] == quote.exact and not _context_lost(
        text, hint, hint + size, quote
    ):
        return Match(hint, hint + size)
    found = _exact_candidates(text, quote, max(0, hint - NEAR), hint + NEAR)
    if not any(c.cost == 0 for c in found):
        return None
    best = _decide(found, hint)
    if best is None or CLEARLY_NEARER * abs(best.start - hint) >= NEAR:
        return None
    return best


# -- fuzzy ----------------------------------------------------------------------------------
def _fuzzy_candidates(text: str, quote: Quote, hint: int | None) -> list[_Candidate]:
    """The closest approximate match in each window the quote's pieces point at."""
    k = max_errors(quote.exact)
    if k == 0:
        return []
    out: dict[tuple[int, int], _Candidate] = {}
    for guess in _candidates(text, quote, k, hint):
        lo = max(0, guess - k)
        hi = min(len(text), guess + len(quote.exact) + k)
        found = _best_in_window(text, lo, hi, quote.exact, k)
        if found is None:
            continue
        errors, start, end = found
        lost = _context_lost(text, start, end, quote)
        fuzzy = text[start:end] != quote.exact
        out[start, end] = _Candidate(errors + lost * CONTEXT_WEIGHT, start, end, errors, fuzzy)
    return list(out.values())


def _chunks(quote: Quote, k: int) -> list[tuple[str, int]]:
    """Pieces of the quote (and its context) with their offset relative to the quote's start.

    With ``k + 1`` disjoint pieces of the quote, at least one survives ``k`` edits intact.
    """
    exact = quote.exact
    count = max(1, min(k + 1, len(exact) // _CHUNK_MIN))
    size = len(exact) // count
    pieces = [(exact[i * size : (i + 1) * size], i * size) for i in range(count)]
    if len(quote.prefix) >= _CHUNK_MIN:
        pieces.append((quote.prefix, -len(quote.prefix)))
    if len(quote.suffix) >= _CHUNK_MIN:
        pieces.append((quote.suffix, len(exact)))
    return [(piece, offset) for piece, offset in pieces if piece]


def _candidates(text: str, quote: Quote, k: int, hint: int | None) -> list[int]:
    """Likely starts of the quote, the ones most pieces agree on first."""
    votes: Counter[int] = Counter()
    bucket = max(1, k)
    for piece, offset in _chunks(quote, k):
        pos = text.find(piece)
        hits = 0
        while pos != -1 and hits < 200:  # a piece found everywhere says nothing
            votes[(pos - offset) // bucket] += 1
            pos = text.find(piece, pos + 1)
            hits += 1
    if hint is not None:
        votes[hint // bucket] += 0  # always look where the annotation used to be
    ranked = sorted(
        votes, key=lambda b: (-votes[b], abs(b * bucket - hint) if hint is not None else 0)
    )
    return [max(0, b * bucket) for b in ranked[:MAX_CANDIDATES]]


def _best_in_window(text: str, lo: int, hi: int, exact: str, k: int) -> tuple[int, int, int] | None:
    """The substring of ``text[lo:hi]`` closest to ``exact``: (errors, start, end), if <= k."""
    window = text[lo:hi]
    ends = edit_distances(exact, window)
    errors = min(ends, default=k + 1)
    if errors > k:
        return None
    # Of the equally good ends, the longest match; then find its start by matching backwards.
    end = max(i for i, e in enumerate(ends) if e == errors) + 1
    back = edit_distances(exact[::-1], window[:end][::-1], anchored=True)
    length = min(range(len(back)), key=lambda i: (back[i], abs(i + 1 - len(exact)))) + 1
    return errors, lo + end - length, lo + end


def edit_distances(pattern: str, text: str, *, anchored: bool = False) -> list[int]:
    """For each ``i``, the fewest edits turning ``pattern`` into a substring ending at ``text[i]``.

    With ``anchored`` the substring must start at ``text[0]`` (plain edit distance to each
    prefix). Myers' (1999) bit-vector algorithm: one pass, the pattern packed in an int.
    """
    m = len(pattern)
    if m == 0:
        return [0] * len(text)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    pv, mv, score = mask, 0, m
    out: list[int] = []
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | anchored) & mask
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
        out.append(score)
    return out
