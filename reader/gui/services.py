"""The few services a feature needs, as small protocols: features get these, never the
window (which lays the features out and knows none of them).

- :class:`Sessions`: the open documents, the current one and their comings and goings
  (:class:`reader.gui.sessions.SessionList` is the one implementation);
- :class:`Notifier`: telling the user something (an error box, a status bar message).
"""

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SignalInstance

if TYPE_CHECKING:
    from reader.gui.session import DocumentSession


class Sessions(Protocol):
    """The open documents. Signals: ``current_session_changed(object)`` (a session or
    None), ``session_opened(object)``, ``session_closed(object)``."""

    current_session_changed: SignalInstance
    session_opened: SignalInstance
    session_closed: SignalInstance

    def current_session(self) -> "DocumentSession | None": ...

    def sessions(self) -> "list[DocumentSession]": ...

    def activate_session(self, session: "DocumentSession") -> None: ...


class Notifier(Protocol):
    """How a feature tells the user something."""

    def show_error(self, title: str, text: str) -> None:
        """A warning box (logged instead where no one would see it)."""
        ...

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        """A passing message in the status bar."""
        ...
