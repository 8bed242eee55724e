"""The real command: first run opens the seed document; --quit-after-load paints and quits."""

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.core.paths import project_root, seeds_dir


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), *args],
        cwd=project_root(),
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_quit_after_load_exits_zero_after_painting_and_keeps_no_session(tmp_path: Path) -> None:
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    result = _run(["--quit-after-load", str(seed)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "data" / "config" / "session.json").exists()


def test_quit_after_load_of_a_missing_file_says_why_and_exits_one(tmp_path: Path) -> None:
    result = _run(["--quit-after-load", str(tmp_path / "nope.txt")], tmp_path)
    assert result.returncode == 1
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_first_run_shows_the_seed_document(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = _run([], tmp_path, OQYRMAN_SCREENSHOT=str(shot))
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 1000
    session = json.loads((tmp_path / "data" / "config" / "session.json").read_text("utf-8"))
    folders = {Path(t["path"]).parent for t in session["tabs"]}
    assert folders == {seeds_dir()}


def test_bundled_noto_sans_is_the_font_from_the_first_start(qapp: object) -> None:
    """The interface and the documents use Noto Sans from the start, and the first PDF
    export registers nothing more (registering re-lays-out every widget)."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from reader.core.preferences_schema import Preferences
    from reader.export import pdf
    from reader.gui.app import _use_bundled_font
    from reader.gui.viewer import document_font

    assert isinstance(qapp, QApplication)
    before = QFont(qapp.font())
    try:
        _use_bundled_font(qapp)
        assert QApplication.font().family() == "Noto Sans"
        assert document_font(Preferences()).family() == "Noto Sans"
        assert document_font(Preferences(font_family="DejaVu Serif")).family() == "DejaVu Serif"
        families = QFontDatabase.families()
        assert pdf.font_family() == "Noto Sans"
        assert QFontDatabase.families() == families
    finally:
        qapp.setFont(before)
