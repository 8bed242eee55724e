"""View > Latin Script: the document in the 2021 Latin alphabet, offsets still the original's."""

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.session import DocumentSession


def _latin_on(qtbot: QtBot, window: MainWindow, session: DocumentSession) -> None:
    with qtbot.waitSignal(session.latin_changed, timeout=10000) as blocker:
        window.latin_action.trigger()
    assert blocker.args == [True]


def test_latin_view_shows_latin_and_search_maps_back_to_the_original(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path
) -> None:
    session: DocumentSession = open_doc(kazakh_file)
    _latin_on(qtbot, window, session)
    shown = session.viewer.toPlainText()
    assert shown.startswith("Qazaqstan Respublikasy")
    assert "Elbasy Astanada" in shown
    bar = window.features.search_bar
    bar.activate()
    bar.mode_combo.setCurrentIndex(bar.mode_combo.findData("exact"))
    bar.query_edit.setText("Qazaqstan")
    with qtbot.waitSignal(bar.results_changed, timeout=5000):
        bar.run_search()
    text = session.document.text
    assert [text[s:e] for s, e in bar.matches] == ["Қазақстан"] * 3
    assert bar.status_label.text() == "1 of 3"
    assert session.viewer.textCursor().selectedText() == "Qazaqstan"


def test_selection_and_highlights_use_original_offsets_in_latin_view(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path
) -> None:
    session: DocumentSession = open_doc(kazakh_file)
    text = session.document.text
    start = text.index("Үкімет")
    session.viewer.set_highlights("marks", [(start, start + 6, QColor("green"))])
    _latin_on(qtbot, window, session)
    session.viewer.select_range(start, start + len("Үкімет"))
    assert session.viewer.textCursor().selectedText() == "Ükımet"
    assert session.viewer.selected_range() == (start, start + len("Үкімет"))
    qtbot.waitUntil(lambda: _green_texts(session) == ["Ükımet"])


def _green_texts(session: DocumentSession) -> list[str]:
    """Texts under the green highlights of the viewer (other features may add layers)."""
    selections = session.viewer.extraSelections()
    texts = []
    for sel in selections:
        if sel.format.background().color() == QColor("green"):
            cursor = sel.cursor
            texts.append(cursor.selectedText())
    return texts


def test_turning_latin_off_shows_the_original_again(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path
) -> None:
    session: DocumentSession = open_doc(kazakh_file)
    _latin_on(qtbot, window, session)
    with qtbot.waitSignal(session.latin_changed) as blocker:
        window.latin_action.trigger()
    assert blocker.args == [False]
    assert session.viewer.toPlainText() == session.document.text


def test_search_all_documents_reads_a_latin_view_as_shown(
    qtbot: QtBot, window: MainWindow, open_doc: Any, kazakh_file: Path
) -> None:
    session: DocumentSession = open_doc(kazakh_file)
    _latin_on(qtbot, window, session)
    panel = window.features.global_search
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("exact"))
    panel.query_edit.setText("Qazaqstan")
    with qtbot.waitSignal(panel.search_finished, timeout=5000) as done:
        panel.run_search()
    assert done.args == [3]
    first = panel.tree.topLevelItem(0).child(0)
    assert first.text(0).startswith("Qazaqstan Respublikasy")  # the line as the user sees it
    panel.tree.itemClicked.emit(first, 0)
    assert session.viewer.textCursor().selectedText() == "Qazaqstan"
    start, end = session.viewer.selected_range()
    assert session.document.text[start:end] == "Қазақстан"
