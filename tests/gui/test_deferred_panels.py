"""The application builds its panels right after the first paint (half of the start-up
time is theirs): the text shows first, the panels follow, and nothing is lost meanwhile."""

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.gui.context import AppContext
from reader.gui.features import build_window
from reader.gui.main_window import MainWindow


def _deferred(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = build_window(ctx, defer_panels=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_text_is_painted_before_the_panels_are_built(
    qtbot: QtBot, ctx: AppContext, kazakh_file: Path
) -> None:
    window = _deferred(qtbot, ctx)
    assert not window.panels_built() and not hasattr(window, "entity_panel")
    ready: list[float] = []
    window.panels_ready.connect(lambda: ready.append(time.monotonic()))
    with qtbot.waitSignal(window.panels_ready, timeout=10_000):
        window.open_files([str(kazakh_file)])
    session = window.current_session()
    assert session is not None
    assert 0 < session.viewer.painted_at < ready[0]  # the text was painted first
    # everything a user reaches is there and follows the open document
    assert window.features.search_bar.isHidden() and window.features.annotations.panel is not None
    assert window.features.entity_panel.session is session
    assert window.features.exporter.action.isEnabled()
    assert window.menus["edit"].actions()[-1] is window.features.dialog_actions.preferences_action
    window.close()


def test_without_a_document_the_panels_come_soon_anyway(qtbot: QtBot, ctx: AppContext) -> None:
    window = _deferred(qtbot, ctx)
    with qtbot.waitSignal(window.panels_ready, timeout=5_000):
        pass
    assert window.panels_built()
    window.close()


def test_find_before_the_panels_exist_builds_them(qtbot: QtBot, ctx: AppContext) -> None:
    window = _deferred(qtbot, ctx)
    window._replay_after_build("Ctrl+F")  # what pressing Ctrl+F does before they exist
    assert window.panels_built() and window.features.search_bar.isVisible()
    window.close()


def test_opening_a_menu_before_the_panels_exist_fills_it(qtbot: QtBot, ctx: AppContext) -> None:
    window = _deferred(qtbot, ctx)
    window.menus["edit"].aboutToShow.emit()
    texts = [a.text().replace("&", "") for a in window.menus["edit"].actions()]
    assert window.panels_built() and "Find…" in texts
    window.close()


def test_dock_layout_survives_a_session_saved_before_the_panels(
    qtbot: QtBot, ctx: AppContext, kazakh_file: Path
) -> None:
    first = build_window(ctx)
    qtbot.addWidget(first)
    first.show()
    first.features.annotations_dock.hide()  # the user closed the annotations panel
    first.save_session()
    first.close()
    window = _deferred(qtbot, ctx)
    window.restore_window()
    window.save_session()  # e.g. on a tab change while loading: must keep the dock layout
    with qtbot.waitSignal(window.panels_ready, timeout=10_000):
        window.open_files([str(kazakh_file)])
    assert not window.features.annotations_dock.isVisible()
    assert window.features.entity_panel.dock.isVisible()
    window.close()


def test_first_run_gives_the_text_two_thirds_of_the_width_the_entities_more_height(
    qtbot: QtBot, ctx: AppContext, kazakh_file: Path
) -> None:
    window = build_window(ctx, defer_panels=True)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.panels_ready, timeout=10_000):
        window.open_files([str(kazakh_file)])
    features = window.features
    entities_dock, annotations_dock = features.entities_dock, features.annotations_dock

    def laid_out() -> bool:  # the docks appear, then take their sizes, in layout passes
        dock, text = entities_dock.width(), window.tabs.width()
        entities, annotations = entities_dock.height(), annotations_dock.height()
        return (
            300 <= dock <= 450
            and text >= 1.8 * dock
            # the entities get about two thirds of the height beside the empty annotations
            and 1.6 * annotations <= entities <= 2.5 * annotations
        )

    qtbot.waitUntil(laid_out, timeout=3000)
    window.close()
