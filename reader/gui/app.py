"""Start the GUI: one QApplication, one AppContext, the main window, the first documents.

First run (no saved session) opens the seed document(s); later runs restore the tabs and
scroll positions; ``oqyrman FILE...`` opens those files. ``--quit-after-load FILE`` opens
FILE and quits right after its text is first painted (start-up measurements).
``OQYRMAN_SCREENSHOT=out.png`` (undocumented, for the README) saves a picture of the window
once the documents are shown and background work is done, then quits;
``OQYRMAN_SCREENSHOT_QUERY=word`` searches for a word first.
"""

import contextlib
import logging
import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.core.paths import AppPaths, resources_dir, seeds_dir
from reader.gui.context import AppContext
from reader.gui.main_window import MainWindow
from reader.gui.session import DocumentSession
from reader.gui.window_host import WindowHost

if TYPE_CHECKING:
    from reader.gui.single_instance import InstanceServer

log = logging.getLogger(__name__)

SCREENSHOT_ENV = "OQYRMAN_SCREENSHOT"
SCREENSHOT_QUERY_ENV = "OQYRMAN_SCREENSHOT_QUERY"  # typed into the search bar first


def seed_files() -> list[str]:
    """The bundled sample documents, opened on first run."""
    folder = seeds_dir()
    return [str(p) for p in sorted(folder.glob("*")) if p.is_file()] if folder.is_dir() else []


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Oqyrman")
    app.setApplicationDisplayName("Oqyrman")
    app.setDesktopFileName("oqyrman")
    _use_bundled_font(app)
    icon = resources_dir() / "icons" / "oqyrman-128.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _use_bundled_font(app: QApplication) -> None:
    """Noto Sans for the interface (and, unless the user chose another, the documents)
    from the first start; registered now, so nothing re-flows at the first PDF export."""
    from PySide6.QtGui import QFont

    from reader.export.fonts import bundled_family

    font = QFont(app.font())
    font.setFamily(bundled_family())
    app.setFont(font)


def _install_language(app: QApplication, ctx: AppContext) -> None:
    from reader.gui.i18n import install_translators

    try:
        install_translators(app, ctx.preferences.language)
    except (OSError, ValueError) as exc:
        log.warning("interface language not installed: %s", exc)


def _apply_theme(app: QApplication, ctx: AppContext) -> None:
    if ctx.preferences.theme != "system":  # the system's own look needs nothing done
        from reader.gui.dialogs.preferences import apply_theme  # (not on the way otherwise)

        apply_theme(app, ctx.preferences.theme)


def _quit_after_paint(app: QApplication, window: MainWindow, path: str) -> None:
    """Exit 0 after the first paint of ``path``'s text, 1 if it cannot be opened."""

    def on_painted(painted_at: float) -> None:
        # For benchmarks: when the text was painted, on the clock all processes share.
        print(f"oqyrman: first paint at monotonic {painted_at:.6f}", file=sys.stderr)
        if window.panels_built():
            on_panels()
        else:  # they are built right after the first paint: the exit time includes them
            window.panels_ready.connect(on_panels)

    def on_panels() -> None:
        print(f"oqyrman: panels ready at monotonic {time.monotonic():.6f}", file=sys.stderr)
        app.exit(0)

    def on_opened(session: DocumentSession) -> None:
        viewer = session.viewer
        viewer.first_painted.connect(lambda: on_painted(viewer.painted_at))

    def on_failed(failed: str, message: str) -> None:
        print(f"oqyrman: {message}", file=sys.stderr)
        app.exit(1)

    window.quiet_errors = True
    window.persist_session = False
    window.session_list.session_opened.connect(on_opened)
    window.open_failed.connect(on_failed)
    window.open_files([path])


def _screenshot_when_idle(app: QApplication, window: MainWindow, target: str) -> None:
    """Save a picture of the window once a document is shown and background work is done
    (entities recognised, say), or after 20 s whatever the state; then quit."""
    started = time.monotonic()

    def poll() -> None:
        idle = window.sessions() and window.ctx.tasks.active_count() == 0
        if not idle and time.monotonic() - started < 20:
            QTimer.singleShot(200, window, poll)
            return
        query = os.environ.get(SCREENSHOT_QUERY_ENV)
        if query and window.current_session() is not None and window.features is not None:
            bar = window.features.search_bar
            bar.activate()
            bar.query_edit.setText(query)
            bar.run_search()
        QTimer.singleShot(300, window, grab)

    def grab() -> None:
        window.grab().save(target)
        log.info("screenshot saved to %s", target)
        app.exit(0)

    QTimer.singleShot(1000, window, poll)


def run(paths: AppPaths, files: list[str], quit_after_load: str | None) -> int:
    """Run the reader until its window closes; return the exit code."""
    app = _application()
    ctx = AppContext.create(paths)
    _install_language(app, ctx)
    _apply_theme(app, ctx)
    host = WindowHost(app, ctx)  # the window, built again if the language changes
    window = host.window
    servers: list[InstanceServer] = []
    if not quit_after_load:  # later `oqyrman FILE` starts hand their files to this window

        def listen() -> None:  # once the panels are there: not on the way to the first paint
            servers.append(_instance_server(paths, host, app))

        window.panels_ready.connect(listen, Qt.ConnectionType.SingleShotConnection)
    _close_on_termination(app, host)
    screenshot = os.environ.get(SCREENSHOT_ENV)
    if screenshot:
        _screenshot_when_idle(app, window, str(Path(screenshot).absolute()))
    if quit_after_load:
        window.restore_window()
        _quit_after_paint(app, window, quit_after_load)
    elif files:
        window.restore_window()
        window.open_files(files)
    elif not window.restore_session():
        window.open_files(seed_files())
    window.show()
    try:
        return app.exec()
    finally:
        for server in servers:
            server.close()
        host.window.close()
        ctx.close()


def _instance_server(paths: AppPaths, host: WindowHost, app: QApplication) -> "InstanceServer":
    from reader.gui.single_instance import InstanceServer

    return InstanceServer(paths.data, lambda new: _receive(host.window, new), app)


def _receive(window: MainWindow, files: list[str]) -> None:
    """Files from a later start: open them here and bring the window to the front."""
    if files:
        window.open_files(files)
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _close_on_termination(app: QApplication, host: WindowHost) -> None:
    """SIGTERM, SIGINT and the end of a desktop session close the window the usual way, so
    the session and preferences are saved (annotations are written as they are made).

    Python runs a signal handler only when the interpreter gets control, which Qt's event
    loop does not give it: the signal's wake-up byte on a socket pair wakes a
    QSocketNotifier instead."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: None)  # the wake-up byte does the work
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        assert writer.fileno() >= 0  # the closure keeps the wake-up socket open
        with contextlib.suppress(OSError):
            reader.recv(64)
        log.info("terminating: closing the window")
        host.window.close()
        app.quit()

    notifier.activated.connect(on_signal)
    app.commitDataRequest.connect(lambda _manager: host.window.save_session())
