"""Guessing the encoding of text that has no byte-order mark and is not UTF-8.

This is a Kazakh and Russian reader, so a Cyrillic reading is preferred whenever it is
plausible; yet a Turkish, Greek, Arabic or CJK file must not become Cyrillic mojibake. The
order: UTF-16/32 without a BOM (their NUL bytes would otherwise make the file "binary"), the
7-bit ISO-2022 escapes, then charset-normalizer over the Cyrillic code pages (with our own
choice among the ones it ranks, and our Windows-1251/KZ-1048 tie-break), checked against
charset-normalizer over every common legacy code page. A guess that is not Cyrillic, or a
Cyrillic one that still looks wrong, comes with a warning the GUI shows in its status bar.
"""

import codecs
import logging
import re
from dataclasses import dataclass

from reader.core.errors import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

SAMPLE = 1 << 19  # bytes the code-page guess looks at
OTHER_SAMPLE = 1 << 17  # of which the check against non-Cyrillic pages looks at
CYRILLIC_PAGES = (
    "cp1251",
    "kz1048",
    "koi8_r",
    "cp866",
    "cp855",
    "mac_cyrillic",
    "iso8859_5",
)
#: Legacy code pages other than Cyrillic that charset-normalizer is asked about.
OTHER_PAGES = (
    "cp1252", "cp1250", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_6", "iso8859_7", "iso8859_8",
    "iso8859_9", "iso8859_10", "iso8859_11", "iso8859_13", "iso8859_16", "cp852",
    "mac_latin2", "tis_620", "gb18030", "big5", "shift_jis", "cp932", "euc_jp", "euc_kr",
    "cp949", "johab",
)  # fmt: skip
_CYRILLIC_NAMES = frozenset(codecs.lookup(name).name for name in CYRILLIC_PAGES)
_MIN_EVIDENCE = 48  # non-ASCII bytes below which a short text is read as Cyrillic if it can be


@dataclass(frozen=True, slots=True)
class Guess:
    """An encoding and, when it is uncertain, a sentence saying so."""

    encoding: str
    warning: Message | None = None


def sniff_utf16_32(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (LE or BE) without a BOM, told by where the NUL bytes fall."""
    sample = data[: 1 << 16]
    if b"\x00" not in sample or len(sample) < 4:
        return None
    best: tuple[float, str] | None = None
    for name in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        try:  # not final: the sample may end inside a character
            text = codecs.getincrementaldecoder(name)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        score = _printable_share(text)
        if score >= 0.97 and (best is None or score > best[0]):
            best = (score, name)
    return None if best is None else best[1]


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
    # NUL characters mean the wrong width (UTF-16 read as UTF-32 is full of U+0000 halves)
    return (good - 5 * text.count("\x00")) / len(text)


_ISO2022 = ((b"\x1b$)C", "iso2022_kr"), (b"\x1b$B", "iso2022_jp"), (b"\x1b$@", "iso2022_jp"))


def has_iso2022_escape(head: bytes) -> bool:
    """Whether the first bytes switch to ISO-2022 (whose SO/SI bytes look like controls)."""
    return any(escape in head for escape, _name in _ISO2022)


def sniff_iso2022(data: bytes) -> str | None:
    """The 7-bit Japanese and Korean mail encodings announce themselves with escapes."""
    head = data[:SAMPLE]
    for escape, name in _ISO2022:
        if escape in head and _decodes(data, name):
            return name
    return None


def guess_code_page(data: bytes) -> Guess | None:
    """The legacy code page of ``data`` (None: nothing decodes it at all)."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE]
    cyrillic = _cyrillic_guess(sample)
    evidence = sum(1 for b in sample if b >= 0x80)
    # a smaller sample for the wide net: the script shows long before 128 KiB
    other = from_bytes(
        sample[:OTHER_SAMPLE], cp_isolation=list(CYRILLIC_PAGES + OTHER_PAGES)
    ).best()
    if other is None or codecs.lookup(other.encoding).name in _CYRILLIC_NAMES:
        return None if cyrillic is None else Guess(cyrillic)
    if cyrillic is not None:
        mess = word_mess(sample[: 1 << 16].decode(cyrillic, "replace"), limit=1 << 15)
        if mess < 0.02 and (evidence < _MIN_EVIDENCE or not _other_clearly_better(other)):
            return Guess(cyrillic)
    name = codecs.lookup(other.encoding).name
    unknown = Message(QT_TRANSLATE_NOOP("ReaderError", "an unknown language"))
    languages = ", ".join(other.languages[:2]) or unknown
    read_as = QT_TRANSLATE_NOOP(
        "ReaderError",
        "The text was read as {encoding} ({languages}), not as Kazakh or Russian; if it looks"
        " wrong, reopen it with another encoding",
    )
    return Guess(name, Message.of(read_as, encoding=name, languages=languages))


def _other_clearly_better(match: object) -> bool:
    """charset-normalizer recognised a language in its non-Cyrillic reading."""
    coherence = float(getattr(match, "coherence", 0.0))
    return coherence >= 0.2


def _cyrillic_guess(sample: bytes) -> str | None:
    """charset-normalizer among the Cyrillic pages, then the reading with the fewest
    case and script breaks inside words, then our 1251/KZ-1048 tie-break."""
    from charset_normalizer import from_bytes

    names = [str(m.encoding) for m in from_bytes(sample, cp_isolation=list(CYRILLIC_PAGES))]
    if not names:
        return kazakh_or_russian_page(sample) if _decodes(sample, "cp1251") else None
    ranked = [n for n in dict.fromkeys([*names[:4], "cp1251", "kz1048"]) if _decodes(sample, n)]
    # Mac Cyrillic and the Windows pages share a-ya; Mac puts A-YA where 1251 has
    # punctuation, so the wrong reading breaks case inside words ("моЯ", "†ом") or shows
    # Serbian letters ("ѕрезидент"). On a tie, the far commoner Windows pages win.
    windows = ("cp1251", "kz1048")
    head = sample[:_MESS_CHARS]  # single-byte pages: as many characters as bytes
    best = min(
        ranked,
        key=lambda n: (word_mess(head.decode(n)), n not in windows, ranked.index(n)),
    )
    if codecs.lookup(best).name in ("cp1251", "kz1048"):
        best = kazakh_or_russian_page(sample)
    log.debug("Cyrillic candidates %s: %s", names, best)
    return best


_MESS_CHARS = 1 << 13  # characters of a reading that word_mess looks at
# Serbian and Macedonian letters: never in Kazakh, Russian or Ukrainian, so a reading that
# shows them (Mac Cyrillic capitals read as Windows-1251, or the reverse) is the wrong one.
_RARE_CYRILLIC = frozenset("ЂЃЉЊЌЋЏђѓљњќћџЅѕЈј")
_SYMBOLS = frozenset("†‡•°§¶©®™¤¦¬±µ¬÷×ƒ‰ˆ˜¸¨¯´·¹²³¼½¾¿¡")


def word_mess(text: str, limit: int = _MESS_CHARS) -> float:
    """Breaks inside words per letter: a capital right after a lower-case letter, a Latin
    letter beside a Cyrillic one, a symbol between letters. Near 0 for real text in any
    language; high for a wrong code page's reading ("моЯ", "ЧтП", "Tьrkзe", "д†ом")."""
    text = text[:limit]
    letters = breaks = 0
    previous = ""  # "l" lower, "u" upper, "o" other letter, "s" symbol, "" not in a word
    script = ""
    for ch in text:
        if ch.isalpha():
            letters += 1
            kind = "l" if ch.islower() else "u" if ch.isupper() else "o"
            here = "c" if "\u0400" <= ch <= "\u04ff" else "a" if ch.isascii() else "x"
            case_break = previous == "l" and kind == "u"
            script_break = bool(previous) and {script, here} == {"a", "c"}
            if case_break or script_break or previous == "s" or ch in _RARE_CYRILLIC:
                breaks += 1
            previous, script = kind, here
        elif ch in _SYMBOLS and previous in ("l", "u", "o"):
            previous = "s"
        else:
            previous = script = ""
    return breaks / letters if letters else 0.0


# Where KZ-1048 has a Kazakh letter, Windows-1251 has a Macedonian/Serbian or a Ukrainian/
# Belarusian one. The first kind (Ќ Ћ ќ ћ Ј ј Ѕ ѕ, read as Қ Һ қ һ Ә ә Ң ң) never occurs in
# Kazakh, Russian or Ukrainian text, so any of them settles it.
_MACEDONIAN_SERBIAN = re.compile(b"[\x8d\x8e\x9d\x9e\xa3\xbc\xbd\xbe]")
# Of the second kind, ї and ў (KZ-1048 ү and ұ) only ever follow a vowel, an apostrophe or a
# word start in Ukrainian and Belarusian, and ґ (ө) is a consonant that never sits between
# two others; Kazakh puts ү, ұ, ө right between consonants all the time.
_CONSONANT = (
    "["
    + re.escape("бвгджзйклмнпрстфхцчшщБВГДЖЗЙКЛМНПРСТФХЦЧШЩ".encode("cp1251")).decode("latin-1")
    + "]"
)
_KAZAKH_VOWEL_AFTER_CONSONANT = re.compile(
    (_CONSONANT + "[\xbf\xaf\xa2\xa1]|" + _CONSONANT + "[\xb4\xa5]" + _CONSONANT).encode("latin-1")
)
_UKRAINIAN_BELARUSIAN = re.compile(b"[\xa1\xa2\xa5\xaa\xaf\xb4\xba\xbf]")
_NOT_UKRAINIAN = re.compile(b"[\xda\xdb\xdd\xfa\xfb\xfd\xa8\xb8]")  # Ъ Ы Э ъ ы э Ё ё
# Signs of real Ukrainian: ї after a vowel, or the words і, й, що, це, від, її, є on their own.
_NON_LETTER = rb"[\x00-\x40\x5b-\x60\x7b-\x7f]"
_WORD_START = rb"[\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]"  # not "5-і", Kazakh for "5th"
_UKRAINIAN_TELL = re.compile(
    b"["
    + "аеиіоуяюєїАЕИІОУЯЮЄЇ".encode("cp1251")
    + rb"][\xbf\xaf]|(?:^|(?<="
    + _WORD_START
    + b"))(?:"
    + b"|".join(word.encode("cp1251") for word in ("і", "й", "що", "це", "від", "її", "є"))
    + b")(?="
    + _NON_LETTER
    + b"|$)"
)


def kazakh_or_russian_page(data: bytes) -> str:
    """Choose between Windows-1251 and KZ-1048 by how plausible each reading's letters are.

    Read as 1251, Kazakh shows letters that Kazakh, Russian and Ukrainian text never has
    (ќ ј ѕ for қ ә ң), or Ukrainian letters where Ukrainian spelling cannot put them (ї right
    after a consonant, for ү), or Ukrainian letters beside ы, э, ъ or ё, which Ukrainian lacks.
    Russian reads the same both ways, and then 1251 is the name to give.
    """
    kazakh = bool(_MACEDONIAN_SERBIAN.search(data) or _KAZAKH_VOWEL_AFTER_CONSONANT.search(data))
    if not kazakh and _UKRAINIAN_BELARUSIAN.search(data):
        # This is a Kazakh reader: without a sign of Ukrainian, Kazakh is the likelier reading.
        kazakh = bool(_NOT_UKRAINIAN.search(data)) or not _UKRAINIAN_TELL.search(data)
    if kazakh and _decodes(data, "kz1048"):
        return "kz1048"
    return "cp1251" if _decodes(data, "cp1251") else "kz1048"


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
