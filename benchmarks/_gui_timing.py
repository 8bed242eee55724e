"""Shared by the GUI benchmarks: time Oqyrman and a bare PySide6 window on the same file.

Both are started as fresh processes and quit right after the first paint of the text; runs
alternate so that both see the same machine load. The bare window is the yardstick the
issue sets: a QPlainTextEdit that reads the file, calls setPlainText and shows it.
"""

import os
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
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

app = QApplication(sys.argv[:1])
edit = QPlainTextEdit()
edit.setReadOnly(True)


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and edit.document().characterCount() > 1:
            QTimer.singleShot(0, app.quit)
        return False


watcher = FirstPaint()
edit.viewport().installEventFilter(watcher)
with open(sys.argv[1], encoding="utf-8") as fh:
    edit.setPlainText(fh.read())
edit.resize(1100, 760)
edit.show()
sys.exit(app.exec())
"""


def _env(pycache: Path) -> dict[str, str]:
    """Offscreen unless there is a display; byte code cached (as in an installed copy) in a
    temporary folder, so that neither side pays for compiling its Python source."""
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{cmd[2:]} failed ({result.returncode}): {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


Timings = dict[str, list[tuple[float, float]]]


def compare(document: Path, runs: int) -> Timings:
    """(wall, CPU) seconds of ``runs`` alternating starts of each side."""
    times: Timings = {"oqyrman": [], "bare PySide6": []}
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
        for cmd in commands.values():  # byte code, disk cache and data folder made once
            _time(cmd, env)
        for _ in range(runs):
            for name, cmd in commands.items():
                times[name].append(_time(cmd, env))
    return times


def report(title: str, times: Timings, target: float) -> float:
    """Print medians of wall and CPU time and the wall-time ratio; return that ratio."""
    print(title)
    medians = {}
    for name, runs in times.items():
        wall = statistics.median(t[0] for t in runs)
        cpu = statistics.median(t[1] for t in runs)
        medians[name] = (wall, cpu)
        each = ", ".join(f"{t[0] * 1000:.0f}" for t in runs)
        print(f"  {name:13} median {wall * 1000:5.0f} ms wall, {cpu * 1000:5.0f} ms CPU  ({each})")
    (ours, ours_cpu), (base, base_cpu) = medians["oqyrman"], medians["bare PySide6"]
    ratio = ours / base
    verdict = "meets" if ratio <= target else "MISSES"
    print(
        f"  ratio {ratio:.2f}x wall ({verdict} the target of at most {target}x), "
        f"{ours_cpu / base_cpu:.2f}x CPU"
    )
    return ratio
