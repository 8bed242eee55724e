"""Session restore: a second window on the same data folder reopens the tabs where they were."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.prefs import load_session
from reader.gui.app import seed_files
from reader.gui.context import AppContext
from reader.gui.features import build_window
from reader.gui.main_window import MainWindow
from reader.gui.session import DocumentSession

LINES = "".join(f"{i}-жол: Қазақстан Республикасы туралы мәтін.\n" for i in range(2000))


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    return window


def _wait_sessions(qtbot: QtBot, window: MainWindow, n: int) -> list[DocumentSession]:
    qtbot.waitUntil(lambda: len(window.sessions()) == n, timeout=10000)
    return window.sessions()


def test_second_window_restores_tabs_order_current_tab_and_scroll(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    long_file, short_file = tmp_path / "long.txt", tmp_path / "short.txt"
    long_file.write_text(LINES, encoding="utf-8")
    short_file.write_text("Қысқа мәтін.\n", encoding="utf-8")
    first = _window(qtbot, ctx)
    assert not first.restore_session()  # first run: nothing saved yet
    first.open_files([str(long_file), str(short_file)])
    long_session, _ = _wait_sessions(qtbot, first, 2)
    first.tabs.setCurrentIndex(0)
    target = LINES.index("1200-жол")
    long_session.viewer.scroll_to_offset(target)
    qtbot.waitUntil(lambda: long_session.viewer.first_visible_offset() == target)
    first._set_zoom(2)
    first.close()

    second = _window(qtbot, ctx)
    assert second.restore_session()
    restored = _wait_sessions(qtbot, second, 2)
    assert [s.path for s in restored] == [str(long_file), str(short_file)]
    assert second.current_session() is restored[0]
    assert restored[0].viewer.zoom == 2
    qtbot.waitUntil(lambda: restored[0].viewer.first_visible_offset() == target, timeout=5000)
    second.close()


def test_closed_tabs_stay_closed(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    keep, gone = tmp_path / "keep.txt", tmp_path / "gone.txt"
    keep.write_text("Сақталады.\n", encoding="utf-8")
    gone.write_text("Жойылады.\n", encoding="utf-8")
    first = _window(qtbot, ctx)
    first.open_files([str(keep), str(gone)])
    _wait_sessions(qtbot, first, 2)
    first.close_tab(1)
    first.close()
    saved = load_session(ctx.session_file)
    assert saved is not None and [t.path for t in saved.tabs] == [str(keep)]


def test_session_file_is_written_on_every_tab_change(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("А\n", encoding="utf-8")
    b.write_text("Б\n", encoding="utf-8")
    window = _window(qtbot, ctx)
    window.open_files([str(a), str(b)])
    _wait_sessions(qtbot, window, 2)
    window.tabs.setCurrentIndex(0)
    saved = load_session(ctx.session_file)  # without closing the window (a crash, say)
    assert saved is not None
    assert [t.path for t in saved.tabs] == [str(a), str(b)] and saved.current == 0
    assert set(saved.recent[:2]) == {str(a), str(b)}  # in the order they finished loading
    window.close()


def test_first_run_offers_the_seed_document() -> None:
    seeds = seed_files()
    assert seeds and all(Path(p).is_file() for p in seeds)
    assert any(p.endswith(".txt") for p in seeds)


def test_a_deleted_file_is_not_reopened_and_the_rest_are(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    keep, gone = tmp_path / "keep.txt", tmp_path / "gone.txt"
    keep.write_text("Сақталады.\n", encoding="utf-8")
    gone.write_text("Жойылады.\n", encoding="utf-8")
    first = _window(qtbot, ctx)
    first.open_files([str(gone), str(keep)])
    _wait_sessions(qtbot, first, 2)
    first.close()
    gone.unlink()
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(str(args)))
    second = _window(qtbot, ctx)
    second.restore_session()
    restored = _wait_sessions(qtbot, second, 1)
    assert [s.path for s in restored] == [str(keep)]
    assert "gone.txt" in second.statusBar().currentMessage()
    assert boxes == []
    second.close()


def test_every_saved_session_lists_every_open_tab_while_documents_load(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session file is written as each document arrives (crash-safe): a crash at that
    moment must not forget the tab that just loaded (it once did, for a moment)."""
    import reader.gui.main_window as main_window

    names = ["a.txt", "b.txt", "c.txt"]
    for name in names:
        (tmp_path / name).write_text(f"{name}: {LINES[:2000]}", encoding="utf-8")
    saved: list[list[str]] = []
    original = main_window.save_session
    monkeypatch.setattr(
        main_window,
        "save_session",
        lambda path, state: (
            saved.append([Path(t.path).name for t in state.tabs]) or original(path, state)
        ),
    )
    window = _window(qtbot, ctx)
    window.open_files([str(tmp_path / n) for n in names])
    _wait_sessions(qtbot, window, 3)
    after_opening = saved[saved.index(names) :]
    assert len(after_opening) >= 3 and all(tabs == names for tabs in after_opening)
