"""File > Export Annotated Copy…: the current document with its highlights and notes as a
PDF or DOCX, written in the background with progress and cancel.

The export itself is :func:`reader.export.export_copy` (the same code as
``oqyrman export``); this module only asks where, takes snapshots (document, attached
annotations, corrected entities) and reports the outcome. The file appears only when it is
complete, so a cancelled or failed export leaves nothing behind.
"""

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from reader.core.errors import ReaderError
from reader.gui.session import DocumentSession

if TYPE_CHECKING:  # the exporters load when the user exports, not at start-up
    from reader.core.ner.entities import Entity
    from reader.export.common import IndexWording
    from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 400  # a seed-sized export is done before a dialog would flash


def _pages(pages: Sequence[int]) -> str:
    numbers = ", ".join(map(str, pages))
    if len(pages) == 1:
        return QCoreApplication.translate("ExportController", "page %1").replace("%1", numbers)
    return QCoreApplication.translate("ExportController", "pages %1").replace("%1", numbers)


class ExportController(QObject):
    """The export actions of a main window and the one export that may be running."""

    exported = Signal(str)  # the path written
    export_failed = Signal(str)  # one-line reason (also shown to the user)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self._job = 0
        self._target = ""
        self._left_out = 0  # orphaned annotations, which a copy cannot show
        self._progress: QProgressDialog | None = None
        self.action = QAction(self.tr("E&xport Annotated Copy…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setToolTip(self.tr("Save a PDF or Word copy with your highlights and notes"))
        self.action.triggered.connect(self.export_interactively)
        self.index_action = QAction(self.tr("Add &Index of Entities to Copies"), window)
        self.index_action.setCheckable(True)
        self.index_action.setChecked(True)
        self.index_action.setToolTip(
            self.tr("End exported copies with the entities of the document and their pages")
        )
        self._install_menu()
        tasks = window.ctx.tasks
        tasks.finished.connect(self._on_finished)
        tasks.failed.connect(self._on_failed)
        tasks.cancelled.connect(self._on_cancelled)
        tasks.progress.connect(self._on_progress)
        window.current_session_changed.connect(self._update_enabled)
        self._update_enabled(window.current_session())

    # -- public API ---------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return bool(self._job)

    def ask_path(self, session: DocumentSession) -> str:
        """Where to write (tests patch this); '' when the user cancels."""
        source = Path(session.path)
        suggested = str(source.with_name(f"{source.stem}-annotated.pdf"))
        pdf, docx = self.tr("PDF document (*.pdf)"), self.tr("Word document (*.docx)")
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Annotated Copy"), suggested, f"{pdf};;{docx}"
        )
        if path and not Path(path).suffix:
            path += ".docx" if chosen == docx else ".pdf"
        return path

    def export_interactively(self) -> None:
        """Ask where, then export the current document there."""
        session = self.window.current_session()
        if session is None or self.is_busy():
            return
        path = self.ask_path(session)
        if path:
            self.export(session, path)

    def export(self, session: DocumentSession, path: str) -> int:
        """Start exporting ``session`` to ``path``; return the job id (0 if refused)."""
        if _same_file(path, session.path):
            self._fail(self.tr("Choose another name: this would replace the document itself"))
            return 0
        document = session.document
        found = self.window.annotations.annotations(session)
        annotations = found.attached
        self._left_out = len(found.orphaned)
        entities = self._entities(session)
        wording = self.wording(entities or ())
        from reader.export import ExportRequest, export_copy, preload

        try:
            preload(document.format, path)  # Qt's types made on this (the GUI) thread
        except ReaderError as exc:  # an unknown suffix: the job will say so
            log.debug("not preloading the writer: %s", exc)

        def work(job: Any) -> str:
            request = ExportRequest(
                document, annotations, Path(path), entities=entities, wording=wording,
                progress=job.progress, cancel=job.cancel,
            )  # fmt: skip
            return str(export_copy(request))

        self._target = path
        self._job = self.window.ctx.tasks.submit(work)
        self._show_progress(Path(path).name)
        self.action.setEnabled(False)
        log.info("exporting %s to %s (job %d)", session.path, path, self._job)
        return self._job

    def wording(self, entities: Sequence[Any]) -> "IndexWording":
        """The entity index in the interface language. Plural forms are looked up here, on
        the GUI thread, for the counts that occur (Russian has three of them)."""
        from reader.export.common import IndexWording

        mentions = {n: self.tr("%n mention(s)", "", n) for n in {e.count for e in entities}}
        return IndexWording(
            title=self.tr("Index of entities"),
            mentions=lambda n: mentions.get(n) or self.tr("%n mention(s)", "", n),
            pages=_pages,
        )

    def cancel(self) -> None:
        if self._job:
            self.window.ctx.tasks.cancel(self._job)

    # -- internals ----------------------------------------------------------------------------
    def _install_menu(self) -> None:
        file_menu = self.window.menus["file"]
        panel = getattr(self.window, "entity_panel", None)
        before = getattr(panel, "export_action", None)
        if before is None:
            separators = [a for a in file_menu.actions() if a.isSeparator()]
            before = separators[-1] if separators else None
        if before is None:
            file_menu.addActions([self.action, self.index_action])
        else:
            file_menu.insertActions(before, [self.action, self.index_action])

    def _entities(self, session: DocumentSession) -> "list[Entity] | None":
        """The corrected entities shown in the panel, if the user wants an index and they
        are known; the copy gets no index while recognition is still running."""
        if not self.index_action.isChecked():
            return None
        panel = getattr(self.window, "entity_panel", None)
        if panel is None or not panel.model.is_known(session):
            self.window.statusBar().showMessage(
                self.tr("Entities are still being recognised: the copy has no index"), 8000
            )
            return None
        entities: list[Entity] = panel.model.entities(session)
        return entities

    def _show_progress(self, name: str) -> None:
        dialog = QProgressDialog(
            self.tr("Exporting “%1”…").replace("%1", name), self.tr("Cancel"), 0, 0, self.window
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
        self._job = 0
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._update_enabled(self.window.current_session())
        return self._target

    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        if job_id == self._job and job_id and self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(min(done, total))

    def _on_finished(self, job_id: int, result: Any) -> None:
        if job_id != self._job or not job_id:
            return
        self._end()
        message = self.tr("Exported to %1").replace("%1", result)
        if self._left_out:  # they have no place in this text; the panel lists them
            message += " " + self.tr(
                "(%n orphaned annotation(s) left out: they no longer match the text)",
                "",
                self._left_out,
            )
        self.window.statusBar().showMessage(message, 15000)
        self.exported.emit(str(result))

    def _on_failed(self, job_id: int, message: str) -> None:
        if job_id == self._job and job_id:
            self._end()
            self._fail(message)

    def _on_cancelled(self, job_id: int) -> None:
        if job_id == self._job and job_id:
            target = self._end()
            self.window.statusBar().showMessage(
                self.tr("Export cancelled; %1 was not written").replace("%1", target), 10000
            )

    def _fail(self, message: str) -> None:
        self.export_failed.emit(message)
        self.window.show_error(self.tr("Export failed"), message)

    def _update_enabled(self, session: object) -> None:
        self.action.setEnabled(session is not None and not self._job)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the target does not exist yet: it cannot be the document
        return False
