"""Plain text: encoding detection for Kazakh, Russian and English files.

Detection order: a byte-order mark, then strict UTF-8, then charset-normalizer restricted to
the Cyrillic code pages, with our own tie-break between Windows-1251 and KZ-1048 (they share
the Russian letters but put the Kazakh ones where 1251 has Serbian and Ukrainian letters).
The characters are kept exactly; only CRLF and CR become LF, so offsets agree with every tool.
"""

import codecs
import logging
from pathlib import Path

from reader.core.document import Document
from reader.core.errors import EncodingError
from reader.core.loaders.base import (
    LoadContext,
    corrupt,
    default_title,
    display_name,
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

# Where KZ-1048 has a Kazakh letter, Windows-1251 has one of these.
_MACEDONIAN_SERBIAN = frozenset(b"\x8d\x8e\x9d\x9e\xa3\xbc\xbd\xbe")  # Ќ Ћ ќ ћ Ј ј Ѕ ѕ
_UKRAINIAN_BELARUSIAN = frozenset(b"\xa1\xa2\xa5\xaa\xaf\xb4\xba\xbf")  # Ў ў Ґ Є Ї ґ є ї
_NOT_UKRAINIAN = frozenset(b"\xda\xdb\xdd\xfa\xfb\xfd\xa8\xb8")  # Ъ Ы Э ъ ы э Ё ё


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a plain text file."""
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
            raise corrupt(path, "not a text file (it contains binary data)")
        try:
            return normalise_newlines(_decode_chunks(data, "utf-8", ctx)), "utf-8"
        except UnicodeDecodeError:
            encoding = _guess_code_page(data, path)
    try:
        text = _decode_chunks(data, encoding, ctx)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{display_name(path)}: not valid {encoding} text (bad bytes near offset {exc.start})"
        ) from None
    return normalise_newlines(text), encoding


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
    best = from_bytes(sample, cp_isolation=list(CYRILLIC_PAGES)).best()
    if best is None:
        raise EncodingError(
            f"{display_name(path)}: the text encoding could not be determined "
            "(expected UTF-8, UTF-16, Windows-1251 or KZ-1048)"
        )
    encoding = str(best.encoding)
    if encoding in ("cp1251", "kz1048"):
        encoding = kazakh_or_russian_page(sample)
    log.debug("%s: guessed %s", path, encoding)
    return encoding


def kazakh_or_russian_page(data: bytes) -> str:
    """Choose between Windows-1251 and KZ-1048 by how plausible each reading's letters are.

    Kazakh text read as 1251 shows Macedonian and Serbian letters (ќ ј ѕ for қ ә ң), which
    no Kazakh or Russian text contains. Ukrainian letters (є ї ґ) are plausible in 1251, unless
    the text also has ы, э, ъ or ё, which Ukrainian lacks but Kazakh uses.
    """

    def total(group: frozenset[int]) -> int:
        return sum(data.count(bytes((b,))) for b in group)

    kazakh_score = total(_MACEDONIAN_SERBIAN) * 2
    ukrainian = total(_UKRAINIAN_BELARUSIAN)
    if ukrainian and total(_NOT_UKRAINIAN):
        kazakh_score += ukrainian
    else:
        kazakh_score -= ukrainian
    if kazakh_score > 0 and _decodes(data, "kz1048"):
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
