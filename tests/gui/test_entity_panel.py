"""The entity panel: grouping, filter, sort, mentions, highlights, corrections, export."""

import csv
import io
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from reader.core.document import Document
from reader.core.errors import CancelledError, ExportError
from reader.core.ner.entities import Entity, Mention
from reader.core.paths import resolve
from reader.core.store import Store
from reader.gui.context import AppContext
from reader.gui.entity_panel import EntityPanel
from reader.gui.features import build_window
from reader.gui.main_window import MainWindow
from reader.gui.models.entity_model import GROUPS, HIGHLIGHT_ALPHA, group_of, snippet
from reader.gui.session import DocumentSession
from reader.gui.tasks import TaskRunner

TEXT = (
    "Назарбаев Астанаға келді.\n"
    "Назарбаевқа «Nur Otan» партиясы хат жазды.\n"
    "Бисембаев пен Назарбаев 2021 жылы Алматыда сөйлесті.\n"
)
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_df59e22b846d8d1a.txt"
COLOURS = {g.id: g.colour for g in GROUPS}


def _all(word: str) -> tuple[Mention, ...]:
    out, i = [], TEXT.find(word)
    while i >= 0:
        out.append(Mention(i, i + len(word), word))
        i = TEXT.find(word, i + 1)
    return tuple(out)


def fake_analyse(text: str, **_kwargs: Any) -> list[Entity]:
    """What the recogniser says about TEXT; a fake for these panel tests only."""
    assert text == TEXT
    nazarbayev = tuple(sorted(_all("Назарбаев") + _all("Назарбаевқа")))
    nazarbayev = tuple(m for m in nazarbayev if text[m.end] in " .")  # drop the prefix hit
    return [
        Entity("PERSON:назарбаев", "Назарбаев", "PERSON", nazarbayev),
        Entity("PERSON:бисембаев", "Бисембаев", "PERSON", _all("Бисембаев")),
        Entity("ORGANISATION:nur otan", "«Nur Otan»", "ORGANISATION", _all("«Nur Otan»")),
        Entity("GPE:астана", "Астана", "GPE", _all("Астанаға")),
        Entity("GPE:алматы", "Алматы", "GPE", _all("Алматыда")),
        Entity("DATE:2021 жыл", "2021 жыл", "DATE", _all("2021 жылы")),
    ]


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "oqyrman.sqlite3"


class Rig:
    """A panel and a viewer side by side, as the main window arranges them."""

    def __init__(
        self,
        qtbot: QtBot,
        db: Path,
        tasks: TaskRunner,
        analyse: Callable[..., Any],
        state_path: Path | None = None,
    ):
        self.qtbot = qtbot
        self.store = Store(db)
        self.tasks = tasks
        self.panel = EntityPanel(self.store, tasks, analyse=analyse, state_path=state_path)
        qtbot.addWidget(self.panel)
        self.panel.show()
        self.sessions: list[DocumentSession] = []

    def session(self, text: str = TEXT, path: str = "/docs/news.txt") -> DocumentSession:
        """A loaded document with its viewer shown (kept alive until :meth:`close`)."""
        doc = Document.create(text, title="news", format="text", path=path)
        session = DocumentSession(doc, path, self.tasks)
        self.sessions.append(session)
        session.viewer.resize(500, 400)
        session.viewer.show()
        return session

    def open(self, text: str = TEXT, path: str = "/docs/news.txt") -> DocumentSession:
        session = self.session(text, path)
        with self.qtbot.waitSignal(self.panel.entities_ready, timeout=60_000):
            self.panel.set_session(session)
        return session

    def rows(self) -> dict[str, list[str]]:
        """Group title -> entry texts, as the tree shows them."""
        model = self.panel.tree.model()
        out = {}
        for i in range(model.rowCount()):
            top = model.index(i, 0)
            out[top.data()] = [model.index(j, 0, top).data() for j in range(model.rowCount(top))]
        return out

    def select(self, *keys: str) -> None:
        """Select entries as a click and Ctrl+clicks on them would."""
        tree = self.panel.tree
        tree.clearSelection()
        for i, key in enumerate(keys):
            index = self.panel.entry_index(key)
            assert index.isValid(), f"{key} is not shown"
            tree.scrollTo(index)
            modifier = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
            rect = tree.visualRect(index)
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
        assert set(self.panel.selected_keys()) == set(keys)

    def mentions(self) -> list[str]:
        """The mention list's rows, as shown."""
        model = self.panel.mention_list.model()
        return [model.index(i, 0).data() for i in range(model.rowCount())]

    def current_mention(self, row: int) -> None:
        listing = self.panel.mention_list
        listing.setCurrentIndex(listing.model().index(row, 0))

    def close(self) -> None:
        """Delete the viewers while their sessions live, as closing a tab does."""
        self.panel.close()
        for session in self.sessions:
            session.close()
            shiboken6.delete(session.viewer)
        self.store.close()


@pytest.fixture
def rig(qtbot: QtBot, db: Path, tasks: TaskRunner) -> Iterator[Rig]:
    r = Rig(qtbot, db, tasks, fake_analyse)
    yield r
    r.close()


def _type(widget: QWidget, text: str) -> None:
    for ch in text:  # keyClicks with Kazakh letters aborts the process
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_entries_are_grouped_by_class_with_counts(rig: Rig) -> None:
    rig.open()
    assert rig.rows() == {
        "People (2)": ["Назарбаев (3)", "Бисембаев (1)"],
        "Organisations (1)": ["«Nur Otan» (1)"],
        "Places (2)": ["Алматы (1)", "Астана (1)"],
        "Dates (1)": ["2021 жыл (1)"],
    }
    assert rig.panel.status.text() == "6 entities, 8 mentions"
    assert not rig.panel.progress.isVisible()


def test_filter_and_sort(rig: Rig, qtbot: QtBot) -> None:
    rig.open()
    _type(rig.panel.filter_edit, "бис")
    qtbot.waitUntil(lambda: rig.rows() == {"People (1)": ["Бисембаев (1)"]})
    rig.panel.filter_edit.clear()
    _type(rig.panel.filter_edit, "астанаға")  # a mention's inflected form finds its entry
    qtbot.waitUntil(lambda: rig.rows() == {"Places (1)": ["Астана (1)"]})
    rig.panel.filter_edit.clear()
    qtbot.waitUntil(lambda: len(rig.rows()) == 4)
    rig.panel.sort_box.setCurrentIndex(rig.panel.sort_box.findData("name"))
    assert rig.rows()["People (2)"] == ["Бисембаев (1)", "Назарбаев (3)"]


def test_selecting_an_entry_lists_its_mentions_and_a_click_selects_one(
    rig: Rig, qtbot: QtBot
) -> None:
    session = rig.open()
    rig.select("PERSON:назарбаев")
    listing = rig.panel.mention_list
    assert len(rig.mentions()) == 3
    # Context stays within the mention's paragraph.
    assert rig.mentions()[1] == "[Назарбаевқа] «Nur Otan» партиясы хат жазды."
    third = listing.model().index(2, 0)
    listing.scrollTo(third)
    rect = listing.visualRect(third)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    start = TEXT.rindex("Назарбаев")
    assert session.viewer.selected_range() == (start, start + len("Назарбаев"))
    assert session.viewer.textCursor().selectedText() == "Назарбаев"


def test_highlight_toggles_paint_each_class_in_its_colour(rig: Rig, qtbot: QtBot) -> None:
    session = rig.open()
    viewer = session.viewer
    assert viewer.extraSelections() == []
    rig.panel.highlight_boxes["people"].setChecked(True)
    qtbot.waitUntil(lambda: len(viewer.extraSelections()) == 4)
    expected = QColor(COLOURS["people"])
    expected.setAlpha(HIGHLIGHT_ALPHA)
    for sel in viewer.extraSelections():
        assert sel.format.background().color() == expected
        assert sel.cursor.selectedText() in {"Назарбаев", "Назарбаевқа", "Бисембаев"}
    rig.panel.highlight_boxes["places"].setChecked(True)
    qtbot.waitUntil(lambda: len(viewer.extraSelections()) == 6)
    greens = [
        s for s in viewer.extraSelections() if s.format.background().color().name() == "#009e73"
    ]
    assert sorted(s.cursor.selectedText() for s in greens) == ["Алматыда", "Астанаға"]
    rig.panel.highlight_boxes["people"].setChecked(False)
    rig.panel.highlight_boxes["places"].setChecked(False)
    qtbot.waitUntil(lambda: viewer.extraSelections() == [])


def test_legend_names_every_group_in_a_distinct_colour(rig: Rig) -> None:
    boxes = rig.panel.highlight_boxes
    assert [b.text() for b in boxes.values()] == [
        "People", "Organisations", "Places", "Dates", "Others", "Numbers",
    ]  # fmt: skip
    assert len(set(COLOURS.values())) == len(GROUPS)


def test_corrections_survive_a_restart(qtbot: QtBot, db: Path, tasks: TaskRunner) -> None:
    first = Rig(qtbot, db, tasks, fake_analyse)
    first.open()
    first.select("PERSON:назарбаев")
    first.panel._ask_text = lambda *_a: "Нұрсұлтан Назарбаев"  # type: ignore[method-assign]
    first.panel.correction_actions["rename"].trigger()
    first.select("GPE:астана", "GPE:алматы")
    first.panel._ask_title = lambda names, default: default  # type: ignore[method-assign]
    first.panel.correction_actions["merge"].trigger()
    first.select("DATE:2021 жыл")
    first.panel.correction_actions["remove"].trigger()
    after = first.rows()
    assert after == {
        "People (2)": ["Нұрсұлтан Назарбаев (3)", "Бисембаев (1)"],
        "Organisations (1)": ["«Nur Otan» (1)"],
        "Places (1)": ["Алматы (2)"],  # merged into the first one listed
    }
    first.close()

    second = Rig(qtbot, db, tasks, fake_analyse)  # a new store on the same file
    second.open()
    assert second.rows() == after
    second.close()


def test_split_remove_mention_add_selection_and_undo(rig: Rig) -> None:
    session = rig.open()
    rig.select("PERSON:назарбаев")
    rig.current_mention(1)  # Назарбаевқа
    rig.panel.correction_actions["split"].trigger()
    assert rig.rows()["People (3)"] == ["Назарбаев (2)", "Бисембаев (1)", "Назарбаевқа (1)"]
    rig.select("PERSON:бисембаев")
    rig.current_mention(0)
    rig.panel.correction_actions["remove_mention"].trigger()
    assert "Бисембаев (1)" not in rig.rows()["People (2)"]
    start = TEXT.index("партиясы")
    session.viewer.select_range(start, start + len("партиясы"))
    rig.panel._ask_label = lambda *_a: "ORGANISATION"  # type: ignore[method-assign]
    rig.panel.correction_actions["add"].trigger()
    assert rig.rows()["Organisations (2)"] == ["«Nur Otan» (1)", "партиясы (1)"]
    rig.panel.correction_actions["undo"].trigger()
    assert rig.rows()["Organisations (1)"] == ["«Nur Otan» (1)"]


def test_change_class_moves_the_entry_to_its_group(rig: Rig) -> None:
    rig.open()
    rig.select("GPE:астана")
    rig.panel._ask_label = lambda *_a: "LOCATION"  # type: ignore[method-assign]
    rig.panel.correction_actions["relabel"].trigger()
    assert rig.rows()["Places (2)"] == ["Алматы (1)", "Астана (1)"]  # still a place
    rig.panel._ask_label = lambda *_a: "PERSON"  # type: ignore[method-assign]
    rig.select("GPE:астана")
    rig.panel.correction_actions["relabel"].trigger()
    assert "Астана (1)" in rig.rows()["People (3)"]


def test_export_csv_and_json(rig: Rig, tmp_path: Path) -> None:
    rig.open()
    rig.panel.rename_entry("PERSON:назарбаев", "Нұрсұлтан Назарбаев")
    rig.panel.export(tmp_path / "e.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8"))))
    assert rows[0]["Name"] == "Нұрсұлтан Назарбаев" and rows[0]["Mentions"] == "3"
    assert (rows[0]["Class"], rows[0]["Code"]) == ("Person", "PERSON")
    assert len(rows) == 6
    rig.panel.export(tmp_path / "e.json")
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    first = data["entities"][0]
    assert first["name"] == "Нұрсұлтан Назарбаев" and first["label"] == "PERSON"
    assert first["class"] == "Person"
    assert [TEXT[m["start"] : m["end"]] for m in first["mentions"]] == [
        "Назарбаев", "Назарбаевқа", "Назарбаев",
    ]  # fmt: skip


def test_export_to_an_impossible_place_says_why_and_leaves_nothing(
    rig: Rig, tmp_path: Path
) -> None:
    rig.open()
    with pytest.raises(ExportError, match="Cannot write"):
        rig.panel.export(tmp_path / "missing" / "e.csv")
    assert not (tmp_path / "missing").exists()


def test_recognition_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, db: Path, tasks: TaskRunner
) -> None:
    started = threading.Event()

    def slow(text: str, progress: Any = None, cancel: Any = None) -> list[Entity]:
        progress(1, 10)
        started.set()
        while not cancel.wait(0.01):
            pass
        raise CancelledError("entity recognition was cancelled")

    rig = Rig(qtbot, db, tasks, slow)
    rig.panel.set_session(rig.session())
    qtbot.waitUntil(started.is_set, timeout=10_000)  # after the text is painted
    assert rig.panel.progress.isVisible() and rig.panel.cancel_button.isVisible()
    assert rig.panel.status.text() == "Recognising entities…"
    qtbot.mouseClick(rig.panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not rig.panel.is_busy(), timeout=10_000)
    assert not rig.panel.progress.isVisible()
    assert rig.panel.status.text() == "Entity recognition was cancelled."
    assert rig.rows() == {}
    rig.close()


def test_results_of_a_closed_document_are_dropped(
    qtbot: QtBot, db: Path, tasks: TaskRunner
) -> None:
    release = threading.Event()

    def gated(text: str, **_kw: Any) -> list[Entity]:
        release.wait(10)
        return fake_analyse(text)

    rig = Rig(qtbot, db, tasks, gated)
    old = rig.session()
    rig.panel.set_session(old)
    rig.panel.forget(old)  # its tab closed while it was being recognised
    release.set()  # whether the job stops or returns, nothing reaches the panel
    qtbot.waitUntil(lambda: tasks.active_count() == 0, timeout=10_000)
    qtbot.wait(50)  # let the queued signal arrive
    assert rig.panel.entities(old) == [] and rig.rows() == {}
    assert rig.panel.status.text() == "No document."
    rig.close()


def test_real_model_on_the_seed_document(qtbot: QtBot, db: Path, tasks: TaskRunner) -> None:
    from reader.core.ner import analyse

    rig = Rig(qtbot, db, tasks, analyse)
    text = SEED.read_text(encoding="utf-8")
    session = rig.open(text, str(SEED))
    people = next(v for k, v in rig.rows().items() if k.startswith("People"))
    assert any("Назарбаев" in row for row in people)
    key = next(e.key for e in rig.panel.entities() if "Назарбаев" in e.name)
    rig.select(key)
    first = rig.panel.mention_list.model().index(0, 0)
    rig.panel.mention_list.setCurrentIndex(first)
    rig.panel.mention_list.activated.emit(first)
    selected = session.viewer.selected_range()
    assert selected is not None and "Назарбаев" in text[selected[0] : selected[1]]
    rig.close()


# -- in the main window -------------------------------------------------------------------------
def _window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = build_window(AppContext.create(resolve(data_dir)))
    window.persist_session = False
    qtbot.addWidget(window)
    window.show()
    return window


def _open_and_recognise(qtbot: QtBot, window: MainWindow, path: Path) -> DocumentSession:
    ready = window.features.entity_panel.entities_ready
    with qtbot.waitSignals([window.session_list.session_opened, ready], timeout=60_000):
        window.open_files([str(path)])
    session = window.current_session()
    assert session is not None and window.features.entity_panel.entities(session)
    return session


def _close(window: MainWindow) -> None:
    window.close()
    window.ctx.close()


def test_window_recognises_the_current_document_and_keeps_corrections_after_a_restart(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seed = tmp_path / "news.txt"
    seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    window = _window(qtbot, data_dir)
    _open_and_recognise(qtbot, window, seed)
    panel = window.features.entity_panel
    assert panel.dock is not None and panel.dock.windowTitle() == "Entities"
    person = next(e for e in panel.entities() if "Назарбаев" in e.name)
    panel.rename_entry(person.key, "Елбасы")
    gpe = next(e for e in panel.entities() if e.label == "GPE")
    panel.remove_entry(gpe.key)
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(out), "JSON (*.json)"))
    export = next(a for a in window.menus["file"].actions() if a.text() == "Export &Entities…")
    export.trigger()
    exported = json.loads(out.read_text(encoding="utf-8"))["entities"]
    assert [e["name"] for e in exported] == [e.name for e in panel.entities()]
    _close(window)

    window = _window(qtbot, data_dir)  # the app starts again on the same data
    _open_and_recognise(qtbot, window, seed)
    names = {e.key: e.name for e in window.features.entity_panel.entities()}
    assert names[person.key] == "Елбасы"
    assert gpe.key not in names
    _close(window)


def test_recognising_again_keeps_the_corrections(qtbot: QtBot, db: Path, tasks: TaskRunner) -> None:
    runs: list[str] = []

    def counting(text: str, **kw: Any) -> list[Entity]:
        runs.append(text)
        return fake_analyse(text, **kw)

    rig = Rig(qtbot, db, tasks, counting)
    rig.open()
    undo = rig.panel.correction_actions["undo"]
    assert not undo.isEnabled()  # nothing to undo yet
    rig.panel.rename_entry("GPE:астана", "Нұр-Сұлтан")
    assert undo.isEnabled()
    with qtbot.waitSignal(rig.panel.entities_ready, timeout=10_000):
        rig.panel.correction_actions["recognise"].trigger()
    assert len(runs) == 2
    assert "Нұр-Сұлтан (1)" in rig.rows()["Places (2)"]
    rig.close()


def test_classes_fall_into_the_six_groups() -> None:
    assert [group_of(label).id for label in ("PERSON", "ORGANISATION", "GPE", "LOCATION")] == [
        "people", "organisations", "places", "places",
    ]  # fmt: skip
    assert {group_of(label).id for label in ("DATE", "TIME")} == {"dates"}
    assert {group_of(label).id for label in ("EVENT", "NORP", "POSITION")} == {"others"}
    numbers = ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENTAGE", "MONEY")
    assert {group_of(label).id for label in numbers} == {"numbers"}


def test_snippets_stay_on_one_line_and_mark_cut_context() -> None:
    text = (
        "Бірінші жол.\n"
        "Алдында сөз бар Назарбаев кейін де сөз бар және әрі қарай жалғасады ұзақ\nКелесі."
    )
    start = text.index("Назарбаев")
    before, exact, after = snippet(text, Mention(start, start + 9, "Назарбаев"), context=12)
    assert (before, exact) == ("…сөз бар ", "Назарбаев")
    assert after.startswith(" кейін") and after.endswith("…") and "\n" not in after
    at_start = snippet(text, Mention(0, 7, "Бірінші"))
    assert at_start == ("", "Бірінші", " жол.")


def test_f2_renames_the_selected_entry(rig: Rig, qtbot: QtBot) -> None:
    rig.open().viewer.hide()  # the panel's window gets the keyboard
    rig.select("PERSON:бисембаев")
    rig.panel.activateWindow()
    qtbot.waitUntil(rig.panel.isActiveWindow)
    rig.panel.tree.setFocus()
    qtbot.waitUntil(rig.panel.tree.hasFocus)
    rig.panel._ask_text = lambda *_a: "Ә. Бисембаев"  # type: ignore[method-assign]
    qtbot.keyClick(rig.panel.tree, Qt.Key.Key_F2)
    assert "Ә. Бисембаев (1)" in rig.rows()["People (2)"]
