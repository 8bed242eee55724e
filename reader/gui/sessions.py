"""The open documents of a window, by tab: the one :class:`~reader.gui.services.Sessions`.

The window tells it when a document's tab is added or removed and when the current tab
changes; features ask it which document is current and listen to its signals.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from reader.gui.session import DocumentSession


class SessionList(QObject):
    """The sessions of a tab widget, in tab order."""

    current_session_changed = Signal(object)  # a DocumentSession or None
    session_opened = Signal(object)
    session_closed = Signal(object)

    def __init__(self, tabs: QTabWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tabs = tabs
        self._by_widget: dict[QWidget, DocumentSession] = {}

    def current_session(self) -> DocumentSession | None:
        """The session of the current tab, or None (no tabs, or the tab is still loading)."""
        widget = self._tabs.currentWidget()
        return self._by_widget.get(widget) if widget is not None else None

    def sessions(self) -> list[DocumentSession]:
        """Every loaded document, in tab order."""
        widgets = (self._tabs.widget(i) for i in range(self._tabs.count()))
        return [self._by_widget[w] for w in widgets if w in self._by_widget]

    def session_of(self, widget: QWidget | None) -> DocumentSession | None:
        return self._by_widget.get(widget) if widget is not None else None

    def activate_session(self, session: DocumentSession) -> None:
        self._tabs.setCurrentWidget(session.viewer)

    # -- told by the window ------------------------------------------------------------------
    def add(self, session: DocumentSession) -> None:
        """``session``'s view is now a tab."""
        self._by_widget[session.viewer] = session
        self.session_opened.emit(session)

    def remove(self, widget: QWidget) -> DocumentSession | None:
        """``widget``'s tab is gone: end its session (if it was one) and say so."""
        session = self._by_widget.pop(widget, None)
        if session is not None:
            session.close()
            self.session_closed.emit(session)
        return session

    def announce_current(self) -> None:
        """The current tab changed."""
        self.current_session_changed.emit(self.current_session())
