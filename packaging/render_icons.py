"""Render resources/icons/oqyrman.svg to the PNG sizes desktops ask for.

Run with the project's Python: ``.venv/bin/python packaging/render_icons.py``. It uses QtSvg
(shipped in PySide6-Essentials), so no extra tool is needed; the PNGs are committed, and the
build script re-renders them only when the SVG is newer.
"""

import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def png_path(size: int) -> Path:
    return ICONS / f"oqyrman-{size}.png"


def render(svg: Path = ICONS / "oqyrman.svg") -> list[Path]:
    """Write one PNG per size beside the SVG; return their paths."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"render_icons: cannot write {png_path(size)}")
        written.append(png_path(size))
    return written


if __name__ == "__main__":
    for path in render():
        sys.stdout.write(f"{path}\n")
