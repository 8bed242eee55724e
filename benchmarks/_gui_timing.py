"""Shared by the GUI benchmarks: time Oqyrman and a bare PySide6 window on the same file.

Both are started as fresh processes and quit right after the first paint of the text; runs
alternate so that both see the same machine load. The bare window is the yardstick the
issue sets: a QPlainTextEdit that reads the file, calls setPlainText and shows it.

``compare(..., widgets=True)`` also times WIDGETS: Oqyrman's window made of the same kinds of
Qt widgets (menus, tabs, docks with a tree, a list and a hidden search tree, two tool bars,
a status bar) with none of its own code. It tells how much of the difference is Qt's own
cost of those widgets (PySide builds each class's Python enums when the class is first
used) and how much is Oqyrman's Python.
"""

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

app = QApplication(sys.argv[:1])
edit = QPlainTextEdit()
edit.setReadOnly(True)


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and edit.document().characterCount() > 1:
            at = time.monotonic()  # the paint itself, as Oqyrman reports it
            QTimer.singleShot(0, lambda: painted(at))
        return False


def painted(at):
    print(f"bare: first paint at monotonic {at:.6f}", file=sys.stderr)
    app.quit()


watcher = FirstPaint()
edit.viewport().installEventFilter(watcher)
with open(sys.argv[1], encoding="utf-8") as fh:
    edit.setPlainText(fh.read())
edit.resize(1100, 760)
edit.show()
sys.exit(app.exec())
"""

# The same kinds of widgets as Oqyrman's window, empty, with none of its code (see above).
WIDGETS = BARE.replace(
    "edit = QPlainTextEdit()\n",
    """edit = QPlainTextEdit()
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QLineEdit, QListWidget, QMainWindow,
    QStatusBar, QStyledItemDelegate, QTabWidget, QToolBar, QToolButton, QTreeView,
    QTreeWidget, QVBoxLayout, QWidget,
)

window = QMainWindow()
tabs = QTabWidget()
tabs.addTab(edit, "document")
central = QWidget()
column = QVBoxLayout(central)
column.addWidget(tabs)
strip = QWidget()  # the search bar, hidden until Ctrl+F
row = QHBoxLayout(strip)
for widget in (QLineEdit(), QComboBox(), QCheckBox("Aa"), QCheckBox("W")):
    row.addWidget(widget)
strip.hide()
column.addWidget(strip)
window.setCentralWidget(central)
for number, title in enumerate(("&File", "&Edit", "&View", "&Annotate", "&Help")):
    menu = window.menuBar().addMenu(title)
    for item in range(8):
        action = QAction(f"{title} {item}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{number}{item}"))
        menu.addAction(action)


def dock(widget, title, hidden=False):
    panel = QDockWidget(title, window)
    panel.setWidget(widget)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.setHidden(hidden)


entities = QWidget()
lines = QVBoxLayout(entities)
lines.addWidget(QLineEdit())
tree = QTreeView()
tree.setModel(QSortFilterProxyModel())
lines.addWidget(tree)
for _ in range(8):  # the class colour toggles
    lines.addWidget(QToolButton())
dock(entities, "Entities")
dock(QListWidget(), "Annotations")
found = QWidget()
lines = QVBoxLayout(found)
lines.addWidget(QLineEdit())
matches = QTreeWidget()
matches.setItemDelegate(QStyledItemDelegate(matches))
lines.addWidget(matches)
dock(found, "Search all documents", hidden=True)
dock(QWidget(), "Outline", hidden=True)
for title in ("Annotate", "Pages"):
    bar = QToolBar(title)
    for item in range(6):
        bar.addAction(QAction(f"{title} {item}", window))
    window.addToolBar(bar)
window.setStatusBar(QStatusBar())
""",
).replace("edit.resize(1100, 760)\nedit.show()", "window.resize(1100, 760)\nwindow.show()")
assert "window.show()" in WIDGETS and "QDockWidget" in WIDGETS, "BARE changed: fix WIDGETS"


def _env(pycache: Path) -> dict[str, str]:
    """Offscreen unless there is a display; byte code cached (as in an installed copy) in a
    temporary folder, so that neither side pays for compiling its Python source."""
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


Run = tuple[float, float, float, float]  # seconds: to first paint, to exit, CPU, to panels


def _time(cmd: list[str], env: dict[str, str]) -> Run:
    """One run: from spawning to the first paint (which the child reports on the shared
    monotonic clock), to the process's exit, and the child's CPU time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{cmd[2:]} failed ({result.returncode}): {result.stderr.strip()}")
    found = re.search(r"first paint at monotonic ([0-9.]+)", result.stderr)
    if found is None:
        raise SystemExit(f"{cmd[2:]} did not report its first paint: {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    paint = float(found.group(1)) - start
    # Oqyrman builds its panels (search bar, docks, toolbar) right after the first paint
    panels = re.search(r"panels ready at monotonic ([0-9.]+)", result.stderr)
    return paint, elapsed, cpu, (float(panels.group(1)) - start) if panels else paint


Timings = dict[str, list[Run]]


def compare(document: Path, runs: int, *, widgets: bool = False) -> Timings:
    """``runs`` alternating starts of each side (and of WIDGETS with ``widgets``)."""
    times: Timings = {"oqyrman": [], "bare PySide6": []}
    if widgets:
        times["Qt widgets"] = []
    with tempfile.TemporaryDirectory(prefix="oqyrman-bench-") as tmp:
        env = _env(Path(tmp) / "pycache")
        script = Path(tmp) / "bare_window.py"
        script.write_text(BARE, encoding="utf-8")
        data = str(Path(tmp) / "data")
        commands = {
            "oqyrman": [
                *(sys.executable, "-m", "reader", "--data-dir", data),
                *("--quit-after-load", str(document)),
            ],
            "bare PySide6": [sys.executable, str(script), str(document)],
        }
        if widgets:
            same = Path(tmp) / "same_widgets.py"
            same.write_text(WIDGETS, encoding="utf-8")
            commands["Qt widgets"] = [sys.executable, str(same), str(document)]
        for cmd in commands.values():  # byte code, disk cache and data folder made once
            _time(cmd, env)
        for _ in range(runs):
            for name, cmd in commands.items():
                times[name].append(_time(cmd, env))
    return times


def report(title: str, times: Timings, target: float) -> float:
    """Print medians (to first paint, to exit, CPU) and the to-paint ratio; return it."""
    print(title)
    medians = {}
    for name, runs in times.items():
        paint, wall, cpu = (statistics.median(t[i] for t in runs) for i in range(3))
        medians[name] = (paint, wall, cpu)
        each = ", ".join(f"{t[0] * 1000:.0f}" for t in runs)
        print(
            f"  {name:13} median {paint * 1000:5.0f} ms to first paint ({each}); "
            f"{wall * 1000:5.0f} ms to exit, {cpu * 1000:5.0f} ms CPU"
        )
    ours, base = medians["oqyrman"], medians["bare PySide6"]
    panels = statistics.median(t[3] for t in times["oqyrman"])
    print(
        f"  oqyrman's panels (search bar, docks, toolbar) ready: median {panels * 1000:.0f} ms, "
        f"{panels / base[0]:.2f}x the bare window's first paint"
    )
    if "Qt widgets" in medians:
        alone = medians["Qt widgets"][0]
        print(
            f"  the same Qt widgets without Oqyrman's code: {alone / base[0]:.2f}x"
            " the bare window; Oqyrman's own Python adds "
            f"{(panels - alone) * 1000:.0f} ms to its panels"
        )
    ratio = ours[0] / base[0]
    verdict = "meets" if ratio <= target else "MISSES"
    print(
        f"  ratio to first paint {ratio:.2f}x ({verdict} the target of at most {target}x); "
        f"to exit {ours[1] / base[1]:.2f}x, CPU {ours[2] / base[2]:.2f}x"
    )
    return ratio
