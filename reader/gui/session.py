"""One open document in the window, and everything about it.

A :class:`DocumentSession` exists once a document has loaded (while it loads, its tab holds a
progress widget instead). It owns the :class:`~reader.core.document.Document`, its view,
its text maps (the original and, once asked for, the 2021 Latin script), its word index,
its entity state and its annotation state: a feature keeps nothing of its own per document,
so closing the tab drops all of it at once. Background work for the document is submitted
with the session as owner: nothing is delivered to a closed document.

Signals for the features:

- ``entities_changed()``: the entity spans of this document changed,
- ``annotations_changed()``: this document's annotations changed,
- ``latin_changed(bool)``: the view switched between the original and the Latin script,
- ``word_count_ready(int)``, ``word_index_ready()``.

Offsets anywhere in this API are ``str`` indices into ``document.text``.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from reader.core.annotations import DocumentAnnotations
from reader.core.document import Document, count_words
from reader.core.titles import display_title
from reader.gui.tasks import Job, JobContext, Priority, TaskRunner
from reader.gui.textmap import TextMap, latin_map
from reader.gui.viewer import DocumentViewer

if TYPE_CHECKING:
    from reader.core.kazakh.wordsearch import WordIndex
    from reader.core.ner.entities import Entity

log = logging.getLogger(__name__)

RICH_AT_ONCE = 200_000  # characters of a structured document laid out on the GUI thread


@dataclass
class EntityState:
    """What the recogniser found in this document, and the corrected list shown."""

    raw: "list[Entity] | None" = None  # the recogniser's output; None until recognised
    shown: "list[Entity]" = field(default_factory=list)  # raw with the corrections replayed
    corrections: int = 0
    haystacks: dict[str, str] | None = None  # filter text by entity key, made when needed
    job: Job | None = None  # the recognition under way

    @property
    def known(self) -> bool:
        return self.raw is not None

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running


@dataclass
class AnnotationState:
    """This document's annotations as last read from the store, and its undo history."""

    undo_stack: QUndoStack
    data: DocumentAnnotations = field(default_factory=DocumentAnnotations)
    loaded: bool = False  # read (and re-attached) from the store at least once
    job: Job | None = None  # the first read, re-attaching in the background
    changed_while_loading: bool = False


class DocumentSession(QObject):
    """An open document: ``document``, ``path``, ``viewer`` and all its state."""

    entities_changed = Signal()
    annotations_changed = Signal()
    latin_changed = Signal(bool)
    latin_failed = Signal(str)
    word_count_ready = Signal(int)
    word_index_ready = Signal()

    def __init__(
        self,
        document: Document,
        path: str,
        tasks: TaskRunner,
        identity_map: TextMap | None = None,
        parent: QObject | None = None,
        prepare_viewer: Callable[[DocumentViewer], None] | None = None,
        password: str | None = None,
    ) -> None:
        """``prepare_viewer`` sets the viewer up (size, font, zoom) before it gets the text:
        a 20 MB text is laid out once, not again when the viewer is resized or restyled."""
        super().__init__(parent)
        self.document = document
        self.path = path
        self._tasks = tasks
        self._jobs: list[Job] = []
        self.password = password  # of an encrypted PDF, for its page view and its export
        # A DocumentView (reader.gui.view): pages for a PDF, the rich view for a flow
        # document with structure, the plain viewer (fast for 20 MB, and the Latin view)
        # for the rest.
        self.viewer: Any = self._make_view(document, path)
        self.plain = isinstance(self.viewer, DocumentViewer)
        self.viewer.setAccessibleName(display_title(document, path))
        self.viewer.setAccessibleDescription(
            QCoreApplication.translate("DocumentSession", "Document text")
        )
        if prepare_viewer is not None and self.plain:
            prepare_viewer(self.viewer)
        elif prepare_viewer is not None:  # the same set-up, for what the other views take
            self.viewer.set_zoom(0)
        self.word_count: int | None = None  # None until counted in the background
        self.mixed_words = 0  # words typed with letters of two scripts (counted with them)
        self.word_index: WordIndex | None = None  # None until built in the background
        self.entities = EntityState()
        self.annotations = AnnotationState(QUndoStack(self))
        self._original_map = identity_map or TextMap.identity(document.text)
        self._latin: tuple[str, TextMap] | None = None
        self._latin_job: Job | None = None
        self._want_latin = False
        self._closed = False
        if self.plain:
            self.viewer.show_text(document.text, self._original_map, document.headings)
        # Counting 20 MB takes half a second: start once the text is painted, so that the
        # count does not compete with the first paint for the interpreter. Queued: the
        # window builds its panels on the first paint first, undisturbed.
        self.viewer.first_painted.connect(lambda: QTimer.singleShot(0, self, self._start_count))

    def _make_view(self, document: Document, path: str) -> Any:
        if document.format == "pdf" and document.page_map is not None:
            from reader.gui.pdf_view import PdfPageView

            try:
                return PdfPageView(path, document=document, password=self.password)
            except Exception as exc:  # pdfium cannot draw it: its text is still there
                log.warning("%s: pages cannot be drawn (%s); showing its text", path, exc)
        elif document.has_structure:
            from reader.gui.rich_view import RichDocumentView

            view = RichDocumentView()
            if len(document.text) <= RICH_AT_ONCE:
                view.show_document(document)
            else:  # a long document is laid out in the background
                QTimer.singleShot(0, self, lambda: self._build_rich(view))
            return view
        return DocumentViewer()

    def _build_rich(self, view: Any) -> None:
        from PySide6.QtGui import QFont

        from reader.core.loaders.images import read_image
        from reader.export.rich_build import build_rich_document

        document, font, thread = self.document, QFont(view.font()), view.thread()
        self.submit(
            lambda job: build_rich_document(
                document,
                font=font,
                load_image=read_image,
                thread=thread,
                progress=job.progress,
                cancel=job.cancel,
            ),
            view.show_build,
            priority=Priority.NORMAL,
        )

    @property
    def text_map(self) -> TextMap:
        """Original offsets <-> what the plain viewer shows (identity for other views)."""
        return self.viewer.text_map if self.plain else self._original_map

    @property
    def title(self) -> str:
        """The document's own name (its title, first heading or headline), for the tab."""
        return display_title(self.document, self.path)

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(
        self,
        work: Callable[[JobContext], object],
        on_done: Callable[[object], None],
        *,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        priority: Priority = Priority.BACKGROUND,
    ) -> Job:
        """Run background work for this document; it is cancelled when the tab closes and
        its outcome is delivered only while the session is open."""
        job = self._tasks.submit(
            work, on_done=on_done, on_failed=on_failed, on_progress=on_progress,
            on_cancelled=on_cancelled, priority=priority, owner=self,
        )  # fmt: skip
        self._jobs = [j for j in self._jobs if j.running] + [job]
        return job

    def _start_count(self) -> None:
        """After the first paint: count the words, and index them for word-form search
        (the default search mode), so that the first search need not wait."""
        if self._closed:
            return
        text = self.document.text
        if self.word_count is None:
            self.submit(lambda job: _count_words(text, job), self._on_counted)
        if self.word_index is None:
            self.submit(lambda job: _index_words(text, job), self._on_indexed)

    def _on_counted(self, counts: object) -> None:
        assert isinstance(counts, tuple)
        self.word_count, self.mixed_words = int(counts[0]), int(counts[1])
        self.word_count_ready.emit(self.word_count)

    def _on_indexed(self, index: object) -> None:
        self.word_index = index  # type: ignore[assignment]
        self.word_index_ready.emit()

    # -- Latin view ------------------------------------------------------------------------
    @property
    def is_latin(self) -> bool:
        """True when the viewer shows the 2021 Latin script."""
        return self.plain and self._latin is not None and self.viewer.text_map is self._latin[1]

    @property
    def shown_text(self) -> str:
        """The text the viewer shows: the original, or its Latin transliteration."""
        if self._latin is not None and self.viewer.text_map is self._latin[1]:
            return self._latin[0]
        return self.document.text

    def set_latin(self, enabled: bool) -> None:
        """Show the document in Latin script (computed in the background once) or not.
        Only the plain view has a Latin script; pages and rich views show the original."""
        if not self.plain:
            return
        self._want_latin = enabled
        if not enabled:
            if self.viewer.text_map is not self._original_map:
                doc = self.document
                self.viewer.show_text(doc.text, self._original_map, doc.headings)
                self.latin_changed.emit(False)
            return
        if self._latin is not None:
            self._show_latin()
        elif self._latin_job is None or not self._latin_job.running:
            text = self.document.text
            self._latin_job = self.submit(
                lambda job: _latin_job(text, job),
                self._on_latin_ready,
                on_failed=self._on_latin_failed,
                priority=Priority.USER,
            )

    def _on_latin_ready(self, result: object) -> None:
        self._latin = result  # type: ignore[assignment]
        if self._want_latin:
            self._show_latin()

    def _on_latin_failed(self, message: str) -> None:
        self._want_latin = False
        self.latin_failed.emit(message)

    def _show_latin(self) -> None:
        assert self._latin is not None
        if self.viewer.text_map is self._latin[1]:
            return
        self.viewer.show_text(self._latin[0], self._latin[1], self.document.headings)
        self.latin_changed.emit(True)

    def close(self) -> None:
        """Stop this document's background work (its tab is closing)."""
        self._closed = True
        if hasattr(self.viewer, "close_document"):  # the page view's PDF on the pdfium thread
            self.viewer.close_document()
        for job in self._jobs:
            job.cancel()
        self._jobs.clear()


COUNT_CHUNK = 1 << 20


def _count_words(text: str, job: JobContext) -> tuple[int, int]:
    """``count_words`` and the words mixing scripts (look-alike letters), in pieces cut at
    line ends (no word spans one), so that closing the tab does not wait for 20 MB."""
    from reader.core.kazakh import count_mixed_words

    total, mixed, start = 0, 0, 0
    while start < len(text):
        end = text.find("\n", start + COUNT_CHUNK)
        end = len(text) if end == -1 else end
        piece = text[start:end]
        total += count_words(piece)
        mixed += count_mixed_words(piece)
        job.check()
        start = end
    return total, mixed


def _index_words(text: str, job: JobContext) -> "WordIndex":
    """The word-form index of ``text``; the session keeps it for word-form searches."""
    from reader.core.search import build_word_index

    return build_word_index(text, cancel=job.cancel)


def _latin_job(text: str, job: JobContext) -> tuple[str, TextMap]:
    latin, sources = latin_map(text)
    job.check()
    return latin, TextMap.shown(text, latin, sources)
