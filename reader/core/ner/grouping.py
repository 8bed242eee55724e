"""Group recognised spans into entities: inflected and shortened mentions under one name.

A mention's key is its words, lowercased, with the case ending taken off the last word
(Назарбаевқа -> назарбаев, Республикасының -> республикасы: possessive and plural endings
stay, only the case goes, so the key is the nominative the entry is titled with). An ending
comes off when the grammar allows it after the sound before it (Қазақстанда is not
Қазақста + нда) and there is evidence: what remains is seen in a mention of the document,
or ``reader.core.kazakh.lemma`` reads the word so and its lexicon knows that stem better
than the word itself (Астанада -> Астана, but Канада stays: Кана is a chance prefix), or
the ending is an unambiguous long case ending, or it follows a hyphen (Twitter-дегі), or
it follows a surname's suffix (Қонақбаевтан). Then a shorter key joins a fuller key of the
same class: a person's surname joins the full name that ends with it, and any other name
joins the fuller name it begins (Қазақстан -> Қазақстан Республикасы).
"""

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from reader.core.kazakh import fold, is_known_stem, lemma, stem_forms
from reader.core.ner.entities import Entity, Mention
from reader.core.ner.tokens import tokenize
from reader.core.spans import EntitySpan

Key = tuple[str, ...]

# Case endings, each with the sounds a word may end in before it (Kazakh assimilation):
# v a vowel, r р/у/й, l л, n м/н/ң, z з/ж, t any other consonant (voiceless, and б в г д,
# as in Назарбаевқа), p the 3rd-person possessive -ы/-і (облысынан, Республикасын).
_CASE_RULES = {
    "ның нің": "vn", "дың дің": "rlz", "тың тің": "t",  # genitive
    "ны ні": "v", "ды ді": "rlnz", "ты ті": "t", "н": "p",  # accusative
    "ға ге": "vrlnz", "қа ке": "t", "на не": "p",  # dative
    "да де": "vrlnz", "та те": "t", "нда нде": "p",  # locative
    "дан ден": "vrlz", "нан нен": "np", "тан тен": "t",  # ablative
    "мен": "vrln", "бен": "rlz", "пен": "t",  # instrumental
    "дағы дегі": "vrlnz", "тағы тегі": "t", "ндағы ндегі": "p",  # locative + -ғы
}  # fmt: skip
_BEFORE: dict[str, str] = {e: cls for es, cls in _CASE_RULES.items() for e in es.split()}
_CASE_ENDINGS: tuple[str, ...] = tuple(sorted(_BEFORE, key=len, reverse=True))
_SOUND = {
    **dict.fromkeys("аәеиоөұүыіэюяёaeiouy", "v"),
    **dict.fromkeys("руйr", "r"),
    **dict.fromkeys("лl", "l"),
    **dict.fromkeys("мнңmn", "n"),
    **dict.fromkeys("зжz", "z"),
}
# Endings that a name in the nominative rarely ends with: safe to strip without evidence.
_SAFE_TEXT = "ның нің дың дің тың тің ға ге қа ке нда нде ндағы ндегі"
_SAFE_ENDINGS = frozenset(_SAFE_TEXT.split())
# A surname's suffix: what follows it is an ending (Қонақбаевтан, Байманованың, Әбішұлына).
_SURNAME_ENDS = ("ов", "ев", "ёв", "ова", "ева", "ёва", "ин", "ина", "ұлы", "қызы", "ский", "цкий")
# After a consonant these may be a possessive -ы/-і on a stem ending in н/д/т (алтын + ы).
_ACCUSATIVE = frozenset(("ны", "ні", "ды", "ді", "ты", "ті"))
_VOICED = {"п": "б", "к": "г", "қ": "ғ"}  # кітап -> кітабы: a lemma's last letter may voice
# Classes whose names are inflected; dates, numbers and amounts keep their words.
_NAMES_TEXT = (
    "PERSON ORGANISATION GPE LOCATION FACILITY NORP EVENT PRODUCT PROJECT LAW ART LANGUAGE "
    "DISEASE POSITION MISCELLANEOUS NON_HUMAN"
)
_NAMES = frozenset(_NAMES_TEXT.split())
_SURNAME_JOINS = frozenset({"PERSON"})  # Назарбаев joins Нұрсұлтан Назарбаев
_HEAD_JOINS = frozenset({"GPE", "LOCATION"})  # Қазақстан joins Қазақстан Республикасы


@functools.lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    """The language core's lemma of a lowercase word (cached: mentions repeat)."""
    return lemma(word)


def _words(mention: str) -> list[str]:
    return [t.text for t in tokenize(mention) if t.text[0].isalnum()]


def _sound(rest: str) -> str:
    """The class of the sound ``rest`` ends in (a soft or hard sign: the letter before it)."""
    last = rest.rstrip("ьъ")[-1:]
    return "p" if last in "ыі" else _SOUND.get(last, "t")  # p: a vowel too


@functools.lru_cache(maxsize=100_000)
def case_splits(word: str) -> tuple[tuple[str, str], ...]:
    """``(rest, ending)`` for each case ending the grammar lets ``word`` (lowercase) end in,
    longest ending first; ``rest`` keeps at least three letters."""
    out = []
    for ending in _CASE_ENDINGS:
        rest = word[: -len(ending)]
        if word.endswith(ending) and len(rest) >= 3:
            sound = _sound(rest)
            if sound in _BEFORE[ending] or (sound == "p" and "v" in _BEFORE[ending]):
                out.append((rest, ending))
    return tuple(out)


def _after_hyphen(word: str) -> str | None:
    """Twitter-дегі, ЕО-ға: an ending after a hyphen is always one (a name precedes it)."""
    head, _, tail = word.rpartition("-")
    return head if len(head) >= 2 and tail in _BEFORE else None


def _lemma_rest(word: str, stem: str, splits: Iterable[tuple[str, str]]) -> str | None:
    """The reading among ``splits`` that the lemma ``stem`` agrees with: the shortest rest
    that still holds the stem (облысынан, облыс -> облысы: only the case goes)."""
    if stem == word or len(stem) < 3:
        return None
    voiced = stem[:-1] + _VOICED.get(stem[-1], stem[-1])
    if not (word.startswith(stem) or word.startswith(voiced)):
        return None
    fits = [rest for rest, _ in splits if len(rest) >= len(stem)]
    return min(fits, key=len) if fits else None


def canonical(
    word: str,
    observed: set[str],
    lemma: Callable[[str], str] | None = None,
    *,
    last_of_several: bool = False,
    known: Callable[[str, str], bool] | None = None,
    surname: bool = False,
) -> str:
    """``word`` (lowercase) without its case ending, when the evidence supports it.

    ``observed``: the words seen in the document's mentions. ``lemma``: the lemmatiser;
    ``known(stem, word)``: whether its lexicon knows the stem better than the word (see
    :func:`better_known`).
    ``last_of_several``: the word ends a multi-word name, whose possessive ending belongs
    to the name (Республикасы). ``surname``: the word ends a person's name.
    """
    hyphen = _after_hyphen(word)
    if hyphen is not None:
        return hyphen
    splits = case_splits(word)
    if not splits:
        return word
    for rest, _ending in splits:
        if rest in observed:
            return rest
    if last_of_several:  # алтыны in Ұлы даланың алтыны is алтын + ы, not алты + ны
        splits = tuple((r, e) for r, e in splits if e not in _ACCUSATIVE)
    if lemma is not None:
        by_lemma = _by_lemma(word, splits, observed, lemma(word).lower(), known, last_of_several)
        if by_lemma is not None:
            return by_lemma
    for rest, ending in splits:
        if ending in _SAFE_ENDINGS and len(rest) >= 4:
            return rest
        if surname and rest.endswith(_SURNAME_ENDS) and len(rest) >= 4:
            return rest
    return word


def _by_lemma(
    word: str,
    splits: tuple[tuple[str, str], ...],
    observed: set[str],
    stem: str,
    known: Callable[[str, str], bool] | None,
    last_of_several: bool,
) -> str | None:
    """The nominative when the lemma ``stem`` is seen in the document or well known."""
    rest = _lemma_rest(word, stem, splits)
    if rest is None:
        return None
    if stem in observed:
        if not last_of_several and word.startswith(stem):
            return stem  # a single word joins the bare mention (Президентінің -> Президент)
        return rest
    return rest if known is not None and known(stem, word) else None


def better_known(stem: str, word: str) -> bool:
    """Whether the lemmatiser's lexicon knows ``stem`` as a stem, and in more forms than
    ``word`` itself (Астана, not Кана of Канада; Орда is better known than Ор: it stays)."""
    return is_known_stem(stem) and stem_forms(stem) > stem_forms(word)


def _is_part(short: Key, full: Key, label: str) -> bool:
    if len(short) >= len(full):
        return False
    if label in _SURNAME_JOINS:
        return full[-len(short) :] == short
    if label in _HEAD_JOINS:
        return full[: len(short)] == short
    return False


def _parents(keys: Counter[tuple[str, Key]]) -> dict[tuple[str, Key], tuple[str, Key]]:
    """Each shorter key -> the fullest key of its class that contains it (the most mentioned)."""
    # Candidates share the word the join is anchored on: the surname or the head word.
    anchored: dict[tuple[str, str], list[Key]] = defaultdict(list)
    for label, key in keys:
        if label in _SURNAME_JOINS:
            anchored[(label, key[-1])].append(key)
        elif label in _HEAD_JOINS:
            anchored[(label, key[0])].append(key)
    parent: dict[tuple[str, Key], tuple[str, Key]] = {}
    for label, short in keys:
        anchor = short[-1] if label in _SURNAME_JOINS else short[0]
        fuller = [k for k in anchored.get((label, anchor), ()) if _is_part(short, k, label)]
        if fuller:
            best = max(fuller, key=lambda k: (len(k), keys[(label, k)], k))
            parent[(label, short)] = (label, best)
    return parent


def _title(text: str, span: EntitySpan, word: str) -> str:
    """The mention's text up to the end of its last word's nominative form."""
    mention = text[span.start : span.end]
    last = [t for t in tokenize(mention) if t.text[0].isalnum()][-1]
    name = mention[: last.start + len(word)].strip()
    if text[span.start - 1 : span.start] == "«" and text[span.end : span.end + 1] == "»":
        name = f"«{name}»"
    return name


def _canonicals(
    wanted: set[tuple[str, bool, bool]], observed: set[str]
) -> dict[tuple[str, bool, bool], str]:
    """The canonical form of each (last word, of several words, of a person's name).

    A second round counts the nominatives the first found as seen in the document, so
    Миланда joins Миланға (whose dative is safe to strip) though Милан never appears.
    """
    found = {
        w: canonical(w[0], observed, _lemma, last_of_several=w[1], known=better_known, surname=w[2])
        for w in wanted
    }
    stripped = observed | {c for (word, _, _), c in found.items() if c != word}
    for w in wanted:
        if found[w] == w[0] and len(stripped) > len(observed):
            found[w] = canonical(
                w[0], stripped, _lemma, last_of_several=w[1], known=better_known, surname=w[2]
            )
    return found


def cross_script(word: str) -> str:
    """A word folded so that its Kazakh and Russian spellings meet: the Kazakh letters to
    their Russian neighbours (Тоқаев, Токаев) and х to к (Қазақстан, Казахстан)."""
    return fold(word).replace("х", "к")


def is_name_label(label: str) -> bool:
    """Whether mentions of ``label`` are names that inflect (not dates, numbers, amounts)."""
    return label in _NAMES


def name_keys(mentions: Iterable[tuple[list[str], str]]) -> list[Key]:
    """The folded key each mention (its words lowercased, its class) is grouped under, as
    :func:`group` computes it for Kazakh mentions of one document: Матайда and Матай,
    Сенатқа and Сенаттың meet."""
    found = list(mentions)
    observed = {w for ws, _ in found for w in ws}
    wanted = {(ws[-1], len(ws) > 1, label == "PERSON") for ws, label in found if ws}
    canonical_of = _canonicals(wanted, observed)
    keys: list[Key] = []
    for ws, label in found:
        if not ws:
            keys.append(())
            continue
        last = canonical_of[(ws[-1], len(ws) > 1, label == "PERSON")]
        keys.append(tuple(cross_script(w) for w in (*ws[:-1], last)))
    return keys


Keyed = tuple[EntitySpan, str, Key, Key, bool]  # span, label, key, folded key, is Russian


def _key_words(
    text: str, spans: Iterable[EntitySpan], nominatives: Mapping[EntitySpan, str]
) -> list[tuple[EntitySpan, list[str], bool]]:
    """Each span with its words, lowercased (a Russian mention's nominative's words)."""
    words_of: dict[str, list[str]] = {}
    found: list[tuple[EntitySpan, list[str], bool]] = []
    for s in spans:
        nominative = nominatives.get(s)
        mention = nominative or text[s.start : s.end]
        ws = words_of.get(mention)
        if ws is None:
            ws = words_of[mention] = [w.lower() for w in _words(mention)]
        if ws:
            found.append((s, ws, nominative is not None))
    return found


def group(
    text: str,
    spans: Iterable[EntitySpan],
    nominatives: Mapping[EntitySpan, str] | None = None,
    main_language: str = "kk",
) -> list[Entity]:
    """Entities of ``text`` from its spans, most mentioned first, then by name.

    ``nominatives``: the nominative form of Russian mentions (natasha's; see
    ``reader.core.ner.russian``), used as they are. Mentions whose keys meet across the two
    scripts (:func:`cross_script`) are one entry, titled by a mention in ``main_language``
    (``kk`` or ``ru``) when there is one, with every spelling in ``Entity.spellings``.
    """
    nominatives = nominatives or {}
    found = _key_words(text, spans, nominatives)
    observed = {w for _, ws, russian in found if not russian for w in ws}
    wanted = {
        (ws[-1], len(ws) > 1, s.label == "PERSON")
        for s, ws, russian in found
        if s.label in _NAMES and not russian
    }
    canonical_of = _canonicals(wanted, observed)
    keyed: list[Keyed] = []
    for s, ws, russian in found:
        last = ws[-1]
        if s.label in _NAMES and not russian:
            last = canonical_of[(last, len(ws) > 1, s.label == "PERSON")]
        key = (*ws[:-1], last)
        folded = tuple(cross_script(w) for w in key) if s.label in _NAMES else key
        keyed.append((s, s.label, key, folded, russian))
    parent = _parents(Counter((label, folded) for _, label, _, folded, _ in keyed))
    members: dict[tuple[str, Key], list[Keyed]] = defaultdict(list)
    for item in keyed:
        k = (item[1], item[3])
        members[parent.get(k, k)].append(item)
    entities = [
        _entity(text, label, len(folded), items, nominatives, main_language == "ru")
        for (label, folded), items in members.items()
    ]
    entities.sort(key=lambda e: (-e.count, e.name.casefold(), e.key))
    return entities


def _entity(
    text: str,
    label: str,
    length: int,
    items: list[Keyed],
    nominatives: Mapping[EntitySpan, str],
    russian_first: bool,
) -> Entity:
    """One entity titled by its fullest mention (in the main language if it has one), last
    word in the nominative."""
    items.sort(key=lambda it: (it[0].start, it[0].end))
    full = [it for it in items if len(it[3]) == length]

    def spelling(it: Keyed) -> str:
        return nominatives.get(it[0]) or _title(text, it[0], it[2][-1])

    title = min(full, key=lambda it: (it[4] != russian_first, it[0].end - it[0].start, it[0].start))
    name = spelling(title)
    spellings = dict.fromkeys([name, *(spelling(it) for it in full)])
    mentions = tuple(Mention(it[0].start, it[0].end, text[it[0].start : it[0].end]) for it in items)
    return Entity(
        key=f"{label}:{' '.join(title[2])}",
        name=name,
        label=label,
        mentions=mentions,
        spellings=tuple(spellings),
    )
