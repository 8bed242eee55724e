"""The window: open files into tabs, switch and close them, errors, recent files, zoom."""

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.document import Document
from reader.gui.context import AppContext
from reader.gui.features import build_window
from reader.gui.main_window import MainWindow
from reader.gui.tabs import LoadingWidget


@pytest.fixture
def two_files(tmp_path: Path, kazakh_text: str) -> list[Path]:
    a, b = tmp_path / "first.txt", tmp_path / "second.md"
    a.write_text(kazakh_text, encoding="utf-8")
    b.write_text("# Тақырып\n\nЕкінші құжат.\n", encoding="utf-8")
    return [a, b]


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def fake(parent: object, title: str, text: str, *args: Any) -> None:
        shown.append((title, text))

    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


def test_open_two_files_gives_two_tabs_with_title_and_path_tooltip(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    first = open_doc(two_files[0])
    second = open_doc(two_files[1])
    assert window.tabs.count() == 2
    # the document's own title: the text's headline, the Markdown's heading
    assert window.tabs.tabText(0) == "Қазақстан Республикасы – Орталық Азиядағы мемлекет."
    assert window.tabs.tabText(1) == "Тақырып"
    assert window.tabs.tabToolTip(1).endswith(str(two_files[1]))
    assert window.current_session() is second
    assert second.viewer.toPlainText().startswith("Тақырып\n")  # Markdown heading, shown bold
    heading = second.viewer.document().firstBlock().begin().fragment().charFormat()
    assert heading.fontWeight() == QFont.Weight.Bold
    assert window.sessions() == [first, second]


def test_switching_tabs_changes_session_and_status_bar(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    first = open_doc(two_files[0])
    open_doc(two_files[1])
    with qtbot.waitSignal(window.session_list.current_session_changed) as blocker:
        window.tabs.setCurrentIndex(0)
    assert blocker.args == [first]
    assert "TEXT" in window._status_format.text()
    assert "utf-8" in window._status_format.text()
    words = f"{first.document.word_count} word(s)"
    qtbot.waitUntil(lambda: window._status_words.text() == words)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1


def test_ctrl_w_and_middle_click_close_tabs(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    open_doc(two_files[0])
    second = open_doc(two_files[1])
    with qtbot.waitSignal(window.session_list.session_closed) as closed:
        qtbot.keyClick(second.viewer, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert closed.args == [second]
    assert window.tabs.count() == 1
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.MiddleButton, pos=bar.tabRect(0).center())
    assert window.tabs.count() == 0
    assert window.current_session() is None


def test_opening_an_open_file_again_activates_its_tab(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    open_doc(two_files[0])
    open_doc(two_files[1])
    window.open_files([str(two_files[0])])
    assert window.tabs.count() == 2
    assert window.tabs.currentIndex() == 0


def test_unreadable_file_opens_no_tab_and_names_the_file(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path, warnings: list[tuple[str, str]]
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip file at all")
    with qtbot.waitSignal(window.open_failed, timeout=10000):
        window.open_files([str(broken), str(tmp_path / "missing.txt")])
    qtbot.waitUntil(lambda: len(warnings) == 2)
    assert window.tabs.count() == 0
    texts = "\n".join(text for _, text in warnings)
    assert "broken.docx" in texts and "missing.txt" in texts
    assert all(len(text.splitlines()) == 2 for _, text in warnings)  # file, then one reason


def test_loading_tab_shows_progress_and_cancel_removes_it(
    qtbot: QtBot,
    window: MainWindow,
    open_doc: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[tuple[str, str]],
) -> None:
    import reader.core.loaders as loaders

    started = threading.Event()

    def slow_load(path: Any, progress: Any, cancel: threading.Event, **_: Any) -> Document:
        progress(1, 4)
        started.set()
        while not cancel.wait(0.01):
            pass
        from reader.core.errors import CancelledError

        raise CancelledError("cancelled")

    monkeypatch.setattr(loaders, "load", slow_load)
    window.open_files([str(tmp_path / "big.txt")])
    placeholder = window.tabs.currentWidget()
    assert isinstance(placeholder, LoadingWidget)
    assert started.wait(5)
    qtbot.waitUntil(lambda: placeholder.progress.maximum() == 4)
    assert window.current_session() is None
    qtbot.mouseClick(placeholder.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.count() == 0)
    assert warnings == []


def test_recent_files_menu_lists_opened_documents_newest_first(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    open_doc(two_files[0])
    open_doc(two_files[1])
    window._fill_recent_menu()
    entries = [a.text() for a in window._recent_menu.actions()]
    assert entries == [str(two_files[1]), str(two_files[0])]


def test_zoom_applies_to_every_tab_and_new_ones(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    first = open_doc(two_files[0])
    size = first.viewer.font().pointSizeF()
    qtbot.keyClick(first.viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first.viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert first.viewer.font().pointSizeF() == size + 2
    second = open_doc(two_files[1])
    assert second.viewer.zoom == 2
    qtbot.keyClick(second.viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert first.viewer.font().pointSizeF() == size


def test_text_is_read_only_but_selectable(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    session = open_doc(two_files[0])
    qtbot.keyClicks(session.viewer, "xyz")
    assert session.viewer.toPlainText() == session.document.text
    qtbot.keyClick(session.viewer, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert session.viewer.selected_range() == (0, len(session.document.text))


def test_dock_panel_is_listed_in_view_panels(window: MainWindow, open_doc: Any) -> None:
    from PySide6.QtWidgets import QLabel

    dock = window.add_dock_panel(QLabel("x"), "Things", "things_panel")
    assert dock.objectName() == "things_panel"
    panels = [m for m in window.menus["view"].actions() if m.menu()]
    titles = [a.text() for menu in panels for a in menu.menu().actions()]
    assert "Things" in titles


def test_ctrl_o_offers_every_format_and_opens_the_chosen_files(
    qtbot: QtBot, window: MainWindow, two_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def fake(parent: object, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return [str(p) for p in two_files], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.sessions()) == 2, timeout=10000)
    assert asked and "*.txt" in asked[0] and "*.docx" in asked[0] and "*.pdf" in asked[0]


def test_dropping_files_on_the_window_opens_them(
    qtbot: QtBot, window: MainWindow, two_files: list[Path]
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in two_files])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: len(window.sessions()) == 2, timeout=10000)
    assert [s.path for s in window.sessions()] == [str(p) for p in two_files]


def test_open_recent_reopens_a_closed_document(
    qtbot: QtBot, window: MainWindow, open_doc: Any, two_files: list[Path]
) -> None:
    open_doc(two_files[0])
    window.close_tab(0)
    assert window.tabs.count() == 0
    window._fill_recent_menu()
    with qtbot.waitSignal(window.session_list.session_opened, timeout=10000):
        window._recent_menu.actions()[0].trigger()
    assert window.current_session().path == str(two_files[0])


def test_word_count_of_a_long_text_counted_in_pieces_is_exact(
    qtbot: QtBot,
    window: MainWindow,
    open_doc: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.gui import session as session_module

    monkeypatch.setattr(session_module, "COUNT_CHUNK", 7)
    path = tmp_path / "words.txt"
    path.write_text("бір екі\nүш-төрт бес\n\nалты жеті сегіз тоғыз он\n", encoding="utf-8")
    open_doc(path)
    qtbot.waitUntil(lambda: window._status_words.text() == "10 word(s)")  # үш-төрт is two


def test_reopen_with_encoding_reads_the_file_again_in_that_encoding(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path
) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes("Қазақстан Республикасы туралы мәтін.\n".encode("kz1048"))
    session = open_doc(path)
    assert session.document.encoding == "kz1048"
    window._fill_encoding_menu()
    checked = [a.text() for a in window._encoding_menu.actions() if a.isChecked()]
    assert checked == ["KZ-1048 (Windows Kazakh)"]
    with qtbot.waitSignal(window.session_list.session_opened, timeout=10000) as blocker:
        window.reopen_with_encoding(session, "cp1251")
    again = blocker.args[0]
    assert again.document.encoding == "cp1251" and window.tabs.count() == 1
    assert again.document.text != session.document.text  # 1251 reads қ, ә... otherwise


def test_the_status_bar_says_what_the_loader_warned_about(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path
) -> None:
    path = tmp_path / "broken.txt"
    good = "Қазақстан Республикасы – Орталық Азиядағы мемлекет. " * 20
    path.write_bytes(good.encode("utf-8") + b"\xff" + good.encode("utf-8"))
    session = open_doc(path)
    assert session.document.warnings
    assert window._status_warning.text().startswith("⚠ ")
    assert str(session.document.warnings[0]) in window._status_warning.toolTip()


def test_the_loaders_warning_speaks_the_interface_language(  # type: ignore[no-untyped-def]
    qtbot: QtBot, language, ctx: AppContext, tmp_path: Path
) -> None:
    """A Kazakh interface tells of a repaired file in Kazakh, not in English."""
    language("kk")
    window = build_window(ctx)
    qtbot.addWidget(window)
    path = tmp_path / "broken.txt"
    good = "Қазақстан Республикасы – Орталық Азиядағы мемлекет. " * 20
    path.write_bytes(good.encode("utf-8") + b"\xff" + good.encode("utf-8"))
    with qtbot.waitSignal(window.session_list.session_opened, timeout=10000) as opened:
        window.open_files([str(path)])
    session = opened.args[0]
    assert str(session.document.warnings[0]) == (
        "broken.txt: 1 byte is not valid UTF-8 and shows as \ufffd"
    )
    shown = window._status_warning.toolTip()
    assert shown == "broken.txt: 1 байт UTF-8 кодтауында жарамсыз, ол \ufffd болып көрсетіледі"


def test_the_status_bar_says_when_words_mix_alphabets(
    qtbot: QtBot, window: MainWindow, open_doc: Any, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text("Бұл жəне ол. Кітап жəне дəптер. Nur Otan партиясы.\n", encoding="utf-8")
    session = open_doc(path)
    qtbot.waitUntil(lambda: session.word_count is not None, timeout=10000)
    assert session.mixed_words == 3  # жəне twice, дəптер; "Nur Otan" is really Latin
    window._update_status(session)
    assert "3" in window._status_warning.toolTip()
