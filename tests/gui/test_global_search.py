"""Ctrl+Shift+F: matches in every open document with a line of context; a click goes there."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow


def test_search_all_lists_matches_per_document_and_opens_the_place(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Бірінші жол.\nЕкінші жолда Қазақстан бар.\n", encoding="utf-8")
    first = open_doc(kazakh_file)
    second = open_doc(other)
    qtbot.keyClick(
        second.viewer,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.features.global_search
    assert window.features.global_search_dock.isVisible()
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("exact"))
    panel.query_edit.setText("қазақстан")
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    tree = panel.tree
    assert tree.topLevelItemCount() == 2
    assert tree.topLevelItem(0).text(0).endswith(" (3)")  # the document's title, count
    assert tree.topLevelItem(1).text(0) == f"{second.title} (1)"
    assert panel.status_label.text() == "4 matches in 2 documents"
    hit = tree.topLevelItem(1).child(0)
    assert hit.text(0) == "Екінші жолда Қазақстан бар." and hit.text(1) == "2"
    lo, hi = hit.data(0, Qt.ItemDataRole.UserRole + 1)  # drawn in bold
    assert hit.text(0)[lo:hi] == "Қазақстан"
    window.tabs.setCurrentIndex(0)
    tree.itemClicked.emit(hit, 0)
    assert window.current_session() is second
    start, end = second.viewer.selected_range()
    assert second.document.text[start:end] == "Қазақстан"
    assert first is not second


def test_results_follow_tabs_that_open_and_close(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path, tmp_path: Path
) -> None:
    first = open_doc(kazakh_file)
    panel = window.features.global_search
    window.features.global_search_dock.show()
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("exact"))
    panel.query_edit.setText("Қазақстан")
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.run_search()
    assert panel.tree.topLevelItemCount() == 1
    later = tmp_path / "later.txt"
    later.write_text("Қазақстан туралы.\n", encoding="utf-8")
    with qtbot.waitSignal(panel.search_finished, timeout=10000):
        open_doc(later)  # the search shown now covers the new document too
    assert panel.tree.topLevelItemCount() == 2
    window.close_tab(window.tabs.indexOf(first.viewer))
    assert panel.tree.topLevelItemCount() == 1  # a closed document's matches go
    assert "(1)" in panel.tree.topLevelItem(0).text(0)


def test_the_panel_is_made_when_its_dock_first_shows(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path
) -> None:
    # Not on the way to a usable window (issue 14's start-up): the dock is there, hidden,
    # with a placeholder; View > Panels (its toggle action) makes the panel, in the
    # preferences' search mode, and it then searches the documents already open.
    open_doc(kazakh_file)
    lazy = window.features.lazy_global_search
    dock = window.features.global_search_dock
    assert lazy._panel is None and not dock.isVisible()
    dock.toggleViewAction().trigger()
    assert dock.isVisible() and lazy._panel is not None
    panel = window.features.global_search
    assert dock.widget() is panel
    assert panel.mode_combo.currentData() == window.preferences.search_mode
    panel.query_edit.setText("Қазақстан")
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.run_search()
    assert panel.tree.topLevelItemCount() == 1
