"""Corrections to the CRF's tags for what KazNERD's sentences rarely show.

Each rule rewrites IOB2 tags of one sentence so that it can be scored on the dev split
exactly like the CRF (see ``python -m reader.core.ner.train --dev``). KazNERD spells out
most numbers and never abbreviates first names, while news text does both.
"""

import re
from collections.abc import Mapping

from reader.core.ner.entities import NUMBER_LABELS
from reader.core.ner.scoring import chunks

_INITIAL = re.compile(r"^[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]\.$")
_YEAR = re.compile(r"^\d{4}(?:-\w+)?$")
_DAY = re.compile(r"^\d{1,2}(?:-\w+)?$")
_MONTHS_TEXT = "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан"
_MONTHS = tuple(_MONTHS_TEXT.split())
_ORG_TEXT = (
    "партия компания қоғам қор бірлестік холдинг банк корпорация ұйым одақ орталық "
    "қауымдастық акционерлік серіктестік агенттік"
)
_ORG_HEADS = tuple(_ORG_TEXT.split())
_EDGE_PUNCTUATION = frozenset(("–", "—", "-", ",", ";", ":", ".", "!", "?", "…"))
_OPENING = {"«": "»", "(": ")", "“": "”"}
_CLOSING = {v: k for k, v in _OPENING.items()}
_DOMAINS = frozenset(("kz", "ru", "com", "org", "net", "info", "gov", "edu", "uz", "kg"))


# A case ending after a hyphen closes an amount (+19 °C-дан, 2 %-ке); only these words
# may still belong to it (50 %-ға дейін, 30 %-тен астам: KazNERD keeps them inside).
_CASE_AFTER_HYPHEN = re.compile(
    r"-(?:[ғгқк][аеы]|[нтд][аеыі]|[нтд][аеы]н|[нтд][ыі]ң|[мбп]ен|[нтд]?[аеы][ғг][ыі])$"
)
_DASHES = frozenset("-–—")
_AMOUNT_TAIL = ("дейін", "шейін", "астам", "жуық", "кем", "артық", "жоғары", "аса", "көп")


def amount_stops(words: list[str]) -> list[int]:
    """Positions where an amount cannot go on: the decoder forbids ``I-`` of a number class
    there, so the CRF's next best reading wins instead of one span swallowing a list.

    A comma goes on an amount only between digits (68 , 5 is KazNERD's 68,5): 2,85 %,
    Украиндар - 2,08 % is two percentages with a people between. A word after a unit with a
    case ending (°C-дан оңтүстігінде) starts something else, unless it is a range word.
    """
    stops: list[int] = []
    for i in range(1, len(words)):
        word = words[i]
        if word in _DASHES and words[i - 1][:1].isupper():
            stops.append(i)  # a range is between numbers: Украиндар - 2,08 % is not one
        elif word == ",":
            between_digits = (
                words[i - 1][-1:].isdigit()
                and words[i + 1 : i + 2] != []
                and (words[i + 1][:1].isdigit())
            )
            if not between_digits:
                stops.append(i)
        elif (
            "-" in words[i - 1]  # a cheap test first: this runs on every word tagged
            and _CASE_AFTER_HYPHEN.search(words[i - 1])
            and not words[i - 1][:1].isdigit()
            and not word.lower().startswith(_AMOUNT_TAIL)
        ):
            stops.append(i)
    return stops


NUMBER_INSIDE = tuple(sorted(f"I-{label}" for label in NUMBER_LABELS))


def _is_month(word: str) -> bool:
    low = word.lower()
    return any(low.startswith(m) for m in _MONTHS)


def initials(words: list[str], tags: list[str]) -> None:
    """М. Қасымбеков: an initial before a person's name belongs to the name."""
    for i in range(len(words) - 2, -1, -1):
        if _INITIAL.match(words[i]) and tags[i + 1] == "B-PERSON":
            tags[i], tags[i + 1] = "B-PERSON", "I-PERSON"


def _date_end(words: list[str], i: int) -> int:
    """End of a digit date starting at ``words[i]``, or 0."""
    n = len(words)
    nxt = words[i + 1].lower() if i + 1 < n else ""
    if _YEAR.match(words[i]) and nxt.startswith("жыл"):
        end = i + 2
        if end + 1 < n and _DAY.match(words[end]) and _is_month(words[end + 1]):
            end += 2
        return end
    if _DAY.match(words[i]) and _is_month(nxt):
        end = i + 2
        if end < n and _YEAR.match(words[end]):
            end += 1
            if end < n and words[end].lower().startswith("жыл"):
                end += 1
        return end
    return 0


def dates(words: list[str], tags: list[str]) -> None:
    """2021 жылғы 5 қаңтарда, 5 қаңтар 2021 жыл: a date in digits with a month name."""
    i = 0
    while i < len(words):
        end = _date_end(words, i)
        if end and tags[i] in ("O", "B-DATE"):
            tags[i:end] = ["B-DATE"] + ["I-DATE"] * (end - i - 1)
            i = end
        else:
            i += 1


def quoted_organisations(words: list[str], tags: list[str]) -> None:
    """«Nur Otan» партиясы: capitalised words in quotes before an organisation's kind."""
    for close in range(2, len(words) - 1):
        if words[close] != "»" or not any(
            words[close + 1].lower().startswith(h) for h in _ORG_HEADS
        ):
            continue
        opened = close - 1
        while opened >= 0 and words[opened] != "«" and close - opened <= 8:
            opened -= 1
        inner = range(opened + 1, close)
        if opened < 0 or words[opened] != "«" or not words[opened + 1][:1].isupper():
            continue
        if all(tags[j] == "O" for j in inner):
            for j in inner:
                tags[j] = "I-ORGANISATION"
            tags[opened + 1] = "B-ORGANISATION"


# The head of an organisation named after its place, in the possessive that a Kazakh
# compound name puts on its head (Нью-Йорк университеті, Қарасай ауданы әкімдігінің,
# Ресей салық қызметі): a bare or plural word (банк, агенттіктері) is no name's head.
_PLACE_ORG_TEXT = (
    "министрлігі университеті институты академиясы колледжі әкімдігі басқармасы "
    "департаменті комитеті агенттігі қызметі палатасы партиясы банкі биржасы прокуратурасы "
    "соты комиссиясы кеңесі филиалы"
)
_PLACE_ORG_HEADS = tuple(_PLACE_ORG_TEXT.split())
_PLACE_ORG_SPAN = 6  # words from the place to the head, at most
_PLACES = frozenset(("GPE", "LOCATION"))
# A place in the genitive (Иранның құтқару қызметі: Iran's) or the locative (Бішкекте,
# Алматы облысындағы) stands beside the organisation; a name starts with the place itself.
_BESIDE = re.compile(r"(?:[ндт][ыі]ң|[дт][ае]|[дт][ае][гғ][ыі])$")


def place_organisations(words: list[str], tags: list[str]) -> None:
    """Алматы қаласы ... басқармасының: a place followed, within a few words and no
    punctuation, by the possessed head of an organisation's name is one ORGANISATION from
    the place to that head; the CRF tags the place alone and the rest as a post or nothing.

    Not when the place is in the genitive or the locative, and not across another
    organisation (Грузия Еуропа Кеңесіне: Georgia, and the Council of Europe).
    """
    for first, stop, label in chunks(tags):
        if label not in _PLACES or tags[first][2:] != label:
            continue  # an earlier change already took this place in
        for j in range(stop, min(len(words), first + _PLACE_ORG_SPAN)):
            word = words[j].lower()
            if _BESIDE.search(word) and not word.startswith(_PLACE_ORG_HEADS):
                break  # Алматы қаласындағы филиал: beside, not a part
            if not word[:1].isalpha() or (tags[j] != "O" and tags[j][2:] != "POSITION"):
                break
            if word.startswith(_PLACE_ORG_HEADS):
                if j + 1 < len(tags) and tags[j + 1].startswith("I-"):
                    break  # a longer entity goes on past the head: leave it
                if not _BESIDE.search(words[stop - 1].lower()):
                    _relabel(tags, first, j + 1, "ORGANISATION")
                break


_DIRECTIONS = frozenset(("орталық", "оңтүстік", "солтүстік", "шығыс", "батыс", "таяу", "алыс"))


def directions(words: list[str], tags: list[str]) -> None:
    """Орталық Азияда, Оңтүстік Америка: a capitalised point of the compass before a place
    is part of its name (KazNERD, nine times in ten), not a word or a place of its own.
    Шығыс Қазақстан without облысы is the exception KazNERD makes, so Қазақстан is left."""
    for first, stop, label in reversed(chunks(tags)):
        if label not in _PLACES or first == 0 or words[first].lower().startswith("қазақстан"):
            continue
        before = words[first - 1]
        if not before[:1].isupper() or before.lower() not in _DIRECTIONS:
            continue
        if tags[first - 1] == "O" or tags[first - 1][2:] in _PLACES:
            start = first - 1
            while start > 0 and tags[start].startswith("I-"):
                start -= 1  # Оңтүстік-Шығыс Азия tagged as one place already
            _relabel(tags, start, stop, label)


_DEGREE_UNIT = re.compile(r"^[CFСК](?:-[^\W\d_]+)?$")  # C, С (Cyrillic), F, К; C-дан


def degrees(words: list[str], tags: list[str]) -> None:
    """+19 °C-дан: a temperature is one QUANTITY from its sign to its unit and range word.

    KazNERD spells temperatures out, so the CRF has never seen the degree sign.
    """
    i = 0
    n = len(words)
    while i < n:
        if words[i] == "°" and i and words[i - 1][:1].isdigit():
            first = i - 1
            while first > 0 and (words[first - 1] == "," or words[first - 1][:1].isdigit()):
                first -= 1  # 28 , 5 °
            if first > 0 and words[first - 1] in ("+", "-", "−", "–"):
                first -= 1
            end = i + 1
            if end < n and _DEGREE_UNIT.match(words[end]):
                end += 1
            if end < n and words[end].lower().startswith(_AMOUNT_TAIL):
                end += 1
            _relabel(tags, first, end, "QUANTITY")
            i = end
        else:
            i += 1


def _relabel(tags: list[str], first: int, end: int, label: str) -> None:
    """``tags[first:end]`` become one ``label`` entity; what an old entity had beyond the
    range is dropped (it was the part swallowed by a wrong span)."""
    for j in range(end, len(tags)):
        if not tags[j].startswith("I-"):
            break
        tags[j] = "O"
    tags[first:end] = [f"B-{label}"] + [f"I-{label}"] * (end - first - 1)


def web_names(words: list[str], tags: list[str]) -> None:
    """Zakon.kz: a name with a web domain is a web address, CONTACT in KazNERD (enbek.kz,
    khabar.kz), never a place or a person, whatever the CRF made of its parts."""
    i = 0
    while i < len(words) - 2:
        if words[i + 1] == "." and words[i + 2].lower() in _DOMAINS and words[i][:1].isalnum():
            _relabel(tags, i, i + 3, "CONTACT")
            if i and tags[i - 1] != "O" and tags[i - 1][2:] != "CONTACT":
                _close_before(tags, i)
            i += 3
        else:
            i += 1


def _close_before(tags: list[str], i: int) -> None:
    """End the entity that ran into position ``i`` (keeps it well-formed IOB2)."""
    first = i - 1
    while first > 0 and tags[first].startswith("I-"):
        first -= 1
    if tags[first] == "O":
        tags[first] = "B" + tags[first + 1][1:]


_NAME_KINDS = frozenset(("ant", "cog", "pat", "top", "org", "al"))


# The 3rd-person possessive, then perhaps a case ending: Кеңсе-сі-нің, Басшы-сы, Қор-ы-на.
_POSSESSED = re.compile(r"^(.{3,}?)(?:сы|сі|ы|і)(?:ның|нің|на|не|нда|нде|нан|нен|н|мен)?$")


def common_words_as_names(words: list[str], tags: list[str], lexicon: Mapping[str, str]) -> None:
    """Елбасы Кеңсесінің: a lone capitalised word taken for a person that is a common noun
    with a possessive ending (the head of a title: the Office of the Elbasy), which
    Apertium's lexicon knows as a common word and never as a name.

    Without the possessive the word may well be a person in KazNERD (Алла, Трамп, Зейін
    are all common words to Apertium), so only the possessed form is taken.
    ``lexicon``: the model's gazetteer with Apertium's ``@word`` -> kinds entries.
    """
    for first, stop, label in chunks(tags):
        if label != "PERSON" or stop - first != 1:
            continue
        match = _POSSESSED.match(words[first].lower())
        kinds = lexicon.get("@" + match.group(1), "") if match else ""
        if "n" in kinds.split("+") and _NAME_KINDS.isdisjoint(kinds.split("+")):
            tags[first] = "O"


def punctuation_edges(words: list[str], tags: list[str]) -> None:
    """An entity neither starts nor ends with a dash or a comma, nor with an unpaired quote.

    KazNERD keeps a quote that opens a name inside the entity («Астана» халықаралық қаржы
    орталығы) and % in a percentage, so those stay.
    """
    for first, stop, label in chunks(tags):
        while first < stop and _loose_edge(words, first, first, stop):
            tags[first] = "O"
            first += 1
        while stop > first and _loose_edge(words, stop - 1, first, stop):
            tags[stop - 1] = "O"
            stop -= 1
        if first < stop:
            tags[first] = f"B-{label}"


def _loose_edge(words: list[str], i: int, first: int, stop: int) -> bool:
    word = words[i]
    if word in _EDGE_PUNCTUATION:
        return True
    if word in _OPENING:
        return _OPENING[word] not in words[i + 1 : stop]
    if word in _CLOSING:
        return _CLOSING[word] not in words[first:i]
    return False


def vague_time_adverbs(words: list[str], tags: list[str], lexicon: Mapping[str, str]) -> None:
    """Бүгінде (nowadays): a lone word taken for a date or time that Apertium's lexicon knows
    only as an adverb names no point in time. Words that are nouns too (бүгін, кеше, биыл:
    today, yesterday, this year) name a day or a year and stay dates.

    KazNERD itself marks бүгінде as DATE, so this departs from its convention (see
    ``apply_rules``'s ``reader``).
    """
    for first, stop, label in chunks(tags):
        lone = label in ("DATE", "TIME") and stop - first == 1
        if lone and lexicon.get("@" + words[first].lower()) == "adv":
            tags[first] = "O"


def apply_rules(
    words: list[str],
    tags: list[str],
    lexicon: Mapping[str, str] | None = None,
    *,
    reader: bool = False,
) -> list[str]:
    """Tags with every rule applied (a new list); ``lexicon`` as the model's gazetteer.

    ``reader``: also where Oqyrman departs from KazNERD's convention for what a reader
    expects in an entity list (vague temporal adverbs); the development figures are
    measured without it, against KazNERD's own annotation.
    """
    out = list(tags)
    if reader and lexicon is not None and ("B-DATE" in out or "B-TIME" in out):
        vague_time_adverbs(words, out, lexicon)
    entities = out.count("O") < len(out)
    if lexicon is not None and "B-PERSON" in out:
        common_words_as_names(words, out, lexicon)
    if entities and "B-PERSON" in out:
        initials(words, out)
    if any(w[0].isdigit() for w in words):
        dates(words, out)
    if "°" in words:
        degrees(words, out)
    if "»" in words:
        quoted_organisations(words, out)
    if "B-GPE" in out or "B-LOCATION" in out:
        directions(words, out)
        place_organisations(words, out)
    if "." in words:
        web_names(words, out)
    if out.count("O") < len(out):
        punctuation_edges(words, out)
    return out
