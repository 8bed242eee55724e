"""Corrections to the CRF's tags for what KazNERD's sentences rarely show.

Each rule rewrites IOB2 tags of one sentence so that it can be scored on the dev split
exactly like the CRF (see ``python -m reader.core.ner.train --dev``). KazNERD spells out
most numbers and never abbreviates first names, while news text does both.
"""

import re

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


def web_names(words: list[str], tags: list[str]) -> None:
    """Zakon.kz: a site's name and its domain are one entity, whatever the CRF saw of it."""
    for i in range(len(words) - 2):
        if words[i + 1] == "." and words[i + 2].lower() in _DOMAINS:
            labelled = [t for t in tags[i : i + 3] if t != "O"]
            if labelled:
                label = labelled[0][2:]
                tags[i : i + 3] = [f"B-{label}", f"I-{label}", f"I-{label}"]


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


def apply_rules(words: list[str], tags: list[str]) -> list[str]:
    """Tags with every rule applied (a new list)."""
    out = list(tags)
    entities = out.count("O") < len(out)
    if entities and "B-PERSON" in out:
        initials(words, out)
    if any(w[0].isdigit() for w in words):
        dates(words, out)
    if "»" in words:
        quoted_organisations(words, out)
    if entities and "." in words:
        web_names(words, out)
    if entities or out.count("O") < len(out):
        punctuation_edges(words, out)
    return out
