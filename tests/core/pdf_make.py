"""Test and benchmark PDFs made with Qt in a child process (core tests stay Qt-free).

:func:`write_book` lays out paragraphs itself (greedy wrap, a word split with a hyphen when
asked), with a running header and a page-number footer on every page, so the tests know the
text a reader should get back: the paragraphs, whole, and no header or footer.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

_BOOK_SCRIPT = textwrap.dedent(
    r"""
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import (QFont, QFontMetricsF, QGuiApplication, QPageLayout,
                               QPageSize, QPainter, QPdfWriter)
    app = QGuiApplication([])
    spec = json.loads(sys.stdin.read())
    writer = QPdfWriter(spec["path"])
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setTitle(spec.get("title", ""))
    painter = QPainter(writer)
    font = QFont("DejaVu Sans")
    font.setPixelSize(spec.get("size", 11))
    painter.setFont(font)
    fm = QFontMetricsF(font)
    W, H = 420, 595
    left, right, top, bottom = 50, W - 50, 60, H - 60
    line_h = fm.height() * 1.2
    page = [0]
    y = [top]

    def furniture():
        if spec.get("header"):
            painter.drawText(QRectF(left, 25, right - left, 20), 0x84, spec["header"])
        if spec.get("footer"):
            painter.drawText(QRectF(left, H - 40, right - left, 20), 0x84,
                             spec["footer"].replace("#", str(page[0] + 1)))

    def new_page():
        writer.newPage()
        page[0] += 1
        y[0] = top
        furniture()

    def draw_line(text):
        if y[0] + line_h > bottom:
            new_page()
        painter.drawText(QRectF(left, y[0], right - left + 200, line_h), 0x81, text)
        y[0] += line_h

    furniture()
    for para in spec["paragraphs"]:
        if para == "\f":
            new_page()
            continue
        line = ""
        for word in para.split(" "):
            trial = (line + " " + word) if line else word
            if fm.horizontalAdvance(trial) <= right - left:
                line = trial
                continue
            if spec.get("hyphenate") and len(word) >= 8:
                for cut in range(len(word) - 3, 2, -1):
                    if not (word[cut - 1].isalpha() and word[cut].isalpha()):
                        continue
                    head = (line + " " if line else "") + word[:cut] + "-"
                    if fm.horizontalAdvance(head) <= right - left:
                        draw_line(head)
                        line = word[cut:]
                        break
                else:
                    draw_line(line)
                    line = word
                continue
            draw_line(line)
            line = word
        draw_line(line)
        y[0] += line_h * 0.8  # the space between paragraphs
    painter.end()
    """
)


def write_book(
    path: Path,
    paragraphs: list[str],
    *,
    header: str = "",
    footer: str = "",
    hyphenate: bool = False,
    title: str = "",
    size: int = 11,
) -> Path:
    """A PDF of ``paragraphs`` (``"\\f"`` starts a new page) with an optional running
    ``header`` and ``footer`` (``#`` is the page number)."""
    spec = {
        "path": str(path),
        "paragraphs": paragraphs,
        "header": header,
        "footer": footer,
        "hyphenate": hyphenate,
        "title": title,
        "size": size,
    }
    subprocess.run(
        [sys.executable, "-c", _BOOK_SCRIPT],
        input=json.dumps(spec),
        text=True,
        check=True,
        timeout=600,
        capture_output=True,
    )
    return path
