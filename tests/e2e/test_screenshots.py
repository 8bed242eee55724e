"""packaging/screenshots.py, which takes the README's pictures, keeps working with the GUI."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_screenshots_can_be_taken_again(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "screenshots.py"), str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    for name in ("kk-main-window.png", "kk-search.png"):
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1280, 800), name
