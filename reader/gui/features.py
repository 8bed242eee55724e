"""The composition root: every feature of the window is made and wired here, in one place.

Features get the services they need (the task runner, the store, the open documents as
:class:`~reader.gui.services.Sessions`, a :class:`~reader.gui.services.Notifier`), never the
window; the window only gives them places (menus, docks, a tool bar, the strip under the
tabs). The order of menu entries is written here, so it does not depend on which feature
happens to be built first.

``build_window(ctx)`` is how the application and the tests get a window with everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar, QWidget

from reader.core.preferences_schema import Preferences, author_of
from reader.gui.context import AppContext
from reader.gui.main_window import MainWindow

if TYPE_CHECKING:  # the feature modules load with the (deferred) panels, not at start-up
    from reader.gui.annotate import AnnotationController
    from reader.gui.dialogs.menu_actions import DialogActions
    from reader.gui.entity_panel import EntityPanel
    from reader.gui.export_controller import ExportController
    from reader.gui.global_search import GlobalSearchPanel
    from reader.gui.page_tools import PageTools
    from reader.gui.search_bar import SearchBarWidget


class LazyGlobalSearch:
    """The dock of the search across documents, whose panel is made the first time the dock
    shows (from View > Panels, Ctrl+Shift+F, or a saved layout that has it open).

    It starts hidden, and its module and widgets took a fifth of the time the panels take
    to build on the way to a usable window (issue 14). The panel keeps nothing about the
    open documents until a search runs, so one made late is the same as one made early.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._panel: GlobalSearchPanel | None = None
        title = QCoreApplication.translate("MainWindow", "Search all documents")
        self.dock = window.add_dock_panel(QWidget(), title, "global_search")
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_visibility)

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.panel()

    def panel(self) -> GlobalSearchPanel:
        """The panel, made now if it was not yet."""
        if self._panel is None:
            from reader.gui.global_search import GlobalSearchPanel

            window = self._window
            self._panel = GlobalSearchPanel(
                window.ctx.tasks, window.session_list, window.preferences.search_mode
            )
            placeholder = self.dock.widget()
            self.dock.setWidget(self._panel)
            if placeholder is not None:
                placeholder.deleteLater()
        return self._panel

    def set_default_mode(self, mode: str) -> None:
        if self._panel is not None:  # one made later reads the preferences then
            self._panel.set_default_mode(mode)


@dataclass
class Features:
    """What the window shows beside the documents (``window.features``)."""

    search_bar: SearchBarWidget
    lazy_global_search: LazyGlobalSearch
    global_search_dock: QDockWidget
    annotations: AnnotationController
    annotations_dock: QDockWidget
    entity_panel: EntityPanel
    entities_dock: QDockWidget
    exporter: ExportController
    dialog_actions: DialogActions
    page_tools: PageTools | None = None

    @property
    def global_search(self) -> GlobalSearchPanel:
        """The search across documents (made on first use: :class:`LazyGlobalSearch`)."""
        return self.lazy_global_search.panel()


def build_window(ctx: AppContext, *, defer_panels: bool = False) -> MainWindow:
    """A main window with every feature (after the first paint with ``defer_panels``)."""
    window = MainWindow(ctx, defer_panels=defer_panels)
    window.set_panel_builder(install_features)
    return window


def install_features(window: MainWindow) -> Features:
    """Make the features and put them in ``window``."""
    from reader.gui.annotate import AnnotationController
    from reader.gui.dialogs.menu_actions import DialogActions
    from reader.gui.entity_panel import EntityPanel
    from reader.gui.export_controller import ExportController
    from reader.gui.page_tools import PageTools
    from reader.gui.search_bar import SearchBarWidget

    ctx, sessions = window.ctx, window.session_list
    prefs = window.preferences
    search_bar = SearchBarWidget(ctx.tasks, sessions, prefs.search_mode)
    search_bar.hide()
    window.add_bottom_widget(search_bar)
    # (the window's catalogue context: these strings were the window's, and keep their
    # translations)
    global_search = LazyGlobalSearch(window)
    global_dock = global_search.dock
    annotations = AnnotationController(ctx.store, sessions, window, parent=window)
    title = QCoreApplication.translate("MainWindow", "Annotations")
    annotations_dock = window.add_dock_panel(annotations.panel, title, "annotations")
    entities = EntityPanel(
        ctx.store, ctx.tasks, parent=window, state_path=ctx.paths.config / "entity_panel.json"
    )
    entities_title = QCoreApplication.translate("EntityPanel", "Entities")
    entities_dock = window.add_dock_panel(entities, entities_title, "entity_panel", weight=2)
    entities.dock = entities_dock
    sessions.current_session_changed.connect(entities.set_session)
    sessions.session_closed.connect(entities.forget)
    entities.set_session(sessions.current_session())
    exporter = ExportController(
        ctx.tasks, sessions, window, parent=window,
        annotations_of=annotations.annotations, entities_of=entities.known_entities,
        author=lambda: author_of(window.preferences),
        memory=ctx.paths.config / "export.json",
    )  # fmt: skip
    dialogs = DialogActions(window, ctx.paths.preferences, prefs)
    _fill_menus(window, search_bar, global_search, global_dock, annotations, entities, exporter)
    window.menus["edit"].addAction(dialogs.preferences_action)
    help_menu = window.menus["help"]
    help_menu.insertAction(help_menu.actions()[0], dialogs.shortcuts_action)
    window.add_tool_bar(annotations.toolbar)
    pages_bar = QToolBar(QCoreApplication.translate("PageTools", "Pages"), window)
    pages_bar.setObjectName("pages_toolbar")
    window.add_tool_bar(pages_bar)
    pages_title = QCoreApplication.translate("PageTools", "Outline")
    pages_dock = window.add_dock_panel(QWidget(), pages_title, "page_outline")
    pages_dock.hide()
    page_tools = PageTools(sessions, pages_bar, pages_dock)

    def on_preferences(new: Preferences) -> None:
        window.apply_preferences(new)
        search_bar.set_default_mode(new.search_mode)
        global_search.set_default_mode(new.search_mode)

    dialogs.preferences_changed.connect(on_preferences)
    return Features(
        search_bar, global_search, global_dock, annotations, annotations_dock, entities,
        entities_dock, exporter, dialogs, page_tools,
    )  # fmt: skip


def _fill_menus(
    window: MainWindow,
    search_bar: SearchBarWidget,
    global_search: LazyGlobalSearch,
    global_dock: QDockWidget,
    annotations: AnnotationController,
    entities: EntityPanel,
    exporter: ExportController,
) -> None:
    """File: open…, export copy, index toggle, export entities, quit. Edit: undo, redo,
    copy, select all, find…, preferences. Annotate: colours, note, delete, import/export."""
    file_menu, edit = window.menus["file"], window.menus["edit"]
    quit_separator = [a for a in file_menu.actions() if a.isSeparator()][-1]
    file_menu.insertActions(
        quit_separator,
        [
            exporter.action,
            exporter.index_action,
            exporter.index_dates_action,
            entities.export_action,
        ],
    )
    first = edit.actions()[0]
    edit.insertActions(first, [annotations.undo_action, annotations.redo_action])
    edit.insertSeparator(first)

    def find_all() -> None:
        global_dock.show()
        global_dock.raise_()
        global_search.panel().activate()

    find_all_action = QAction(
        QCoreApplication.translate("MainWindow", "Find in &All Documents…"), window
    )
    find_all_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    find_all_action.triggered.connect(find_all)
    edit.addActions([*search_bar.actions_for_menu(), find_all_action])
    edit.addSeparator()
    annotate = window.menus["annotate"]
    annotate.addActions(list(annotations.color_actions.values()))
    annotate.addSeparator()
    annotate.addActions([annotations.note_action, annotations.delete_action])
    annotate.addSeparator()
    annotate.addActions([annotations.import_action, annotations.export_action])
