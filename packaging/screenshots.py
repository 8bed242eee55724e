"""Take the README's screenshots of the real application, in Kazakh.

    .venv/bin/python packaging/screenshots.py [OUT_DIR]     (default resources/screenshots)

Writes kk-main-window.png (the seed document with its entity panel, one entity selected),
kk-search.png (a word-form search with its matches highlighted) and export-pdf-page.png (the
first page of the seed exported to PDF with its entity index; needs poppler's pdftoppm).
Runs on the offscreen platform unless a display is set, with its own temporary data folder.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
SEARCH = "Қазақстан"  # finds Қазақстанның, Қазақстанға ... in the seed


def _wait(app: object, done: Callable[[], bool], seconds: float = 60) -> None:
    """Run the event loop until ``done()`` or the timeout (then exit: nothing to show)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(int(seconds * 1000))
    while not done():
        if deadline.hasExpired():
            raise SystemExit("screenshots: the window did not get ready in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def window_shots(out: Path, seed: Path, data: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from reader.core.paths import resolve
    from reader.gui.context import AppContext
    from reader.gui.i18n import install_translators
    from reader.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    install_translators(app, "kk")
    ctx = AppContext.create(resolve(data))
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.open_files([str(seed)])
    panel = window.entity_panel
    _wait(app, lambda: window.current_session() is not None and bool(panel.entry_items()))
    first = next(iter(panel.entry_items().values()))
    panel.tree.setCurrentItem(first)
    QApplication.processEvents()
    shots = [out / "kk-main-window.png"]
    window.grab().save(str(shots[-1]))
    bar = window.search_bar
    bar.activate()
    bar.query_edit.setText(SEARCH)
    bar.run_search()
    _wait(app, lambda: bool(bar.matches))
    QApplication.processEvents()
    shots.append(out / "kk-search.png")
    window.grab().save(str(shots[-1]))
    window.close()
    ctx.close()
    return shots


def pdf_shot(out: Path, seed: Path, data: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        sys.stderr.write("screenshots: pdftoppm not found, no PDF page\n")
        return []
    pdf = data / "seed.pdf"
    cmd = [sys.executable, "-m", "reader", "--data-dir", str(data), "export", str(seed)]
    subprocess.run([*cmd, "-o", str(pdf), "--entities"], check=True, cwd=ROOT)
    target = out / "export-pdf-page"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(target),
        ],
        check=True,
    )
    return [target.with_suffix(".png")]


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    with tempfile.TemporaryDirectory(prefix="oqyrman-shots-") as tmp:
        shots = window_shots(out, seed, Path(tmp) / "gui") + pdf_shot(out, seed, Path(tmp))
    for shot in shots:
        sys.stdout.write(f"{shot}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
