"""The entity panel as a model/view, in the interface language, from the keyboard, remembered.

Uses the panel rig of ``test_entity_panel`` (a fake recogniser on a short Kazakh text).
"""

import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.core.ner.entities import Entity, Mention
from reader.core.paths import resolve
from reader.core.store import Store
from reader.gui.context import AppContext
from reader.gui.dialogs.shortcuts import shortcut_rows
from reader.gui.entity_panel import EntityPanel, fullest_name
from reader.gui.features import build_window
from reader.gui.models.entity_classes import class_name
from reader.gui.models.entity_model import GROUPS
from reader.gui.tasks import TaskRunner
from tests.gui.test_entity_panel import TEXT, Rig, _type, fake_analyse

YEAR = TEXT.index("2021")


def with_numbers(text: str, **kw: Any) -> list[Entity]:
    """The fake recogniser's entities and one number."""
    number = Entity("CARDINAL:2021", "2021", "CARDINAL", (Mention(YEAR, YEAR + 4, "2021"),))
    return [*fake_analyse(text, **kw), number]


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "oqyrman.sqlite3"


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "entity_panel.json"


@pytest.fixture
def rig(qtbot: QtBot, db: Path, tasks: TaskRunner, state_file: Path) -> Iterator[Rig]:
    r = Rig(qtbot, db, tasks, with_numbers, state_file)
    yield r
    r.close()


def _group_rows(panel: EntityPanel) -> list[tuple[str, bool]]:
    """(title, expanded) of each group row, in order."""
    model = panel.tree.model()
    rows = []
    for i in range(model.rowCount()):
        index = model.index(i, 0)
        rows.append((str(index.data()), panel.tree.isExpanded(index)))
    return rows


def test_typing_in_the_filter_does_not_rebuild_the_entries(
    rig: Rig, qtbot: QtBot, qtmodeltester: Any
) -> None:
    rig.open()
    rig.select("PERSON:назарбаев")
    qtmodeltester.check(rig.panel.proxy)  # a well-behaved model, as views expect
    qtmodeltester.check(rig.panel.mention_model)
    source = rig.panel.entry_model
    rebuilt: list[str] = []
    source.modelReset.connect(lambda: rebuilt.append("reset"))
    source.rowsInserted.connect(lambda *_: rebuilt.append("inserted"))
    source.rowsRemoved.connect(lambda *_: rebuilt.append("removed"))
    source.dataChanged.connect(lambda *_: rebuilt.append("changed"))
    _type(rig.panel.filter_edit, "НАЗАР")  # any case
    qtbot.waitUntil(lambda: rig.rows() == {"People (1)": ["Назарбаев (3)"]})
    rig.panel.sort_box.setCurrentIndex(rig.panel.sort_box.findData("name"))
    rig.panel.filter_edit.clear()
    qtbot.waitUntil(lambda: len(rig.rows()) == 5)
    assert rebuilt == []
    rig.panel.rename_entry("GPE:астана", "Нұр-Сұлтан")  # a correction does rebuild
    assert "reset" in rebuilt and "Нұр-Сұлтан (1)" in rig.rows()["Places (2)"]
    _type(rig.panel.filter_edit, "нұр-")  # the new name is found
    qtbot.waitUntil(lambda: rig.rows() == {"Places (1)": ["Нұр-Сұлтан (1)"]})
    rig.panel.rename_entry("GPE:алматы", "Нұр-Алматы")  # a fix while a filter is on
    assert rig.rows() == {"Places (2)": ["Нұр-Алматы (1)", "Нұр-Сұлтан (1)"]}


def test_numbers_come_last_and_collapsed(rig: Rig, qtbot: QtBot) -> None:
    rig.open()
    assert _group_rows(rig.panel) == [
        ("People (2)", True), ("Organisations (1)", True), ("Places (2)", True),
        ("Dates (1)", True), ("Numbers (1)", False),
    ]  # fmt: skip
    assert rig.rows()["Numbers (1)"] == ["2021 (1)"]  # there, one click away
    _type(rig.panel.filter_edit, "2021")  # a filter opens what it finds
    qtbot.waitUntil(lambda: _group_rows(rig.panel) == [("Dates (1)", True), ("Numbers (1)", True)])
    rig.panel.filter_edit.clear()
    qtbot.waitUntil(lambda: len(_group_rows(rig.panel)) == 5)
    assert _group_rows(rig.panel)[-1] == ("Numbers (1)", False)
    tree = rig.panel.tree
    tree.expand(tree.model().index(4, 0))  # the user opens it: it stays open after a fix
    rig.panel.rename_entry("GPE:астана", "Нұр-Сұлтан")
    assert _group_rows(rig.panel)[-1] == ("Numbers (1)", True)
    assert [g.id for g in GROUPS][-1] == "numbers"


def test_class_names_and_controls_speak_kazakh(
    qtbot: QtBot, db: Path, tasks: TaskRunner, language: Callable[[str | None], str],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    language("kk")
    rig = Rig(qtbot, db, tasks, with_numbers)
    panel = rig.panel
    rig.open()
    assert [b.text() for b in panel.highlight_boxes.values()][-1] == "Сандар"
    assert "Сандар (1)" in rig.rows()
    entry = panel.entry_index("PERSON:назарбаев")
    assert entry.data(Qt.ItemDataRole.ToolTipRole) == "Адам" == class_name("PERSON")
    offered: list[list[str]] = []

    def choose(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> Any:
        offered.append(items)
        return "Ұйым", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    rig.select("GPE:астана")
    panel.correction_actions["relabel"].trigger()
    assert {"Адам", "Ел не елді мекен", "Сан"} <= set(offered[0]) and "PERSON" not in offered[0]
    assert "Астана (1)" in rig.rows()["Ұйымдар (2)"]  # the chosen name became its class
    panel.export(tmp_path / "e.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8"))))
    assert (rows[0]["Атауы"], rows[0]["Түрі"], rows[0]["Коды"]) == ("Назарбаев", "Адам", "PERSON")
    panel.export(tmp_path / "e.json")
    first = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["entities"][0]
    assert (first["label"], first["class"]) == ("PERSON", "Адам")
    # Every control a keyboard or a screen reader reaches has a name, in Kazakh.
    controls = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    reachable = [
        w for w in panel.findChildren(QWidget)
        if isinstance(w, controls) and w.isVisibleTo(panel)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]  # fmt: skip
    assert len(reachable) >= 15
    assert [w for w in reachable if not w.accessibleName()] == []
    assert panel.filter_edit.accessibleName() == "Атауларды сүзу"
    # At its narrowest, every button is in view (wrapped), none behind an overflow arrow.
    panel.resize(panel.minimumWidth(), 700)
    qtbot.waitUntil(lambda: panel.width() == panel.minimumWidth())
    for button in [*panel.buttons.values(), *panel.highlight_boxes.values()]:
        box = button.geometry()
        assert button.isVisible() and box.left() >= 0 and box.right() < panel.width(), button
    rows = {b.geometry().top() for b in panel.buttons.values()}
    assert len(rows) >= 2  # Kazakh labels are long: the buttons take two lines
    assert panel.buttons["more"].accessibleName() == "Атаулардың басқа командалары"
    rig.close()


def test_split_and_not_an_entity_are_in_the_more_menu(rig: Rig, qtbot: QtBot) -> None:
    rig.open()
    menu = rig.panel.buttons["more"].menu()
    assert menu is not None
    by_text = {a.text(): a for a in menu.actions()}
    split, not_entity = by_text["Split Off as Own Entry"], by_text["Not an Entity"]
    rig.select("PERSON:назарбаев")
    assert not split.isEnabled()  # until a mention is chosen
    listing = rig.panel.mention_list
    second = listing.model().index(1, 0)
    qtbot.mouseClick(
        listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualRect(second).center()
    )
    assert split.isEnabled() and not_entity.isEnabled()
    split.trigger()
    assert rig.rows()["People (3)"] == ["Назарбаев (2)", "Бисембаев (1)", "Назарбаевқа (1)"]
    rig.panel.buttons["undo"].click()  # Undo is a button of its own
    assert rig.rows()["People (2)"] == ["Назарбаев (3)", "Бисембаев (1)"]


def test_merge_offers_the_fullest_name_as_the_title(rig: Rig) -> None:
    rig.open()
    rig.panel.rename_entry("PERSON:бисембаев", "Нұрлан Бисембаев")
    asked: list[tuple[list[str], str]] = []

    def ask(names: list[str], default: str) -> str:
        asked.append((names, default))
        return default

    rig.panel._ask_title = ask  # type: ignore[method-assign]
    rig.select("PERSON:назарбаев", "PERSON:бисембаев")
    rig.panel.buttons["merge"].click()
    assert asked == [(["Назарбаев", "Нұрлан Бисембаев"], "Нұрлан Бисембаев")]
    assert rig.rows()["People (1)"] == ["Нұрлан Бисембаев (4)"]
    a = Entity("a", "Лавров", "PERSON", (Mention(0, 1, "x"),) * 3)
    b = Entity("b", "Сергей Лавров", "PERSON", (Mention(0, 1, "x"),))
    assert fullest_name([a, b]) == "Сергей Лавров"


def test_highlights_and_sizes_are_remembered(
    qtbot: QtBot, db: Path, tasks: TaskRunner, state_file: Path
) -> None:
    store = Store(db)
    first = EntityPanel(store, tasks, state_path=state_file)
    qtbot.addWidget(first)
    first.resize(360, 700)
    first.show()
    first.highlight_boxes["people"].setChecked(True)
    first.highlight_boxes["numbers"].setChecked(True)
    first.splitter.setSizes([200, 400])
    sizes = first.splitter.sizes()
    first.splitter.splitterMoved.emit(200, 1)  # as a drag of the handle does
    first.hide()  # a pending write is done now, not lost
    assert json.loads(state_file.read_text(encoding="utf-8"))["highlighted"] == [
        "numbers", "people",
    ]  # fmt: skip
    second = EntityPanel(store, tasks, state_path=state_file)
    qtbot.addWidget(second)
    second.resize(360, 700)
    second.show()
    assert second.highlighted_groups() == {"people", "numbers"}
    assert second.splitter.sizes() == sizes
    state_file.write_text("{broken", encoding="utf-8")  # a damaged file: the defaults
    third = EntityPanel(store, tasks, state_path=state_file)
    qtbot.addWidget(third)
    assert third.highlighted_groups() == set()
    for panel in (first, second, third):
        panel.close()
    store.close()


def test_the_window_remembers_the_toggles(qtbot: QtBot, data_dir: Path) -> None:
    for expected in (set(), {"places"}):
        ctx = AppContext.create(resolve(data_dir))
        window = build_window(ctx)
        window.persist_session = False
        qtbot.addWidget(window)
        panel = window.features.entity_panel
        assert panel.highlighted_groups() == expected
        panel.highlight_boxes["places"].setChecked(True)
        window.close()
        ctx.close()


def test_the_panel_works_from_the_keyboard(rig: Rig, qtbot: QtBot) -> None:
    session = rig.open()
    session.viewer.hide()  # the panel's window gets the keyboard
    panel = rig.panel
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.filter_edit.setFocus()
    qtbot.waitUntil(panel.filter_edit.hasFocus)
    order = [panel.filter_edit]
    for _ in range(20):  # Tab goes through every control and reaches the entries
        QTest.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
        if QApplication.focusWidget() is panel.tree:
            break
    assert panel.tree.hasFocus()
    assert panel.sort_box in order and panel.buttons["more"] in order
    assert panel.highlight_boxes["people"] in order
    for _ in range(3):  # down to the first entry: Назарбаев, under People
        QTest.keyClick(panel.tree, Qt.Key.Key_Down)
        if panel.selected_keys():
            break
    assert panel.selected_keys() == ["PERSON:назарбаев"]
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)  # its first mention, in the text
    start = TEXT.index("Назарбаев")
    assert session.viewer.selected_range() == (start, start + len("Назарбаев"))
    QTest.keyClick(panel.tree, Qt.Key.Key_Tab)
    assert panel.mention_list.hasFocus()
    QTest.keyClick(panel.mention_list, Qt.Key.Key_Home)
    QTest.keyClick(panel.mention_list, Qt.Key.Key_Down)
    QTest.keyClick(panel.mention_list, Qt.Key.Key_Delete)  # the 2nd mention is not an entity
    assert rig.rows()["People (2)"] == ["Назарбаев (2)", "Бисембаев (1)"]


def test_help_lists_the_panel_keys() -> None:
    rows = {(group, keys): what for group, keys, what in shortcut_rows()}
    assert rows[("Entity panel", "F2")] == "Rename the selected entry"
    assert ("Entity panel", "Del") in rows and ("Entity panel", "Return") in rows
