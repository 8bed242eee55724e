"""Finding an annotation's text again after the document changed.

An annotation remembers a W3C TextQuoteSelector (``exact`` plus a little ``prefix`` and
``suffix``) and a TextPositionSelector (``start``, ``end``). :func:`locate` looks for the
quote first: every exact occurrence is scored by how much of its context still matches,
the position only breaks ties (nearest wins). When the quote itself was edited or moved,
a bounded approximate match (Myers' bit-parallel edit distance, run only in windows that
pieces of the quote or its context point at) finds text within :func:`max_errors` edits.
Anything further away is not guessed at: the caller reports it as orphaned.

Offsets are Python ``str`` indices, end-exclusive.
"""

from collections import Counter
from dataclasses import dataclass

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
#: In a fuzzy match, each character of context that no longer agrees costs this many edits.
CONTEXT_WEIGHT = 0.25
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


def quote_at(text: str, start: int, end: int, context: int = CONTEXT) -> Quote:
    """The quote selector for ``text[start:end]``."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"range [{start}, {end}) outside the text ({len(text)} chars)")
    return Quote(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def max_errors(exact: str) -> int:
    """Edits tolerated in a fuzzy match of ``exact`` (0 for very short quotes)."""
    return int(len(exact) * FUZZY_RATIO)


def locate(text: str, quote: Quote, hint: int | None = None) -> Match | None:
    """Find ``quote`` in ``text``: exact occurrence with the best context, else fuzzy, else None.

    ``hint`` is the start the annotation had before (its TextPositionSelector); it decides
    between occurrences whose context matches equally well.
    """
    if not quote.exact:
        raise ValueError("empty quote")
    available = len(quote.prefix) + len(quote.suffix)
    exact = _exact_match(text, quote, hint)
    if exact is not None and 2 * _score(text, exact, quote) >= available:
        return exact
    # The context disagrees: the passage may have been edited where it was, while the same
    # words stand elsewhere. Prefer whichever keeps more of its surroundings.
    if len(quote.exact) > LONG_QUOTE:
        fuzzy = _long_match(text, quote, hint)
    else:
        fuzzy = _fuzzy_match(text, quote, hint)
    options = [m for m in (exact, fuzzy) if m is not None]
    if not options:
        return None
    best = max(options, key=lambda m: (_score(text, m, quote), not m.fuzzy))
    return best if _plausible(text, best, quote) else None


def _plausible(text: str, match: Match, quote: Quote) -> bool:
    """Whether a match away from its old context is still believable.

    Enough of the context must agree, unless the quote is long enough to stand on its own
    (and, when fuzzy, barely changed): a common word found elsewhere is not the annotation.
    """
    available = len(quote.prefix) + len(quote.suffix)
    if _score(text, match, quote) >= min(available, max(MIN_CONTEXT, available // 4)):
        return True
    if len(quote.exact) < DISTINCTIVE:
        return False
    return not match.fuzzy or match.errors <= max_errors(quote.exact) // 2


def _score(text: str, match: Match, quote: Quote) -> int:
    return _context_score(text, match.start, match.end, quote)


def _long_match(text: str, quote: Quote, hint: int | None) -> Match | None:
    """A long passage: find its head and its tail, and accept what lies between if the
    length is still about the same (edit distance over the whole would be too slow)."""
    size = len(quote.exact)
    head = locate(text, Quote(quote.exact[:_END_PIECE], quote.prefix, ""), hint)
    tail_hint = None if hint is None else hint + size - _END_PIECE
    tail = locate(text, Quote(quote.exact[-_END_PIECE:], "", quote.suffix), tail_hint)
    if head is None or tail is None or tail.end <= head.start:
        return None
    if abs((tail.end - head.start) - size) > max_errors(quote.exact):
        return None
    return Match(head.start, tail.end, fuzzy=True, errors=abs(tail.end - head.start - size))


# -- exact ----------------------------------------------------------------------------------
def _context_score(text: str, start: int, end: int, quote: Quote) -> int:
    """How many characters of prefix (backwards) and suffix (forwards) still agree."""
    score = 0
    for a, b in zip(
        reversed(quote.prefix),
        reversed(text[max(0, start - len(quote.prefix)) : start]),
        strict=False,
    ):
        if a != b:
            break
        score += 1
    for a, b in zip(quote.suffix, text[end : end + len(quote.suffix)], strict=False):
        if a != b:
            break
        score += 1
    return score


def _exact_match(text: str, quote: Quote, hint: int | None) -> Match | None:
    size = len(quote.exact)
    if hint is not None:
        near = _intact_near(text, quote, hint)
        if near is not None:
            return near  # unchanged, or shifted a little with its context: skip the scan
    best: tuple[int, int, int] | None = None  # (-score, distance, start)
    pos = text.find(quote.exact)
    seen = 0
    while pos != -1 and seen < MAX_OCCURRENCES:
        seen += 1
        score = _context_score(text, pos, pos + size, quote)
        distance = abs(pos - hint) if hint is not None else 0
        key = (-score, distance, pos)
        if best is None or key < best:
            best = key
        pos = text.find(quote.exact, pos + 1)
    if best is None:
        return None
    return Match(best[2], best[2] + size)


def _intact_near(text: str, quote: Quote, hint: int) -> Match | None:
    """The occurrence nearest ``hint`` (within ``NEAR``) whose whole context still agrees."""
    size = len(quote.exact)
    full = len(quote.prefix) + len(quote.suffix)
    if (
        text[hint : hint + size] == quote.exact
        and _context_score(text, hint, hint + size, quote) == full
    ):
        return Match(hint, hint + size)
    best: int | None = None
    lo = max(0, hint - NEAR)
    pos = text.find(quote.exact, lo, hint + NEAR + size)
    while pos != -1:
        if _context_score(text, pos, pos + size, quote) == full and (
            best is None or abs(pos - hint) < abs(best - hint)
        ):
            best = pos
        pos = text.find(quote.exact, pos + 1, hint + NEAR + size)
    return None if best is None else Match(best, best + size)


# -- fuzzy ----------------------------------------------------------------------------------
def _fuzzy_match(text: str, quote: Quote, hint: int | None) -> Match | None:
    k = max_errors(quote.exact)
    if k == 0:
        return None
    available = len(quote.prefix) + len(quote.suffix)
    best: tuple[float, int, int, int, int] | None = None  # cost, distance, start, end, errors
    for guess in _candidates(text, quote, k, hint):
        lo = max(0, guess - k)
        hi = min(len(text), guess + len(quote.exact) + k)
        found = _best_in_window(text, lo, hi, quote.exact, k)
        if found is None:
            continue
        errors, start, end = found
        missing = available - _context_score(text, start, end, quote)
        cost = errors + missing * CONTEXT_WEIGHT
        key = (cost, abs(start - hint) if hint is not None else 0, start, end, errors)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    return Match(best[2], best[3], fuzzy=True, errors=best[4])


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
