"""Plain text: encoding detection for Kazakh, Russian and English files.

Detection order: a byte-order mark, then strict UTF-8, then charset-normalizer restricted to
the Cyrillic code pages, with our own tie-break between Windows-1251 and KZ-1048 (they share
the Russian letters but put the Kazakh ones where 1251 has Serbian and Ukrainian letters).
The characters are kept exactly; only CRLF and CR become LF, so offsets agree with every tool.
"""

import codecs
import logging
import re
from pathlib import Path

from reader.core.document import Document
from reader.core.errors import QT_TRANSLATE_NOOP, EncodingError, Message
from reader.core.loaders.base import (
    LoadContext,
    corrupt,
    default_title,
    in_file,
    looks_like,
    read_bytes,
)

log = logging.getLogger(__name__)

CHUNK = 1 << 20  # decode in 1 MiB pieces so big files report progress and can be cancelled
SAMPLE = 1 << 19  # bytes the code-page guess looks at
CYRILLIC_PAGES = ("cp1251", "kz1048", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in a text file: C0 controls other than tab, LF, VT, FF, CR, ESC.
_BINARY = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_BINARY_TABLE = bytes.maketrans(b"", b"")

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


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a plain text file."""
    reject_binary(head, path)
    data = read_bytes(path)
    text, encoding = decode(data, path, ctx)
    return Document.create(
        text, title=default_title(path), format="text", encoding=encoding, path=str(path)
    )


def decode(data: bytes, path: Path, ctx: LoadContext) -> tuple[str, str]:
    """Decode ``data`` to text with LF line ends; return it with the encoding's name."""
    if not data:
        return "", "utf-8"
    encoding = _bom_encoding(data)
    if encoding is None:
        if _looks_binary(data):
            raise _not_text(path, data)
        try:
            return normalise_newlines(_decode_chunks(data, "utf-8", ctx)), "utf-8"
        except UnicodeDecodeError:
            encoding = _guess_code_page(data, path)
    try:
        text = _decode_chunks(data, encoding, ctx)
    except UnicodeDecodeError as exc:
        problem = Message.of(
            QT_TRANSLATE_NOOP(
                "ReaderError", "not valid {encoding} text (bad bytes near offset {offset})"
            ),
            encoding=encoding,
            offset=exc.start,
        )
        raise EncodingError(in_file(path, problem)) from None
    return normalise_newlines(text), encoding


def reject_binary(head: bytes, path: Path) -> None:
    """Refuse a binary file from its first bytes, before reading all of it into memory."""
    if head and _bom_encoding(head) is None and _looks_binary(head):
        raise _not_text(path, head)


def _not_text(path: Path, head: bytes) -> Exception:
    binary = QT_TRANSLATE_NOOP("ReaderError", " (it contains binary data)")
    detail = looks_like(head, binary)
    return corrupt(path, QT_TRANSLATE_NOOP("ReaderError", "not a text file{detail}"), detail=detail)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1% control bytes in the first 64 KiB, mean this is not text."""
    sample = data[: 1 << 16]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(_BINARY_TABLE, _BINARY))
    return controls * 100 > len(sample)


def _guess_code_page(data: bytes, path: Path) -> str:
    """charset-normalizer among the Cyrillic code pages, then our 1251/KZ-1048 tie-break."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE]
    results = from_bytes(sample, cp_isolation=list(CYRILLIC_PAGES))
    names = [str(match.encoding) for match in results]
    # Windows code pages are far commoner than Mac Cyrillic, which often ties with them.
    windows = "cp1251" in names or "kz1048" in names
    if (windows and names[0] in ("cp1251", "kz1048", "mac_cyrillic")) or (
        not names and _decodes(sample, "cp1251")
    ):
        encoding = kazakh_or_russian_page(sample)
    elif names:
        encoding = names[0]
    else:
        problem = QT_TRANSLATE_NOOP(
            "ReaderError",
            "the text encoding could not be determined "
            "(expected UTF-8, UTF-16, Windows-1251 or KZ-1048)",
        )
        raise EncodingError(in_file(path, Message(problem)))
    log.debug("%s: guessed %s", path, encoding)
    return encoding


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


def _decode_chunks(data: bytes, encoding: str, ctx: LoadContext) -> str:
    """Strict decode in pieces (progress, cancellation); UnicodeDecodeError offsets are global."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    parts: list[str] = []
    total = len(data)
    start = 0
    try:
        for start in range(0, total, CHUNK):
            ctx.check()
            parts.append(decoder.decode(data[start : start + CHUNK]))
            ctx.progress(min(start + CHUNK, total), total)
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError as exc:
        exc.start += start
        raise
    text = "".join(parts)
    if text.startswith("\ufeff") and encoding in ("utf-16", "utf-32"):
        text = text[1:]
    return text
