"""What every loader module shares: the load context, limits and cancellation."""

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import (
    QT_TRANSLATE_NOOP,
    CancelledError,
    CorruptDocumentError,
    DocumentTooLargeError,
    Field,
    FileAccessError,
    Message,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

# Ceilings that keep hostile files from eating the machine (bytes).
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # sum of archive members we inflate
MAX_MEMBER_RATIO = 200  # uncompressed/compressed for one archive member
MAX_MARKUP_BYTES = 48 * 1024 * 1024  # an XML/HTML tree costs several times its file size


def _no_progress(done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class LoadContext:
    """Passed to every loader: report progress, honour cancellation."""

    progress: Progress = _no_progress
    cancel: threading.Event = field(default_factory=threading.Event)
    encoding: str | None = None  # the user's choice ("Reopen with encoding"), else guessed
    password: str | None = None  # opens an encrypted PDF

    def check(self) -> None:
        """Raise :class:`CancelledError` if the user cancelled."""
        if self.cancel.is_set():
            raise CancelledError(QT_TRANSLATE_NOOP("ReaderError", "Loading was cancelled"))


# The warnings of the load running in this thread (see :func:`collect_warnings`).
_WARNINGS: ContextVar[list[Message] | None] = ContextVar("loader_warnings", default=None)


def warn(message: Message) -> None:
    """Record that the document opened with a caveat (a repair, an uncertain encoding); the
    registry puts it in ``Document.warnings`` for the status bar. Outside a load: logged."""
    collected = _WARNINGS.get()
    if collected is None:
        log.info("%s", message)
    elif message not in collected:
        collected.append(message)


@contextlib.contextmanager
def collect_warnings() -> Iterator[list[Message]]:
    """Gather what :func:`warn` records during one load (each thread has its own list)."""
    token = _WARNINGS.set([])
    try:
        collected = _WARNINGS.get()
        assert collected is not None
        yield collected
    finally:
        _WARNINGS.reset(token)


def article(kind: str) -> str:
    """ "an ODT", "an EPUB", "a DOCX", "an OpenDocument text": the article as it is spoken
    (an abbreviation by its letters' names, a word by its first letter)."""
    word = kind.split(" ", 1)[0]
    vowels = "AEFHILMNORSX" if word.isupper() else "AEIOUaeiou"
    return f"an {kind}" if word[:1] in vowels else f"a {kind}"


def display_name(path: Path) -> str:
    """The file's name as shown in a one-line message (never spans lines)."""
    return " ".join(path.name.splitlines()) or str(path)


def corrupt(path: Path, what: str, **fields: Field) -> CorruptDocumentError:
    """A one-line "<file>: <what is wrong>" error for a broken or hostile file.

    ``what`` is a template (marked with QT_TRANSLATE_NOOP) whose ``{fields}`` are given.
    """
    return CorruptDocumentError(in_file(path, Message.of(what, **fields)))


def in_file(path: Path, problem: Message) -> Message:
    """ "<file>: <problem>" as a translatable message."""
    return Message.of(
        QT_TRANSLATE_NOOP("ReaderError", "{file}: {problem}"),
        file=display_name(path),
        problem=problem,
    )


def unreadable(path: Path, exc: OSError, *, full_path: bool = False) -> FileAccessError:
    """ "<file>: cannot be read (<the system's reason>)"."""
    return FileAccessError(
        QT_TRANSLATE_NOOP("ReaderError", "{file}: cannot be read ({reason})"),
        file=str(path) if full_path else display_name(path),
        reason=exc.strerror or str(exc),
    )


def read_bytes(path: Path) -> bytes:
    """The whole file (the registry already checked it is a regular file of sane size)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from None


def check_markup_size(path: Path, size: int, what: str) -> None:
    """Refuse markup so big that its parsed tree would take gigabytes."""
    if size > MAX_MARKUP_BYTES:
        raise DocumentTooLargeError(
            QT_TRANSLATE_NOOP(
                "ReaderError", "{file} is {size} MB; Oqyrman opens {format} files up to {limit} MB"
            ),
            file=display_name(path),
            size=size // (1024 * 1024),
            format=what,
            limit=MAX_MARKUP_BYTES // (1024 * 1024),
        )


def read_markup(path: Path, what: str) -> bytes:
    """The whole file, after checking it is small enough to parse into a tree."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise unreadable(path, exc) from None
    check_markup_size(path, size, what)
    return read_bytes(path)


def default_title(path: Path) -> str:
    """A document's title when the file names none: its name without the suffix."""
    return path.stem or path.name


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ENCRYPTION_SCAN = 64 << 20


def is_encrypted_ooxml(path: Path, head: bytes) -> bool:
    """A password-protected DOCX/XLSX/PPTX: an OLE container holding an EncryptedPackage."""
    if not head.startswith(OLE_MAGIC):
        return False
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                if _ENCRYPTED_PACKAGE in chunk:
                    return True
                if fh.tell() > _ENCRYPTION_SCAN:
                    return False
                fh.seek(-len(_ENCRYPTED_PACKAGE), 1)
                if len(chunk) < 1 << 20:
                    return False
    except OSError:
        return False
    return False


_MAGIC = (
    (b"%PDF", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a PDF document)")),
    (b"PK\x03\x04", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a zip archive)")),
    (b"{\\rtf", QT_TRANSLATE_NOOP("ReaderError", " (it looks like an RTF document)")),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        QT_TRANSLATE_NOOP("ReaderError", " (it looks like an old Word or Excel file (.doc, .xls))"),
    ),
    (b"\x89PNG", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a PNG image)")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a JPEG image)")),
    (b"GIF8", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a GIF image)")),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a gzip archive)")),
    (b"Rar!", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a RAR archive)")),
    (b"7z\xbc\xaf", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a 7-Zip archive)")),
    (b"\x7fELF", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a program)")),
    (b"MZ", QT_TRANSLATE_NOOP("ReaderError", " (it looks like a Windows program)")),
)


def looks_like(head: bytes, otherwise: str = "") -> Message:
    """ " (it looks like a PDF document)" when the magic bytes say what a file really is,
    else the ``otherwise`` template (translatable too; "" gives an empty message)."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return Message(what)
    return Message(otherwise)
