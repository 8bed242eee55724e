"""A new interface language applies at once: the window is built again in it, with the same
documents in the same tabs at the same places, and the old window is gone."""

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.preferences_schema import Preferences, load_preferences
from reader.core.prefs import load_session
from reader.gui.context import AppContext
from reader.gui.dialogs.preferences import PreferencesDialog
from reader.gui.main_window import MainWindow
from reader.gui.window_host import WindowHost


def _wait_for_tabs(qtbot: QtBot, window: MainWindow, count: int) -> None:
    qtbot.waitUntil(lambda: len(window.sessions()) == count, timeout=15000)


def test_choosing_kazakh_rebuilds_the_window_with_the_same_tabs_in_place(
    qtbot: QtBot, qapp: QApplication, ctx: AppContext, language, tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    language("en")
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("\n".join(f"Бірінші құжаттың {i}-жолы." for i in range(3000)), "utf-8")
    second.write_text("Екінші құжат: Астана, Алматы.\n", "utf-8")
    host = WindowHost(qapp, ctx, defer_panels=False)
    old = host.window  # not given to qtbot: the rebuild deletes it
    old.show()
    qtbot.waitExposed(old)
    old.open_files([str(first), str(second)])
    _wait_for_tabs(qtbot, old, 2)
    old.tabs.setCurrentIndex(0)
    reading = old.sessions()[0]
    reading.viewer.scroll_to_offset(len("Бірінші құжаттың 0-жолы.\n") * 1500)
    qtbot.waitUntil(lambda: reading.viewer.first_visible_offset() > 0, timeout=5000)
    offset = reading.viewer.first_visible_offset()
    assert old.menus["file"].title() == "&File"

    chosen = Preferences(language="kk")
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, p, parent: chosen))
    with qtbot.waitSignal(host.window_replaced, timeout=10000) as replaced:
        old.features.dialog_actions.preferences_action.trigger()
    new = replaced.args[0]
    assert isinstance(new, MainWindow) and new is host.window and new is not old
    qtbot.addWidget(new)
    _wait_for_tabs(qtbot, new, 2)

    # Every string comes from the new catalogue: menus, docks, the preferences it holds.
    assert new.menus["file"].title() == "&Файл"
    assert new.features.entities_dock.windowTitle() == "Атаулар"
    assert new.preferences == chosen and load_preferences(ctx.paths.preferences) == chosen
    # The same documents, in the same order, the first still at its place.
    assert [Path(s.path).name for s in new.sessions()] == ["first.txt", "second.txt"]
    assert new.tabs.currentIndex() == 0
    qtbot.waitUntil(
        lambda: abs(new.sessions()[0].viewer.first_visible_offset() - offset) < 200, timeout=5000
    )
    # The old window is gone (deleted, its tabs closed); the session file is the new one's.
    assert not shiboken6.isValid(old)
    assert [Path(t.path).name for t in load_session(ctx.session_file).tabs] == [  # type: ignore[union-attr]
        "first.txt",
        "second.txt",
    ]
    new.close()


def test_the_same_language_again_rebuilds_nothing(
    qtbot: QtBot, qapp: QApplication, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = WindowHost(qapp, ctx, defer_panels=False)
    window = host.window
    qtbot.addWidget(window)
    chosen = Preferences(font_size=ctx.preferences.font_size + 2)  # the language as it was
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, p, parent: chosen))
    with qtbot.assertNotEmitted(host.window_replaced, wait=200):
        window.features.dialog_actions.preferences_action.trigger()
    assert host.window is window and window.preferences == chosen
