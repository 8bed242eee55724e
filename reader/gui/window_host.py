"""The application's one main window, and building it again in a new interface language.

Qt's retranslation would need every widget to set each of its texts again on a
``LanguageChange`` event (several hundred strings, in menus, docks, tool tips, accessible
names, dialogs built on demand); a window built anew after the new translators are installed
gets every string from the same code that made it the first time, so nothing can be left in
the old language. The documents come back in the same tabs at the same places (passwords of
encrypted PDFs included), with their notes and entity corrections, which are in the store.
What lives only in memory goes: the undo history of annotations, and results still being
computed (recognition starts again).
"""

import dataclasses
import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from reader.core.preferences_schema import Preferences
from reader.gui.context import AppContext
from reader.gui.features import build_window
from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class WindowHost(QObject):
    """Owns the current main window (``host.window``) and replaces it when the interface
    language changes; :attr:`window_replaced` tells who kept a reference to the old one."""

    window_replaced = Signal(object)  # the new MainWindow

    def __init__(self, app: QApplication, ctx: AppContext, *, defer_panels: bool = True) -> None:
        super().__init__(app)
        self._app = app
        self._ctx = ctx
        self._defer_panels = defer_panels
        self.window = self._make(ctx)

    def _make(self, ctx: AppContext) -> MainWindow:
        window = build_window(ctx, defer_panels=self._defer_panels)
        # Queued: the preferences dialog's slot returns before its window goes.
        window.language_changed.connect(self.rebuild, Qt.ConnectionType.QueuedConnection)
        return window

    def rebuild(self, prefs: Preferences) -> MainWindow:
        """Install ``prefs.language``'s translators and show a new window with the old one's
        tabs, places, geometry and docks; close the old one. Returns the new window."""
        from reader.gui.i18n import install_translators

        old = self.window
        try:
            install_translators(self._app, prefs.language)
        except (OSError, ValueError) as exc:
            log.warning("interface language not installed: %s", exc)
            return old
        old.save_session()
        state, passwords = old.session_state(), old.passwords()
        maximized, visible = old.isMaximized(), old.isVisible()
        self._ctx = dataclasses.replace(self._ctx, preferences=prefs)
        new = self._make(self._ctx)
        new.quiet_errors = old.quiet_errors
        new.persist_session = old.persist_session
        new.reopen(state, passwords)
        old.persist_session = False  # the new window owns the session file now
        for index in reversed(range(old.tabs.count())):  # cancels the old tabs' work
            old.close_tab(index)
        old.close()
        old.deleteLater()
        self.window = new
        if visible:
            if maximized:
                new.showMaximized()
            else:
                new.show()
            QTimer.singleShot(0, new, new.activateWindow)
        new.save_session()
        self.window_replaced.emit(new)
        log.info("interface language now %s: window rebuilt", prefs.language or "system")
        return new
