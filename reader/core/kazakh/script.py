"""Folding for matching, and the 2021 official Kazakh Latin alphabet in both directions.

``fold`` lowercases and folds the letters a reader cannot type on a Russian keyboard layout
(ә→а ғ→г қ→к ң→н ө→о ұ→у ү→у һ→х і→и ё→е) and the 2021 Latin letters the same way
(ä→a ğ→g q→k ñ→n ö→o ū→u ü→u ı→i İ→i), so a query typed either way meets the text. Folding
keeps the length of the text, so an offset into the folded text is an offset into the original.

``to_latin`` follows the table of the 2021 alphabet: ә ä, ғ ğ, қ q, ң ñ, ө ö, ұ ū, ү ü, ш ş,
ы y, і ı, и and й i (capital İ), ж j, х and һ h, and for the Russian-only letters ц ts, ч ch,
щ şş, ё io, ю iu, я ia, э e, while ъ and ь are dropped. Case is kept: an all-capital word stays
all-capital (Ц→TS), a capitalised word capitalises only the first letter of a digraph (Ц→Ts).

What cannot round-trip (``to_cyrillic(to_latin(w)) != w``), because the Latin letters merge
Cyrillic ones and ``to_cyrillic`` has to guess:

- и and й are both ``i``: ``i`` after a vowel reads as й (Абай), elsewhere as и;
- х and һ are both ``h``: read back as х (һ is rare outside a few words);
- э and е are both ``e``: read back as е;
- ъ and ь are dropped, so they never come back (съезд→sezd→сезд);
- ``io`` reads back as ио (радио), so ё does not come back; ``ts`` reads as ц only at the
  start of a word or before ``i`` (станция), else as т+с (кетсе); ``ia``/``iu`` read as я/ю
  only at the start of a word or after a vowel or ``i`` (Азия), else as и+а (материал).
"""

import re

_CYR_TO_LAT: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
    "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
# Capital forms whose Latin capital is not str.upper() of the small letter.
_UPPER_LAT: dict[str, str] = {"i": "İ", "ı": "I"}
_LOWER_LAT: dict[str, str] = {"İ": "i", "I": "ı"}

_LAT_TO_CYR: dict[str, str] = {
    "a": "а", "ä": "ә", "b": "б", "v": "в", "g": "г", "ğ": "ғ", "d": "д", "e": "е",
    "j": "ж", "z": "з", "k": "к", "q": "қ", "l": "л", "m": "м", "n": "н", "ñ": "ң",
    "o": "о", "ö": "ө", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "ū": "ұ",
    "ü": "ү", "f": "ф", "h": "х", "ş": "ш", "y": "ы", "ı": "і", "i": "и", "c": "ц",
    "w": "у", "x": "кс",
}  # fmt: skip
_LAT_VOWELS = frozenset("aäeioöuūüyı")
_NOT_ONE_TO_ONE = re.compile(
    "[" + "".join(c + c.upper() for c, lat in _CYR_TO_LAT.items() if len(lat) != 1) + "]"
)

_FOLD_PAIRS = "әағгқкңнөоұуүуһхіиёеäağgqkñnöoūuüuıi"
_FOLD_TABLE = {ord(a): b for a, b in zip(_FOLD_PAIRS[::2], _FOLD_PAIRS[1::2], strict=True)}
_LETTERS = re.compile(r"[^\W\d_]")


def _lower_char(ch: str) -> str:
    low = _LOWER_LAT.get(ch, ch.lower())
    return low if len(low) == 1 else ch


def fold(text: str) -> str:
    """``text`` lowercased and with Kazakh letters folded; always the same length."""
    low = text.lower()
    if len(low) != len(text):  # İ and a few others lowercase to two code points
        low = "".join(_lower_char(ch) for ch in text)
    return low.translate(_FOLD_TABLE)


def fold_mapped(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the index of the original character."""
    folded = fold(text)
    return folded, list(range(len(folded)))


def _is_upper_word_at(text: str, i: int) -> bool:
    """Whether the capital letter ``text[i]`` is part of an all-capital word."""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt.isalpha():
        return nxt.isupper()
    prev = text[i - 1] if i > 0 else ""
    return prev.isalpha() and prev.isupper()


def _latin_of(text: str, i: int) -> str:
    ch = text[i]
    low = ch.lower()
    lat = _CYR_TO_LAT.get(low)
    if lat is None:
        return ch
    if ch == low or not lat:
        return lat
    if len(lat) > 1 and not _is_upper_word_at(text, i):
        return _UPPER_LAT.get(lat[0], lat[0].upper()) + lat[1:]
    return "".join(_UPPER_LAT.get(c, c.upper()) for c in lat)


def to_latin_mapped(text: str) -> tuple[str, list[int]]:
    """``to_latin(text)`` and, for each output character, the index of its source character."""
    index: list[int] = []
    done = 0
    for m in _NOT_ONE_TO_ONE.finditer(text):  # letters that become 0 or 2 Latin letters
        i = m.start()
        index.extend(range(done, i))
        index.extend([i] * len(_latin_of(text, i)))
        done = i + 1
    index.extend(range(done, len(text)))
    return to_latin(text), index


# Letters whose Latin form does not depend on their neighbours (all but the capital digraphs).
_LATIN_TABLE = str.maketrans(
    {**_CYR_TO_LAT}
    | {
        cyr.upper(): "".join(_UPPER_LAT.get(c, c.upper()) for c in lat)
        for cyr, lat in _CYR_TO_LAT.items()
        if len(lat) == 1
    }
)
_CONTEXT_CAPITALS = frozenset("ЦЧЩЁЮЯЪЬ")
_CONTEXT_RE = re.compile("[ЦЧЩЁЮЯЪЬ]")


def to_latin(text: str) -> str:
    """``text`` with Kazakh (and Russian) Cyrillic letters written in the 2021 Latin alphabet."""
    if not _CONTEXT_CAPITALS.isdisjoint(text):
        # capital digraphs look at their neighbours (Ts or TS); the rest is a plain table
        text = _CONTEXT_RE.sub(lambda m: _latin_of(m.string, m.start()), text)
    return text.translate(_LATIN_TABLE)


def _cyr_case(cyr: str, upper: bool) -> str:
    return cyr[0].upper() + cyr[1:] if upper else cyr


def _digraph_at(low: str, i: int) -> tuple[str, int] | None:
    """The Cyrillic letter for a Latin digraph starting at ``low[i]``, and its length."""
    pair = low[i : i + 2]
    prev = low[i - 1] if i > 0 else ""
    at_start = not prev.isalpha()
    if pair == "ch":
        return "ч", 2
    if pair == "şş":
        return "щ", 2
    if pair == "ts" and (at_start or low[i + 2 : i + 3] == "i"):
        return "ц", 2
    if pair in ("ia", "iu") and (at_start or prev in _LAT_VOWELS):
        return ("я" if pair == "ia" else "ю"), 2
    return None


def _cyrillic_i(low: str, i: int) -> str:
    prev = low[i - 1] if i > 0 else ""
    return "й" if prev in _LAT_VOWELS and prev != "" else "и"


def to_cyrillic(text: str) -> str:
    """``text`` with 2021 Latin Kazakh written in Cyrillic (see the module notes on guesses)."""
    low = "".join(_lower_char(ch) for ch in text)
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = low[i]
        upper = text[i] != ch
        found = _digraph_at(low, i) if ch in "cştpi" else None
        if found is not None:
            cyr, step = found
        elif ch == "i":
            cyr, step = _cyrillic_i(low, i), 1
        else:
            cyr, step = _LAT_TO_CYR.get(ch, text[i]), 1
            if ch not in _LAT_TO_CYR:
                upper = False
        out.append(_cyr_case(cyr, upper))
        i += step
    return "".join(out)


def is_latin(text: str) -> bool:
    """Whether the letters of ``text`` are Latin rather than Cyrillic (for queries)."""
    letters = _LETTERS.findall(text)
    if not letters:
        return False
    latin = sum(1 for ch in letters if ch < "\u0250")
    return latin * 2 > len(letters)
