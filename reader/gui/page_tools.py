"""The page view's tools in the window: a "Pages" tool bar (page number, page count, fit,
rotate) and a sidebar dock with the PDF's bookmarks or its thumbnails, both following the
current tab. They show only while a PDF's pages are the current view."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar, QWidget

from reader.gui.services import Sessions
from reader.gui.session import DocumentSession


class PageTools(QObject):
    """Builds each PDF tab's tool widget and sidebar once, and shows the current one's."""

    def __init__(self, sessions: Sessions, toolbar: QToolBar, dock: QDockWidget) -> None:
        super().__init__(toolbar)
        self.toolbar = toolbar
        self.dock = dock
        self._empty = QLabel(self.tr("No pages to show"))
        self._tools: dict[DocumentSession, tuple[QWidget, QWidget]] = {}
        self._action: QAction | None = None
        sessions.current_session_changed.connect(self.follow)
        sessions.session_closed.connect(self._forget)
        self.toolbar.hide()
        self.dock.setWidget(self._empty)
        self.follow(sessions.current_session())

    def follow(self, session: DocumentSession | None) -> None:
        """Show ``session``'s tools (hide them for a document without pages)."""
        if self._action is not None:
            self.toolbar.removeAction(self._action)
            self._action = None
        paged = session is not None and hasattr(session.viewer, "go_to_page")
        if not paged or session is None:
            self.toolbar.hide()
            self.dock.setWidget(self._empty)
            return
        tools = self._tools.get(session)
        if tools is None:
            from reader.gui.pdf_view_parts import PdfToolbarWidget, sidebar_for

            tools = (PdfToolbarWidget(session.viewer), sidebar_for(session.viewer))
            self._tools[session] = tools
        self._action = self.toolbar.addWidget(tools[0])
        self._action.setVisible(True)
        self.toolbar.show()
        self.dock.setWidget(tools[1])

    def _forget(self, session: DocumentSession) -> None:
        tools = self._tools.pop(session, None)
        if tools is not None:
            for widget in tools:
                widget.deleteLater()
