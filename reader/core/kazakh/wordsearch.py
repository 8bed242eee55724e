"""Word-form search: a query finds every inflected form of its words' lemmas, and little else.

Each word of the text gets two keys made from its lemma written in the 2021 Latin script (which
merges и/й, э/е, х/һ and drops ь/ъ, so Цзиньпин, Фильм and Экспорт meet a Latin query): the
exact key ``qazaqstan`` and the folded key ``kazakstan``. Қазақстанның and Қазақстанға share
both keys, the derived Қазақстандық has its own. A query typed with Kazakh letters (or 2021
Latin letters) is matched on exact keys, so түр does not find тұр; a query without them may have
been typed on a Russian layout or a plain Latin keyboard (Казакстан, kazakstan) and is matched on
folded keys. A Latin query is first written in Cyrillic to find its lemma. Each query word finds
the words whose lemma is the lemma of the query word, or the query word itself. A query of
several words matches the same number of consecutive words of the text, each in any form.

The text is analysed once into a :class:`WordIndex` (each distinct word form once, then a
posting list per key); the last few indexes are cached by the text's identity, and the GUI can
build one in the background with :func:`build_index` when a document opens.
"""

import re
import threading
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.errors import CancelledError
from reader.core.kazakh.grammar import fold_case
from reader.core.kazakh.lemmatizer import lemma
from reader.core.kazakh.script import fold, is_latin, to_cyrillic, to_latin
from reader.core.search import Match

WORD = re.compile(r"[^\W\d_]+")
CACHE_SIZE = 4
_CHUNK = 50_000  # tokens between progress reports and cancellation checks

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class WordIndex:
    """Every word of one text: its span, its key id, and the words of each key."""

    starts: array  # type: ignore[type-arg]
    ends: array  # type: ignore[type-arg]
    exact_ids: array  # type: ignore[type-arg]
    folded_ids: array  # type: ignore[type-arg]
    keys: dict[str, int]  # exact keys and folded keys ("~" + key) share one numbering
    postings: dict[int, array]  # type: ignore[type-arg]


def exact_key(stem: str) -> str:
    """The exact key of a lemma: lowercase 2021 Latin."""
    return fold_case(to_latin(stem))


def folded_key(stem: str) -> str:
    """The folded key of a lemma (Russian-layout and plain-Latin spellings meet here)."""
    return "~" + fold(to_latin(stem))


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise CancelledError("building the word index was cancelled")


def build_index(
    text: str, progress: Progress | None = None, cancel: threading.Event | None = None
) -> WordIndex:
    """The word index of ``text`` (cached); raises CancelledError when ``cancel`` is set."""
    cached = _cache_get(text)
    if cached is not None:
        return cached
    spans = [m.span() for m in WORD.finditer(text)]
    total = len(spans)
    starts, ends, exact_ids, folded_ids = array("l"), array("l"), array("l"), array("l")
    keys: dict[str, int] = {}
    form_ids: dict[str, tuple[int, int]] = {}
    postings: dict[int, array] = {}  # type: ignore[type-arg]
    for done in range(0, total, _CHUNK):
        _check(cancel)
        if progress is not None:
            progress(done, total)
        for start, end in spans[done : done + _CHUNK]:
            form = text[start:end]
            pair = form_ids.get(form)
            if pair is None:
                stem = lemma(form)
                pair = (
                    keys.setdefault(exact_key(stem), len(keys)),
                    keys.setdefault(folded_key(stem), len(keys)),
                )
                form_ids[form] = pair
            n = len(starts)
            postings.setdefault(pair[0], array("l")).append(n)
            postings.setdefault(pair[1], array("l")).append(n)
            starts.append(start)
            ends.append(end)
            exact_ids.append(pair[0])
            folded_ids.append(pair[1])
    if progress is not None:
        progress(total, total)
    index = WordIndex(starts, ends, exact_ids, folded_ids, keys, postings)
    _cache_put(text, index)
    return index


_cache_lock = threading.Lock()
_cache: list[tuple[str, WordIndex]] = []  # most recent last


def _cache_get(text: str) -> WordIndex | None:
    with _cache_lock:
        for i, (cached_text, index) in enumerate(_cache):
            # the same object, or an equal one (str caches its hash, so this stays cheap)
            if cached_text is text or (
                len(cached_text) == len(text)
                and hash(cached_text) == hash(text)
                and cached_text == text
            ):
                _cache.append(_cache.pop(i))
                return index
    return None


def _cache_put(text: str, index: WordIndex) -> None:
    with _cache_lock:
        _cache.append((text, index))
        del _cache[:-CACHE_SIZE]


def query_words(query: str) -> list[str]:
    """The words of a query in Cyrillic (a Latin query is transliterated first)."""
    if is_latin(query):
        query = to_cyrillic(query)
    return WORD.findall(query)


def _case_agrees(word: str, query_word: str) -> bool:
    """Match case: the word's first letter (and all-capitals) must be as in the query."""
    if word[0].isupper() != query_word[0].isupper():
        return False
    if len(query_word) > 1 and query_word.isupper():
        return word.isupper()
    return True


def _query_keys(word: str, index: WordIndex) -> tuple[bool, set[int]]:
    """Whether ``word`` is matched on exact keys, and the key ids it matches."""
    exact = fold(word) != fold_case(word)  # it has a Kazakh-only letter
    make = exact_key if exact else folded_key
    ids = {index.keys.get(make(stem)) for stem in (lemma(word), word)}
    return exact, {kid for kid in ids if kid is not None}


def find_words(text: str, query: str, *, case: bool, whole_word: bool) -> list[Match]:
    """Every run of words of ``text`` that are forms of the query's words, in order.

    ``whole_word`` is implied (a match is always whole words); ``case`` requires each word's
    first letter to have the case of the query word's first letter.
    """
    del whole_word  # always whole words
    words = query_words(query)
    if not words:
        return []
    index = build_index(text)
    wanted = [_query_keys(w, index) for w in words]
    if any(not ids for _exact, ids in wanted):
        return []
    firsts = sorted({i for kid in wanted[0][1] for i in index.postings[kid]})
    matches: list[Match] = []
    last_end = -1
    n = len(words)
    for first in firsts:
        last = first + n - 1
        if last >= len(index.starts) or index.starts[first] < last_end:
            continue
        if not all(_token_matches(index, first + k, *wanted[k]) for k in range(1, n)):
            continue
        if case and not all(
            _case_agrees(text[index.starts[first + k] : index.ends[first + k]], words[k])
            for k in range(n)
        ):
            continue
        matches.append(Match(index.starts[first], index.ends[last]))
        last_end = index.ends[last]
    return matches


def _token_matches(index: WordIndex, i: int, exact: bool, ids: set[int]) -> bool:
    return (index.exact_ids[i] if exact else index.folded_ids[i]) in ids
