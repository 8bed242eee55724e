"""Help > Keyboard shortcuts: every key the reader answers to, grouped, with a filter.

Rows come from the main window's actions when it passes them (so the list cannot drift from
the real bindings), completed by keys that are not actions (Esc in the search bar, a middle
click on a tab, the highlight keys) from :data:`DEFAULT_SHORTCUTS`.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # named so lupdate finds the strings
    """Mark ``text`` for translation in ``context``; PySide6's own is typed as returning object."""
    return text


@dataclass(frozen=True, slots=True)
class Shortcut:
    """A key (Qt portable text, or a description such as a mouse gesture) and what it does."""

    keys: str
    what: str  # marked for translation in the "ShortcutsDialog" context
    group: str  # likewise


_FILE = QT_TRANSLATE_NOOP("ShortcutsDialog", "Documents and tabs")
_VIEW = QT_TRANSLATE_NOOP("ShortcutsDialog", "View")
_SEARCH = QT_TRANSLATE_NOOP("ShortcutsDialog", "Search")
_NOTES = QT_TRANSLATE_NOOP("ShortcutsDialog", "Highlights and notes")
_ENTITIES = QT_TRANSLATE_NOOP("ShortcutsDialog", "Entity panel")
_APP = QT_TRANSLATE_NOOP("ShortcutsDialog", "Application")
_OTHER = QT_TRANSLATE_NOOP("ShortcutsDialog", "Other commands")

DEFAULT_SHORTCUTS = (
    Shortcut("Ctrl+O", QT_TRANSLATE_NOOP("ShortcutsDialog", "Open a document"), _FILE),
    Shortcut("Ctrl+W", QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the tab"), _FILE),
    Shortcut(
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Middle click on a tab"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Close that tab"),
        _FILE,
    ),
    Shortcut(
        "Ctrl+E",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Export a copy with highlights and notes"),
        _FILE,
    ),
    Shortcut("Ctrl+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next tab"), _FILE),
    Shortcut("Ctrl+Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous tab"), _FILE),
    Shortcut("Ctrl++", QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom in"), _VIEW),
    Shortcut("Ctrl+-", QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom out"), _VIEW),
    Shortcut("Ctrl+0", QT_TRANSLATE_NOOP("ShortcutsDialog", "Reset zoom"), _VIEW),
    Shortcut("Ctrl+F", QT_TRANSLATE_NOOP("ShortcutsDialog", "Find in the document"), _SEARCH),
    Shortcut("F3", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next match"), _SEARCH),
    Shortcut("Shift+F3", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous match"), _SEARCH),
    Shortcut(
        "Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next match (in the search bar)"), _SEARCH
    ),
    Shortcut(
        "Shift+Return",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous match (in the search bar)"),
        _SEARCH,
    ),
    Shortcut("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the search bar"), _SEARCH),
    Shortcut(
        "Ctrl+Shift+F", QT_TRANSLATE_NOOP("ShortcutsDialog", "Search all open documents"), _SEARCH
    ),
    Shortcut(
        "1 … 5",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Highlight the selection in colour 1 to 5"),
        _NOTES,
    ),
    Shortcut("Ctrl+Z", QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo"), _NOTES),
    Shortcut("Ctrl+Shift+Z", QT_TRANSLATE_NOOP("ShortcutsDialog", "Redo"), _NOTES),
    Shortcut("Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next control of the panel"), _ENTITIES),
    Shortcut(
        "Return",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Select the entry's first mention in the text"),
        _ENTITIES,
    ),
    Shortcut("F2", QT_TRANSLATE_NOOP("ShortcutsDialog", "Rename the selected entry"), _ENTITIES),
    Shortcut(
        "Del",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Remove the selected entries, or the mention: not an entity"
        ),
        _ENTITIES,
    ),
    Shortcut(
        "Menu",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "All commands for the entry or mention"),
        _ENTITIES,
    ),
    Shortcut("Ctrl+,", QT_TRANSLATE_NOOP("ShortcutsDialog", "Preferences"), _APP),
    Shortcut("F1", QT_TRANSLATE_NOOP("ShortcutsDialog", "Keyboard shortcuts"), _APP),
    Shortcut("Ctrl+Q", QT_TRANSLATE_NOOP("ShortcutsDialog", "Quit"), _APP),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def native_keys(keys: str) -> str:
    """``keys`` as this platform writes it (⌘ on macOS); descriptions are translated."""
    sequence = QKeySequence(keys, QKeySequence.SequenceFormat.PortableText)
    if sequence.isEmpty() or sequence.toString() != keys:
        return _tr(keys)  # not a key sequence: a gesture or a range such as "1 … 5"
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(native keys, description) for each shortcut of each action that has one."""
    rows = []
    for action in actions:
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        what = what.removesuffix("...").removesuffix("…").strip()
        for sequence in action.shortcuts():
            if not sequence.isEmpty() and what:
                rows.append((sequence.toString(QKeySequence.SequenceFormat.NativeText), what))
    return rows


def shortcut_rows(actions: Iterable[QAction] = ()) -> list[tuple[str, str, str]]:
    """(group, keys, description) rows: the actions' own, then the documented defaults.

    An action's text replaces the default description of the same key; actions with keys
    that no default lists go under "Other commands".
    """
    live = dict(_action_rows(actions))
    rows = []
    for s in DEFAULT_SHORTCUTS:
        keys = native_keys(s.keys)
        rows.append((_tr(s.group), keys, live.pop(keys, _tr(s.what))))
    rows.extend((_tr(_OTHER), keys, what) for keys, what in live.items())
    return rows


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts in a filterable tree of groups."""

    def __init__(self, actions: Iterable[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by key or command"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self._fill(shortcut_rows(actions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def _fill(self, rows: list[tuple[str, str, str]]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for group, keys, what in rows:
            if group not in groups:
                groups[group] = QTreeWidgetItem(self.tree, [group])
                groups[group].setFirstColumnSpanned(True)
            QTreeWidgetItem(groups[group], [what, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _groups(self) -> Iterator[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        for group in _children(self.tree.invisibleRootItem()):
            yield group, _children(group)

    def visible_rows(self) -> list[tuple[str, str]]:
        """(description, keys) of the rows the filter leaves visible."""
        return [
            (item.text(0), item.text(1))
            for _group, items in self._groups()
            for item in items
            if not item.isHidden()
        ]

    def _on_filter_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        for group, items in self._groups():
            shown = 0
            for item in items:
                match = not needle or any(needle in item.text(c).casefold() for c in (0, 1))
                item.setHidden(not match)
                shown += match
            group.setHidden(shown == 0)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    kids = (item.child(i) for i in range(item.childCount()))
    return [kid for kid in kids if kid is not None]
