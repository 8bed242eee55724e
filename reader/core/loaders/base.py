"""What every loader module shares: the load context, limits and cancellation."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import (
    CancelledError,
    CorruptDocumentError,
    DocumentTooLargeError,
    FileAccessError,
)

Progress = Callable[[int, int], None]

#: Ceilings that keep hostile files from eating the machine (bytes).
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
    password: str | None = None  # opens an encrypted PDF

    def check(self) -> None:
        """Raise :class:`CancelledError` if the user cancelled."""
        if self.cancel.is_set():
            raise CancelledError("Loading was cancelled")


def display_name(path: Path) -> str:
    """The file's name as shown in a one-line message (never spans lines)."""
    return " ".join(path.name.splitlines()) or str(path)


def corrupt(path: Path, what: str) -> CorruptDocumentError:
    """A one-line "<file>: <what is wrong>" error for a broken or hostile file."""
    return CorruptDocumentError(f"{display_name(path)}: {what}")


def read_bytes(path: Path) -> bytes:
    """The whole file (the registry already checked it is a regular file of sane size)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileAccessError(
            f"{display_name(path)}: cannot be read ({exc.strerror or exc})"
        ) from None


def check_markup_size(path: Path, size: int, what: str) -> None:
    """Refuse markup so big that its parsed tree would take gigabytes."""
    if size > MAX_MARKUP_BYTES:
        raise DocumentTooLargeError(
            f"{display_name(path)} is {size // (1024 * 1024)} MB; Oqyrman opens {what} files "
            f"up to {MAX_MARKUP_BYTES // (1024 * 1024)} MB"
        )


def read_markup(path: Path, what: str) -> bytes:
    """The whole file, after checking it is small enough to parse into a tree."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileAccessError(f"{display_name(path)}: cannot be read ({exc.strerror})") from None
    check_markup_size(path, size, what)
    return read_bytes(path)


def default_title(path: Path) -> str:
    """A document's title when the file names none: its name without the suffix."""
    return path.stem or path.name


_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel file (.doc, .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)


def looks_like(head: bytes) -> str:
    """ " (it looks like a PDF document)" when the magic bytes say what a file really is."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f" (it looks like {what})"
    return ""
