"""One export, as one value: what to write, where, and how to report on it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.annotations import Annotation
from reader.core.document import Document
from reader.export.common import ENGLISH, IndexWording, Progress, default_author

if TYPE_CHECKING:  # the ner package loads the recogniser; only its types are needed
    from reader.core.ner.entities import Entity


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """An annotated copy of ``document`` to write to ``out_path``.

    ``entities`` adds an index of them at the end (new pages; never on a PDF's original
    pages): the names, and their dates and times too with ``index_dates`` (numbers never).
    ``progress(done, total)`` is called as the work goes; setting ``cancel`` stops it with
    :class:`~reader.core.errors.CancelledError`, and nothing is written.

    For a PDF copied as it is (``source_format == "pdf"`` with a ``.pdf`` target), the
    original file is read again: ``source_path`` (default: ``document.path``), opened with
    ``password`` if it is encrypted; when ``source_sha256`` (the sha256 of the file's bytes
    when it was opened) is given, a file that changed since is refused.
    """

    document: Document
    annotations: Sequence[Annotation]
    out_path: Path
    entities: Sequence[Entity] | None = None
    index_dates: bool = False
    author: str = field(default_factory=default_author)
    wording: IndexWording = ENGLISH
    progress: Progress | None = None
    cancel: threading.Event | None = None
    source_path: Path | None = None
    source_sha256: str | None = None
    password: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "out_path", Path(self.out_path))
        object.__setattr__(self, "annotations", tuple(self.annotations))
        if self.source_path is None and self.document.path:
            object.__setattr__(self, "source_path", Path(self.document.path))
        elif self.source_path is not None:
            object.__setattr__(self, "source_path", Path(self.source_path))
        if not self.author:
            object.__setattr__(self, "author", default_author())

    @property
    def source_format(self) -> str:
        """The loader's name for the document's format ("pdf", "docx", "text", ...)."""
        return self.document.format
