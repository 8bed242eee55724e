"""GUI test set-up: offscreen Qt before any QApplication exists; a Qt warning fails a test
(``qt_log_level_fail`` in pyproject.toml), and so does a warning our code logs (see
``tests/conftest.py``); a window and context on a temporary data dir."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before PySide6 creates a QApplication

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.paths import resolve
from reader.gui.context import AppContext
from reader.gui.features import build_window
from reader.gui.main_window import MainWindow
from reader.gui.session import DocumentSession

KAZAKH = (
    "Қазақстан Республикасы – Орталық Азиядағы мемлекет.\n"
    "Елбасы Астанада кеңес өткізді. Қазақстанның болашағы туралы айтылды.\n"
    "\n"
    "Үкімет жұмысы жалғасады; Қазақстан халқы қолдады.\n"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ctx(qapp: object, data_dir: Path) -> Iterator[AppContext]:
    context = AppContext.create(resolve(data_dir))
    yield context
    context.close()


def make_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = build_window(ctx)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    win = make_window(qtbot, ctx)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def kazakh_file(tmp_path: Path) -> Path:
    path = tmp_path / "qazaq.txt"
    path.write_text(KAZAKH, encoding="utf-8")
    return path


@pytest.fixture
def kazakh_text() -> str:
    return KAZAKH


OpenDoc = Callable[[Path | str], DocumentSession]


@pytest.fixture
def open_doc(qtbot: QtBot, window: MainWindow) -> OpenDoc:
    """Open a file in ``window`` and wait until its document is shown in a tab."""
    return lambda path: open_and_wait(qtbot, window, path)


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path | str) -> DocumentSession:
    """Open ``path`` and wait until its document is shown in a tab."""
    with qtbot.waitSignal(window.session_list.session_opened, timeout=10000) as blocker:
        window.open_files([str(path)])
    session = blocker.args[0]
    assert isinstance(session, DocumentSession)
    return session


@pytest.fixture
def language(qapp: object) -> Iterator[Callable[[str | None], str]]:
    """Install an interface language for one test; none again afterwards. Ask for it before
    ``window``: QLocale.setDefault is not thread-safe, so it must not run (at tear-down)
    while the window's background jobs may still be running."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from reader.gui.i18n import install_translators, remove_translators

    assert isinstance(qapp, QApplication)
    before = QLocale()

    def use(code: str | None) -> str:
        return install_translators(qapp, code)

    yield use
    remove_translators(qapp)
    QLocale.setDefault(before)
