"""Plain text: encoding detection for Kazakh, Russian and English files.

Detection order: a byte-order mark, UTF-16/32 told by its NUL bytes, the ISO-2022 escapes,
strict UTF-8, then a legacy code page (:mod:`.encodings`: Cyrillic first, with our own
tie-break between Windows-1251 and KZ-1048, but never Cyrillic mojibake of Turkish, Greek or
Chinese without a warning). An encoding the user chose (``LoadContext.encoding``) wins.
The characters are kept exactly; only CRLF and CR become LF, so offsets agree with every tool.
"""

import codecs
import logging
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
    warn,
)
from reader.core.loaders.encodings import (
    CYRILLIC_PAGES,
    guess_code_page,
    has_iso2022_escape,
    kazakh_or_russian_page,
    sniff_iso2022,
    sniff_utf16_32,
)

__all__ = ["CYRILLIC_PAGES", "decode", "kazakh_or_russian_page", "load", "normalise_newlines"]

log = logging.getLogger(__name__)

CHUNK = 1 << 20  # decode in 1 MiB pieces so big files report progress and can be cancelled
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


def load(path: Path, head: bytes, ctx: LoadContext) -> Document:
    """Load a plain text file."""
    if ctx.encoding is None:
        reject_binary(head, path)
    data = read_bytes(path)
    text, encoding = decode(data, path, ctx)
    return Document.create(
        text, title=default_title(path), format="text", encoding=encoding, path=str(path)
    )


def decode(data: bytes, path: Path, ctx: LoadContext) -> tuple[str, str]:
    """Decode ``data`` to text with LF line ends; return it with the encoding's name.

    ``ctx.encoding``, when the user chose one, is used as it is (bytes it cannot decode show
    as U+FFFD). An uncertain guess is reported with :func:`base.warn` for the status bar.
    """
    if ctx.encoding is not None:
        return _decode_as(data, ctx.encoding, path, ctx)
    if not data:
        return "", "utf-8"
    encoding = _bom_encoding(data) or sniff_utf16_32(data)
    if encoding is None:
        encoding = sniff_iso2022(data)
        if encoding is None and _looks_binary(data):
            raise _not_text(path, data)
    if encoding is None:
        try:
            return normalise_newlines(_decode_chunks(data, "utf-8", ctx)), "utf-8"
        except UnicodeDecodeError:
            mostly = _mostly_utf8(data, path, ctx)
            if mostly is not None:
                return normalise_newlines(mostly), "utf-8"
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


def _decode_as(data: bytes, encoding: str, path: Path, ctx: LoadContext) -> tuple[str, str]:
    """The user's choice of encoding, whatever the bytes say."""
    name = codecs.lookup(encoding).name  # load() already refused unknown names
    if name in ("utf-16", "utf-32") and _bom_encoding(data) is None:
        # Python's generic UTF-16/32 want a BOM; without one, the byte order the NULs show
        sniffed = sniff_utf16_32(data) or ""
        name = sniffed if sniffed.startswith(name) else f"{name}-le"
    try:
        text = _decode_chunks(data, name, ctx, errors="replace")
    except UnicodeError as exc:  # a codec that refuses even with errors="replace"
        problem = QT_TRANSLATE_NOOP("ReaderError", "cannot be read as {encoding} ({reason})")
        message = Message.of(problem, encoding=name, reason=str(exc))
        raise EncodingError(in_file(path, message)) from None
    if name in ("utf-8", "utf-8-sig") and text.startswith("\ufeff"):
        text = text[1:]
    bad = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    if bad > 0:
        warn(_invalid(path, bad, name))
    return normalise_newlines(text), name


def _invalid(path: Path, n: int, encoding: str) -> Message:
    if n == 1:
        problem = QT_TRANSLATE_NOOP("ReaderError", "1 byte is not valid {encoding} and shows as �")
        return in_file(path, Message.of(problem, encoding=encoding))
    problem = QT_TRANSLATE_NOOP(
        "ReaderError", "{count} bytes are not valid {encoding} and show as �"
    )
    return in_file(path, Message.of(problem, count=n, encoding=encoding))


def _mostly_utf8(data: bytes, path: Path, ctx: LoadContext) -> str | None:
    """UTF-8 with a few broken bytes (a cut or a bad copy): shown as UTF-8 with U+FFFD
    there, since any code page would turn every other letter into mojibake."""
    for size in (1 << 16, 1 << 20):  # a legacy code page fails in the first 64 KiB already
        sample = data[:size].decode("utf-8", "replace")
        bad = sample.count("\ufffd")
        wide = len(sample) - len(sample.encode("ascii", "ignore")) - bad
        if wide < 16 or bad * 100 > wide:
            return None
    text = _decode_chunks(data, "utf-8", ctx, errors="replace")
    total = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    warn(_invalid(path, total, "UTF-8"))
    return text


def _guess_code_page(data: bytes, path: Path) -> str:
    guess = guess_code_page(data)
    if guess is None:
        problem = QT_TRANSLATE_NOOP(
            "ReaderError",
            "the text encoding could not be determined (expected UTF-8, UTF-16, Windows-1251"
            " or KZ-1048); choose one with Reopen with encoding (--encoding on the command"
            " line)",
        )
        raise EncodingError(in_file(path, Message(problem)))
    if guess.warning:
        warn(guess.warning)
    log.debug("%s: guessed %s", path, guess.encoding)
    return guess.encoding


def reject_binary(head: bytes, path: Path) -> None:
    """Refuse a binary file from its first bytes, before reading all of it into memory."""
    if (
        head
        and _bom_encoding(head) is None
        and sniff_utf16_32(head) is None
        and (_looks_binary(head) and not has_iso2022_escape(head))
    ):
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


def _decode_chunks(data: bytes, encoding: str, ctx: LoadContext, errors: str = "strict") -> str:
    """Decode in pieces (progress, cancellation); UnicodeDecodeError offsets are global."""
    decoder = codecs.getincrementaldecoder(encoding)(errors)
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
