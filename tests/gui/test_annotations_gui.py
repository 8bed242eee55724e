"""Annotating in the window: highlight with 1-5, notes, undo/redo, the panel, orphans."""

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMenu,
    QMessageBox,
    QToolTip,
)
from pytestqt.qtbot import QtBot

from reader.core.annotations import AnnotationRepository, new_annotation
from reader.core.document import Document
from reader.gui.annotate import AnnotationController
from reader.gui.main_window import MainWindow
from reader.gui.session import DocumentSession


@pytest.fixture
def long_file(tmp_path: Path, kazakh_text: str) -> Path:
    path = tmp_path / "long.txt"
    path.write_text(kazakh_text * 200 + "Соңғы сөйлем осында.\n", encoding="utf-8")
    return path


@pytest.fixture
def controller(window: MainWindow) -> AnnotationController:
    existing = window.findChild(AnnotationController)
    if isinstance(existing, AnnotationController):  # the window installs it itself
        return existing
    ctl = AnnotationController(window)
    window.add_dock_panel(ctl.panel, "Annotations", "annotations_test")
    return ctl


def _loaded(
    qtbot: QtBot, controller: AnnotationController, session: DocumentSession
) -> DocumentSession:
    """Wait until the session's annotations were read in the background."""
    qtbot.waitUntil(lambda: controller.is_loaded(session))
    return session


def _stored(window: MainWindow, session: DocumentSession) -> list[tuple[str, str, str]]:
    found = AnnotationRepository(window.ctx.store).for_document(session.document).attached
    return [(a.exact, a.color, a.note) for a in found]


def _select(session: DocumentSession, needle: str) -> tuple[int, int]:
    start = session.document.text.index(needle)
    session.viewer.select_range(start, start + len(needle))
    return start, start + len(needle)


def _key(
    qtbot: QtBot, session: DocumentSession, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    session.viewer.setFocus()
    qtbot.keyClick(session.viewer, key, mods)


def test_select_and_press_2_stores_and_shows_a_green_highlight(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    _select(session, "Астанада")
    _key(qtbot, session, Qt.Key.Key_2)
    assert _stored(window, session) == [("Астанада", "green", "")]
    assert session.viewer.highlight_count("annotations") == 1
    qtbot.waitUntil(
        lambda: any(s.cursor.selectedText() == "Астанада" for s in session.viewer.extraSelections())
    )
    assert controller.panel.visible_ids() == [controller.annotations(session).attached[0].id]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # QToolTip, offscreen only
def test_note_is_saved_and_shown_on_hover(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    start, _ = _select(session, "Елбасы")
    _key(qtbot, session, Qt.Key.Key_1)
    monkeypatch.setattr(AnnotationController, "ask_note", lambda *a, **k: "Тұңғыш Президент")
    controller.note_action.trigger()
    assert _stored(window, session) == [("Елбасы", "yellow", "Тұңғыш Президент")]
    assert "Тұңғыш Президент" in controller.panel.list.item(0).text()
    viewer = session.viewer
    rect = viewer.cursorRect(viewer.textCursor())  # the cursor sits at the end of the word
    pos = QPoint(rect.left() - 8, rect.center().y())
    assert viewer.offset_at(pos) is not None and start <= viewer.offset_at(pos) < start + 6  # type: ignore[operator]
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewer.viewport().mapToGlobal(pos))
    QApplication.sendEvent(viewer.viewport(), event)
    assert QToolTip.text() == "Тұңғыш Президент"
    QToolTip.hideText()


def test_undo_and_redo_with_ctrl_z_and_ctrl_shift_z(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    _select(session, "Үкімет")
    _key(qtbot, session, Qt.Key.Key_3)
    monkeypatch.setattr(AnnotationController, "ask_note", lambda *a, **k: "ескерту")
    controller.edit_note()
    assert _stored(window, session) == [("Үкімет", "blue", "ескерту")]
    ctrl = Qt.KeyboardModifier.ControlModifier
    _key(qtbot, session, Qt.Key.Key_Z, ctrl)
    assert _stored(window, session) == [("Үкімет", "blue", "")]
    _key(qtbot, session, Qt.Key.Key_Z, ctrl)
    assert _stored(window, session) == []
    assert session.viewer.highlight_count("annotations") == 0
    _key(qtbot, session, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    _key(qtbot, session, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert _stored(window, session) == [("Үкімет", "blue", "ескерту")]
    _select(session, "Үкімет")
    controller.delete_action.trigger()
    assert _stored(window, session) == []
    _key(qtbot, session, Qt.Key.Key_Z, ctrl)
    assert _stored(window, session) == [("Үкімет", "blue", "ескерту")]


def test_overlapping_highlights_and_panel_in_text_order_with_filters(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    for needle, key in [
        ("Қазақстан халқы", Qt.Key.Key_4),
        ("Орталық Азиядағы", Qt.Key.Key_1),
        ("Азиядағы мемлекет", Qt.Key.Key_5),
    ]:
        _select(session, needle)
        _key(qtbot, session, key)
    assert len(_stored(window, session)) == 3  # the two overlapping ones both kept
    panel = controller.panel
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert [r.split("”")[0] for r in rows] == [
        "“Орталық Азиядағы",
        "“Азиядағы мемлекет",
        "“Қазақстан халқы",
    ]
    panel.color_filter.setCurrentIndex(panel.color_filter.findData("orange"))
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["“Азиядағы мемлекет”"]
    panel.color_filter.setCurrentIndex(0)
    panel.text_filter.setText("халқы")
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["“Қазақстан халқы”"]


def test_clicking_a_row_scrolls_to_the_highlight_and_selects_it(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    long_file: Path,
    kazakh_text: str,
) -> None:
    session = _loaded(qtbot, controller, open_doc(long_file))
    start, end = _select(session, "Соңғы сөйлем")
    _key(qtbot, session, Qt.Key.Key_1)
    session.viewer.select_range(0, 1)  # back to the top
    qtbot.waitUntil(lambda: session.viewer.first_visible_offset() == 0)
    item = controller.panel.list.item(0)
    rect = controller.panel.list.visualItemRect(item)
    qtbot.mouseClick(controller.panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert session.viewer.selected_range() == (start, end)
    qtbot.waitUntil(lambda: session.viewer.first_visible_offset() > len(kazakh_text) * 150)


def test_changed_file_lists_orphans_and_moves_the_others(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    tmp_path: Path,
) -> None:
    path = tmp_path / "doc.txt"
    old = "Бірінші жол өзгермейді.\nЕкінші жол жойылады мүлдем.\n"
    repo = AnnotationRepository(window.ctx.store)
    old_doc = Document.create(old, title="t", format="text", path=str(path))
    for needle, note in [("өзгермейді", "қалады"), ("Екінші жол жойылады", "жоғалды")]:
        s = old.index(needle)
        repo.save(new_annotation(old, s, s + len(needle), note=note), str(path))
    assert len(repo.for_document(old_doc).attached) == 2
    path.write_text("Жаңа бас.\nБірінші жол өзгермейді.\n", encoding="utf-8")
    session = _loaded(qtbot, controller, open_doc(path))
    rows = [controller.panel.list.item(i).text() for i in range(controller.panel.list.count())]
    assert rows[0] == "“өзгермейді”\nқалады"
    assert rows[1].startswith("Orphaned")
    assert rows[2] == "“Екінші жол жойылады”\nжоғалды"
    (moved,) = controller.annotations(session).attached
    assert session.document.text[moved.start : moved.end] == "өзгермейді"
    assert repo.count() == 2  # the orphan is still in the database


def test_export_then_import_in_the_gui_round_trips_and_undoes(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    _select(session, "мемлекет")
    _key(qtbot, session, Qt.Key.Key_4)
    out = tmp_path / "anns.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    controller.panel.export_button.click()
    (obj,) = json.loads(out.read_text(encoding="utf-8"))
    assert obj["target"]["styleClass"] == "pink"
    controller.delete(controller.annotations(session).attached[0].id)
    assert _stored(window, session) == []
    messages: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    controller.panel.import_button.click()
    assert _stored(window, session) == [("мемлекет", "pink", "")]
    assert messages == ["1 annotations imported."]
    assert controller.annotations(session).attached[0].id == obj["id"].removeprefix("urn:uuid:")
    _key(qtbot, session, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, session) == []


def test_bad_import_file_shows_one_line_error(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _loaded(qtbot, controller, open_doc(kazakh_file))
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "annotations"}', encoding="utf-8")
    errors: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    controller.import_action.trigger()
    assert len(errors) == 1 and "not W3C Web Annotation" in errors[0] and "\n" not in errors[0]


def test_context_menu_offers_colours_note_and_delete(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    _select(session, "кеңес")
    shown: list[list[str]] = []

    def fake_exec(menu: QMenu, _pos: object) -> None:
        shown.append([a.text() for a in menu.actions()])
        highlight = next(a.menu() for a in menu.actions() if a.menu() is not None)
        assert isinstance(highlight, QMenu)
        shown.append([a.text() for a in highlight.actions()])
        highlight.actions()[2].trigger()  # blue

    monkeypatch.setattr(controller, "exec_menu", fake_exec)
    viewport = session.viewer.viewport()
    pos = session.viewer.cursorRect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    assert any(t.startswith("Add or Edit") for t in shown[0])
    assert any(t.startswith("&Copy") or "Copy" in t for t in shown[0])  # Qt's own items kept
    assert shown[1] == [
        "Highlight Yellow",
        "Highlight Green",
        "Highlight Blue",
        "Highlight Pink",
        "Highlight Orange",
    ]
    assert _stored(window, session) == [("кеңес", "blue", "")]


def test_delete_key_removes_the_highlight_under_the_cursor(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    start, _ = _select(session, "болашағы")
    _key(qtbot, session, Qt.Key.Key_5)
    session.viewer.select_range(start + 2, start + 2)  # just the cursor, inside the word
    _key(qtbot, session, Qt.Key.Key_Delete)
    assert _stored(window, session) == []
    assert controller.panel.list.count() == 0


def test_note_on_a_new_selection_inside_a_highlight_makes_its_own_annotation(
    qtbot: QtBot,
    window: MainWindow,
    controller: AnnotationController,
    open_doc: Any,
    kazakh_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _loaded(qtbot, controller, open_doc(kazakh_file))
    _select(session, "Үкімет жұмысы жалғасады")
    _key(qtbot, session, Qt.Key.Key_2)
    _select(session, "жұмысы")
    monkeypatch.setattr(AnnotationController, "ask_note", lambda *a, **k: "ішкі")
    _key(qtbot, session, Qt.Key.Key_N)
    assert _stored(window, session) == [
        ("Үкімет жұмысы жалғасады", "green", ""),
        ("жұмысы", "yellow", "ішкі"),
    ]


def test_note_editor_wraps_shows_its_passage_and_has_room(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from reader.gui.dialogs.note_editor import NoteEditor, shortened

    passage = "Елбасы бірқатар нақты тапсырма берді. " * 30
    editor = NoteEditor(passage, "бұрынғы ескерту", None)
    qtbot.addWidget(editor)
    assert editor.minimumWidth() >= 500 and editor.minimumHeight() >= 300
    assert editor.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert editor.passage_label.text() == f"«{shortened(passage)}»"
    assert " … " in shortened(passage) and len(shortened(passage)) < len(passage)
    assert editor.note() == "бұрынғы ескерту"
    editor.editor.setPlainText("Жаңа ескерту, бірнеше жолдан тұрады.\nЕкінші жол.")
    assert editor.note().endswith("Екінші жол.")
