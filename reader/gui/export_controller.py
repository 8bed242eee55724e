"""File > Export Annotated Copy…: the current document with its highlights and notes as a
PDF or DOCX, written in the background with progress and cancel.

The export itself is :func:`reader.export.export_copy` (the same code as
``oqyrman export``); this module only asks where, takes snapshots (document, attached
annotations, corrected entities) and reports the outcome. The file appears only when it is
complete, so a cancelled or failed export leaves nothing behind.
"""

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from reader.core.annotations import DocumentAnnotations
from reader.core.errors import ReaderError
from reader.core.fsutil import atomic_write_json, read_json
from reader.gui.services import Notifier, Sessions
from reader.gui.session import DocumentSession
from reader.gui.tasks import Job, JobContext, Priority, TaskRunner

if TYPE_CHECKING:  # the exporters load when the user exports, not at start-up
    from reader.core.ner.entities import Entity
    from reader.export.common import IndexWording

log = logging.getLogger(__name__)

SUFFIXES = (".pdf", ".docx", ".odt")
SHOW_PROGRESS_AFTER_MS = 400  # a seed-sized export is done before a dialog would flash


def _pages(pages: Sequence[int]) -> str:
    numbers = ", ".join(map(str, pages))
    if len(pages) == 1:
        return QCoreApplication.translate("ExportController", "page %1").replace("%1", numbers)
    return QCoreApplication.translate("ExportController", "pages %1").replace("%1", numbers)


class ExportController(QObject):
    """The export actions and the one export that may be running."""

    exported = Signal(str)  # the path written
    export_failed = Signal(str)  # one-line reason (also shown to the user)

    def __init__(
        self,
        tasks: TaskRunner,
        sessions: Sessions,
        notifier: Notifier,
        *,
        parent: QWidget,
        annotations_of: Callable[[DocumentSession], DocumentAnnotations],
        entities_of: "Callable[[DocumentSession], list[Entity] | None]",
        author: Callable[[], str] = lambda: "",
        memory: Path | None = None,
    ) -> None:
        """``annotations_of`` and ``entities_of`` give what a copy of a session shows (the
        entities None while they are still being recognised); ``memory``: a small JSON file
        keeping the last export's folder and format and the index options."""
        super().__init__(parent)
        self._tasks = tasks
        self._sessions = sessions
        self._notify = notifier
        self._parent = parent
        self._annotations_of = annotations_of
        self._entities_of = entities_of
        self._author = author  # who signs the notes (Preferences); "" for the system's name
        self._memory = memory
        self._job: Job | None = None
        self._target = ""
        self._note = ""  # said with the result: a copy that does not keep the layout
        self._left_out = 0  # orphaned annotations, which a copy cannot show
        self._progress: QProgressDialog | None = None
        self.action = QAction(self.tr("E&xport Annotated Copy…"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setToolTip(self.tr("Save a PDF or Word copy with your highlights and notes"))
        self.action.triggered.connect(self.export_interactively)
        self.index_action = QAction(self.tr("Add &Index of Entities to Copies"), parent)
        self.index_action.setCheckable(True)
        self.index_action.setChecked(True)
        self.index_action.setToolTip(
            self.tr("End exported copies with the entities of the document and their pages")
        )
        self.index_dates_action = QAction(self.tr("Include &Dates in the Index"), parent)
        self.index_dates_action.setCheckable(True)
        self.index_dates_action.setToolTip(
            self.tr("List the document's dates and times in the index too, after the names")
        )
        remembered = read_json(self._memory, {}) if self._memory else {}
        remembered = remembered if isinstance(remembered, dict) else {}
        self.index_action.setChecked(remembered.get("index", True) is not False)
        self.index_dates_action.setChecked(remembered.get("index_dates") is True)
        self.index_dates_action.setEnabled(self.index_action.isChecked())
        self.index_action.toggled.connect(self.index_dates_action.setEnabled)
        self.index_action.toggled.connect(lambda _: self._remember_options())
        self.index_dates_action.toggled.connect(lambda _: self._remember_options())
        sessions.current_session_changed.connect(self._update_enabled)
        self._update_enabled(sessions.current_session())

    # -- public API ---------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._job is not None

    def suggested_path(self, session: DocumentSession) -> tuple[str, str]:
        """Where the dialog starts: the folder and format of the last export (else the
        document's folder, PDF), and the document's name with "-annotated"."""
        source = Path(session.path)
        remembered = read_json(self._memory, {}) if self._memory else {}
        folder = Path(remembered.get("folder") or source.parent)
        suffix = str(remembered.get("suffix")) if remembered.get("suffix") in SUFFIXES else ".pdf"
        if not folder.is_dir():
            folder = source.parent
        return str(folder / f"{source.stem}-annotated{suffix}"), suffix

    def ask_path(self, session: DocumentSession) -> str:
        """Where to write (tests patch this); '' when the user cancels."""
        suggested, suffix = self.suggested_path(session)
        pdf, docx = self.tr("PDF document (*.pdf)"), self.tr("Word document (*.docx)")
        filters = {".pdf": pdf, ".docx": docx}
        if session.document.format == "odt":  # the original ODT plus comments
            filters[".odt"] = self.tr("OpenDocument text (*.odt)")
        first = filters.get(suffix, pdf)
        ordered = [first, *(f for f in filters.values() if f != first)]
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export Annotated Copy"), suggested, ";;".join(ordered), first
        )
        if path and not Path(path).suffix:
            path += next((s for s, f in filters.items() if f == chosen), ".pdf")
        return path

    def layout_note(self, session: DocumentSession, path: str) -> str:
        """What the user should know of a copy that does not keep the original's layout
        (a PDF, Word or OpenDocument file typeset anew from its text), or ""."""
        from reader.export import keeps_layout

        fmt = session.document.format
        try:
            kept = keeps_layout(fmt, path)
        except ReaderError:
            return ""
        if kept or fmt not in ("pdf", "docx", "odt"):
            return ""
        return self.tr("the copy is typeset anew from the text: the original's layout is not kept")

    def _remember(self, path: str) -> None:
        """The folder and format of this export, for the next one (kept across runs)."""
        target = Path(path)
        self._write_memory(folder=str(target.parent), suffix=target.suffix.lower())

    def _remember_options(self) -> None:
        self._write_memory(
            index=self.index_action.isChecked(), index_dates=self.index_dates_action.isChecked()
        )

    def _write_memory(self, **values: object) -> None:
        if not self._memory:
            return
        memory = read_json(self._memory, {})
        memory = {**(memory if isinstance(memory, dict) else {}), **values}
        try:
            atomic_write_json(self._memory, memory)
        except OSError as exc:
            log.warning("cannot remember the export options in %s: %s", self._memory, exc)

    def export_interactively(self) -> None:
        """Ask where, then export the current document there."""
        session = self._sessions.current_session()
        if session is None or self.is_busy():
            return
        path = self.ask_path(session)
        if path:
            self.export(session, path)

    def export(self, session: DocumentSession, path: str) -> Job | None:
        """Start exporting ``session`` to ``path``; return the job (None if refused)."""
        if _same_file(path, session.path):
            self._fail(self.tr("Choose another name: this would replace the document itself"))
            return None
        document = session.document
        found = self._annotations_of(session)
        annotations = found.attached
        self._left_out = len(found.orphaned)
        entities = self._entities(session)
        wording = self.wording(entities or ())
        from reader.export import ExportRequest, export_copy, preload

        try:
            preload(document.format, path)  # Qt's types made on this (the GUI) thread
        except ReaderError as exc:  # an unknown suffix: the job will say so
            log.debug("not preloading the writer: %s", exc)

        author = self._author()  # "" is the system name (ExportRequest)
        index_dates = self.index_dates_action.isChecked()

        def work(job: JobContext) -> str:
            request = ExportRequest(
                document, annotations, Path(path), entities=entities, wording=wording,
                progress=job.progress, cancel=job.cancel, author=author,
                index_dates=index_dates,
            )  # fmt: skip
            return str(export_copy(request))

        self._target = path
        self._note = self.layout_note(session, path)
        self._remember(path)
        self._job = self._tasks.submit(
            work, on_done=self._on_finished, on_failed=self._on_failed,
            on_cancelled=self._on_cancelled, on_progress=self._on_progress,
            priority=Priority.NORMAL, owner=self,
        )  # fmt: skip
        self._show_progress(Path(path).name)
        self.action.setEnabled(False)
        log.info("exporting %s to %s (job %d)", session.path, path, self._job.id)
        return self._job

    def wording(self, entities: Sequence[Any]) -> "IndexWording":
        """The entity index in the interface language. Plural forms are looked up here, on
        the GUI thread, for the counts that occur (Russian has three of them)."""
        from reader.export.common import IndexWording

        mentions = {n: self.tr("%n mention(s)", "", n) for n in {e.count for e in entities}}
        from reader.gui.models.entity_classes import class_name

        return IndexWording(
            title=self.tr("Index of entities"),
            mentions=lambda n: mentions.get(n) or self.tr("%n mention(s)", "", n),
            pages=_pages,
            class_name=class_name,
        )

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    # -- internals ----------------------------------------------------------------------------
    def _entities(self, session: DocumentSession) -> "list[Entity] | None":
        """The corrected entities shown in the panel, if the user wants an index and they
        are known; the copy gets no index while recognition is still running."""
        if not self.index_action.isChecked():
            return None
        entities = self._entities_of(session)
        if entities is None:
            self._notify.show_status(
                self.tr("Entities are still being recognised: the copy has no index"), 8000
            )
        return entities

    def _show_progress(self, name: str) -> None:
        dialog = QProgressDialog(
            self.tr("Exporting “%1”…").replace("%1", name), self.tr("Cancel"), 0, 0, self._parent
        )
        dialog.setWindowTitle(self.tr("Export Annotated Copy"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self._progress = dialog

    def _end(self) -> str:
        self._job = None
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._update_enabled(self._sessions.current_session())
        return self._target

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(min(done, total))

    def _on_finished(self, result: Any) -> None:
        self._end()
        message = self.tr("Exported to %1").replace("%1", result)
        if self._note:
            message += f" ({self._note})"
        if self._left_out:  # they have no place in this text; the panel lists them
            message += " " + self.tr(
                "(%n orphaned annotation(s) left out: they no longer match the text)",
                "",
                self._left_out,
            )
        self._notify.show_status(message, 15000)
        self.exported.emit(str(result))

    def _on_failed(self, message: str) -> None:
        self._end()
        self._fail(message)

    def _on_cancelled(self) -> None:
        target = self._end()
        self._notify.show_status(
            self.tr("Export cancelled; %1 was not written").replace("%1", target), 10000
        )

    def _fail(self, message: str) -> None:
        self.export_failed.emit(message)
        self._notify.show_error(self.tr("Export failed"), message)

    def _update_enabled(self, session: object) -> None:
        self.action.setEnabled(session is not None and self._job is None)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the target does not exist yet: it cannot be the document
        return False
