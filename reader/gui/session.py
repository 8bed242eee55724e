"""One open document in the window: its Document, its viewer and the signals panels use.

A :class:`DocumentSession` exists once a document has loaded (while it loads, its tab holds a
progress widget instead). Panels keep per-document state by session and listen to:

- ``entities_changed()``: the entity spans of this document changed (emitted by the entity
  feature when recognition finishes or a correction is made),
- ``annotations_changed()``: this document's annotations changed (emitted by the annotation
  feature),
- ``latin_changed(bool)``: the view switched between the original and the Latin script.

Offsets anywhere in this API are ``str`` indices into ``document.text``.
"""

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.document import Document, count_words
from reader.core.kazakh.wordsearch import WordIndex
from reader.gui.tasks import Job, TaskRunner
from reader.gui.textmap import TextMap, latin_map
from reader.gui.viewer import DocumentViewer

log = logging.getLogger(__name__)


class DocumentSession(QObject):
    """An open document: ``document``, ``path``, ``viewer`` and change signals."""

    entities_changed = Signal()
    annotations_changed = Signal()
    latin_changed = Signal(bool)
    latin_failed = Signal(str)
    word_count_ready = Signal(int)

    def __init__(
        self,
        document: Document,
        path: str,
        tasks: TaskRunner,
        identity_map: TextMap | None = None,
        parent: QObject | None = None,
        prepare_viewer: Callable[[DocumentViewer], None] | None = None,
    ) -> None:
        """``prepare_viewer`` sets the viewer up (size, font, zoom) before it gets the text:
        a 20 MB text is laid out once, not again when the viewer is resized or restyled."""
        super().__init__(parent)
        self.document = document
        self.path = path
        self.viewer = DocumentViewer()
        if prepare_viewer is not None:
            prepare_viewer(self.viewer)
        self._word_count: int | None = None
        self._tasks = tasks
        self._original_map = identity_map or TextMap.identity(document.text)
        self._latin: tuple[str, TextMap] | None = None
        self._latin_job = 0
        self._want_latin = False
        self.viewer.destroyed.connect(self._on_viewer_destroyed)
        tasks.finished.connect(self._on_job_finished)
        tasks.failed.connect(self._on_job_failed)
        self.viewer.show_text(document.text, self._original_map, document.headings)
        self._count_job = 0
        self._index_job = 0
        self.word_index: WordIndex | None = None  # built in the background after the paint
        # Counting 20 MB takes half a second: start once the text is painted, so that the
        # count does not compete with the first paint for the interpreter.
        # Queued: the window builds its panels on the first paint first, undisturbed.
        self.viewer.first_painted.connect(lambda: QTimer.singleShot(0, self, self._start_count))

    @property
    def title(self) -> str:
        return self.document.title or self.path

    def _start_count(self) -> None:
        """After the first paint: count the words, and index them for word-form search
        (the default search mode), so that the first search need not wait."""
        text = self.document.text
        if self._word_count is None and not self._count_job:
            self._count_job = self._tasks.submit(lambda job: _count_words(text, job))
        if not self._index_job:
            self._index_job = self._tasks.submit(lambda job: _index_words(text, job))

    @property
    def word_count(self) -> int | None:
        """Words in the document; None until the background count is done
        (``word_count_ready`` says when)."""
        return self._word_count

    @property
    def is_latin(self) -> bool:
        """True when the viewer shows the 2021 Latin script."""
        return self._latin is not None and self.viewer.text_map is self._latin[1]

    @property
    def shown_text(self) -> str:
        """The text the viewer shows: the original, or its Latin transliteration."""
        if self._latin is not None and self.viewer.text_map is self._latin[1]:
            return self._latin[0]
        return self.document.text

    def set_latin(self, enabled: bool) -> None:
        """Show the document in Latin script (computed in the background once) or not."""
        self._want_latin = enabled
        if not enabled:
            if self.viewer.text_map is not self._original_map:
                doc = self.document
                self.viewer.show_text(doc.text, self._original_map, doc.headings)
                self.latin_changed.emit(False)
            return
        if self._latin is not None:
            self._show_latin()
        elif not self._latin_job:
            text = self.document.text
            self._latin_job = self._tasks.submit(lambda job: _latin_job(text, job))

    def _show_latin(self) -> None:
        assert self._latin is not None
        if self.viewer.text_map is self._latin[1]:
            return
        self.viewer.show_text(self._latin[0], self._latin[1], self.document.headings)
        self.latin_changed.emit(True)

    def _on_job_finished(self, job_id: int, result: Any) -> None:
        if job_id and job_id == self._index_job:
            self.word_index = result
        if job_id == self._count_job:
            self._count_job = 0
            self._word_count = int(result)
            self.word_count_ready.emit(self._word_count)
        if job_id != self._latin_job or not job_id:
            return
        self._latin_job = 0
        self._latin = result
        if self._want_latin:
            self._show_latin()

    def _on_job_failed(self, job_id: int, message: str) -> None:
        if job_id == self._latin_job:
            self._latin_job = 0
            self._want_latin = False
            self.latin_failed.emit(message)

    def _on_viewer_destroyed(self) -> None:
        try:
            self._tasks.finished.disconnect(self._on_job_finished)
            self._tasks.failed.disconnect(self._on_job_failed)
        except (RuntimeError, TypeError):
            pass
        if self._latin_job:
            self._tasks.cancel(self._latin_job)

    def close(self) -> None:
        """Stop background work of this session (its tab is closing)."""
        if self._index_job and self._tasks.is_active(self._index_job):
            self._tasks.cancel(self._index_job)
        if self._count_job:
            self._tasks.cancel(self._count_job)
            self._count_job = 0
        if self._latin_job:
            self._tasks.cancel(self._latin_job)
            self._latin_job = 0


COUNT_CHUNK = 1 << 20


def _count_words(text: str, job: Job) -> int:
    """``count_words`` in pieces cut at line ends (no word spans one), so that closing the
    tab or the window does not wait for a 20 MB count."""
    total, start = 0, 0
    while start < len(text):
        end = text.find("\n", start + COUNT_CHUNK)
        end = len(text) if end == -1 else end
        total += count_words(text[start:end])
        job.check()
        start = end
    return total


def _index_words(text: str, job: Job) -> WordIndex:
    """The word-form index of ``text``; the session keeps it for word-form searches."""
    from reader.core.search import build_word_index

    return build_word_index(text, cancel=job.cancel)


def _latin_job(text: str, job: Job) -> tuple[str, TextMap]:
    latin, sources = latin_map(text)
    job.check()
    return latin, TextMap.shown(text, latin, sources)
