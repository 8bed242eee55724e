"""Edit > Preferences… and Help > Keyboard Shortcuts for a main window, in one call.

The main window calls :func:`install_dialog_actions` once after building its menus and
listens to :attr:`DialogActions.preferences_changed` to apply a new font or search mode to
what it shows; the theme is applied here, a new language by the window host. The dialogs'
modules load when a dialog is first opened, not at start-up.
"""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from reader.core.preferences_schema import Preferences, save_preferences


class DialogActions(QObject):
    """The actions and the preferences they edit; owned by (a child of) the window."""

    preferences_changed = Signal(object)  # the new Preferences, after they were saved

    def __init__(self, window: QMainWindow, path: Path, preferences: Preferences) -> None:
        super().__init__(window)
        self.window = window
        self.path = Path(path)
        self.preferences = preferences
        self.preferences_action = QAction(self.tr("Pr&eferences…"), window)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self._on_preferences)
        self.shortcuts_action = QAction(self.tr("&Keyboard Shortcuts"), window)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self._on_shortcuts)

    def _on_preferences(self) -> None:
        from reader.gui.dialogs.preferences import PreferencesDialog, apply_theme

        chosen = PreferencesDialog.edit(self.preferences, self.window)
        if chosen is None or chosen == self.preferences:
            return
        save_preferences(self.path, chosen)
        self.preferences = chosen
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, chosen.theme)
        self.preferences_changed.emit(chosen)

    def _on_shortcuts(self) -> None:
        from reader.gui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.window.findChildren(QAction), self.window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def install_dialog_actions(
    window: QMainWindow, edit_menu: QMenu, help_menu: QMenu, path: Path, preferences: Preferences
) -> DialogActions:
    """Add Preferences at the end of ``edit_menu`` and Keyboard Shortcuts at the top of
    ``help_menu``; return the object that owns them."""
    actions = DialogActions(window, path, preferences)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.preferences_action)
    existing = help_menu.actions()
    if existing:
        help_menu.insertAction(existing[0], actions.shortcuts_action)
    else:
        help_menu.addAction(actions.shortcuts_action)
    return actions
