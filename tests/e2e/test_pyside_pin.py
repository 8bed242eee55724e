"""PySide6 stays on 6.11.x: 6.12.0 on Python 3.11 aborts with ``none_dealloc``.

The abort shows after a few thousand Qt calls that return None, so besides the version
check this runs a loop of such calls in a subprocess and requires a clean exit.
"""

import subprocess
import sys
from importlib.metadata import version

LOOP = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

class Pinger(QObject):
    ping = Signal(int)

app = QCoreApplication(sys.argv)
obj = Pinger()
seen = []
obj.ping.connect(seen.append)
for i in range(20000):
    obj.setObjectName("n")        # returns None
    obj.setProperty("k", None)    # passes None into Qt and back
    obj.ping.emit(i)              # slot returns None
    obj.blockSignals(False)
QTimer.singleShot(0, app.quit)
app.exec()
print(len(seen))
"""


def test_pyside6_is_pinned_to_6_11() -> None:
    assert version("PySide6-Essentials").startswith("6.11."), version("PySide6-Essentials")


def test_many_none_returning_qt_calls_do_not_abort() -> None:
    out = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "20000"
    assert "none_dealloc" not in out.stderr
