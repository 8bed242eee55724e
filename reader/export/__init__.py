"""Annotated copies (PDF, DOCX) and W3C Web Annotation JSON.

:data:`WRITERS` is the registry of copy writers: one row per (target suffix, source formats)
naming the module and function that write it. A new export format is one module with a
``write(request) -> Path`` function and one row here. Writer modules load when first used
(the DOCX writer imports python-docx, the PDF writers Qt or pypdf), so ``oqyrman export``
and the GUI's start-up import none of them until an export starts.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.errors import ExportError

if TYPE_CHECKING:
    from reader.export.request import ExportRequest

__all__ = [
    "WRITERS",
    "ExportFormat",
    "ExportRequest",
    "check_suffix",
    "export_copy",
    "keeps_layout",
    "preload",
    "writer_for",
]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One way of writing a copy: to ``suffix`` files, from documents of ``sources``."""

    name: str  # "PDF", "DOCX": what the CLI and the dialog call it
    suffix: str  # ".pdf"
    module: str  # the writer module, imported when first used
    sources: frozenset[str] | None  # document formats this row is for; None: any
    keeps_layout: bool  # the copy keeps the source's pages (fonts, tables) as they were

    def load(self) -> Callable[[ExportRequest], Path]:
        """The module's ``write(request)`` function (importing the module)."""
        writer: Callable[[ExportRequest], Path] = importlib.import_module(self.module).write
        return writer


#: First matching row wins: a PDF source exported to .pdf becomes the original plus
#: annotations (an incremental update); every other source is typeset anew.
WRITERS: tuple[ExportFormat, ...] = (
    ExportFormat("PDF", ".pdf", "reader.export.pdf_copy", frozenset({"pdf"}), keeps_layout=True),
    ExportFormat("PDF", ".pdf", "reader.export.pdf", None, keeps_layout=False),
    # a DOCX source: the original package plus comments (typeset only when it changed)
    ExportFormat("DOCX", ".docx", "reader.export.docx", frozenset({"docx"}), keeps_layout=True),
    ExportFormat("DOCX", ".docx", "reader.export.docx", None, keeps_layout=False),
    ExportFormat("ODT", ".odt", "reader.export.odt_original", frozenset({"odt"}), True),
)


def check_suffix(out: str | Path) -> str:
    """The format name ``out`` asks for, or an ExportError naming the ones we write."""
    suffix = Path(out).suffix.lower()
    names = {row.suffix: row.name for row in WRITERS}  # in the registry's order
    if suffix not in names:
        what = f"“{suffix}”" if suffix else "a file without a suffix"
        choices = " or ".join(names)
        raise ExportError(f"Cannot export to {what}; choose a {choices} file")
    return names[suffix]


def writer_for(source_format: str, out: str | Path) -> ExportFormat:
    """The registry row that writes a ``source_format`` document to ``out``'s suffix."""
    check_suffix(out)
    suffix = Path(out).suffix.lower()
    for row in WRITERS:
        if row.suffix == suffix and (row.sources is None or source_format in row.sources):
            return row
    raise ExportError(f"Cannot export a {source_format} document to {suffix}")  # pragma: no cover


def keeps_layout(source_format: str, out: str | Path) -> bool:
    """Whether a copy of a ``source_format`` document written to ``out`` keeps its pages as
    they are (True for PDF to PDF). When False the copy is typeset anew from the text, and
    for a paged source (PDF to DOCX) the export dialog says that the layout is not kept."""
    return writer_for(source_format, out).keeps_layout


def preload(source_format: str, out: str | Path) -> None:
    """Import the writer for this export and make its Qt types, on the calling thread.

    PySide/shiboken create the Python wrapper of a Qt type when it is first used, and that is
    not thread-safe: a worker doing it while the GUI thread makes its own widgets' types has
    crashed the process. The GUI calls this on its own thread before exporting in the
    background; a writer module's ``preload()`` imports the Qt classes it uses (and the
    application and fonts it needs). Writers without Qt have nothing to do."""
    module = importlib.import_module(writer_for(source_format, out).module)
    hook = getattr(module, "preload", None)
    if hook is not None:
        hook()


def export_copy(request: ExportRequest) -> Path:
    """Write the annotated copy ``request`` asks for with its registry row's writer.

    Raises :class:`ExportError` for a suffix we do not write, and what the writer raises
    (``ExportError``, ``CancelledError``); the file appears only when complete."""
    return writer_for(request.source_format, request.out_path).load()(request)


def __getattr__(name: str) -> Any:
    """``ExportRequest`` loads with its first use: the window's start-up imports this package
    for :mod:`reader.export.fonts` alone."""
    if name == "ExportRequest":
        from reader.export.request import ExportRequest

        return ExportRequest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
