"""The main window: menus, document tabs, search bar, status bar and dock panels.

Stable API for other features' panels:

- ``MainWindow.ctx``: the :class:`~reader.gui.context.AppContext`
- ``MainWindow.current_session() -> DocumentSession | None`` and the signal
  ``current_session_changed(object)`` (a DocumentSession or None)
- ``session_opened(object)`` / ``session_closed(object)``: a document finished loading / its
  tab was closed
- ``MainWindow.sessions() -> list[DocumentSession]`` in tab order
- ``MainWindow.add_dock_panel(widget, title, object_name) -> QDockWidget``: a panel in the
  right dock area, listed in View > Panels
- ``MainWindow.menus["file" | "edit" | "view" | "help"]``
- ``build_panels()`` / ``panels_ready()`` / ``panels_built()``: the search bar, docks, the
  annotation toolbar, export and the dialogs' entries. Tests and embedders get them at
  construction; the application passes ``defer_panels=True`` and gets them right after the
  first document is painted (their modules and widgets cost as much as the rest of the
  start-up), so ``search_bar``, ``annotations``, ``entity_panel``, ``exporter`` and
  ``dialog_actions`` exist only from then on.
"""

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Document
from reader.core.preferences_schema import Preferences
from reader.core.prefs import SessionState, TabState, load_session, save_session
from reader.gui.context import AppContext
from reader.gui.session import DocumentSession
from reader.gui.tabs import DocumentTabs, LoadingWidget
from reader.gui.tasks import Job
from reader.gui.textmap import TextMap
from reader.gui.viewer import DocumentViewer, document_font

log = logging.getLogger(__name__)

DOCK_MIN_WIDTH = 300  # px, the docks' first width (a third of the window when wider)
PANELS_AT_THE_LATEST_MS = 400  # deferred panels: built by then even if nothing was painted


def _load_job(path: str, job: Job) -> tuple[Document, TextMap]:
    """Runs in the background: the document and its offset map (the map scans the whole
    text, which must not happen on the GUI thread for 20 MB)."""
    from reader.core.loaders import load

    document = load(path, progress=job.progress, cancel=job.cancel)
    job.check()
    return document, TextMap.identity(document.text)


class MainWindow(QMainWindow):
    """Oqyrman's window; build it with an AppContext, then call :meth:`restore_session` or
    :meth:`open_files`."""

    current_session_changed = Signal(object)
    session_opened = Signal(object)
    session_closed = Signal(object)
    open_failed = Signal(str, str)  # path, one-line reason
    panels_ready = Signal()  # the panels exist (at once, or just after the first paint)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, defer_panels: bool = False
    ) -> None:
        """``defer_panels``: build the search bar, the docks, the annotation toolbar and the
        menu entries that come with them right after the first document is painted (the
        application does this: their modules and widgets are half of the start-up time).
        Otherwise they are built here, at once."""
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Oqyrman"))
        self.setAcceptDrops(True)
        self.resize(1100, 760)
        self._sessions: dict[QWidget | None, DocumentSession] = {}
        self._loading: dict[int, LoadingWidget] = {}
        self._state = load_session(ctx.session_file) or SessionState()
        self._zoom = self._state.zoom
        self._restoring = False
        self._panels_built = False
        self._pending_dock_state = ""  # restored again once the docks exist
        self.quiet_errors = False  # log instead of a message box (--quit-after-load)
        self.persist_session = True  # False: never write the session file
        self.tabs = DocumentTabs()
        central = QWidget()
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self._connect()
        if defer_panels:
            self.session_opened.connect(self._build_panels_after_paint)
            # nothing to paint (no document, or it failed to open): build them soon anyway
            QTimer.singleShot(PANELS_AT_THE_LATEST_MS, self, self.build_panels)
        else:
            self.build_panels()

    def build_panels(self) -> None:
        """The search bar, search in all documents, annotations, entities, export and the
        dialogs' menu entries (once; :attr:`panels_ready` says when)."""
        if self._panels_built:
            return
        self._panels_built = True
        from reader.gui.global_search import GlobalSearchPanel
        from reader.gui.search_bar import SearchBarWidget

        self.search_bar = SearchBarWidget(self.ctx.tasks, self.preferences.search_mode)
        self.search_bar.hide()
        self._central_layout.addWidget(self.search_bar)
        self.global_search = GlobalSearchPanel(self)
        self.global_search_dock = self.add_dock_panel(
            self.global_search, self.tr("Search all documents"), "global_search"
        )
        self.global_search_dock.hide()
        from reader.gui.annotate import AnnotationController

        self.annotations = AnnotationController(self)
        self.annotations_dock = self.add_dock_panel(
            self.annotations.panel, self.tr("Annotations"), "annotations"
        )
        from reader.gui.entity_panel import install_entity_panel

        self.entity_panel = install_entity_panel(self)
        from reader.gui.export_controller import ExportController

        self.exporter = ExportController(self)
        from reader.gui.dialogs.menu_actions import install_dialog_actions

        self.dialog_actions = install_dialog_actions(
            self, self.menus["edit"], self.menus["help"], self.ctx.paths.preferences,
            self.ctx.preferences,
        )  # fmt: skip
        self.dialog_actions.preferences_changed.connect(self._on_preferences_changed)
        self.search_bar.set_session(self.current_session())
        if self._pending_dock_state:
            self.restoreState(QByteArray.fromBase64(self._pending_dock_state.encode("ascii")))
            self._pending_dock_state = ""
        elif not self._state.window_state:  # first run: the text gets two thirds of the width
            width = max(DOCK_MIN_WIDTH, self.width() // 3)
            docks = [d for d in (self.annotations_dock, self.entity_panel.dock) if d is not None]
            self.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)
        self.panels_ready.emit()

    def panels_built(self) -> bool:
        return self._panels_built

    def _build_panels_after_paint(self, session: DocumentSession) -> None:
        if not self._panels_built:
            session.viewer.first_painted.connect(
                self.build_panels, Qt.ConnectionType.SingleShotConnection
            )

    # -- public API -----------------------------------------------------------------------
    def current_session(self) -> DocumentSession | None:
        """The session of the current tab, or None (no tabs, or the tab is still loading)."""
        return self._sessions.get(self.tabs.currentWidget())

    def sessions(self) -> list[DocumentSession]:
        """Every loaded document, in tab order."""
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [self._sessions[w] for w in widgets if w in self._sessions]

    def activate_session(self, session: DocumentSession) -> None:
        self.tabs.setCurrentWidget(session.viewer)

    def add_dock_panel(self, widget: QWidget, title: str, object_name: str) -> QDockWidget:
        """Put ``widget`` in a dock on the right, listed in View > Panels; return the dock."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._panels_menu.addAction(dock.toggleViewAction())
        return dock

    def open_files(self, paths: list[str], offsets: dict[str, int] | None = None) -> None:
        """Open each file in a tab (loading in the background); an open one is activated."""
        for path in paths:
            self._open_one(str(Path(path).expanduser().absolute()), (offsets or {}).get(path, 0))

    @property
    def preferences(self) -> Preferences:
        """The user's preferences as last saved (Edit > Preferences changes them)."""
        actions = getattr(self, "dialog_actions", None)
        return actions.preferences if actions is not None else self.ctx.preferences

    def document_font(self) -> QFont:
        """The font documents are shown in, from the user's preferences."""
        return document_font(self.preferences)

    def show_error(self, title: str, text: str) -> None:
        """A warning box (tests patch ``QMessageBox.warning``)."""
        if self.quiet_errors:
            log.error("%s: %s", title, text)
            return
        from PySide6.QtWidgets import QMessageBox  # dialogs' classes load when first needed

        QMessageBox.warning(self, title, text)

    # -- building -------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: Any, *keys: Any) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = self.menus["file"] = bar.addMenu(self.tr("&File"))
        edit = self.menus["edit"] = bar.addMenu(self.tr("&Edit"))
        view = self.menus["view"] = bar.addMenu(self.tr("&View"))
        help_ = self.menus["help"] = bar.addMenu(self.tr("&Help"))
        K = QKeySequence.StandardKey
        self._action(file, self.tr("&Open…"), self._on_open, K.Open)
        self._recent_menu = file.addMenu(self.tr("Open &Recent"))
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file, self.tr("&Close Tab"), self._on_close_current, "Ctrl+W")
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, K.Quit)
        self._action(edit, self.tr("&Find…"), self._on_find, K.Find)
        self._action(edit, self.tr("Find &Next"), lambda: self._find_step(1), "F3")
        self._action(edit, self.tr("Find &Previous"), lambda: self._find_step(-1), "Shift+F3")
        self._action(edit, self.tr("Find in &All Documents…"), self._on_find_all, "Ctrl+Shift+F")
        self._action(view, self.tr("Zoom &In"), lambda: self._set_zoom(self._zoom + 1), K.ZoomIn)
        self._action(view, self.tr("Zoom &Out"), lambda: self._set_zoom(self._zoom - 1), K.ZoomOut)
        self._action(view, self.tr("&Reset Zoom"), lambda: self._set_zoom(0), "Ctrl+0")
        view.addSeparator()
        self.latin_action = self._action(view, self.tr("&Latin Script"), self._on_latin)
        self.latin_action.setCheckable(True)
        self.latin_action.setToolTip(self.tr("Show Kazakh text in the 2021 Latin alphabet"))
        view.addSeparator()
        self._action(view, self.tr("Next &Tab"), lambda: self.tabs.step(1), "Ctrl+Tab")
        self._action(view, self.tr("Previous T&ab"), lambda: self.tabs.step(-1), "Ctrl+Shift+Tab")
        view.addSeparator()
        self._panels_menu = view.addMenu(self.tr("&Panels"))
        self._action(help_, self.tr("&About Oqyrman"), self._on_about)

    def _build_status_bar(self) -> None:
        self._status_format = QLabel()
        self._status_words = QLabel()
        self._status_line = QLabel()
        for label in (self._status_format, self._status_words, self._status_line):
            self.statusBar().addPermanentWidget(label)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.tabs.close_requested.connect(self.close_tab)
        self.tabs.tabBar().tabMoved.connect(lambda *_: self.save_session())
        tasks = self.ctx.tasks
        tasks.finished.connect(self._on_job_finished)
        tasks.failed.connect(self._on_job_failed)
        tasks.cancelled.connect(self._on_job_cancelled)
        tasks.progress.connect(self._on_job_progress)

    # -- opening --------------------------------------------------------------------------
    def _find_tab(self, path: str) -> int:
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            session = self._sessions.get(widget)
            if (session and session.path == path) or getattr(widget, "path", None) == path:
                return i
        return -1

    def _open_one(self, path: str, offset: int) -> None:
        index = self._find_tab(path)
        if index >= 0:
            self.tabs.setCurrentIndex(index)
            return
        placeholder = LoadingWidget(path)
        placeholder.restore_offset = offset
        placeholder.job_id = self.ctx.tasks.submit(lambda job: _load_job(path, job))
        placeholder.cancel_requested.connect(lambda: self.ctx.tasks.cancel(placeholder.job_id))
        self._loading[placeholder.job_id] = placeholder
        index = self.tabs.addTab(placeholder, Path(path).name)
        self.tabs.setTabToolTip(index, path)
        self.tabs.setCurrentIndex(index)

    def _on_job_progress(self, job_id: int, done: int, total: int) -> None:
        placeholder = self._loading.get(job_id)
        if placeholder is not None:
            placeholder.set_progress(done, total)

    def _on_job_finished(self, job_id: int, result: Any) -> None:
        placeholder = self._loading.pop(job_id, None)
        if placeholder is None:
            return  # not a load, or its tab was closed meanwhile
        document, text_map = result

        def prepare(viewer: DocumentViewer) -> None:  # before the text: one layout only
            viewer.resize(placeholder.size())
            viewer.set_base_font(self.document_font())
            viewer.set_zoom(self._zoom)

        session = DocumentSession(
            document, placeholder.path, self.ctx.tasks, text_map, self, prepare_viewer=prepare
        )
        session.word_count_ready.connect(lambda: self._update_status(self.current_session()))
        session.viewer.zoom_changed.connect(self._set_zoom)  # Ctrl+wheel zooms every tab
        session.viewer.cursorPositionChanged.connect(self._update_status_line)
        session.latin_failed.connect(self._on_latin_failed)
        if self.latin_action.isChecked():
            session.set_latin(True)
        index = self.tabs.indexOf(placeholder)
        was_current = self.tabs.currentIndex() == index
        self._sessions[session.viewer] = session
        self.tabs.blockSignals(True)
        self.tabs.insertTab(index, session.viewer, session.title)
        self.tabs.removeTab(index + 1)
        self.tabs.blockSignals(False)
        self.tabs.setTabToolTip(index, session.path)
        placeholder.deleteLater()
        if placeholder.restore_offset:
            session.viewer.scroll_to_offset(placeholder.restore_offset)
        self._remember(session)
        self.session_opened.emit(session)
        if was_current:
            self.tabs.setCurrentIndex(index)
            self._on_current_changed(index)

    def _remember(self, session: DocumentSession) -> None:
        self._state = self._state.with_recent(session.path)
        doc = session.document
        try:
            self.ctx.store.remember_document(session.path, doc.sha256, doc.title, doc.format)
        except Exception:  # the registry is a convenience; never lose a tab over it
            log.exception("could not record %s in the document registry", session.path)
        self.save_session()

    def _on_job_failed(self, job_id: int, message: str) -> None:
        placeholder = self._drop_placeholder(job_id)
        if placeholder is not None:
            self.open_failed.emit(placeholder.path, message)
            name = Path(placeholder.path).name
            self.show_error(
                self.tr("Cannot open %1").replace("%1", name),
                self.tr("Oqyrman could not open “%1”:\n%2")
                .replace("%1", placeholder.path)
                .replace("%2", message),
            )

    def _on_job_cancelled(self, job_id: int) -> None:
        self._drop_placeholder(job_id)

    def _drop_placeholder(self, job_id: int) -> LoadingWidget | None:
        placeholder = self._loading.pop(job_id, None)
        if placeholder is not None:
            index = self.tabs.indexOf(placeholder)
            if index >= 0:
                self.tabs.removeTab(index)
            placeholder.deleteLater()
            self.save_session()
        return placeholder

    # -- tabs -----------------------------------------------------------------------------
    def close_tab(self, index: int) -> None:
        """Close tab ``index``: cancel its load, or end its session."""
        widget = self.tabs.widget(index)
        if widget is None:
            return
        self.tabs.removeTab(index)
        if isinstance(widget, LoadingWidget):
            self._loading.pop(widget.job_id, None)
            self.ctx.tasks.cancel(widget.job_id)
        session = self._sessions.pop(widget, None)
        if session is not None:
            session.close()
            self.session_closed.emit(session)
            session.deleteLater()
        widget.deleteLater()
        self.save_session()

    def _on_close_current(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def _on_current_changed(self, _index: int) -> None:
        session = self.current_session()
        if self._panels_built:
            self.search_bar.set_session(session)
        self._update_status(session)
        self.setWindowTitle(
            self.tr("%1 – Oqyrman").replace("%1", session.title) if session else self.tr("Oqyrman")
        )
        self.current_session_changed.emit(session)
        self.save_session()

    def _update_status(self, session: DocumentSession | None) -> None:
        if session is None:
            for label in (self._status_format, self._status_words, self._status_line):
                label.clear()
            return
        doc = session.document
        encoding = f" · {doc.encoding}" if doc.encoding else ""
        self._status_format.setText(f"{doc.format.upper()}{encoding}")
        words = session.word_count
        self._status_words.setText(
            self.tr("Counting words…") if words is None else self.tr("%n word(s)", "", words)
        )
        self._update_status_line()

    def _update_status_line(self) -> None:
        session = self.current_session()
        if session is not None:
            line = self.tr("Line %1").replace("%1", str(session.viewer.cursor_line()))
            self._status_line.setText(line)

    # -- actions --------------------------------------------------------------------------
    def _on_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from reader.core.loaders import file_filter

        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Open documents"), "", file_filter())
        self.open_files(paths)

    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        for path in self._state.recent:
            action = self._recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_files([p]))
        if not self._state.recent:
            self._recent_menu.addAction(self.tr("No recent files")).setEnabled(False)

    def _on_find(self) -> None:
        self.build_panels()
        self.search_bar.activate()

    def _find_step(self, delta: int) -> None:
        self.build_panels()
        self.search_bar.step(delta)

    def _on_find_all(self) -> None:
        self.build_panels()
        self.global_search_dock.show()
        self.global_search_dock.raise_()
        self.global_search.activate()

    def _set_zoom(self, steps: int) -> None:
        if max(-8, min(20, steps)) == self._zoom:
            return
        self._zoom = max(-8, min(20, steps))
        for session in self.sessions():
            session.viewer.set_zoom(self._zoom)
        self.save_session()

    def _on_latin(self, enabled: bool) -> None:
        for session in self.sessions():
            session.set_latin(enabled)
        self.save_session()

    def _on_latin_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("Latin script is not available: %1").replace("%1", message), 8000
        )

    def _on_preferences_changed(self, prefs: Preferences) -> None:
        """Apply a new font and default search mode now (the theme is applied by the dialog
        actions; the language at the next start)."""
        font = self.document_font()
        for session in self.sessions():
            session.viewer.set_base_font(font)
        self.search_bar.set_default_mode(prefs.search_mode)
        self.global_search.set_default_mode(prefs.search_mode)

    def _on_about(self) -> None:
        from reader.gui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    # -- session persistence ----------------------------------------------------------------
    def session_state(self) -> SessionState:
        """What would be restored if the window closed now."""
        tabs = []
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            session = self._sessions.get(widget)
            if session is not None:
                tabs.append(TabState(session.path, session.viewer.first_visible_offset()))
            elif isinstance(widget, LoadingWidget):
                tabs.append(TabState(widget.path, widget.restore_offset))
        return SessionState(
            tabs=tuple(tabs),
            current=max(self.tabs.currentIndex(), 0),
            recent=self._state.recent,
            zoom=self._zoom,
            geometry=bytes(self.saveGeometry().toBase64().data()).decode("ascii"),
            window_state=self._dock_state(),
            latin=self.latin_action.isChecked(),
        )

    def _dock_state(self) -> str:
        """The docks' and toolbars' layout; before the panels exist, the saved one (saving
        the bare window's would forget where the user put them)."""
        if not self._panels_built:
            return self._pending_dock_state or self._state.window_state
        return bytes(self.saveState().toBase64().data()).decode("ascii")

    def save_session(self) -> None:
        """Write the session file now (on every tab change and on close: crash-safe)."""
        if self._restoring or not self.persist_session:
            return
        self._state = self.session_state()
        try:
            save_session(self.ctx.session_file, self._state)
        except OSError as exc:
            log.warning("cannot save the session to %s: %s", self.ctx.session_file, exc)

    def restore_session(self) -> bool:
        """Reopen the saved tabs at their scroll positions; False on first run (no file)."""
        saved = load_session(self.ctx.session_file)
        if saved is None:
            return False
        self.restore_window(saved)
        self._restoring = True
        missing = [tab.path for tab in saved.tabs if not Path(tab.path).exists()]
        if missing:  # moved or deleted since: say so quietly rather than with a dialog each
            self.statusBar().showMessage(
                self.tr("Not reopened (no longer there): %1").replace("%1", ", ".join(missing)),
                15000,
            )
        try:
            for tab in saved.tabs:
                if tab.path not in missing:
                    self._open_one(tab.path, tab.offset)
            if saved.tabs:
                self.tabs.setCurrentIndex(min(saved.current, self.tabs.count() - 1))
        finally:
            self._restoring = False
        return True

    def restore_window(self, saved: SessionState | None = None) -> None:
        """Geometry, docks, zoom and the Latin toggle from the saved session."""
        saved = saved or load_session(self.ctx.session_file)
        if saved is None:
            return
        if saved.geometry:
            self.restoreGeometry(QByteArray.fromBase64(saved.geometry.encode("ascii")))
        if saved.window_state:
            self.restoreState(QByteArray.fromBase64(saved.window_state.encode("ascii")))
            if not self._panels_built:
                self._pending_dock_state = saved.window_state
        self._zoom = saved.zoom
        self.latin_action.setChecked(saved.latin)

    # -- Qt overrides -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls: list[QUrl] = event.mimeData().urls()
        paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
        if paths:
            self.open_files(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_session()
        for job_id in list(self._loading):
            self.ctx.tasks.cancel(job_id)
        super().closeEvent(event)
