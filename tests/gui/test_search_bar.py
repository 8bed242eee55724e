"""The search bar: search as you type, "3 of 17", Enter/F3 stepping, errors, Kazakh input."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.gui import search_bar as search_bar_module
from reader.gui.main_window import MainWindow
from reader.gui.search_bar import SearchBarWidget
from reader.gui.session import DocumentSession


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Kazakh letters included (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


@pytest.fixture
def session(open_doc: Any, kazakh_file: Path) -> DocumentSession:
    session: DocumentSession = open_doc(kazakh_file)
    return session


@pytest.fixture
def bar(qtbot: QtBot, window: MainWindow, session: DocumentSession) -> SearchBarWidget:
    qtbot.keyClick(session.viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.features.search_bar.isVisible()
    assert window.features.search_bar.query_edit.hasFocus()
    window.features.search_bar.mode_combo.setCurrentIndex(
        window.features.search_bar.mode_combo.findData("exact")
    )
    return window.features.search_bar


def search(qtbot: QtBot, bar: SearchBarWidget, text: str) -> None:
    with qtbot.waitSignal(bar.results_changed, timeout=5000):
        type_text(bar.query_edit, text)
        bar.run_search()


def test_words_mode_is_preselected_and_options_have_one_line_tooltips(window: MainWindow) -> None:
    bar = window.features.search_bar
    assert bar.mode == "words"
    assert [bar.mode_combo.itemText(i) for i in range(3)] == ["Words", "Exact", "Regex"]
    for button in (bar.case_button, bar.word_button, bar.mode_combo):
        assert button.toolTip() and "\n" not in button.toolTip()
    assert not bar.case_button.isChecked() and not bar.word_button.isChecked()


def test_kazakh_query_highlights_every_match_and_steps_through_them(
    qtbot: QtBot, bar: SearchBarWidget, session: DocumentSession
) -> None:
    search(qtbot, bar, "қазақстан")
    text = session.document.text
    assert len(bar.matches) == 3
    assert bar.status_label.text() == "1 of 3"
    assert session.viewer.highlight_count("search") == 3
    assert session.viewer.textCursor().selectedText() == "Қазақстан"
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    assert bar.status_label.text() == "2 of 3"
    assert session.viewer.selected_range() == bar.matches[1]
    assert text[slice(*bar.matches[1])] == "Қазақстан"
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_F3)
    assert bar.status_label.text() == "3 of 3"
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    assert bar.status_label.text() == "1 of 3"  # wraps around
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.status_label.text() == "3 of 3"


def test_match_case_and_whole_word_narrow_the_matches(qtbot: QtBot, bar: SearchBarWidget) -> None:
    search(qtbot, bar, "қазақстан")
    assert len(bar.matches) == 3
    with qtbot.waitSignal(bar.results_changed):
        bar.case_button.click()
    assert bar.status_label.text() == "No matches"
    bar.case_button.click()
    with qtbot.waitSignal(bar.results_changed):
        bar.word_button.click()
    assert len(bar.matches) == 2  # not "Қазақстанның"


def test_invalid_regex_is_a_message_in_the_bar(qtbot: QtBot, bar: SearchBarWidget) -> None:
    bar.mode_combo.setCurrentIndex(bar.mode_combo.findData("regex"))
    search(qtbot, bar, "Қаз(ақ")
    assert bar.status_label.text().startswith("Invalid regular expression")
    assert bar.matches == []


def test_no_matches_is_said_plainly(qtbot: QtBot, bar: SearchBarWidget) -> None:
    search(qtbot, bar, "жоқсөз")
    assert bar.status_label.text() == "No matches"


def test_escape_closes_the_bar_and_clears_highlights(
    qtbot: QtBot, bar: SearchBarWidget, session: DocumentSession
) -> None:
    search(qtbot, bar, "елбасы")
    assert session.viewer.highlight_count("search") == 1
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert session.viewer.highlight_count("search") == 0


def test_switching_tabs_searches_the_new_document(
    qtbot: QtBot, bar: SearchBarWidget, open_doc: Any, tmp_path: Path, window: MainWindow
) -> None:
    search(qtbot, bar, "қазақстан")
    other = tmp_path / "other.txt"
    other.write_text("Қазақстан\n", encoding="utf-8")
    with qtbot.waitSignal(bar.results_changed):
        open_doc(other)
    assert bar.status_label.text() == "1 of 1"


def test_big_document_is_searched_in_the_background(
    qtbot: QtBot,
    window: MainWindow,
    open_doc: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_bar_module, "SYNC_LIMIT", 100)
    big = tmp_path / "big.txt"
    big.write_text("Елбасы сөйледі. " * 2000, encoding="utf-8")
    session = open_doc(big)
    bar = window.features.search_bar
    bar.activate()
    bar.mode_combo.setCurrentIndex(bar.mode_combo.findData("exact"))
    type_text(bar.query_edit, "ел")
    bar.run_search()
    assert bar.status_label.text() == "Searching…"
    type_text(bar.query_edit, "басы")  # a newer query: the older job's result is dropped
    with qtbot.waitSignal(bar.results_changed, timeout=10000) as blocker:
        bar.run_search()
    assert blocker.args == [2000]
    qtbot.wait(200)
    assert len(bar.matches) == 2000
    assert session.viewer.highlight_count("search") == 2000


def test_words_mode_finds_inflected_forms(qtbot: QtBot, window: MainWindow, session: Any) -> None:
    pytest.importorskip("reader.core.kazakh.wordsearch")
    bar = window.features.search_bar
    bar.activate()
    assert bar.mode == "words"
    search(qtbot, bar, "Қазақстан")
    found = [session.document.text[s:e] for s, e in bar.matches]
    assert "Қазақстанның" in found and found.count("Қазақстан") == 2


def test_word_index_is_built_after_opening_so_words_search_answers_at_once(
    qtbot: QtBot, window: MainWindow, session: DocumentSession
) -> None:
    qtbot.waitUntil(lambda: session.word_index is not None, timeout=10000)
    bar = window.features.search_bar
    bar.activate()
    bar.query_edit.setText("Қазақстан")
    bar.run_search()  # no "Searching…": the index is there, so the answer is immediate
    assert bar.status_label.text() == "1 of 3"
