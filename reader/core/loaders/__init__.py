"""Loaders, one module per format, chosen by suffix and checked against magic bytes.

``load(path)`` is the one entry point: it returns a frozen :class:`Document` or raises a
:class:`ReaderError` with a one-line reason. Each format module is imported only when a
file of that format is opened, so heavy libraries load lazily.

Every module ``reader.core.loaders.<module>`` defines
``load(path: Path, head: bytes, ctx: LoadContext) -> Document`` where ``head`` is the first
bytes of the file (for magic checks).

Hostile input is handled in two shared modules: :mod:`.xmlsafe` is the only way XML and HTML
are parsed (no entities, DTDs or network; entity declarations refused) and :mod:`.zipsafe`
opens DOCX, ODT and EPUB archives against size, ratio and member-count limits, counting the
bytes actually inflated. :mod:`.base` holds the limits and the one-line error helpers.
"""

import codecs
import dataclasses
import importlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reader.core.document import Document
from reader.core.errors import (
    QT_TRANSLATE_NOOP,
    EncodingError,
    FileAccessError,
    UnsupportedFormatError,
)
from reader.core.loaders.base import (
    MAX_FILE_BYTES,
    LoadContext,
    Progress,
    collect_warnings,
    unreadable,
)

__all__ = ["FORMATS", "Format", "LoadContext", "file_filter", "format_for", "load"]

HEAD_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # shown to the user, e.g. "DOCX"
    module: str  # module under reader.core.loaders
    suffixes: tuple[str, ...]
    mime_types: tuple[str, ...] = ()


FORMATS: tuple[Format, ...] = (
    Format("Plain text", "text", (".txt", ".text", ".log", ".csv"), ("text/plain",)),
    Format("Markdown", "markdown", (".md", ".markdown"), ("text/markdown",)),
    Format("HTML", "html", (".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml")),
    Format("XML", "xml", (".xml",), ("application/xml", "text/xml")),
    Format("FictionBook", "fb2", (".fb2",), ("application/x-fictionbook+xml",)),
    Format(
        "Word (DOCX)",
        "docx",
        (".docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
    ),
    Format("OpenDocument Text", "odt", (".odt",), ("application/vnd.oasis.opendocument.text",)),
    Format("Rich Text", "rtf", (".rtf",), ("application/rtf", "text/rtf")),
    Format("EPUB", "epub", (".epub",), ("application/epub+zip",)),
    Format("PDF", "pdf", (".pdf",), ("application/pdf",)),
)

_BY_SUFFIX = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}


def format_for(path: str | Path) -> Format:
    """The format a file's suffix names; unknown suffixes raise UnsupportedFormatError."""
    suffix = Path(path).suffix.lower()
    fmt = _BY_SUFFIX.get(suffix)
    if fmt is None:
        known = ", ".join(sorted(_BY_SUFFIX))
        if suffix:
            raise UnsupportedFormatError(
                QT_TRANSLATE_NOOP(
                    "ReaderError", "Oqyrman cannot open “{suffix}” files; it reads {known}"
                ),
                suffix=suffix,
                known=known,
            )
        raise UnsupportedFormatError(
            QT_TRANSLATE_NOOP(
                "ReaderError", "Oqyrman cannot open files without a suffix; it reads {known}"
            ),
            known=known,
        )
    return fmt


def file_filter() -> str:
    """A Qt-style file dialog filter listing every supported format."""
    every = " ".join(f"*{s}" for fmt in FORMATS for s in fmt.suffixes)
    parts = [f"All supported documents ({every})"]
    parts += [f"{fmt.name} ({' '.join('*' + s for s in fmt.suffixes)})" for fmt in FORMATS]
    return ";;".join(parts)


def load(
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancel: "object | None" = None,
    encoding: str | None = None,
    password: str | None = None,
) -> Document:
    """Load ``path`` into a Document, or raise a ReaderError saying why not (an encrypted
    PDF without its ``password``: :class:`PasswordRequiredError`).

    ``encoding`` (a Python codec name such as "cp1251") overrides the guess for text formats
    (the GUI's "Reopen with encoding", the CLI's ``--encoding``). Caveats found while loading
    (a repaired XML file, an uncertain encoding) end up in ``Document.warnings``.
    """
    path = Path(path)
    head = _read_head(path)  # missing files and folders are reported before formats
    fmt = format_for(path)
    if encoding is not None:
        encoding = _codec_name(encoding)
    ctx = _context(progress, cancel, encoding, password)
    module = importlib.import_module(f"reader.core.loaders.{fmt.module}")
    with collect_warnings() as warnings:
        document: Document = module.load(path, head, ctx)
    if warnings:
        merged = tuple(dict.fromkeys((*document.warnings, *warnings)))
        document = dataclasses.replace(document, warnings=merged)
    return document


def _codec_name(encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise EncodingError(f"“{encoding}” is not an encoding Oqyrman knows") from None
    if not getattr(info, "_is_text_encoding", True):
        raise EncodingError(f"“{encoding}” is not a text encoding")
    return info.name


def _context(
    progress: Progress | None,
    cancel: object | None,
    encoding: str | None = None,
    password: str | None = None,
) -> LoadContext:
    kwargs: dict[str, object] = {"encoding": encoding, "password": password}
    if progress is not None:
        kwargs["progress"] = progress
    if cancel is not None:
        if not isinstance(cancel, threading.Event):
            raise ValueError("cancel must be a threading.Event")
        kwargs["cancel"] = cancel
    return LoadContext(**kwargs)  # type: ignore[arg-type]


def _read_head(path: Path) -> bytes:
    """First bytes of the file, after checking it is a readable regular file of sane size."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise FileAccessError(
            QT_TRANSLATE_NOOP("ReaderError", "{file}: no such file"), file=str(path)
        ) from None
    except OSError as exc:
        raise unreadable(path, exc, full_path=True) from None
    if path.is_dir():
        raise FileAccessError(
            QT_TRANSLATE_NOOP("ReaderError", "{file} is a folder, not a document"), file=str(path)
        )
    if not path.is_file():
        raise FileAccessError(
            QT_TRANSLATE_NOOP("ReaderError", "{file} is not a regular file"), file=str(path)
        )
    if st.st_size > MAX_FILE_BYTES:
        raise FileAccessError(
            QT_TRANSLATE_NOOP(
                "ReaderError", "{file} is {size} MB; Oqyrman opens files up to {limit} MB"
            ),
            file=str(path),
            size=st.st_size // (1024 * 1024),
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise unreadable(path, exc, full_path=True) from None


def display_name(path: str | Path) -> str:
    return os.path.basename(os.fspath(path))
