"""Every control a keyboard can reach has a name a screen reader can say."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow

OpenDoc = object


SKIP_INSIDE: tuple[str, ...] = ()  # widget classes whose insides are not checked


def _inside_skipped(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if type(parent).__name__ in SKIP_INSIDE:
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if _inside_skipped(widget):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and any(c.isalpha() for c in widget.text()):
            continue  # its own text names it
        if widget.parent() is not None and type(widget).__name__ in {"QScrollBar"}:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                       f"{type(widget.parentWidget()).__name__}")  # fmt: skip
    return missing


def test_every_focusable_control_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, open_doc: OpenDoc, kazakh_file: Path
) -> None:
    open_doc(kazakh_file)  # type: ignore[operator]
    window.features.search_bar.activate()
    window.features.global_search_dock.show()
    missing = _unnamed(window)
    assert missing == [], "\n".join(missing)
