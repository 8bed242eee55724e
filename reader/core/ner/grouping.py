"""Group recognised spans into entities: inflected and shortened mentions under one name.

A mention's key is its words, lowercased, with the case ending taken off the last word
(Назарбаевқа -> назарбаев, Республикасының -> республикасы: a name's possessive ending
is part of its nominative form). An ending comes off when what remains is itself seen in
a mention of the document, or when ``reader.core.kazakh.lemma`` agrees with such a form,
or when the ending is an unambiguous long case ending. Then a shorter key joins a fuller
key of the same class: a person's surname joins the full name that ends with it, and any
other name joins the fuller name it begins (Қазақстан -> Қазақстан Республикасы).
"""

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from reader.core.kazakh import lemma
from reader.core.ner.entities import Entity, Mention
from reader.core.ner.tokens import tokenize
from reader.core.spans import EntitySpan

Key = tuple[str, ...]

_CASE_TEXT = (
    "ның нің дың дің тың тің ға ге қа ке на не ны ні ды ді ты ті н да де та те нда нде "
    "дан ден тан тен нан нен мен бен пен дағы дегі тағы тегі ндағы ндегі ын ін"
)
_CASE_ENDINGS: tuple[str, ...] = tuple(sorted(set(_CASE_TEXT.split()), key=len, reverse=True))
# Endings that a name in the nominative rarely ends with: safe to strip without evidence.
_SAFE_TEXT = "ның нің дың дің тың тің ға ге қа ке нда нде ндағы ндегі"
_SAFE_ENDINGS = frozenset(_SAFE_TEXT.split())
# The accusative looks like the possessive that ends many multi-word names (Президенті).
_ACCUSATIVE = frozenset(("ы", "і", "ны", "ні", "ды", "ді", "ты", "ті"))
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


def canonical(
    word: str,
    observed: set[str],
    lemma: Callable[[str], str] | None = None,
    *,
    last_of_several: bool = False,
) -> str:
    """``word`` (lowercase) without its case ending, when that is safe to say.

    ``last_of_several``: the word ends a multi-word name, where -ы/-і is the possessive
    that belongs to the name (Республикасы), not the accusative.
    """
    if lemma is not None and not last_of_several:
        guess = lemma(word).lower()
        if guess != word and guess in observed and word.startswith(guess):
            return guess
    for ending in _CASE_ENDINGS:
        if last_of_several and ending in _ACCUSATIVE:
            continue
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            rest = word[: -len(ending)]
            if rest in observed or (ending in _SAFE_ENDINGS and len(rest) >= 4):
                return rest
    return word


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


def group(text: str, spans: Iterable[EntitySpan]) -> list[Entity]:
    """Entities of ``text`` from its spans, most mentioned first, then by name."""
    words_of: dict[str, list[str]] = {}  # mention text -> its words, lowercased
    found: list[tuple[EntitySpan, list[str]]] = []
    for s in spans:
        mention = text[s.start : s.end]
        ws = words_of.get(mention)
        if ws is None:
            ws = words_of[mention] = [w.lower() for w in _words(mention)]
        if ws:
            found.append((s, ws))
    observed = {w for ws in words_of.values() for w in ws}
    canonical_of: dict[tuple[str, bool], str] = {}
    keyed: list[tuple[EntitySpan, tuple[str, Key]]] = []
    for s, ws in found:
        last = ws[-1]
        if s.label in _NAMES:
            several = len(ws) > 1
            if (last, several) not in canonical_of:
                canonical_of[(last, several)] = canonical(
                    last, observed, _lemma, last_of_several=several
                )
            last = canonical_of[(last, several)]
        keyed.append((s, (s.label, (*ws[:-1], last))))
    parent = _parents(Counter(k for _, k in keyed))
    members: dict[tuple[str, Key], list[tuple[EntitySpan, int]]] = defaultdict(list)
    for s, k in keyed:
        members[parent.get(k, k)].append((s, len(k[1])))
    entities = [_entity(text, label, key, spans_) for (label, key), spans_ in members.items()]
    entities.sort(key=lambda e: (-e.count, e.name.casefold(), e.key))
    return entities


def _entity(text: str, label: str, key: Key, spans: list[tuple[EntitySpan, int]]) -> Entity:
    """One entity titled by its fullest mention, last word in the nominative."""
    spans.sort(key=lambda sn: (sn[0].start, sn[0].end))
    full = [s for s, n in spans if n == len(key)]
    title_span = min(full, key=lambda s: (s.end - s.start, s.start))
    mentions = tuple(Mention(s.start, s.end, text[s.start : s.end]) for s, _ in spans)
    return Entity(
        key=f"{label}:{' '.join(key)}",
        name=_title(text, title_span, key[-1]),
        label=label,
        mentions=mentions,
    )
