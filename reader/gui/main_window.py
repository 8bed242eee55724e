"""The main window: menus, document tabs, status bar, and the places features go.

The window lays features out and knows none of them (they never import it either):
:mod:`reader.gui.features` builds them and puts them in the window through

- ``MainWindow.menus["file" | "edit" | "view" | "annotate" | "help"]``,
- :meth:`MainWindow.add_dock_panel`, :meth:`MainWindow.add_tool_bar`,
  :meth:`MainWindow.add_bottom_widget` (the search bar, under the tabs),
- ``MainWindow.session_list``: the open documents (:class:`reader.gui.sessions.SessionList`),
- :meth:`MainWindow.show_error` / :meth:`MainWindow.show_status` (a
  :class:`~reader.gui.services.Notifier`).

``set_panel_builder(build)`` gives the window the function that makes the features; it runs
at once, or (``defer_panels=True``, the application) right after the first document is
painted: their modules and widgets cost as much as the rest of the start-up.
``panels_ready`` says when they exist; ``features`` then holds what the builder returned.
"""

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Document
from reader.core.errors import describe
from reader.core.preferences_schema import Preferences
from reader.core.prefs import SessionState, TabState, load_session, save_session
from reader.core.titles import tell_apart
from reader.gui.context import AppContext
from reader.gui.session import DocumentSession
from reader.gui.sessions import SessionList
from reader.gui.tabs import DocumentTabs, LoadingWidget
from reader.gui.tasks import Job, JobContext, Priority, translate_core
from reader.gui.textmap import TextMap
from reader.gui.view import clamp_zoom
from reader.gui.viewer import DocumentViewer, document_font

log = logging.getLogger(__name__)

DOCK_MIN_WIDTH = 300  # px, the docks' first width (a third of the window when wider)
PANELS_AT_THE_LATEST_MS = 400  # deferred panels: built by then even if nothing was painted
# Features' keys someone may press in the first moments (find, export): they build the
# features and are then handed on.
EARLY_KEYS = ("Ctrl+F", "F3", "Shift+F3", "Ctrl+Shift+F", "Ctrl+E", "1", "2", "3", "4", "5")


PanelBuilder = Callable[["MainWindow"], Any]


#: View > Reopen with Encoding: the code pages a Kazakh or Russian text may come in, and a
#: few others (Python codec name, what the menu says).
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("utf-16", "UTF-16"),
    ("cp1251", "Windows-1251"),
    ("kz1048", "KZ-1048 (Windows Kazakh)"),
    ("cp866", "DOS 866"),
    ("koi8-r", "KOI8-R"),
    ("mac_cyrillic", "Mac Cyrillic"),
    ("cp855", "IBM 855"),
    ("iso8859-5", "ISO 8859-5"),
    ("cp1252", "Windows-1252 (Western)"),
    ("cp1254", "Windows-1254 (Turkish)"),
)


class NeedsPassword(str):
    """What a load returns for an encrypted PDF opened without (the right) password: the
    reason, for the password prompt."""


def _load_job(
    path: str, job: JobContext, encoding: str | None = None, password: str | None = None
) -> "tuple[Document, TextMap] | NeedsPassword":
    """Runs in the background: the document and its offset map (the map scans the whole
    text, which must not happen on the GUI thread for 20 MB)."""
    from reader.core.errors import CONTEXT, PasswordRequiredError, describe
    from reader.core.loaders import load

    try:
        document = load(
            path, progress=job.progress, cancel=job.cancel, encoding=encoding, password=password
        )
    except PasswordRequiredError as exc:
        return NeedsPassword(describe(exc, lambda s: QCoreApplication.translate(CONTEXT, s)))
    job.check()
    return document, TextMap.identity(document.text)


class MainWindow(QMainWindow):
    """Oqyrman's window; build it with an AppContext, give it its panel builder, then call
    :meth:`restore_session` or :meth:`open_files`."""

    open_failed = Signal(str, str)  # path, one-line reason
    panels_ready = Signal()  # the features exist (at once, or just after the first paint)
    # New preferences chose another interface language: the application rebuilds the window
    # in it (gui/app.py), the same tabs at the same places.
    language_changed = Signal(object)  # the new Preferences

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, defer_panels: bool = False
    ) -> None:
        """``defer_panels``: run the panel builder right after the first document is painted
        (the application does this), not as soon as it is set."""
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Oqyrman"))
        self.setAcceptDrops(True)
        self.resize(1100, 760)
        self.preferences: Preferences = ctx.preferences
        self.features: Any = None  # what the panel builder made (reader.gui.features)
        self._builder: PanelBuilder | None = None
        self._defer_panels = defer_panels
        self._loading: dict[LoadingWidget, Job] = {}
        self._state = load_session(ctx.session_file) or SessionState()
        self._zoom = self._state.zoom
        self._restoring = False
        self._panels_built = False
        self._pending_dock_state = ""  # restored again once the docks exist
        self._early_shortcuts: list[QShortcut] = []
        # add_dock_panel's docks in order, each with its share of the height on a first start
        self._docks: dict[QDockWidget, int] = {}
        self.quiet_errors = False  # log instead of a message box (--quit-after-load)
        self.persist_session = True  # False: never write the session file
        self.tabs = DocumentTabs()
        self.tabs.setAccessibleName(self.tr("Open documents"))
        self.tabs.tabBar().setAccessibleName(self.tr("Document tabs"))
        self.session_list = SessionList(self.tabs, self)
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

    def set_panel_builder(self, build: PanelBuilder) -> None:
        """The function that makes the features (once): now, or after the first paint."""
        self._builder = build
        if not self._defer_panels:
            self.build_panels()
            return
        self.session_list.session_opened.connect(self._build_panels_after_paint)
        # nothing to paint (no document, or it failed to open): build them soon anyway
        QTimer.singleShot(PANELS_AT_THE_LATEST_MS, self, self.build_panels)
        # A menu opened or a feature's key pressed before then: build them now.
        for menu in self.menus.values():
            menu.aboutToShow.connect(self.build_panels)
        for keys in EARLY_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda k=keys: self._replay_after_build(k))
            self._early_shortcuts.append(shortcut)

    def build_panels(self) -> None:
        """Run the panel builder (once; :attr:`panels_ready` says when)."""
        if self._panels_built or self._builder is None:
            return
        self._panels_built = True
        for shortcut in self._early_shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._early_shortcuts.clear()
        # The features' first jobs (recognition, re-attaching notes) start once they are all
        # built: a worker would take the interpreter from the building half the time.
        with self.ctx.tasks.held():
            self.features = self._builder(self)
            if self._pending_dock_state:
                state = QByteArray.fromBase64(self._pending_dock_state.encode("ascii"))
                self.restoreState(state)
                self._pending_dock_state = ""
            elif not self._state.window_state:  # first run: the text gets two thirds
                width = max(DOCK_MIN_WIDTH, self.width() // 3)
                docks = self._docks_to_show()
                for dock in docks:
                    dock.show()  # now, not at the next layout pass: resizeDocks needs that
                # (one dock of the column: Qt would give the column the sum of them all)
                self.resizeDocks(docks[:1], [width], Qt.Orientation.Horizontal)
                # and the panels share the height by their weight (the entities, what
                # people open Oqyrman for, more than an empty list of annotations)
                unit = self.height() // max(1, sum(self._docks[d] for d in docks))
                heights = [unit * self._docks[d] for d in docks]
                self.resizeDocks(docks, heights, Qt.Orientation.Vertical)
            self.panels_ready.emit()

    def _docks_to_show(self) -> list[QDockWidget]:
        """The docks that are, or are about to be, on screen: a dock added to a window
        already shown appears with the next layout pass (until then isHidden() is true),
        so what tells them apart is having been hidden on purpose."""
        explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        return [d for d in self._docks if not (d.isHidden() and d.testAttribute(explicit))]

    def _replay_after_build(self, keys: str) -> None:
        """A feature's shortcut pressed before the features existed: build, then do it."""
        self.build_panels()
        wanted = QKeySequence(keys)
        for action in self.findChildren(QAction):
            if wanted in action.shortcuts() and action.isEnabled():
                action.trigger()
                return

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
        return self.session_list.current_session()

    def sessions(self) -> list[DocumentSession]:
        """Every loaded document, in tab order."""
        return self.session_list.sessions()

    def activate_session(self, session: DocumentSession) -> None:
        self.session_list.activate_session(session)

    def add_dock_panel(
        self, widget: QWidget, title: str, object_name: str, *, weight: int = 1
    ) -> QDockWidget:
        """Put ``widget`` in a dock on the right, listed in View > Panels; return the dock.
        ``weight``: its share of the height beside the other docks on a first start."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._panels_menu.addAction(dock.toggleViewAction())
        self._docks[dock] = weight
        return dock

    def add_tool_bar(self, bar: QToolBar) -> None:
        self.addToolBar(bar)

    def add_bottom_widget(self, widget: QWidget) -> None:
        """A strip under the tabs (the search bar)."""
        self._central_layout.addWidget(widget)

    def open_files(self, paths: list[str], offsets: dict[str, int] | None = None) -> None:
        """Open each file in a tab (loading in the background); an open one is activated."""
        for path in paths:
            self._open_one(str(Path(path).expanduser().absolute()), (offsets or {}).get(path, 0))

    def document_font(self) -> QFont:
        """The font documents are shown in, from the user's preferences."""
        return document_font(self.preferences)

    def apply_preferences(self, prefs: Preferences) -> None:
        """New preferences: the document font applies now (the theme is applied by the
        dialog); a new language is announced with :attr:`language_changed`."""
        language_changed = prefs.language != self.preferences.language
        self.preferences = prefs
        font = self.document_font()
        for session in self.sessions():
            session.viewer.set_base_font(font)
            session.viewer.set_line_length(prefs.line_length)
        if language_changed:
            self.language_changed.emit(prefs)

    def show_error(self, title: str, text: str) -> None:
        """A warning box (tests patch ``QMessageBox.warning``)."""
        if self.quiet_errors:
            log.error("%s: %s", title, text)
            return
        from PySide6.QtWidgets import QMessageBox  # dialogs' classes load when first needed

        QMessageBox.warning(self, title, text)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

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
        annotate = QCoreApplication.translate("AnnotationController", "&Annotate")
        self.menus["annotate"] = bar.addMenu(annotate)
        help_ = self.menus["help"] = bar.addMenu(self.tr("&Help"))
        K = QKeySequence.StandardKey
        self._action(file, self.tr("&Open…"), self._on_open, K.Open)
        self._recent_menu = file.addMenu(self.tr("Open &Recent"))
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file, self.tr("&Close Tab"), self._on_close_current, "Ctrl+W")
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, K.Quit)
        self.copy_action = self._action(edit, self.tr("&Copy"), self._on_copy, K.Copy)
        self._action(edit, self.tr("Select A&ll"), self._on_select_all, K.SelectAll)
        edit.addSeparator()
        self._action(view, self.tr("Zoom &In"), lambda: self._set_zoom(self._zoom + 1), K.ZoomIn)
        self._action(view, self.tr("Zoom &Out"), lambda: self._set_zoom(self._zoom - 1), K.ZoomOut)
        self._action(view, self.tr("&Reset Zoom"), lambda: self._set_zoom(0), "Ctrl+0")
        view.addSeparator()
        self.latin_action = self._action(view, self.tr("&Latin Script"), self._on_latin)
        self.latin_action.setCheckable(True)
        self.latin_action.setToolTip(self.tr("Show Kazakh text in the 2021 Latin alphabet"))
        self._encoding_menu = view.addMenu(self.tr("Reopen with &Encoding"))
        self._encoding_menu.setToolTipsVisible(True)
        self._encoding_menu.aboutToShow.connect(self._fill_encoding_menu)
        view.addSeparator()
        self._action(view, self.tr("Next &Tab"), lambda: self.tabs.step(1), "Ctrl+Tab")
        self._action(view, self.tr("Previous T&ab"), lambda: self.tabs.step(-1), "Ctrl+Shift+Tab")
        view.addSeparator()
        self._panels_menu = view.addMenu(self.tr("&Panels"))
        self._action(help_, self.tr("&About Oqyrman"), self._on_about)

    def _build_status_bar(self) -> None:
        self._status_warning = QLabel()
        self._status_warning.setAccessibleName(self.tr("Warnings about this document"))
        self._status_format = QLabel()
        self._status_words = QLabel()
        self._status_line = QLabel()
        for label in (
            self._status_warning,
            self._status_format,
            self._status_words,
            self._status_line,
        ):
            self.statusBar().addPermanentWidget(label)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.tabs.close_requested.connect(self.close_tab)
        self.tabs.tabBar().tabMoved.connect(lambda *_: self.save_session())

    # -- opening --------------------------------------------------------------------------
    def _find_tab(self, path: str) -> int:
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            session = self.session_list.session_of(widget)
            if (session and session.path == path) or getattr(widget, "path", None) == path:
                return i
        return -1

    def _open_one(
        self,
        path: str,
        offset: int,
        encoding: str | None = None,
        at: int = -1,
        password: str | None = None,
    ) -> None:
        index = self._find_tab(path)
        if index >= 0:
            self.tabs.setCurrentIndex(index)
            return
        placeholder = LoadingWidget(path)
        placeholder.restore_offset = offset
        placeholder.password = password
        job = self.ctx.tasks.submit(
            lambda ctx: _load_job(path, ctx, encoding, password),
            on_done=lambda result: self._on_loaded(placeholder, result),
            on_failed=lambda message: self._on_load_failed(placeholder, message),
            on_cancelled=lambda: self._on_load_cancelled(placeholder),
            on_progress=placeholder.set_progress,
            priority=Priority.NORMAL,
            owner=placeholder,
        )
        placeholder.cancel_requested.connect(job.cancel)
        self._loading[placeholder] = job
        index = self.tabs.insertTab(at, placeholder, Path(path).name)
        self.tabs.setTabToolTip(index, path)
        self.tabs.setCurrentIndex(index)

    def _on_loaded(self, placeholder: LoadingWidget, result: Any) -> None:
        if isinstance(result, NeedsPassword):
            self._ask_password(placeholder, str(result))
            return
        if self._loading.pop(placeholder, None) is None:
            return  # its tab was closed meanwhile
        document, text_map = result
        session = self._show_session(
            placeholder, placeholder.path, document, text_map, placeholder.password
        )
        if placeholder.restore_offset:
            session.viewer.scroll_to_offset(placeholder.restore_offset)
        placeholder.deleteLater()
        self._recognise_scans(session)

    def _show_session(
        self,
        replaced: QWidget,
        path: str,
        document: Document,
        text_map: TextMap | None,
        password: str | None,
    ) -> DocumentSession:
        """A session for ``document`` in the tab of ``replaced`` (a loading placeholder, or
        the document's older session)."""

        def prepare(viewer: DocumentViewer) -> None:  # before the text: one layout only
            viewer.resize(replaced.size())
            viewer.set_base_font(self.document_font())
            viewer.set_zoom(self._zoom)
            viewer.set_line_length(self.preferences.line_length)

        session = DocumentSession(
            document, path, self.ctx.tasks, text_map, self, prepare_viewer=prepare,
            password=password,
        )  # fmt: skip
        session.word_count_ready.connect(lambda: self._update_status(self.current_session()))
        session.viewer.zoom_changed.connect(self._set_zoom)  # Ctrl+wheel zooms every tab
        if session.plain:
            session.viewer.cursorPositionChanged.connect(self._update_status_line)
        session.latin_failed.connect(self._on_latin_failed)
        if self.latin_action.isChecked():
            session.set_latin(True)
        index = self.tabs.indexOf(replaced)
        was_current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)
        self.tabs.insertTab(index, session.viewer, session.title)
        self.tabs.removeTab(index + 1)
        self.tabs.blockSignals(False)
        self.tabs.setTabToolTip(index, session.path)
        self.session_list.add(session)
        self._remember(session)  # after add: the saved session must list this tab too
        self._label_tabs()
        if was_current:
            self.tabs.setCurrentIndex(index)
            self._on_current_changed(index)
        return session

    # -- scanned pages -----------------------------------------------------------------------
    def _recognise_scans(self, session: DocumentSession) -> None:
        """Scanned PDF pages are read by Tesseract in the background, the pages on screen
        first; the document then comes back with their text (search, entities, notes)."""
        document = session.document
        if document.page_map is None:
            return
        from reader.core import pdf_ocr

        if not pdf_ocr.scanned_pages(document):
            return
        cache, password = self.ctx.paths.cache, session.password
        first = list(session.viewer.visible_pages()) if not session.plain else []
        count = len(pdf_ocr.scanned_pages(document))
        self.show_status(self.tr("Recognising %1 scanned pages…").replace("%1", str(count)), 0)

        def work(job: JobContext) -> Document:
            return pdf_ocr.recognise(
                document, cache_dir=cache, first=first, progress=job.progress,
                cancel=job.cancel, password=password,
            )  # fmt: skip

        def progress(done: int, total: int) -> None:
            message = self.tr("Recognising scanned pages: %1 of %2")
            self.show_status(message.replace("%1", str(done)).replace("%2", str(total)), 0)

        session.submit(
            work,
            lambda new: self._on_recognised(session, new),
            on_failed=lambda message: self.show_status(message, 15000),
            on_progress=progress,
            priority=Priority.BACKGROUND,
        )

    def _on_recognised(self, session: DocumentSession, document: object) -> None:
        """Show the recognised document in place of the scanned one, at the same place."""
        assert isinstance(document, Document)
        offset = session.viewer.first_visible_offset()
        old = session.viewer
        self.session_list.remove(old)
        new = self._show_session(old, session.path, document, None, session.password)
        new.viewer.scroll_to_offset(min(offset, len(document.text)))
        session.deleteLater()
        old.deleteLater()
        self.show_status(self.tr("Scanned pages recognised"), 8000)

    def _remember(self, session: DocumentSession) -> None:
        self._state = self._state.with_recent(session.path)
        doc = session.document
        try:
            self.ctx.store.remember_document(session.path, doc.sha256, doc.title, doc.format)
        except Exception:  # the registry is a convenience; never lose a tab over it
            log.exception("could not record %s in the document registry", session.path)
        self.save_session()

    def _on_load_failed(self, placeholder: LoadingWidget, message: str) -> None:
        if self._drop_placeholder(placeholder):
            self.open_failed.emit(placeholder.path, message)
            name = Path(placeholder.path).name
            self.show_error(
                self.tr("Cannot open %1").replace("%1", name),
                self.tr("Oqyrman could not open “%1”:\n%2")
                .replace("%1", placeholder.path)
                .replace("%2", message),
            )

    def ask_password(self, path: str, reason: str) -> str | None:
        """The password of an encrypted PDF, or None (tests replace this)."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            self, self.tr("Password"),
            self.tr("%1\nPassword for “%2”:").replace("%1", reason)
            .replace("%2", Path(path).name),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        return text if ok and text else None

    def _ask_password(self, placeholder: LoadingWidget, reason: str) -> None:
        """An encrypted PDF: ask, and load it again with the password (or close the tab)."""
        index = self.tabs.indexOf(placeholder)
        if not self._drop_placeholder(placeholder):
            return
        password = self.ask_password(placeholder.path, reason)
        if password is not None:
            self._open_one(
                placeholder.path, placeholder.restore_offset, at=index, password=password
            )

    def _on_load_cancelled(self, placeholder: LoadingWidget) -> None:
        self._drop_placeholder(placeholder)

    def _drop_placeholder(self, placeholder: LoadingWidget) -> bool:
        """Remove a loading tab; False if it was gone already."""
        if self._loading.pop(placeholder, None) is None:
            return False
        index = self.tabs.indexOf(placeholder)
        if index >= 0:
            self.tabs.removeTab(index)
        placeholder.deleteLater()
        self.save_session()
        return True

    # -- tabs -----------------------------------------------------------------------------
    def close_tab(self, index: int) -> None:
        """Close tab ``index``: cancel its load, or end its session."""
        widget = self.tabs.widget(index)
        if widget is None:
            return
        self.tabs.removeTab(index)
        if isinstance(widget, LoadingWidget):
            job = self._loading.pop(widget, None)
            if job is not None:
                job.cancel()
        session = self.session_list.remove(widget)
        if session is not None:
            session.deleteLater()
            self._label_tabs()
        widget.deleteLater()
        self.save_session()

    def _label_tabs(self) -> None:
        """Each tab shows its document's title; two with the same title are told apart."""
        sessions = self.sessions()
        labels = tell_apart([(s.title, s.path, s.document.format) for s in sessions])
        for session, label in zip(sessions, labels, strict=True):
            index = self.tabs.indexOf(session.viewer)
            self.tabs.setTabText(index, label.replace("&", "&&"))
            self.tabs.setTabToolTip(index, f"{session.title}\n{session.path}")

    def reopen_with_encoding(self, session: DocumentSession, encoding: str) -> None:
        """Read ``session``'s file again in ``encoding``, in the same tab place and at the
        same scroll position."""
        index = self.tabs.indexOf(session.viewer)
        offset = session.viewer.first_visible_offset()
        self.close_tab(index)
        self._open_one(session.path, offset, encoding, at=index)

    def _fill_encoding_menu(self) -> None:
        self._encoding_menu.clear()
        session = self.current_session()
        current = session.document.encoding if session is not None else None
        for codec, label in ENCODINGS:
            action = self._encoding_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(current is not None and _same_codec(current, codec))
            action.setEnabled(session is not None and current is not None)
            if session is not None:
                action.triggered.connect(
                    lambda _=False, s=session, c=codec: self.reopen_with_encoding(s, c)
                )

    def _on_close_current(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def _on_current_changed(self, _index: int) -> None:
        session = self.current_session()
        self._update_status(session)
        self.setWindowTitle(
            self.tr("%1 – Oqyrman").replace("%1", session.title) if session else self.tr("Oqyrman")
        )
        self.session_list.announce_current()
        self.save_session()

    def _update_status(self, session: DocumentSession | None) -> None:
        if session is None:
            for label in (
                self._status_warning,
                self._status_format,
                self._status_words,
                self._status_line,
            ):
                label.clear()
            return
        doc = session.document
        warnings = [describe(w, translate_core) for w in doc.warnings]  # interface language
        if session.mixed_words:
            mixed = self.tr(
                "%n word(s) mix letters of two alphabets; search and entities read them as"
                " the words they stand for", "", session.mixed_words,
            )  # fmt: skip
            warnings.append(mixed)
        first = warnings[0] if warnings else ""
        short = first if len(first) <= 90 else first[:89] + "…"
        self._status_warning.setText(f"⚠ {short}" if warnings else "")
        self._status_warning.setToolTip("\n".join(warnings))
        encoding = f" · {doc.encoding}" if doc.encoding else ""
        self._status_format.setText(f"{doc.format.upper()}{encoding}")
        words = session.word_count
        self._status_words.setText(
            self.tr("Counting words…") if words is None else self.tr("%n word(s)", "", words)
        )
        self._update_status_line()

    def _update_status_line(self) -> None:
        session = self.current_session()
        if session is not None and session.plain:
            line = self.tr("Line %1").replace("%1", str(session.viewer.cursor_line()))
            self._status_line.setText(line)
        elif session is not None:
            self._status_line.clear()

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

    def _on_copy(self) -> None:
        session = self.current_session()
        if session is not None:
            session.viewer.copy()

    def _on_select_all(self) -> None:
        session = self.current_session()
        if session is not None and hasattr(session.viewer, "selectAll"):
            session.viewer.selectAll()
        elif session is not None:
            session.viewer.select_range(0, len(session.document.text))

    def _set_zoom(self, steps: int) -> None:
        if clamp_zoom(steps) == self._zoom:
            return
        self._zoom = clamp_zoom(steps)
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

    def _on_about(self) -> None:
        from reader.gui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    # -- session persistence ----------------------------------------------------------------
    def session_state(self) -> SessionState:
        """What would be restored if the window closed now."""
        tabs = []
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            session = self.session_list.session_of(widget)
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
        self.reopen(saved)
        return True

    def passwords(self) -> dict[str, str]:
        """The passwords the open encrypted documents were opened with, by path."""
        return {s.path: s.password for s in self.sessions() if s.password}

    def reopen(self, saved: SessionState, passwords: dict[str, str] | None = None) -> None:
        """Open ``saved``'s tabs at their places in this window, with its geometry and
        docks (the session file, or another window's state)."""
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
                    password = (passwords or {}).get(tab.path)
                    self._open_one(tab.path, tab.offset, password=password)
            if saved.tabs:
                self.tabs.setCurrentIndex(min(saved.current, self.tabs.count() - 1))
        finally:
            self._restoring = False

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
        for job in list(self._loading.values()):
            job.cancel()
        super().closeEvent(event)


def _same_codec(a: str, b: str) -> bool:
    import codecs

    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False
