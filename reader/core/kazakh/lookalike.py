"""Look-alike letters from other alphabets, folded back to the letter a word stands for.

Real Kazakh PDFs and Word files type letters with look-alikes, because of old fonts and
keyboard layouts: Latin schwa ə/Ə for ә/Ә, Latin i/I for і/І, Cyrillic ӛ/Ӛ (schwa with
diaeresis) for ө/Ө, Latin a e o p c x y H K M T... inside Cyrillic words; and the other way,
a Cyrillic і or а inside a Latin-script word. Each word (a run of letters) is decided by its
own letters, so a really Latin word (an English name, a URL, «Nur Otan») stays Latin:

- a word with letters of both scripts, whose Latin letters all have a Cyrillic look-alike,
  is Cyrillic (жəне, бiр, Kaзақстан); one whose Cyrillic letters all have a Latin look-alike
  is Latin (Nurіslam); a word with letters only one script has (Cyrillic ж and Latin s, say)
  goes by the script most of its letters are in, and only its look-alikes change;
- a word of one script keeps it (Latin «Nur», Cyrillic «Нұр»), except the Cyrillic ӛ/Ӛ,
  which no Kazakh or Russian word uses, and which becomes ө/Ө.

Every replacement is one character for one, so the clean text has the length of the
original and an offset into one is the same offset into the other: search, the word index
and the lemmatiser read a cleaned copy and report offsets into the document as it is.
"""

import functools
import re

# Latin letter -> the Cyrillic letter it is typed for (one character each).
_LAT_TO_CYR = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
    "k": "к", "h": "һ", "ə": "ә", "ö": "ө", "ü": "ү", "ë": "ё",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М",
    "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "Ə": "Ә", "Ö": "Ө", "Ü": "Ү",
    "Ë": "Ё",
}  # fmt: skip
# Cyrillic letter -> the Latin letter it is typed for, inside a Latin word.
_CYR_TO_LAT = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
    "к": "k", "һ": "h", "ә": "ə", "ё": "ë",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Т": "T", "Х": "X", "У": "Y", "Ә": "Ə", "Ё": "Ë", "Ј": "J",
    "ј": "j", "Ѕ": "S", "ѕ": "s",
}  # fmt: skip
_OWN_CYRILLIC = str.maketrans({"ӛ": "ө", "Ӛ": "Ө"})  # Cyrillic letters no Kazakh word uses
_TO_CYR = str.maketrans(_LAT_TO_CYR)
_TO_LAT = str.maketrans(_CYR_TO_LAT)

_CYR_RANGE = "\u0400-\u052f"
_LAT_RANGE = "A-Za-z\u00c0-\u024f\u0259"  # ASCII, Latin-1, Extended-A/B, and ə
# A word mixing scripts has a Cyrillic letter beside a Latin one somewhere: one C-speed scan
# finds every such place, and only those words are looked at.
_SEAM = re.compile(f"[{_CYR_RANGE}][{_LAT_RANGE}]|[{_LAT_RANGE}][{_CYR_RANGE}]")
_CYR = re.compile(f"[{_CYR_RANGE}]")
_LAT = re.compile(f"[{_LAT_RANGE}]")
_LETTERS_FROM = re.compile(r"[^\W\d_]*")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _is_latin(ch: str) -> bool:
    return (ch < "\u0250" and ch.isalpha()) or ch == "ə"


@functools.lru_cache(maxsize=100_000)
def clean_word(word: str) -> str:
    """``word`` with its look-alike letters replaced by the letters it stands for (a word
    of one script is returned as it is, but for ӛ/Ӛ); always the same length."""
    word = word.translate(_OWN_CYRILLIC)
    cyr = sum(map(_is_cyrillic, word))
    lat = sum(map(_is_latin, word))
    if not cyr or not lat:
        return word
    latin_only = any(_is_latin(ch) and ch not in _LAT_TO_CYR for ch in word)
    cyrillic_only = any(_is_cyrillic(ch) and ch not in _CYR_TO_LAT for ch in word)
    if not latin_only or (cyrillic_only and cyr >= lat):
        return word.translate(_TO_CYR)
    return word.translate(_TO_LAT)


def mixes_scripts(word: str) -> bool:
    """Whether ``word`` has both Cyrillic and Latin letters (or the look-alike ӛ/Ӛ)."""
    if "ӛ" in word or "Ӛ" in word:
        return True
    return _SEAM.search(word) is not None or (
        _CYR.search(word) is not None and _LAT.search(word) is not None
    )


def _mixed_words(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word of ``text`` that mixes scripts, in order, once each."""
    spans: list[tuple[int, int]] = []
    for m in _SEAM.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue  # a second seam of the same word
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1  # words are short: walking back costs less than a regex from 0
        after = _LETTERS_FROM.match(text, m.start())
        end = max(after.end() if after else 0, m.end())
        spans.append((start, end))
    return spans


def clean_text(text: str) -> str:
    """``text`` with every word's look-alike letters folded (see :func:`clean_word`).

    The result has the length of ``text``, character for character; a text without mixed
    words comes back as the same object, after one scan.
    """
    if "ӛ" in text or "Ӛ" in text:
        text = text.translate(_OWN_CYRILLIC)
    spans = _mixed_words(text)
    if not spans:
        return text
    parts: list[str] = []
    done = 0
    for start, end in spans:
        parts.append(text[done:start])
        parts.append(clean_word(text[start:end]))
        done = end
    parts.append(text[done:])
    return "".join(parts)


def clean_pattern(pattern: str) -> str:
    """A regular expression with look-alikes folded in its literal text, never in an escape
    (``\\B`` stays a word boundary, ``\\p`` stays as written)."""
    pieces = re.split(r"(\\.)", pattern)
    return "".join(p if p.startswith("\\") else clean_text(p) for p in pieces)


def count_mixed_words(text: str) -> int:
    """How many words of ``text`` mix scripts inside the word (Latin ə in жəне, Cyrillic і in
    a Latin word); each occurrence counts, and so does a word with ӛ/Ӛ."""
    mixed = len(_mixed_words(text))
    if "ӛ" in text or "Ӛ" in text:
        for m in re.finditer(r"[^\W\d_]*[ӛӚ][^\W\d_]*", text):
            if not _SEAM.search(m.group()):
                mixed += 1
    return mixed
