"""Take the README's screenshots of the real application, in Kazakh.

    .venv/bin/python packaging/screenshots.py [OUT_DIR]     (default resources/screenshots)

Writes kk-main-window.png (the seed document with three highlights, two of them with notes,
its entity panel with people and organisations highlighted in the text, one entity
selected), kk-search.png (a word-form search with its matches highlighted) and
export-pdf-page.png (page 1 of the annotated PDF that File > Export makes; needs poppler's
pdftoppm).
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


# Highlights and notes made before the pictures: (quote, its occurrence, colour, note).
HIGHLIGHTS = (
    ("Нұрсұлтан Назарбаев мемлекетті одан әрі дамыту", 0, "yellow", "Негізгі тезис"),
    ("«Nur Otan» партиясына басшылық етуді жалғастыра беремін", 0, "green", ""),
    ("Тұңғыш Президенттің Кеңсесі құрылды", 0, "pink", "Күнін тексеру керек"),
)


def _annotate(window: object, session: object) -> None:
    from reader.core.annotations import AddAnnotation, new_annotation

    text = session.document.text  # type: ignore[attr-defined]
    ops = []
    for quote, nth, colour, note in HIGHLIGHTS:
        start = -1
        for _ in range(nth + 1):
            start = text.index(quote, start + 1)
        ann = new_annotation(
            text, start, start + len(quote), color=colour, note=note,
            doc_sha256=session.document.sha256,  # type: ignore[attr-defined]
        )  # fmt: skip
        ops.append(AddAnnotation(ann, session.path))  # type: ignore[attr-defined]
    window.features.annotations.run(session, ops, undo=False)  # type: ignore[attr-defined]


def shots(out: Path, seed: Path, data: Path) -> list[Path]:
    """The window in Kazakh: entities with people and organisations highlighted, a
    word-form search, and page 1 of the annotated PDF the window exports."""
    from PySide6.QtWidgets import QApplication

    from reader.core.paths import resolve
    from reader.gui.context import AppContext
    from reader.gui.features import build_window
    from reader.gui.i18n import install_translators

    app = QApplication.instance() or QApplication([sys.argv[0]])
    install_translators(app, "kk")
    ctx = AppContext.create(resolve(data))
    window = build_window(ctx, defer_panels=True)  # as the application builds it
    window.resize(*SIZE)
    window.show()
    window.open_files([str(seed)])
    _wait(app, window.panels_built)
    panel = window.features.entity_panel
    _wait(app, lambda: window.current_session() is not None and bool(panel.entities()))
    session = window.current_session()
    assert session is not None
    _wait(app, lambda: window.features.annotations.is_loaded(session))
    _annotate(window, session)
    for group in ("people", "organisations"):
        panel.highlight_boxes[group].setChecked(True)
    panel.select_entries([panel.entities()[0].key])  # the most mentioned, its places shown
    QApplication.processEvents()
    taken = [out / "kk-main-window.png"]
    window.grab().save(str(taken[-1]))

    for box in panel.highlight_boxes.values():
        box.setChecked(False)
    bar = window.features.search_bar
    bar.activate()
    bar.query_edit.setText(SEARCH)
    bar.run_search()
    _wait(app, lambda: bool(bar.matches))
    QApplication.processEvents()
    taken.append(out / "kk-search.png")
    window.grab().save(str(taken[-1]))

    pdf = data / "seed-annotated.pdf"
    written: list[str] = []
    window.features.exporter.exported.connect(written.append)
    window.features.exporter.export(session, str(pdf))
    _wait(app, lambda: bool(written))
    window.close()
    ctx.close()
    return taken + pdf_page(out, pdf)


def pdf_page(out: Path, pdf: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        sys.stderr.write("screenshots: pdftoppm not found, no PDF page\n")
        return []
    target = out / "export-pdf-page"
    cmd = ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*cmd, str(pdf), str(target)], check=True)
    return [target.with_suffix(".png")]


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    with tempfile.TemporaryDirectory(prefix="oqyrman-shots-") as tmp:
        taken = shots(out, seed, Path(tmp))
    for shot in taken:
        sys.stdout.write(f"{shot}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
