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

Look-alike letters (Latin ə in жəне, see :mod:`reader.core.kazakh.lookalike`) are folded
first: the index reads a cleaned copy of the text, of the same length, and keeps it for the
exact and regex modes.

Russian paragraphs (as :func:`reader.core.ner.language.detect` judges them) are bilingual
documents' other half: their words also get keys made from their Russian dictionary forms
(:mod:`reader.core.russian_morph`), so Токаев finds Токаева, Токаеву, Токаевым and послание
finds послания, посланием.

The text is analysed once into a :class:`WordIndex`: its words and the offsets between them
come from a few C-speed passes (``re.split``, ``itertools.accumulate``), and each *distinct*
word form is lemmatised once. Nothing is cached here: the caller keeps the index
:func:`build_index` returns (the GUI's document session builds it in the background when a
document opens) and passes it to :func:`find_words`.
"""

import bisect
import itertools
import re
import threading
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.core.errors import CancelledError
from reader.core.kazakh.apertium import readings
from reader.core.kazakh.grammar import fold_case
from reader.core.kazakh.lemmatizer import is_dictionary_form, lemma, verb_of
from reader.core.kazakh.lookalike import clean_text
from reader.core.kazakh.script import fold, is_latin, to_cyrillic, to_latin
from reader.core.match import Match
from reader.core.ner.language import detect
from reader.core.russian_morph import in_dictionary, russian_lemmas

WORD = re.compile(r"[^\W\d_]+")
_SPLIT = re.compile(r"([^\W\d_]+)")  # the capturing group keeps the words in split()
_CHUNK = 2_000  # distinct forms between progress reports and cancellation checks
# Characters split at a time. Each C-level step (regex split, building arrays) runs over one
# piece without releasing the interpreter lock: over 20 MB at once that froze the window
# for over half a second while this ran in the background; a piece costs about 5 ms.
_PIECE = 1 << 16
_NON_LETTER = re.compile(r"[\W\d_]")

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class WordIndex:
    """The words of one text: where each is, which form it is, and each form's keys.

    Word ``i`` is ``text[bounds[2 * i] : bounds[2 * i + 1]]`` and has form ``word_forms[i]``
    (forms are cleaned of look-alike letters); form ``f`` has the key ids ``exact_ids[f]`` and
    ``folded_ids[f]``. ``source`` is the text indexed, ``clean`` its cleaned copy (the same
    object when nothing needed cleaning).
    """

    source: str
    clean: str

    bounds: array  # type: ignore[type-arg]
    word_forms: array  # type: ignore[type-arg]
    forms: list[str]
    exact_ids: list[int]
    folded_ids: list[int]
    keys: dict[str, int]  # exact keys, and folded keys ("~" + key), share one numbering
    postings: list[array]  # type: ignore[type-arg]  # per form id: its words, in order
    written: dict[str, list[int]]  # each form's own exact and folded key -> those forms
    russian: dict[int, list[int]]  # folded key id of a Russian lemma -> forms in Russian text

    def __len__(self) -> int:
        return len(self.word_forms)

    def start(self, i: int) -> int:
        return int(self.bounds[2 * i])

    def end(self, i: int) -> int:
        return int(self.bounds[2 * i + 1])

    def words_with_form(self, form_ids: frozenset[int]) -> list[int]:
        """The indexes of the words whose form is one of ``form_ids``, in order."""
        return sorted(i for f in form_ids for i in self.postings[f])


def _postings(word_forms: array, n_forms: int) -> list[array]:  # type: ignore[type-arg]
    """For each form id, the indexes of its words, in order."""
    postings: list[array] = [array("i") for _ in range(n_forms)]  # type: ignore[type-arg]
    appends = [p.append for p in postings]
    for i, form in enumerate(word_forms):
        appends[form](i)
    return postings


def exact_key(stem: str) -> str:
    """The exact key of a lemma: lowercase 2021 Latin."""
    return _key_pair(stem)[0]


def folded_key(stem: str) -> str:
    """The folded key of a lemma (Russian-layout and plain-Latin spellings meet here)."""
    return _key_pair(stem)[1]


def form_lemma(form: str) -> str:
    """The lemma of a word of the text; Kazakh written in Latin is analysed in Cyrillic."""
    return lemma(to_cyrillic(form)) if is_latin(form) else lemma(form)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise CancelledError("building the word index was cancelled")


def _key_pair(word: str) -> tuple[str, str]:
    """:func:`exact_key` and :func:`folded_key` of ``word``, transliterating it once."""
    latin = to_latin(word)
    return fold_case(latin), "~" + fold(latin)


def _key_forms(
    forms: list[str], progress: Progress | None, cancel: threading.Event | None
) -> tuple[list[int], list[int], dict[str, int], dict[str, list[int]]]:
    """The exact and folded key id of each distinct form's lemma, lemmatising each once;
    and the forms under their own two keys (the word written as it is)."""
    keys: dict[str, int] = {}
    exact_ids: list[int] = []
    folded_ids: list[int] = []
    written: dict[str, list[int]] = {}
    for done in range(0, len(forms), _CHUNK):
        _check(cancel)
        if progress is not None:
            progress(done, len(forms))
        for f, form in enumerate(forms[done : done + _CHUNK], start=done):
            own = _key_pair(form)
            stem = form_lemma(form)
            exact, folded = own if stem == form else _key_pair(stem)
            exact_ids.append(keys.setdefault(exact, len(keys)))
            folded_ids.append(keys.setdefault(folded, len(keys)))
            written.setdefault(own[0], []).append(f)
            written.setdefault(own[1], []).append(f)
    if progress is not None:
        progress(len(forms), len(forms))
    return exact_ids, folded_ids, keys, written


def build_index(
    text: str, progress: Progress | None = None, cancel: threading.Event | None = None
) -> WordIndex:
    """The word index of ``text``; raises CancelledError when ``cancel`` is set.

    ``progress(done, total)`` counts distinct word forms analysed.
    """
    bounds: array = array("q")  # type: ignore[type-arg]
    word_forms: array = array("i")  # type: ignore[type-arg]
    form_of: dict[str, int] = {}
    cleaned: list[str] = []
    changed = False
    for start, end in _pieces(text):
        _check(cancel)
        piece = text[start:end]
        cleaned.append(clean_text(piece))
        changed = changed or cleaned[-1] is not piece
        parts = _SPLIT.split(cleaned[-1])
        # separator, word, ..., separator: the running ends of the parts are each word's
        # start and end, then where the piece's last separator ends (dropped but at the end)
        ends = itertools.accumulate(map(len, parts), initial=start)
        next(ends)
        bounds.extend(ends)
        if end < len(text):
            bounds.pop()
        words = parts[1::2]
        for form in dict.fromkeys(words):
            form_of.setdefault(form, len(form_of))
        word_forms.extend(map(form_of.__getitem__, words))
    if not bounds:  # the empty text: one (empty) separator
        bounds.append(0)
    forms = list(form_of)
    exact_ids, folded_ids, keys, written = _key_forms(forms, progress, cancel)
    postings = _postings(word_forms, len(forms))
    clean = "".join(cleaned) if changed else text
    russian = _russian_keys(clean, bounds, word_forms, forms, keys, cancel)
    return WordIndex(
        text,
        clean,
        bounds,
        word_forms,
        forms,
        exact_ids,
        folded_ids,
        keys,
        postings,
        written,
        russian,
    )


# Words so common in Russian text that a paragraph without any is not Russian: a cheap
# first look before the language of a paragraph is judged.
_RUSSIAN_HINTS = (
    " и ",
    " в ",
    " на ",
    " не ",
    " что ",
    " с ",
    " по ",
    " для ",
    " о ",
    " к ",
    " из ",
    " от ",
)
_CAPITAL_HINTS = tuple(h.title() for h in _RUSSIAN_HINTS)
_KAZAKH_ONLY = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def russian_ranges(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the paragraphs (lines) of ``text`` written in Russian.

    Only a line with a Russian function word in its first 400 characters is judged, and the
    lines are found from those words (``str.find``, C speed), not read one by one.
    """
    out: list[tuple[int, int]] = []
    done = 0  # lines before this offset are decided
    candidates: list[int] = []
    for hint in _RUSSIAN_HINTS + _CAPITAL_HINTS:
        at = text.find(hint)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            if at - start < 400:
                candidates.append(start)
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(hint, end)
    for start in sorted(set(candidates)):
        if start < done:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        done = end
        if detect(text[start:end]) == "ru":
            out.append((start, end))
    return out


def _russian_keys(
    text: str,
    bounds: array,  # type: ignore[type-arg]
    word_forms: array,  # type: ignore[type-arg]
    forms: list[str],
    keys: dict[str, int],
    cancel: threading.Event | None,
) -> dict[int, list[int]]:
    """The Russian words under the folded keys of their Russian lemmas: the words of Russian
    paragraphs, and elsewhere the words of the Russian dictionary that Apertium's Kazakh
    analyser does not know (поддержали in a line too short to judge its language)."""
    in_russian: set[int] = set()
    for start, end in russian_ranges(text):
        first = bisect.bisect_left(bounds, start) // 2
        last = (bisect.bisect_left(bounds, end) + 1) // 2
        in_russian.update(word_forms[first:last])
    russian: dict[int, list[int]] = {}
    for f, form in enumerate(forms):
        if f % _CHUNK == 0:
            _check(cancel)
        if not _KAZAKH_ONLY.isdisjoint(form) or not _CYRILLIC.search(form):
            continue
        if f not in in_russian and (not in_dictionary(form) or readings(form)):
            continue
        for stem in russian_lemmas(form):
            kid = keys.setdefault(folded_key(stem), len(keys))
            russian.setdefault(kid, []).append(f)
    return russian


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """``text`` cut into pieces of about ``_PIECE`` characters, each cut before a non-letter
    (so no word is split)."""
    start, n = 0, len(text)
    while start < n:
        end = start + _PIECE
        if end >= n:
            end = n
        else:
            found = _NON_LETTER.search(text, end)
            end = found.start() if found else n
        yield start, end
        start = end


def query_words(query: str) -> list[str]:
    """The words of a query in Cyrillic (a Latin query is transliterated first)."""
    query = clean_text(query)
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


def _query_forms(word: str, index: WordIndex) -> frozenset[int]:
    """The forms of the text that the query word finds.

    A word with a Kazakh-only letter is matched on exact keys, one without on folded keys.
    It finds the forms whose lemma is the query word, and the query word written as it is.
    Unless the text shows the query word to be a dictionary form (some form of the text has
    it as its lemma: Канадаға for Канада), it also finds the forms of its own lemma and that
    lemma written as it is (Қазақстанның finds Қазақстан, Қазақстанға...). So Канада does
    not find a village Кана, which is what the lemmatiser makes of Канада out of context,
    and Канадаға still finds Канада.
    """
    exact = fold(word) != fold_case(word)
    make = exact_key if exact else folded_key
    ids = index.exact_ids if exact else index.folded_ids
    own = index.keys.get(make(word))
    found = {f for f, kid in enumerate(ids) if kid == own} if own is not None else set()
    found.update(index.written.get(make(word), ()))
    stem = lemma(word)
    if stem != word and own is None and not is_dictionary_form(word):
        by_stem = index.keys.get(make(stem))
        if by_stem is not None:
            found.update(f for f, kid in enumerate(ids) if kid == by_stem)
        found.update(index.written.get(make(stem), ()))
    if index.russian and not exact:  # the word and its Russian lemmas, in Russian text
        for stem in (fold_case(word).replace("ё", "е"), *russian_lemmas(word)):
            kid = index.keys.get(folded_key(stem))
            if kid is not None:
                found.update(index.russian.get(kid, ()))
    verb = verb_of(word)  # шешу finds шешті, шешеді, шешілді: forms whose lemma is шеш
    if verb is not None:
        by_verb = index.keys.get(make(verb))
        if by_verb is not None:
            found.update(f for f, kid in enumerate(ids) if kid == by_verb)
    return frozenset(found)


def find_words(
    text: str, query: str, *, case: bool, whole_word: bool, index: WordIndex | None = None
) -> list[Match]:
    """Every run of words of ``text`` that are forms of the query's words, in order.

    ``whole_word`` is implied (a match is always whole words); ``case`` requires each word's
    first letter to have the case of the query word's first letter. ``index`` is
    ``build_index(text)``, built here when not given.
    """
    del whole_word  # always whole words
    words = query_words(query)
    if not words:
        return []
    if index is None:
        index = build_index(text)
    wanted = [_query_forms(w, index) for w in words]
    if not all(wanted):
        return []
    matches: list[Match] = []
    last_end = -1
    n = len(words)
    for first in index.words_with_form(wanted[0]):
        last = first + n - 1
        if last >= len(index) or index.start(first) < last_end:
            continue
        if any(index.word_forms[first + k] not in wanted[k] for k in range(1, n)):
            continue
        if case and not all(
            _case_agrees(index.forms[index.word_forms[first + k]], words[k]) for k in range(n)
        ):
            continue
        matches.append(Match(index.start(first), index.end(last)))
        last_end = index.end(last)
    return matches
